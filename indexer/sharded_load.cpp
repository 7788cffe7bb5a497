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
    if (status != 0) throw std::system_error(error, std::generic_category(), "fsync " + path.string());
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

}  // namespace

// Whether a merge is copying the shards as their last checkpoint left them. A Xapian writer
// may reuse the blocks of a revision once it has committed the next, so while the copies are
// made, a shard adds documents until its batch is full and then waits before it commits.
class ShardedLoad::ShardCopying {
 public:
  void begin() {
    std::lock_guard lock(mutex_);
    copying_ = true;
  }
  void end() {
    {
      std::lock_guard lock(mutex_);
      copying_ = false;
    }
    done_.notify_all();
  }
  void wait_until_done() {
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return !copying_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable done_;
  bool copying_ = false;
};

// One shard database and the thread that writes it, fed through a bounded queue.
class ShardedLoad::Shard {
 public:
  Shard(const fs::path& path, std::uint64_t batch, ShardCopying& shard_copying)
      : db_(path.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC),
        batch_(batch),
        shard_copying_(shard_copying),
        thread_([this] { run(); }) {}

  ~Shard() {
    queue_.close();
    thread_.join();
  }

  /// `first_copy`: no article with this id was written before in this load, so the shard need
  /// not look for one to replace.
  void write(BuiltDocument built, bool first_copy) {
    send(Addition{std::move(built), first_copy});
  }
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
          shard_copying_.wait_until_done();
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
  ShardCopying& shard_copying_;
  BoundedQueue<Operation> queue_{256};
  std::thread thread_;  // last: it starts once the rest is ready
};

unsigned ShardedLoad::shard_count() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

ShardedLoad::ShardedLoad(IndexWriter& target, std::uint64_t first_merge, std::uint64_t shard_batch)
    : target_(target),
      staging_(target.path() + ".staging"),
      shard_copying_(std::make_unique<ShardCopying>()),
      next_merge_(std::max<std::uint64_t>(first_merge, 1)) {
  // A staging folder left by a killed run is stale: the target's lock, which we hold, is
  // what let that run write it.
  fs::remove_all(staging_);
  fs::create_directories(staging_);
  records_ = Xapian::WritableDatabase((staging_ / "records").string(),
                                      Xapian::DB_CREATE | Xapian::DB_NO_SYNC);
  stamp_database_version(records_);
  records_.commit();
  for (unsigned i = 0, shards = shard_count(); i < shards; ++i) {
    shards_.push_back(std::make_unique<Shard>(staging_ / ("shard-" + std::to_string(i)),
                                              std::max<std::uint64_t>(shard_batch, 1),
                                              *shard_copying_));
  }
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

ShardedLoad::Shard& ShardedLoad::shard_for(std::string_view id_term) {
  return *shards_[fnv1a(id_term) % shards_.size()];
}

AddResult ShardedLoad::write(BuiltDocument built) {
  const std::uint64_t hash = fnv1a(built.id_term);
  // Two ids with one hash make a later one look like a copy: replacing costs a look-up, and
  // finds nothing to replace.
  const bool first_copy = written_.insert(hash).second;
  // Moved, never shared: a Xapian object's reference count is not safe across threads.
  shards_[hash % shards_.size()]->write(std::move(built), first_copy);
  ++writes_since_merge_;
  return first_copy ? AddResult::added : AddResult::replaced;
}

bool ShardedLoad::remove(std::string_view id) {
  const std::string term = schema::boolean_term(schema::kId, id);
  if (written_.erase(fnv1a(term)) == 0) return false;
  shard_for(term).remove(term);
  ++writes_since_merge_;
  return true;
}

void ShardedLoad::commit() {
  if (writes_since_merge_ < next_merge_) return;
  merge(/*shards_written_on=*/true);
  next_merge_ = std::max<std::uint64_t>(next_merge_, written_.size());
}

void ShardedLoad::finish() {
  merge(/*shards_written_on=*/false);
  wait_for_merge();
}

void ShardedLoad::wait_for_merge() {
  if (merging_.valid()) merging_.get();
}

void ShardedLoad::merge(bool shards_written_on) {
  wait_for_merge();
  records_.commit();
  std::vector<std::future<void>> commits;
  for (auto& shard : shards_) commits.push_back(shard->commit());
  for (auto& committed : commits) committed.get();
  writes_since_merge_ = 0;

  // The records are written by this thread alone, which commits them only here, after the
  // merge: they are read in place. So are the shards at the end, when nothing writes them.
  // While the load goes on, the merge reads copies of the shards as this checkpoint left them,
  // and the shards wait for the copies, not the merge, before they commit again.
  if (shards_written_on) shard_copying_->begin();
  merging_ = std::async(std::launch::async, [this, shards_written_on] {
    const fs::path next = target_.path() + ".next";
    const fs::path copies = staging_ / "merging";
    Xapian::Database sources;
    {
      // However the copying ends, no shard waits for it any longer.
      struct CopyingEnds {
        ShardCopying* copying;
        ~CopyingEnds() {
          if (copying != nullptr) copying->end();
        }
      } ends{shards_written_on ? shard_copying_.get() : nullptr};
      sources.add_database(Xapian::Database((staging_ / "records").string()));
      fs::remove_all(copies);
      if (shards_written_on) fs::create_directories(copies);
      for (unsigned i = 0; i < shards_.size(); ++i) {
        const std::string name = "shard-" + std::to_string(i);
        fs::path shard = staging_ / name;
        if (shards_written_on) {
          fs::copy(shard, copies / name, fs::copy_options::recursive);
          shard = copies / name;
        }
        sources.add_database(Xapian::Database(shard.string()));
      }
    }
    fs::remove_all(next);
    sources.compact(next.string(), 0, static_cast<int>(schema::kBlockSize));
    sources.close();
    fs::remove_all(copies);
    sync_tree(next);
    put_in_place(next, target_.path());
    // Until this reopen the new database is not locked: a writer starting in that instant would
    // take it, and this run would stop with "locked" rather than write beside it.
    target_.reopen();
    fs::remove_all(next);
  });
}

}  // namespace newsdex
