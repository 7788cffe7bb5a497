// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/sharded_load.h"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <exception>
#include <future>
#include <mutex>
#include <system_error>
#include <thread>
#include <variant>

#include "analyzers/fnv1a.h"
#include "indexer/bounded_queue.h"
#include "indexer/database_version.h"
#include "indexer/schema.h"

namespace newsdex {

namespace fs = std::filesystem;

namespace {

// Flushes every file under `dir`, then `dir` itself: shards and merges are written without
// Xapian's own syncs, so a merged database is made durable once, before it is put in place.
void sync_tree(const fs::path& dir) {
  auto sync = [](const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd == -1) throw std::system_error(errno, std::generic_category(), "open " + path.string());
    const int status = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (status != 0)
      throw std::system_error(error, std::generic_category(), "fsync " + path.string());
  };
  for (const fs::directory_entry& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) sync(entry.path(), O_RDONLY);
  }
  sync(dir, O_RDONLY | O_DIRECTORY);
}

// Puts the database at `replacement` where `target` is, atomically, and the old one where
// `replacement` was.
void put_in_place(const fs::path& replacement, const fs::path& target) {
  if (::renameat2(AT_FDCWD, replacement.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    return;
  }
  if (errno != EINVAL && errno != ENOSYS) {
    throw std::system_error(errno, std::generic_category(),
                            "could not put the merged database in place of " + target.string());
  }
  // A filesystem without atomic exchange: readers opening in between find no database.
  const fs::path old = target.string() + ".old";
  fs::rename(target, old);
  fs::rename(replacement, target);
  fs::rename(old, replacement);
}

std::string shard_name(unsigned shard) { return "shard-" + std::to_string(shard); }

// The merge's sources hold a source file's record twice once an earlier merge has put it in
// the target: the run's records hold the latest. (A first load forgets no record, so none is
// in the target alone that the records no longer hold.)
class LatestRecords final : public Xapian::Compactor {
 public:
  explicit LatestRecords(Xapian::Database records) : records_(std::move(records)) {}

  std::string resolve_duplicate_metadata(const std::string& key, std::size_t,
                                         const std::string tags[]) override {
    std::string latest = records_.get_metadata(key);
    return latest.empty() ? tags[0] : latest;
  }

 private:
  Xapian::Database records_;
};

// Deletes from the database at `path` the copies of each id that `earlier_copies` says are
// not to be kept: all but the newest, which the merge numbered last, or all of them.
void delete_earlier_copies(const fs::path& path,
                           const std::map<std::string, bool>& earlier_copies) {
  if (earlier_copies.empty()) return;
  Xapian::WritableDatabase db(path.string(), Xapian::DB_OPEN | Xapian::DB_NO_SYNC);
  for (const auto& [id_term, keep_newest] : earlier_copies) {
    std::vector<Xapian::docid> copies(db.postlist_begin(id_term), db.postlist_end(id_term));
    if (keep_newest && !copies.empty()) copies.pop_back();
    for (const Xapian::docid copy : copies) db.delete_document(copy);
  }
  db.commit();
}

// A shard is written by its thread alone and read only once its generation is closed, by a
// merge, or never if the run stops first (the next run removes it). So it need not be
// readable while it is written, nor survive a crash: no fsync, and blocks rewritten in place
// rather than copied on write (Xapian's DB_DANGEROUS), which took a Reuters load's median from
// 4.28 to 4.12 s (five interleaved rounds; system time 0.32-0.42 s against 0.37-0.47 s) and
// ten times the archive from 43.9 to 42.8 s (system time 5.3 s against 7.3 s).
constexpr int kShardFlags =
    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS;

}  // namespace

// One shard database and the thread that writes it, fed through a bounded queue.
class ShardedLoad::Shard {
 public:
  Shard(const fs::path& path, std::uint64_t batch)
      : db_(path.string(), kShardFlags, kShardBlockSize),
        batch_(batch),
        thread_([this] { run(); }) {}

  ~Shard() {
    queue_.close();
    thread_.join();
  }

  /// `first_copy`: no article with this id was written before in this load, so the shard need
  /// not look for one to replace.
  void write(BuiltDocument built, bool first_copy) { send(Addition{std::move(built), first_copy}); }
  void remove(std::string id_term) { send(Removal{std::move(id_term)}); }

