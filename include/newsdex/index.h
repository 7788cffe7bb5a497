// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/reader.h"

namespace newsdex {

/// How far an indexing run has got; passed to `IndexOptions::on_progress`.
struct IndexProgress {
  std::uint64_t articles_read = 0;
  std::uint64_t articles_written = 0;
  std::uint64_t bytes_read = 0;   ///< input bytes read so far (decompressed)
  std::uint64_t total_bytes = 0;  ///< input bytes on disk (compressed), 0 if unknown
  double seconds = 0;             ///< since the run started
};

/// What an indexing run did.
struct IndexReport {
  std::uint64_t read = 0;      ///< articles read from the input
  std::uint64_t added = 0;     ///< articles new to the index
  std::uint64_t replaced = 0;  ///< articles whose id was already indexed, now replaced
  /// Articles of source files unchanged since they were last indexed (same size and
  /// modification time, or same content): not read again. See `IndexOptions`.
  std::uint64_t unchanged = 0;
  /// Articles removed: ones a changed file no longer contains, and with `IndexOptions::prune`
  /// those of source files that have gone.
  std::uint64_t removed = 0;
  std::uint64_t skipped = 0;   ///< articles or records not indexed, for the reasons below
  /// Why records were skipped: reason → count (`"unreadable record"`, `"no text"`, …).
  std::map<std::string, std::uint64_t> skipped_by_reason;
  std::uint64_t warnings = 0;  ///< repairs made while reading (invalid UTF-8, …)
  /// Files passed over as documentation of the archive (see `ReadSummary::passed_over`).
  std::uint64_t passed_over = 0;
  std::uint64_t bytes = 0;     ///< input bytes read (decompressed)
  double seconds = 0;          ///< wall-clock time of the run
  /// The run was stopped by `IndexOptions::should_stop` before it had read everything; what it
  /// had read is committed, and running it again finishes the rest.
  bool interrupted = false;

  /// Articles written (added + replaced) per second; 0 for an instantaneous run.
  double articles_per_second() const noexcept;
};

/// Options of `Index::add_paths`. Every field has a sensible default.
///
/// Runs are incremental: the database records each source file it has read (its absolute path,
/// size, modification time, a 64-bit hash of its content and the ids of its articles, in
/// metadata keys `file:…`). A later run passes over a file whose size and modification time,
/// or failing those whose content, are unchanged, and counts its articles as `unchanged`; it
/// reads a changed file again, replacing its articles and removing those the file no longer
/// holds.
struct IndexOptions {
  /// How to read the paths.
  ReadOptions read;
  /// Threads analysing articles; 0 means one per core.
  unsigned threads = 0;
  /// Articles per commit; 0, the default, lets newsdex choose. An update of a database that
  /// holds articles commits every `batch_size` articles (2,000 when 0). A first load into an
  /// empty database merges the shards it writes into the database after `batch_size` articles
  /// and then each time the load has doubled; when 0, after 2,000 articles and each doubling
  /// once 30 seconds have passed since the last merge or the start, so that a load of a minute
  /// merges once or twice and one of seconds only at the end. A run interrupted by a crash
  /// keeps every committed batch.
  std::size_t batch_size = 0;
  /// Called from the calling thread at most a few times a second, and once at the end.
  std::function<void(const IndexProgress&)> on_progress;
  /// Called from the calling thread for every reader warning and skipped record.
  std::function<void(const ReadIssue&)> on_issue;
  /// Polled from the calling thread a few times a second. Once it returns true, reading stops,
  /// the articles already read are written and committed, and the report says `interrupted`.
  /// A signal handler can set an atomic flag that this reads.
  std::function<bool()> should_stop;
  /// Also remove the articles of source files, recorded under the paths of this run, that no
  /// longer exist. Not done when the run is interrupted.
  bool prune = false;
};

/// Whether `Index::add` created a new article or replaced one with the same id.
enum class AddResult { added, replaced };

/// A newsdex database opened for writing: add, replace and remove articles.
///
/// Only one `Index` may be open on a database at a time, across threads and processes; readers
/// (`Searcher`) may run alongside and see changes after `commit()` and their `reopen()`.
/// Move-only. Not thread-safe: use one `Index` from one thread at a time.
class Index {
 public:
  /// Opens the database at `path` for writing, creating it (and missing parent folders) if
  /// needed. Throws `Error` with `locked` if another writer holds it, `version_mismatch` if it
  /// was built by an incompatible newsdex, `io` if it cannot be created.
  static Index create(const std::string& path);
  /// Like `create`, but throws `Error` with `not_found` if no database exists at `path`.
  static Index open(const std::string& path);

  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;
  /// Commits what was added since the last commit; errors at this point are swallowed, so call
  /// `commit()` first when you need to know.
  ~Index();

  /// Adds `article`, replacing any article with the same id. Takes effect for readers at the
  /// next `commit()`. Throws `Error` with `invalid_argument` if the article has no id.
  AddResult add(const Article& article);

  /// Reads every article under `paths` (see `read_articles`) and adds it, committing every
  /// `options.batch_size` articles and at the end. Files recorded by an earlier run and unchanged
  /// since are passed over unread (see `IndexOptions`). Bad input is counted and reported
  /// through `options.on_issue`, never thrown. Throws `Error` only when the database fails.
  IndexReport add_paths(const std::vector<std::string>& paths, const IndexOptions& options = {});

  /// Removes the article with this id; returns false if there was none.
  bool remove(std::string_view id);

  /// Makes all changes so far durable and visible to readers that reopen.
  void commit();

  /// Number of articles in the index, including uncommitted changes.
  std::uint64_t size() const;

  /// The database's folder.
  const std::string& path() const noexcept;

 private:
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
