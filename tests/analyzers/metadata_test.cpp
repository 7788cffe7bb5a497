// SPDX-License-Identifier: GPL-3.0-or-later
// What extract_metadata works out: the publication date policy, and the seed article in full.
#include "analyzers/metadata.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/shared_dir.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

std::string date_of(const ArticleMetadata& m) { return m.date ? m.date->iso() : "none"; }

TEST(PublicationDateTest, TheStatedDateComesFirst) {
  Article a;
  a.date = "26-FEB-1987 15:01:01.79";
  a.dateline = "SALVADOR, Feb 27 -";
  a.body = "Showers continued throughout the week.";
  const ArticleMetadata m = extract_metadata(a);
  EXPECT_EQ(date_of(m), "1987-02-26");
  EXPECT_EQ(m.date_source, DateSource::stated);
  ASSERT_TRUE(m.filed_from);
  EXPECT_EQ(m.filed_from->country, "BR");
}

TEST(PublicationDateTest, ThenTheDateline) {
  Article a;
  a.body = "Tirana, Albania – | 07 Sept 2022 (Tirana Echo) – Albania has cut ties with Iran.";
  const ArticleMetadata m = extract_metadata(a);
  EXPECT_EQ(date_of(m), "2022-09-07");
  EXPECT_EQ(m.date_source, DateSource::dateline);
  EXPECT_EQ(m.source, "Tirana Echo");
}

TEST(PublicationDateTest, ThenTheUrlOrFileName) {
  Article a;
  a.body = "The minister resigned.";
  a.url = "https://example.com/news/2022/09/07/minister-resigns";
  EXPECT_EQ(date_of(extract_metadata(a)), "2022-09-07");
  EXPECT_EQ(extract_metadata(a).date_source, DateSource::url);
  a.url.clear();
  a.source_path = "archive/2021-07-16-floods.txt";
  EXPECT_EQ(date_of(extract_metadata(a)), "2021-07-16");
  EXPECT_EQ(extract_metadata(a).date_source, DateSource::path);
}

TEST(PublicationDateTest, ThenADateOpeningOrAnnouncedInTheFirstParagraph) {
  Article a;
  a.body = "Published 7 September 2022. The minister resigned.";
  EXPECT_EQ(date_of(extract_metadata(a)), "2022-09-07");
  EXPECT_EQ(extract_metadata(a).date_source, DateSource::text);
  a.body = "September 7, 2022. The minister resigned.";
  EXPECT_EQ(date_of(extract_metadata(a)), "2022-09-07");
}

TEST(PublicationDateTest, NeverAnEventDate) {
  Article a;
  a.body = "The 15 July 2022 cyberattack on Albania was not an individual operation.";
  EXPECT_EQ(date_of(extract_metadata(a)), "none");
  a.body = "The attack, which took place on July 15th, 2022, was first thought Russian.";
  EXPECT_EQ(date_of(extract_metadata(a)), "none");
  a.body = "Relations have been tense.\n\nCopyright @2022 | All Rights Reserved";
  EXPECT_EQ(date_of(extract_metadata(a)), "none");
}

TEST(PublicationDateTest, AnImpossibleStatedDateIsAWarning) {
  Article a;
  a.date = "30 Feb 2022";
  a.body = "The minister resigned.";
  const ArticleMetadata m = extract_metadata(a);
  EXPECT_EQ(date_of(m), "none");
  EXPECT_THAT(m.warnings, ElementsAre("date '30 Feb 2022' is not a valid date; ignored"));
}

TEST(CountryFacetTest, AFirmsHomeAnExampleOrAnAccordIsNoSubject) {
  Article a;
  a.date = "2 Mar 1987";
  a.dateline = "TOKYO, March 2 -";
  a.headline = "Japan chip output falls";
  a.body =
      "Output fell, NEC Corp of West Germany said, as producers such as Taiwan held back "
      "under the Paris accord. Latin American buyers waited.";
  EXPECT_THAT(extract_metadata(a).countries, ElementsAre("JP"));
}

