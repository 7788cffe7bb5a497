// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The layout of a newsdex database: term prefixes, value slots and metadata keys.
// docs/SCHEMA.md documents each of these; change both in the same commit.

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace newsdex::schema {

/// Bumped whenever a change makes older databases unreadable or wrong to search.
inline constexpr std::string_view kSchemaVersion = "5";

/// Metadata keys stored in the database.
inline constexpr std::string_view kSchemaKey = "newsdex:schema";
inline constexpr std::string_view kAnalyzerKey = "newsdex:analyzer";

/// Xapian's B-tree block size for the databases newsdex creates and merges into (its default
/// is 8 KiB). Xapian reads a block with a system call each time it needs one: a search with
/// seven facets on Reuters-21578 made 51 reads with 8 KiB blocks, 32 with 16 KiB and 26 with
/// 32 KiB (strace), and its p50 was 2-4% lower with 16 KiB than with 8, no lower with 32
/// (three interleaved rounds of 2,000 searches).
inline constexpr unsigned kBlockSize = 16384;

// Free-text prefixes (Omega conventions where one exists).
// Captions and body are unprefixed; unfielded queries search them and the headline.
inline constexpr std::string_view kHeadline = "S";  // headline words, only under this prefix

/// A free-text term's word and where it is from: `oil` is the text's as written, `Soil` the
/// headline's, `Zoil` and `ZSoil` the same as stems. Only the articles of a language with a
/// stemmer have stems, and only they have no words as written (`TextAnalysis::index_text`).
struct TextTerm {
  std::string_view word;
  bool stem = false;
  bool headline = false;
};

/// `term` as a free-text term, or nullopt for any other (an id's, a facet's). Words start with
/// a lower-case letter, a digit or a non-ASCII byte; prefixes are capitals.
inline std::optional<TextTerm> text_term(std::string_view term) {
  const bool stem = term.starts_with('Z');
  if (stem) term.remove_prefix(1);
  const bool headline = term.starts_with(kHeadline);
  if (headline) term.remove_prefix(kHeadline.size());
  if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z')) return std::nullopt;
  return TextTerm{term, stem, headline};
}

// Boolean (filter and facet) prefixes. Values keep their case so a facet value printed to a
// user can be used verbatim as a filter.
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kFormat = "XF";
inline constexpr std::string_view kSource = "XS";
inline constexpr std::string_view kLanguage = "L";
inline constexpr std::string_view kDay = "D";    // YYYYMMDD
inline constexpr std::string_view kMonth = "M";  // YYYYMM
inline constexpr std::string_view kYear = "Y";   // YYYY
inline constexpr std::string_view kSourceTag = "XT";  // kind ':' value, tags the source provides
// What newsdex extracted. No prefix below is the start of another, so listing the terms of one
// (`allterms_begin`) never meets those of another.
inline constexpr std::string_view kCountry = "XC";       // ISO alpha-2: filed from or about
inline constexpr std::string_view kCity = "XG";          // "Tirana, AL": named in the text
inline constexpr std::string_view kPerson = "XP";        // canonical name
inline constexpr std::string_view kOrganization = "XO";  // canonical name
inline constexpr std::string_view kFiledCountry = "XDC";  // the dateline's country
inline constexpr std::string_view kFiledCity = "XDG";     // the dateline's city, "Tirana, AL"

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;    // YYYYMMDD, sortable
inline constexpr Xapian::valueno kSourceSlot = 1;  // source name
inline constexpr Xapian::valueno kLanguageSlot = 2;
inline constexpr Xapian::valueno kFormatSlot = 3;
inline constexpr Xapian::valueno kCountrySlot = 4;
inline constexpr Xapian::valueno kCitySlot = 5;
inline constexpr Xapian::valueno kPersonSlot = 6;
inline constexpr Xapian::valueno kOrganizationSlot = 7;
inline constexpr Xapian::valueno kFiledCountrySlot = 8;
inline constexpr Xapian::valueno kFiledCitySlot = 9;
inline constexpr Xapian::valueno kDuplicateSlot = 10;  // duplicate_key of the body: collapse key
/// The stored article (`indexer/stored_article.h`), in a value rather than the document data,
/// which Xapian compresses with zlib: slower to write and to read than zstd.
inline constexpr Xapian::valueno kArticleSlot = 11;

/// How a facet's values read to people.
enum class FacetLabels {
  none,     ///< the value is its own label
  country,  ///< ISO codes, labelled with the country's English name (`AL` → `Albania`)
};

/// A facet: the values of one kind an article has, stored twice: as boolean terms
/// (`term_prefix` + value) for filtering, and packed into one value slot for counting.
struct FacetField {
  std::string_view name;  ///< the name users type: `--filter source=Reuters`
  std::string_view term_prefix;
  Xapian::valueno slot;
  FacetLabels labels = FacetLabels::none;
};

inline constexpr FacetField kFacetFields[] = {
    {"source", kSource, kSourceSlot, FacetLabels::none},
    {"language", kLanguage, kLanguageSlot, FacetLabels::none},
    {"format", kFormat, kFormatSlot, FacetLabels::none},
    {"country", kCountry, kCountrySlot, FacetLabels::country},
    {"city", kCity, kCitySlot, FacetLabels::none},
    {"person", kPerson, kPersonSlot, FacetLabels::none},
    {"organization", kOrganization, kOrganizationSlot, FacetLabels::none},
    {"dateline_country", kFiledCountry, kFiledCountrySlot, FacetLabels::country},
    {"dateline_city", kFiledCity, kFiledCitySlot, FacetLabels::none},
};

/// The facet users call `name`, or nullptr when there is none.
const FacetField* find_facet_field(std::string_view name);

/// Separates the values of a multi-valued facet packed into one slot.
inline constexpr char kValueSeparator = '\x1f';

/// A city as the city facets hold it: `Tirana, AL`, the name and the country code.
std::string city_value(std::string_view name, std::string_view country);

/// Xapian terms are limited to ~245 bytes; longer boolean terms are shortened with a hash.
std::string boolean_term(std::string_view prefix, std::string_view value);

}  // namespace newsdex::schema
