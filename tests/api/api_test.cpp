// SPDX-License-Identifier: GPL-3.0-or-later
// The public API end to end: every entry point, its results and its errors.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_data.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

Article story(std::string id, std::string headline, std::string body, std::string date,
              std::string source = "Test Wire", std::string language = "en") {
  Article a;
  a.id = std::move(id);
  a.headline = std::move(headline);
  a.body = std::move(body);
  a.date = std::move(date);
  a.source = std::move(source);
  a.language = std::move(language);
  a.format = "jsonl";
  return a;
}

// A small archive whose facet counts are easy to work out by hand.
std::vector<Article> archive() {
  return {
      story("a1", "Cyberattack hits Albanian government", "Hackers attacked government servers in Tirana.", "2022-07-15"),
      story("a2", "Albania cuts ties with Iran", "The cyberattack was sponsored by a state, officials said.", "2022-09-07", "Balkan Wire"),
      story("a3", "Oil prices climb", "Crude oil prices rose sharply on Monday as supplies tightened.", "2022-09-12"),
      story("a4", "Central bank raises interest rates", "The bank raised interest rates by half a point.", "2023-03-01", "Balkan Wire"),
      story("a5", "Ölpreise steigen", "Die Ölpreise sind am Montag deutlich gestiegen.", "2023-03-02", "Test Wire", "de"),
      story("a6", "Costa Rica recovers from ransomware", "Government systems came back after the hackers locked ministries out.", "2023-05-20"),
  };
}

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Index index = Index::create(db_);
    for (const Article& a : archive()) EXPECT_EQ(index.add(a), AddResult::added);
    index.commit();
  }

  std::vector<std::string> ids(const SearchResults& results) {
    std::vector<std::string> out;
    for (const Hit& hit : results.hits) out.push_back(hit.id);
    return out;
  }

  testing::TempDir dir_;
  std::string db_ = dir_ / "db";
};

TEST_F(ApiTest, SearchRanksHeadlineMatchesFirstAndCountsExactly) {
  const Searcher searcher = Searcher::open(db_);
  const SearchResults results = searcher.search({.query = "cyberattack"});
  EXPECT_EQ(results.total.estimated, 2u);
  EXPECT_TRUE(results.total.exact);
  // The headline word outweighs the same word in the body.
  EXPECT_THAT(ids(results), ElementsAre("a1", "a2"));
  EXPECT_EQ(results.hits[0].rank, 1u);
  EXPECT_EQ(results.hits[0].date, "2022-07-15");
  EXPECT_EQ(results.hits[0].source, "Test Wire");
  EXPECT_EQ(results.hits[0].language, "en");
  EXPECT_EQ(results.hits[0].url, std::nullopt);
}

TEST_F(ApiTest, HitsCarryTheirAddressAndLanguage) {
  {
    Index index = Index::open(db_);
    Article linked = story("a7", "Ölpreise fallen", "Die Ölpreise sind gefallen.", "2023-03-09",
                           "Test Wire", "de");
    linked.url = "https://example.org/a7";
    index.add(linked);
  }
  const SearchResults results =
      Searcher::open(db_).search({.query = "ölpreise", .sort = SortOrder::newest});
  ASSERT_EQ(results.hits.size(), 2u);
  EXPECT_EQ(results.hits[0].url, "https://example.org/a7");
  EXPECT_EQ(results.hits[0].language, "de");
  EXPECT_EQ(results.hits[1].url, std::nullopt);
}

TEST_F(ApiTest, TotalsAreExactUpToTheCountAskedForAndBoundedBeyond) {
  const Searcher searcher = Searcher::open(db_);
  // "government": a1 and a6. Counted, with or without hits.
  for (const std::size_t limit : {10, 0}) {
    const SearchResults all = searcher.search({.query = "government", .limit = limit});
    EXPECT_TRUE(all.total.exact) << limit;
    EXPECT_EQ(all.total.estimated, 2u) << limit;
  }
  // Asked to count one match exactly, or none: bounds that hold the truth, exact only where
  // they meet.
  for (const std::size_t limit : {10, 0}) {
    for (const std::size_t exactly : {1, 0}) {
      const SearchResults some =
          searcher.search({.query = "government", .limit = limit, .count_exactly_up_to = exactly});
      EXPECT_LE(some.total.lower, 2u) << limit << ' ' << exactly;
      EXPECT_GE(some.total.upper, 2u) << limit << ' ' << exactly;
      EXPECT_GE(some.total.estimated, some.total.lower) << limit << ' ' << exactly;
      EXPECT_LE(some.total.estimated, some.total.upper) << limit << ' ' << exactly;
      EXPECT_EQ(some.total.exact, some.total.lower == some.total.upper) << limit << ' ' << exactly;
    }
  }
  // Xapian knows how many articles an empty query matches without counting them: all, not
  // "about" all.
  const std::uint64_t documents = searcher.stats().documents;
  for (const std::size_t limit : {10, 0}) {
    const SearchResults everything =
        searcher.search({.query = "", .limit = limit, .count_exactly_up_to = 0});
    EXPECT_TRUE(everything.total.exact) << limit;
    EXPECT_EQ(everything.total.estimated, documents) << limit;
  }
  // Facets count every match whatever the count asked for.
  const SearchResults faceted = searcher.search(
      {.query = "government", .facets = {"source"}, .limit = 0, .count_exactly_up_to = 0});
  EXPECT_TRUE(faceted.total.exact);
  EXPECT_EQ(faceted.total.estimated, 2u);
  ASSERT_EQ(faceted.facets.size(), 1u);
  ASSERT_EQ(faceted.facets[0].values.size(), 1u);
  EXPECT_EQ(faceted.facets[0].values[0].count, 2u);
}

