// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace newsdex {

/// One news article as its source states it, before newsdex extracts anything.
///
/// Every string is valid UTF-8 (readers repair invalid input and report it). Fields the source
/// does not provide are empty. `Article` is a plain value type: copy it, move it, compare it.
struct Article {
  /// Stable identifier: the source's own id when it has one (a JSON `id`/`guid`, Reuters'
  /// `NEWID` as `reuters-NEWID`), otherwise derived from the file's path below the indexed root
  /// and the record's position. Indexing an article with an id already in the index replaces it.
  std::string id;
  /// The file the article came from, as given to the reader; members of archives are written
  /// `archive.tar.gz!member/path.txt`.
  std::string source_path;
  /// 1-based position of the record in its file: the line for JSON Lines, the ordinal otherwise.
  std::uint64_t record = 0;
  /// Name of the format it was read as: `text`, `jsonl`, `sgml` or `html`.
  std::string format;

  std::string headline;
  /// Body paragraphs separated by blank lines, without captions and trailing boilerplate.
  std::string body;
  /// Caption, standfirst and keyword lines, kept apart from the body.
  std::vector<std::string> captions;
  /// The dateline as written (`WASHINGTON, March 3 (Reuters) -`), when the source marks it.
  std::string dateline;
  std::string byline;
  /// Agency or publisher as stated by the source.
  std::string source;
  /// Publication date exactly as stated by the input (`26-FEB-1987 15:01:01.79`).
  std::string date;
  /// Language as stated by the input (`en`, `de-AT`), not guessed.
  std::string language;
  std::string url;
  /// Tags the source itself provides, by kind: Reuters' `places`, `people`, `orgs`, `topics`,
  /// `exchanges`, `companies`; a JSON record's `keywords`; an HTML page's `section`.
  std::map<std::string, std::vector<std::string>> tags;

  friend bool operator==(const Article&, const Article&) = default;
};

}  // namespace newsdex
