// SPDX-License-Identifier: GPL-3.0-or-later
// One writer and many readers on one database, from threads and from processes.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

constexpr int kBatches = 30;
constexpr int kPerBatch = 40;

Article numbered(int n) {
  Article a;
  a.id = "c" + std::to_string(n);
  a.headline = "Dispatch number " + std::to_string(n) + " from the harbour";
  // Long enough bodies that commits rewrite blocks readers are using.
  for (int i = 0; i < 30; ++i) a.body += "ships cargo cranes tides quay " + std::to_string(n * i) + ' ';
  a.date = "2023-01-" + std::to_string(10 + n % 18);
  return a;
}

void write_batches(const std::string& db) {
  Index index = Index::open(db);
  for (int b = 0; b < kBatches; ++b) {
    for (int i = 0; i < kPerBatch; ++i) index.add(numbered(b * kPerBatch + i));
    index.commit();
  }
}

// Searches in a loop until `done`, reopening each time; returns the number of searches.
// Fails the test if a search throws or a count goes backwards.
int search_until(const std::string& db, const std::atomic<bool>& done) {
  Searcher searcher = Searcher::open(db);
  std::uint64_t last = 0;
  int searches = 0;
  while (!done) {
    searcher.reopen();
    const SearchResults r = searcher.search({.query = "harbour cargo", .facets = {"date"}, .limit = 5});
    EXPECT_GE(r.total.estimated, last) << "a reader saw the count go backwards";
    EXPECT_EQ(r.total.estimated % kPerBatch, 0u) << "a reader saw a half-committed batch";
    last = r.total.estimated;
    ++searches;
  }
  return searches;
}

TEST(Concurrency, ReadersInThreadsSeeOnlyCommittedStatesThatNeverShrink) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  Index::create(db).commit();
  std::atomic<bool> done = false;
  std::vector<std::thread> readers;
  std::atomic<int> searches = 0;
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] { searches += search_until(db, done); });
  }
  write_batches(db);
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_GT(searches, 0);
  EXPECT_EQ(Searcher::open(db).stats().documents, std::uint64_t{kBatches * kPerBatch});
}

// A first load writes shards and merges them into a new database that takes the old one's
// place (indexer/sharded_load.h): readers that reopen across the swap must see one whole
// database each time, never the old one's tables read through the new one's version.
TEST(Concurrency, ReadersSeeWholeDatabasesWhileABulkLoadMergesAndSwaps) {
  testing::TempDir dir;
  constexpr int kArticles = 900;
  std::string lines;
  for (int n = 0; n < kArticles; ++n) {
    const Article a = numbered(n);
    lines += nlohmann::json{{"id", a.id}, {"headline", a.headline}, {"body", a.body},
                            {"date", a.date}}.dump() + '\n';
  }
  testing::write_file(dir / "in/wire.jsonl", lines);
  const std::string db = dir / "db";
  Index index = Index::create(db);
  index.commit();

  std::atomic<bool> done = false;
  std::atomic<int> searches = 0;
  std::thread reader([&] {
    Searcher searcher = Searcher::open(db);
    std::uint64_t last = 0;
    while (!done) {
      searcher.reopen();
      const SearchResults r = searcher.search({.query = "harbour", .facets = {"date"}, .limit = 3});
      EXPECT_GE(r.total.estimated, last) << "a reader saw the count go backwards";
      std::uint64_t by_date = 0;
      for (const FacetValue& value : r.facets.at(0).values) by_date += value.count;
      EXPECT_EQ(by_date, r.total.estimated) << "a reader saw a mixture of two databases";
      EXPECT_EQ(r.hits.size(), std::min<std::uint64_t>(3, r.total.estimated));
      last = r.total.estimated;
      ++searches;
    }
  });
  // Merges after 30, 60, 120, 240, 480 articles and at the end.
  const IndexReport report = index.add_paths({dir / "in"}, {.batch_size = 30});
  done = true;
  reader.join();
  EXPECT_GT(searches, 0);
  EXPECT_EQ(report.added, std::uint64_t{kArticles});
  EXPECT_EQ(Searcher::open(db).stats().documents, std::uint64_t{kArticles});
  // The shards and the replaced database are gone.
  EXPECT_FALSE(std::filesystem::exists(db + ".staging"));
  EXPECT_FALSE(std::filesystem::exists(db + ".next"));
}

TEST(Concurrency, ReaderProcessRunsWhileAWriterProcessCommits) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  Index::create(db).commit();
  const pid_t writer = fork();
  ASSERT_NE(writer, -1);
  if (writer == 0) {
    try {
      write_batches(db);
      _exit(0);
    } catch (...) {
      _exit(1);
    }
  }
  std::atomic<bool> done = false;
  std::thread reader([&] { search_until(db, done); });
  int status = 0;
  waitpid(writer, &status, 0);
  done = true;
  reader.join();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_EQ(Searcher::open(db).stats().documents, std::uint64_t{kBatches * kPerBatch});
}

TEST(Concurrency, SecondWriterProcessIsRefusedWithLocked) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  Index holder = Index::create(db);
  const pid_t child = fork();
  ASSERT_NE(child, -1);
  if (child == 0) {
    try {
      Index::open(db);
      _exit(2);
    } catch (const Error& e) {
      _exit(e.code() == ErrorCode::locked ? 0 : 3);
    } catch (...) {
      _exit(4);
    }
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "2: let in, 3: other error, 4: not a newsdex::Error";
}

}  // namespace
}  // namespace newsdex
