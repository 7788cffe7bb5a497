// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/document_sink.h"
#include "indexer/index_writer.h"
#include "indexer/written_forms.h"
#include "indexer/written_ids.h"

namespace newsdex {

/// A bulk load into a database that holds no articles yet, by several writers at once.
///
/// Xapian has one writer per database, and that writer — its in-memory inverter more than the
/// analysis — is what limits a first load (docs/ARCHITECTURE.md has the measurements). So a
/// bulk load writes a shard database per core (`shard_count`), each with a thread of its own
/// and small batches; an article goes to the shard its id hashes to, so that a later copy of it
/// in the same shard replaces the earlier one. A checkpoint merges the target, every shard and
/// the records of the source files into one new database by Xapian's compaction, which then
/// takes the place of the target in one atomic rename (`renameat2` with `RENAME_EXCHANGE`):
/// readers see the old database or the new one, never a mixture. Merges come when the run has
/// doubled since the last (the first after `first_merge` articles), so merging costs at most
/// twice a single one, and no sooner than `min_merge_interval` after the last merge (or the
/// load's start): a merge reads everything loaded so far, and a short load is better merged
/// once, at the end.
///
/// The shards are written in generations. A merge closes the generation being written and reads
/// it in place while the next is written, in the background; a generation is also closed, to
/// wait for the next merge, once each of its shards holds `generation_size` documents, because
/// a Xapian writer's commits cost more the larger its database (docs/ARCHITECTURE.md). An
/// article written again in a later generation than its first copy, or removed, leaves its
/// earlier copies to the merge, which deletes them from the merged database before putting it
/// in place. A merge reopens the target when it is done, so the target must not be used until
/// `finish` returns.
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

  /// Documents a shard of one generation holds at most, give or take a checkpoint's worth. A
  /// Xapian writer's commits cost more the larger its database: on ten times Reuters, closing
  /// generations at 16,000 took a load from 85–107 s to 84–87 s against closing them at merges
  /// only, and at 4,000 or 1,000 cost more merging than it saved (docs/ARCHITECTURE.md).
  static constexpr std::uint64_t kGenerationSize = 16000;

  /// The B-tree block size of the shards, which live only until the merge (the merged
  /// database has `schema::kBlockSize`). A shard's commit rereads the blocks of every posting
  /// list it extends, one system call a block: with 32 KiB blocks a Reuters load took a median
  /// of 4.42 s against 4.77 s with Xapian's default of 8 KiB and 4.63 s with 64 KiB (five
  /// interleaved rounds; CPU 8.15 s against 8.84 s).
  static constexpr unsigned kShardBlockSize = 32768;

  /// `target` must hold no articles. Throws `Xapian::Error` if the shards cannot be created.
  ShardedLoad(IndexWriter& target, std::uint64_t first_merge,
              std::uint64_t shard_batch = kShardBatch,
              std::uint64_t generation_size = kGenerationSize,
              std::chrono::steady_clock::duration min_merge_interval = {});
  /// Stops the shard writers and removes the staging folder, merged or not.
  ~ShardedLoad() override;
  ShardedLoad(const ShardedLoad&) = delete;
  ShardedLoad& operator=(const ShardedLoad&) = delete;

  AddResult write(BuiltDocument built) override;
  bool remove(std::string_view id) override;
  /// A checkpoint: merges into the target when the run has doubled since the last merge and
  /// `min_merge_interval` has passed, or else closes the generation being written once it is
  /// full.
  void commit() override;
  Xapian::WritableDatabase& records() override { return records_; }
  /// Commits and merges: the target then holds everything the run wrote and recorded.
  void finish();

 private:
  class Shard;

  std::filesystem::path generation_folder() const;  ///< of the generation being written
  /// Starts writing generation `generation_`.
  void open_generation();
  /// Commits the shards of the generation being written and closes them; they wait for a merge.
  void close_generation();
  /// Closes the generation being written and, once the last merge is done, starts merging the
  /// target, the closed generations and the records in the background. `load_goes_on`: a new
  /// generation is opened.
  void merge(bool load_goes_on);
  /// The merge itself: `generations` closed since the last, `earlier_copies` of ids to delete.
  void merge_into_target(const std::vector<std::filesystem::path>& generations,
                         const std::map<std::string, bool>& earlier_copies);
  /// Waits for the merge in progress, if any; rethrows what made it fail.
  void wait_for_merge();

  IndexWriter& target_;
  std::filesystem::path staging_;
  const std::uint64_t shard_batch_;
  const std::uint64_t generation_size_;
  Xapian::WritableDatabase records_;
  WrittenFormsRecorder written_forms_;          ///< into `records_`
  std::uint32_t generation_ = 0;                ///< the generation being written
  std::vector<std::unique_ptr<Shard>> shards_;  ///< its shards
  std::uint64_t writes_in_generation_ = 0;
  std::vector<std::filesystem::path> closed_generations_;  ///< not yet merged
  // The generation that holds the last copy of each id written, by the id's hash: to count
  // replacements and removals as they are asked for, and to spare a shard the look-up of
  // replace_document for an article's first copy in a generation.
  WrittenIds written_;
  // Ids with copies in generations before their last write, to delete from the next merge:
  // true keeps the newest copy, false (the id was removed since) keeps none.
  std::map<std::string, bool> earlier_copies_;
  std::uint64_t writes_since_merge_ = 0;
  std::uint64_t next_merge_;
  const std::chrono::steady_clock::duration min_merge_interval_;
  std::chrono::steady_clock::time_point last_merge_;  ///< started, or the load's start
  std::future<void> merging_;  ///< the merge in progress; it reopens `target_` when it is done
};

}  // namespace newsdex
