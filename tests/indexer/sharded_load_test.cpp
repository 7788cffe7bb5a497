// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/sharded_load.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "indexer/document_builder.h"
#include "indexer/index_writer.h"
#include "indexer/schema.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

Article numbered(int n) {
  Article article;
  article.id = "wire-" + std::to_string(n);
  article.headline = "Harbour dispatch " + std::to_string(n);
  // Long enough that a few documents fill blocks, which a shard then writes before it commits.
  for (int i = 0; i < 150; ++i) {
    article.body += "ships cargo cranes tides quay " + std::to_string(n * 997 + i) + ' ';
  }
  article.date = "2023-01-" + std::to_string(10 + n % 18);
  return article;
}

// Whether the one document in `db` with id `id` holds a term made from "corrected".
bool holds_correction(const Xapian::Database& db, const std::string& id) {
  const std::string id_term = schema::boolean_term(schema::kId, id);
  if (db.get_termfreq(id_term) != 1) return false;
  const Xapian::docid copy = *db.postlist_begin(id_term);
  for (auto term = db.termlist_begin(copy); term != db.termlist_end(copy); ++term) {
    if ((*term).find("correct") != std::string::npos) return true;
  }
  return false;
}

// Writes 3,000 documents, built beforehand so that the shards are written as fast as they can
// take them, through a load that merges first after `first_merge`, whose shards commit every
// `shard_batch` documents and hold `generation_size` each; then writes later copies of two
// articles, removes one of them and another, and checks that the target holds every article
// left exactly once, as last written.
void load_while_merging(std::uint64_t first_merge, std::uint64_t shard_batch,
                        std::uint64_t generation_size = ShardedLoad::kGenerationSize) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  IndexWriter target(db, IndexWriter::Mode::create_or_open);
  constexpr int kArticles = 3000;
  std::vector<BuiltDocument> built;
  DocumentBuilder builder;
  for (int n = 0; n < kArticles; ++n) built.push_back(builder.build(numbered(n)));
  auto corrected = [&](int n) {
    Article article = numbered(n);
    article.headline += " corrected";
    return builder.build(article);
  };
  {
    ShardedLoad load(target, first_merge, shard_batch, generation_size);
    for (BuiltDocument& document : built) {
      EXPECT_EQ(load.write(std::move(document)), AddResult::added);
      load.commit();  // a checkpoint: a merge when the load has doubled since the last
    }
    // A later copy replaces the first, in whichever shard, generation and merge the first went
    // to; so does a copy written after the first was removed.
    EXPECT_EQ(load.write(corrected(7)), AddResult::replaced);
    EXPECT_TRUE(load.remove("wire-9"));
    EXPECT_EQ(load.write(corrected(9)), AddResult::added);
    EXPECT_TRUE(load.remove("wire-2998"));
    EXPECT_FALSE(load.remove("wire-2998"));
    load.finish();
  }
  EXPECT_EQ(target.size(), std::uint64_t{kArticles - 1});
  Xapian::Database merged(db);
  EXPECT_TRUE(holds_correction(merged, "wire-7"));
  EXPECT_TRUE(holds_correction(merged, "wire-9"));
  EXPECT_EQ(merged.get_termfreq(schema::boolean_term(schema::kId, "wire-2998")), 0u);
  EXPECT_EQ(merged.get_termfreq(schema::boolean_term(schema::kId, "wire-2999")), 1u);
  // The words indexed as other stems, from the first generation and the last alike.
  for (const auto& [word, stem] : {std::pair{"cranes", "crane"}, {"corrected", "correct"}}) {
    EXPECT_EQ(std::vector<std::string>(merged.synonyms_begin(word), merged.synonyms_end(word)),
              std::vector<std::string>{stem})
        << word;
  }
  EXPECT_FALSE(std::filesystem::exists(db + ".staging"));
  EXPECT_FALSE(std::filesystem::exists(db + ".next"));
}

// A merge of 1,500 articles runs in the background while 1,500 more are written, the shards
// committing every 25.
TEST(ShardedLoad, MergesInTheBackgroundWhileTheShardsGoOnWriting) { load_while_merging(1500, 25); }

// Merges after 10, 20, 40 … articles, while generations of 50 documents a shard are closed
// between them: the copies of an article in earlier generations and merges are deleted.
TEST(ShardedLoad, KeepsOnlyTheLastCopyAcrossGenerations) { load_while_merging(10, 3, 50); }

// How many articles the target holds after 40 are written with a checkpoint after each, the
// first merge due after 10.
std::uint64_t merged_before_the_end(std::chrono::steady_clock::duration min_merge_interval) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  IndexWriter target(db, IndexWriter::Mode::create_or_open);
  DocumentBuilder builder;
  ShardedLoad load(target, 10, ShardedLoad::kShardBatch, ShardedLoad::kGenerationSize,
                   min_merge_interval);
  for (int n = 0; n < 40; ++n) {
    load.write(builder.build(numbered(n)));
    // A merge waits for the one before: once the second has started, the first is in place.
    load.commit();
  }
  const std::uint64_t merged = Xapian::Database(db).get_doccount();
  load.finish();
  EXPECT_EQ(Xapian::Database(db).get_doccount(), 40u);
  return merged;
}

// Merges come when the load has doubled, but no sooner than the interval after the last.
TEST(ShardedLoad, MergesNoSoonerThanTheIntervalAllows) {
  EXPECT_GE(merged_before_the_end({}), 10u);
  EXPECT_EQ(merged_before_the_end(std::chrono::hours(1)), 0u);
}

// A source file's record saved before a merge and again after it is merged as last saved.
TEST(ShardedLoad, MergesTheLatestRecords) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  IndexWriter target(db, IndexWriter::Mode::create_or_open);
  DocumentBuilder builder;
  {
    ShardedLoad load(target, 1);
    load.records().set_metadata("record", "first");
    load.write(builder.build(numbered(1)));
    load.commit();  // merges
    load.records().set_metadata("record", "second");
    load.write(builder.build(numbered(2)));
    load.commit();  // merges again
    load.records().set_metadata("record", "third");
    load.finish();
  }
  EXPECT_EQ(Xapian::Database(db).get_metadata("record"), "third");
}

}  // namespace
}  // namespace newsdex
