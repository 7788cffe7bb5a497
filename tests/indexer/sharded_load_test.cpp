// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/sharded_load.h"

#include <gtest/gtest.h>

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

// Writes 3,000 documents, built beforehand so that the shards are written as fast as they can
// take them, through a load that merges first after `first_merge` and whose shards commit every
// `shard_batch` documents; then checks that the target holds every article exactly once.
void load_while_merging(std::uint64_t first_merge, std::uint64_t shard_batch) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  IndexWriter target(db, IndexWriter::Mode::create_or_open);
  constexpr int kArticles = 3000;
  std::vector<BuiltDocument> built;
  DocumentBuilder builder;
  for (int n = 0; n < kArticles; ++n) built.push_back(builder.build(numbered(n)));
  BuiltDocument second_copy = builder.build(numbered(7));
  {
    ShardedLoad load(target, first_merge, shard_batch);
    for (BuiltDocument& document : built) {
      EXPECT_EQ(load.write(std::move(document)), AddResult::added);
      load.commit();  // a checkpoint: a merge when the load has doubled since the last
    }
    // A later copy replaces the first, in whichever shard and merge the first went to.
    EXPECT_EQ(load.write(std::move(second_copy)), AddResult::replaced);
    load.finish();
  }
  EXPECT_EQ(target.size(), std::uint64_t{kArticles});
  Xapian::Database merged(db);
  EXPECT_EQ(merged.get_termfreq(schema::boolean_term(schema::kId, "wire-7")), 1u);
  EXPECT_EQ(merged.get_termfreq(schema::boolean_term(schema::kId, "wire-2999")), 1u);
  EXPECT_FALSE(std::filesystem::exists(db + ".staging"));
  EXPECT_FALSE(std::filesystem::exists(db + ".next"));
}

// A merge of 1,500 articles runs in the background while 1,500 more are written, the shards
// committing every 25.
TEST(ShardedLoad, MergesInTheBackgroundWhileTheShardsGoOnWriting) { load_while_merging(1500, 25); }

// Merges after 10, 20, 40 … articles, each of which copies the shards as the checkpoint left
// them, while the shards commit after every document: a shard must wait for the copy.
TEST(ShardedLoad, CopiesEachShardAsItsCheckpointLeftIt) { load_while_merging(10, 1); }

}  // namespace
}  // namespace newsdex
