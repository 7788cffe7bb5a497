// SPDX-License-Identifier: GPL-3.0-or-later
// Incremental indexing: a rerun reads only new and changed files, replaces a changed file's
// articles, removes those it no longer holds, and with `prune` those of files that have gone.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <string>

#include "indexer/schema.h"
#include "indexer/stored_article.h"
#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

std::string record(const std::string& id, const std::string& headline) {
  return R"({"id": ")" + id + R"(", "title": ")" + headline + R"(", "body": "A story about )" +
         headline + R"(."})" + "\n";
}

// Writes `content` to `path` and makes sure its modification time moves on, so a change never
// hides inside one tick of the file system's clock.
void rewrite(const fs::path& path, const std::string& content) {
  const bool existed = fs::exists(path);
  const fs::file_time_type before = existed ? fs::last_write_time(path) : fs::file_time_type();
  testing::write_file(path, content);
  if (existed) fs::last_write_time(path, before + std::chrono::seconds(1));
}

class IncrementalTest : public ::testing::Test {
 protected:
  IndexReport index(bool prune = false) {
    return Index::create(db_).add_paths({archive_.string()}, {.threads = 2, .prune = prune});
  }

  // Every article id in the database, read from its unique `Q` terms.
  std::set<std::string> ids() const {
    const Xapian::Database db(db_);
    std::set<std::string> out;
    for (auto it = db.allterms_begin("Q"); it != db.allterms_end("Q"); ++it) {
      out.insert((*it).substr(1));
    }
    EXPECT_EQ(out.size(), db.get_doccount());
    return out;
  }

  std::string stored_data(const std::string& id) const {
    const Xapian::Database db(db_);
    Xapian::PostingIterator it = db.postlist_begin("Q" + id);
    return it == db.postlist_end("Q" + id)
               ? std::string()
               : decompress_stored_article(db.get_document(*it).get_value(schema::kArticleSlot));
  }

  testing::TempDir dir_;
  std::string db_ = dir_ / "news.db";
  fs::path archive_ = dir_.path() / "archive";
};

TEST_F(IncrementalTest, RerunsReadOnlyWhatChangedAndPruneRemovesWhatWentAway) {
  rewrite(archive_ / "a.jsonl", record("a1", "Harbour opens") + record("a2", "Mill closes") +
                                    record("a3", "Bridge repaired"));
  rewrite(archive_ / "b.jsonl", record("b1", "Council meets") + record("b2", "Budget passed"));
  rewrite(archive_ / "c.jsonl", record("c1", "Festival begins"));

  const IndexReport first = index();
  EXPECT_EQ(first.read, 6u);
  EXPECT_EQ(first.added, 6u);
  EXPECT_EQ(ids(), (std::set<std::string>{"a1", "a2", "a3", "b1", "b2", "c1"}));

  // Nothing changed: no article is read.
  const IndexReport unchanged = index();
  EXPECT_EQ(unchanged.read, 0u);
  EXPECT_EQ(unchanged.bytes, 0u);
  EXPECT_EQ(unchanged.unchanged, 6u);
  EXPECT_EQ(unchanged.added + unchanged.replaced + unchanged.removed, 0u);

  // The archive grows: two new files; a.jsonl loses a2 and a1 is rewritten; c.jsonl is
  // deleted; b.jsonl is touched with the same content.
  rewrite(archive_ / "a.jsonl",
          record("a1", "Harbour reopens after storm") + record("a3", "Bridge repaired"));
  rewrite(archive_ / "d.jsonl", record("d1", "Election called") + record("d2", "Polls open"));
  rewrite(archive_ / "sub/e.jsonl", record("e1", "Museum expands"));
  fs::remove(archive_ / "c.jsonl");
  fs::last_write_time(archive_ / "b.jsonl",
                      fs::last_write_time(archive_ / "b.jsonl") + std::chrono::seconds(5));

  const IndexReport grown = index(/*prune=*/true);
  EXPECT_EQ(grown.read, 5u);       // a.jsonl's two and the three new ones
  EXPECT_EQ(grown.added, 3u);      // d1, d2, e1
  EXPECT_EQ(grown.replaced, 2u);   // a1, a3
  EXPECT_EQ(grown.unchanged, 2u);  // b.jsonl, touched but the same
  EXPECT_EQ(grown.removed, 2u);    // a2, gone from a.jsonl; c1, whose file has gone
  EXPECT_FALSE(grown.interrupted);
  EXPECT_EQ(ids(), (std::set<std::string>{"a1", "a3", "b1", "b2", "d1", "d2", "e1"}));
  EXPECT_THAT(stored_data("a1"), HasSubstr("Harbour reopens after storm"));

  // The touch was recorded: the next run passes over b.jsonl without hashing it again, and
  // reads nothing.
  const IndexReport settled = index(/*prune=*/true);
  EXPECT_EQ(settled.read, 0u);
  EXPECT_EQ(settled.unchanged, 7u);
  EXPECT_EQ(settled.removed, 0u);
}