TEST_F(ApiTest, AllWordsMustMatchByDefault) {
  const Searcher searcher = Searcher::open(db_);
  EXPECT_THAT(ids(searcher.search({.query = "cyberattack Iran"})), ElementsAre("a2"));
  EXPECT_EQ(searcher.search({.query = "cyberattack OR oil"}).total.estimated, 3u);
}

TEST_F(ApiTest, StemmedWordsMatchInflectionsAndPhrasesMatchExactly) {
  const Searcher searcher = Searcher::open(db_);
  EXPECT_EQ(searcher.search({.query = "raise"}).total.estimated, 1u);
  EXPECT_THAT(ids(searcher.search({.query = "\"interest rates\""})), ElementsAre("a4"));
  EXPECT_EQ(searcher.search({.query = "\"rates interest\""}).total.estimated, 0u);
}

TEST_F(ApiTest, SnippetsMarkEveryMatchedWord) {
  const Searcher searcher = Searcher::open(db_);
  const SearchResults results = searcher.search({.query = "crude oil"});
  ASSERT_EQ(results.hits.size(), 1u);
  const Snippet& snippet = results.hits[0].snippet;
  EXPECT_THAT(snippet.to_html(), HasSubstr("<mark>Crude</mark> <mark>oil</mark>"));
  ASSERT_FALSE(snippet.highlights.empty());
  EXPECT_EQ(snippet.text.substr(snippet.highlights[0].begin,
                                snippet.highlights[0].end - snippet.highlights[0].begin),
            "Crude");
}

// A long story's snippet marks a word it does not write as typed (`Zürich` for `zurich`),
// which only analysing the whole story finds; a story matched by its headline alone shows its
// opening, unmarked.
TEST_F(ApiTest, SnippetsOfLongStoriesMarkWordsWrittenOtherwise) {
  std::string quiet;
  for (int i = 0; i < 20; ++i) quiet += "Markets were quiet as traders waited for news. ";
  {
    Index index = Index::open(db_);
    index.add(
        story("z1", "Banks rally", quiet + "Banks in Zürich rallied. " + quiet, "2023-06-01"));
    index.add(story("z2", "Zürich banks rally", "Trading opened late. " + quiet, "2023-06-02"));
    index.commit();
  }
  const Searcher searcher = Searcher::open(db_);
  const SearchResults results = searcher.search({.query = "zurich", .sort = SortOrder::newest});
  ASSERT_THAT(ids(results), ElementsAre("z2", "z1"));
  EXPECT_TRUE(results.hits[0].snippet.highlights.empty());
  EXPECT_THAT(results.hits[0].snippet.text, ::testing::StartsWith("Trading opened late. Markets"));
  EXPECT_THAT(results.hits[1].snippet.to_html(), HasSubstr("in <mark>Zürich</mark> rallied"));
}

TEST_F(ApiTest, FacetsCountTheWholeMatchSet) {
  const Searcher searcher = Searcher::open(db_);
  const SearchResults results =
      searcher.search({.query = "", .facets = {"source", "language", "date"}, .limit = 1});
  ASSERT_EQ(results.facets.size(), 3u);
  const Facet& source = results.facets[0];
  EXPECT_EQ(source.name, "source");
  ASSERT_EQ(source.values.size(), 2u);
  EXPECT_EQ(source.values[0].value, "Test Wire");
  EXPECT_EQ(source.values[0].count, 4u);
  EXPECT_EQ(source.values[1].value, "Balkan Wire");
  EXPECT_EQ(source.values[1].count, 2u);
  const Facet& language = results.facets[1];
  EXPECT_EQ(language.values[0].value, "en");
  EXPECT_EQ(language.values[0].count, 5u);
  // Ten months apart: monthly buckets, in date order, the months without articles among them,
  // summing to the total.
  const Facet& date = results.facets[2];
  std::vector<std::string> buckets;
  std::uint64_t sum = 0;
  for (const auto& v : date.values) {
    buckets.push_back(v.value + "=" + std::to_string(v.count));
    sum += v.count;
  }
  EXPECT_THAT(buckets, ElementsAre("2022-07=1", "2022-08=0", "2022-09=2", "2022-10=0", "2022-11=0",
                                   "2022-12=0", "2023-01=0", "2023-02=0", "2023-03=2", "2023-04=0",
                                   "2023-05=1"));
  EXPECT_EQ(sum, results.total.estimated);
}

TEST_F(ApiTest, FacetValuesWorkVerbatimAsFilters) {
  const Searcher searcher = Searcher::open(db_);
  const SearchResults all = searcher.search({.query = "", .facets = {"source"}});
  for (const FacetValue& value : all.facets[0].values) {
    const SearchResults filtered =
        searcher.search({.query = "", .filters = {{.field = "source", .value = value.value}}});
    EXPECT_EQ(filtered.total.estimated, value.count) << value.value;
  }
  const SearchResults excluded = searcher.search(
      {.query = "", .filters = {{.field = "source", .value = "Balkan Wire", .exclude = true}}});
  EXPECT_EQ(excluded.total.estimated, 4u);
  // Two values of one field are ORed.
  const SearchResults either = searcher.search(
      {.query = "", .filters = {{.field = "source", .value = "Balkan Wire"},
                                {.field = "source", .value = "Test Wire"}}});
  EXPECT_EQ(either.total.estimated, 6u);
  EXPECT_EQ(searcher.search({.query = "source:\"Balkan Wire\" cyberattack"}).total.estimated, 1u);
}

