// SPDX-License-Identifier: GPL-3.0-or-later
// The query language end to end through the public API: filter fields typed the way readers
// type them, date forms, proximity, malformed queries, collapsed copies, "did you mean",
// recency and "more like this".
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::AnyOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

Article story(std::string id, std::string date, std::string headline, std::string body,
              std::string language = "en") {
  Article a;
  a.id = std::move(id);
  a.date = std::move(date);
  a.headline = std::move(headline);
  a.body = std::move(body);
  a.language = std::move(language);
  a.format = "jsonl";
  return a;
}

const std::string kCutTies =
    "Tirana, Albania – | 07 Sept 2022 (Tirana Echo) – Albania has cut diplomatic relations with "
    "Iran and ordered its embassy staff to leave within 24 hours, following a cyberattack in "
    "July that officials said was sponsored by the Teheran regime, Prime Minister Edi Rama said "
    "in a video statement. NATO allies were informed of the decision before it was announced, "
    "and the United States said it would hold Iran accountable for the attack.";

std::vector<Article> archive() {
  return {
      story("cut-ties", "2022-09-07", "Albania cuts diplomatic ties with Iran", kCutTies),
      // The same wire copy republished with another headline and a changed closing clause.
      story("cut-ties-copy", "2022-09-07", "Albania expels Iranian diplomats over cyberattack",
            kCutTies.substr(0, kCutTies.size() - 40) + " would respond to the attack."),
      story("portals", "2022-07-18", "Albania takes government portals offline",
            "TIRANA, July 18 (Balkan Wire) - Albania shut its e-Albania portal after a "
            "cyberattack on government servers, Prime Minister Edi Rama said on Monday."),
      story("washington", "1987-03-03", "Treasury sees slower growth",
            "WASHINGTON, March 3 - Treasury Secretary James Baker said growth in the United "
            "States would slow, and the IMF agreed. The Bundesbank was not consulted."),
      story("oil-old", "2021-10-05", "Oil prices climb",
            "Crude oil prices rose as OPEC kept output steady, traders in London said."),
      story("oil-new", "2023-10-05", "Oil prices climb",
            "Crude oil prices rose as OPEC kept output steady, traders in London said."),
  };
}

class QueryLanguageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir();
    Index index = Index::create(*dir_ / "db");
    for (const Article& a : archive()) index.add(a);
    index.commit();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  static std::vector<std::string> ids_of(const SearchResults& results) {
    std::vector<std::string> out;
    for (const Hit& hit : results.hits) out.push_back(hit.id);
    return out;
  }
  static std::vector<std::string> ids(const SearchRequest& request) {
    return ids_of(Searcher::open(*dir_ / "db").search(request));
  }
  static std::vector<std::string> ids(std::string query) {
    return ids(SearchRequest{.query = std::move(query), .collapse_duplicates = false});
  }

  // The message of the error a refused query raises; a failure if it is accepted.
  static std::string refusal(const std::string& query) {
    try {
      Searcher::open(*dir_ / "db").search({.query = query});
      ADD_FAILURE() << "query accepted: " << query;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_query);
      EXPECT_EQ(e.context(), query);
      return e.what();
    }
    return {};
  }

  static inline testing::TempDir* dir_ = nullptr;
};

// "portals": "offline" is only in its headline, "servers" only in its body.
TEST_F(QueryLanguageTest, BodySearchesTheTextButNotTheHeadline) {
  EXPECT_THAT(ids("body:servers"), ElementsAre("portals"));
  EXPECT_THAT(ids("body:server"), ElementsAre("portals"));  // inflections
  EXPECT_THAT(ids("body:\"government servers\""), ElementsAre("portals"));
  EXPECT_THAT(ids("body:offline"), ElementsAre());
  EXPECT_THAT(ids("body:\"government portals\""), ElementsAre());
  EXPECT_THAT(ids("headline:servers"), ElementsAre());
  EXPECT_THAT(ids("headline:\"government portals\""), ElementsAre("portals"));
}

TEST_F(QueryLanguageTest, UnfieldedWordsSearchHeadlineAndBody) {
  EXPECT_THAT(ids("offline"), ElementsAre("portals"));
  EXPECT_THAT(ids("servers"), ElementsAre("portals"));
  EXPECT_THAT(ids("offline servers"), ElementsAre("portals"));  // one in each
  EXPECT_THAT(ids("\"government portals\""), ElementsAre("portals"));
  EXPECT_THAT(ids("\"government servers\""), ElementsAre("portals"));
  EXPECT_THAT(ids("portal*"), ElementsAre("portals"));
}

