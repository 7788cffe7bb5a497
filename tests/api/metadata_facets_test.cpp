// SPDX-License-Identifier: GPL-3.0-or-later
// Extracted metadata through the public API: `extract`, and the country, city, person,
// organization and dateline facets of a search.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;

Article tirana_story() {
  Article a;
  a.id = "al-1";
  a.headline = "Albania cuts diplomatic ties with Iran";
  a.body =
      "Tirana, Albania – | 07 Sept 2022 (Tirana Echo) – Albania has cut diplomatic relations "
      "with Iran, following a cyberattack sponsored by the Teheran regime, Prime Minister Edi "
      "Rama said. NATO allies were informed.";
  a.language = "en";
  return a;
}

Article washington_story() {
  Article a;
  a.id = "us-1";
  a.headline = "Treasury sees slower growth";
  a.dateline = "WASHINGTON, March 3 -";
  a.date = "3-MAR-1987 10:00:00.00";
  a.body =
      "Treasury Secretary James Baker said growth in the United States would slow, and the "
      "IMF agreed.";
  return a;
}

std::vector<std::string> values(const Facet& facet) {
  std::vector<std::string> result;
  for (const FacetValue& v : facet.values) result.push_back(v.value);
  return result;
}

const Facet& facet_named(const SearchResults& results, std::string_view name) {
  return *std::find_if(results.facets.begin(), results.facets.end(),
                       [&](const Facet& f) { return f.name == name; });
}

SearchRequest all_with_facets() {
  SearchRequest request;
  request.facets = {"country",          "city",         "person", "organization",
                    "dateline_country", "dateline_city"};
  request.facet_size = 20;
  return request;
}

TEST(ExtractApiTest, ExtractsOneArticle) {
  const ExtractedArticle e = extract(tirana_story());
  EXPECT_EQ(e.date, "2022-09-07");
  EXPECT_EQ(e.date_source, "dateline");
  ASSERT_TRUE(e.dateline);
  EXPECT_EQ(e.dateline->city, "Tirana");
  EXPECT_EQ(e.dateline->country, "AL");
  EXPECT_EQ(e.dateline->source, "Tirana Echo");
  EXPECT_THAT(e.countries, ElementsAre("AL", "IR"));
  ASSERT_EQ(e.people.size(), 1u);
  EXPECT_EQ(e.people[0].name, "Edi Rama");
  const ExtractedMention& m = e.people[0].mentions.front();
  EXPECT_EQ(m.field, "body");
  EXPECT_EQ(e.article.body.substr(m.start, m.end - m.start), m.text);
  std::vector<std::string> places;
  for (const ExtractedPlace& p : e.places) places.push_back(p.name + "/" + p.kind);
  EXPECT_THAT(places, Contains("Tehran/city"));
}

TEST(MetadataFacetsTest, CountsFiltersAndLabels) {
  testing::TempDir dir;
  {
    Index index = Index::create(dir / "db");
    index.add(tirana_story());
    index.add(washington_story());
    index.commit();
  }
  const Searcher searcher = Searcher::open(dir / "db");
  const SearchResults results = searcher.search(all_with_facets());

  const Facet& countries = facet_named(results, "country");
  EXPECT_THAT(values(countries), ElementsAre("AL", "IR", "US"));
  EXPECT_EQ(countries.values[0].label, "Albania");
  EXPECT_THAT(values(facet_named(results, "city")),
              ElementsAre("Tehran, IR", "Tirana, AL", "Washington D.C., US"));
  EXPECT_THAT(values(facet_named(results, "person")), ElementsAre("Edi Rama", "James Baker"));
  EXPECT_THAT(values(facet_named(results, "organization")), ElementsAre("IMF", "NATO"));
  EXPECT_THAT(values(facet_named(results, "dateline_country")), ElementsAre("AL", "US"));
  EXPECT_EQ(facet_named(results, "dateline_country").values[0].label, "Albania");

  // "Filed from" and "about" stay apart: Iran is a subject, never a dateline.
  SearchRequest about_iran;
  about_iran.filters = {{.field = "country", .value = "IR", .exclude = false}};
  EXPECT_EQ(searcher.search(about_iran).total.estimated, 1u);
  SearchRequest filed_from_iran;
  filed_from_iran.filters = {{.field = "dateline_country", .value = "IR", .exclude = false}};
  EXPECT_EQ(searcher.search(filed_from_iran).total.estimated, 0u);
  // A country is filtered by its label as well as its code, either way as the facet shows it.
  const std::pair<Filter, std::string> labels_and_codes[] = {
      {{.field = "country", .value = "Iran"}, "IR"},
      {{.field = "dateline_country", .value = "Albania"}, "AL"},
      {{.field = "country", .value = "United States", .exclude = true}, "US"}};
  for (const auto& [filter, code] : labels_and_codes) {
    SearchRequest by_label;
    by_label.filters = {filter};
    SearchRequest by_code = by_label;
    by_code.filters[0].value = code;
    const std::uint64_t found = searcher.search(by_code).total.estimated;
    EXPECT_GT(found, 0u) << code;
    EXPECT_EQ(searcher.search(by_label).total.estimated, found) << filter.value;
  }
  SearchRequest by_person;
  by_person.query = "person:\"James Baker\"";
  ASSERT_EQ(searcher.search(by_person).hits.size(), 1u);
  EXPECT_EQ(searcher.search(by_person).hits[0].id, "us-1");
}

}  // namespace
}  // namespace newsdex
