// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/match_walker.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "indexer/schema.h"
#include "searcher/facet_ordinals.h"
#include "searcher/slot_filter_source.h"
#include "tests/support/xapian_matches.h"

namespace newsdex {
namespace {

constexpr int kDocuments = 400;

// Terms `t2`, `t3`, `t5` and `t7` in every second, third, fifth and seventh document, `rare`
// in two; a date one day apart per document in 1987 (none in every eleventh); a language,
// `und` in every thirteenth (few enough for a sparse filter). Some documents deleted.
Xapian::WritableDatabase database() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 1; i <= kDocuments; ++i) {
    Xapian::Document doc;
    for (const int step : {2, 3, 5, 7}) {
      if (i % step == 0) doc.add_term("t" + std::to_string(step));
    }
    if (i == 17 || i == 301) doc.add_term("rare");
    if (i % 11 != 0) {
      const int day = i % 28 + 1;
      const int month = i / 28 % 12 + 1;
      doc.add_value(schema::kDateSlot, fmt::format("1987{:02}{:02}", month, day));
    }
    doc.add_value(schema::kLanguageSlot, i % 13 == 0 ? "und" : i % 4 == 0 ? "de" : "en");
    db.add_document(doc);
  }
  for (const Xapian::docid id : {4u, 9u, 10u, 200u, 399u}) db.delete_document(id);
  return db;
}

std::vector<Xapian::docid> walked(MatchWalker& walker) {
  std::vector<Xapian::docid> ids;
  for (Xapian::docid id = walker.next(); id != 0; id = walker.next()) ids.push_back(id);
  EXPECT_EQ(walker.next(), 0u);  // and stays at the end
  return ids;
}

class MatchWalkerTest : public ::testing::Test {
 protected:
  void expect_walks_as_xapian_matches(const Xapian::Query& query) {
    const auto walker = MatchWalker::of(db_, query, ordinals_);
    ASSERT_NE(walker, nullptr) << query.get_description();
    EXPECT_EQ(walked(*walker), testing::xapian_matches(db_, query)) << query.get_description();
  }

  Xapian::Query languages(const std::set<std::string>& chosen) {
    return Xapian::Query(
        SlotFilterSource::one_of(ordinals_.slot(schema::kLanguageSlot), "language", chosen)
            ->release());
  }
  Xapian::Query dates(const std::string& first, const std::string& last) {
    return Xapian::Query(
        SlotFilterSource::between(ordinals_.slot(schema::kDateSlot), "date", first, last)
            ->release());
  }

  const Xapian::WritableDatabase db_ = database();
  FacetOrdinals ordinals_{db_};
};

TEST_F(MatchWalkerTest, WalksEachKindOfPartAsXapianMatchesIt) {
  using Q = Xapian::Query;
  const Q t2("t2"), t3("t3"), t5("t5"), t7("t7"), rare("rare"), missing("missing");
  const Q parts[] = {
      t2,
      missing,
      Q::MatchAll,
      Q::MatchNothing,
      Q(Q::OP_AND, t2, t3),
      Q(Q::OP_AND, Q(Q::OP_AND, t2, t3), Q(Q::OP_AND, t5, t7)),
      Q(Q::OP_AND, t2, missing),
      Q(Q::OP_OR, t5, t7),
      Q(Q::OP_OR, rare, missing),
      Q(Q::OP_SYNONYM, t5, rare),
      Q(Q::OP_MAX, t3, t7),
      Q(Q::OP_AND_NOT, t2, t3),
      Q(Q::OP_AND_NOT, Q::MatchAll, Q(Q::OP_OR, t2, t3)),
      Q(Q::OP_FILTER, t3, t2),
      Q(Q::OP_AND_MAYBE, t5, t2),
      Q(Q::OP_AND_MAYBE, missing, t2),
      Q(Q::OP_SCALE_WEIGHT, t7, 0.0),
      languages({"en"}),
      languages({"und"}),  // sparse
      languages({"de", "und"}),
      languages({"xx"}),
      dates("19870301", "19870331"),
      dates("", "19870105"),
      dates("19871201", ""),
      Q(Q::OP_FILTER, Q(Q::OP_OR, t5, t7), languages({"und"})),
      Q(Q::OP_FILTER, Q(Q::OP_FILTER, t2, dates("19870201", "19870630")), languages({"en", "de"})),
      Q(Q::OP_OR, Q(Q::OP_FILTER, t3, languages({"en"})), Q(Q::OP_FILTER, t5, languages({"und"}))),
      Q(Q::OP_AND_NOT, dates("19870101", "19871231"), languages({"de"})),
  };
  for (const Q& query : parts) expect_walks_as_xapian_matches(query);
}

