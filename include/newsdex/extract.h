// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "newsdex/article.h"
#include "newsdex/reader.h"

namespace newsdex {

/// Where a name is written in an article.
struct ExtractedMention {
  std::string text;         ///< the words as written: `Teheran`, `PM Rama` → `Rama`
  std::string field;        ///< `"headline"`, `"caption"` or `"body"`
  std::size_t caption = 0;  ///< which of `Article::captions`, when `field` is `"caption"`
  std::size_t start = 0;    ///< UTF-8 byte offset into the field
  std::size_t end = 0;      ///< one past the last byte
};

/// A country, city or region an article is about.
struct ExtractedPlace {
  std::string name;     ///< display name: `Tehran` (for `Teheran`), `Albania`, `Balkans`
  std::string kind;     ///< `"country"`, `"city"` or `"region"` (also US states, provinces)
  std::string country;  ///< ISO 3166-1 alpha-2 it lies in; empty for a region spanning countries
  std::string id;       ///< GeoNames id of a city, ISO code of a country or state, region name
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::vector<ExtractedMention> mentions;
};

/// A person or organisation an article names.
struct ExtractedEntity {
  /// One name per entity: the longest form in the article (`Edi Rama` for `Rama` and `PM
  /// Rama`), or the name newsdex's table gives a known organisation (`NATO`).
  std::string name;
  /// Acronyms of an organisation, defined in the text (`MEK`) or known (`IMF`).
  std::vector<std::string> aliases;
  std::vector<ExtractedMention> mentions;
};

/// Where a story was filed from, as its dateline says.
struct ExtractedDateline {
  std::string text;     ///< as written: `Tirana, Albania – | 07 Sept 2022 (Tirana Echo)`
  std::string city;     ///< `Tirana`; empty when only the country or state is known
  std::string city_id;  ///< GeoNames id of the city
  std::string country;  ///< ISO 3166-1 alpha-2; empty when the places did not resolve
  std::string source;   ///< agency or paper in the dateline: `Tirana Echo`, `Reuters`
  std::optional<double> latitude;
  std::optional<double> longitude;
};

/// What newsdex extracts from one article, without indexing it.
struct ExtractedArticle {
  /// The article as read.
  Article article;
  /// Publication date, `YYYY-MM-DD` (`YYYY-MM` or `YYYY` when only that is known); empty
  /// rather than guessed.
  std::optional<std::string> date;
  /// Where the date came from: `"stated"`, `"dateline"`, `"url"`, `"path"` or `"text"`.
  std::string date_source;
  /// Language code as stated, else detected (`en`, `de`; `und` when it cannot be told).
  std::string language;
  /// Agency or publisher: as stated, else from the dateline.
  std::string source;
  std::optional<ExtractedDateline> dateline;
  /// The country facet: ISO 3166-1 alpha-2 codes (former states such as SU, DD, YU for dates
  /// when they existed), the dateline's first, then the countries the article is about.
  std::vector<std::string> countries;
  std::vector<ExtractedPlace> places;
  std::vector<ExtractedEntity> people;
  std::vector<ExtractedEntity> organizations;
  /// What was wrong with the input and ignored: `date '30 Feb 2022' is not a valid date`.
  std::vector<std::string> warnings;
};

/// Extracts dates, dateline, places, people and organisations from `article`.
///
/// Thread-safe. The first call loads the gazetteer compiled into the library (about 0.2 s);
/// nothing is read from disk or the network. Throws `Error` (`internal`) only if ICU's data is
/// unusable.
///
///     ExtractedArticle e = extract(article);
///     for (const ExtractedEntity& person : e.people) std::cout << person.name << '\n';
ExtractedArticle extract(const Article& article);

/// Callbacks of `extract_articles`. Each may be empty.
struct ExtractCallbacks {
  /// Called once per article, in input order, from the calling thread.
  std::function<void(ExtractedArticle&&)> on_article;
  /// Called for every reader warning and skipped record.
  std::function<void(const ReadIssue&)> on_issue;
};

/// Reads every article under `paths` as `read_articles` does and extracts it; no database is
/// involved. Bad input is reported through `callbacks.on_issue`, never thrown.
ReadSummary extract_articles(const std::vector<std::string>& paths, const ReadOptions& options,
                             const ExtractCallbacks& callbacks);

}  // namespace newsdex