  /// Asks the shard to commit; the future is ready once it has.
  std::future<void> commit() {
    std::promise<void> done;
    std::future<void> committed = done.get_future();
    send(std::move(done));
    return committed;
  }

 private:
  struct Addition {
    BuiltDocument built;
    bool first_copy;
  };
  struct Removal {
    std::string id_term;
  };
  using Operation = std::variant<Addition, Removal, std::promise<void>>;

  void send(Operation operation) {
    // A commit is waited for: it must not wait in turn for a run of documents to follow it.
    const bool awaited = std::holds_alternative<std::promise<void>>(operation);
    if (!(awaited ? queue_.push_and_wake(std::move(operation))
                  : queue_.push(std::move(operation)))) {
      throw std::logic_error("shard writer stopped");
    }
  }

  void run() {
    std::exception_ptr failure;
    std::uint64_t buffered = 0;
    while (std::optional<Operation> operation = queue_.pop()) {
      if (auto* done = std::get_if<std::promise<void>>(&*operation)) {
        if (failure) {
          done->set_exception(failure);
          continue;
        }
        try {
          db_.commit();
          buffered = 0;
          done->set_value();
        } catch (...) {
          failure = std::current_exception();
          done->set_exception(failure);
        }
        continue;
      }
      if (failure) continue;  // reported at the next commit
      try {
        if (auto* addition = std::get_if<Addition>(&*operation)) {
          const BuiltDocument& built = addition->built;
          if (addition->first_copy) {
            db_.add_document(built.document);
          } else {
            db_.replace_document(built.id_term, built.document);
          }
        } else {
          db_.delete_document(std::get<Removal>(*operation).id_term);
        }
        if (++buffered >= batch_) {
          db_.commit();
          buffered = 0;
        }
      } catch (...) {
        failure = std::current_exception();
      }
    }
  }

  Xapian::WritableDatabase db_;
  const std::uint64_t batch_;
  BoundedQueue<Operation> queue_{256};
  std::thread thread_;  // last: it starts once the rest is ready
};

unsigned ShardedLoad::shard_count() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

