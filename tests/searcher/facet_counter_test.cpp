// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_counter.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <tuple>
#include <vector>

#include "indexer/schema.h"
#include "searcher/facet_ordinals.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr Xapian::valueno kSlot = 6;

// Documents 1..4: two people, none, one, and the two again in the other order.
Xapian::WritableDatabase people() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const std::string sep(1, schema::kValueSeparator);
  for (const std::string& packed :
       {"Rama" + sep + "Baker", std::string(), std::string("Baker"), "Baker" + sep + "Rama"}) {
    Xapian::Document doc;
    doc.add_term("word");
    doc.add_term("Q" + std::to_string(db.get_lastdocid() + 1));
    if (!packed.empty()) doc.add_value(kSlot, packed);
    db.add_document(doc);
  }
  return db;
}

template <typename Ordinals>
std::vector<std::uint32_t> ordinals(const Ordinals& ordinals, Xapian::docid id) {
  const auto of = ordinals.of(id);
  return {of.begin(), of.end()};
}

TEST(SlotOrdinals, NumbersEachDocumentsValuesInValueOrder) {
  const SlotOrdinals slot(people(), kSlot);
  ASSERT_EQ(slot.size(), 2u);
  EXPECT_EQ(slot.value(0), "Baker");
  EXPECT_EQ(slot.value(1), "Rama");
  EXPECT_THAT(ordinals(slot, 1), ElementsAre(1, 0));
  EXPECT_THAT(ordinals(slot, 2), IsEmpty());
  EXPECT_THAT(ordinals(slot, 3), ElementsAre(0));
  EXPECT_THAT(ordinals(slot, 4), ElementsAre(0, 1));
  // Documents added after it was built have no values in it.
  EXPECT_THAT(ordinals(slot, 5), IsEmpty());
}

// Values are ordered by their bytes, unsigned, whatever they share: long common beginnings,
// zero bytes, bytes above 0x7F, one value the beginning of another.
TEST(SlotOrdinals, OrdersValuesByTheirBytes) {
  std::vector<std::string> values = {"Organisation B",
                                     "Organisation A",
                                     "Organisat",
                                     std::string("ab\0", 3),
                                     "ab",
                                     std::string("ab\0\0\0\0\0\0\x01", 9),
                                     std::string("ab\0\0\0\0\0\0", 8),
                                     "\xC3\xA9t\xC3\xA9",
                                     "zeta",
                                     "Z\xFF",
                                     "Z\x7F"};
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const std::string& value : values) {
    Xapian::Document doc;
    doc.add_value(kSlot, value);
    db.add_document(doc);
  }
  const SlotOrdinals slot(db, kSlot);
  std::sort(values.begin(), values.end());
  ASSERT_EQ(slot.size(), values.size());
  for (std::uint32_t ordinal = 0; ordinal < values.size(); ++ordinal) {
    EXPECT_EQ(slot.value(ordinal), values[ordinal]) << ordinal;
  }
  // "Organisation B" after "Organisat" and "Organisation A".
  EXPECT_THAT(ordinals(slot, 1), ElementsAre(2));
}

std::uint32_t number_at(const std::string& bytes, std::size_t offset) {
  std::uint32_t number = 0;
  std::memcpy(&number, bytes.data() + offset, sizeof number);
  return number;
}

// `bytes` with the 32-bit number at `offset` replaced.
std::string with_number_at(std::string bytes, std::size_t offset, std::uint32_t number) {
  std::memcpy(bytes.data() + offset, &number, sizeof number);
  return bytes;
}

