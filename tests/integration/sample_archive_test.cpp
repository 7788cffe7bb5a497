// SPDX-License-Identifier: GPL-3.0-or-later
// End to end over the bundled sample archive (corpus/samples): the searches the brief and
// issue 7 give as examples, and its story included twice.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::HasSubstr;

const std::filesystem::path kSamples = std::filesystem::path(NEWSDEX_SOURCE_DIR) / "corpus/samples";

// The values of the facet `name` of `results`.
std::vector<std::string> values_of(const SearchResults& results, const std::string& name) {
  std::vector<std::string> values;
  for (const Facet& facet : results.facets) {
    if (facet.name != name) continue;
    for (const FacetValue& value : facet.values) values.push_back(value.value);
  }
  return values;
}

TEST(SampleArchiveTest, AnswersTheExampleSearches) {
  if (!std::filesystem::exists(kSamples)) GTEST_SKIP() << "no sample archive at " << kSamples;
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  index.add_paths({kSamples.string()});
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");

  // A cyberattack in the third quarter of 2022, filed from Albania, mentioning Iran.
  const SearchResults iran =
      searcher.search({.query = "cyberattack date:2022-07..2022-09 dateline:Albania Iran",
                       .facets = {"person", "country"}});
  EXPECT_TRUE(iran.total.exact);
  EXPECT_EQ(iran.total.estimated, 1u);
  ASSERT_EQ(iran.hits.size(), 1u);
  EXPECT_THAT(iran.hits[0].id, HasSubstr("2022-09-07-albania-expels-iranian-diplomats"));
  EXPECT_EQ(iran.hits[0].date, "2022-09-07");
  EXPECT_THAT(values_of(iran, "person"), ::testing::Contains("Edi Rama"));
  EXPECT_THAT(values_of(iran, "country"), ::testing::IsSupersetOf({"AL", "IR"}));
  // Without Iran, the July stories of the attack too.
  EXPECT_EQ(searcher.search({.query = "cyberattack date:2022-07..2022-09 dateline:Albania"})
                .total.estimated,
            3u);

  // The July story's two copies, the agency's and a republisher's with small edits, fold into
  // one hit.
  const SearchResults july = searcher.search({.query = "cyberattack date:2022-07"});
  EXPECT_EQ(july.total.estimated, 2u);
  ASSERT_EQ(july.hits.size(), 1u);
  EXPECT_EQ(july.hits[0].similar, 1u);

  // Who is mentioned with him.
  const SearchResults rama =
      searcher.search({.query = "person:\"Edi Rama\"", .facets = {"person"}, .limit = 0});
  EXPECT_THAT(values_of(rama, "person"), ::testing::Contains("Ali Khamenei"));

  // A misspelled name.
  const SearchResults misspelled = searcher.search({.query = "Khamenai"});
  EXPECT_EQ(misspelled.total.estimated, 0u);
  EXPECT_EQ(misspelled.suggestion, "Khamenei");
}

}  // namespace
}  // namespace newsdex
