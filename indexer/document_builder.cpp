// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/document_builder.h"

#include <algorithm>

#include "analyzers/duplicate_key.h"
#include "analyzers/language_identifier.h"
#include "analyzers/metadata.h"
#include "indexer/schema.h"
#include "indexer/stored_article.h"

namespace newsdex {

namespace {

// BM25 sees the headline's words this many times over, so a word in the headline outweighs
// the same word in a paragraph or two of body text.
constexpr Xapian::termcount kHeadlineWeight = 3;
// A gap larger than any phrase or NEAR window keeps phrases from spanning two fields.
constexpr Xapian::termpos kFieldGap = 100;

void add_facet(Xapian::Document& doc, const schema::FacetField& field, const std::string& value) {
  if (value.empty()) return;
  doc.add_boolean_term(schema::boolean_term(field.term_prefix, value));
  doc.add_value(field.slot, value);
}

// Values of a multi-valued facet: one term each, packed into one slot; repeated values once.
void add_facet_values(Xapian::Document& doc, const schema::FacetField& field,
                      const std::vector<std::string>& values) {
  std::string packed;
  std::vector<std::string_view> seen;
  for (const std::string& value : values) {
    if (value.empty() || std::find(seen.begin(), seen.end(), value) != seen.end()) continue;
    seen.push_back(value);
    doc.add_boolean_term(schema::boolean_term(field.term_prefix, value));
    if (!packed.empty()) packed.push_back(schema::kValueSeparator);
    packed += value;
  }
  if (!packed.empty()) doc.add_value(field.slot, packed);
}

// "Tirana, AL": a city's name alone is ambiguous across countries (Portland, Victoria).
std::string city_value(const ResolvedPlace& city) {
  return schema::city_value(city.name, city.country);
}

std::vector<std::string> names_of(const std::vector<NamedEntity>& entities) {
  std::vector<std::string> names;
  for (const NamedEntity& entity : entities) names.push_back(entity.name);
  return names;
}

const schema::FacetField& facet_field(std::string_view name) {
  if (const schema::FacetField* field = schema::find_facet_field(name)) return *field;
  throw std::logic_error("unknown facet field");
}

}  // namespace

DocumentBuilder::DocumentBuilder(const MetadataOptions& metadata) : metadata_options_(metadata) {}

BuiltDocument DocumentBuilder::build(const Article& article) {
  BuiltDocument built;
  Xapian::Document& doc = built.document;
  const std::string language = identify_language(article);

  // The headline only under its prefix: unfielded queries search both vocabularies, so a
  // second, unprefixed copy would only make the index bigger and the indexer slower.
  Xapian::termpos position = 0;
  analysis_.index_text(doc, position, language, article.headline, kHeadlineWeight,
                       schema::kHeadline);
  for (const std::string& caption : article.captions) {
    position += kFieldGap;
    analysis_.index_text(doc, position, language, caption);
  }
  position += kFieldGap;
  analysis_.index_text(doc, position, language, article.body);

  if (const std::string key = duplicate_key(article.body); !key.empty()) {
    doc.add_value(schema::kDuplicateSlot, key);
  }

  built.id_term = schema::boolean_term(schema::kId, article.id);
  doc.add_boolean_term(built.id_term);

  const ArticleMetadata metadata = extract_metadata(article, metadata_options_);
  add_facet(doc, facet_field("source"), metadata.source);
  add_facet(doc, facet_field("language"), language);
  add_facet(doc, facet_field("format"), article.format);
  for (const auto& [kind, values] : article.tags) {
    for (const std::string& value : values) {
      doc.add_boolean_term(schema::boolean_term(schema::kSourceTag, kind + ':' + value));
    }
  }
  add_facet_values(doc, facet_field("country"), metadata.countries);
  std::vector<std::string> cities;
  if (metadata.filed_from && metadata.filed_from->city) {
    const std::string city = city_value(*metadata.filed_from->city);
    add_facet(doc, facet_field("dateline_city"), city);
    cities.push_back(city);
  }
  if (metadata.filed_from) add_facet(doc, facet_field("dateline_country"), metadata.filed_from->country);
  for (const PlaceMentions& place : metadata.places) {
    if (place.place.kind == PlaceKind::city) cities.push_back(city_value(place.place));
  }
  add_facet_values(doc, facet_field("city"), cities);
  add_facet_values(doc, facet_field("person"), names_of(metadata.people));
  add_facet_values(doc, facet_field("organization"), names_of(metadata.organizations));

  StoredArticle stored{.article = article, .date = std::nullopt, .source = metadata.source};
  if (const auto& date = metadata.date) {
    stored.date = date->iso();
    if (date->day != 0) {
      const std::string compact = date->compact();
      doc.add_value(schema::kDateSlot, compact);
      doc.add_boolean_term(std::string(schema::kDay) + compact);
    }
    if (date->month != 0) {
      doc.add_boolean_term(std::string(schema::kMonth) + date->iso().substr(0, 4) +
                           date->iso().substr(5, 2));
    }
    doc.add_boolean_term(std::string(schema::kYear) + date->iso().substr(0, 4));
  }
  doc.add_value(schema::kArticleSlot, compress_stored_article(encode_stored_article(stored)));
  built.written_forms = analysis_.take_written_forms();
  return built;
}

}  // namespace newsdex