TEST(SlotOrdinals, ReadsBackWhatItWroteAndRefusesWhatDoesNotFitTogether) {
  const SlotOrdinals slot(people(), kSlot);  // values Baker, Rama; 4 documents
  const std::string bytes = slot.serialise();
  const auto read = SlotOrdinals::unserialise(bytes);
  ASSERT_NE(read, nullptr);
  ASSERT_EQ(read->size(), 2u);
  EXPECT_EQ(read->value(0), "Baker");
  EXPECT_EQ(read->value(1), "Rama");
  EXPECT_EQ(read->documents(0), 3u);
  EXPECT_EQ(read->documents(1), 2u);
  EXPECT_EQ(read->last_docid(), 4u);
  for (Xapian::docid id = 0; id <= 5; ++id) EXPECT_EQ(ordinals(*read, id), ordinals(slot, id));

  // Layout: 2, 5 "Baker", 4 "Rama", then 6 starts (0 0 2 2 3 5), then 5 ordinals.
  ASSERT_EQ(bytes.substr(8, 5), "Baker");
  std::string unordered = bytes;
  unordered[8] = 'Z';  // "Zaker" after "Rama"
  EXPECT_EQ(SlotOrdinals::unserialise(unordered), nullptr);
  const std::size_t starts = 4 + 4 + 5 + 4 + 4;
  ASSERT_EQ(number_at(bytes, starts), 6u);
  ASSERT_EQ(number_at(bytes, starts + 4 + 2 * 4), 2u);
  EXPECT_EQ(SlotOrdinals::unserialise(with_number_at(bytes, starts + 4 + 2 * 4, 4)), nullptr)
      << "document 2's start after document 3's";
  EXPECT_EQ(SlotOrdinals::unserialise(with_number_at(bytes, starts + 4 + 5 * 4, 4)), nullptr)
      << "the last start short of the ordinals";
  EXPECT_EQ(SlotOrdinals::unserialise(with_number_at(bytes, starts + 4 + 6 * 4 + 4, 2)), nullptr)
      << "an ordinal beyond the values";
}

TEST(FacetRows, HoldEachDocumentsKeysSlotBySlot) {
  const SlotOrdinals slot(people(), kSlot);
  const SlotOrdinals* const slots[] = {&slot, &slot};
  const FacetRows rows(slots);
  ASSERT_EQ(rows.slots(), 2u);
  EXPECT_EQ(rows.offset(0), 0u);
  EXPECT_EQ(rows.offset(1), 2u);
  EXPECT_EQ(rows.offset(2), 4u);
  EXPECT_THAT(ordinals(rows, 1), ElementsAre(1, 0, 3, 2));
  EXPECT_THAT(ordinals(rows, 2), IsEmpty());
  EXPECT_THAT(ordinals(rows, 3), ElementsAre(0, 2));
  EXPECT_THAT(ordinals(rows, 4), ElementsAre(0, 1, 2, 3));
  EXPECT_THAT(ordinals(rows, 5), IsEmpty());
}

TEST(FacetOrdinals, BuildsTheRowsOfOneListOfSlotsOnce) {
  FacetOrdinals ordinals(people());
  const FacetRows& rows = ordinals.rows({kSlot, kSlot});
  EXPECT_EQ(&ordinals.rows({kSlot, kSlot}), &rows);
  EXPECT_EQ(ordinals.rows({kSlot}).slots(), 1u);
}

// Documents first..last of a database on disk, with values in the slots of every facet, the
// language and the duplicate key; some with several people and organisations.
void add_documents(Xapian::WritableDatabase& db, int first, int last) {
  const std::string sep(1, schema::kValueSeparator);
  for (int i = first; i <= last; ++i) {
    Xapian::Document doc;
    doc.add_term("word");
    doc.add_value(schema::kDateSlot, "1987" + std::to_string(1000 + i % 12 * 100 + i % 28 + 1));
    doc.add_value(schema::kLanguageSlot, i % 5 == 0 ? "de" : "en");
    doc.add_value(schema::kPersonSlot,
                  "Person " + std::to_string(i % 40) + sep + "Person " + std::to_string(i % 7));
    doc.add_value(schema::kOrganizationSlot, "Firm " + std::to_string(i % 90));
    doc.add_value(schema::kDuplicateSlot, std::to_string(i % 500));
    db.add_document(doc);
  }
}

const std::vector<Xapian::valueno> kEverySlot = {schema::kDateSlot, schema::kLanguageSlot,
                                                 schema::kPersonSlot, schema::kOrganizationSlot,
                                                 schema::kDuplicateSlot};

void expect_same_slot(const SlotOrdinals& built, const SlotOrdinals& expected) {
  ASSERT_EQ(built.size(), expected.size());
  for (std::uint32_t i = 0; i < built.size(); ++i) EXPECT_EQ(built.value(i), expected.value(i));
  ASSERT_EQ(built.last_docid(), expected.last_docid());
  for (Xapian::docid id = 1; id <= expected.last_docid(); ++id) {
    EXPECT_EQ(ordinals(built, id), ordinals(expected, id)) << "document " << id;
  }
}

