// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

#include <xapian.h>

#include "indexer/document_builder.h"
#include "newsdex/index.h"

namespace newsdex {

/// Where an indexing run's documents go: the database itself (`IndexWriter`) or the shards of
/// a bulk load (`ShardedLoad`). Used from one thread.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;

  /// Stores `built`, replacing any document with the same id term.
  virtual AddResult write(BuiltDocument built) = 0;
  /// Removes the article with this id; false if there was none.
  virtual bool remove(std::string_view id) = 0;
  /// Makes what was written so far permanent (a sink may make it visible to readers later).
  virtual void commit() = 0;
  /// The database that keeps what is recorded beside the documents (`SourceFileRegistry`),
  /// committed with them.
  virtual Xapian::WritableDatabase& records() = 0;
};

}  // namespace newsdex
