// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsdex/extract.h"

#include "analyzers/language_identifier.h"
#include "analyzers/metadata.h"
#include "api/translate_errors.h"

namespace newsdex {

namespace {

const std::string& field_text(const Article& article, const Mention& mention) {
  switch (mention.field) {
    case TextField::headline:
      return article.headline;
    case TextField::caption:
      return article.captions.at(mention.caption);
    case TextField::body:
      break;
  }
  return article.body;
}

std::vector<ExtractedMention> to_public(const Article& article,
                                        const std::vector<Mention>& mentions) {
  std::vector<ExtractedMention> result;
  result.reserve(mentions.size());
  for (const Mention& m : mentions) {
    result.push_back(ExtractedMention{
        .text = field_text(article, m).substr(m.start, m.end - m.start),
        .field = std::string(to_string(m.field)),
        .caption = m.caption,
        .start = m.start,
        .end = m.end,
    });
  }
  return result;
}

std::vector<ExtractedEntity> to_public(const Article& article,
                                       const std::vector<NamedEntity>& entities) {
  std::vector<ExtractedEntity> result;
  result.reserve(entities.size());
  for (const NamedEntity& e : entities) {
    result.push_back(ExtractedEntity{
        .name = e.name, .aliases = e.aliases, .mentions = to_public(article, e.mentions)});
  }
  return result;
}

}  // namespace

ExtractedArticle extract(const Article& article) {
  return detail::translate_errors(article.id, [&] {
    ArticleMetadata metadata = extract_metadata(article);
    ExtractedArticle e;
    if (metadata.date) {
      e.date = metadata.date->iso();
      e.date_source = to_string(metadata.date_source);
    }
    e.language = identify_language(article);
    e.source = metadata.source;
    if (metadata.dateline) {
      ExtractedDateline dateline{.text = metadata.dateline->text,
                                 .city = {},
                                 .city_id = {},
                                 .country = {},
                                 .source = metadata.dateline->source,
                                 .latitude = std::nullopt,
                                 .longitude = std::nullopt};
      if (const auto& filed = metadata.filed_from) {
        dateline.country = filed->country;
        if (filed->city) {
          dateline.city = filed->city->name;
          dateline.city_id = filed->city->id;
        }
        if (filed->point) {
          dateline.latitude = filed->point->lat;
          dateline.longitude = filed->point->lon;
        }
      }
      e.dateline = std::move(dateline);
    }
    e.countries = std::move(metadata.countries);
    for (const PlaceMentions& p : metadata.places) {
      ExtractedPlace place{.name = p.place.name,
                           .kind = std::string(to_string(p.place.kind)),
                           .country = p.place.country,
                           .id = p.place.id,
                           .latitude = std::nullopt,
                           .longitude = std::nullopt,
                           .mentions = to_public(article, p.mentions)};
      if (p.place.point) {
        place.latitude = p.place.point->lat;
        place.longitude = p.place.point->lon;
      }
      e.places.push_back(std::move(place));
    }
    e.people = to_public(article, metadata.people);
    e.organizations = to_public(article, metadata.organizations);
    e.warnings = std::move(metadata.warnings);
    e.article = article;
    return e;
  });
}

ReadSummary extract_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                             const ExtractCallbacks& callbacks) {
  ReadCallbacks read;
  read.on_issue = callbacks.on_issue;
  read.on_article = [&](Article&& article) {
    ExtractedArticle extracted = extract(article);
    if (callbacks.on_article) callbacks.on_article(std::move(extracted));
  };
  return read_articles(paths, options, read);
}

}  // namespace newsdex
