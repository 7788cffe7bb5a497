// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/search_engine.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <unordered_map>

#include "analyzers/gazetteer.h"
#include "indexer/database_version.h"
#include "indexer/schema.h"
#include "indexer/stored_article.h"
#include "newsdex/error.h"
#include "searcher/date_histogram.h"
#include "searcher/facet_counter.h"
#include "searcher/match_walker.h"
#include "searcher/matched_documents.h"
#include "searcher/recency_boost.h"
#include "searcher/slot_filter_source.h"
#include "searcher/snippet_maker.h"

namespace newsdex {

namespace {

constexpr std::string_view kDateFacet = "date";
// The recency boost at its strongest: about what one well-matched query word weighs in BM25.
constexpr double kRecencyMaxWeight = 2.0;
// Matches ranked past the page when folding copies, so that a few copies among the best-ranked
// do not take a second ranking to fill it. "+N similar" counts a hit's copies among all the
// matches (`MatchedDocuments`), not the window's: ranking 20 past twice the page, as when it
// did, took 2% more instructions for the ten slowest of bench/query_latency's words with seven
// facets (callgrind).
constexpr std::size_t kCollapseLookahead = 5;
// A query that may match more than this many articles (`MatchWalker::most_matches`) is counted
// by walking it rather than by the matcher (measured through the API over bench/query_latency's
// words: docs/ARCHITECTURE.md, "Counting without the matcher").
constexpr Xapian::doccount kWalkedFrom = 256;
// Words of an article that `similar` searches for.
constexpr Xapian::termcount kSimilarTerms = 25;

// The article's own words, in its headline or elsewhere, as stems in a language with a
// stemmer: not its id or facets.
class WordsOnly : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    const std::optional<schema::TextTerm> word = schema::text_term(term);
    return word && word->word.size() > 2;
  }
};

// Whether the index holds a word of `query` for document `id`'s headline (`headline`) or the
// rest of its text: one of the query's terms, looked up in its posting list.
bool holds_query_word(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid id,
                      bool headline) {
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    const std::optional<schema::TextTerm> word = schema::text_term(*term);
    if (!word || word->headline != headline) continue;
    Xapian::PostingIterator posting = db.postlist_begin(*term);
    posting.skip_to(id);
    if (posting != db.postlist_end(*term) && *posting == id) return true;
  }
  return false;
}

// Ordinals follow the values' order, so the days seen, sorted, come in date order and each
// bucket's days are consecutive.
Facet date_facet(const SlotOrdinals& days, std::span<const Xapian::doccount> counts,
                 std::vector<std::uint32_t> seen, DateBucket bucket) {
  Facet facet{.name = std::string(kDateFacet), .values = {}, .exact = true};
  if (seen.empty()) return facet;
  std::sort(seen.begin(), seen.end());
  if (bucket == DateBucket::automatic) {
    bucket = choose_date_bucket(days.value(seen.front()), days.value(seen.back()));
  }
  for (const std::uint32_t day : seen) {
    std::string value = date_bucket_of(days.value(day), bucket);
    if (facet.values.empty() || facet.values.back().value != value) {
      facet.values.push_back({.value = std::move(value), .label = {}, .count = 0});
    }
    facet.values.back().count += counts[day];
  }
  add_empty_date_buckets(facet.values, bucket);
  return facet;
}

std::string label_of(const schema::FacetField& field, const std::string& value) {
  switch (field.labels) {
    case schema::FacetLabels::country:
      return std::string(builtin_country_label(value));
    case schema::FacetLabels::none:
      break;
  }
  return {};
}

