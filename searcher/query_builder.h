// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analyzers/text_analysis.h"
#include "newsdex/search.h"

namespace newsdex {

/// Turns query text and filters into Xapian queries, with the same analysis the indexer used.
/// Throws `Error` with `invalid_query` for malformed text, `invalid_argument` for an unknown
/// filter field. Not thread-safe.
class QueryBuilder {
 public:
  explicit QueryBuilder(const Xapian::Database& db);

  /// The query for `text`; an empty or all-space text matches every article.
  Xapian::Query parse(std::string_view text);

  /// `query` restricted by `filters`: values of one field ORed, fields ANDed, exclusions
  /// removed.
  static Xapian::Query apply_filters(Xapian::Query query, const std::vector<Filter>& filters);

  /// The analysis its queries are made with, for snippets that must agree with them.
  TextAnalysis& analysis() noexcept { return analysis_; }

 private:
  Xapian::Database db_;  ///< shares the searcher's database, and so its reopens
  TextAnalysis analysis_;
  Xapian::QueryParser parser_;
};

}  // namespace newsdex
