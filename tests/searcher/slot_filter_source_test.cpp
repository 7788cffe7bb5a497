// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/slot_filter_source.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

#include "indexer/schema.h"
#include "searcher/facet_ordinals.h"
#include "tests/support/xapian_matches.h"

namespace newsdex {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;

// Document `i`'s date: from 1987-02-26 onwards, one day apart, so that ranges cut through
// the middle of the docids. March 1st is document 4, March 31st document 34.
std::string date_of(int i) {
  const auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (i <= 3) return "198702" + two(25 + i);
  if (i <= 34) return "198703" + two(i - 3);
  return "198704" + two(i - 34);
}

// Forty documents: every third without a date, every other one with "oil"; documents 7 and 8
// deleted.
Xapian::WritableDatabase dated() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= 40; ++i) {
    Xapian::Document doc;
    doc.add_term("word");
    if (i % 2 == 0) doc.add_term("oil");
    if (i % 3 != 0) doc.add_value(schema::kDateSlot, date_of(i));
    db.add_document(doc);
  }
  db.delete_document(7);
  db.delete_document(8);
  return db;
}

// `source` matches what `reference` matches, alone and on either side of each boolean
// operator with a term of every other document.
void expect_same_matches(const Xapian::Database& db, const Xapian::Query& source,
                         const Xapian::Query& reference) {
  const Xapian::Query oil("oil");
  for (const Xapian::Query::op op : {Xapian::Query::OP_AND, Xapian::Query::OP_FILTER,
                                     Xapian::Query::OP_OR, Xapian::Query::OP_AND_NOT}) {
    EXPECT_EQ(testing::xapian_matches(db, Xapian::Query(op, oil, source)),
              testing::xapian_matches(db, Xapian::Query(op, oil, reference)));
    EXPECT_EQ(testing::xapian_matches(db, Xapian::Query(op, source, oil)),
              testing::xapian_matches(db, Xapian::Query(op, reference, oil)));
  }
  EXPECT_EQ(testing::xapian_matches(db, source), testing::xapian_matches(db, reference));
}

Xapian::Query source(const SlotOrdinals& dates, const std::string& first, const std::string& last) {
  return Xapian::Query(SlotFilterSource::between(dates, "date", first, last)->release());
}

TEST(SlotFilterSource, BetweenMatchesWhatAValueRangeMatchesInEveryPositionOfAQuery) {
  const Xapian::WritableDatabase db = dated();
  const SlotOrdinals dates(db, schema::kDateSlot);
  const std::pair<std::string, std::string> ranges[] = {
      {"19870301", "19870310"}, {"19870227", "19870227"}, {"19870101", "19871231"},
      {"19870331", "19870401"}, {"19870315", "19870314"},  // empty: first after last
      {"19860101", "19860131"},                            // before every date
      {"19870305", "99991231"}, {"", "19870305"}};         // open ends
  for (const auto& [first, last] : ranges) {
    SCOPED_TRACE(first + ".." + last);
    const Xapian::Query value_range(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, first, last);
    const Xapian::Query by_ordinals = source(dates, first, last);
    expect_same_matches(db, by_ordinals, value_range);
  }
}

TEST(SlotFilterSource, BetweenMatchesTheDatesOfTheRangeAndCountsThem) {
  const Xapian::WritableDatabase db = dated();
  const SlotOrdinals dates(db, schema::kDateSlot);
  // March 1st to 5th: documents 4 to 8 without 6 (no date), 7 and 8 (deleted).
  EXPECT_THAT(testing::xapian_matches(db, source(dates, "19870301", "19870305")),
              ElementsAre(4, 5));
  const std::unique_ptr<SlotFilterSource> range(
      SlotFilterSource::between(dates, "date", "19870301", "19870305"));
  range->init(db);
  EXPECT_EQ(range->get_termfreq_est(), 2u);
  EXPECT_EQ(range->get_description(), "date 19870301..19870305");
  // Equal ranges serialise alike, as the query builder compares the parses of languages.
  EXPECT_EQ(source(dates, "19870301", "19870305").serialise(),
            source(dates, "19870301", "19870305").serialise());
  EXPECT_NE(source(dates, "19870301", "19870305").serialise(),
            source(dates, "19870301", "19870306").serialise());
}

TEST(SlotFilterSource, BetweenCheckLeavesNextToFindTheFollowingMatch) {
  const Xapian::WritableDatabase db = dated();
  const SlotOrdinals dates(db, schema::kDateSlot);
  const std::unique_ptr<SlotFilterSource> source(
      SlotFilterSource::between(dates, "date", "19870301", "19870331"));
  SlotFilterSource& range = *source;
  range.init(db);
  EXPECT_FALSE(range.check(6, 0));  // no date
  range.next(0);
  EXPECT_EQ(range.get_docid(), 10u);  // 7 and 8 deleted, 9 without a date
  EXPECT_TRUE(range.check(11, 0));
  EXPECT_EQ(range.get_docid(), 11u);
  // After a failed check, skip_to an earlier document goes to the first match after it.
  EXPECT_FALSE(range.check(12, 0));  // no date
  range.skip_to(12, 0);
  EXPECT_EQ(range.get_docid(), 13u);
  EXPECT_TRUE(range.check(13, 0));
  EXPECT_EQ(range.get_docid(), 13u);
  range.skip_to(33, 0);  // no date
  EXPECT_EQ(range.get_docid(), 34u);
  range.next(0);
  EXPECT_TRUE(range.at_end());
}