TEST(CountryFacetTest, HoldsTheDatelineAndWhatTheArticleIsAbout) {
  Article a;
  a.date = "2 Mar 1987";
  a.dateline = "MOSCOW, March 2 -";
  a.headline = "Soviet grain imports rise";
  // Japan is named; "Canadian dlrs" is money; one "Swedish" in passing is no subject.
  a.body = "Imports from Japan rose, paid in Canadian dlrs, a Swedish trader said.";
  const ArticleMetadata m = extract_metadata(a);
  EXPECT_THAT(m.countries, ElementsAre("SU", "JP"));
  MetadataOptions without;
  without.entities = false;
  EXPECT_THAT(extract_metadata(a, without).countries, ElementsAre("SU"));
  EXPECT_THAT(extract_metadata(a, without).places, IsEmpty());
}

// ---------------------------------------------------------------------------------------------
// The seed article (../shared/seeds), as the plain-text reader splits it: headline, two caption
// lines, body paragraphs without the copyright footer.

Article seed_article() {
  std::ifstream in(testing::shared_dir() / "seeds" / "000_3c6ba5321dfd73d4.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  Article a;
  a.id = "000_3c6ba5321dfd73d4.txt";
  a.headline = lines.at(0);
  a.captions = {lines.at(2), lines.at(3)};
  for (std::size_t i = 5; i < lines.size() && !lines[i].starts_with("Copyright"); ++i) {
    a.body += lines[i] + "\n";
  }
  while (!a.body.empty() && a.body.back() == '\n') a.body.pop_back();
  return a;
}

std::vector<std::string> names(const std::vector<NamedEntity>& entities) {
  std::vector<std::string> result;
  for (const NamedEntity& e : entities) result.push_back(e.name);
  return result;
}

TEST(SeedArticleTest, WhatMustHold) {
  NEWSDEX_REQUIRE_SHARED();
  const Article article = seed_article();
  const ArticleMetadata m = extract_metadata(article);

  EXPECT_EQ(date_of(m), "2022-09-07");
  ASSERT_TRUE(m.dateline);
  EXPECT_EQ(m.source, "Tirana Echo");
  ASSERT_TRUE(m.filed_from);
  ASSERT_TRUE(m.filed_from->city);
  EXPECT_EQ(m.filed_from->city->name, "Tirana");
  EXPECT_EQ(m.filed_from->city->id, "3183875");
  EXPECT_EQ(m.filed_from->country, "AL");

  const std::vector<std::string> people = names(m.people);
  EXPECT_THAT(people, Contains("Edi Rama"));
  EXPECT_THAT(people, Contains("Ali Khamenei"));
  EXPECT_THAT(people, Not(Contains("Jordan")));

  for (const char* code : {"AL", "IR", "IL", "SA", "JO", "AE", "KW", "CY", "UA", "IQ"}) {
    EXPECT_THAT(m.countries, Contains(code));
  }
  EXPECT_EQ(m.countries.front(), "AL");  // filed from first

  const auto tehran = std::find_if(m.places.begin(), m.places.end(),
                                   [](const PlaceMentions& p) { return p.place.name == "Tehran"; });
  ASSERT_NE(tehran, m.places.end());
  EXPECT_EQ(tehran->place.kind, PlaceKind::city);
  EXPECT_EQ(tehran->place.country, "IR");
  const Mention& written = tehran->mentions.front();
  EXPECT_EQ(article.body.substr(written.start, written.end - written.start), "Teheran");

  // "camps Ashraf and Liberty in Iraq" is not Liberty, Missouri; "e-Albania" is a portal.
  for (const PlaceMentions& p : m.places) {
    EXPECT_NE(p.place.name, "Liberty");
    for (const Mention& mention : p.mentions) {
      if (mention.field != TextField::body || mention.start < 2) continue;
      EXPECT_NE(article.body.substr(mention.start - 2, 2), "e-");
    }
  }
  // The dateline is where the story was filed from, not a place it mentions.
  for (const PlaceMentions& p : m.places) {
    for (const Mention& mention : p.mentions) {
      EXPECT_FALSE(mention.field == TextField::body && mention.start < m.dateline->length);
    }
  }

  const std::vector<std::string> organizations = names(m.organizations);
  EXPECT_THAT(organizations, Contains("NATO"));
  const auto mek =
      std::find_if(m.organizations.begin(), m.organizations.end(),
                   [](const NamedEntity& e) { return e.name == "Mujaheddin-e Khalq"; });
  ASSERT_NE(mek, m.organizations.end());
  EXPECT_THAT(mek->aliases, ElementsAre("MEK"));
  EXPECT_THAT(organizations, Not(Contains(HasSubstr("Tirana Echo"))));

  EXPECT_THAT(m.warnings, IsEmpty());
}

}  // namespace
}  // namespace newsdex