// Prepares every slot of `db` with `folder` as its path, and compares each with the slot one
// core builds from `db` alone.
void expect_prepared_as_one_core_builds(const Xapian::Database& db, const std::string& folder) {
  FacetOrdinals prepared(db, folder);
  prepared.prepare(kEverySlot);
  FacetOrdinals one_by_one(db);
  for (const Xapian::valueno slot : kEverySlot) {
    SCOPED_TRACE(slot);
    expect_same_slot(prepared.slot(slot), one_by_one.slot(slot));
  }
}

TEST(FacetOrdinals, PreparesSlotsOnSeveralCoresAsOneCoreBuildsThem) {
  const testing::TempDir dir;
  const std::string path = dir / "db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    add_documents(db, 1, 3000);
  }
  expect_prepared_as_one_core_builds(Xapian::Database(path), path);
}

// A handle of its own on the database's folder sees the latest revision: a helper that found
// one other than its caller's must leave the slots to the caller.
TEST(FacetOrdinals, PreparesSlotsOfTheRevisionItWasGiven) {
  const testing::TempDir dir;
  const std::string path = dir / "db";
  Xapian::WritableDatabase writer(path, Xapian::DB_CREATE);
  // Enough documents that a slot takes the caller longer than a helper takes to start.
  add_documents(writer, 1, 20000);
  writer.commit();
  const Xapian::Database before(path);
  add_documents(writer, 20001, 21000);
  writer.commit();
  ASSERT_EQ(before.get_lastdocid(), 20000u);
  expect_prepared_as_one_core_builds(before, path);
}

// The folder may hold no database by the time a helper opens it (a merge is replacing it).
TEST(FacetOrdinals, PreparesSlotsWhenTheFolderHoldsNoDatabase) {
  const testing::TempDir dir;
  const std::string path = dir / "db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    add_documents(db, 1, 3000);
  }
  expect_prepared_as_one_core_builds(Xapian::Database(path), dir / "no database here");
}

TEST(FacetCounter, CountsMatchesAndEachValueOncePerDocument) {
  Xapian::WritableDatabase db = people();
  const SlotOrdinals slot(db, kSlot);
  const SlotOrdinals* const both[] = {&slot, &slot};
  const FacetRows rows(both);
  FacetCounter counter(rows);
  Xapian::Enquire enquire(db);
  const Xapian::Query excluded[] = {Xapian::Query("Q1"), Xapian::Query("Q4")};
  enquire.set_query(
      Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query("word"),
                    Xapian::Query(Xapian::Query::OP_OR, std::begin(excluded), std::end(excluded))));
  enquire.add_matchspy(&counter);
  enquire.get_mset(0, 10, db.get_doccount());
  // Documents 2 and 3 match: one without people, one with Baker.
  EXPECT_EQ(counter.matches(), 2u);
  EXPECT_THAT(counter.counts(0), ElementsAre(1, 0));
  EXPECT_THAT(counter.counts(1), ElementsAre(1, 0));
  EXPECT_THAT(counter.seen(0), ElementsAre(0));
  EXPECT_THAT(counter.seen(1), ElementsAre(0));

  const SlotOrdinals* const one[] = {&slot};
  const FacetRows row(one);
  FacetCounter every(row);
  enquire.clear_matchspies();
  enquire.add_matchspy(&every);
  enquire.set_query(Xapian::Query("word"));
  enquire.get_mset(0, 10, db.get_doccount());
  EXPECT_EQ(every.matches(), 4u);
  EXPECT_THAT(every.counts(0), ElementsAre(3, 2));
  // In ordinal order, though document 1 names Rama (1) before Baker (0).
  EXPECT_THAT(every.seen(0), ElementsAre(0, 1));
}

