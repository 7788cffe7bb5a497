// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_aliases.h"

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
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

using Articles = std::vector<std::pair<std::vector<std::string>, int>>;

// For each (names, count), `count` articles naming `names` in the facet of `field`, as the
// indexer writes them.
Xapian::WritableDatabase archive(const Articles& articles, std::string_view field = "person") {
  const schema::FacetField& facet = *schema::find_facet_field(field);
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (const auto& [names, count] : articles) {
    for (int i = 0; i < count; ++i) {
      Xapian::Document doc;
      std::string packed;
      for (const std::string& name : names) {
        doc.add_boolean_term(schema::boolean_term(facet.term_prefix, name));
        if (!packed.empty()) packed.push_back(schema::kValueSeparator);
        packed += name;
      }
      doc.add_value(facet.slot, packed);
      db.add_document(doc);
    }
  }
  return db;
}

FacetAliases people(const Articles& articles) {
  return *FacetAliases::of_slot(archive(articles), schema::kPersonSlot);
}

FacetAliases organizations(const Articles& articles) {
  return *FacetAliases::of_slot(archive(articles, "organization"), schema::kOrganizationSlot);
}

TEST(FacetAliases, FoldsASurnameIntoTheFullNameMostArticlesGive) {
  const FacetAliases aliases =
      people({{{"Reagan"}, 30}, {{"Ronald Reagan"}, 24}, {{"Nancy Reagan"}, 2}});
  EXPECT_EQ(aliases.canonical("Reagan"), "Ronald Reagan");
  EXPECT_EQ(aliases.canonical("Ronald Reagan"), "Ronald Reagan");
  EXPECT_EQ(aliases.canonical("Nancy Reagan"), "Nancy Reagan");
  EXPECT_THAT(aliases.group("Reagan"), UnorderedElementsAre("Ronald Reagan", "Reagan"));
  EXPECT_THAT(aliases.group("Ronald Reagan"), UnorderedElementsAre("Ronald Reagan", "Reagan"));
  EXPECT_THAT(aliases.group("Nancy Reagan"), ElementsAre("Nancy Reagan"));
  EXPECT_THAT(aliases.named("reagan"), UnorderedElementsAre("Ronald Reagan", "Reagan"));
  EXPECT_THAT(aliases.named("RONALD REAGAN"), UnorderedElementsAre("Ronald Reagan", "Reagan"));
  EXPECT_THAT(aliases.named("Ron Reagan"), IsEmpty());
}

TEST(FacetAliases, FindsAFullNameByItsSurnameWhereNoArticleGivesItAlone) {
  const FacetAliases aliases = people({{{"Clayton Yeutter"}, 24}, {{"Cory Yeutter"}, 1}});
  EXPECT_THAT(aliases.named("yeutter"), ElementsAre("Clayton Yeutter"));
  EXPECT_THAT(aliases.named("Clayton Yeutter"), ElementsAre("Clayton Yeutter"));
  // Counting is untouched: no value is the surname alone.
  EXPECT_EQ(aliases.canonical("Cory Yeutter"), "Cory Yeutter");
  // Shared by several people, or rare, a surname means each of them, and itself.
  EXPECT_THAT(people({{{"James Baker"}, 5}, {{"Howard Baker"}, 2}}).named("baker"),
              UnorderedElementsAre("James Baker", "Howard Baker"));
  EXPECT_THAT(
      people({{{"Baker"}, 10}, {{"James Baker"}, 5}, {{"Howard Baker"}, 2}, {{"JAMES BAKER"}, 1}})
          .named("Baker"),
      UnorderedElementsAre("Baker", "James Baker", "JAMES BAKER", "Howard Baker"));
  EXPECT_THAT(people({{{"Margaret Thatcher"}, 2}}).named("thatcher"),
              ElementsAre("Margaret Thatcher"));
  EXPECT_THAT(people({{{"James Baker"}, 5}}).named("jim baker"), IsEmpty());
}

