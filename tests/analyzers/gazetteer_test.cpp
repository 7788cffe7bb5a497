// SPDX-License-Identifier: GPL-3.0-or-later
// The gazetteer compiled into the library: matching keys, names, codes of former states.
#include "analyzers/gazetteer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "analyzers/text_scanner.h"
#include "newsdex/error.h"

namespace newsdex {
namespace {

using Target = NameSense::Target;

struct KeyCase {
  std::string_view name;
  std::string_view key;
};

class NameKeyTest : public testing::TestWithParam<KeyCase> {};

TEST_P(NameKeyTest, FoldsAsTextIsScanned) {
  EXPECT_EQ(detail::name_key(GetParam().name), GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    Golden, NameKeyTest,
    testing::Values(KeyCase{"Tirana", "tirana"}, KeyCase{"Saudi-Arabia", "saudi arabia"},
                    KeyCase{"Saudi Arabia", "saudi arabia"}, KeyCase{"U.S.", "us"},
                    KeyCase{"U.A.E.", "uae"}, KeyCase{"ST. LOUIS", "st louis"},
                    KeyCase{"Albania’s", "albania"}, KeyCase{"Côte d’Ivoire", "cote d'ivoire"},
                    KeyCase{"Zürich", "zurich"}, KeyCase{"DÜSSELDORF", "dusseldorf"},
                    KeyCase{"Straße", "strasse"},
                    KeyCase{"Mujaheddin-e Khalq", "mujaheddin e khalq"},
                    KeyCase{"ＮＡＴＯ", "nato"}, KeyCase{"  Washington\n D.C. ", "washington dc"}));

// The first sense of a name, as the gazetteer ranks them.
const NameSense& first_sense(std::string_view name) {
  const auto senses = Gazetteer::builtin().find(detail::name_key(name));
  if (senses.empty()) throw std::runtime_error("no sense for " + std::string(name));
  return senses.front();
}

std::string code_of(const NameSense& sense) {
  const Gazetteer& g = Gazetteer::builtin();
  switch (sense.target) {
    case Target::country:
    case Target::demonym:
      return g.countries()[sense.index].code;
    case Target::city:
      return g.cities()[sense.index].name + ", " + g.cities()[sense.index].country;
    case Target::subdivision:
      return g.subdivisions()[sense.index].code;
    case Target::region:
      break;
  }
  return g.regions()[sense.index].name;
}

struct SenseCase {
  std::string_view name;
  Target target;
  std::string_view code;
};

class GazetteerSenseTest : public testing::TestWithParam<SenseCase> {};

TEST_P(GazetteerSenseTest, RanksTheUsualMeaningFirst) {
  const NameSense& sense = first_sense(GetParam().name);
  EXPECT_EQ(sense.target, GetParam().target) << GetParam().name;
  EXPECT_EQ(code_of(sense), GetParam().code) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Golden, GazetteerSenseTest,
    testing::Values(
        SenseCase{"Albania", Target::country, "AL"},
        SenseCase{"Saudi-Arabia", Target::country, "SA"}, SenseCase{"UAE", Target::country, "AE"},
        SenseCase{"U.K.", Target::country, "GB"}, SenseCase{"Soviet Union", Target::country, "SU"},
        SenseCase{"West Germany", Target::country, "DE"},
        SenseCase{"Iranian", Target::demonym, "IR"}, SenseCase{"Emirati", Target::demonym, "AE"},
        SenseCase{"Teheran", Target::city, "Tehran, IR"},
        SenseCase{"Peking", Target::city, "Beijing, CN"},
        SenseCase{"Bombay", Target::city, "Mumbai, IN"},
        // AP stand-alone datelines win over the primary-name rule (Washington, England).
        SenseCase{"WASHINGTON", Target::city, "Washington D.C., US"},
        SenseCase{"NEW YORK", Target::city, "New York, US"},
        // Primary names win over aliases even against population (extraction.md 1.5).
        SenseCase{"Salisbury", Target::city, "Salisbury, GB"},
        SenseCase{"Maine", Target::subdivision, "US-ME"},
        SenseCase{"Balkans", Target::region, "Balkans"}));

TEST(GazetteerTest, AbbreviationsKeepTheirCase) {
  const NameSense& us = first_sense("US");
  EXPECT_TRUE(us.exact_case);
  EXPECT_EQ(us.name.find_first_of("abcdefghijklmnopqrstuvwxyz"), std::string::npos);
}

TEST(GazetteerTest, StateAbbreviationsOnlyQualify) {
  for (const NameSense& sense : Gazetteer::builtin().find("minn")) {
    if (sense.target == Target::subdivision) {
      EXPECT_TRUE(sense.qualifier_only);
      return;
    }
  }
  ADD_FAILURE() << "Minn. is not an abbreviation of Minnesota";
}

TEST(GazetteerTest, CommonWordCitiesAreFlagged) {
  EXPECT_TRUE(Gazetteer::builtin().cities()[first_sense("Liberty").index].common_word);
  EXPECT_FALSE(Gazetteer::builtin().cities()[first_sense("Tirana").index].common_word);
}

TEST(GazetteerTest, LabelsCountryCodes) {
  EXPECT_EQ(builtin_country_label("AL"), "Albania");
  EXPECT_EQ(builtin_country_label("SU"), "Soviet Union");
  EXPECT_EQ(builtin_country_label("ZZ"), "");
  // The gazetteer's name of every country, read from the countries table alone.
  for (const Country& country : Gazetteer::builtin().countries()) {
    EXPECT_EQ(builtin_country_label(country.code), country.name) << country.code;
    EXPECT_EQ(builtin_country_code(country.name), country.code) << country.name;
  }
  EXPECT_EQ(builtin_country_code("Soviet Union"), "SU");
  EXPECT_EQ(builtin_country_code("Atlantis"), "");
}

TEST(GazetteerTest, CodesStandAsTheyDidInTheYear) {
  const Gazetteer& g = Gazetteer::builtin();
  EXPECT_EQ(g.code_in_year("RU", 1987), "SU");
  EXPECT_EQ(g.code_in_year("UA", 1987), "SU");
  EXPECT_EQ(g.code_in_year("RU", 2022), "RU");
  EXPECT_EQ(g.code_in_year("HR", 1987), "YU");
  EXPECT_EQ(g.code_in_year("SK", 1987), "CS");
  EXPECT_EQ(g.code_in_year("MM", 1987), "BU");
  // West Germany kept its code beside the GDR.
  EXPECT_EQ(g.code_in_year("DE", 1987), "DE");
}

TEST(GazetteerTest, BuildsFromSmallTables) {
  const Gazetteer g(GazetteerTables{
      .countries = "code\tname\tlat\tlon\tsuccessors\nAL\tAlbania\t41.3\t19.8\t\n",
      .country_names = "name\tcode\tkind\nShqipëria\tAL\tlocale\n",
      .historical = {},
      .cities = "geonameid\tname\tcountry\tadmin1_code\tadmin1\tpopulation\tlat\tlon\tcommon_word\t"
                "capital\n3183875\tTirana\tAL\t50\tTirana\t374801\t41.3\t19.8\t0\t1\n",
      .city_names = "name\tgeonameid\tkind\tcommon_word\nTirane\t3183875\tlocale\t0\n",
      .regions = "name\tkind\tmembers\nBalkans\tregion\tAL\n",
      .subdivisions = {},
      .dateline_cities = {},
  });
  EXPECT_EQ(g.find("shqiperia").size(), 1u);
  EXPECT_EQ(g.find("tirane").front().target, Target::city);
  ASSERT_NE(g.country("AL"), nullptr);
  EXPECT_EQ(g.country("AL")->name, "Albania");
}

TEST(GazetteerTest, RefusesATableWithoutItsColumns) {
  try {
    Gazetteer(GazetteerTables{.countries = "code\tlabel\nAL\tAlbania\n",
                              .country_names = {},
                              .historical = {},
                              .cities = {},
                              .city_names = {},
                              .regions = {},
                              .subdivisions = {},
                              .dateline_cities = {}});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::internal);
    EXPECT_STREQ(e.what(), "the countries table has no column 'name'");
  }
}

}  // namespace
}  // namespace newsdex