TEST_F(ApiTest, DateBucketsWorkVerbatimAsFilters) {
  const Searcher searcher = Searcher::open(db_);
  const auto total = [&](std::vector<Filter> filters) {
    return searcher.search({.query = "", .filters = std::move(filters)}).total.estimated;
  };
  for (const DateBucket by : {DateBucket::year, DateBucket::month, DateBucket::day}) {
    const SearchResults all = searcher.search({.query = "", .facets = {"date"}, .date_bucket = by});
    for (const FacetValue& bucket : all.facets[0].values) {
      EXPECT_EQ(total({{.field = "date", .value = bucket.value}}), bucket.count) << bucket.value;
    }
  }
  EXPECT_EQ(total({{.field = "date", .value = "2022-09"}, {.field = "date", .value = "2023-05"}}),
            3u);
  EXPECT_EQ(total({{.field = "date", .value = "2023", .exclude = true}}), 3u);
  for (const char* value : {"2023-13", "March 2023", "2023-03..2023-05", "2023 OR oil", "20230"}) {
    try {
      total({{.field = "date", .value = value}});
      ADD_FAILURE() << value;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_argument) << value;
      EXPECT_THAT(e.what(), HasSubstr("a date filter takes a date as the date facet prints it"))
          << value;
    }
  }
}

// Articles that name a person by surname alone (`Prime Minister Rama`) count under the full
// name other articles give, and every way of asking for the person finds them all.
TEST_F(ApiTest, CountsASurnameUnderTheFullNameTheArchiveGives) {
  Index index = Index::open(db_);
  for (const char* id : {"r1", "r2", "r3"}) {
    index.add(story(id, "Albania signs a deal",
                    "Prime Minister Edi Rama signed the deal on Monday.", "2023-06-01"));
  }
  for (const char* id : {"r4", "r5"}) {
    index.add(story(id, "Albania opens a port", "Prime Minister Rama opened the port on Friday.",
                    "2023-06-02"));
  }
  index.commit();
  const Searcher searcher = Searcher::open(db_);
  const SearchResults all = searcher.search({.query = "albania", .facets = {"person"}});
  ASSERT_FALSE(all.facets[0].values.empty());
  EXPECT_EQ(all.facets[0].values[0].value, "Edi Rama");
  EXPECT_EQ(all.facets[0].values[0].count, 5u);
  for (const FacetValue& value : all.facets[0].values) EXPECT_NE(value.value, "Rama");
  for (const char* name : {"Edi Rama", "Rama"}) {
    EXPECT_EQ(searcher.search({.query = "albania", .filters = {{.field = "person", .value = name}}})
                  .total.estimated,
              5u)
        << name;
  }
  EXPECT_EQ(searcher.search({.query = "person:rama"}).total.estimated, 5u);
  EXPECT_EQ(searcher.search({.query = "person:\"edi rama\""}).total.estimated, 5u);
  EXPECT_EQ(searcher
                .search({.query = "albania",
                         .filters = {{.field = "person", .value = "Edi Rama", .exclude = true}}})
                .total.estimated,
            all.total.estimated - 5);
}

TEST_F(ApiTest, SortsByDate) {
  const Searcher searcher = Searcher::open(db_);
  EXPECT_THAT(ids(searcher.search({.query = "", .sort = SortOrder::newest, .limit = 3})),
              ElementsAre("a6", "a5", "a4"));
  EXPECT_THAT(ids(searcher.search({.query = "", .sort = SortOrder::oldest, .limit = 2})),
              ElementsAre("a1", "a2"));
}

TEST_F(ApiTest, PagingReturnsTheRequestedSlice) {
  const Searcher searcher = Searcher::open(db_);
  const SearchResults page = searcher.search({.query = "", .sort = SortOrder::oldest, .offset = 2, .limit = 2});
  EXPECT_THAT(ids(page), ElementsAre("a3", "a4"));
  EXPECT_EQ(page.hits[0].rank, 3u);
}

TEST_F(ApiTest, AddingAnArticleAgainReplacesIt) {
  {
    Index index = Index::open(db_);
    Article changed = archive()[2];
    changed.headline = "Oil prices tumble";
    EXPECT_EQ(index.add(changed), AddResult::replaced);
    EXPECT_EQ(index.size(), 6u);
  }
  const Searcher searcher = Searcher::open(db_);
  EXPECT_THAT(ids(searcher.search({.query = "tumble"})), ElementsAre("a3"));
  EXPECT_EQ(searcher.search({.query = "climb"}).total.estimated, 0u);
}

TEST_F(ApiTest, RemoveDeletesById) {
  Index index = Index::open(db_);
  EXPECT_TRUE(index.remove("a3"));
  EXPECT_FALSE(index.remove("a3"));
  index.commit();
  EXPECT_EQ(Searcher::open(db_).search({.query = "oil"}).total.estimated, 0u);
}