// A first load goes through shards (indexer/sharded_load.h): a later copy of an article in the
// same run replaces the earlier one there too, and what a killed load left behind is cleared.
TEST_F(IncrementalTest, AFirstLoadKeepsTheLastCopyOfAnArticleAndClearsAStaleStaging) {
  rewrite(archive_ / "a.jsonl", record("a1", "Harbour opens") + record("a2", "Mill closes"));
  rewrite(archive_ / "b.jsonl", record("a1", "Harbour opens again") + record("b1", "Council meets"));
  testing::write_file(
      fs::path(db_ + ".staging") / "generation-0" / "shard-0" / "left-by-a-killed-run", "x");

  const IndexReport first = index();
  EXPECT_EQ(first.read, 4u);
  EXPECT_EQ(first.added, 3u);
  EXPECT_EQ(first.replaced, 1u);
  EXPECT_EQ(ids(), (std::set<std::string>{"a1", "a2", "b1"}));
  EXPECT_THAT(stored_data("a1"), HasSubstr("Harbour opens again"));
  EXPECT_FALSE(fs::exists(db_ + ".staging"));
  EXPECT_TRUE(Xapian::Database::check(db_) == 0);

  // The next run is an update of the merged database: nothing to read.
  EXPECT_EQ(index().unchanged, 4u);
}

TEST_F(IncrementalTest, WithoutPruneTheArticlesOfADeletedFileStay) {
  rewrite(archive_ / "a.jsonl", record("a1", "Harbour opens"));
  rewrite(archive_ / "b.jsonl", record("b1", "Council meets"));
  index();
  fs::remove(archive_ / "b.jsonl");

  EXPECT_EQ(index().removed, 0u);
  EXPECT_EQ(ids(), (std::set<std::string>{"a1", "b1"}));
  EXPECT_EQ(index(/*prune=*/true).removed, 1u);
  EXPECT_EQ(ids(), (std::set<std::string>{"a1"}));
}

TEST_F(IncrementalTest, PruneLeavesFilesOutsideThePathsOfTheRunAlone) {
  rewrite(archive_ / "a.jsonl", record("a1", "Harbour opens"));
  const fs::path other = dir_.path() / "other";
  rewrite(other / "o.jsonl", record("o1", "Ferry sails"));
  Index::create(db_).add_paths({other.string()});
  index(/*prune=*/true);
  EXPECT_EQ(ids(), (std::set<std::string>{"a1", "o1"}));
}

TEST_F(IncrementalTest, AnArticleMovedToAnotherFileIsKept) {
  rewrite(archive_ / "b.jsonl", record("b1", "Council meets") + record("m1", "Moving story"));
  index();
  // m1 moves to a file read before b.jsonl; b.jsonl, changed, no longer holds it.
  rewrite(archive_ / "a.jsonl", record("m1", "Moving story"));
  rewrite(archive_ / "b.jsonl", record("b1", "Council meets again"));
  const IndexReport moved = index(/*prune=*/true);
  EXPECT_EQ(moved.removed, 0u);
  EXPECT_EQ(ids(), (std::set<std::string>{"b1", "m1"}));
  // And back: now the file that held it is read first, and the one that takes it after.
  rewrite(archive_ / "a.jsonl", record("a1", "Harbour opens"));
  rewrite(archive_ / "b.jsonl", record("b1", "Council meets again") + record("m1", "Moving story"));
  index(/*prune=*/true);
  EXPECT_EQ(ids(), (std::set<std::string>{"a1", "b1", "m1"}));
}

TEST_F(IncrementalTest, TheSamePathWrittenDifferentlyIsTheSameFile) {
  rewrite(archive_ / "a.jsonl", record("a1", "Harbour opens"));
  index();
  const IndexReport again = Index::create(db_).add_paths({(archive_ / "../archive").string()});
  EXPECT_EQ(again.read, 0u);
  EXPECT_EQ(again.unchanged, 1u);
}

}  // namespace
}  // namespace newsdex
