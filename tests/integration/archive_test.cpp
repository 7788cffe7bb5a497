// SPDX-License-Identifier: GPL-3.0-or-later
// End to end over the real archives in ../shared: Reuters-21578 and the seed article.
#include <fstream>
#include <map>
#include <random>
#include <regex>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "newsdex/newsdex.h"
#include "tests/support/shared_dir.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::uint64_t kReutersArticles = 21578;

// One index of Reuters-21578 shared by the tests below: building it is the slow part.
class ReutersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (testing::shared_dir().empty()) return;
    dir_ = new testing::TempDir();
    first_ = Index::create(db()).add_paths({reuters()});
    second_ = Index::create(db()).add_paths({reuters()});
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { NEWSDEX_REQUIRE_SHARED(); }

  static std::string reuters() { return (testing::shared_dir() / "corpus/reuters21578").string(); }
  static std::string db() { return *dir_ / "reuters"; }

  static inline testing::TempDir* dir_ = nullptr;
  static inline IndexReport first_;
  static inline IndexReport second_;
};

TEST_F(ReutersTest, IndexesEveryArticleOnceAndPassesOverItOnRerun) {
  EXPECT_EQ(first_.read, kReutersArticles);
  EXPECT_EQ(first_.added, kReutersArticles);
  EXPECT_EQ(first_.skipped, 0u);
  EXPECT_EQ(first_.passed_over, 9u);  // README, SOURCE.md, lewis.dtd and the six category lists
  // Rerun over the unchanged archive: every file is recognised, none is read again.
  EXPECT_EQ(second_.read, 0u);
  EXPECT_EQ(second_.added, 0u);
  EXPECT_EQ(second_.replaced, 0u);
  EXPECT_EQ(second_.unchanged, kReutersArticles);
  EXPECT_EQ(second_.removed, 0u);
  EXPECT_EQ(Searcher::open(db()).stats().documents, kReutersArticles);
}

TEST_F(ReutersTest, DatesSpanThe1987Archive) {
  const IndexStats stats = Searcher::open(db()).stats();
  EXPECT_EQ(stats.first_date.value_or("").substr(0, 4), "1987");
  EXPECT_EQ(stats.last_date.value_or("").substr(0, 4), "1987");
  EXPECT_EQ(stats.sources.at("Reuters"), kReutersArticles);
}

// Headlines that occur once in the archive, read straight from the SGML so the test does not
// trust the reader it is checking.
std::map<std::string, std::string> unique_headlines() {
  std::map<std::string, std::string> first_id;
  std::map<std::string, int> count;
  // One element at a time, so that a story without a TITLE never lends the next one its id.
  const std::regex newid(R"re(NEWID="(\d+)")re");
  const std::regex title_tag(R"re(<TITLE>([^<]*)</TITLE>)re");
  for (int i = 0; i <= 21; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "reut2-%03d.sgm", i);
    std::ifstream in(testing::shared_dir() / "corpus/reuters21578" / name, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::size_t start = s.find("<REUTERS"); start != std::string::npos;) {
      const std::size_t end = s.find("</REUTERS>", start);
      const std::string element = s.substr(start, end - start);
      start = end == std::string::npos ? end : s.find("<REUTERS", end);
      std::smatch id, title;
      if (!std::regex_search(element, id, newid) || !std::regex_search(element, title, title_tag)) {
        continue;
      }
      if (title[1].str().find('&') != std::string::npos) continue;  // entities: decoded later
      ++count[title[1]];
      first_id.emplace(title[1], "reuters-" + id[1].str());
    }
  }
  std::map<std::string, std::string> unique;
  for (const auto& [title, n] : count) {
    if (n == 1) unique.emplace(title, first_id[title]);
  }
  return unique;
}

TEST_F(ReutersTest, EveryUniqueHeadlineFindsItsArticleOnTheFirstPage) {
  const auto headlines = unique_headlines();
  ASSERT_GT(headlines.size(), 10000u);
  std::vector<std::pair<std::string, std::string>> sample(headlines.begin(), headlines.end());
  std::mt19937 random(19870226);
  std::shuffle(sample.begin(), sample.end(), random);
  sample.resize(400);

  const Searcher searcher = Searcher::open(db());
  std::vector<std::string> missed;
  // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
  for (const auto& entry : sample) {
    const std::string& title = entry.first;
    const std::string& id = entry.second;
    // Typed as a reader would: the words in lower case (so that a NOT or OR in the wire's
    // capitals stays a word), dropping punctuation but keeping it inside numbers and names
    // (`7.7`, `U.S`, `EXCHANGE-LISTED`).
    std::string query;
    for (std::size_t i = 0; i < title.size(); ++i) {
      const auto alnum = [&](std::size_t k) {
        return k < title.size() && std::isalnum(static_cast<unsigned char>(title[k]));
      };
      const bool inside_word = i > 0 && alnum(i - 1) && alnum(i + 1);
      query += alnum(i) || inside_word
                   ? static_cast<char>(std::tolower(static_cast<unsigned char>(title[i])))
                   : ' ';
    }
    const SearchResults results = searcher.search(
        {.query = query, .collapse_duplicates = false, .limit = 10, .snippet_length = 0});
    const bool found = std::any_of(results.hits.begin(), results.hits.end(),
                                   [&](const Hit& hit) { return hit.id == id; });
    if (!found) missed.push_back(id + " " + title);
  }
  std::string listing;
  for (const std::string& m : missed) listing += "\n  " + m;
  EXPECT_TRUE(missed.empty()) << missed.size() << " of 400 missed:" << listing;
}

