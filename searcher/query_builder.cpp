// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/query_builder.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <unordered_set>

#include "analyzers/gazetteer.h"
#include "analyzers/language_identifier.h"
#include "indexer/schema.h"
#include "newsdex/error.h"
#include "searcher/query_fields.h"
#include "searcher/query_syntax.h"
#include "searcher/slot_filter_source.h"

namespace newsdex {

namespace {

// Fields whose values are words of the article, analysed like any other query word; the
// values of filter fields are resolved against the facet terms (query_fields.h).
constexpr std::string_view kHeadlineField = "headline";
constexpr std::string_view kBodyField = "body";  // captions and body: the unprefixed terms
constexpr std::string_view kTextFields[] = {kHeadlineField, kBodyField};
constexpr std::string_view kDateField = "date";  // a filter with ranges of its own

// Every field the query language knows, text and filter alike, for the syntax check.
constexpr std::string_view kQueryFields[] = {
    "headline",      "body",    "person", "org",      "organization",
    "place",         "country", "city",   "dateline", "dateline_country",
    "dateline_city", "source",  "lang",   "language", "format",
    kDateField};

// Words a wildcard expands to, in Xapian's expansion over the index's terms and beside it.
constexpr Xapian::termcount kMaxWildcardExpansion = 500;
// A language of at most this many articles has their terms kept in memory, so that a query
// can tell without the index whether they hold its terms: an archive's misdetected articles
// (Reuters-21578 has three, in Italian and Portuguese) would otherwise add a branch, and a
// filter to the main language's, to every query.
constexpr Xapian::doccount kFewArticles = 50;

// Whether Xapian splits `character` as a CJK one: a doubled character parses as the
// character and the pair.
bool splits_character(const std::string& character) {
  const Xapian::Query parsed = Xapian::QueryParser().parse_query(character + character);
  return std::distance(parsed.get_unique_terms_begin(), parsed.get_unique_terms_end()) > 1;
}

// Whether Xapian splits the CJK words of a query into characters and pairs of them, as it
// does in every process whose environment sets XAPIAN_CJK_NGRAM when Xapian first looks
// (QueryParser has no flag to turn it off). The index holds CJK words whole (ICU's word
// breaks), so such a parse matches nothing.
bool xapian_splits_cjk_words() {
  static const bool splits = splits_character("\u4E2D");  // 中
  return splits;
}

struct FilterField {
  std::string_view name;
  std::vector<FieldTarget> targets;
};

std::vector<FilterField> filter_fields() {
  const FieldTarget country{schema::kCountry, FieldMatch::country};
  const FieldTarget city{schema::kCity, FieldMatch::city};
  const FieldTarget filed_country{schema::kFiledCountry, FieldMatch::country};
  const FieldTarget filed_city{schema::kFiledCity, FieldMatch::city};
  const FieldTarget language{schema::kLanguage, FieldMatch::code};
  const FieldTarget organization{schema::kOrganization, FieldMatch::alias,
                                 schema::kOrganizationSlot};
  return {
      {"source", {{schema::kSource, FieldMatch::name}}},
      {"person", {{schema::kPerson, FieldMatch::alias, schema::kPersonSlot}}},
      {"org", {organization}},
      {"organization", {organization}},
      {"country", {country}},
      {"city", {city}},
      {"place", {country, city}},
      {"dateline", {filed_country, filed_city}},
      {"dateline_country", {filed_country}},
      {"dateline_city", {filed_city}},
      {"lang", {language}},
      {"language", {language}},
      {"format", {{schema::kFormat, FieldMatch::code}}},
  };
}

// Whether every article `query` matches has a free-text term that is a stem (`stem`), which
// only the articles of languages with a stemmer have, or else a word as written, which only
// the others have (`schema::TextTerm`).
bool needs_a_text_term(const Xapian::Query& query, bool stem) {
  using Q = Xapian::Query;
  if (query.get_type() == Q::LEAF_TERM) {
    const std::optional<schema::TextTerm> term = schema::text_term(*query.get_unique_terms_begin());
    return term && term->stem == stem;
  }
  // A match of one of these matches all its subqueries; of one of these, at least one; of one
  // of these, its first.
  constexpr Q::op kAll[] = {Q::OP_AND, Q::OP_FILTER, Q::OP_NEAR, Q::OP_PHRASE};
  constexpr Q::op kOne[] = {Q::OP_OR, Q::OP_XOR, Q::OP_SYNONYM, Q::OP_MAX, Q::OP_ELITE_SET};
  constexpr Q::op kFirst[] = {Q::OP_AND_NOT, Q::OP_AND_MAYBE, Q::OP_SCALE_WEIGHT};
  const auto is_one_of = [&](const auto& ops) {
    return std::find(std::begin(ops), std::end(ops), query.get_type()) != std::end(ops);
  };
  const std::size_t parts = query.get_num_subqueries();
  std::size_t needing = 0;  // subqueries that need one
  for (std::size_t i = 0; i < parts; ++i) needing += needs_a_text_term(query.get_subquery(i), stem);
  if (is_one_of(kAll)) return needing > 0;
  if (is_one_of(kOne)) return parts > 0 && needing == parts;
  return is_one_of(kFirst) && parts > 0 && needs_a_text_term(query.get_subquery(0), stem);
}

// The words QueryParser may stem or stop in `normalized` (as `normalize_query` leaves a
// query): its runs of characters other than spaces and query syntax. Field names, operators
// and filter values come along; they only make two languages' signatures differ more often.
std::vector<std::string> parsed_words(std::string_view normalized) {
  const auto in_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == ',' ||
           (c & 0x80) != 0;
  };
  std::vector<std::string> words;
  for (std::size_t i = 0; i < normalized.size();) {
    if (!in_word(normalized[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < normalized.size() && in_word(normalized[end])) ++end;
    words.emplace_back(normalized.substr(i, end - i));
    i = end;
  }
  return words;
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, FacetOrdinals& ordinals)
    : db_(db), ordinals_(&ordinals) {
  for (const bool stemmed : {false, true}) {
    Xapian::QueryParser& parser = parsers_[stemmed];
    parser.set_database(db);
    // All words must match, as news readers expect from a search box; OR is one keyword away.
    parser.set_default_op(Xapian::Query::OP_AND);
    // The headline is indexed only under its prefix, the rest of the text only without one:
    // an unfielded word is looked for in both, each term weighed by BM25 in its own right.
    const std::string headline = TextAnalysis::term_prefix(schema::kHeadline, stemmed);
    const std::string rest = TextAnalysis::term_prefix("", stemmed);
    parser.add_prefix("", rest);
    parser.add_prefix("", headline);
    parser.add_prefix(std::string(kHeadlineField), headline);
    parser.add_prefix(std::string(kBodyField), rest);
    // Filters in the query text: `source:Reuters`, `country:albania`, `person:"Edi Rama"`.
    for (const FilterField& field : filter_fields()) {
      parser.add_boolean_prefix(std::string(field.name),
                                (new FacetFieldProcessor(db, ordinals, field.targets))->release());
    }
    parser.add_boolean_prefix(std::string(kDateField),
                              (new DateFieldProcessor(ordinals))->release());
    // `cyber*` expands to the 500 most frequent words it starts, not to every one of them.
    parser.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  }
}

const std::map<std::string, std::vector<std::string>>& QueryBuilder::languages_by_analysis() {
  if (!languages_by_analysis_.empty()) return languages_by_analysis_;
  const std::string prefix(schema::kLanguage);
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    const std::string language = (*it).substr(prefix.size());
    languages_by_analysis_[analysis_.analysis_key(language)].push_back(language);
  }
  if (languages_by_analysis_.empty()) {
    languages_by_analysis_[analysis_.analysis_key(kUndeterminedLanguage)] = {
        std::string(kUndeterminedLanguage)};
  }
  return languages_by_analysis_;
}

void QueryBuilder::check_no_split_words(std::string_view query, std::string_view normalized) {
  if (!xapian_splits_cjk_words()) return;
  // Only text is split: a filter's value reaches its field processor whole.
  for (const QueryWord& word : free_text_words(normalized, kTextFields)) {
    const std::string_view text = normalized.substr(word.begin, word.end - word.begin);
    const auto length = static_cast<std::int32_t>(text.size());
    for (std::int32_t i = 0; i < length;) {
      const std::int32_t begin = i;
      U8_FWD_1(text.data(), i, length);
      if (i - begin == 1) continue;
      const std::string character(text.substr(begin, i - begin));
      auto [known, is_new] = split_characters_.try_emplace(character, false);
      if (is_new) known->second = splits_character(character);
      if (known->second) {
        throw Error(ErrorCode::invalid_query,
                    fmt::format("cannot search '{}': XAPIAN_CJK_NGRAM is set in this process's "
                                "environment, so Xapian splits its CJK words into characters, "
                                "which newsdex does not index; unset it",
                                query),
                    std::string(query));
      }
    }
  }
}

std::vector<std::string> QueryBuilder::words_beyond_stems(std::string_view pattern) const {
  std::vector<std::string> words;
  std::set<std::string, std::less<>> stems;
  const std::string prefix(pattern);
  for (auto word = db_.synonym_keys_begin(prefix);
       word != db_.synonym_keys_end(prefix) && words.size() < kMaxWildcardExpansion; ++word) {
    for (auto stem = db_.synonyms_begin(*word); stem != db_.synonyms_end(*word); ++stem) {
      if (!(*stem).starts_with(pattern) && stems.insert(*stem).second) {
        words.push_back(*word);
        break;
      }
    }
  }
  return words;
}

const std::map<std::string, std::unordered_set<std::string>>&
QueryBuilder::terms_of_languages_with_few_articles() {
  if (few_articles_terms_) return *few_articles_terms_;
  few_articles_terms_.emplace();
  const std::string prefix(schema::kLanguage);
  for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
    if (it.get_termfreq() > kFewArticles) continue;
    std::unordered_set<std::string>& terms = (*few_articles_terms_)[(*it).substr(prefix.size())];
    for (auto article = db_.postlist_begin(*it); article != db_.postlist_end(*it); ++article) {
      for (auto term = db_.termlist_begin(*article); term != db_.termlist_end(*article); ++term) {
        terms.insert(*term);
      }
    }
  }
  return *few_articles_terms_;
}

bool QueryBuilder::held_by_no_article_of(const Xapian::Query& query,
                                         const std::set<std::string>& languages) {
  const std::map<std::string, std::unordered_set<std::string>>& few =
      terms_of_languages_with_few_articles();
  for (const std::string& language : languages) {
    const auto terms = few.find(language);
    if (terms == few.end()) return false;
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
      if (terms->second.contains(*term)) return false;
    }
  }
  return true;
}

