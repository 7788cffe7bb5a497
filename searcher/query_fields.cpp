// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/query_fields.h"

#include <cctype>
#include <set>
#include <string>

#include "analyzers/gazetteer.h"
#include "analyzers/text_scanner.h"
#include "indexer/schema.h"
#include "searcher/slot_filter_source.h"

namespace newsdex {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Calls `each(value)` for the facet values under `prefix` that may fold to `key`: values keep
// their case, so only those starting with the key's first letter in either case when it is an
// ASCII letter, else all of them.
template <typename Each>
void for_candidate_values(const Xapian::Database& db, std::string_view prefix,
                          std::string_view key, Each&& each) {
  std::vector<std::string> starts;
  if (!key.empty() && is_ascii_letter(key[0])) {
    starts = {std::string(prefix) + ascii_upper(key.substr(0, 1)),
              std::string(prefix) + ascii_lower(key.substr(0, 1))};
  } else {
    starts = {std::string(prefix)};
  }
  for (const std::string& start : starts) {
    for (auto it = db.allterms_begin(start); it != db.allterms_end(start); ++it) {
      each(std::string_view(*it).substr(prefix.size()), *it);
    }
  }
}

// The part of a city value before its country: `Tirana` of `Tirana, AL`.
std::string_view city_name(std::string_view value) {
  const std::size_t comma = value.rfind(", ");
  return comma == std::string_view::npos ? value : value.substr(0, comma);
}

std::set<std::string> country_codes(std::string_view value) {
  std::set<std::string> codes;
  const Gazetteer& gazetteer = Gazetteer::builtin();
  // `AL` is Albania's code; `UK` is a name of GB, not a code.
  if (value.size() == 2 && gazetteer.country(ascii_upper(value)) != nullptr) {
    codes.insert(ascii_upper(value));
    return codes;
  }
  for (const NameSense& sense : gazetteer.find(detail::name_key(value))) {
    if (sense.target == NameSense::Target::country || sense.target == NameSense::Target::demonym) {
      codes.insert(gazetteer.countries()[sense.index].code);
    }
  }
  return codes;
}

// The facet values (`Name, CC`) of the gazetteer's cities called `value`.
std::set<std::string> city_values(std::string_view value) {
  std::set<std::string> values;
  const Gazetteer& gazetteer = Gazetteer::builtin();
  for (const NameSense& sense : gazetteer.find(detail::name_key(value))) {
    if (sense.target == NameSense::Target::city) {
      const City& city = gazetteer.cities()[sense.index];
      values.insert(schema::city_value(city.name, city.country));
    }
  }
  return values;
}

}  // namespace

FacetFieldProcessor::FacetFieldProcessor(const Xapian::Database& db, FacetOrdinals& ordinals,
                                         std::vector<FieldTarget> targets)
    : db_(db), ordinals_(ordinals), targets_(std::move(targets)) {}

Xapian::Query FacetFieldProcessor::operator()(const std::string& value) {
  std::set<std::string> terms;
  const std::string key = detail::fold_key(value);
  for (const FieldTarget& target : targets_) {
    switch (target.match) {
      case FieldMatch::code:
        terms.insert(schema::boolean_term(target.term_prefix, ascii_lower(value)));
        break;
      case FieldMatch::country:
        for (const std::string& code : country_codes(value)) {
          terms.insert(schema::boolean_term(target.term_prefix, code));
        }
        break;
      case FieldMatch::name:
        for_candidate_values(db_, target.term_prefix, key, [&](std::string_view v, const std::string& term) {
          if (detail::fold_key(v) == key) terms.insert(term);
        });
        break;
      case FieldMatch::alias:
        for (const std::string& value_meant : ordinals_.aliases(target.slot)->named(value)) {
          terms.insert(schema::boolean_term(target.term_prefix, value_meant));
        }
        break;
      case FieldMatch::city:
        // Any name of the city (`Washington` for `Washington D.C.`, `Peking` for Beijing) ...
        for (const std::string& city : city_values(value)) {
          const std::string term = schema::boolean_term(target.term_prefix, city);
          if (db_.term_exists(term)) terms.insert(term);
        }
        // ... or the facet value as printed, in any case.
        for_candidate_values(db_, target.term_prefix, key, [&](std::string_view v, const std::string& term) {
          if (detail::fold_key(city_name(v)) == key || detail::fold_key(v) == key) {
            terms.insert(term);
          }
        });
        break;
    }
  }
  if (terms.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

Xapian::Query DateFieldProcessor::operator()(const std::string& value) {
  const std::size_t separator = value.find('_');
  return Xapian::Query(SlotFilterSource::between(ordinals_.slot(schema::kDateSlot), "date",
                                                 value.substr(0, separator),
                                                 value.substr(separator + 1))
                           ->release());
}

}  // namespace newsdex