// The promises of faceted search, checked against the archive's own counts: a facet value's
// count is the total of the query filtered by it, date buckets add up, filters of one field
// are ORed.
TEST_F(ReutersTest, FacetCountsAgreeWithFilteredTotals) {
  const Searcher searcher = Searcher::open(db());
  const SearchRequest oil{.query = "oil",
                          .facets = {"date", "country", "city", "person", "organization",
                                     "source", "language"},
                          .facet_size = 5,
                          .date_bucket = DateBucket::month,
                          .limit = 0};
  const SearchResults results = searcher.search(oil);
  ASSERT_TRUE(results.total.exact);
  ASSERT_GT(results.total.estimated, 1000u);
  std::uint64_t in_buckets = 0;
  for (const FacetValue& v : results.facets[0].values) in_buckets += v.count;
  EXPECT_EQ(in_buckets, results.total.estimated);
  for (const Facet& facet : results.facets) {
    ASSERT_FALSE(facet.values.empty()) << facet.name;
    for (const FacetValue& value : facet.values) {
      SearchRequest filtered{.query = "oil", .limit = 0};
      filtered.filters = {{.field = facet.name, .value = value.value}};
      EXPECT_EQ(searcher.search(filtered).total.estimated, value.count)
          << facet.name << "=" << value.value;
    }
    if (facet.values.size() >= 2) {
      SearchRequest either{.query = "oil", .limit = 0};
      either.filters = {{.field = facet.name, .value = facet.values[0].value},
                        {.field = facet.name, .value = facet.values[1].value}};
      const std::uint64_t total = searcher.search(either).total.estimated;
      EXPECT_GE(total, facet.values[0].count) << facet.name;
      EXPECT_LE(total, facet.values[0].count + facet.values[1].count) << facet.name;
    }
  }
}

TEST_F(ReutersTest, DateFiltersSortsSnippetsSuggestionsAndErrors) {
  const Searcher searcher = Searcher::open(db());
  // A range returns only its days; a month equals the range of its days.
  const SearchResults march =
      searcher.search({.query = "oil date:1987-03-01..1987-03-31", .limit = 1000});
  ASSERT_FALSE(march.hits.empty());
  for (const Hit& hit : march.hits) EXPECT_EQ(hit.date.value_or("").substr(0, 7), "1987-03");
  EXPECT_EQ(searcher.search({.query = "oil date:1987-04"}).total.estimated,
            searcher.search({.query = "oil date:1987-04-01..1987-04-30"}).total.estimated);
  EXPECT_EQ(searcher.search({.query = "oil date:\"April 1987\""}).total.estimated,
            searcher.search({.query = "oil date:1987-04"}).total.estimated);

  const SearchResults newest =
      searcher.search({.query = "oil", .sort = SortOrder::newest, .limit = 200});
  for (std::size_t i = 1; i < newest.hits.size(); ++i) {
    EXPECT_GE(newest.hits[i - 1].date.value_or(""), newest.hits[i].date.value_or(""));
  }

  const SearchResults crude = searcher.search({.query = "\"crude oil\"", .limit = 20});
  ASSERT_FALSE(crude.hits.empty());
  for (const Hit& hit : crude.hits) {
    EXPECT_THAT(
        hit.snippet.to_html(),
        ::testing::ContainsRegex("<mark>[Cc][Rr][Uu][Dd][Ee]</mark> <mark>[Oo][Ii][Ll]</mark>"))
        << hit.id;
  }

  EXPECT_EQ(searcher.search({.query = "bundesbnak"}).suggestion, "bundesbank");
  // Typos that hide a word's stem (`discssion` is left whole, far from `discuss`), and names the
  // archive holds two edits from a frequent word, which are no typos.
  EXPECT_EQ(searcher.search({.query = "discssion"}).suggestion, "discussion");
  EXPECT_EQ(searcher.search({.query = "environmet"}).suggestion, "environment");
  EXPECT_EQ(searcher.search({.query = "Harrosh"}).suggestion, std::nullopt);
  EXPECT_EQ(searcher.search({.query = "Notimex"}).suggestion, std::nullopt);
  EXPECT_THROW(searcher.search({.query = "oil AND ("}), Error);
}

TEST(SeedTest, CyberattackAlbaniaFindsTheSeedFirstWithoutItsFooter) {
  NEWSDEX_REQUIRE_SHARED();
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  const IndexReport report = index.add_paths({(testing::shared_dir() / "seeds").string()});
  index.commit();
  ASSERT_GE(report.added, 1u);
  const Searcher searcher = Searcher::open(dir / "db");
  const SearchResults results = searcher.search({.query = "cyberattack Albania"});
  ASSERT_FALSE(results.hits.empty());
  EXPECT_THAT(results.hits[0].id, HasSubstr("000_3c6ba5321dfd73d4.txt"));
  EXPECT_THAT(results.hits[0].headline, HasSubstr("Albania cuts diplomatic ties with Iran"));
  const std::optional<Article> seed = searcher.get(results.hits[0].id);
  ASSERT_TRUE(seed);
  EXPECT_THAT(seed->body, Not(HasSubstr("All Rights Reserved")));
  EXPECT_THAT(seed->body, Not(HasSubstr("Copyright")));
  EXPECT_EQ(searcher.search({.query = "\"All Rights Reserved\""}).total.estimated, 0u);
  EXPECT_EQ(results.hits[0].date, "2022-09-07");
}

}  // namespace
}  // namespace newsdex