Facet value_facet(const schema::FacetField& field, const SlotOrdinals& values,
                  std::span<const Xapian::doccount> counts, std::vector<std::uint32_t> counted,
                  std::size_t size) {
  // Ties broken by value (ordinals are in value order), so the order is the same on every
  // run. Only the top `size` are ordered: a person facet may hold thousands of names.
  const auto shown =
      counted.begin() + static_cast<std::ptrdiff_t>(std::min(size, counted.size()));
  std::partial_sort(counted.begin(), shown, counted.end(), [&](std::uint32_t a, std::uint32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : a < b;
  });
  Facet facet{.name = std::string(field.name), .values = {}, .exact = true};
  // Values and labels only for those shown: a country facet may hold two hundred codes.
  for (auto it = counted.begin(); it != shown; ++it) {
    facet.values.push_back(
        {.value = values.value(*it), .label = label_of(field, values.value(*it)), .count = counts[*it]});
  }
  return facet;
}

// Counts the matches `walker` finds, up to `most`, in `counter`, which forgets what it counted
// before, and records them in `matched` unless it is null; true if they were all.
bool walk(MatchWalker& walker, FacetCounter& counter, MatchedDocuments* matched,
          std::uint64_t most) {
  counter.clear();
  if (matched != nullptr) matched->clear();
  for (Xapian::docid id = walker.next(); id != 0; id = walker.next()) {
    if (counter.matches() == most) return false;
    counter.add(id);
    if (matched != nullptr) matched->add(id);
  }
  return true;
}

std::pair<std::uint64_t, std::uint64_t> folder_identity(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return {0, 0};
  return {status.st_dev, status.st_ino};
}

Xapian::Database open_database(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    throw Error(ErrorCode::not_found, fmt::format("no database at {}", path), path);
  }
  return Xapian::Database(path);
}

std::uint64_t directory_size(const std::string& path) {
  std::uint64_t size = 0;
  std::error_code error;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path, error)) {
    if (entry.is_regular_file(error)) size += entry.file_size(error);
  }
  return size;
}

std::map<std::string, std::uint64_t> values_with_prefix(const Xapian::Database& db,
                                                        std::string_view prefix) {
  std::map<std::string, std::uint64_t> values;
  const std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
    values[(*it).substr(p.size())] = it.get_termfreq();
  }
  return values;
}

std::string iso_of(const std::string& compact) {
  return compact.substr(0, 4) + '-' + compact.substr(4, 2) + '-' + compact.substr(6, 2);
}

}  // namespace

SearchEngine::SearchEngine(const std::string& path)
    : path_(path),
      folder_(folder_identity(path)),
      db_(open_database(path)),
      ordinals_(db_, path),
      queries_(db_, ordinals_),
      spelling_(db_) {
  check_database_version(db_, path_);
}

SearchResults SearchEngine::search(const SearchRequest& request) {
  // Unknown facets are refused before any work is done.
  for (const std::string& name : request.facets) {
    if (name != kDateFacet && schema::find_facet_field(name) == nullptr) {
      throw Error(ErrorCode::invalid_argument, fmt::format("unknown facet '{}'", name), name);
    }
  }
  Xapian::Query query = queries_.apply_filters(queries_.parse(request.query), request.filters);
  if (request.recency_half_life_days > 0 && request.sort == SortOrder::relevance) {
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                          Xapian::Query((new RecencyBoost(schema::kDateSlot,
                                                          request.recency_half_life_days,
                                                          kRecencyMaxWeight))
                                            ->release()));
  }
  SearchResults results = run(query, request);
  std::vector<std::string> languages;  // one of each analysis
  for (const auto& [analysis, alike] : queries_.languages_by_analysis()) {
    languages.push_back(alike.front());
  }
  const bool finds_nothing = results.total.exact && results.total.estimated == 0;
  results.suggestion =
      spelling_.suggest(request.query, queries_.analysis(), languages, finds_nothing);
  return results;
}