Xapian::Query QueryBuilder::parse(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Xapian::Query::MatchAll;
  }
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
  // Each article was stemmed in its own language, and only its language's stemmer makes its
  // `Z` terms, so the query is parsed once per way the database's languages are analysed
  // (stemmer and stopwords) and each parse matches only the articles of those languages: no
  // article is matched, or weighed, twice, and `-word` excludes in every language. Languages
  // whose parses come out alike share one branch; when all do, nothing is filtered. Measured
  // on Reuters-21578 plus the multilingual samples (13 analyses, 400 one- and two-word
  // queries): 217 µs per match unmerged, 109 µs merged, 33 µs for one unfiltered English parse.
  // Each branch is kept to its languages by the language slot's ordinals, an array read per
  // match, where language terms opened up to six postings lists a branch.
  const std::map<std::string, std::vector<std::string>>& languages_by_analysis =
      this->languages_by_analysis();
  const std::string normalized =
      analysis_.normalize_query(check_query_syntax(text, kQueryFields, kTextFields), kTextFields);
  check_no_split_words(text, normalized);
  // Parsing is most of the cost of building a query: analyses that stem and stop this query's
  // words alike are parsed once. On Reuters-21578, whose misdetected articles bring seven
  // analyses beside English, 200 headline words took 2.8 parses on average instead of eight.
  // The words a wildcard brings are stemmed too, and stem differently in different languages.
  const std::string with_wildcards =
      with_wildcard_words(normalized, kTextFields,
                          [this](std::string_view pattern) { return words_beyond_stems(pattern); });
  const std::vector<std::string> words = parsed_words(with_wildcards);
  std::map<std::string, std::vector<std::string>> languages_by_signature;
  for (const auto& [key, languages] : languages_by_analysis) {
    std::vector<std::string>& alike =
        languages_by_signature[analysis_.parse_signature(languages.front(), words)];
    alike.insert(alike.end(), languages.begin(), languages.end());
  }
  try {
    // The serialised parse → the parse and the languages it is for.
    std::map<std::string, std::pair<Xapian::Query, std::set<std::string>>> branches;
    for (const auto& [signature, languages] : languages_by_signature) {
      Xapian::QueryParser& parser = parsers_[!analysis_.stemmer(languages.front()).is_none()];
      analysis_.configure(parser, languages.front());
      Xapian::Query query = parser.parse_query(with_wildcards, flags);
      auto& [branch_query, branch_languages] = branches[query.serialise()];
      branch_query = std::move(query);
      branch_languages.insert(languages.begin(), languages.end());
    }
    if (branches.size() == 1) return branches.begin()->second.first;
    // Only the articles of languages with a stemmer have stems, and only the others words as
    // written: a branch that needs one of these, and is for every language that has them,
    // needs no filter (on Reuters, the stemmed branch of most words, and the branch of the 834
    // articles of no known language).
    std::set<std::string> stemmed;
    std::set<std::string> unstemmed;
    for (const auto& [key, languages] : languages_by_analysis) {
      (analysis_.stemmer(languages.front()).is_none() ? unstemmed : stemmed)
          .insert(languages.begin(), languages.end());
    }
    const SlotOrdinals& languages = ordinals_->slot(schema::kLanguageSlot);
    std::vector<Xapian::Query> filtered;
    for (const auto& [serialised, branch] : branches) {
      const auto& [query, branch_languages] = branch;
      const bool needs_stem = needs_a_text_term(query, true);
      const bool needs_a_term = needs_stem || needs_a_text_term(query, false);
      // A branch whose every match holds one of its terms, for languages of a few articles
      // that hold none of them, matches nothing (the Italian parse of an English word).
      if (needs_a_term && held_by_no_article_of(query, branch_languages)) continue;
      // Nor does it match an article of another language with the same kind of terms whose
      // articles hold none of them: filtering against those is needless (on Reuters, the
      // English branch of most words, against the three misdetected Italian and Portuguese
      // articles).
      std::set<std::string> others;
      std::set_difference(needs_stem ? stemmed.begin() : unstemmed.begin(),
                          needs_stem ? stemmed.end() : unstemmed.end(), branch_languages.begin(),
                          branch_languages.end(), std::inserter(others, others.end()));
      if (needs_a_term && (others.empty() || held_by_no_article_of(query, others))) {
        filtered.push_back(query);
        continue;
      }
      const Xapian::Query in_languages(
          SlotFilterSource::one_of(languages, "language", branch_languages)->release());
      filtered.emplace_back(Xapian::Query::OP_FILTER, query, in_languages);
    }
    return Xapian::Query(Xapian::Query::OP_OR, filtered.begin(), filtered.end());
  } catch (const Xapian::QueryParserError& e) {
    throw Error(ErrorCode::invalid_query,
                fmt::format("malformed query '{}': {}", text, e.get_msg()), std::string(text));
  }
}

