// SPDX-License-Identifier: GPL-3.0-or-later
// The query language's grammar: what is refused, with which column and message, and how
// `date:` values are rewritten for the date field processor.
#include "searcher/query_syntax.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

#include "newsdex/error.h"

namespace newsdex {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kFields[] = {"headline", "person", "date", "source"};
constexpr std::string_view kTextFields[] = {"headline"};

std::string check(std::string_view query, const QueryLimits& limits = {}) {
  return check_query_syntax(query, kFields, kTextFields, limits);
}

// The message of the error `query` is refused with, or "accepted".
std::string refusal(std::string_view query, const QueryLimits& limits = {}) {
  try {
    check(query, limits);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_query);
    EXPECT_EQ(e.context(), query);
    return e.what();
  }
  return "accepted";
}

TEST(QuerySyntax, WellFormedQueriesPassUnchanged) {
  for (const char* query :
       {"oil", "crude oil", "\"crude oil\" prices", "oil AND (gas OR coal)", "oil AND NOT gas",
        "NOT gas", "oil OR NOT gas", "NOT gas NOT coal", "+oil -gas", "-\"natural gas\" oil",
        "cyber*", "headline:oil", "person:\"Edi Rama\"", "source:Reuters", "https://example.org/a",
        "11:01 EDT", "U.S. oil", "\u201Ccrude oil\u201D"}) {
    EXPECT_EQ(check(query), query) << query;
  }
}

// Xapian 1.4 cannot parse words NEAR each other beside other words (`coal oil NEAR gas`): it
// groups side-by-side words before it sees the operator, then parses the query again without
// its syntax. Each chain of NEAR and ADJ is bracketed.
TEST(QuerySyntax, WordsNearEachOtherAreBracketed) {
  EXPECT_EQ(check("oil NEAR/5 opec"), "(oil NEAR/5 opec)");
  EXPECT_EQ(check("coal oil NEAR gas price"), "coal (oil NEAR gas) price");
  EXPECT_EQ(check("oil NEAR/3 price NEAR cut opec"), "(oil NEAR/3 price NEAR cut) opec");
  // Xapian cannot parse NEAR and ADJ in one chain either.
  EXPECT_THAT(refusal("oil NEAR/3 price ADJ cut"),
              HasSubstr("column 18: 'ADJ' cannot join the words that 'NEAR/3' joins"));
  EXPECT_EQ(check("oil - gas — coal"), "oil  gas  coal");  // punctuation folds away
  EXPECT_EQ(check("U.S. NEAR/3 sanctions Iran's ADJ oil"),
            "(U.S. NEAR/3 sanctions) (Iran's ADJ oil)");
  EXPECT_EQ(check("Zürich NEAR bank headline:oil NEAR/3 price"),
            "(Zürich NEAR bank) (headline:oil NEAR/3 price)");
  EXPECT_EQ(check("gas OR oil NEAR opec"), "gas OR (oil NEAR opec)");
  EXPECT_EQ(check("(oil NEAR gas) OR coal"), "((oil NEAR gas)) OR coal");
}

struct Refused {
  const char* query;
  const char* message;
};

class RefusedQueryTest : public ::testing::TestWithParam<Refused> {};