ShardedLoad::ShardedLoad(IndexWriter& target, std::uint64_t first_merge, std::uint64_t shard_batch,
                         std::uint64_t generation_size,
                         std::chrono::steady_clock::duration min_merge_interval)
    : target_(target),
      staging_(target.path() + ".staging"),
      shard_batch_(std::max<std::uint64_t>(shard_batch, 1)),
      generation_size_(std::max<std::uint64_t>(generation_size, 1)),
      written_forms_(records_),
      next_merge_(std::max<std::uint64_t>(first_merge, 1)),
      min_merge_interval_(min_merge_interval),
      last_merge_(std::chrono::steady_clock::now()) {
  // A staging folder left by a killed run is stale: the target's lock, which we hold, is
  // what let that run write it.
  fs::remove_all(staging_);
  fs::create_directories(staging_);
  records_ = Xapian::WritableDatabase((staging_ / "records").string(),
                                      Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
  stamp_database_version(records_);
  records_.commit();
  open_generation();
}

ShardedLoad::~ShardedLoad() {
  if (merging_.valid()) {
    try {
      merging_.get();
    } catch (...) {
      // The run is being abandoned: the target stays as the last finished merge left it.
    }
  }
  shards_.clear();
  records_.close();
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
  fs::remove_all(target_.path() + ".next", ignored);
}

fs::path ShardedLoad::generation_folder() const {
  return staging_ / ("generation-" + std::to_string(generation_));
}

void ShardedLoad::open_generation() {
  const fs::path folder = generation_folder();
  fs::create_directories(folder);
  for (unsigned i = 0, shards = shard_count(); i < shards; ++i) {
    shards_.push_back(std::make_unique<Shard>(folder / shard_name(i), shard_batch_));
  }
  writes_in_generation_ = 0;
}

void ShardedLoad::close_generation() {
  std::vector<std::future<void>> commits;
  for (auto& shard : shards_) commits.push_back(shard->commit());
  for (auto& committed : commits) committed.get();
  shards_.clear();
  closed_generations_.push_back(generation_folder());
  ++generation_;
}

AddResult ShardedLoad::write(BuiltDocument built) {
  const std::uint64_t hash = fnv1a(built.id_term);
  // Two ids with one hash make a later one look like a copy: replacing costs a look-up, and
  // finds nothing to replace; deleting its earlier copies finds none.
  const std::optional<std::uint32_t> last = written_.find(hash);
  const bool first_copy = !last;
  const bool copy_in_generation = !first_copy && *last == generation_;
  if (!first_copy && !copy_in_generation) {
    // Its earlier copies are in closed generations or the target: the merge deletes them.
    earlier_copies_[built.id_term] = true;
  } else if (first_copy) {
    // Removed before: its earlier copies are to go, this one to stay.
    if (const auto removed = earlier_copies_.find(built.id_term);
        removed != earlier_copies_.end()) {
      removed->second = true;
    }
  }
  written_.set(hash, generation_);
  // Into the records, which every merge reads: one recorder for the run, not one per shard.
  written_forms_.record(built.written_forms);
  // Moved, never shared: a Xapian object's reference count is not safe across threads.
  shards_[hash % shards_.size()]->write(std::move(built), !copy_in_generation);
  ++writes_since_merge_;
  ++writes_in_generation_;
  return first_copy ? AddResult::added : AddResult::replaced;
}

bool ShardedLoad::remove(std::string_view id) {
  const std::string term = schema::boolean_term(schema::kId, id);
  const std::uint64_t hash = fnv1a(term);
  const std::optional<std::uint32_t> last = written_.find(hash);
  if (!last) return false;
  if (*last == generation_) shards_[hash % shards_.size()]->remove(term);
  earlier_copies_[term] = false;
  written_.erase(hash);
  ++writes_since_merge_;
  return true;
}

void ShardedLoad::commit() {
  if (writes_since_merge_ >= next_merge_ &&
      std::chrono::steady_clock::now() - last_merge_ >= min_merge_interval_) {
    merge(/*load_goes_on=*/true);
    next_merge_ = std::max<std::uint64_t>(next_merge_, written_.size());
  } else if (writes_in_generation_ >= generation_size_ * shards_.size()) {
    close_generation();
    open_generation();
  }
}

void ShardedLoad::finish() {
  merge(/*load_goes_on=*/false);
  wait_for_merge();
}

void ShardedLoad::wait_for_merge() {
  if (merging_.valid()) merging_.get();
}

void ShardedLoad::merge(bool load_goes_on) {
  wait_for_merge();
  written_forms_.flush();
  records_.commit();
  close_generation();
  if (load_goes_on) open_generation();
  writes_since_merge_ = 0;
  last_merge_ = std::chrono::steady_clock::now();

  // The records are written by this thread alone, which commits them only here, after the
  // merge: they are read in place, as are the closed generations, which nothing writes.
  merging_ = std::async(std::launch::async, &ShardedLoad::merge_into_target, this,
                        std::exchange(closed_generations_, {}), std::exchange(earlier_copies_, {}));
}

void ShardedLoad::merge_into_target(const std::vector<fs::path>& generations,
                                    const std::map<std::string, bool>& earlier_copies) {
  const fs::path next = target_.path() + ".next";
  const Xapian::Database records((staging_ / "records").string());
  Xapian::Database sources(records);
  sources.add_database(Xapian::Database(target_.path()));
  // In a fixed order, so that the merged database's document numbers are too.
  for (const fs::path& generation : generations) {
    for (unsigned i = 0, shards = shard_count(); i < shards; ++i) {
      sources.add_database(Xapian::Database((generation / shard_name(i)).string()));
    }
  }
  fs::remove_all(next);
  LatestRecords latest_records(records);
  sources.compact(next.string(), 0, static_cast<int>(schema::kBlockSize), latest_records);
  sources.close();
  delete_earlier_copies(next, earlier_copies);
  sync_tree(next);
  put_in_place(next, target_.path());
  // Until this reopen the new database is not locked: a writer starting in that instant would
  // take it, and this run would stop with "locked" rather than write beside it.
  target_.reopen();
  fs::remove_all(next);
  for (const fs::path& generation : generations) fs::remove_all(generation);
}

}  // namespace newsdex