TEST_F(ApiTest, StatsDateSpanShrinksWhenArticlesAreRemoved) {
  EXPECT_EQ(Searcher::open(db_).stats().last_date, "2023-05-20");
  Index index = Index::open(db_);
  EXPECT_TRUE(index.remove("a6"));
  EXPECT_TRUE(index.remove("a1"));
  index.commit();
  const IndexStats stats = Searcher::open(db_).stats();
  EXPECT_EQ(stats.first_date, "2022-09-07");
  EXPECT_EQ(stats.last_date, "2023-03-02");
}

TEST_F(ApiTest, GetReturnsTheStoredArticle) {
  const Searcher searcher = Searcher::open(db_);
  const std::optional<Article> article = searcher.get("a2");
  ASSERT_TRUE(article);
  EXPECT_EQ(*article, archive()[1]);
  EXPECT_FALSE(searcher.get("missing"));
}

TEST_F(ApiTest, ReaderSeesCommitsAfterReopen) {
  Searcher searcher = Searcher::open(db_);
  Index index = Index::open(db_);
  index.add(story("a7", "Cyberattack on ports", "Port systems were hit.", "2023-06-01"));
  index.commit();
  EXPECT_EQ(searcher.search({.query = "cyberattack"}).total.estimated, 2u);
  searcher.reopen();
  EXPECT_EQ(searcher.search({.query = "cyberattack"}).total.estimated, 3u);
}

// One searcher's facet counts are each search's own, and after a reopen the new revision's.
TEST_F(ApiTest, FacetCountsAreEachSearchsOwn) {
  const auto counts = [](const SearchResults& results) {
    std::vector<std::string> shown;
    for (const Facet& facet : results.facets) {
      for (const FacetValue& value : facet.values) {
        shown.push_back(facet.name + ' ' + value.value + '=' + std::to_string(value.count));
      }
    }
    return shown;
  };
  const std::vector<std::string> facets = {"source", "date", "language"};
  Searcher searcher = Searcher::open(db_);
  for (const char* query : {"", "cyberattack", "oil", "government", "cyberattack"}) {
    EXPECT_EQ(counts(searcher.search({.query = query, .facets = facets})),
              counts(Searcher::open(db_).search({.query = query, .facets = facets})))
        << query;
  }
  Index index = Index::open(db_);
  index.add(
      story("a7", "Cyberattack on ports", "Port systems were hit.", "2023-06-01", "Harbour Wire"));
  index.commit();
  searcher.reopen();
  const std::vector<std::string> after = counts(searcher.search({.query = "", .facets = facets}));
  EXPECT_EQ(after, counts(Searcher::open(db_).search({.query = "", .facets = facets})));
  EXPECT_THAT(after, ::testing::Contains("source Harbour Wire=1"));
}

// The languages a query is parsed for are the archive's as of the last reopen: a Spanish
// article added since is matched by its Spanish stem (`corriendo` → `corr`; English leaves it).
TEST_F(ApiTest, ReaderParsesForLanguagesAddedBeforeReopen) {
  Searcher searcher = Searcher::open(db_);
  EXPECT_EQ(searcher.search({.query = "corriendo"}).total.estimated, 0u);
  Index index = Index::open(db_);
  index.add(story("s1", "Los trenes vuelven", "Los trenes corren de nuevo.", "2023-06-01",
                  "Test Wire", "es"));
  index.commit();
  searcher.reopen();
  EXPECT_EQ(searcher.search({.query = "corriendo"}).total.estimated, 1u);
}

// A correction in a stemmed language is a stem, shown as the first article holding it writes
// it: the stem itself when written there (`harvest`, though `harvests` is written more),
// else the article's most frequent form of it (`reports`).
TEST_F(ApiTest, ShowsACorrectedStemAsTheArchiveWritesIt) {
  Index index = Index::open(db_);
  index.add(story("r1", "Reports of reporting", "The reports said more reports would follow.",
                  "2023-06-01"));
  index.add(story("h1", "Farmers' harvests",
                  "Harvests of wheat and harvests of rice beat last year's harvest.",
                  "2023-06-02"));
  index.commit();
  const Searcher searcher = Searcher::open(db_);
  EXPECT_EQ(searcher.search({.query = "reprots"}).suggestion, "reports");
  EXPECT_EQ(searcher.search({.query = "harvset"}).suggestion, "harvest");
}

// A corrected stem is shown as the written word nearest the word typed, which keeps its
// ending: `refecting` (stem `refect`) is shown `reflecting`, though the article holding
// `reflect` first writes `reflects` more often.
TEST_F(ApiTest, ShowsACorrectedStemWithTheEndingTyped) {
  Index index = Index::open(db_);
  index.add(story("r1", "Prices reflect demand",
                  "It reflects costs, reflects demand and reflects supply, reflecting prices.",
                  "2023-06-01"));
  index.commit();
  const Searcher searcher = Searcher::open(db_);
  EXPECT_EQ(searcher.search({.query = "refecting"}).suggestion, "reflecting");
  EXPECT_EQ(searcher.search({.query = "refects"}).suggestion, "reflects");
}