TEST_P(RefusedQueryTest, NamesTheColumnAndWhatWasExpected) {
  EXPECT_THAT(refusal(GetParam().query), HasSubstr(GetParam().message)) << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(
    Golden, RefusedQueryTest,
    ::testing::Values(
        Refused{"oil AND (", "column 9: expected ')' to close this '('"},
        Refused{"oil AND", "column 8: expected a word, phrase or '(' after 'AND'"},
        Refused{"oil OR ", "column 8: expected a word, phrase or '(' after 'OR'"},
        Refused{"AND oil", "column 1: expected a word, phrase or '(' before 'AND'"},
        Refused{"oil OR AND gas", "column 8: expected a word, phrase or '(' before 'AND'"},
        Refused{"oil NOT", "column 8: expected a word, phrase or '(' after 'NOT'"},
        Refused{"oil)", "column 4: this ')' closes no '('"},
        Refused{"()", "column 2: expected a query between '(' and ')'"},
        Refused{"(oil AND)", "column 9: expected a word, phrase or '(' after 'AND'"},
        Refused{"\"crude oil", "column 1: expected a closing '\"'"},
        Refused{"gas \u201Ccrude oil", "column 5: expected a closing '\"'"},
        Refused{"oil NEAR/x opec", "column 5: expected a number of words after 'NEAR/'"},
        Refused{"foo:bar", "column 1: unknown field 'foo:'; expected one of headline:, person:"},
        Refused{"oil person:", "column 5: expected a value after 'person:'"},
        Refused{"c*", "column 1: a wildcard needs at least two letters before the '*'"},
        Refused{"*oil", "column 1: a wildcard '*' may only end a word"},
        Refused{"Zürich c*", "column 8: a wildcard needs"},  // columns count characters
        // A text field's word is a word: `headline:*oil` does not become `headline:oil`.
        Refused{"headline:c*", "column 10: a wildcard needs at least two letters before the '*'"},
        Refused{"oil headline:*oil", "column 14: a wildcard '*' may only end a word"},
        Refused{"headline:o*il", "column 11: a wildcard '*' may only end a word"},
        Refused{"date:2022-13", "'2022-13' is not a date"},
        Refused{"date:Septober", "'Septober' is not a date"},
        Refused{"date:2022-02-30", "'2022-02-30' is not a date"},
        Refused{"date:..", "expected a date on at least one side of '..'"},
        Refused{"date:2022-09..2022-07", "the date range '2022-09..2022-07' ends before it starts"},
        // NEAR and ADJ join single words only: Xapian would read the operator as a word.
        Refused{"\"crude oil\" NEAR/3 opec",
                "column 1: '\"crude oil\"' cannot be joined by NEAR/3: NEAR and ADJ join single "
                "words"},
        Refused{"oil NEAR/3 \"opec output\"",
                "column 12: '\"opec output\"' cannot be joined by NEAR/3"},
        Refused{"-\"a c\" NEAR/3 b", "column 2: '\"a c\"' cannot be joined by NEAR/3"},
        Refused{"-0-c NEAR/3 cut", "column 1: '-0-c' cannot be joined by NEAR/3"},
        // What folds away is no operand: a dash, a zero-width space, a stray byte.
        Refused{"-0-c \u2014 NEAR/3 cut", "column 1: '-0-c' cannot be joined by NEAR/3"},
        Refused{"-0-c \u200B NEAR/3 cut", "column 1: '-0-c' cannot be joined by NEAR/3"},
        Refused{"-0\x01c\x01\r\xff NEAR/3 cut",
                "column 1: '-0\x01c\x01' cannot be joined by NEAR/3"},
        Refused{"oil NEAR \u2014", "column 11: expected a word, phrase or '(' after 'NEAR'"},
        Refused{"oil NEAR -gas", "column 10: '-gas' cannot be joined by NEAR"},
        Refused{"(oil OR gas) NEAR price", "column 1: '(oil OR gas)' cannot be joined by NEAR"},
        Refused{"price ADJ (oil OR gas)", "column 11: '(' cannot be joined by ADJ"},
        Refused{"cyber* NEAR attack", "column 1: 'cyber*' cannot be joined by NEAR"},
        Refused{"oil-price NEAR/3 cut", "column 1: 'oil-price' cannot be joined by NEAR/3"},
        Refused{"AMJ/2 NEAR/3 price", "column 1: 'AMJ/2' cannot be joined by NEAR/3"},
        Refused{"person:Rama NEAR oil", "column 1: 'person:Rama' cannot be joined by NEAR"},
        Refused{"oil NEAR date:2022", "column 10: 'date:2022' cannot be joined by NEAR"},
        Refused{"oil NEAR NOT gas", "column 10: 'NOT' cannot be joined by NEAR"},
        // NOT excludes one operand (QuerySyntax.NotExcludesTheOneOperandAfterIt).
        Refused{"oil NOT NOT gas", "column 9: expected a word, phrase or '(' after 'NOT'"},
        Refused{"oil NOT -gas",
                "column 9: expected a word, phrase or '(' after 'NOT', without '-'"},
        Refused{"oil NOT +gas",
                "column 9: expected a word, phrase or '(' after 'NOT', without '+'"},
        Refused{"oil NOT -(gas)", "column 9: expected a word, phrase or '(' after 'NOT'"},
        Refused{"oil NOT gas NEAR", "column 17: expected a word, phrase or '(' after 'NEAR'"},
        Refused{"oil NOT \"gas coal\" NEAR x", "column 9: '\"gas coal\"' cannot be joined by NEAR"},
        Refused{"-gas NOT coal", "column 1: expected a word to search for beside"},
        Refused{"oil AND -gas NOT coal", "column 9: expected a word to search for beside"}));

TEST(QuerySyntax, OperatorsAreCapitalWordsOnly) {
  for (const char* op : {"AND", "OR", "NOT", "XOR", "NEAR", "NEAR/5", "ADJ", "ADJ/2"}) {
    EXPECT_TRUE(is_query_operator(op)) << op;
  }
  for (const char* word : {"and", "Not", "NEARBY", "ADJUST", "ORE"}) {
    EXPECT_FALSE(is_query_operator(word)) << word;
  }
}

TEST(QuerySyntax, DatesBecomeRangesOfWholeDays) {
  EXPECT_EQ(check("date:2022-09-07"), "date:20220907_20220907");
  // A month or a year covers its days and the articles dated only to that month or year.
  EXPECT_EQ(check("date:2022-09"), "date:20220900_20220931");
  EXPECT_EQ(check("date:2022"), "date:20220000_20221231");
  EXPECT_EQ(check("date:2022-07-01..2022-09-30"), "date:20220701_20220930");
  EXPECT_EQ(check("date:2022-07..2022-09"), "date:20220700_20220931");
  EXPECT_EQ(check("date:..2022-09-30"), "date:00000000_20220930");
  EXPECT_EQ(check("date:2022-07.."), "date:20220700_99999999");
  EXPECT_EQ(check("date:\"Sept 2022\""), "date:20220900_20220931");
  EXPECT_EQ(check("date:\"7 September 2022\""), "date:20220907_20220907");
  // Elasticsearch's comparisons: after, from, before, up to.
  EXPECT_EQ(check("date:>2022-07"), "date:20220732_99999999");
  EXPECT_EQ(check("date:>=2022-07"), "date:20220700_99999999");
  EXPECT_EQ(check("date:<2022-07-05"), "date:00000000_20220704");
  EXPECT_EQ(check("date:<2022"), "date:00000000_20219999");
  EXPECT_EQ(check("date:<=2022-09"), "date:00000000_20220931");
  EXPECT_EQ(check("date:<=\"Sept 2022\" oil"), "date:00000000_20220931 oil");
  // Lucene's brackets: [ from, ] up to, { after, } before, * an open end.
  EXPECT_EQ(check("date:[2022-07-01 TO 2022-09-30] oil"), "date:20220701_20220930 oil");
  EXPECT_EQ(check("date:[2022-07 TO 2022-09]"), "date:20220700_20220931");
  EXPECT_EQ(check("date:{2022-07 TO 2022-09}"), "date:20220732_20220899");
  EXPECT_EQ(check("(date:[2022 TO *])"), "(date:20220000_99999999)");
  EXPECT_EQ(check("-date:[* TO \"Sept 2022\"} oil"), "-date:00000000_20220899 oil");
  EXPECT_EQ(check("date:[  7 September 2022  TO  2022-09-08 ]"), "date:20220907_20220908");
  EXPECT_THAT(refusal("date:[2022-07 2022-09]"), HasSubstr("column 6: expected 'FROM TO TO'"));
  EXPECT_THAT(refusal("date:[2022-07 TO 2022-09"),
              HasSubstr("column 6: expected ']' or '}' to close this date range"));
  EXPECT_THAT(refusal("date:[2022 TO 2021]"),
              HasSubstr("the date range '[2022 TO 2021]' ends before it starts"));
  EXPECT_THAT(refusal("date:{2022-07-01 TO 2022-07-02}"), HasSubstr("ends before it starts"));
  EXPECT_THAT(refusal("date:[2022 TO Septober]"), HasSubstr("'Septober' is not a date"));
  EXPECT_THAT(refusal("date:[2022 TO 2023]oil"), HasSubstr("column 20: expected a space after"));
  EXPECT_THAT(refusal("date:>"), HasSubstr("column 1: expected a date after '>'"));
  EXPECT_THAT(refusal("date:>=Septober"), HasSubstr("'Septober' is not a date"));
  EXPECT_EQ(check("cyberattack -date:2022 source:Reuters"),
            "cyberattack -date:20220000_20221231 source:Reuters");
}

// `field:(…)` gives the field to every word and phrase in the brackets, as Lucene's query
// strings do; Xapian 1.4 would not parse it.
TEST(QuerySyntax, AFieldBeforeBracketsIsEachWordsInside) {
  EXPECT_EQ(check("headline:(oil OR gas) opec"), "(headline:oil OR headline:gas) opec");
  EXPECT_EQ(check("-headline:(oil -\"crude price\") opec"),
            "-(headline:oil -headline:\"crude price\") opec");
  EXPECT_EQ(check("headline:(oil AND (gas OR NOT coal)) opec"),
            "(headline:oil AND (headline:gas OR NOT headline:coal)) opec");
  EXPECT_EQ(check("person:(Rama OR \"Edi Rama\") headline:(oil NEAR/3 gas)"),
            "(person:Rama OR person:\"Edi Rama\") ((headline:oil NEAR/3 headline:gas))");
  EXPECT_EQ(check("date:(2022-09 OR \"Sept 2023\") oil"),
            "(date:20220900_20220931 OR date:20230900_20230931) oil");
  // Punctuation folds away, as outside brackets, rather than being a value of the field.
  EXPECT_EQ(check("person:(Rama — OR Baker)"), "(person:Rama  OR person:Baker)");
  EXPECT_THAT(refusal("person:(NOT —)"),
              HasSubstr("column 14: expected a word, phrase or '(' after 'NOT'"));
  EXPECT_THAT(refusal("headline:(c*)"), HasSubstr("a wildcard needs at least two letters"));
  EXPECT_THAT(refusal("headline:(oil person:Rama)"),
              HasSubstr("column 15: a field cannot be given inside 'headline:(…)'"));
  EXPECT_THAT(refusal("person:(Rama NEAR Meta)"),
              HasSubstr("column 9: 'Rama' cannot be joined by NEAR"));
  EXPECT_THAT(refusal("-headline:(oil)"), HasSubstr("column 1: expected a word to search for"));
  EXPECT_THAT(refusal("headline:()"), HasSubstr("column 11: expected a query between"));
  EXPECT_THAT(refusal("headline:(oil"), HasSubstr("column 10: expected ')' to close"));
}

// Lucene's `"crude oil"~3` is its words near each other; its fuzzy `roam~` and boost `oil^2`
// are refused rather than searched as the words they hold.
TEST(QuerySyntax, APhraseWithATildeIsItsWordsNearEachOther) {
  EXPECT_EQ(check("\"crude oil\"~3 opec"), "(crude NEAR/3 oil) opec");
  EXPECT_EQ(check("-headline:\"crude oil prices\"~10 opec"),
            "-(headline:crude NEAR/10 headline:oil NEAR/10 headline:prices) opec");
  EXPECT_EQ(check("(\"oil\"~2)"), "((oil))");
  EXPECT_EQ(check("~30 people 3^2"), "~30 people 3^2");  // punctuation, as pasted text has
  for (const Refused& refused :
       {Refused{"\"crude oil\"~x", "column 12: expected a number of words after '~'"},
        Refused{"\"crude oil\"~3x", "column 12: expected a number of words after '~'"},
        Refused{"\"oil-price cut\"~3", "column 1: 'oil-price' in a phrase with '~' cannot"},
        Refused{"\"— \"~3", "column 1: expected words in the phrase before '~'"},
        Refused{"person:\"Edi Rama\"~2", "column 18: '~' makes a phrase's words near"},
        Refused{"(crude oil)~3", "column 12: '~' makes a phrase's words near each other"},
        Refused{"roam~", "column 5: '~' after a word (a fuzzy search in Lucene's syntax)"},
        Refused{"oil headline:roam~1", "column 18: '~' after a word"},
        Refused{"oil^2", "column 4: '^' (a boost in Lucene's syntax)"},
        Refused{"\"crude oil\"^2", "column 12: '^' (a boost"},
        Refused{"(oil gas)^2", "column 10: '^' (a boost"}}) {
    EXPECT_THAT(refusal(refused.query), HasSubstr(refused.message)) << refused.query;
  }
}

TEST(QuerySyntax, LucenesOperatorSymbolsAreOperators) {
  EXPECT_EQ(check("oil || gas && coal"), "oil OR gas AND coal");
  EXPECT_EQ(check("Yahoo! wow!! !!! a != b"), "Yahoo! wow!!  a  b");  // punctuation
  EXPECT_EQ(check("oil !gas"), "oil -gas");
  EXPECT_EQ(check("oil ! gas coal"), "oil -gas coal");
  EXPECT_EQ(check("oil !(gas OR coal)"), "oil -(gas OR coal)");
  EXPECT_EQ(check("!gas"), "NOT gas");
  EXPECT_EQ(check("!\"natural gas\""), "NOT \"natural gas\"");
  EXPECT_THAT(refusal("oil ||"), HasSubstr("column 7: expected a word, phrase or '(' after 'OR'"));
  EXPECT_THAT(refusal("&& oil"),
              HasSubstr("column 1: expected a word, phrase or '(' before 'AND'"));
}

TEST(QuerySyntax, HugeQueriesAreRefusedQuickly) {
  const std::string huge(100'000, 'a');
  EXPECT_THAT(refusal(huge), HasSubstr("the query is 100000 bytes long; at most 16384"));
  std::string many;
  for (int i = 0; i < 10'000; ++i) many += "w ";
  EXPECT_THAT(refusal(many, {.max_bytes = 1 << 20, .max_words = 1000}),
              HasSubstr("more than 1000 words"));
  // Each wildcard expands to hundreds of words: fifty are searched, the fifty-first refused.
  std::string wildcards = "cyber*";
  for (int i = 1; i < 50; ++i) wildcards += " OR headline:cyber*";
  EXPECT_NO_THROW(check(wildcards));
  EXPECT_THAT(refusal(wildcards + " OR (oil co*)"),
              HasSubstr(fmt::format("column {}: the query has more than 50 wildcards",
                                    wildcards.size() + 10)));
  EXPECT_THAT(refusal("co* headline:(ba* OR oil*)", {.max_wildcards = 2}),
              HasSubstr("column 22: the query has more than 2 wildcards"));
}

// Xapian 1.4 cannot parse a run of excluded operands alone, and would parse the query again
// without the signs: `-company` would find company.
TEST(QuerySyntax, ExcludedWordsAloneAreRefused) {
  for (const char* query : {"-company", "-company -oil", "-\"crude oil\"", "-(oil gas)", "-cyber*",
                            "-source:reuters", "-company AND oil"}) {
    EXPECT_THAT(refusal(query), HasSubstr("column 1: expected a word to search for beside"))
        << query;
  }
  EXPECT_THAT(refusal("oil (-company)"), HasSubstr("column 6: expected a word to search for"));
  EXPECT_THAT(refusal("oil AND (-company)"), HasSubstr("column 10: expected a word"));
  EXPECT_THAT(refusal("oil OR -company"), HasSubstr("column 8: expected a word"));
  // One excluded word after AND is read as AND NOT; two would be excluded only together.
  EXPECT_THAT(refusal("oil AND -company -gas"), HasSubstr("column 9: expected a word"));
  for (const char* query :
       {"oil -company", "-company oil", "source:reuters -company", "oil -(gas OR coal)",
        "NOT company", "oil AND -company", "+oil -gas", "(oil -gas) OR coal", "oil -— gas"}) {
    EXPECT_EQ(refusal(query), "accepted") << query;
  }
}

// Xapian's NOT takes the whole run after it: `oil NOT gas coal` would exclude only the
// articles with both gas and coal. NOT excludes the one operand after it, as `-` does.
TEST(QuerySyntax, NotExcludesTheOneOperandAfterIt) {
  struct Rewrite {
    const char* query;
    const char* checked;
  };
  for (const auto& [query, checked] : std::initializer_list<Rewrite>{
           {"oil NOT gas", "oil -gas"},
           {"oil NOT gas coal", "oil -gas coal"},
           {"NOT gas oil", "-gas oil"},
           {"oil NOT gas NOT coal price", "oil -gas -coal price"},
           {"oil NOT (gas OR coal) price", "oil -(gas OR coal) price"},
           {"oil NOT\t\"natural gas\" price", "oil -\"natural gas\" price"},
           {"oil NOT headline:gas", "oil -headline:gas"},
           {"oil NOT headline:(gas OR coal)", "oil -(headline:gas OR headline:coal)"},
           {"oil NOT date:2022", "oil -date:20220000_20221231"},
           {"oil NOT gas*", "oil -gas*"},
           {"oil NOT \"gas coal\"~3", "oil -(gas NEAR/3 coal)"},
           {"oil NOT — gas", "oil -gas"},  // punctuation folds away
           // NEAR and ADJ join words into one operand.
           {"oil NOT gas NEAR/3 coal price", "oil -(gas NEAR/3 coal) price"},
           {"oil NOT gas ADJ coal ADJ/2 cut", "oil -(gas ADJ coal ADJ/2 cut)"},
           {"NOT gas NEAR coal", "NOT (gas NEAR coal)"},
           // A bracket keeps its own runs.
           {"(oil NOT gas) OR (coal NOT (wind price))", "(oil -gas) OR (coal -(wind price))"},
           {"NOT(gas) oil", "-(gas) oil"},
           {"NOT(gas)", "NOT (gas)"},  // Xapian reads `NOT(` as a word
           // Xapian reads a run starting with an exclusion after an operator as AND NOT all
           // the rest (`oil AND -gas coal`), or cannot parse it (`oil OR -gas coal`): it is
           // bracketed.
           {"oil AND NOT gas coal", "oil AND (-gas coal)"},
           {"oil AND -gas coal OR x", "oil AND (-gas coal) OR x"},
           {"oil OR -gas coal", "oil OR (-gas coal)"},
           {"oil XOR NOT gas NOT coal x", "oil XOR (-gas -coal x)"},
           {"oil AND coal -gas", "oil AND coal -gas"},
           // NOTs alone keep Xapian's reading, which is theirs.
           {"oil AND NOT gas NOT coal", "oil AND NOT gas NOT coal"},
           {"NOT gas AND oil", "NOT gas AND oil"},
       }) {
    EXPECT_EQ(check(query), checked) << query;
  }
}

// The words of free text, as their text.
std::vector<std::string> free_text(std::string_view query,
                                   std::span<const std::string_view> text_fields) {
  std::vector<std::string> words;
  for (const QueryWord& word : free_text_words(query, text_fields)) {
    words.emplace_back(query.substr(word.begin, word.end - word.begin));
  }
  return words;
}

TEST(QuerySyntax, FreeTextWordsLeaveOutOperatorsWildcardsAndFilterValues) {
  constexpr std::string_view query =
      "oil AND \"crude price\" headline:opec headline:\"gas glut\" person:\"Edi Rama\" "
      "source:Reuters cyber* -(coal OR wind) date:[1987-03 TO Sept 1987} date:<=\"May 1987\"";
  EXPECT_THAT(free_text(query, kTextFields),
              testing::ElementsAre("oil", "crude", "price", "opec", "gas", "glut", "coal", "wind"));
  EXPECT_THAT(free_text(query, {}), testing::ElementsAre("oil", "crude", "price", "coal", "wind"));
}

TEST(QuerySyntax, WildcardsOfTextAlsoSearchTheirWord) {
  EXPECT_EQ(with_wildcard_words("company*", kTextFields), "(company* OR company)");
  EXPECT_EQ(with_wildcard_words("oil -govern* +cyber*", kTextFields),
            "oil -(govern* OR govern) +(cyber* OR cyber)");
  EXPECT_EQ(with_wildcard_words("(headline:bank* OR gas)", kTextFields),
            "((headline:bank* OR headline:bank) OR gas)");
  // Phrases, filter values and words without a wildcard are left alone.
  EXPECT_EQ(with_wildcard_words("\"oil price*\" source:reut* person:\"edi*\" oil", kTextFields),
            "\"oil price*\" source:reut* person:\"edi*\" oil");
}

// And the words the archive wrote that the pattern must find, in the wildcard's field.
TEST(QuerySyntax, WildcardsOfTextSearchTheWordsTheyAreGiven) {
  std::vector<std::string> patterns;
  const WildcardWords words_of = [&](std::string_view pattern) {
    patterns.emplace_back(pattern);
    return pattern == "electi" ? std::vector<std::string>{"election", "electing"}
                               : std::vector<std::string>{};
  };
  EXPECT_EQ(
      with_wildcard_words("-electi* headline:electi* oil* source:electi*", kTextFields, words_of),
      "-(electi* OR electi OR election OR electing) (headline:electi* OR headline:electi OR "
      "headline:election OR headline:electing) (oil* OR oil) source:electi*");
  EXPECT_THAT(patterns, testing::ElementsAre("electi", "electi", "oil"));
}

}  // namespace
}  // namespace newsdex
