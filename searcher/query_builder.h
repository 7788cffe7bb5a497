// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyzers/text_analysis.h"
#include "newsdex/search.h"
#include "searcher/facet_ordinals.h"

namespace newsdex {

/// Turns query text and filters into Xapian queries, with the same analysis the indexer used.
/// Throws `Error` with `invalid_query` for malformed text, `invalid_argument` for an unknown
/// filter field. Not thread-safe.
class QueryBuilder {
 public:
  /// Queries of `db`, whose `date:` ranges and language branches read the date and language
  /// slots from `ordinals` (of `db` too), which must outlive the builder; a query must not
  /// outlive the ordinals' next `clear`.
  QueryBuilder(const Xapian::Database& db, FacetOrdinals& ordinals);

  /// The query for `text`; an empty or all-space text matches every article.
  Xapian::Query parse(std::string_view text);

  /// `query` restricted by `filters`: values of one field ORed, fields ANDed, exclusions
  /// removed. A `date` filter takes a bucket of the date facet (`1987`, `1987-03`,
  /// `1987-03-02`).
  Xapian::Query apply_filters(Xapian::Query query, const std::vector<Filter>& filters) const;

  /// The analysis its queries are made with, for snippets that must agree with them.
  TextAnalysis& analysis() noexcept { return analysis_; }

  /// The archive's languages, grouped by `TextAnalysis::analysis_key`: read from the language
  /// terms once, not for every query (listing them was a quarter of parsing a one-word query).
  const std::map<std::string, std::vector<std::string>>& languages_by_analysis();

  /// Forgets the archive's languages, for a database reopened at a newer revision.
  void clear() {
    languages_by_analysis_.clear();
    few_articles_terms_.reset();
  }

 private:
  /// The articles of `value`, a bucket of the date facet.
  Xapian::Query date_bucket(const std::string& value) const;

  Xapian::Database db_;  ///< shares the searcher's database, and so its reopens
  FacetOrdinals* ordinals_;  ///< never null
  TextAnalysis analysis_;
  /// For languages without a stemmer and with one: their terms' prefixes differ
  /// (`TextAnalysis::term_prefix`), and a parser's prefixes are there for good.
  Xapian::QueryParser parsers_[2];
  std::map<std::string, std::vector<std::string>> languages_by_analysis_;  ///< empty: not read
  /// Language → every term of its articles, for the languages of few articles; read once.
  std::optional<std::map<std::string, std::unordered_set<std::string>>> few_articles_terms_;
  /// Non-ASCII characters of queries → whether Xapian splits them as CJK characters; filled
  /// only in a process where it splits CJK words at all (`check_no_split_words`).
  std::map<std::string, bool, std::less<>> split_characters_;

  /// Refuses `query` (`normalized` as Xapian would parse it) when Xapian would split a word of
  /// its text into characters: see `xapian_splits_cjk_words` in the source. Filter values
  /// (`person:"习近平"`) are not split, and pass.
  void check_no_split_words(std::string_view query, std::string_view normalized);

  /// The languages of few articles (`kFewArticles`), each with the terms its articles hold.
  const std::map<std::string, std::unordered_set<std::string>>&
  terms_of_languages_with_few_articles();

  /// Whether every one of `languages` is of few articles, none of which holds any term of
  /// `query`. A query whose every match holds one of its terms (`needs_a_text_term` in the
  /// source) then matches none of them; its wildcards' words need not be known.
  bool held_by_no_article_of(const Xapian::Query& query, const std::set<std::string>& languages);

  /// The archive's written words that start with `pattern` but whose stems do not, one word
  /// per such stem, from the synonym table (`add_written_forms`): `election` for `electi`.
  std::vector<std::string> words_beyond_stems(std::string_view pattern) const;
};

}  // namespace newsdex