SearchResults SearchEngine::similar(const SimilarRequest& request) {
  const std::string id_term = schema::boolean_term(schema::kId, request.id);
  Xapian::PostingIterator posting = db_.postlist_begin(id_term);
  if (posting == db_.postlist_end(id_term)) {
    throw Error(ErrorCode::not_found, fmt::format("no article with id '{}'", request.id),
                request.id);
  }
  Xapian::RSet relevant;
  relevant.add_document(*posting);
  Xapian::Enquire enquire(db_);
  const WordsOnly words_only;
  const Xapian::ESet telling = enquire.get_eset(kSimilarTerms, relevant, &words_only);
  Xapian::Query query(Xapian::Query::OP_OR, telling.begin(), telling.end());
  query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(id_term));
  const std::string date = db_.get_document(*posting).get_value(schema::kDateSlot);
  if (request.only_earlier && !date.empty()) {
    const Xapian::Query dated_no_later(
        SlotFilterSource::between(ordinals_.slot(schema::kDateSlot), "date", "", date)->release());
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, dated_no_later);
  }
  return run(query, SearchRequest{.limit = request.limit, .snippet_length = request.snippet_length});
}

SearchResults SearchEngine::run(const Xapian::Query& query, const SearchRequest& request) {
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  switch (request.sort) {
    case SortOrder::newest:
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
      break;
    case SortOrder::oldest:
      enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false);
      break;
    case SortOrder::relevance:
      break;
  }
  // The spy sees every matching article, collapsed copies included, so totals and facets
  // count articles, not hits.
  std::vector<Xapian::valueno> slots;
  for (const std::string& name : request.facets) {
    slots.push_back(name == kDateFacet ? schema::kDateSlot : schema::find_facet_field(name)->slot);
  }
  // Every slot this search reads, built together on the first search of a revision.
  std::vector<Xapian::valueno> read = slots;
  if (request.collapse_duplicates) read.push_back(schema::kDuplicateSlot);
  if (request.limit > 0) read.push_back(schema::kLanguageSlot);
  ordinals_.prepare(read);
  FacetCounter counter(ordinals_.rows(slots));
  const Xapian::doccount documents = db_.get_doccount();
  // Every match is counted when facets need it, else up to `count_exactly_up_to`. A query
  // that may match more than `kWalkedFrom` articles (its terms say at most how many) and can
  // be walked is counted by walking its posting lists (`MatchWalker`), an order of magnitude
  // cheaper than the matcher, which weighs every match: the matcher then only ranks the page,
  // and a search without hits (a facet panel, a timeline), walked whatever its size, needs it
  // only to estimate the matches past `counted_up_to`. A query of a few matches is counted
  // more cheaply by the matcher's first pass, with the counter as its spy, as it ranks them.
  const std::uint64_t counted_up_to =
      slots.empty() ? std::min<std::uint64_t>(request.count_exactly_up_to, documents) : documents;
  // Copies are folded among the best-ranked matches only: Xapian's own collapse key would read
  // the key of every candidate, which costs more than the rest of a query (measured with
  // bench/query_latency). The window grows until it holds the page, or the matches run out.
  const SlotOrdinals* keys =
      request.collapse_duplicates ? &ordinals_.slot(schema::kDuplicateSlot) : nullptr;
  const std::size_t wanted = request.offset + request.limit;
  std::size_t window = wanted;
  if (keys != nullptr && wanted > 0 && keys->size() > 0) {
    // A story the archive holds several copies of fills as many places of the window: it
    // starts as much wider as the archive's copies a story (articles without a key, whose text
    // is too short to tell copies by, are left out). Where every story had ten copies, filling
    // the page took a second ranked pass, and starting wider took a word and ten hits 26% fewer
    // instructions (callgrind, bench/query_latency's 200 words).
    window =
        ((wanted + kCollapseLookahead) * keys->values_held() + keys->size() - 1) / keys->size();
  }
  // Every match counted is recorded too, so that a hit's copies are counted among all of them,
  // not only among the window's.
  std::optional<MatchedDocuments> matched;
  if (keys != nullptr && wanted > 0) matched.emplace();
  std::unique_ptr<MatchWalker> walker =
      counted_up_to > kWalkedFrom ? MatchWalker::of(db_, query, ordinals_) : nullptr;
  if (walker && wanted > 0 && walker->most_matches() <= kWalkedFrom) walker = nullptr;
  const bool walked_all =
      walker && walk(*walker, counter, matched ? &*matched : nullptr, counted_up_to);
  if (!walker) {
    enquire.add_matchspy(&counter);
    if (matched) enquire.add_matchspy(&*matched);
  }
  // With no hits to show, nothing needs a weight, and looking at every match Xapian's matcher
  // spends most of its time on BM25 weights: a facet panel or timeline (seven facets, no hits)
  // took 0.69 of the time at p95 without them on Reuters-21578 (bench/query_latency, two
  // rounds).
  if (wanted == 0) enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet mset;
  std::vector<Xapian::MSetIterator> page;  // the hits to show
  std::vector<std::size_t> copies;         // of each, folded into it
  Xapian::MSet counted;  // the first pass's, which estimates the matches not counted
  // Walked without hits, every match is counted and there is nothing to rank.
  for (bool first_pass = true; wanted > 0 || !walked_all; first_pass = false) {
    // Unless walked, the first pass counts the matches; a wider window, to fold more copies,
    // needs only the best-ranked matches again (ten copies of every story made a
    // faceted search on the 10x corpus re-count all its matches four times).
    mset =
        enquire.get_mset(0, static_cast<Xapian::doccount>(window),
                         first_pass && !walker ? static_cast<Xapian::doccount>(counted_up_to) : 0);
    if (first_pass) {
      counted = mset;
      enquire.clear_matchspies();
    }
    page.clear();
    copies.clear();
    std::size_t shown = 0;
    std::unordered_map<std::uint32_t, std::size_t> shown_by_key;  // key ordinal → rank
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const std::span<const std::uint32_t> key =
          keys != nullptr ? keys->of(*it) : std::span<const std::uint32_t>();
      if (!key.empty()) {
        const auto [found, is_new] = shown_by_key.emplace(key.front(), shown);
        if (!is_new) {
          if (found->second >= request.offset && found->second < wanted) {
            ++copies[found->second - request.offset];
          }
          continue;
        }
      }
      if (shown >= request.offset && shown < wanted) {
        page.push_back(it);
        copies.push_back(0);
      }
      ++shown;
    }
    // Without folding, or with the page full, or with every match seen, one pass is enough.
    if (keys == nullptr || shown >= wanted || mset.size() < window) break;
    // Else a window as much wider as the copies require, with half as much again to spare:
    // where every story has ten copies, doubling took three ranked passes to fill a page.
    window = std::max(2 * window, window * wanted * 3 / (2 * shown));
  }

  SearchResults results;
  results.parsed_query = query.get_description();
  const std::uint64_t matches = counter.matches();
  // The walker saw every match when it came to the end; the matcher when it saw fewer than it
  // was asked to check, or all.
  const bool counted_all = walked_all || matches < counted_up_to || counted_up_to == documents;
  if (counted_all) {
    results.total = Total{.estimated = matches, .lower = matches, .upper = matches, .exact = true};
  } else {
    // Xapian's bounds may still meet (every article matches, or all were seen): then the total
    // is known, not "about" it.
    const std::uint64_t lower = std::max<std::uint64_t>(counted.get_matches_lower_bound(), matches);
    const std::uint64_t upper = std::max<std::uint64_t>(counted.get_matches_upper_bound(), lower);
    results.total =
        Total{.estimated = std::clamp<std::uint64_t>(counted.get_matches_estimated(), lower, upper),
              .lower = lower,
              .upper = upper,
              .exact = lower == upper};
  }
  // With every match recorded, each hit's copies are all the matches with its key; else only
  // those the window held were seen (even where Xapian knows the total without them).
  if (matched && counted_all) {
    for (std::size_t i = 0; i < page.size(); ++i) {
      const std::span<const std::uint32_t> key = keys->of(*page[i]);
      if (key.empty() || keys->documents(key.front()) == 1) continue;
      copies[i] = matched->how_many_of(keys->documents_with(key.front())) - 1;
    }
  }
  std::optional<SnippetMaker> snippets;
  if (request.snippet_length > 0 && !page.empty()) snippets.emplace(query, queries_.analysis());
  // Each hit's language (its snippet's stemmer too), from the ordinals already in memory rather
  // than the value stream.
  const SlotOrdinals* languages = page.empty() ? nullptr : &ordinals_.slot(schema::kLanguageSlot);
  for (std::size_t i = 0; i < page.size(); ++i) {
    const Xapian::MSetIterator& it = page[i];
    const Xapian::Document document = it.get_document();
    StoredDisplay stored =
        decode_stored_display(decompress_stored_article(document.get_value(schema::kArticleSlot)));
    Hit hit;
    hit.id = std::move(stored.id);
    hit.rank = request.offset + i + 1;
    hit.score = it.get_weight();
    hit.date = std::move(stored.date);
    if (!stored.source.empty()) hit.source = std::move(stored.source);
    if (!stored.url.empty()) hit.url = std::move(stored.url);
    if (const std::span<const std::uint32_t> language = languages->of(*it); !language.empty()) {
      hit.language = languages->value(language.front());
    }
    if (request.snippet_length > 0) {
      const bool headline = stored.body.empty();
      const std::string& text = headline ? stored.headline : stored.body;
      hit.snippet = snippets->make(text, hit.language, request.snippet_length,
                                   [&] { return holds_query_word(db_, query, *it, headline); });
    }
    hit.headline = std::move(stored.headline);
    hit.similar = copies[i];
    results.hits.push_back(std::move(hit));
  }
  for (std::size_t i = 0; i < request.facets.size(); ++i) {
    const std::string& name = request.facets[i];
    results.facets.push_back(
        name == kDateFacet ? date_facet(ordinals_.slot(slots[i]), counter.counts(i),
                                        counter.seen(i), request.date_bucket)
                           : value_facet(*schema::find_facet_field(name), ordinals_.slot(slots[i]),
                                         counter.counts(i), counter.seen(i), request.facet_size));
    results.facets.back().exact = counted_all;
  }
  return results;
}