TEST_F(QueryLanguageTest, FilterFieldsMatchHoweverTheValueIsTyped) {
  EXPECT_THAT(ids("person:\"edi rama\""), UnorderedElementsAre("cut-ties", "cut-ties-copy", "portals"));
  EXPECT_THAT(ids("person:\"JAMES BAKER\""), ElementsAre("washington"));
  EXPECT_THAT(ids("org:nato"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("organization:IMF"), ElementsAre("washington"));
  // Countries by code, by name in any case, by demonym.
  for (const char* query : {"country:IR", "country:iran", "country:Iranian"}) {
    EXPECT_THAT(ids(query), UnorderedElementsAre("cut-ties", "cut-ties-copy")) << query;
  }
  EXPECT_THAT(ids("city:tehran"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("city:\"Tirana, AL\" date:2022-07"), ElementsAre("portals"));
  // `place:` is any country or city the story names; `dateline:` only where it was filed.
  EXPECT_THAT(ids("place:tehran"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("dateline:tehran"), ElementsAre());
  EXPECT_THAT(ids("dateline:washington"), ElementsAre("washington"));
  EXPECT_THAT(ids("dateline:albania date:2022-07"), ElementsAre("portals"));
  EXPECT_THAT(ids("lang:EN source:\"tirana echo\""),
              UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  // A value the archive does not have matches nothing rather than everything.
  EXPECT_THAT(ids("person:\"Nobody Known\""), ElementsAre());
}

TEST_F(QueryLanguageTest, DatesTakeDaysMonthsYearsRangesAndOpenEnds) {
  EXPECT_THAT(ids("date:2022-09-07"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("date:2022-07"), ElementsAre("portals"));
  EXPECT_THAT(ids("date:\"July 2022\""), ElementsAre("portals"));
  EXPECT_THAT(ids("date:1987"), ElementsAre("washington"));
  EXPECT_THAT(ids("albania date:2022-07-01..2022-09-30"),
              UnorderedElementsAre("cut-ties", "cut-ties-copy", "portals"));
  EXPECT_THAT(ids("date:..2021-12-31"), UnorderedElementsAre("washington", "oil-old"));
  EXPECT_THAT(ids("oil date:2023.."), ElementsAre("oil-new"));
  EXPECT_THAT(ids("oil date:>2021-10-05"), ElementsAre("oil-new"));
  EXPECT_THAT(ids("oil date:<2023-10"), ElementsAre("oil-old"));
  EXPECT_THAT(ids("oil date:>=2021-10-05"), UnorderedElementsAre("oil-old", "oil-new"));
  EXPECT_THAT(ids("albania -date:2022-09"), ElementsAre("portals"));
  EXPECT_THAT(ids("albania date:<=\"July 2022\""), ElementsAre("portals"));
  // Lucene's brackets: [ ] take their ends in, { } leave them out.
  EXPECT_THAT(ids("albania date:[2022-07-18 TO 2022-09-07]"),
              UnorderedElementsAre("cut-ties", "cut-ties-copy", "portals"));
  EXPECT_THAT(ids("albania date:{2022-07-18 TO 2022-09-07]"),
              UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("albania date:[2022-07-18 TO 2022-09-07}"), ElementsAre("portals"));
  EXPECT_THAT(ids("date:[* TO 2021-10-05]"), UnorderedElementsAre("washington", "oil-old"));
}

TEST_F(QueryLanguageTest, ProximityAndWildcards) {
  EXPECT_THAT(ids("james NEAR/2 treasury"), ElementsAre("washington"));
  EXPECT_THAT(ids("baker NEAR/2 imf"), ElementsAre());
  // Beside other words, which Xapian 1.4 cannot parse unbracketed.
  EXPECT_THAT(ids("albania iran NEAR/3 accountable"), ElementsAre("cut-ties"));
  EXPECT_THAT(ids("iran NEAR/3 accountable albania"), ElementsAre("cut-ties"));
  EXPECT_THAT(ids("bundes*"), ElementsAre("washington"));
}

// The index holds stems, and a word may be longer than its stem: "government" is "govern",
// "diplomatic" and "diplomats" are "diplomat". A wildcard finds at least what its word finds.
TEST_F(QueryLanguageTest, AWildcardFindsItsOwnWordWhoseStemIsShorter) {
  EXPECT_THAT(ids("government*"), ElementsAre("portals"));
  EXPECT_THAT(ids("headline:diplomatic*"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("cyberattack -government*"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  // A wildcard still reaches longer words: "governments" has no other stem than "govern".
  EXPECT_THAT(ids("gov*"), ElementsAre("portals"));
}

// A pattern may also end past a word's stem: "governm*" must find "government", whose stem
// "govern" it does not start, as must "headline:diplomati*" find "diplomatic" ("diplomat").
// The archive's vocabulary of written words says which words start so.
TEST_F(QueryLanguageTest, AWildcardFindsWordsWhoseStemsItOutgrows) {
  EXPECT_THAT(ids("governm*"), ElementsAre("portals"));
  EXPECT_THAT(ids("headline:diplomati*"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("cyberattack -governm*"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
}

TEST_F(QueryLanguageTest, AFieldBeforeBracketsIsEachWordsInside) {
  EXPECT_THAT(ids("headline:(cuts OR expels)"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("albania -headline:(iran OR iranian)"), ElementsAre("portals"));
}

// Xapian 1.4 parses a query of excluded words alone again without the signs: `-government`
// would find the articles about the government.
TEST_F(QueryLanguageTest, ExcludedWordsAloneAreRefusedRatherThanSearchedFor) {
  EXPECT_THAT(refusal("-government"), HasSubstr("column 1: expected a word to search for"));
  EXPECT_THAT(refusal("cyberattack (-government)"), HasSubstr("column 14: expected a word"));
  EXPECT_THAT(ids("cyberattack -government"), UnorderedElementsAre("cut-ties", "cut-ties-copy"));
  EXPECT_THAT(ids("NOT government"), UnorderedElementsAre("cut-ties", "cut-ties-copy", "washington",
                                                          "oil-old", "oil-new"));
}

TEST_F(QueryLanguageTest, APhraseWithATildeIsItsWordsNearEachOther) {
  EXPECT_THAT(ids("\"treasury baker\"~3"), ElementsAre("washington"));
  EXPECT_THAT(ids("\"baker imf\"~2"), ElementsAre());
  EXPECT_THAT(ids("headline:\"prices oil\"~2"), UnorderedElementsAre("oil-old", "oil-new"));
}

TEST_F(QueryLanguageTest, LucenesOperatorSymbolsAreOperators) {
  EXPECT_THAT(ids("bundesbank || opec"), UnorderedElementsAre("washington", "oil-old", "oil-new"));
  EXPECT_THAT(ids("bundesbank && imf"), ElementsAre("washington"));
  EXPECT_THAT(ids("albania !iran"), ElementsAre("portals"));
}

// NOT excludes the one operand after it, as a reader (and Lucene) takes it; Xapian's own NOT
// took the whole run after it.
TEST_F(QueryLanguageTest, NotExcludesTheOneOperandAfterIt) {
  // Only cut-ties has both words; its copy has "respond" and not "accountable".
  EXPECT_THAT(ids("albania NOT accountable iran"), ElementsAre("cut-ties-copy"));
  EXPECT_THAT(ids("NOT accountable albania iran"), ElementsAre("cut-ties-copy"));
  EXPECT_THAT(ids("albania AND NOT accountable iran"), ElementsAre("cut-ties-copy"));
  EXPECT_THAT(ids("albania AND -accountable iran"), ElementsAre("cut-ties-copy"));
  EXPECT_THAT(ids("albania NOT (portal OR accountable)"), ElementsAre("cut-ties-copy"));
  EXPECT_THAT(ids("albania NOT iran NEAR/3 accountable"),
              UnorderedElementsAre("portals", "cut-ties-copy"));
  EXPECT_THAT(ids("crude NOT date:2023"), ElementsAre("oil-old"));
  EXPECT_THAT(ids("oil OR -opec bundesbank"),
              UnorderedElementsAre("washington", "oil-old", "oil-new"));
  EXPECT_THAT(ids("albania OR NOT cyberattack"),
              UnorderedElementsAre("cut-ties", "cut-ties-copy", "portals", "washington", "oil-old",
                                   "oil-new"));
}

// A piece of a query, and what Xapian's parse of an accepted query holding it must hold.
struct QueryPiece {
  std::string_view text;
  std::string_view parsed = {};  // e.g. "AND_NOT" for `-iran`
};

// clang-format off
constexpr QueryPiece kQueryPieces[] = {
    // words
    {"albania"}, {"iran"}, {"oil"}, {"crude"}, {"Iran's"}, {"U.S."}, {"AT&T"}, {"e-Albania"},
    {"\u2014"}, {"cyber*", "WILDCARD"}, {"headline:cyber*", "WILDCARD"}, {"bundesbnak"},
    {"albnia"}, {"headline:cyberatack"},
    // phrases
    {"\"crude oil\"", "PHRASE"}, {"-\"prime minister\"", "PHRASE"}, {"\"edi rama\"~3", "NEAR"},
    {"headline:\"oil prices\"", "PHRASE"}, {"+\"crude oil\"", "PHRASE"},
    {"headline:\"oil prices\"~2", "NEAR"},
    // brackets
    {"("}, {"("}, {")"}, {")"}, {"-(", "AND_NOT"}, {"+("}, {"!(", "AND_NOT"}, {"headline:("},
    {"body:("}, {"-body:(", "AND_NOT"},
    // operators
    {"AND"}, {"OR"}, {"OR"}, {"NOT", "AND_NOT"}, {"NOT", "AND_NOT"}, {"XOR"}, {"XOR"},
    {"NEAR", "NEAR"}, {"NEAR/3", "NEAR"}, {"NEAR/3", "NEAR"}, {"ADJ", "PHRASE"},
    {"ADJ/2", "PHRASE"}, {"!", "AND_NOT"}, {"&&"}, {"||"},
    // signs and fields
    {"-iran", "AND_NOT"}, {"+oil"}, {"!opec", "AND_NOT"}, {"-"}, {"+"}, {"headline:oil"},
    {"-headline:iran", "AND_NOT"}, {"!headline:oil", "AND_NOT"}, {"body:oil*", "WILDCARD"},
    {"person:\"Edi Rama\""}, {"org:nato"}, {"-country:iran", "AND_NOT"}, {"lang:en"},
    {"city:tehran"}, {"place:iran"}, {"dateline:albania"}, {"source:\"tirana echo\""},
    // dates
    {"date:2022"}, {"-date:2021", "AND_NOT"}, {"date:[2022 TO *]"}, {"date:2022-07..2022-09"},
    {"date:\"Sept 2022\""}, {"date:<=\"Sept 2022\""}, {"date:>2021"}, {"date:{2021 TO 2023}"},
};
// clang-format on

// Xapian 1.4 parses a query it cannot parse again with every syntax flag off, and says
// nothing: its operators become the words "and" and "not", and signs, wildcards and phrases
// vanish. Random queries over the language's syntax are searched, and the parse of each one
// the query check accepts must show none of those signs; a "did you mean" must be a query
// the check accepts too.
TEST_F(QueryLanguageTest, EveryAcceptedQueryIsParsedAsWritten) {
  std::mt19937 random(20261130);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kQueryPieces) - 1);
  std::uniform_int_distribution<int> length(1, 8);
  Searcher searcher = Searcher::open(*dir_ / "db");
  int accepted = 0;
  int failures = 0;
  for (int i = 0; i < 20'000 && failures < 20; ++i) {
    std::string query;
    std::vector<std::string_view> expected;  // in the parse
    for (int n = length(random); n > 0; --n) {
      const QueryPiece& next = kQueryPieces[piece(random)];
      if (!query.empty()) query += ' ';
      query += next.text;
      if (!next.parsed.empty()) expected.push_back(next.parsed);
    }
    SearchResults results;
    try {
      results = searcher.search({.query = query, .limit = 0, .snippet_length = 0});
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::invalid_query) << query << ": " << e.what();
      continue;
    }
    ++accepted;
    if (results.suggestion) {
      // A suggestion is a query of the language too: searching it must not fail.
      try {
        searcher.search({.query = *results.suggestion, .limit = 0, .snippet_length = 0});
      } catch (const Error& e) {
        ADD_FAILURE() << query << "  suggests  " << *results.suggestion << ": " << e.what();
        ++failures;
      }
    }
    // Xapian's second parse reads operators as words (`Zand@3`), and keeps no exclusion,
    // phrase, proximity or wildcard.
    static const std::regex operator_as_word("[( ]Z?S?(and|or|not|xor|near|adj)@");
    bool second_parse = std::regex_search(results.parsed_query, operator_as_word);
    for (std::string_view what : expected) {
      second_parse |= results.parsed_query.find(what) == std::string::npos;
    }
    if (second_parse) {
      ADD_FAILURE() << query << "  →  " << results.parsed_query;
      ++failures;
    }
  }
  // The pieces make queries the check accepts about as often as ones it refuses.
  EXPECT_GT(accepted, 3'000);
}

TEST_F(QueryLanguageTest, MalformedQueriesFailWithTheColumn) {
  EXPECT_THAT(refusal("oil AND ("), HasSubstr("column 9"));
}

// Xapian would read NEAR as a word beside a phrase and find nothing; the query is refused.
TEST_F(QueryLanguageTest, NearJoinsWordsAndRefusesPhrases) {
  EXPECT_THAT(ids("prices NEAR/3 opec"), UnorderedElementsAre("oil-old", "oil-new"));
  EXPECT_THAT(ids("headline:treasury NEAR/3 growth"), ElementsAre("washington"));
  EXPECT_THAT(refusal("\"crude oil\" NEAR/3 opec"),
              HasSubstr("column 1: '\"crude oil\"' cannot be joined by NEAR/3"));
}

TEST_F(QueryLanguageTest, CopiesOfOneStoryCollapseIntoOneHit) {
  const Searcher searcher = Searcher::open(*dir_ / "db");
  const SearchResults collapsed = searcher.search({.query = "albania iran", .facets = {"source"}});
  ASSERT_EQ(collapsed.hits.size(), 1u);
  EXPECT_EQ(collapsed.hits[0].similar, 1u);
  // Totals and facets still count articles.
  EXPECT_EQ(collapsed.total.estimated, 2u);
  EXPECT_EQ(collapsed.facets[0].values[0].count, 2u);
  const SearchResults all =
      searcher.search({.query = "albania iran", .collapse_duplicates = false});
  EXPECT_EQ(all.hits.size(), 2u);
  EXPECT_EQ(all.hits[0].similar, 0u);
}

// The body of a story the collapse tests copy.
constexpr const char* kHarbourStory =
    "The harbour of Durres reopened on Monday, port officials said, and the first boats from "
    "Bari and Ancona were expected to dock before nightfall.";

// More copies than the first window holds: the window widens until the page is full, and
// the total and facets still count each article once.
TEST(CollapseTest, ManyCopiesLeaveTotalsAndFacetsExact) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  const std::string body = kHarbourStory;
  for (int i = 0; i < 40; ++i) {
    index.add(story("copy-" + std::to_string(i), "2023-03-0" + std::to_string(1 + i % 5),
                    "Durres harbour reopens", body));
  }
  // Stories of one copy each, which the query does not match: the archive's copies a story,
  // from which the first window is sized, are then too few for the story of forty.
  for (int i = 0; i < 160; ++i) {
    std::string unrelated;
    for (int word = 0; word < 25; ++word) unrelated += fmt::format("w{}x{} ", i, word);
    index.add(story(fmt::format("unrelated-{}", i), "2023-02-01", "Elsewhere", unrelated));
  }
  // Ranked below every copy: the word once, in a longer text, not in the headline.
  const std::string filler = " Trade through the port grew in the spring, and the board said "
                             "more berths, cranes and warehouses would follow within the year.";
  index.add(story("other-1", "2023-03-06", "Port dues rise", "The harbour board raised dues." + filler));
  index.add(story("other-2", "2023-03-07", "A new crane", "A crane arrived at the harbour." + filler));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  const SearchResults results =
      searcher.search({.query = "harbour", .facets = {"date"}, .date_bucket = DateBucket::day, .limit = 3});
  ASSERT_EQ(results.hits.size(), 3u);
  EXPECT_TRUE(results.total.exact);
  EXPECT_EQ(results.total.estimated, 42u);
  std::uint64_t dated = 0;
  for (const FacetValue& value : results.facets[0].values) dated += value.count;
  EXPECT_EQ(dated, 42u);
  std::size_t shown_copies = 0;
  for (const Hit& hit : results.hits) {
    if (hit.id.starts_with("copy-")) {
      ++shown_copies;
      EXPECT_EQ(hit.similar, 39u);
    }
  }
  EXPECT_EQ(shown_copies, 1u);
}

// "+N similar" counts every other match of the story, however far down the ranking, and no
// copy the query does not match.
TEST(CollapseTest, SimilarCountsEveryCopyAmongTheMatches) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  const std::string body = kHarbourStory;
  // The newest copy, then 39 older ones: 19 of them with `ferry` in the headline.
  index.add(story("copy-0", "2023-04-30", "Durres harbour reopens", body));
  for (int i = 1; i < 40; ++i) {
    index.add(story("copy-" + std::to_string(i), fmt::format("2023-01-{:02}", 1 + i % 28),
                    i < 20 ? "Durres port reopens" : "Durres ferry port reopens", body));
  }
  // Other stories, dated between the newest copy and the others: newest first, the page and
  // the few matches ranked past it hold no other copy. So many that the matches are walked
  // rather than counted by the matcher (ManyCopiesLeaveTotalsAndFacetsExact has the matcher).
  for (int i = 1; i <= 250; ++i) {
    index.add(story(fmt::format("other-{}", i), fmt::format("2023-03-{:02}", 1 + i % 28),
                    fmt::format("Harbour story {}", i),
                    fmt::format("The harbour board met for the {}th time this year.", i)));
  }
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  for (const bool facets : {false, true}) {
    SCOPED_TRACE(facets ? "with a facet" : "without facets");
    SearchRequest request{.query = "harbour", .sort = SortOrder::newest, .limit = 2};
    if (facets) request.facets = {"date"};
    SearchResults results = searcher.search(request);
    ASSERT_EQ(results.hits.size(), 2u);
    EXPECT_EQ(results.hits[0].id, "copy-0");
    EXPECT_EQ(results.hits[0].similar, 39u);
    EXPECT_EQ(results.hits[1].similar, 0u);
    request.query = "harbour -ferry";
    results = searcher.search(request);
    ASSERT_EQ(results.hits.size(), 2u);
    EXPECT_EQ(results.hits[0].similar, 19u);
  }
}

// Not every match counted, yet a total Xapian knows (every article matches): a hit's copies
// are those among the best-ranked matches, also for a story first met past the first window.
TEST(CollapseTest, CopiesAmongTheBestRankedWhenNotEveryMatchIsCounted) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  for (int i = 0; i < 30; ++i) {
    index.add(
        story(fmt::format("harbour-{}", i), "2023-03-01", "Durres harbour reopens", kHarbourStory));
  }
  const std::string ferry =
      "The ferry from Bari to Durres was cancelled on Tuesday after a storm closed the strait. "
      "Passengers were offered seats on the morning crossing, which the company said would sail "
      "as soon as the harbour master allowed. Freight lorries waited on the quay overnight.";
  for (int i = 0; i < 3; ++i) {
    index.add(story(fmt::format("ferry-{}", i), "2023-03-02", "Ferry cancelled", ferry));
  }
  for (int i = 0; i < 20; ++i) {
    std::string unrelated;
    for (int word = 0; word < 25; ++word) unrelated += fmt::format("w{}x{} ", i, word);
    index.add(story(fmt::format("unrelated-{}", i), "2023-02-01", "Elsewhere", unrelated));
  }
  index.commit();
  const SearchResults page =
      Searcher::open(dir / "db").search({.query = "", .limit = 5, .count_exactly_up_to = 10});
  EXPECT_TRUE(page.total.exact);
  EXPECT_EQ(page.total.estimated, 53u);
  std::map<std::string, std::size_t> similar;
  for (const Hit& hit : page.hits) similar[hit.id.substr(0, hit.id.find('-'))] = hit.similar;
  EXPECT_LE(similar["harbour"], 29u);
  EXPECT_EQ(similar["ferry"], 2u);
}

TEST_F(QueryLanguageTest, SuggestsSpellingsFromTheArchive) {
  const Searcher searcher = Searcher::open(*dir_ / "db");
  EXPECT_EQ(searcher.search({.query = "bundesbnak"}).suggestion, "bundesbank");
  EXPECT_EQ(searcher.search({.query = "Albania Teheren"}).suggestion, "Albania Teheran");
  EXPECT_EQ(searcher.search({.query = "albania"}).suggestion, std::nullopt);
  // English words are indexed as stems: `goverment` stems to `gover`, one edit from `govern`,
  // which is shown as an article writes it.
  EXPECT_EQ(searcher.search({.query = "goverment portals"}).suggestion, "government portals");
}

TEST_F(QueryLanguageTest, RecencyBoostFavoursTheNewerOfEqualMatches) {
  SearchRequest request{.query = "crude oil prices", .collapse_duplicates = false};
  const std::vector<std::string> plain = ids(request);
  ASSERT_EQ(plain.size(), 2u);
  request.recency_half_life_days = 365;
  EXPECT_THAT(ids(request), ElementsAre("oil-new", "oil-old"));
  request.sort = SortOrder::oldest;  // an explicit order wins over the boost
  EXPECT_THAT(ids(request), ElementsAre("oil-old", "oil-new"));
}

TEST_F(QueryLanguageTest, SimilarFindsTheClosestStoriesButNotItself) {
  const Searcher searcher = Searcher::open(*dir_ / "db");
  const SearchResults like = searcher.similar({.id = "portals", .limit = 3});
  ASSERT_FALSE(like.hits.empty());
  // The story and its copy are one hit.
  EXPECT_THAT(like.hits[0].id, AnyOf("cut-ties", "cut-ties-copy"));
  for (const Hit& hit : like.hits) EXPECT_NE(hit.id, "portals");
  // Only what was published before the story: the background as it broke.
  // The stories on cutting ties came after "portals", which they are most like.
  const SearchResults before_portals = searcher.similar({.id = "portals", .only_earlier = true});
  for (const Hit& hit : before_portals.hits) {
    ASSERT_TRUE(hit.date) << hit.id;
    EXPECT_LE(*hit.date, "2022-07-18") << hit.id;
  }
  const SearchResults before_cut_ties = searcher.similar({.id = "cut-ties", .only_earlier = true});
  EXPECT_THAT(ids_of(before_cut_ties), Contains("portals"));
  for (const Hit& hit : before_cut_ties.hits) {
    ASSERT_TRUE(hit.date) << hit.id;
    EXPECT_LE(*hit.date, "2022-09-07") << hit.id;
  }
  try {
    searcher.similar({.id = "no-such-story"});
    FAIL() << "similar() accepted an unknown id";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::not_found);
  }
}

// Headline words are indexed only under their prefix; "more like this" weighs them too.
TEST(SimilarTest, FindsStoriesAlikeOnlyInTheirHeadlines) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  index.add(story("a", "2022-01-01", "Zeppelin moorings reopen at Friedrichshafen",
                  "The airship port said the season starts in May."));
  index.add(story("b", "2022-02-01", "Friedrichshafen zeppelin moorings busy",
                  "Tourists queued for rides on a sunny Sunday."));
  index.add(story("c", "2022-03-01", "Harbour news", "Fishermen stayed home."));
  index.commit();
  const SearchResults like =
      Searcher::open(dir / "db").similar({.id = "a", .limit = 1});
  ASSERT_EQ(like.hits.size(), 1u);
  EXPECT_EQ(like.hits[0].id, "b");
}

// A query is parsed once per language and each parse matches only its language's articles.
// In a mostly English archive the English parse says so by excluding the few others.
TEST(LanguageBranchesTest, EachArticleIsMatchedByItsOwnLanguagesParse) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  for (const char* id : {"en-1", "en-2", "en-3"}) {
    index.add(story(id, "2023-01-02", "Runners in the park", "Runners were running in the park."));
  }
  // German stems `Run` to `run`, as English stems `running`; German leaves `running` whole.
  index.add(story("de-1", "2023-01-03", "Der Run auf die Banken", "Der Run hält an.", "de"));
  // Albanian has no stemmer: its words are indexed as they are, and no stem.
  index.add(story("sq-1", "2023-01-04", "Running", "Running i Tiranës.", "sq"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  const SearchResults running = searcher.search({.query = "running"});
  std::vector<std::string> ids;
  for (const Hit& hit : running.hits) ids.push_back(hit.id);
  EXPECT_THAT(ids, UnorderedElementsAre("en-1", "en-2", "en-3", "sq-1"));
  // Each parse is kept to its own languages' articles: `run` in German is not `running`.
  EXPECT_THAT(running.parsed_query,
              HasSubstr("(Zrun@1 OR ZSrun@1) FILTER PostingSource(language en)"));
  // Albanian's branch needs a word as written, which only the articles of a language without
  // a stemmer have, and Albanian is the only one here: no filter.
  EXPECT_THAT(running.parsed_query, HasSubstr(" OR (running@1 OR Srunning@1)"));
  // German's (`Zrunning`) is left out: its one article does not hold it.
  EXPECT_THAT(running.parsed_query, Not(HasSubstr("Zrunning")));
  EXPECT_THAT(running.parsed_query, Not(HasSubstr("language sq")));
  // `park` stems alike in English and German: that branch needs a stem, which the Albanian
  // article has none of, and so no filter either.
  const SearchResults park = searcher.search({.query = "park"});
  ids.clear();
  for (const Hit& hit : park.hits) ids.push_back(hit.id);
  EXPECT_THAT(ids, UnorderedElementsAre("en-1", "en-2", "en-3"));
  EXPECT_THAT(park.parsed_query, Not(HasSubstr("FILTER")));
  // A branch that needs no text term at all (`NOT running` matches whatever lacks it) is kept
  // to its languages: else every English article, which has no `running` as written, would
  // match Albanian's.
  const SearchResults not_running = searcher.search({.query = "NOT running"});
  ids.clear();
  for (const Hit& hit : not_running.hits) ids.push_back(hit.id);
  EXPECT_THAT(ids, UnorderedElementsAre("de-1"));
  EXPECT_THAT(not_running.parsed_query, HasSubstr("FILTER PostingSource(language sq)"));
  const SearchResults banken = searcher.search({.query = "Banken"});
  ASSERT_EQ(banken.hits.size(), 1u);
  EXPECT_EQ(banken.hits[0].id, "de-1");
}

// The few articles of a language (misdetected ones, mostly) are read once, so that a query
// knows which of its branches they could match: a branch for their language that none of
// them can match is left out, and the main language's branch is not filtered against them when
// none of them holds its terms.
TEST(LanguageBranchesTest, LeavesOutWhatTheFewArticlesOfALanguageCannotMatch) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  constexpr int kEnglish = 60;  // more than a language of few articles has
  for (int i = 0; i < kEnglish; ++i) {
    index.add(story(fmt::format("en-{}", i), "2023-01-02", "Runners in the park",
                    fmt::format("Runners were running in the park, lap {}.", i)));
  }
  index.add(story("it-1", "2023-01-03", "La banca centrale",
                  "La banca centrale ha alzato i tassi di interesse.", "it"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  // Italian leaves `running` whole, and English stems it to `run`: the Italian article holds
  // neither, so the query is English's parse alone.
  const SearchResults running = searcher.search({.query = "running", .facets = {"language"}});
  EXPECT_EQ(running.total.estimated, static_cast<std::uint64_t>(kEnglish));
  EXPECT_THAT(running.parsed_query, Not(HasSubstr("language")));
  EXPECT_THAT(running.parsed_query, Not(HasSubstr("Zrunning")));
  ASSERT_EQ(running.facets.size(), 1u);
  ASSERT_EQ(running.facets[0].values.size(), 1u);
  EXPECT_EQ(running.facets[0].values[0].value, "en");
  // Italian stems `banca` to `banc`, which its article holds: that branch stays, kept to
  // Italian as English has too many articles to tell. English's `banca` is held by no
  // Italian article, and needs no filter.
  const SearchResults banca = searcher.search({.query = "banca"});
  ASSERT_EQ(banca.hits.size(), 1u);
  EXPECT_EQ(banca.hits[0].id, "it-1");
  EXPECT_THAT(banca.parsed_query, HasSubstr("FILTER PostingSource(language it)"));
  EXPECT_THAT(banca.parsed_query, Not(HasSubstr("language en")));
}

// Each language's parse looks for its own stems, and a snippet marks a word for the stems of
// its article's language only: Portuguese stems `stronger` as `strong`, English keeps it whole,
// and an English story's `strong` is not what was searched.
TEST(LanguageBranchesTest, MarksWordsForTheStemsOfTheArticlesLanguageOnly) {
  testing::TempDir dir;
  Index index = Index::create(dir / "db");
  index.add(story("en-1", "2023-01-02", "Markets",
                  "The dollar grew stronger while trade stayed strong all week."));
  index.add(story("en-2", "2023-01-02", "Weather", "Rain is expected in the north."));
  index.add(story("pt-1", "2023-01-03", "Mercados", "O real ficou strong ontem.", "pt"));
  index.commit();
  const Searcher searcher = Searcher::open(dir / "db");
  const SearchResults stronger = searcher.search({.query = "stronger"});
  EXPECT_THAT(stronger.parsed_query, HasSubstr("FILTER PostingSource(language pt)"));
  std::map<std::string, std::string> snippets;
  for (const Hit& hit : stronger.hits) snippets[hit.id] = hit.snippet.to_html();
  ASSERT_TRUE(snippets.contains("en-1"));
  EXPECT_THAT(snippets["en-1"], HasSubstr("<mark>stronger</mark>"));
  EXPECT_THAT(snippets["en-1"], Not(HasSubstr("<mark>strong</mark>")));
  ASSERT_TRUE(snippets.contains("pt-1"));
  EXPECT_THAT(snippets["pt-1"], HasSubstr("<mark>strong</mark>"));
}

}  // namespace
}  // namespace newsdex
