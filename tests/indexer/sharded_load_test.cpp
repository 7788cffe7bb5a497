// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/sharded_load.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

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
  // Long enough that each commit rewrites blocks a merge may be reading.
  for (int i = 0; i < 20; ++i) {
    article.body += "ships cargo cranes tides quay " + std::to_string(n * 31 + i) + ' ';
  }
  article.date = "2023-01-" + std::to_string(10 + n % 18);
  return article;
}

// Merges run in the background while the shards go on being written. Here every shard commits
// after each document, so during a merge a shard would commit far more than the once a Xapian
// reader's revision survives: the merge must still read whole revisions (a shard waits), and
// the target must end with every article exactly once.
TEST(ShardedLoad, MergesInTheBackgroundWhileShardsCommitAfterEachDocument) {
  testing::TempDir dir;
  const std::string db = dir / "db";
  IndexWriter target(db, IndexWriter::Mode::create_or_open);
  constexpr int kArticles = 2500;
  {
    ShardedLoad load(target, /*first_merge=*/10, /*shard_batch=*/1);
    DocumentBuilder builder;
    for (int n = 0; n < kArticles; ++n) {
      EXPECT_EQ(load.write(builder.build(numbered(n))), AddResult::added);
      load.commit();  // a checkpoint: merges after 10, 20, 40 … articles
    }
    // A later copy replaces the first, in whichever shard and merge the first went to.
    EXPECT_EQ(load.write(builder.build(numbered(7))), AddResult::replaced);
    load.finish();
  }
  EXPECT_EQ(target.size(), std::uint64_t{kArticles});
  Xapian::Database merged(db);
  EXPECT_EQ(merged.get_termfreq(schema::boolean_term(schema::kId, "wire-7")), 1u);
  EXPECT_EQ(merged.get_termfreq(schema::boolean_term(schema::kId, "wire-2499")), 1u);
  EXPECT_FALSE(std::filesystem::exists(db + ".staging"));
  EXPECT_FALSE(std::filesystem::exists(db + ".next"));
}

}  // namespace
}  // namespace newsdex
