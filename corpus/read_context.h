// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "corpus/utf8.h"
#include "newsdex/article.h"
#include "newsdex/reader.h"

namespace newsdex::detail {

/// Where a reader sends the articles it reads and the issues it notices.
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void article(Article&& article) = 0;
  virtual void issue(ReadIssue&& issue) = 0;
};

/// One file, or one member of an archive, as a reader sees it.
struct FileInput {
  /// The file's bytes (decompressed); not owned.
  std::string_view bytes;
  /// The file as reported in `Article::source_path` and `ReadIssue::file`: `dir/a.txt`,
  /// `dir/x.tar.gz!member/a.txt`.
  std::string source_path;
  /// The file's path below the parent of the root it was found under (`seeds/a.txt`,
  /// `x.tar.gz!member/a.txt`): the base of ids derived from the file.
  std::string id_path;
  /// The bytes end early (a damaged archive was cut short): readers drop an incomplete last
  /// record instead of reading it as if it were whole.
  bool truncated = false;
};

/// Everything a reader needs while it reads one file. Readers never throw for bad input; an
/// exception thrown by the sink passes through them.
struct ReadContext {
  const FileInput& input;
  const ReadOptions& options;
  RecordSink& sink;

  /// Sends `article` on, with `source_path` filled in.
  void emit(Article&& article) const;
  void warning(std::uint64_t record, std::string message) const;
  void error(std::uint64_t record, std::string message) const;
  /// `bytes` as valid UTF-8 (see `repair_utf8`), with a warning for `record` when it had to be
  /// repaired.
  std::string to_utf8(std::string_view bytes, std::uint64_t record,
                      InvalidUtf8 mode = InvalidUtf8::replace) const;
  /// True, after an error for `record`, when `size` exceeds `options.max_article_bytes`.
  bool too_large(std::size_t size, std::uint64_t record) const;
};

}  // namespace newsdex::detail
