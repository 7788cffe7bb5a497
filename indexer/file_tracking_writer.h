// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "indexer/document_sink.h"
#include "indexer/source_files.h"
#include "newsdex/index.h"

namespace newsdex {

/// Writes a run's documents file by file and keeps the database's record of source files in
/// step with them: a file's record is saved after its last article, so that both reach the
/// same commit, and the articles its previous version held but this one does not are removed.
/// Counts what it does in the `IndexReport` it is given. Used from one thread.
class FileTrackingWriter {
 public:
  /// `known` are the files recorded when the run started (`SourceFileRegistry::known_files`).
  FileTrackingWriter(DocumentSink& sink, const std::map<std::string, KnownFile>& known,
                     IndexReport& report);

  /// The articles that follow, up to `end_file`, come from the file at `path`.
  void begin_file(const std::string& path, const FileStamp& stamp);
  void write(BuiltDocument built, const std::string& id);
  /// Every article of the current file has been written.
  void end_file();
  /// The file at `path` was passed over as unchanged; `stamp` is its current one.
  void unchanged_file(const std::string& path, const FileStamp& stamp);
  /// Removes the articles and records of the files recorded under `roots` (source file keys)
  /// that this run did not find.
  void prune(const std::vector<std::string>& roots);

  /// Articles written since the last commit.
  std::size_t uncommitted() const noexcept { return uncommitted_; }
  void commit();

 private:
  void remove_articles(const std::vector<std::string>& ids,
                       const std::unordered_set<std::string>& kept);

  DocumentSink& sink_;
  SourceFileRegistry registry_;
  const std::map<std::string, KnownFile>& known_;
  IndexReport& report_;
  std::optional<SourceFileRecord> current_;
  std::set<std::string> found_;  // files this run found, read or not
  // An article may move from one file to another: one a changed file no longer holds is kept
  // if another file wrote it earlier in the run. Only a database with recorded files can hold
  // such articles, so a first run keeps no ids and its memory stays flat.
  const bool remember_written_;
  std::unordered_set<std::string> written_;
  std::size_t uncommitted_ = 0;
};

}  // namespace newsdex
