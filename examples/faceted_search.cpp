// SPDX-License-Identifier: GPL-3.0-or-later
// Creates an index in a temporary folder, adds a few articles, and runs a faceted,
// date-filtered query: the newsdex API in one page.
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <unistd.h>

#include <newsdex/newsdex.h>

int main() {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("newsdex-example-" + std::to_string(::getpid()));
  const std::string db = (dir / "db").string();
  try {
    {
      newsdex::Index index = newsdex::Index::create(db);
      const newsdex::Article articles[] = {
          {.id = "ex-1", .headline = "Cyberattack disrupts Albanian government services",
           .body = "TIRANA, July 16 (Example Wire) - A cyberattack took down public websites.",
           .source = "Example Wire", .date = "2022-07-16", .language = "en"},
          {.id = "ex-2", .headline = "Albania blames Iran for July cyberattack",
           .body = "Investigators linked the July cyberattack to a state actor.",
           .source = "Balkan Post", .date = "2022-09-07", .language = "en"},
          {.id = "ex-3", .headline = "Costa Rica declares emergency after cyberattack",
           .body = "Ministries were hit by ransomware.",
           .source = "Example Wire", .date = "2022-05-08", .language = "en"},
      };
      for (const newsdex::Article& article : articles) index.add(article);
      index.commit();
    }

    const newsdex::Searcher searcher = newsdex::Searcher::open(db);
    const newsdex::SearchResults results = searcher.search({
        .query = "cyberattack date:2022-07-01..2022-09-30",
        .facets = {"date", "source"},
        .sort = newsdex::SortOrder::newest,
    });
    std::cout << results.total.estimated << " hits\n";
    for (const newsdex::Hit& hit : results.hits) {
      std::cout << hit.rank << ". " << hit.date.value_or("?") << "  " << hit.headline << "\n   "
                << hit.snippet.to_html() << "\n";
    }
    for (const newsdex::Facet& facet : results.facets) {
      std::cout << facet.name << ":";
      for (const newsdex::FacetValue& value : facet.values) {
        std::cout << "  " << value.value << " (" << value.count << ")";
      }
      std::cout << "\n";
    }
  } catch (const newsdex::Error& e) {
    std::cerr << "newsdex: " << e.what() << " [" << newsdex::to_string(e.code()) << "]\n";
    fs::remove_all(dir);
    return EXIT_FAILURE;
  }
  fs::remove_all(dir);
  return EXIT_SUCCESS;
}