// Matches found without the matcher (`MatchWalker`) are added by docid; `clear` forgets what
// was counted, as when the walker counts again what the matcher began.
TEST(FacetCounter, CountsAddedDocumentsAndForgetsThemWhenCleared) {
  Xapian::WritableDatabase db = people();
  const SlotOrdinals slot(db, kSlot);
  const SlotOrdinals* const one[] = {&slot};
  const FacetRows rows(one);
  FacetCounter counter(rows);
  counter.add(1);
  counter.add(3);
  EXPECT_EQ(counter.matches(), 2u);
  EXPECT_THAT(counter.counts(0), ElementsAre(2, 1));  // Baker, Rama
  counter.clear();
  EXPECT_EQ(counter.matches(), 0u);
  EXPECT_THAT(counter.counts(0), ElementsAre(0, 0));
  EXPECT_THAT(counter.seen(0), IsEmpty());
  counter.add(4);
  counter.add(2);
  EXPECT_EQ(counter.matches(), 2u);
  EXPECT_THAT(counter.counts(0), ElementsAre(1, 1));
  EXPECT_THAT(counter.seen(0), ElementsAre(0, 1));
}

// The rows of `db`'s slots 1, 2 and 3.
FacetRows rows_of_slots_one_to_three(const Xapian::Database& db) {
  const SlotOrdinals one(db, 1);
  const SlotOrdinals two(db, 2);
  const SlotOrdinals three(db, 3);
  const SlotOrdinals* const slots[] = {&one, &two, &three};
  return FacetRows(slots);
}

// A document without a value in one slot leaves nothing of that slot in its row: the keys of
// the next slot are still that slot's.
TEST(FacetCounter, KeepsEachSlotsValuesApartWhenADocumentSkipsASlot) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& [first, second, third] :
       {std::tuple{"a", "", "x"}, std::tuple{"", "", "y"}, std::tuple{"b", "m", "x"}}) {
    Xapian::Document doc;
    doc.add_term("word");
    if (*first) doc.add_value(1, first);
    if (*second) doc.add_value(2, second);
    if (*third) doc.add_value(3, third);
    db.add_document(doc);
  }
  const FacetRows rows = rows_of_slots_one_to_three(db);
  FacetCounter counter(rows);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("word"));
  enquire.add_matchspy(&counter);
  enquire.get_mset(0, 10, db.get_doccount());
  EXPECT_EQ(counter.matches(), 3u);
  EXPECT_THAT(counter.seen(0), ElementsAre(0, 1));  // a, b
  EXPECT_THAT(counter.seen(1), ElementsAre(0));     // m
  EXPECT_THAT(counter.seen(2), ElementsAre(0, 1));  // x, y
  EXPECT_THAT(counter.counts(0), ElementsAre(1, 1));
  EXPECT_THAT(counter.counts(1), ElementsAre(1));
  EXPECT_THAT(counter.counts(2), ElementsAre(2, 1));
}

// The values seen are found by the keys counted, 64 to a word: a slot whose keys begin or end
// within a word yields only its own, and clearing forgets them all.
TEST(FacetCounter, FindsTheValuesSeenAcrossWordsOfKeys) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // Slot 1 has 70 values, slot 2 one, slot 3 100: keys 0–69, 70, 71–170.
  for (int i = 0; i < 100; ++i) {
    Xapian::Document doc;
    if (i < 70) doc.add_value(1, fmt::format("{:03}", i));
    if (i == 0) doc.add_value(2, "only");
    doc.add_value(3, fmt::format("{:03}", i));
    db.add_document(doc);
  }
  const FacetRows rows = rows_of_slots_one_to_three(db);
  FacetCounter counter(rows);
  for (const Xapian::docid id : {100u, 64u, 1u, 70u, 58u, 66u}) counter.add(id);
  EXPECT_THAT(counter.seen(0), ElementsAre(0, 57, 63, 65, 69));
  EXPECT_THAT(counter.seen(1), ElementsAre(0));
  EXPECT_THAT(counter.seen(2), ElementsAre(0, 57, 63, 65, 69, 99));
  EXPECT_EQ(counter.counts(2)[99], 1u);
  counter.clear();
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_THAT(counter.seen(i), IsEmpty());
    EXPECT_TRUE(std::all_of(counter.counts(i).begin(), counter.counts(i).end(),
                            [](Xapian::doccount count) { return count == 0; }));
  }
  counter.add(2);
  EXPECT_THAT(counter.seen(0), ElementsAre(1));
  EXPECT_THAT(counter.seen(2), ElementsAre(1));
}

}  // namespace
}  // namespace newsdex
