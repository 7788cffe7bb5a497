// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <filesystem>
#include <future>
#include <memory>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "indexer/document_sink.h"
#include "indexer/index_writer.h"

namespace newsdex {

/// A bulk load into a database that holds no articles yet, by several writers at once.
///
/// Xapian has one writer per database, and that writer — its in-memory inverter more than the
/// analysis — is what limits a first load (docs/ARCHITECTURE.md has the measurements). So a
/// bulk load writes a shard database per core (`shard_count`), each with a thread of its own
/// and small batches; an article goes to the shard its id hashes to, so that a later copy of it
/// replaces the earlier one. A checkpoint commits every shard and merges them all, with the
/// records of the source files, into one new database by Xapian's compaction, which then takes
/// the place of the target in one atomic rename (`renameat2` with `RENAME_EXCHANGE`): readers
/// see the old database or the new one, never a mixture. The shards keep everything the run
/// wrote, so each merge holds all of it; merges come when the run has doubled since the last
/// (the first after `first_merge` articles), so merging costs at most twice a single one. A
/// merge runs in the background while the shards go on being written; it reopens the target
/// when it is done, so the target must not be used until `finish` returns.
///
/// The shards live beside the target, in `<target>.staging/`, removed at the end; one left by
/// a killed run is removed by the next. A run killed between merges leaves the target as the
/// last merge made it, and the next run (an update of a database that is no longer empty)
/// goes on from its records. The shard layout does not depend on the number of threads asked
/// for, so neither do the merged database's document numbers.
class ShardedLoad final : public DocumentSink {
 public:
  /// One shard per core, at most eight: each core also runs an analysis worker, and more
  /// writers than cores compete for the cache (docs/ARCHITECTURE.md has the measurements).
  static unsigned shard_count();

  /// Documents a shard buffers before it flushes them: Xapian's inverter costs more per
  /// document the more it holds. Between 100 and 1,000 the time of a load is the same within
  /// this machine's noise, and memory follows the batch: 500 keeps the peak about 45 MB below
  /// 1,000's on Reuters and grows it by less than a fifth on ten times the archive
  /// (docs/ARCHITECTURE.md).
  static constexpr std::uint64_t kShardBatch = 500;

  /// `target` must hold no articles. Throws `Xapian::Error` if the shards cannot be created.
  ShardedLoad(IndexWriter& target, std::uint64_t first_merge,
              std::uint64_t shard_batch = kShardBatch);
  /// Stops the shard writers and removes the staging folder, merged or not.
  ~ShardedLoad() override;
  ShardedLoad(const ShardedLoad&) = delete;
  ShardedLoad& operator=(const ShardedLoad&) = delete;

  AddResult write(BuiltDocument built) override;
  bool remove(std::string_view id) override;
  /// A checkpoint: merges into the target when the run has doubled since the last merge.
  void commit() override;
  Xapian::WritableDatabase& records() override { return records_; }
  /// Commits and merges: the target then holds everything the run wrote and recorded.
  void finish();

 private:
  class ShardCopying;
  class Shard;

  Shard& shard_for(std::string_view id_term);
  /// Commits every shard and starts merging them in the background, once the last merge is
  /// done. `shards_written_on`: the load goes on, so the merge reads copies of the shards.
  void merge(bool shards_written_on);
  /// Waits for the merge in progress, if any; rethrows what made it fail.
  void wait_for_merge();

  IndexWriter& target_;
  std::filesystem::path staging_;
  std::unique_ptr<ShardCopying> shard_copying_;
  Xapian::WritableDatabase records_;
  std::vector<std::unique_ptr<Shard>> shards_;
  // Hashes of the ids written: to count replacements and removals as they are asked for, and to
  // spare a shard the look-up of replace_document for an article's first copy.
  std::unordered_set<std::uint64_t> written_;
  std::uint64_t writes_since_merge_ = 0;
  std::uint64_t next_merge_;
  std::future<void> merging_;  ///< the merge in progress; it reopens `target_` when it is done
};

}  // namespace newsdex