// A stem one edit from the typed word's stem may be written far from the word as typed:
// `zorvbx` is one edit from the stem `zorvax`, which the archive writes `zorvaxes`, and which
// no dictionary knows. No correction is offered further from the typed word than a stem's may
// be. A stem that is a word of the dictionary is shown as it is: `turbn` is `turn`, though the
// archive writes `turned`.
TEST_F(ApiTest, SuggestsNoCorrectionFarFromTheWordTyped) {
  Index index = Index::open(db_);
  index.add(
      story("t1", "Markets turned", "Prices turned higher and markets turned calm.", "2023-06-01"));
  index.add(story("z1", "Zorvaxes", "The zorvaxes came and the zorvaxes went.", "2023-06-02"));
  index.commit();
  const Searcher searcher = Searcher::open(db_);
  EXPECT_EQ(searcher.search({.query = "zorvbx"}).suggestion, std::nullopt);
  EXPECT_EQ(searcher.search({.query = "turbn"}).suggestion, "turn");
  EXPECT_EQ(searcher.search({.query = "turnde"}).suggestion, "turned");
}

// A stem as near the word typed as its written words is shown as it is when a dictionary knows
// it, for a word the archive lacks (`dcoument`: `document`, which the article holding it first
// writes only as `documents`; `fabrik`: `fabric`, written `fabrics`), not for one it holds,
// more often a name than a typo (`Fabbri` is no `fabric`).
TEST_F(ApiTest, ShowsADictionaryWordStemAsItIsForAWordTheArchiveLacks) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  index.add(story("d0", "Papers", "The documents were signed.", "2023-06-01"));
  for (int i = 0; i < 20; ++i) {
    index.add(story(std::to_string(i), "Cloth", "The fabrics were fine; the document said so.",
                    "2023-06-02"));
  }
  index.add(story("n1", "Deal", "Fabbri bought the firm.", "2023-06-03"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "dcoument"}).suggestion, "document");
  EXPECT_EQ(searcher.search({.query = "fabrik"}).suggestion, "fabric");
  EXPECT_EQ(searcher.search({.query = "Fabbri"}).suggestion, std::nullopt);
}

// A stem is shown as the word the archive wrote that is nearest the word typed, wherever the
// archive wrote it: `banks` is the first article's only form of `bank`, `banking` another's.
// Of several corrections, the one shown nearest the typed word is taken: `faiures` is as near
// the stem `fair` (more frequent, written `fairs`) as `failur`, written `failures`.
TEST_F(ApiTest, ShowsTheWrittenWordNearestTheWordTyped) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  index.add(
      story("b1", "Banks cut rates", "The banks said the banks would cut rates.", "2023-06-01"));
  index.add(story("b2", "Fees fall", "Fees for online banking fell.", "2023-06-02"));
  index.add(story("f1", "A fair", "The fairs were fair and the weather fair.", "2023-06-03"));
  index.add(story("f2", "Fair weather", "A fair day.", "2023-06-04"));
  index.add(story("f3", "Failures", "The failures mounted.", "2023-06-05"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "bankng"}).suggestion, "banking");
  EXPECT_EQ(searcher.search({.query = "faiures"}).suggestion, "failures");
}

// A typo may keep a word from being stemmed as it should: `discssion` is left whole, four
// edits from `discuss`, the stem of `discussion`, which is one edit from the word as typed.
// The words the archive wrote are compared with the word as typed, and their stems are
// corrections too.
TEST_F(ApiTest, SuggestsAWordWhoseStemTheTypoHides) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  index.add(
      story("d1", "Talks", "The discussion went on; discussions resume today.", "2023-06-01"));
  index.add(story("d2", "Delegates", "The delegation left.", "2023-06-02"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "discssion"}).suggestion, "discussion");
  EXPECT_EQ(searcher.search({.query = "delegaton"}).suggestion, "delegation");
}

// Stems as near the word as typed by the words written with them rank by their articles, and
// the nearest written word is shown, not the stem with the typed word's ending: `stuides` is
// one edit from `studies` and from `strides`, and `assocites` is `associates`, though the stem
// `associ` with its ending, `associes`, is written in a French name.
TEST_F(ApiTest, RanksCorrectionsByTheWordsWrittenNearTheWordTyped) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  index.add(story("s1", "Studies", "Two studies found more.", "2023-06-01"));
  index.add(story("s2", "New studies", "The studies agree.", "2023-06-02"));
  index.add(story("s3", "Runners", "He made great strides.", "2023-06-03"));
  index.add(story("a1", "Associates", "The associates of the firm agreed.", "2023-06-04"));
  index.add(story("a2", "Bank", "Lazard Freres et Associes advised.", "2023-06-05"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "stuides"}).suggestion, "studies");
  EXPECT_EQ(searcher.search({.query = "assocites"}).suggestion, "associates");
}

// A word the archive holds, however rare, is more often a name than a typo: a written word
// corrects it only one edit away (`availalbe`: `available`), not two (`Harrosh` is no typo of
// `Harris`), while a word the archive lacks is corrected two edits away (`hariss`: `harris`).
TEST_F(ApiTest, CorrectsAWordTheArchiveHoldsOnlyToAWrittenWordOneEditAway) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  for (int i = 0; i < 20; ++i) {
    index.add(story(std::to_string(i), "Harris speaks", "Harris said the data was available.",
                    "2023-06-01"));
  }
  index.add(story("x1", "Talks", "Harrosh said the report was availalbe.", "2023-06-25"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "availalbe"}).suggestion, "available");
  EXPECT_EQ(searcher.search({.query = "Harrosh"}).suggestion, std::nullopt);
  EXPECT_EQ(searcher.search({.query = "hariss"}).suggestion, "harris");
  // Two letters changed (`x`, `z` for `i`, `e`): as many edits as are allowed, each one a
  // letter that one word has and the other lacks.
  EXPECT_EQ(searcher.search({.query = "avaxlablz"}).suggestion, "available");
}