std::optional<Article> SearchEngine::get(std::string_view id) {
  const std::string term = schema::boolean_term(schema::kId, id);
  Xapian::PostingIterator it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  return decode_stored_article(
             decompress_stored_article(db_.get_document(*it).get_value(schema::kArticleSlot)))
      .article;
}

void SearchEngine::reopen() {
  // Reopening the old handle on a database that was replaced would read the new version file
  // with the old tables, and need not even report a change.
  if (std::pair folder = folder_identity(path_); folder != folder_) {
    folder_ = folder;
    db_ = open_database(path_);
    ordinals_ = FacetOrdinals(db_, path_);
    queries_ = QueryBuilder(db_, ordinals_);
    spelling_ = SpellingSuggester(db_);
  } else if (db_.reopen()) {
    ordinals_.clear();
    queries_.clear();
    spelling_.clear();
  }
}

IndexStats SearchEngine::stats() {
  IndexStats stats;
  stats.documents = db_.get_doccount();
  // From the day terms, not the date slot's bounds: Xapian never narrows those when articles
  // are removed, while a term goes when its last article does.
  const std::string day(schema::kDay);
  for (auto it = db_.allterms_begin(day); it != db_.allterms_end(day); ++it) {
    const std::string compact = (*it).substr(day.size());
    if (!stats.first_date) stats.first_date = iso_of(compact);
    stats.last_date = iso_of(compact);
  }
  stats.formats = values_with_prefix(db_, schema::kFormat);
  stats.sources = values_with_prefix(db_, schema::kSource);
  stats.languages = values_with_prefix(db_, schema::kLanguage);
  stats.size_bytes = directory_size(path_);
  stats.schema_version = db_.get_metadata(std::string(schema::kSchemaKey));
  stats.analyzer = db_.get_metadata(std::string(schema::kAnalyzerKey));
  return stats;
}

}  // namespace newsdex