// Queries put together at random from those parts, nested three deep.
TEST_F(MatchWalkerTest, WalksRandomQueriesAsXapianMatchesThem) {
  using Q = Xapian::Query;
  std::mt19937 random(20261201);
  const auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  const std::vector<Q> leaves = {Q("t2"),           Q("t3"),
                                 Q("t5"),           Q("t7"),
                                 Q("rare"),         Q("missing"),
                                 Q::MatchAll,       languages({"und"}),
                                 languages({"en"}), dates("19870315", "19870820")};
  const Q::op ops[] = {Q::OP_AND,       Q::OP_OR,      Q::OP_AND_NOT, Q::OP_FILTER,
                       Q::OP_AND_MAYBE, Q::OP_SYNONYM, Q::OP_MAX};
  // Xapian weighs a synonym from its parts' statistics, which a slot filter has none of: the
  // parser puts only words (and their stems) under one.
  const std::size_t words = 6;
  std::function<Q(int, bool)> random_query = [&](int depth, bool words_only) {
    if (depth == 0 || pick(4) == 0) return leaves[pick(words_only ? words : leaves.size())];
    const Q::op op = ops[pick(std::size(ops))];
    const bool synonym = words_only || op == Q::OP_SYNONYM || op == Q::OP_MAX;
    std::vector<Q> parts(2 + pick(2));
    for (Q& part : parts) part = random_query(depth - 1, synonym);
    return Q(op, parts.begin(), parts.end());
  };
  for (int i = 0; i < 300; ++i) {
    try {
      expect_walks_as_xapian_matches(random_query(3, false));
    } catch (const Xapian::Error& e) {
      FAIL() << e.get_description();
    }
  }
}

TEST_F(MatchWalkerTest, DoesNotWalkWhatItCannot) {
  using Q = Xapian::Query;
  const Q t2("t2"), t3("t3");
  const Q unwalkable[] = {
      Q(Q::OP_PHRASE, t2, t3),
      Q(Q::OP_NEAR, t2, t3),
      Q(Q::OP_VALUE_RANGE, schema::kDateSlot, "19870101", "19870131"),
      Q(Q::OP_WILDCARD, "t"),
      Q(Q::OP_ELITE_SET, t2, t3),
      Q(Q::OP_XOR, t2, t3),
  };
  for (const Q& query : unwalkable) {
    EXPECT_EQ(MatchWalker::of(db_, query, ordinals_), nullptr) << query.get_description();
    EXPECT_EQ(MatchWalker::of(db_, Q(Q::OP_OR, t2, Q(Q::OP_AND, t3, query)), ordinals_), nullptr)
        << query.get_description();
  }
}

TEST_F(MatchWalkerTest, FindsSlotFiltersAgainByTheirDescriptions) {
  const Xapian::Query made[] = {languages({"de", "und"}), dates("19870301", "19870331"),
                                dates("", "19870105")};
  for (const Xapian::Query& query : made) {
    std::string description = query.get_description();  // Query(PostingSource(…))
    description = description.substr(20, description.size() - 22);
    const Xapian::Query again(
        SlotFilterSource::from_description(ordinals_, description)->release());
    EXPECT_EQ(again.get_description(), query.get_description());
    EXPECT_EQ(testing::xapian_matches(db_, again), testing::xapian_matches(db_, query))
        << description;
  }
  for (const std::string_view nonsense : {"", "date", "colour red", "person"}) {
    EXPECT_EQ(SlotFilterSource::from_description(ordinals_, nonsense), nullptr) << nonsense;
  }
}

}  // namespace
}  // namespace newsdex