// A word the archive writes as a name (`Earley`) or an acronym is no typo of a common word one
// edit away (`early`, and `Brönce` none of `bronze`), and a short one none of another acronym
// (`FCO`, `FCC`); it is corrected only to a name one edit away (`Bundesbnak`: `Bundesbank`), not
// two (`Suliman`, `Sullivan`). A word written in lower case is corrected as before (`tomorrrow`).
TEST_F(ApiTest, CorrectsANameTheArchiveHoldsOnlyToANameOneEditAway) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  for (int i = 0; i < 20; ++i) {
    index.add(story(std::to_string(i), "Rates",
                    "Prices rose early, and the Bundesbank, the FCC and Mr Sullivan said rates "
                    "would rise tomorrow. The bronze statue was sold.",
                    "2023-06-01"));
  }
  index.add(story("x1", "Outlook",
                  "Analyst Peter Earley said the Bundesbnak would act tomorrrow, and officials "
                  "of the FCO, Mr Suliman and Mr Brönce agreed.",
                  "2023-06-25"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "earley"}).suggestion, std::nullopt);
  EXPECT_EQ(searcher.search({.query = "fco"}).suggestion, std::nullopt);
  EXPECT_EQ(searcher.search({.query = "Suliman"}).suggestion, std::nullopt);
  // A name written with letters that fold to ASCII ones is found as written (`bronce`, not
  // `bronze`).
  EXPECT_EQ(searcher.search({.query = "bronce"}).suggestion, std::nullopt);
  EXPECT_EQ(searcher.search({.query = "bundesbnak"}).suggestion, "bundesbank");
  EXPECT_EQ(searcher.search({.query = "tomorrrow"}).suggestion, "tomorrow");
}

// A rare word the dictionary knows (`minsters`) is no typo, unless the query finds nothing with
// it: `opec minsters` then suggests `opec ministers`.
TEST_F(ApiTest, CorrectsADictionaryWordWhenTheQueryFindsNothing) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  for (int i = 0; i < 20; ++i) {
    index.add(story(std::to_string(i), "Output", "OPEC ministers met on output.", "2023-06-01"));
  }
  index.add(story("m1", "Cathedrals", "The minsters of the north drew visitors.", "2023-06-02"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "minsters"}).suggestion, std::nullopt);
  EXPECT_EQ(searcher.search({.query = "opec minsters"}).suggestion, "opec ministers");
}

TEST_F(ApiTest, StatsDescribeTheDatabase) {
  const IndexStats stats = Searcher::open(db_).stats();
  EXPECT_EQ(stats.documents, 6u);
  EXPECT_EQ(stats.first_date, "2022-07-15");
  EXPECT_EQ(stats.last_date, "2023-05-20");
  EXPECT_EQ(stats.sources.at("Balkan Wire"), 2u);
  EXPECT_EQ(stats.languages.at("de"), 1u);
  EXPECT_EQ(stats.formats.at("jsonl"), 6u);
  EXPECT_GT(stats.size_bytes, 0u);
  EXPECT_EQ(stats.schema_version, "5");
}

TEST_F(ApiTest, SecondWriterIsToldTheDatabaseIsLocked) {
  Index first = Index::open(db_);
  try {
    Index second = Index::open(db_);
    FAIL() << "a second writer was let in";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::locked);
    EXPECT_THAT(e.what(), HasSubstr("locked by another writer"));
    EXPECT_EQ(e.context(), db_);
  }
}

TEST_F(ApiTest, MissingDatabaseIsNotFound) {
  try {
    Searcher::open(dir_ / "nothing-here");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
  try {
    Index::open(dir_ / "nothing-here");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
}

TEST_F(ApiTest, DatabaseFromAnotherSchemaIsRefused) {
  {
    Xapian::WritableDatabase db(db_, Xapian::DB_OPEN);
    db.set_metadata("newsdex:schema", "0");
    db.commit();
  }
  try {
    Searcher::open(db_);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::version_mismatch);
    EXPECT_THAT(e.what(), HasSubstr("schema 0"));
  }
}

TEST_F(ApiTest, ArticleWithoutIdIsRefused) {
  Index index = Index::open(db_);
  try {
    index.add(Article{});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
  }
}

TEST_F(ApiTest, UnknownFacetOrFilterFieldIsRefused) {
  const Searcher searcher = Searcher::open(db_);
  EXPECT_THROW(searcher.search({.query = "oil", .facets = {"colour"}}), Error);
  try {
    searcher.search({.query = "oil", .filters = {{.field = "colour", .value = "red"}}});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
    EXPECT_THAT(e.what(), HasSubstr("colour"));
  }
  // A filter without a value would match nothing, or, excluded, nothing less.
  for (const bool exclude : {false, true}) {
    try {
      searcher.search(
          {.query = "oil", .filters = {{.field = "person", .value = "", .exclude = exclude}}});
      ADD_FAILURE() << exclude;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_argument);
      EXPECT_THAT(e.what(), HasSubstr("the person filter needs a value"));
    }
  }
}

