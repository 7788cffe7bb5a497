// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/pipeline.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include "indexer/bounded_queue.h"
#include "indexer/file_tracking_writer.h"
#include "indexer/sharded_load.h"
#include "indexer/source_files.h"

namespace newsdex {

namespace {

using Clock = std::chrono::steady_clock;

// A record with nothing to find it by. One that has only a date or the source's tags is still
// an article of the archive (Reuters-21578 holds an empty story of 3 April 1987): it is indexed
// so that the archive's count and its date and tag filters stay whole.
bool is_blank(const Article& article) {
  return article.headline.empty() && article.body.empty() && article.captions.empty() &&
         article.date.empty() && article.tags.empty();
}

constexpr auto kProgressInterval = std::chrono::milliseconds(200);

// newsdex's choice when `IndexOptions::batch_size` is 0: articles per commit, and how long a
// first load goes on between merges (each reads all it has loaded so far). On Reuters-21578,
// merging after 2,000, 4,000, 8,000 and 16,000 articles as well as at the end took 0.95 of the
// time of merging only at the end (docs/ARCHITECTURE.md); a load of hours still merges every
// time it doubles, for readers to see it grow and a crash to lose at most half of it.
constexpr std::size_t kDefaultBatchSize = 2000;
constexpr auto kMinMergeInterval = std::chrono::seconds(30);

// Thrown through the reader to stop it once the writer has given up.
struct ReadingCancelled {};

// Where a source file starts and ends in the stream of articles, or that it was passed over.
// Events travel through the queues with the articles so that the writer meets them in order.
struct FileEvent {
  enum class Kind { begin, end, unchanged };
  Kind kind;
  std::string path;  // source_file_key
  FileStamp stamp;
};

struct ReadItem {
  std::uint64_t sequence;
  std::variant<Article, FileEvent> content;
};

// A built document with its article's id, the reason the article was skipped, or a file event.
struct BuiltItem {
  std::uint64_t sequence;
  std::string id;
  std::variant<BuiltDocument, std::string, FileEvent> result;
};

// The event for a file about to be read: unchanged when its size and modification time, or
// failing those its content, are those recorded. Nullopt for a file that cannot be examined,
// which is read untracked so that the reader reports the problem.
std::optional<FileEvent> examine_file(const SourceFile& source,
                                      const std::map<std::string, KnownFile>& known) {
  std::optional<FileStamp> stamp = stat_file(source.file);
  if (!stamp) return std::nullopt;
  std::string path = source_file_key(source.file);
  const auto recorded = known.find(path);
  if (recorded != known.end() && recorded->second.stamp.same_metadata(*stamp)) {
    return FileEvent{FileEvent::Kind::unchanged, std::move(path), recorded->second.stamp};
  }
  const std::optional<std::uint64_t> hash = hash_file(source.file);
  if (!hash) return std::nullopt;
  stamp->content_hash = *hash;
  const bool same = recorded != known.end() && recorded->second.stamp.content_hash == *hash;
  return FileEvent{same ? FileEvent::Kind::unchanged : FileEvent::Kind::begin, std::move(path),
                   *stamp};
}

unsigned worker_count(unsigned requested) {
  if (requested != 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

IndexReport index_paths(IndexWriter& writer, const std::vector<std::string>& paths,
                        const IndexOptions& options) {
  const auto start = Clock::now();
  const unsigned workers = worker_count(options.threads);
  const std::uint64_t total_bytes = options.on_progress ? total_input_bytes(paths) : 0;
  const std::size_t batch_size = options.batch_size > 0 ? options.batch_size : kDefaultBatchSize;
  BoundedQueue<ReadItem> read_queue(64 * workers);
  BoundedQueue<BuiltItem> built_queue(64 * workers);
  // Issues are few per file and delivered to the calling thread, where the user's callback
  // runs; an unbounded inbox keeps the reader from ever waiting on them.
  std::mutex issues_mutex;
  std::vector<ReadIssue> issues;

  IndexReport report;
  std::atomic<std::uint64_t> bytes_read = 0;
  std::atomic<std::uint64_t> articles_read = 0;
  std::uint64_t files_passed_over = 0;  // written by the reader thread, read after it joins
  std::exception_ptr failure;

  SourceFileRegistry registry(writer.records());
  const std::map<std::string, KnownFile> known_files = registry.known_files();
  std::atomic<bool> stop_reading = false;
  bool read_everything = false;  // written by the reader thread, read after it joins

  std::thread reader([&] {
    try {
      std::uint64_t sequence = 0;
      auto send = [&](std::variant<Article, FileEvent>&& content) {
        if (!read_queue.push(ReadItem{sequence++, std::move(content)})) throw ReadingCancelled{};
      };
      ReadCallbacks callbacks;
      callbacks.on_file_start = [&](const SourceFile& source) {
        if (stop_reading) throw ReadingCancelled{};
        std::optional<FileEvent> event = examine_file(source, known_files);
        if (!event) return true;
        const bool read = event->kind == FileEvent::Kind::begin;
        send(std::move(*event));
        return read;
      };
      callbacks.on_file_end = [&](const SourceFile& source) {
        send(FileEvent{FileEvent::Kind::end, source_file_key(source.file), {}});
      };
      callbacks.on_article = [&](Article&& article) {
        if (stop_reading) throw ReadingCancelled{};
        ++articles_read;
        send(std::move(article));
      };
      callbacks.on_issue = [&](const ReadIssue& issue) {
        std::lock_guard lock(issues_mutex);
        issues.push_back(issue);
      };
      callbacks.on_progress = [&](std::uint64_t bytes) { bytes_read = bytes; };
      const ReadSummary summary = read_articles(paths, options.read, callbacks);
      bytes_read = summary.bytes;
      files_passed_over = summary.passed_over;
      read_everything = true;
    } catch (const ReadingCancelled&) {
    } catch (...) {
      failure = std::current_exception();
    }
    read_queue.close();
  });

  std::atomic<unsigned> workers_running = workers;
  std::vector<std::thread> builders;
  for (unsigned i = 0; i < workers; ++i) {
    builders.emplace_back([&] {
      DocumentBuilder builder;
      while (auto item = read_queue.pop()) {
        BuiltItem built{item->sequence, {}, std::string()};
        if (auto* event = std::get_if<FileEvent>(&item->content)) {
          built.result = std::move(*event);
          built_queue.push(std::move(built));
          continue;
        }
        const Article& article = std::get<Article>(item->content);
        built.id = article.id;
        if (is_blank(article)) {
          built.result = std::string("nothing to index (no text, date or tags)");
        } else {
          try {
            built.result = builder.build(article);
          } catch (const Xapian::Error& e) {
            built.result = "could not be analysed: " + e.get_description();
          } catch (const std::exception& e) {
            built.result = std::string("could not be analysed: ") + e.what();
          }
        }
        built_queue.push(std::move(built));
      }
      if (--workers_running == 0) built_queue.close();
    });
  }

  auto deliver_issues = [&] {
    std::vector<ReadIssue> batch;
    {
      std::lock_guard lock(issues_mutex);
      batch.swap(issues);
    }
    for (const ReadIssue& issue : batch) {
      if (issue.severity == ReadIssue::Severity::warning) {
        ++report.warnings;
      } else {
        ++report.skipped;
        ++report.skipped_by_reason["unreadable input"];
      }
      if (options.on_issue) options.on_issue(issue);
    }
  };

  auto last_progress = Clock::now();
  auto progress = [&](bool force) {
    if (!options.on_progress) return;
    const auto now = Clock::now();
    if (!force && now - last_progress < kProgressInterval) return;
    last_progress = now;
    options.on_progress(IndexProgress{.articles_read = articles_read,
                                      .articles_written = report.added + report.replaced,
                                      .bytes_read = bytes_read,
                                      .total_bytes = total_bytes,
                                      .seconds = seconds_since(start)});
  };

  // A first load goes to shards written in parallel; an update goes to the database itself.
  std::optional<ShardedLoad> sharded;
  if (known_files.empty() && writer.size() == 0) {
    sharded.emplace(writer, batch_size, ShardedLoad::kShardBatch, ShardedLoad::kGenerationSize,
                    options.batch_size > 0 ? std::chrono::seconds(0) : kMinMergeInterval);
  }
  FileTrackingWriter tracking_writer(sharded ? static_cast<DocumentSink&>(*sharded) : writer,
                                     known_files, report);
  std::map<std::uint64_t, BuiltItem> pending;  // built out of order, waiting for their turn
  std::uint64_t next = 0;
  std::exception_ptr write_failure;
  auto write_in_order = [&] {
    for (auto it = pending.find(next); it != pending.end(); it = pending.find(++next)) {
      if (auto* built = std::get_if<BuiltDocument>(&it->second.result)) {
        tracking_writer.write(std::move(*built), it->second.id);
        if (tracking_writer.uncommitted() >= batch_size) tracking_writer.commit();
      } else if (auto* event = std::get_if<FileEvent>(&it->second.result)) {
        switch (event->kind) {
          case FileEvent::Kind::begin:
            tracking_writer.begin_file(event->path, event->stamp);
            break;
          case FileEvent::Kind::end:
            tracking_writer.end_file();
            break;
          case FileEvent::Kind::unchanged:
            tracking_writer.unchanged_file(event->path, event->stamp);
            break;
        }
      } else {
        ++report.skipped;
        ++report.skipped_by_reason[std::get<std::string>(it->second.result)];
      }
      pending.erase(it);
    }
  };

  try {
    for (bool closed = false; !closed;) {
      // The timeout keeps issues and progress flowing while no article arrives.
      if (auto built = built_queue.pop_for(kProgressInterval, closed)) {
        pending.emplace(built->sequence, std::move(*built));
        write_in_order();
      }
      deliver_issues();
      progress(false);
      // Reading stops; what was read drains through the queues and is committed below.
      if (!stop_reading && options.should_stop && options.should_stop()) stop_reading = true;
    }
  } catch (...) {
    write_failure = std::current_exception();
    read_queue.close();
    built_queue.close();
  }
  reader.join();
  for (auto& builder : builders) builder.join();
  deliver_issues();

  if (write_failure) std::rethrow_exception(write_failure);
  if (failure) std::rethrow_exception(failure);
  // A stop asked for after the last file was read interrupts nothing.
  report.interrupted = !read_everything;
  if (options.prune && !report.interrupted) {
    std::vector<std::string> roots;
    for (const std::string& path : paths) roots.push_back(source_file_key(path));
    tracking_writer.prune(roots);
  }
  // A first load's last merge commits everything; a commit first could merge it all twice.
  if (sharded) {
    sharded->finish();
  } else {
    tracking_writer.commit();
  }
  report.read = articles_read;
  report.bytes = bytes_read;
  report.passed_over = files_passed_over;
  report.seconds = seconds_since(start);
  progress(true);
  return report;
}

}  // namespace newsdex
