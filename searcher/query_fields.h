// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <string_view>
#include <vector>

#include "searcher/facet_ordinals.h"

namespace newsdex {

/// How a `field:value` filter of the query language finds its articles.
enum class FieldMatch {
  name,     ///< facet values compared without case or accents: `source:reuters`
  country,  ///< a country code or any name of the country: `country:AL`, `country:albania`
  city,     ///< a city by name, with or without its country: `city:tirana`, `city:"Tirana, AL"`
  code,     ///< a lower-case code: `lang:de`
  alias,    ///< the values a name means (`FacetAliases::named`): `person:reagan`,
            ///< `org:"texas air"` (`Texas Air Corp` too)
};

/// One facet prefix a query field searches, and how its values are matched.
struct FieldTarget {
  std::string_view term_prefix;
  FieldMatch match;
  Xapian::valueno slot = Xapian::BAD_VALUENO;  ///< for `FieldMatch::alias`: a slot with aliases
};

/// A filter field of the query language (`person:`, `place:`, `dateline:`, ...): the value
/// typed is resolved against the database's own facet terms (and the gazetteer for country
/// names), so users need not know how a value is spelled in the index. Several targets are
/// ORed: `place:` means a country or a city named in the article. A value that resolves to
/// nothing matches nothing.
class FacetFieldProcessor : public Xapian::FieldProcessor {
 public:
  /// `ordinals` (of `db`) must outlive the processor, and the queries it makes must not outlive
  /// their next `clear`.
  FacetFieldProcessor(const Xapian::Database& db, FacetOrdinals& ordinals,
                      std::vector<FieldTarget> targets);
  Xapian::Query operator()(const std::string& value) override;

 private:
  Xapian::Database db_;
  FacetOrdinals& ordinals_;
  std::vector<FieldTarget> targets_;
};

/// `date:FIRST_LAST`, as `check_query_syntax` writes every `date:` value: the articles whose
/// publication date lies between the two `YYYYMMDD` bounds, both included, as a
/// `SlotFilterSource` over the date slot's ordinals.
class DateFieldProcessor : public Xapian::FieldProcessor {
 public:
  /// `ordinals` must outlive the processor, and the queries it makes must not outlive their
  /// next `clear`.
  explicit DateFieldProcessor(FacetOrdinals& ordinals) : ordinals_(ordinals) {}
  Xapian::Query operator()(const std::string& value) override;

 private:
  FacetOrdinals& ordinals_;
};

}  // namespace newsdex