TEST(ApiErrors, CodesHaveNames) {
  EXPECT_EQ(to_string(ErrorCode::locked), "locked");
  EXPECT_EQ(to_string(ErrorCode::invalid_query), "invalid_query");
  EXPECT_FALSE(version().empty());
}

TEST(ApiAddPaths, ReadsFilesReportsBadRecordsAndKeepsTheGoodOnes) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "in/good.jsonl",
                      "{\"id\":\"j1\",\"title\":\"Flood warning in Valencia\",\"body\":\"Rain.\",\"date\":\"2023-09-01\"}\n"
                      "{\"id\":\"j2\", broken\n"
                      "{\"id\":\"j3\",\"title\":\"Drought in Andalusia\",\"body\":\"Dry.\",\"date\":\"2023-09-02\"}\n");
  std::vector<ReadIssue> issues;
  Index index = Index::create(dir / "db");
  const IndexReport report =
      index.add_paths({dir / "in"}, {.on_issue = [&](const ReadIssue& i) { issues.push_back(i); }});
  EXPECT_EQ(report.read, 2u);
  EXPECT_EQ(report.added, 2u);
  EXPECT_EQ(report.skipped, 1u);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].record, 2u);
  EXPECT_THAT(issues[0].file, HasSubstr("good.jsonl"));
  // The file is unchanged: a rerun passes over it (its bad record is not reported again).
  const IndexReport again = index.add_paths({dir / "in"});
  EXPECT_EQ(again.read, 0u);
  EXPECT_EQ(again.unchanged, 2u);
  EXPECT_EQ(index.size(), 2u);
}

// The foundation's broken folder: every good article gets in, every bad file and record is
// reported by name and number, and the database passes Xapian's own consistency check.
TEST(ApiAddPaths, ABrokenFolderIsIndexedAroundItsDamage) {
  testing::TempDir dir;
  const std::string story = "Ferry service resumes\n\nBoats sailed again on Monday after the storm.\n";
  testing::write_file(dir.path() / "in/good.txt", story);
  testing::write_file(dir.path() / "in/empty.txt", "");
  testing::write_file(dir.path() / "in/noise.bin", testing::random_bytes(4096));
  testing::write_file(dir.path() / "in/latin1.txt",
                      "Caf\xe9 owners protest\n\nThe caf\xe9s of the old town closed.\n");
  testing::write_file(dir.path() / "in/feed.jsonl",
                      "{\"id\":\"f1\",\"title\":\"Bridge reopens\",\"body\":\"Traffic flows.\"}\n"
                      "{\"id\":\"f2\", \"title\": \n"
                      "{\"id\":\"f3\",\"title\":\"Tram extended\",\"body\":\"New stops.\"}\n");
  // A gzip stream cut in half: the records before the cut are read, the damage is reported.
  std::string lines;
  for (int i = 0; i < 2000; ++i) {
    lines += "{\"id\":\"z" + std::to_string(i) + "\",\"title\":\"Story " + std::to_string(i) +
             "\",\"body\":\"" + testing::random_words(40, static_cast<unsigned>(i)) + "\"}\n";
  }
  const std::string gz = testing::gzip(lines);
  testing::write_file(dir.path() / "in/cut.jsonl.gz", gz.substr(0, gz.size() / 2));

  std::vector<ReadIssue> issues;
  Index index = Index::create(dir / "db");
  const IndexReport report =
      index.add_paths({dir / "in"}, {.on_issue = [&](const ReadIssue& i) { issues.push_back(i); }});
  index.commit();
  std::vector<std::string> described;
  for (const ReadIssue& issue : issues) described.push_back(issue.describe());
  EXPECT_THAT(described, Contains(HasSubstr("feed.jsonl:2: error")));
  EXPECT_THAT(described, Contains(HasSubstr("noise.bin: error")));
  EXPECT_THAT(described, Contains(HasSubstr("empty.txt: warning: empty file")));
  EXPECT_THAT(described, Contains(HasSubstr("latin1.txt:1: warning: invalid UTF-8")));
  EXPECT_THAT(described, Contains(HasSubstr("cut.jsonl.gz")));
  // good.txt, latin1.txt, f1, f3 and the records of the first half of the gzip stream.
  EXPECT_GT(report.added, 4u + 100u);
  EXPECT_LT(report.added, 4u + 2000u);
  const Searcher searcher = Searcher::open(dir / "db");
  EXPECT_EQ(searcher.search({.query = "ferry"}).total.estimated, 1u);
  EXPECT_EQ(searcher.search({.query = "cafés"}).total.estimated, 1u);
  EXPECT_EQ(searcher.search({.query = "tram"}).total.estimated, 1u);
  std::ostringstream check_output;
  EXPECT_EQ(Xapian::Database::check(dir / "db", Xapian::DBCHECK_FULL_TREE, &check_output), 0u)
      << check_output.str();
}

