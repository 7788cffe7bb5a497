// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/key_filter.h"
#include "analyzers/text_scanner.h"

namespace newsdex {

/// A point on the globe, in degrees.
struct GeoPoint {
  double lat = 0;
  double lon = 0;
  friend bool operator==(const GeoPoint&, const GeoPoint&) = default;
};

/// A country of `countries.tsv`, current or former (SU, DD, YU…).
struct Country {
  std::string code;  ///< ISO 3166-1 alpha-2, or the alpha-2 a former state had
  std::string name;  ///< English display name: `Albania`, `Soviet Union`
  std::optional<GeoPoint> point;
  int ended = 0;  ///< year a former state ended, 0 for a current one
  std::vector<std::string> successors;
};

/// A city of `cities.tsv` (GeoNames).
struct City {
  std::string geonameid;
  std::string name;     ///< GeoNames' name: `Tirana`, `Washington D.C.`
  std::string country;  ///< ISO alpha-2
  std::string admin1_code;
  std::string admin1;
  std::uint32_t population = 0;
  GeoPoint point;
  bool common_word = false;  ///< the name is also an English word (Liberty, Split, Reading)
  bool capital = false;
};

/// A first-order subdivision that datelines qualify cities with: US states, Canadian provinces.
struct Subdivision {
  std::string code;  ///< ISO 3166-2: `US-ME`
  std::string name;  ///< `Maine`
  std::string country;
  std::string admin1_code;  ///< GeoNames' admin1 code of the cities in it
  std::optional<GeoPoint> point;
};

/// A region, continent or bloc (Balkans, Middle East, Europe): a place that is not a country.
struct Region {
  std::string name;
  std::string kind;  ///< `continent`, `region` or `bloc`
  std::vector<std::string> members;
};

/// What one name of the gazetteer may mean. The senses of one key are ranked best first: AP
/// dateline cities, countries, demonyms, subdivisions, regions, then cities by kind of name
/// (primary before alias, historical, variant, locale) and population.
struct NameSense {
  enum class Target : std::uint8_t { country, demonym, subdivision, region, city };
  /// How the name relates to its target, best first.
  enum class Kind : std::uint8_t { primary, alias, historical, variant, locale };

  Target target = Target::city;
  Kind kind = Kind::primary;
  /// The name must appear with this exact letter case, points aside: abbreviations (`US`, `UAE`
  /// are not `us`, `uae`).
  bool exact_case = false;
  /// Only valid after a comma, qualifying a place: postal and AP abbreviations of states
  /// (`ME`, `Minn.`), which are words or titles elsewhere (`Miss.`, `Ill.`).
  bool qualifier_only = false;
  /// The name is also an English word and needs a locative context in running text.
  bool common_word = false;
  /// A city of the AP stand-alone dateline list: wins over every other sense of its key.
  bool dateline_city = false;
  std::uint32_t index = 0;  ///< into `countries()`, `cities()`, `subdivisions()`, `regions()`
  /// The name as the table writes it, for `exact_case` checks.
  std::string name;
};

/// The texts of the gazetteer's tables (UTF-8 TSV with a header line; `#` lines are comments).
/// `builtin()` uses the ones compiled into the library; tests may pass small ones.
struct GazetteerTables {
  std::string_view countries;                  ///< data/gazetteer/countries.tsv
  std::string_view country_names;              ///< data/gazetteer/country_names.tsv
  std::string_view historical;                 ///< data/tables/historical_countries.tsv
  std::string_view cities;                     ///< data/gazetteer/cities.tsv
  std::string_view city_names;                 ///< data/gazetteer/city_names.tsv
  std::string_view regions;                    ///< data/gazetteer/regions.tsv
  std::vector<std::string_view> subdivisions;  ///< us_states.tsv, ca_provinces.tsv
  std::string_view dateline_cities;            ///< data/gazetteer/dateline_cities.tsv
};

/// Countries, cities, regions and their names, looked up by `detail::fold_key`.
///
/// Immutable after construction, so one instance serves any number of threads.
class Gazetteer {
 public:
  /// The gazetteer compiled into the library (data/gazetteer/, data/SOURCE.md), built on first
  /// use (about 0.1 s) and kept for the life of the process. Thread-safe.
  static const Gazetteer& builtin();

  /// Builds a gazetteer from `tables`. Throws `Error` (`internal`) for a table without its
  /// header columns or with a reference to an unknown country or city.
  explicit Gazetteer(const GazetteerTables& tables);
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  /// The senses of the folded name `key`, best first; empty when the name is unknown.
  std::span<const NameSense> find(std::string_view key) const;
  /// The most words (space-separated parts of a key) of any name whose key starts with the
  /// part `first`, or 0 when none does: a text scanner need not look further.
  std::size_t longest_name_from(std::string_view first) const;

  const Country* country(std::string_view code) const;
  /// `code` as it stood in `year`: a successor of a former state that still existed then takes
  /// the former state's code (RU, UA in 1987 → SU; HR → YU; CZ → CS; MM in 1987 → BU). A
  /// successor that existed beside the former state keeps its code (DE beside DD).
  std::string_view code_in_year(std::string_view code, int year) const;

  std::span<const Country> countries() const noexcept { return countries_; }
  std::span<const City> cities() const noexcept { return cities_; }
  std::span<const Subdivision> subdivisions() const noexcept { return subdivisions_; }
  std::span<const Region> regions() const noexcept { return regions_; }

 private:
  template <typename T>
  using KeyMap = detail::KeyMap<T>;

  void load_countries(const GazetteerTables& tables);
  void load_cities(const GazetteerTables& tables);
  void load_subdivisions(const GazetteerTables& tables);
  void load_regions(const GazetteerTables& tables);
  void add_name(std::string_view name, NameSense sense);
  void rank_senses();

  std::vector<Country> countries_;
  std::vector<City> cities_;
  std::vector<Subdivision> subdivisions_;
  std::vector<Region> regions_;
  KeyMap<std::uint32_t> country_index_;       // by code
  std::vector<std::uint32_t> former_states_;  // countries with an end year
  KeyMap<std::vector<NameSense>> names_;
  KeyMap<std::size_t> longest_from_;
  KeyFilter known_keys_;  // the keys of names_ and of longest_from_
};

/// The English name of a country code (`AL` → `Albania`) in the built-in countries table, or
/// empty for an unknown code, read from that table alone: labelling a country facet needs
/// nothing more, and building the whole gazetteer (24,000 cities, 70,000 names) took three
/// quarters of a command-line search. Thread-safe.
std::string_view builtin_country_label(std::string_view code);

/// The code of the country `builtin_country_label` names `label` (`Albania` → `AL`), or empty.
/// Thread-safe.
std::string_view builtin_country_code(std::string_view label);

}  // namespace newsdex
