// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"

namespace newsdex {

/// The archive formats newsdex reads.
enum class Format {
  automatic,  ///< detect per file from its name and first bytes
  text,       ///< plain-text article: headline line, caption lines, body paragraphs
  jsonl,      ///< JSON Lines, one article per line
  sgml,       ///< Reuters-21578 SGML, one article per `<REUTERS>` element
  html,       ///< an HTML article page
};

/// `"text"`, `"jsonl"`, `"sgml"`, `"html"` or `"auto"`.
std::string_view to_string(Format format) noexcept;
/// The inverse of `to_string`; `std::nullopt` for an unknown name.
std::optional<Format> parse_format(std::string_view name) noexcept;

/// How to read an archive. Every field has a sensible default.
struct ReadOptions {
  /// Force one format for every file instead of detecting it per file.
  Format format = Format::automatic;
  /// Extra JSON key per article field, for JSON Lines whose keys are not the usual ones:
  /// `{"headline", "story_title"}` reads the headline from `story_title`. Field names are
  /// `id`, `headline`, `body`, `date`, `url`, `source`, `byline`, `language`, `dateline`.
  std::map<std::string, std::string> json_fields;
  /// A record larger than this (bytes of input) is skipped and reported.
  std::size_t max_article_bytes = 4u << 20;
  /// A file, or a member of an archive, larger than this (bytes after decompression) is skipped
  /// and reported; this also caps decompression bombs.
  std::uint64_t max_file_bytes = 1ull << 30;
};

/// Something a reader noticed in its input.
struct ReadIssue {
  enum class Severity {
    warning,  ///< the article was read, but something was repaired (e.g. invalid UTF-8)
    error,    ///< the record or file could not be read and was skipped
  };
  Severity severity = Severity::error;
  /// The file, with `!member` for a member of an archive.
  std::string file;
  /// 1-based record (line for JSON Lines, ordinal otherwise); 0 when the whole file is meant.
  std::uint64_t record = 0;
  std::string message;

  /// `file:record: warning: message`, the form the CLI prints.
  std::string describe() const;
};

/// What a read produced, in total.
struct ReadSummary {
  std::uint64_t files = 0;     ///< files and archive members opened
  /// Files found in a directory but not read because they document the archive rather than
  /// hold articles: READMEs, licences, Markdown, DTDs, the text lists beside an SGML collection.
  std::uint64_t passed_over = 0;
  std::uint64_t articles = 0;  ///< articles handed to the callback
  std::uint64_t errors = 0;    ///< records or files skipped
  std::uint64_t warnings = 0;  ///< repairs made
  std::uint64_t bytes = 0;     ///< input bytes read (decompressed)
};

/// A file found on disk under the paths of a read. An archive or compressed file is one
/// `SourceFile`, however many members it holds.
struct SourceFile {
  /// The file as reported in `ReadIssue::file` and `Article::source_path` (`dir/sub/a.txt`).
  std::string path;
  /// Where it is on disk, as found by the walk (relative if the argument was relative).
  std::filesystem::path file;
};

/// Callbacks a read reports to. Each may be empty.
struct ReadCallbacks {
  /// Called before each file found on disk is read. Returning false passes over the file unread
  /// (no `on_file_end` follows): incremental indexing skips unchanged files this way.
  std::function<bool(const SourceFile&)> on_file_start;
  /// Called once every article and issue of a file that `on_file_start` let through has been
  /// delivered. Not called for a file whose read was ended by an exception from a callback.
  std::function<void(const SourceFile&)> on_file_end;
  /// Called once per article, in input order (files sorted by name within a directory).
  std::function<void(Article&&)> on_article;
  /// Called for every warning and error.
  std::function<void(const ReadIssue&)> on_issue;
  /// Called after each file with the running count of input bytes read, for progress displays.
  std::function<void(std::uint64_t bytes_read)> on_progress;
};

/// Reads every article under `paths`: files, directories (walked recursively, symlink loops
/// broken), `.gz` files and `.tar`, `.tar.gz`, `.tgz`, `.zip` archives (read in place).
///
/// Never throws for bad input: missing or unreadable paths, files and records are reported
/// through `callbacks.on_issue` and skipped. Exceptions thrown by the callbacks propagate. Not thread-safe with respect to the callbacks:
/// they are called from the calling thread only.
ReadSummary read_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                          const ReadCallbacks& callbacks);

/// Sum of the sizes of the files under `paths` (compressed sizes for archives), for ETAs.
std::uint64_t total_input_bytes(const std::vector<std::string>& paths);

}  // namespace newsdex
