// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/dateline.h"
#include "analyzers/gazetteer.h"

namespace newsdex {

/// What kind of place a name resolved to. US states and Canadian provinces are regions with a
/// country; continents, blocs and regions such as the Balkans are regions without one.
enum class PlaceKind : std::uint8_t { country, city, region };

/// `"country"`, `"city"` or `"region"`.
std::string_view to_string(PlaceKind kind) noexcept;

/// A place resolved in the gazetteer.
struct ResolvedPlace {
  PlaceKind kind = PlaceKind::city;
  /// Display name: `Tirana`, `Albania`, `Maine`, `Balkans`.
  std::string name;
  /// ISO alpha-2 of the country it is in (or is), as it stood in the reference year; empty for a
  /// region spanning countries.
  std::string country;
  /// Stable identity: the geonameid of a city, the ISO code of a country, the ISO 3166-2 code
  /// of a state or province, the name of a region.
  std::string id;
  std::optional<GeoPoint> point;

  friend bool operator==(const ResolvedPlace&, const ResolvedPlace&) = default;
};

/// Where a story was filed from, resolved.
struct DatelinePlace {
  /// The city, empty when only the country or state is known (`KUWAIT`, a town too small for
  /// the gazetteer in `MIDLAND, Texas`).
  std::optional<ResolvedPlace> city;
  /// ISO alpha-2 of the country, as it stood in the reference year.
  std::string country;
  /// The most precise point known: the city's, else the state's, else the country's.
  std::optional<GeoPoint> point;
};

/// How a name in running text is placed, for `PlaceResolver::choose`.
struct NameContext {
  /// The name as written, for abbreviations that must keep their case (`US`, `UAE`).
  std::string_view surface;
  /// The name qualifies a place after a comma (`Maine` in `Portland, Maine`): state
  /// abbreviations count only there.
  bool qualifier = false;
  /// A preposition of place comes just before (`in`, `at`, `from`, `near`…).
  bool locative = false;
  /// The name opens a sentence or stands in an all-caps line, where a capital says nothing.
  bool weak_case = false;
  /// The name is also written in lower case elsewhere in the document (`mobile`, `reading`).
  bool lower_elsewhere = false;
  /// `in COUNTRY` follows the name: a city of another country is a namesake (`Liberty in Iraq`
  /// is a camp, not Liberty, Missouri).
  std::string_view located_in;
  /// The name is one word in capitals in a mixed-case line (`GAO said`): an acronym, which may
  /// be a country's abbreviation but not a city.
  bool acronym = false;
  /// Publication year, when known: a country that did not exist yet gives way to another sense
  /// (`Georgia` in 1987 is the US state).
  std::optional<int> year;
  /// The document is not in English: a country's name in another language counts even when it
  /// is an English word or name (`Island`, `Salomon`, `Christmas`).
  bool foreign_names = false;
  /// A qualifier that follows the name (`Portland, Maine`): only places inside it fit.
  const NameSense* qualified_by = nullptr;
};

/// The context of a name read as a qualifier after a comma.
NameContext qualifier_context(std::string_view surface);

/// Resolves place names against a gazetteer: dateline places, and names met in running text
/// with one sense per document.
///
/// Thread-safe (it only reads the gazetteer).
class PlaceResolver {
 public:
  explicit PlaceResolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  /// Resolves the places of a parsed dateline: `Tirana, Albania` → Tirana (AL); `PORTLAND,
  /// Maine` → Portland, Maine (US); `ST. PAUL, Minn.` → Saint Paul (US); a bare `WASHINGTON` or
  /// `NEW YORK` through the AP stand-alone dateline cities, else the largest place of the name
  /// (primary names before aliases). `year`, when known, gives codes as they stood then
  /// (`MOSCOW` in 1987 → SU). Returns nullopt when nothing resolves.
  std::optional<DatelinePlace> resolve_dateline(const Dateline& dateline,
                                                std::optional<int> year) const;

  /// The sense of a name met in running text, or nullptr when none fits: abbreviations need
  /// their case, state abbreviations a qualifier position, common-word city names (Liberty,
  /// Split, Reading) a locative context, and a single-word city without a capital, a
  /// preposition of place or a known country behind it needs a sizeable population.
  /// `context_countries` are the document's countries so far: among cities of one name, one in
  /// them wins (Salisbury in a story about Zimbabwe is Harare's old name).
  const NameSense* choose(std::span<const NameSense> senses, const NameContext& context,
                          std::span<const std::string> context_countries) const;

  /// `sense` as a place, its country code as it stood in `year`.
  ResolvedPlace to_place(const NameSense& sense, std::optional<int> year) const;

  /// The country code of `sense` (a demonym's country, a city's, a state's), or empty for a
  /// region spanning countries; as it stood in `year`.
  std::string country_of(const NameSense& sense, std::optional<int> year) const;

  const Gazetteer& gazetteer() const noexcept { return gazetteer_; }

 private:
  bool fits_qualifier(const NameSense& sense, const NameSense& qualifier) const;

  const Gazetteer& gazetteer_;
};

}  // namespace newsdex
