// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <xapian.h>

#include "newsdex/search.h"
#include "searcher/facet_ordinals.h"
#include "searcher/query_builder.h"
#include "searcher/spelling_suggester.h"

namespace newsdex {

/// Searching one newsdex database: ranked hits, exact facet counts, snippets, statistics.
/// Xapian errors propagate; the public API translates them. Not thread-safe.
class SearchEngine {
 public:
  /// Opens the database at `path` and checks the versions that built it.
  explicit SearchEngine(const std::string& path);

  SearchResults search(const SearchRequest& request);
  SearchResults similar(const SimilarRequest& request);
  std::optional<Article> get(std::string_view id);
  void reopen();
  IndexStats stats();

 private:
  /// Runs `query` with the sorting, collapsing, paging, facets and snippets of `request`.
  SearchResults run(const Xapian::Query& query, const SearchRequest& request);

  std::string path_;
  /// Device and inode of the folder at path_ when db_ was opened: a bulk load puts a new
  /// database in its place (indexer/sharded_load.h), which reopen() must open afresh.
  std::pair<std::uint64_t, std::uint64_t> folder_;
  Xapian::Database db_;
  FacetOrdinals ordinals_;  ///< of db_'s facet and duplicate key slots, for counting and folding
  QueryBuilder queries_;
  SpellingSuggester spelling_;  ///< of db_, keeping the words it read until db_ changes
};

}  // namespace newsdex
