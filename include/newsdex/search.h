// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/article.h"

namespace newsdex {

/// Order of the hits.
enum class SortOrder {
  relevance,  ///< best match first (BM25, headline weighted above body)
  newest,     ///< latest publication date first, then relevance
  oldest,     ///< earliest publication date first, then relevance
};

/// Restricts the hits to articles whose facet `field` has `value` (`FacetValue::value`, or for
/// a country its `FacetValue::label`: `US` or `United States`; for `date`, a bucket of any size:
/// `1987`, `1987-03`, `1987-03-02`).
/// Several filters on one field are ORed, filters on different fields ANDed; an `exclude`
/// filter removes the articles that have the value.
struct Filter {
  std::string field;
  std::string value;
  bool exclude = false;
};

/// Bucket size of the `date` facet.
enum class DateBucket { automatic, year, month, day };

/// A search. Aggregate with defaults: `SearchRequest{.query = "oil prices", .limit = 20}`.
struct SearchRequest {
  /// The query in newsdex's query language (see the README); empty matches every article.
  std::string query;
  std::vector<Filter> filters;
  /// Facets to count over the whole match set: `date`, `source`, `language`, `format`, and
  /// the metadata facets the database has (`country`, `city`, `person`, `organization`).
  std::vector<std::string> facets;
  /// Values returned per facet, most frequent first (the `date` facet returns all buckets).
  std::size_t facet_size = 10;
  DateBucket date_bucket = DateBucket::automatic;
  SortOrder sort = SortOrder::relevance;
  /// With relevance order, favour recent articles: a boost that halves every this many days
  /// before the newest article of the archive (so an archive of 1987 works as well as today's
  /// news). 0 turns it off. The boost is worth up to about one strong query word.
  double recency_half_life_days = 0;
  /// Fold copies of one story (the same text republished with small edits, see
  /// `Hit::similar`) into its best-ranked copy. Totals and facets still count every article.
  bool collapse_duplicates = true;
  std::size_t offset = 0;
  std::size_t limit = 10;
  /// Matches are counted exactly up to this many (as Elasticsearch's `track_total_hits`);
  /// beyond it `SearchResults::total` is an estimate with bounds. Facets always count every
  /// match, so a request with facets has an exact total whatever this says.
  std::size_t count_exactly_up_to = 10000;
  /// Approximate length of each snippet in bytes; 0 for no snippets.
  std::size_t snippet_length = 240;
};

/// A byte range `[begin, end)` of a snippet that matched the query.
struct Highlight {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Highlight&, const Highlight&) = default;
};

/// A passage of an article with the matched words marked.
struct Snippet {
  std::string text;                   ///< plain UTF-8 text, `…` where text was left out
  std::vector<Highlight> highlights;  ///< ascending, non-overlapping

  /// The text as HTML with each highlight wrapped in `<mark>…</mark>`.
  std::string to_html() const;
};

/// One result.
struct Hit {
  std::string id;
  std::size_t rank = 0;  ///< 1-based position in the whole result list
  double score = 0;      ///< relevance weight; meaningful only relative to other hits
  std::string headline;
  std::optional<std::string> date;  ///< `YYYY-MM-DD` when known
  std::optional<std::string> source;
  std::optional<std::string> url;  ///< where the article was published, when its file said
  std::string language;            ///< as identified at indexing: `en`, `de`… (`und`: unknown)
  Snippet snippet;
  /// Copies of this story folded into this hit by `SearchRequest::collapse_duplicates`: every
  /// other match with its duplicate key, or, when the search did not count every match (see
  /// `SearchRequest::count_exactly_up_to`), those among the best-ranked matches only.
  std::size_t similar = 0;
};

/// Hit counts. Xapian may only estimate them; `exact` says whether lower == upper.
struct Total {
  std::uint64_t estimated = 0;
  std::uint64_t lower = 0;
  std::uint64_t upper = 0;
  bool exact = false;
};

/// One value of a facet and how many matching articles have it.
struct FacetValue {
  std::string value;  ///< usable verbatim in a `Filter`
  std::string label;  ///< a readable name where it differs (`AL` → `Albania`), else empty
  std::uint64_t count = 0;
};

/// Counts of one facet over the whole match set.
struct Facet {
  std::string name;
  /// Most frequent first; the `date` facet in date order, every bucket from the first match's
  /// to the last's, those without matches at 0 (unless they would be over 10,000).
  std::vector<FacetValue> values;
  bool exact = true;               ///< false when counts come from a sample of the matches
};

/// The answer to a `SearchRequest`.
struct SearchResults {
  Total total;
  std::vector<Hit> hits;
  std::vector<Facet> facets;  ///< in the order requested
  /// A corrected query when some words look misspelt, e.g. `bundesbank` for `bundesbnak`.
  std::optional<std::string> suggestion;
  /// Xapian's description of the parsed query, for debugging.
  std::string parsed_query;
};

/// A "more like this" request (see `Searcher::similar`).
struct SimilarRequest {
  std::string id;  ///< the article to find others like
  /// Only articles published on or before it: the background of a story as it broke.
  bool only_earlier = false;
  std::size_t limit = 10;
  std::size_t snippet_length = 240;
};

/// What a database holds.
struct IndexStats {
  std::uint64_t documents = 0;
  std::optional<std::string> first_date;  ///< earliest publication date, `YYYY-MM-DD`
  std::optional<std::string> last_date;
  std::map<std::string, std::uint64_t> formats;    ///< format → articles
  std::map<std::string, std::uint64_t> sources;    ///< source → articles
  std::map<std::string, std::uint64_t> languages;  ///< language → articles
  std::uint64_t size_bytes = 0;                    ///< on disk
  std::string schema_version;
  std::string analyzer;
};

/// Read access to a newsdex database: search, fetch, statistics.
///
/// A `Searcher` sees the database as of its last `open` or `reopen()`, a consistent committed
/// state even while a writer commits. Move-only. Not thread-safe: open one per thread; any
/// number of searchers, in any number of threads and processes, may share a database.
class Searcher {
 public:
  /// Opens the database at `path`. Throws `Error` with `not_found` if there is none,
  /// `version_mismatch` if it was built with another schema or analyzer, `corrupt` if damaged.
  static Searcher open(const std::string& path);

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  /// Runs `request`. Throws `Error` with `invalid_query` (context: the query and position) for
  /// malformed query text, or for a CJK word of text (not a filter value) while
  /// `XAPIAN_CJK_NGRAM` is set in the process's environment (Xapian would split it into
  /// characters, which are not indexed);
  /// `invalid_argument` for an unknown facet or filter field.
  SearchResults search(const SearchRequest& request) const;

  /// The articles most like the one with `request.id`, best first, without it: its 25 most
  /// telling words (Xapian's relevance-feedback expansion over the archive) searched for,
  /// copies collapsed. `SearchResults::total` counts the articles sharing any of those words.
  /// Throws `Error` with `not_found` if there is no article with that id.
  SearchResults similar(const SimilarRequest& request) const;

  /// The stored article with this id, or `std::nullopt`.
  std::optional<Article> get(std::string_view id) const;

  /// Picks up the latest committed changes of writers.
  void reopen();

  IndexStats stats() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
