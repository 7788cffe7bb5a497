// SPDX-License-Identifier: GPL-3.0-or-later
// Datelines resolved to where a story was filed from.
#include "analyzers/place_resolver.h"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

#include "analyzers/dateline.h"

namespace newsdex {
namespace {

struct DatelineCase {
  std::string_view paragraph;
  std::optional<int> year;
  std::string_view city;     // "" when only the country is known
  std::string_view city_id;  // GeoNames id, "" to skip
  std::string_view country;
};

void PrintTo(const DatelineCase& c, std::ostream* os) { *os << '"' << c.paragraph << '"'; }

class ResolveDatelineTest : public testing::TestWithParam<DatelineCase> {};

TEST_P(ResolveDatelineTest, FindsTheCityAndCountry) {
  const DatelineCase& c = GetParam();
  const auto dateline = parse_dateline(c.paragraph, DateContext{});
  ASSERT_TRUE(dateline.has_value()) << c.paragraph;
  const PlaceResolver resolver(Gazetteer::builtin());
  const auto place = resolver.resolve_dateline(*dateline, c.year);
  ASSERT_TRUE(place.has_value()) << c.paragraph;
  EXPECT_EQ(place->country, c.country);
  EXPECT_EQ(place->city ? place->city->name : "", c.city);
  if (!c.city_id.empty()) {
    ASSERT_TRUE(place->city.has_value());
    EXPECT_EQ(place->city->id, c.city_id);
  }
  EXPECT_TRUE(place->point.has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Golden, ResolveDatelineTest,
    testing::Values(
        DatelineCase{"Tirana, Albania – | 07 Sept 2022 (Tirana Echo) – Albania has cut ties.", 2022,
                     "Tirana", "3183875", "AL"},
        // The qualifier picks the namesake: Portland, Maine, not the larger Portland, Oregon.
        DatelineCase{"PORTLAND, Maine, Jan 5 - Snow fell.", 2022, "Portland", "4975802", "US"},
        DatelineCase{"PORTLAND, Ore., Jan 5 - Rain fell.", 2022, "Portland", "5746545", "US"},
        DatelineCase{"ST. PAUL, Minn., March 3 (Reuters) - Sales rose.", 1987, "Saint Paul",
                     "5045360", "US"},
        // An all-caps dateline writes its state abbreviation in capitals too.
        DatelineCase{"ELWOOD, KAN., Feb 26 - The bank said.", 1987, "", "", "US"},
        // Bare AP stand-alone datelines.
        DatelineCase{"WASHINGTON, March 3 (Reuters) - The Treasury said.", 1987, "Washington D.C.",
                     "4140963", "US"},
        DatelineCase{"NEW YORK (AP) — Stocks fell.", 2022, "New York", "5128581", "US"},
        // A bare dateline outside the list: the largest place of the name.
        DatelineCase{"SALVADOR, Feb 26 - Showers continued.", 1987, "Salvador", "3450554", "BR"},
        DatelineCase{"Wien – Die Regierung hat.", 2022, "Vienna", "2761369", "AT"},
        DatelineCase{"Paris, 7 sept 2022 (AFP) - Le gouvernement.", 2022, "Paris", "2988507", "FR"},
        DatelineCase{"BERLIN, 7. September 2022 (dpa) - Die Regierung.", 2022, "Berlin", "2950159",
                     "DE"},
        // Codes as they stood at the publication date.
        DatelineCase{"MOSCOW, March 3 - The Kremlin said.", 1987, "Moscow", "524901", "SU"},
        DatelineCase{"MOSCOW, March 3 - The Kremlin said.", 2022, "Moscow", "524901", "RU"},
        DatelineCase{"BELGRADE, March 3 - Prices rose.", 1987, "Belgrade", "792680", "YU"},
        // A country alone: no city.
        DatelineCase{"KUWAIT, March 3 - Oil output rose.", 1987, "", "", "KW"}));

TEST(ResolveDatelineTest, UnknownPlacesResolveToNothing) {
  Dateline dateline;
  dateline.text = "XYZZYVILLE";
  dateline.places = {"XYZZYVILLE"};
  EXPECT_FALSE(PlaceResolver(Gazetteer::builtin()).resolve_dateline(dateline, 2022));
}

}  // namespace
}  // namespace newsdex
