// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/metadata.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>

#include "analyzers/text_scanner.h"

namespace newsdex {

namespace {

// A dateline or a publication date stands within the first few lines of a story.
constexpr std::size_t kFirstParagraphBytes = 400;
// Dates before the telegraph age are amounts or typos in news archives.
constexpr int kMinYear = 1850;

// Words that announce the date a text was published: "Published 7 September 2022",
// "Updated: Sept. 7, 2022".
constexpr auto kDateCues =
    std::to_array<std::string_view>({"date", "dated", "posted", "published", "updated"});

bool has_day(const std::optional<CivilDate>& date) { return date && date->day != 0; }

std::string_view first_paragraph(std::string_view body) {
  return body.substr(0, std::min(body.find("\n\n"), kFirstParagraphBytes));
}

CivilDate today() {
  const std::chrono::year_month_day ymd{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return CivilDate{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day())};
}

bool plausible(const CivilDate& date) { return date.year >= kMinYear && date <= today(); }

// A date that opens the first paragraph, or follows a word announcing it; any other date there
// is an event the story reports.
std::optional<CivilDate> date_in_text(std::string_view paragraph, const DateContext& context) {
  const auto found = find_date(paragraph, context);
  if (!found || !found->year_stated || found->date.day == 0 || !plausible(found->date)) {
    return std::nullopt;
  }
  const std::vector<detail::ScannedWord> before =
      detail::scan_words(paragraph.substr(0, found->start));
  const bool opens = before.empty();
  const bool announced = !before.empty() && std::find(kDateCues.begin(), kDateCues.end(),
                                                      before.back().key) != kDateCues.end();
  if (!opens && !announced) return std::nullopt;
  return found->date;
}

// Whether an article is about a country it refers to: it names the country, or refers to it in
// its headline or more than once. One passing "Canadian dlrs"-like demonym, a city or a company
// abroad is not what a story is about: on Reuters-21578 such single references were wrong (not
// in the gold PLACES) about 17 times out of 18.
bool is_about(const CountryMentions& country) {
  if (country.named > 0 || country.mentions.size() >= 2) return true;
  return std::any_of(country.mentions.begin(), country.mentions.end(),
                     [](const Mention& m) { return m.field == TextField::headline; });
}

}  // namespace

std::string_view to_string(DateSource source) noexcept {
  switch (source) {
    case DateSource::stated:
      return "stated";
    case DateSource::dateline:
      return "dateline";
    case DateSource::url:
      return "url";
    case DateSource::path:
      return "path";
    case DateSource::text:
      break;
  }
  return "text";
}

ArticleMetadata extract_metadata(const Article& article, const MetadataOptions& options) {
  ArticleMetadata metadata;
  DateContext context;
  if (article.language.size() >= 2) context.language = article.language.substr(0, 2);
  std::optional<CivilDate> stated;
  if (!article.date.empty()) {
    stated = parse_date(article.date, context);
    if (!stated) {
      metadata.warnings.push_back(
          fmt::format("date '{}' is not a valid date; ignored", article.date));
    }
  }
  context.reference = stated;

  // The dateline as the reader marked it, else at the start of the body. When the body opens
  // with it, its places are where the story was filed from and not read as mentions.
  const std::string_view paragraph = first_paragraph(article.body);
  std::optional<Dateline> in_body = parse_dateline(paragraph, context);
  if (!article.dateline.empty())
    metadata.dateline = parse_dateline_field(article.dateline, context);
  if (!metadata.dateline) metadata.dateline = in_body;
  const std::size_t body_skip = in_body ? in_body->length : 0;

  metadata.source = article.source;
  if (metadata.source.empty() && metadata.dateline) metadata.source = metadata.dateline->source;

  if (has_day(stated)) {
    metadata.date = stated;
  } else if (metadata.dateline && has_day(metadata.dateline->date)) {
    metadata.date = metadata.dateline->date;
    metadata.date_source = DateSource::dateline;
  } else {
    for (const auto& [text, source] :
         {std::pair{std::string_view(article.url), DateSource::url},
          std::pair{std::string_view(article.source_path), DateSource::path}}) {
      const auto found = find_date(text, context);
      if (found && found->year_stated && found->date.day != 0 && plausible(found->date)) {
        metadata.date = found->date;
        metadata.date_source = source;
        break;
      }
    }
    if (!metadata.date) {
      if (const auto date = date_in_text(paragraph.substr(body_skip), context)) {
        metadata.date = date;
        metadata.date_source = DateSource::text;
      }
    }
    if (!metadata.date && stated) metadata.date = stated;
  }

  const std::optional<int> year =
      metadata.date ? std::optional<int>(metadata.date->year) : std::nullopt;
  const EntityExtractor& extractor = EntityExtractor::builtin();
  // Namesake cities are told apart by the dateline's country as it is known today (RU), the
  // facet reports it as it stood then (SU).
  std::optional<DatelinePlace> filed_today;
  if (metadata.dateline) {
    filed_today = extractor.places().resolve_dateline(*metadata.dateline, std::nullopt);
    metadata.filed_from =
        year ? extractor.places().resolve_dateline(*metadata.dateline, year) : filed_today;
  }
  if (metadata.filed_from) metadata.countries.push_back(metadata.filed_from->country);
  if (!options.entities) return metadata;

  std::vector<FieldText> fields;
  fields.push_back({TextField::headline, 0, article.headline, 0});
  for (std::size_t i = 0; i < article.captions.size(); ++i) {
    fields.push_back({TextField::caption, static_cast<std::uint32_t>(i), article.captions[i], 0});
  }
  fields.push_back({TextField::body, 0, article.body, body_skip});
  EntityContext entity_context;
  entity_context.year = year;
  entity_context.language = article.language;
  if (filed_today) entity_context.countries.push_back(filed_today->country);
  Entities entities = extractor.extract(fields, entity_context);
  for (const CountryMentions& country : entities.countries) {
    if (is_about(country) && std::find(metadata.countries.begin(), metadata.countries.end(),
                                       country.code) == metadata.countries.end()) {
      metadata.countries.push_back(country.code);
    }
  }
  metadata.country_mentions = std::move(entities.countries);
  metadata.places = std::move(entities.places);
  metadata.people = std::move(entities.people);
  metadata.organizations = std::move(entities.organizations);
  return metadata;
}

}  // namespace newsdex
