// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/person_aliases.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "indexer/schema.h"
#include "searcher/facet_ordinals.h"

namespace newsdex {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

// One article per (people, count): each article names `people`, as the indexer writes them.
Xapian::WritableDatabase archive(
    const std::vector<std::pair<std::vector<std::string>, int>>& articles) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& [people, count] : articles) {
    for (int i = 0; i < count; ++i) {
      Xapian::Document doc;
      std::string packed;
      for (const std::string& person : people) {
        doc.add_boolean_term(schema::boolean_term(schema::kPerson, person));
        if (!packed.empty()) packed.push_back(schema::kValueSeparator);
        packed += person;
      }
      doc.add_value(schema::kPersonSlot, packed);
      db.add_document(doc);
    }
  }
  return db;
}

TEST(PersonAliases, FoldsASurnameIntoTheFullNameMostArticlesGive) {
  const PersonAliases aliases(
      archive({{{"Reagan"}, 30}, {{"Ronald Reagan"}, 24}, {{"Nancy Reagan"}, 2}}));
  EXPECT_EQ(aliases.canonical("Reagan"), "Ronald Reagan");
  EXPECT_EQ(aliases.canonical("Ronald Reagan"), "Ronald Reagan");
  EXPECT_EQ(aliases.canonical("Nancy Reagan"), "Nancy Reagan");
  EXPECT_THAT(aliases.group("Reagan"), UnorderedElementsAre("Ronald Reagan", "Reagan"));
  EXPECT_THAT(aliases.group("Ronald Reagan"), UnorderedElementsAre("Ronald Reagan", "Reagan"));
  EXPECT_THAT(aliases.group("Nancy Reagan"), ElementsAre("Nancy Reagan"));
}

TEST(PersonAliases, LeavesASurnameSeveralPeopleShare) {
  // James Baker has 5 of the 7 articles naming a Baker in full: fewer than nine in ten.
  const PersonAliases aliases(
      archive({{{"Baker"}, 10}, {{"James Baker"}, 5}, {{"Howard Baker"}, 2}}));
  EXPECT_EQ(aliases.canonical("Baker"), "Baker");
  EXPECT_THAT(aliases.group("James Baker"), ElementsAre("James Baker"));
}

TEST(PersonAliases, LeavesASurnameWhoseFullNameIsRare) {
  const PersonAliases aliases(archive({{{"Thatcher"}, 10}, {{"Margaret Thatcher"}, 2}}));
  EXPECT_EQ(aliases.canonical("Thatcher"), "Thatcher");
}

TEST(PersonAliases, FoldsSpellingsThatDifferOnlyInCaseIntoTheCommonest) {
  const PersonAliases aliases(archive({{{"REAGAN"}, 1},
                                       {{"Reagan"}, 5},
                                       {{"Ronald Reagan"}, 3},
                                       {{"ROBERT DOLE"}, 1},
                                       {{"Robert Dole"}, 2}}));
  EXPECT_EQ(aliases.canonical("REAGAN"), "Ronald Reagan");
  EXPECT_EQ(aliases.canonical("ROBERT DOLE"), "Robert Dole");
  EXPECT_THAT(aliases.group("Reagan"), UnorderedElementsAre("Ronald Reagan", "Reagan", "REAGAN"));
}

// The person facet's ordinals count a surname as the full name it stands for, once in an
// article that gives both.
TEST(PersonAliases, MakeThePersonFacetCountAFullNameAndItsSurnameAsOne) {
  Xapian::WritableDatabase db =
      archive({{{"Reagan"}, 1}, {{"Ronald Reagan"}, 3}, {{"Reagan", "Ronald Reagan", "Baker"}, 1}});
  FacetOrdinals ordinals(db);
  const SlotOrdinals& people = ordinals.slot(schema::kPersonSlot);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people.value(0), "Baker");
  EXPECT_EQ(people.value(1), "Ronald Reagan");
  EXPECT_EQ(people.documents(1), 5u);
  const auto last = people.of(5);
  EXPECT_THAT(std::vector<std::uint32_t>(last.begin(), last.end()), ElementsAre(1, 0));
}

}  // namespace
}  // namespace newsdex
