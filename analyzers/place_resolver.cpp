// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/place_resolver.h"

#include <algorithm>

#include "analyzers/text_scanner.h"

namespace newsdex {

namespace {

using Target = NameSense::Target;

// Population a single-word city needs in running text when nothing else speaks for it: below
// this, namesakes of people and things (Hamilton, Victoria, Florence) outnumber the places.
constexpr std::uint32_t kMinPopulation = 50'000;
// At the start of a sentence or in an all-caps line the capital proves nothing.
constexpr std::uint32_t kMinPopulationWeakCase = 250'000;
// A dateline city this big beats a country that only an alias names the same.
constexpr std::uint32_t kMinPopulationDatelineOverCountry = 100'000;
// Locale and variant names of small places are mostly spelling accidents of other words.
constexpr std::uint32_t kMinPopulationLocaleName = 200'000;

// Letters and digits of `text` without points: `U.S.` and `US` compare equal, `us` does not.
// With `ignore_case`, `KAN.` is `Kan.`: an all-caps dateline writes its state that way.
bool same_letters(std::string_view a, std::string_view b, bool ignore_case = false) {
  auto next = [&](std::string_view s, std::size_t& i) {
    while (i < s.size() && (s[i] == '.' || s[i] == ' ')) ++i;
    if (i >= s.size()) return '\0';
    const char c = s[i++];
    return ignore_case && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  };
  std::size_t i = 0;
  std::size_t j = 0;
  for (;;) {
    const char x = next(a, i);
    const char y = next(b, j);
    if (x != y) return false;
    if (x == '\0') return true;
  }
}

bool all_caps(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool contains(std::span<const std::string> codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

NameContext qualifier_context(std::string_view surface) {
  NameContext context;
  context.surface = surface;
  context.qualifier = true;
  return context;
}

std::string_view to_string(PlaceKind kind) noexcept {
  switch (kind) {
    case PlaceKind::country:
      return "country";
    case PlaceKind::city:
      return "city";
    case PlaceKind::region:
      break;
  }
  return "region";
}

std::string PlaceResolver::country_of(const NameSense& sense, std::optional<int> year) const {
  std::string_view code;
  switch (sense.target) {
    case Target::country:
    case Target::demonym:
      code = gazetteer_.countries()[sense.index].code;
      break;
    case Target::city:
      code = gazetteer_.cities()[sense.index].country;
      break;
    case Target::subdivision:
      code = gazetteer_.subdivisions()[sense.index].country;
      break;
    case Target::region:
      return {};
  }
  return std::string(year ? gazetteer_.code_in_year(code, *year) : code);
}

ResolvedPlace PlaceResolver::to_place(const NameSense& sense, std::optional<int> year) const {
  ResolvedPlace place;
  place.country = country_of(sense, year);
  switch (sense.target) {
    case Target::country:
    case Target::demonym: {
      const Country* country = gazetteer_.country(place.country);
      if (country == nullptr) country = &gazetteer_.countries()[sense.index];
      place.kind = PlaceKind::country;
      place.name = country->name;
      place.id = country->code;
      place.point = country->point;
      break;
    }
    case Target::city: {
      const City& city = gazetteer_.cities()[sense.index];
      place.kind = PlaceKind::city;
      place.name = city.name;
      place.id = city.geonameid;
      place.point = city.point;
      break;
    }
    case Target::subdivision: {
      const Subdivision& subdivision = gazetteer_.subdivisions()[sense.index];
      place.kind = PlaceKind::region;
      place.name = subdivision.name;
      place.id = subdivision.code;
      place.point = subdivision.point;
      break;
    }
    case Target::region: {
      const Region& region = gazetteer_.regions()[sense.index];
      place.kind = PlaceKind::region;
      place.name = region.name;
      place.id = region.name;
      break;
    }
  }
  return place;
}

bool PlaceResolver::fits_qualifier(const NameSense& sense, const NameSense& qualifier) const {
  if (sense.target != Target::city) return false;
  const City& city = gazetteer_.cities()[sense.index];
  if (qualifier.target == Target::subdivision) {
    const Subdivision& subdivision = gazetteer_.subdivisions()[qualifier.index];
    return city.country == subdivision.country && city.admin1_code == subdivision.admin1_code;
  }
  if (qualifier.target == Target::country) {
    const std::string& code = gazetteer_.countries()[qualifier.index].code;
    if (city.country == code) return true;
    // A former state qualifies the cities of its successors: "BELGRADE, Yugoslavia".
    const Country* former = gazetteer_.country(code);
    return former != nullptr && std::find(former->successors.begin(), former->successors.end(),
                                          city.country) != former->successors.end();
  }
  return false;
}

const NameSense* PlaceResolver::choose(std::span<const NameSense> senses,
                                       const NameContext& context,
                                       std::span<const std::string> context_countries) const {
  const bool several_words = context.surface.find_first_of(" -") != std::string_view::npos;
  // "Sale" is a word whichever of its towns is meant: Sale (England) is flagged, Salé (Morocco)
  // folds to the same key.
  const bool common_word = std::any_of(senses.begin(), senses.end(), [&](const NameSense& s) {
    return s.common_word || (s.target == Target::city && gazetteer_.cities()[s.index].common_word);
  });
  std::vector<const NameSense*> valid;
  std::vector<const NameSense*> later_states;  // countries that did not exist yet
  for (const NameSense& sense : senses) {
    if (sense.qualifier_only && !context.qualifier) continue;
    if (sense.exact_case && !same_letters(context.surface, sense.name,
                                          context.qualifier && all_caps(context.surface))) {
      continue;
    }
    if (context.qualifier) {
      if (sense.target == Target::country || sense.target == Target::subdivision) return &sense;
      continue;
    }
    if (sense.target == Target::country && sense.kind == NameSense::Kind::locale &&
        !context.foreign_names && is_ascii(context.surface)) {
      continue;
    }
    if (context.acronym && !sense.exact_case &&
        (sense.target == Target::city || sense.target == Target::region)) {
      continue;
    }
    if (sense.target == Target::country && context.year &&
        gazetteer_.code_in_year(gazetteer_.countries()[sense.index].code, *context.year) !=
            gazetteer_.countries()[sense.index].code) {
      later_states.push_back(&sense);
      continue;
    }
    if (sense.target == Target::city && !sense.dateline_city) {
      const City& city = gazetteer_.cities()[sense.index];
      if (common_word && !context.locative) continue;
      // In capitals or at a sentence start, a foreign or generated spelling is too often an
      // English word ("SUES" is Suez in some catalogue).
      if (context.weak_case &&
          (sense.kind == NameSense::Kind::locale || sense.kind == NameSense::Kind::variant)) {
        continue;
      }
      if (context.lower_elsewhere && !context.locative) continue;
      if (!context.located_in.empty() && context.located_in != city.country) continue;
      // In capitals even a name of two words may be a company's ("SANTA ANITA REALTY").
      const bool strong = context.locative || (several_words && !context.weak_case) ||
                          city.capital || contains(context_countries, city.country);
      std::uint32_t needed = 0;
      if (!strong) {
        needed = context.weak_case ? kMinPopulationWeakCase : kMinPopulation;
        if (sense.kind == NameSense::Kind::locale || sense.kind == NameSense::Kind::variant) {
          needed = std::max(needed, kMinPopulationLocaleName);
        }
      }
      if (city.population < needed) continue;
    }
    valid.push_back(&sense);
  }
  // Russia, Ukraine, Croatia in 1987 were parts of their former states, named as such: only
  // when the name means nothing else.
  if (valid.empty() && !later_states.empty()) valid.push_back(later_states.front());
  if (valid.empty()) return nullptr;
  if (context.qualified_by != nullptr) {
    for (const NameSense* sense : valid) {
      if (fits_qualifier(*sense, *context.qualified_by)) return sense;
    }
    return nullptr;
  }
  const NameSense* top = valid.front();
  if (top->target == Target::city && !top->dateline_city) {
    for (const NameSense* sense : valid) {
      if (sense->target == Target::city &&
          contains(context_countries, gazetteer_.cities()[sense->index].country)) {
        return sense;
      }
    }
  }
  return top;
}

std::optional<DatelinePlace> PlaceResolver::resolve_dateline(const Dateline& dateline,
                                                             std::optional<int> year) const {
  if (dateline.places.empty()) return std::nullopt;
  // "LONDON/NEW YORK" names two places, neither qualifying the other: the first is where the
  // story was filed.
  const bool slashed = dateline.text.find('/') != std::string::npos;

  const NameSense* qualifier = nullptr;
  if (!slashed) {
    for (std::size_t i = 1; i < dateline.places.size() && qualifier == nullptr; ++i) {
      const std::string& text = dateline.places[i];
      qualifier = choose(gazetteer_.find(detail::name_key(text)), qualifier_context(text), {});
    }
  }

  const std::string& first = dateline.places.front();
  const std::span<const NameSense> senses = gazetteer_.find(detail::name_key(first));
  const NameSense* chosen = nullptr;
  for (const NameSense& sense : senses) {
    if (sense.qualifier_only) continue;
    if (sense.exact_case && !same_letters(first, sense.name)) continue;
    if (qualifier != nullptr) {
      if (fits_qualifier(sense, *qualifier)) {
        chosen = &sense;
        break;
      }
      continue;
    }
    if (chosen == nullptr) chosen = &sense;
    // Datelines name cities: "SALVADOR" is Salvador (Bahia), not El Salvador by an alias,
    // though a country's own name ("MEXICO") beats a small namesake town.
    if (chosen->target == Target::country && chosen->kind != NameSense::Kind::primary &&
        sense.target == Target::city && sense.kind == NameSense::Kind::primary &&
        gazetteer_.cities()[sense.index].population >= kMinPopulationDatelineOverCountry) {
      chosen = &sense;
      break;
    }
  }

  DatelinePlace result;
  if (chosen != nullptr) {
    ResolvedPlace place = to_place(*chosen, year);
    result.country = place.country;
    result.point = place.point;
    if (place.kind == PlaceKind::city) result.city = std::move(place);
  } else if (qualifier != nullptr) {
    const ResolvedPlace place = to_place(*qualifier, year);
    result.country = place.country;
    result.point = place.point;
  } else {
    return std::nullopt;
  }
  if (!result.point) {
    if (const Country* country = gazetteer_.country(result.country)) result.point = country->point;
  }
  if (result.country.empty()) return std::nullopt;  // a region: "MIDEAST" says no country
  return result;
}

}  // namespace newsdex
