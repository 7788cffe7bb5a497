// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/schema.h"

#include "analyzers/fnv1a.h"

#include <fmt/format.h>

namespace newsdex::schema {

namespace {

// Glass rejects terms over 245 bytes; leave room for the prefix and the hash.
constexpr std::size_t kMaxTermBytes = 240;


}  // namespace

const FacetField* find_facet_field(std::string_view name) {
  for (const FacetField& field : kFacetFields) {
    if (field.name == name) return &field;
  }
  return nullptr;
}

std::string city_value(std::string_view name, std::string_view country) {
  return fmt::format("{}, {}", name, country);
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term;
  term.reserve(prefix.size() + value.size());
  term.append(prefix).append(value);
  if (term.size() <= kMaxTermBytes) return term;
  // Cut on a UTF-8 character boundary so the kept part stays valid text.
  std::size_t cut = kMaxTermBytes - 17;
  while (cut > prefix.size() && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}#{:016x}", term.substr(0, cut), fnv1a(value));
}

}  // namespace newsdex::schema
