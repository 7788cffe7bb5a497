// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/pipeline.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <variant>

#include "indexer/bounded_queue.h"

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

// Thrown through the reader to stop it once the writer has given up.
struct ReadingCancelled {};

struct ReadItem {
  std::uint64_t sequence;
  Article article;
};

// A built document, or the reason the article was skipped.
struct BuiltItem {
  std::uint64_t sequence;
  std::variant<BuiltDocument, std::string> result;
};

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

  // Issues are handed to the calling thread, where the user's callback runs.
  std::thread reader([&] {
    try {
      std::uint64_t sequence = 0;
      ReadCallbacks callbacks;
      callbacks.on_article = [&](Article&& article) {
        ++articles_read;
        if (!read_queue.push(ReadItem{sequence++, std::move(article)})) throw ReadingCancelled{};
      };
      callbacks.on_issue = [&](const ReadIssue& issue) {
        std::lock_guard lock(issues_mutex);
        issues.push_back(issue);
      };
      callbacks.on_progress = [&](std::uint64_t bytes) { bytes_read = bytes; };
      const ReadSummary summary = read_articles(paths, options.read, callbacks);
      bytes_read = summary.bytes;
      files_passed_over = summary.passed_over;
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
        BuiltItem built{item->sequence, std::string()};
        if (is_blank(item->article)) {
          built.result = std::string("nothing to index (no text, date or tags)");
        } else {
          try {
            built.result = builder.build(item->article);
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

  std::map<std::uint64_t, BuiltItem> pending;  // built out of order, waiting for their turn
  std::uint64_t next = 0;
  std::size_t since_commit = 0;
  std::exception_ptr write_failure;
  auto write_in_order = [&] {
    for (auto it = pending.find(next); it != pending.end(); it = pending.find(++next)) {
      if (auto* built = std::get_if<BuiltDocument>(&it->second.result)) {
        if (writer.write(*built) == AddResult::added) {
          ++report.added;
        } else {
          ++report.replaced;
        }
        if (++since_commit >= options.batch_size) {
          writer.commit();
          since_commit = 0;
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
  writer.commit();
  report.read = articles_read;
  report.bytes = bytes_read;
  report.passed_over = files_passed_over;
  report.seconds = seconds_since(start);
  progress(true);
  return report;
}

}  // namespace newsdex