// A query that may match more than a few hundred articles is counted by walking its posting
// lists, not by the matcher; with no hits to show, any walkable query is. Totals and facets
// must come out the same either way, and as the archive makes them.
TEST(ApiLargeMatchSets, FacetsAndTotalsAreExactWithOrWithoutHits) {
  testing::TempDir dir;
  constexpr int kArticles = 700;
  const auto has = [](const std::string& query, int i) {
    const bool dock = i % 2 == 0;
    const bool crane = i % 4 == 0 || i % 5 == 0;
    const bool gale = i % 9 == 0;
    if (query == "harbour") return true;
    if (query == "gale") return gale;  // too few to walk when hits are asked for
    if (query == "gale OR crane") return gale || crane;
    if (query == "dock") return dock;
    if (query == "crane") return crane;
    if (query == "dock crane") return dock && crane;
    if (query == "dock OR crane") return dock || crane;
    return !dock;  // "harbour NOT dock"
  };
  {
    Index index = Index::create(dir / "db");
    for (int i = 0; i < kArticles; ++i) {
      std::string body = "Ships waited in the harbour";
      if (has("dock", i)) body += " by the dock";
      if (has("crane", i)) body += " under a crane";
      if (has("gale", i)) body += " in a gale";
      // Ids are numbers: `"n" + std::to_string(i)` sets off GCC 12's false -Wrestrict warning.
      index.add(story(std::to_string(i), "Port report " + std::to_string(i), body + ".",
                      "2021-0" + std::to_string(1 + i % 6) + "-10",
                      "Wire " + std::to_string(i % 3)));
    }
    index.commit();
  }
  const Searcher searcher = Searcher::open(dir / "db");
  for (const std::string query : {"harbour", "dock", "crane", "gale", "gale OR crane", "dock crane",
                                  "dock OR crane", "harbour NOT dock"}) {
    std::map<std::string, std::uint64_t> expected;
    std::uint64_t total = 0;
    for (int i = 0; i < kArticles; ++i) {
      if (!has(query, i)) continue;
      ++total;
      ++expected["source Wire " + std::to_string(i % 3)];
      ++expected["date 2021-0" + std::to_string(1 + i % 6)];
    }
    for (const std::size_t limit : {10, 0}) {
      const SearchResults results = searcher.search({.query = query,
                                                     .facets = {"source", "date"},
                                                     .date_bucket = DateBucket::month,
                                                     .collapse_duplicates = false,
                                                     .limit = limit});
      EXPECT_TRUE(results.total.exact) << query << ' ' << limit;
      EXPECT_EQ(results.total.estimated, total) << query << ' ' << limit;
      EXPECT_EQ(results.hits.size(), std::min<std::size_t>(limit, total)) << query;
      std::map<std::string, std::uint64_t> counted;
      for (const Facet& facet : results.facets) {
        EXPECT_TRUE(facet.exact) << query << ' ' << facet.name;
        for (const FacetValue& value : facet.values) {
          // The date histogram shows the empty months between others.
          if (value.count > 0) counted[facet.name + ' ' + value.value] += value.count;
        }
      }
      EXPECT_EQ(counted, expected) << query << ' ' << limit;
    }
  }
  // Without facets, counted up to the number asked for: beyond it an estimate whose bounds
  // hold the truth, with or without hits. Of `dock OR crane` (420 articles), counting stops at
  // 300 and Xapian bounds the rest.
  for (const std::size_t limit : {10, 0}) {
    const SearchResults some =
        searcher.search({.query = "dock OR crane", .limit = limit, .count_exactly_up_to = 300});
    EXPECT_FALSE(some.total.exact) << limit;
    EXPECT_GE(some.total.lower, 300u) << limit;
    EXPECT_LE(some.total.lower, 420u) << limit;
    EXPECT_GE(some.total.upper, 420u) << limit;
    EXPECT_GE(some.total.estimated, 300u) << limit;
  }
  // A word every article has: Xapian knows they all match, and says so.
  for (const std::size_t limit : {10, 0}) {
    const SearchResults all =
        searcher.search({.query = "harbour", .limit = limit, .count_exactly_up_to = 300});
    EXPECT_TRUE(all.total.exact) << limit;
    EXPECT_EQ(all.total.estimated, 700u) << limit;
  }
}

TEST(ApiAddPaths, ResultsAreTheSameWhateverTheNumberOfThreads) {
  testing::TempDir dir;
  std::string lines;
  for (int i = 0; i < 500; ++i) {
    // Every tenth id repeats an earlier one: the later article must win, in input order.
    const int id = i % 10 == 9 ? i - 5 : i;
    lines += "{\"id\":\"n" + std::to_string(id) + "\",\"title\":\"Story " + std::to_string(i) +
             " about harbour " + std::to_string(i % 7) + "\",\"body\":\"Text " +
             std::to_string(i) + ".\",\"date\":\"2021-01-0" + std::to_string(1 + i % 9) + "\"}\n";
  }
  testing::write_file(dir.path() / "in/many.jsonl", lines);
  std::map<unsigned, std::vector<std::string>> results;
  for (unsigned threads : {1u, 4u}) {
    const std::string db = dir / ("db" + std::to_string(threads));
    Index::create(db).add_paths({dir / "in"}, {.threads = threads, .batch_size = 37});
    const SearchResults r = Searcher::open(db).search(
        {.query = "harbour 3", .facets = {"date"}, .sort = SortOrder::oldest, .limit = 1000});
    for (const Hit& hit : r.hits) results[threads].push_back(hit.id + "|" + hit.headline);
    for (const auto& v : r.facets[0].values) {
      results[threads].push_back(v.value + "=" + std::to_string(v.count));
    }
  }
  EXPECT_EQ(results[1], results[4]);
  EXPECT_FALSE(results[1].empty());
}

}  // namespace
}  // namespace newsdex