Xapian::Query QueryBuilder::date_bucket(const std::string& value) const {
  // Shaped as the date facet prints its buckets, and a date: `date:` reads many more forms.
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  bool bucket = value.size() == 4 || value.size() == 7 || value.size() == 10;
  for (std::size_t i = 0; bucket && i < value.size(); ++i) {
    bucket = i == 4 || i == 7 ? value[i] == '-' : is_digit(value[i]);
  }
  std::string range;  // `date:FIRST_LAST`
  if (bucket) {
    try {
      range = check_query_syntax(std::string(kDateField) + ':' + value, kQueryFields, kTextFields);
    } catch (const Error&) {
      bucket = false;  // `1987-13`
    }
  }
  if (!bucket) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("a date filter takes a date as the date facet prints it (1987, "
                            "1987-03 or 1987-03-02), not '{}'",
                            value),
                value);
  }
  return DateFieldProcessor(*ordinals_)(range.substr(kDateField.size() + 1));
}

Xapian::Query QueryBuilder::apply_filters(Xapian::Query query,
                                          const std::vector<Filter>& filters) const {
  std::map<std::string, std::vector<Xapian::Query>> included;  // by field
  std::vector<Xapian::Query> excluded;
  for (const Filter& filter : filters) {
    if (filter.value.empty()) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("the {} filter needs a value", filter.field), filter.field);
    }
    if (filter.field == kDateField) {
      (filter.exclude ? excluded : included[filter.field]).push_back(date_bucket(filter.value));
      continue;
    }
    const schema::FacetField* field = schema::find_facet_field(filter.field);
    if (field == nullptr) {
      throw Error(ErrorCode::invalid_argument,
                  fmt::format("unknown filter field '{}'", filter.field), filter.field);
    }
    // A country as the terminal prints it (`United States`) is its code (`US`).
    std::string value = filter.value;
    if (field->labels == schema::FacetLabels::country) {
      if (const std::string_view code = builtin_country_code(value); !code.empty()) {
        value = code;
      }
    }
    // Values counted as one (`FacetAliases`) are filtered as one.
    const FacetAliases* aliases = ordinals_->aliases(field->slot);
    const std::vector<std::string> values =
        aliases != nullptr ? aliases->group(value) : std::vector<std::string>{value};
    for (const std::string& value : values) {
      (filter.exclude ? excluded : included[filter.field])
          .emplace_back(schema::boolean_term(field->term_prefix, value));
    }
  }
  for (const auto& [field, values] : included) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_OR, values.begin(), values.end()));
  }
  if (!excluded.empty()) {
    query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                          Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
  }
  return query;
}

}  // namespace newsdex
