// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/date_parser.h"
#include "analyzers/dateline.h"
#include "analyzers/entity_extractor.h"
#include "analyzers/place_resolver.h"
#include "newsdex/article.h"

namespace newsdex {

/// Where a publication date came from, most trusted first.
enum class DateSource : std::uint8_t {
  stated,    ///< the source's own date field (a JSON `published`, Reuters' `<DATE>`)
  dateline,  ///< the story's dateline (`07 Sept 2022`)
  url,       ///< the article's URL (`/2022/09/07/`)
  path,      ///< the file name (`2022-09-07-slug.txt`)
  text,      ///< a date opening the story's first paragraph, or announced as its date there
};

/// `"stated"`, `"dateline"`, `"url"`, `"path"` or `"text"`.
std::string_view to_string(DateSource source) noexcept;

/// What `extract_metadata` reads besides dates, datelines and the source.
struct MetadataOptions {
  /// Read places, people and organisations in the headline, captions and body. This is the
  /// costly part; without it `countries` holds only the dateline's country.
  bool entities = true;
};

/// What newsdex works out about an article, kept apart from what the source states.
struct ArticleMetadata {
  /// Publication date, from the most trusted evidence there is (see `extract_metadata`).
  std::optional<CivilDate> date;
  /// Where `date` came from; meaningless when `date` is empty.
  DateSource date_source = DateSource::stated;
  /// The dateline at the start of the story, parsed.
  std::optional<Dateline> dateline;
  /// Where the story was filed from: the dateline's places resolved in the gazetteer.
  std::optional<DatelinePlace> filed_from;
  /// The agency or publisher: as stated by the source, else from the dateline.
  std::string source;
  /// The article's country facet, ISO alpha-2 codes as they stood at the publication date:
  /// the dateline's country first, then the countries the article is about, in order of first
  /// mention: those it names, and those it refers to otherwise (by a demonym, a city, a state,
  /// an organisation) in its headline or more than once.
  std::vector<std::string> countries;
  /// Every country the article refers to, with the words that do, in order of first mention;
  /// the dateline is not a mention.
  std::vector<CountryMentions> country_mentions;
  /// Countries, cities and regions the article names ("about", never the dateline).
  std::vector<PlaceMentions> places;
  std::vector<NamedEntity> people;
  std::vector<NamedEntity> organizations;
  /// What was wrong with the input and ignored, for the caller to report ("date '30 Feb 2022'
  /// is not a valid date").
  std::vector<std::string> warnings;
};

/// Extracts an article's metadata.
///
/// The publication date comes from the date the source states, else its dateline (a year-less
/// dateline takes its year from the stated date), else a date in its URL or file name, else a
/// date that opens the first paragraph or is announced there as the date ("Published 7 Sept
/// 2022") — and is left empty rather than guessed: a date mentioned inside the story ("the 15
/// July cyberattack", "on July 15th") is an event date, not the publication date. A stated date
/// that cannot be read or does not exist is reported in `warnings` and not used.
///
/// Thread-safe. The first call builds the gazetteer (about 0.1 s).
ArticleMetadata extract_metadata(const Article& article, const MetadataOptions& options = {});

}  // namespace newsdex
