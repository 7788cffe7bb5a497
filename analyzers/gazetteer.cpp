// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/gazetteer.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "analyzers/text_scanner.h"
#include "analyzers/tsv.h"
#include "embedded/gazetteer_data.h"
#include "newsdex/error.h"

namespace newsdex {

namespace {

using detail::TsvTable;

double to_double(std::string_view field) {
  double value = 0;
  std::from_chars(field.data(), field.data() + field.size(), value);
  return value;
}

std::uint32_t to_uint(std::string_view field) {
  std::uint32_t value = 0;
  std::from_chars(field.data(), field.data() + field.size(), value);
  return value;
}

std::optional<GeoPoint> point_of(std::string_view lat, std::string_view lon) {
  if (lat.empty() || lon.empty()) return std::nullopt;
  return GeoPoint{to_double(lat), to_double(lon)};
}

std::vector<std::string> strings(const std::vector<std::string_view>& views) {
  return {views.begin(), views.end()};
}

NameSense::Kind country_name_kind(std::string_view kind) {
  if (kind == "common" || kind == "official") return NameSense::Kind::primary;
  if (kind == "locale") return NameSense::Kind::locale;
  return NameSense::Kind::alias;
}

NameSense::Kind city_name_kind(std::string_view kind) {
  if (kind == "primary") return NameSense::Kind::primary;
  if (kind == "historical") return NameSense::Kind::historical;
  if (kind == "variant") return NameSense::Kind::variant;
  if (kind == "locale") return NameSense::Kind::locale;
  return NameSense::Kind::alias;
}

// Successors that existed beside the former state, so a place in them was never the former
// state's: West Germany beside the GDR, North Yemen beside South Yemen, (South) Viet Nam beside
// North Vietnam, Panama beside the Canal Zone.
constexpr std::string_view kCoexistingSuccessors[] = {"DE", "YE", "VN", "PA"};

// Row fields 0 to 4: code, name, lat, lon, successors.
TsvTable countries_table(std::string_view text) {
  return TsvTable(text, {"code", "name", "lat", "lon", "successors"}, "countries");
}

Error table_error(std::string_view what) {
  return Error(ErrorCode::internal, fmt::format("gazetteer: {}", what));
}

}  // namespace

const Gazetteer& Gazetteer::builtin() {
  namespace data = gazetteer_data;
  // Never destroyed: freeing a hundred thousand names at exit is work for nothing (and a
  // static that is not trivially destructible may be used after its destruction at exit).
  static const Gazetteer* const instance = new Gazetteer(GazetteerTables{
      .countries = data::countries_tsv,
      .country_names = data::country_names_tsv,
      .historical = data::historical_countries_tsv,
      .cities = data::cities_tsv,
      .city_names = data::city_names_tsv,
      .regions = data::regions_tsv,
      .subdivisions = {data::us_states_tsv, data::ca_provinces_tsv},
      .dateline_cities = data::dateline_cities_tsv,
  });
  return *instance;
}

namespace {

// The built-in countries table's codes and English names, both ways. Never destroyed, as the
// built-in gazetteer.
struct CountryLabels {
  detail::KeyMap<std::string> by_code;
  detail::KeyMap<std::string> by_label;
};

const CountryLabels& builtin_country_labels() {
  static const CountryLabels* const labels = [] {
    auto* built = new CountryLabels();
    countries_table(gazetteer_data::countries_tsv).for_each([&](const TsvTable::Row& row) {
      built->by_code.emplace(row[0], row[1]);
      built->by_label.emplace(row[1], row[0]);
    });
    return built;
  }();
  return *labels;
}

std::string_view found_or_empty(const detail::KeyMap<std::string>& map, std::string_view key) {
  const auto found = map.find(key);
  return found != map.end() ? std::string_view(found->second) : std::string_view();
}

}  // namespace

std::string_view builtin_country_label(std::string_view code) {
  return found_or_empty(builtin_country_labels().by_code, code);
}

std::string_view builtin_country_code(std::string_view label) {
  return found_or_empty(builtin_country_labels().by_label, label);
}

Gazetteer::Gazetteer(const GazetteerTables& tables) {
  // Rough sizes of the built-in tables, to spare rehashing while loading.
  names_.reserve(tables.city_names.size() / 24);
  longest_from_.reserve(tables.city_names.size() / 30);
  load_countries(tables);
  load_cities(tables);
  load_subdivisions(tables);
  load_regions(tables);
  rank_senses();
  known_keys_ = KeyFilter(names_.size() + longest_from_.size());
  for (const auto& [key, senses] : names_) known_keys_.add(key);
  for (const auto& [first, words] : longest_from_) known_keys_.add(first);
}

void Gazetteer::load_countries(const GazetteerTables& tables) {
  countries_table(tables.countries).for_each([&](const TsvTable::Row& row) {
    Country country;
    country.code = row[0];
    country.name = row[1];
    country.point = point_of(row[2], row[3]);
    country.successors = strings(detail::split_list(row[4]));
    country_index_.emplace(country.code, static_cast<std::uint32_t>(countries_.size()));
    countries_.push_back(std::move(country));
  });
  if (!tables.historical.empty()) {
    const TsvTable historical(tables.historical, {"code", "ended"}, "historical countries");
    historical.for_each([&](const TsvTable::Row& row) {
      const auto it = country_index_.find(row[0]);
      if (it == country_index_.end())
        throw table_error(fmt::format("unknown former state {}", row[0]));
      countries_[it->second].ended = static_cast<int>(to_uint(row[1]));
      former_states_.push_back(it->second);
    });
  }
  const TsvTable names(tables.country_names, {"name", "code", "kind"}, "country names");
  names.for_each([&](const TsvTable::Row& row) {
    const auto it = country_index_.find(row[1]);
    if (it == country_index_.end()) throw table_error(fmt::format("unknown country {}", row[1]));
    NameSense sense;
    sense.index = it->second;
    if (row[2] == "demonym") {
      sense.target = NameSense::Target::demonym;
    } else {
      sense.target = NameSense::Target::country;
      sense.kind = country_name_kind(row[2]);
      sense.exact_case = row[2] == "abbreviation";
    }
    add_name(row[0], std::move(sense));
  });
}

void Gazetteer::load_cities(const GazetteerTables& tables) {
  const TsvTable cities(tables.cities,
                        {"geonameid", "name", "country", "admin1_code", "admin1", "population",
                         "lat", "lon", "common_word", "capital"},
                        "cities");
  KeyMap<std::uint32_t> by_id;
  // Rough size of the built-in table, to spare moving the cities while loading.
  cities_.reserve(tables.cities.size() / 64);
  by_id.reserve(tables.cities.size() / 64);
  cities.for_each([&](const TsvTable::Row& row) {
    City city;
    city.geonameid = row[0];
    city.name = row[1];
    city.country = row[2];
    city.admin1_code = row[3];
    city.admin1 = row[4];
    city.population = to_uint(row[5]);
    city.point = GeoPoint{to_double(row[6]), to_double(row[7])};
    city.common_word = row[8] == "1";
    city.capital = row[9] == "1";
    by_id.emplace(city.geonameid, static_cast<std::uint32_t>(cities_.size()));
    cities_.push_back(std::move(city));
  });
  const TsvTable names(tables.city_names, {"name", "geonameid", "kind", "common_word"},
                       "city names");
  names.for_each([&](const TsvTable::Row& row) {
    const auto it = by_id.find(row[1]);
    if (it == by_id.end()) throw table_error(fmt::format("unknown city {}", row[1]));
    NameSense sense;
    sense.target = NameSense::Target::city;
    sense.kind = city_name_kind(row[2]);
    sense.common_word = row[3] == "1";
    sense.index = it->second;
    add_name(row[0], std::move(sense));
  });
  if (tables.dateline_cities.empty()) return;
  const TsvTable datelines(tables.dateline_cities, {"dateline", "geonameid"}, "dateline cities");
  datelines.for_each([&](const TsvTable::Row& row) {
    const auto it = by_id.find(row[1]);
    if (it == by_id.end()) throw table_error(fmt::format("unknown dateline city {}", row[1]));
    NameSense sense;
    sense.target = NameSense::Target::city;
    sense.dateline_city = true;
    sense.index = it->second;
    add_name(row[0], std::move(sense));
  });
}

void Gazetteer::load_subdivisions(const GazetteerTables& tables) {
  for (const std::string_view text : tables.subdivisions) {
    const TsvTable table(text,
                         {"code", "name", "ap", "postal", "other", "admin1_code", "lat", "lon"},
                         "subdivisions");
    table.for_each([&](const TsvTable::Row& row) {
      Subdivision subdivision;
      subdivision.code = row[0];
      subdivision.name = row[1];
      subdivision.country = row[0].substr(0, row[0].find('-'));
      subdivision.admin1_code = row[5];
      subdivision.point = point_of(row[6], row[7]);
      const auto index = static_cast<std::uint32_t>(subdivisions_.size());
      NameSense sense;
      sense.target = NameSense::Target::subdivision;
      sense.index = index;
      add_name(subdivision.name, sense);
      // Abbreviations only qualify a city ("PORTLAND, Maine", "ST. PAUL, Minn."): elsewhere
      // "Miss.", "Ill." and "ME" are other words.
      sense.kind = NameSense::Kind::alias;
      sense.exact_case = true;
      sense.qualifier_only = true;
      std::vector<std::string_view> abbreviations = detail::split_list(row[4]);
      abbreviations.push_back(row[2]);
      abbreviations.push_back(row[3]);
      for (const std::string_view abbreviation : abbreviations) {
        if (!abbreviation.empty()) add_name(abbreviation, sense);
      }
      subdivisions_.push_back(std::move(subdivision));
    });
  }
}

void Gazetteer::load_regions(const GazetteerTables& tables) {
  const TsvTable table(tables.regions, {"name", "kind", "members"}, "regions");
  table.for_each([&](const TsvTable::Row& row) {
    NameSense sense;
    sense.target = NameSense::Target::region;
    sense.index = static_cast<std::uint32_t>(regions_.size());
    add_name(row[0], sense);
    regions_.push_back(
        Region{std::string(row[0]), std::string(row[1]), strings(detail::split_list(row[2]))});
  });
}

void Gazetteer::add_name(std::string_view name, NameSense sense) {
  std::string key = detail::name_key(name);
  if (key.empty()) return;
  sense.name = name;
  const std::string_view first = std::string_view(key).substr(0, key.find(' '));
  const auto words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ') + 1);
  if (const auto it = longest_from_.find(first); it != longest_from_.end()) {
    it->second = std::max(it->second, words);
  } else {
    longest_from_.emplace(first, words);
  }
  names_[std::move(key)].push_back(std::move(sense));
}

void Gazetteer::rank_senses() {
  for (auto& [key, senses] : names_) {
    if (senses.size() < 2) continue;  // most names have one sense
    std::stable_sort(senses.begin(), senses.end(), [&](const NameSense& a, const NameSense& b) {
      if (a.dateline_city != b.dateline_city) return a.dateline_city;
      if (a.target != b.target) return a.target < b.target;
      if (a.kind != b.kind) return a.kind < b.kind;
      if (a.target == NameSense::Target::city) {
        return cities_[a.index].population > cities_[b.index].population;
      }
      return false;
    });
    // One name may be listed twice for one place (a primary name that is also a locale name):
    // keep its best sense.
    std::vector<NameSense> kept;
    for (NameSense& sense : senses) {
      const bool seen = std::any_of(kept.begin(), kept.end(), [&](const NameSense& other) {
        return other.target == sense.target && other.index == sense.index &&
               other.qualifier_only == sense.qualifier_only;
      });
      if (!seen) kept.push_back(std::move(sense));
    }
    senses = std::move(kept);
  }
}

std::span<const NameSense> Gazetteer::find(std::string_view key) const {
  if (!known_keys_.may_contain(key)) return {};
  const auto it = names_.find(key);
  if (it == names_.end()) return {};
  return it->second;
}

std::size_t Gazetteer::longest_name_from(std::string_view first) const {
  if (!known_keys_.may_contain(first)) return 0;
  const auto it = longest_from_.find(first);
  return it == longest_from_.end() ? 0 : it->second;
}

const Country* Gazetteer::country(std::string_view code) const {
  const auto it = country_index_.find(code);
  return it == country_index_.end() ? nullptr : &countries_[it->second];
}

std::string_view Gazetteer::code_in_year(std::string_view code, int year) const {
  if (std::find(std::begin(kCoexistingSuccessors), std::end(kCoexistingSuccessors), code) !=
      std::end(kCoexistingSuccessors)) {
    return code;
  }
  for (const std::uint32_t index : former_states_) {
    const Country& former = countries_[index];
    if (year >= former.ended) continue;
    if (std::find(former.successors.begin(), former.successors.end(), code) !=
        former.successors.end()) {
      return former.code;
    }
  }
  return code;
}

}  // namespace newsdex