TEST(SlotFilterSource, BetweenStepsThroughAFewDocumentsLikeThroughMany) {
  const Xapian::WritableDatabase db = dated();
  const SlotOrdinals dates(db, schema::kDateSlot);
  // March 9th to 11th: document 12 has no date; 13 and 14 are two of forty, listed.
  EXPECT_THAT(dates.documents_with(dates.first_at_least("19870310")), ElementsAre(13));
  const std::unique_ptr<SlotFilterSource> source(
      SlotFilterSource::between(dates, "date", "19870309", "19870311"));
  SlotFilterSource& range = *source;
  range.init(db);
  EXPECT_EQ(range.get_termfreq_est(), 2u);
  EXPECT_FALSE(range.check(12, 0));
  range.skip_to(12, 0);
  EXPECT_EQ(range.get_docid(), 13u);
  EXPECT_TRUE(range.check(13, 0));
  EXPECT_EQ(range.get_docid(), 13u);
  range.next(0);
  EXPECT_EQ(range.get_docid(), 14u);
  EXPECT_FALSE(range.check(20, 0));
  range.next(0);
  EXPECT_TRUE(range.at_end());
  range.init(db);
  range.skip_to(14, 0);
  EXPECT_EQ(range.get_docid(), 14u);
  range.skip_to(15, 0);
  EXPECT_TRUE(range.at_end());
}

// Thirty documents in four languages, one in every fifth document without any; every other one
// with "oil"; document 12 deleted.
Xapian::WritableDatabase in_languages() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string languages[] = {"en", "fr", "und", "de"};
  for (int i = 1; i <= 30; ++i) {
    Xapian::Document doc;
    doc.add_term("word");
    if (i % 2 == 0) doc.add_term("oil");
    if (i % 5 != 0) {
      const std::string& language = languages[i % 4];
      doc.add_value(schema::kLanguageSlot, language);
      doc.add_boolean_term(schema::boolean_term(schema::kLanguage, language));
    }
    db.add_document(doc);
  }
  db.delete_document(12);
  return db;
}

Xapian::Query language_terms(const std::vector<std::string>& languages) {
  std::vector<Xapian::Query> terms;
  for (const std::string& language : languages) {
    terms.emplace_back(schema::boolean_term(schema::kLanguage, language));
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

TEST(SlotFilterSource, OneOfMatchesWhatTheValuesTermsMatchInEveryPositionOfAQuery) {
  const Xapian::WritableDatabase db = in_languages();
  const SlotOrdinals languages(db, schema::kLanguageSlot);
  const std::vector<std::vector<std::string>> sets = {
      {"en"}, {"fr", "und"}, {"de", "en", "fr", "und"}, {"it"}, {"en", "it"}, {}};
  for (const std::vector<std::string>& set : sets) {
    SCOPED_TRACE(::testing::PrintToString(set));
    const Xapian::Query by_terms = language_terms(set);
    const Xapian::Query by_ordinals(
        SlotFilterSource::one_of(languages, "language", {set.begin(), set.end()})->release());
    expect_same_matches(db, by_ordinals, by_terms);
  }
}

TEST(SlotFilterSource, OneOfCountsItsArticlesAndSaysWhichValues) {
  const Xapian::WritableDatabase db = in_languages();
  const SlotOrdinals languages(db, schema::kLanguageSlot);
  // fr: 1, 9, 13, 17, 21, 29 (5 and 25 have no language); und: 2, 6, 14, 18, 22, 26.
  EXPECT_THAT(
      testing::xapian_matches(
          db, Xapian::Query(
                  SlotFilterSource::one_of(languages, "language", {"fr", "und", "it"})->release())),
      ElementsAre(1, 2, 6, 9, 13, 14, 17, 18, 21, 22, 26, 29));
  const std::unique_ptr<SlotFilterSource> source(
      SlotFilterSource::one_of(languages, "language", {"und", "fr"}));
  source->init(db);
  EXPECT_EQ(source->get_termfreq_min(), 12u);
  EXPECT_EQ(source->get_termfreq_max(), 12u);
  EXPECT_EQ(source->get_description(), "language fr|und");
  const std::unique_ptr<SlotFilterSource> copy(source->clone());
  EXPECT_EQ(copy->serialise(), source->serialise());
  EXPECT_EQ(copy->get_termfreq_est(), 12u);
}

}  // namespace
}  // namespace newsdex