TEST(FacetAliases, LeavesASurnameSeveralPeopleShare) {
  // James Baker has 5 of the 7 articles naming a Baker in full: fewer than nine in ten.
  const FacetAliases aliases =
      people({{{"Baker"}, 10}, {{"James Baker"}, 5}, {{"Howard Baker"}, 2}});
  EXPECT_EQ(aliases.canonical("Baker"), "Baker");
  EXPECT_THAT(aliases.group("James Baker"), ElementsAre("James Baker"));
}

TEST(FacetAliases, LeavesASurnameWhoseFullNameIsRare) {
  const FacetAliases aliases = people({{{"Thatcher"}, 10}, {{"Margaret Thatcher"}, 2}});
  EXPECT_EQ(aliases.canonical("Thatcher"), "Thatcher");
}

TEST(FacetAliases, FoldsSpellingsThatDifferOnlyInCaseIntoTheCommonest) {
  const FacetAliases aliases = people({{{"REAGAN"}, 1},
                                       {{"Reagan"}, 5},
                                       {{"Ronald Reagan"}, 3},
                                       {{"ROBERT DOLE"}, 1},
                                       {{"Robert Dole"}, 2}});
  EXPECT_EQ(aliases.canonical("REAGAN"), "Ronald Reagan");
  EXPECT_EQ(aliases.canonical("ROBERT DOLE"), "Robert Dole");
  EXPECT_THAT(aliases.group("Reagan"), UnorderedElementsAre("Ronald Reagan", "Reagan", "REAGAN"));
}

TEST(FacetAliases, CountsAnOrganizationAsOneWhateverItsLegalForm) {
  const FacetAliases aliases = organizations({{{"Salomon Brothers Inc"}, 3},
                                              {{"Salomon Brothers"}, 2},
                                              {{"Siemens A.G."}, 1},
                                              {{"Siemens AG"}, 4},
                                              {{"Texas Air Corp"}, 2},
                                              {{"Merrill Lynch and Co Inc"}, 3},
                                              {{"Merrill Lynch and Co"}, 2},
                                              {{"Lazard Freres et Cie"}, 1},
                                              {{"Goldman Sachs"}, 4},
                                              {{"Goldman, Sachs and Co"}, 3},
                                              {{"Oil and Gas"}, 1},
                                              {{"Co Inc"}, 1},
                                              {{"Reagan"}, 1},
                                              {{"Reagan Foundation"}, 5}});
  EXPECT_EQ(aliases.canonical("Salomon Brothers"), "Salomon Brothers Inc");
  EXPECT_EQ(aliases.canonical("Siemens A.G."), "Siemens AG");
  EXPECT_THAT(aliases.named("texas air"), ElementsAre("Texas Air Corp"));
  EXPECT_THAT(aliases.named("Texas Air Inc"), ElementsAre("Texas Air Corp"));
  EXPECT_THAT(aliases.named("merrill lynch"),
              UnorderedElementsAre("Merrill Lynch and Co Inc", "Merrill Lynch and Co"));
  EXPECT_EQ(aliases.canonical("Merrill Lynch and Co"), "Merrill Lynch and Co Inc");
  EXPECT_THAT(aliases.named("lazard freres"), ElementsAre("Lazard Freres et Cie"));
  EXPECT_EQ(aliases.canonical("Goldman, Sachs and Co"), "Goldman Sachs");
  // Only an `and` before a legal form goes.
  EXPECT_THAT(aliases.named("oil"), IsEmpty());
  EXPECT_THAT(aliases.named("oil and gas"), ElementsAre("Oil and Gas"));
  // At least a word is kept, and organisations are not folded by their last word.
  EXPECT_THAT(aliases.named("co"), ElementsAre("Co Inc"));
  EXPECT_EQ(aliases.canonical("Reagan"), "Reagan");
}

// The facet's ordinals count the values counted as one as one value, once in an article that
// gives several of them.
TEST(FacetAliases, MakeAFacetCountTheValuesCountedAsOneOnce) {
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
  EXPECT_EQ(ordinals.aliases(schema::kDateSlot), nullptr);
}

}  // namespace
}  // namespace newsdex
