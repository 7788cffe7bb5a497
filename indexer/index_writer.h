// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "indexer/document_builder.h"
#include "indexer/document_sink.h"
#include "indexer/written_forms.h"
#include "newsdex/index.h"

namespace newsdex {

/// The single writer of a newsdex database: stamps new databases with the schema and analyzer
/// that built them, refuses databases built by others, and adds, replaces and removes
/// documents. Xapian errors propagate; the public API translates them.
class IndexWriter final : public DocumentSink {
 public:
  enum class Mode { create_or_open, open_existing };

  IndexWriter(const std::string& path, Mode mode);

  AddResult write(BuiltDocument built) override;
  bool remove(std::string_view id) override;
  void commit() override {
    written_forms_.flush();
    db_.commit();
  }
  /// The database itself: its metadata keeps the source-file records (`SourceFileRegistry`).
  Xapian::WritableDatabase& records() override { return db_; }
  /// Opens the database at `path()` again, after a bulk load has put a new one in its place
  /// (`ShardedLoad`). There must be no uncommitted changes.
  void reopen();
  std::uint64_t size() const { return db_.get_doccount(); }
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
  Xapian::WritableDatabase db_;
  WrittenFormsRecorder written_forms_;
};

}  // namespace newsdex
