// SPDX-License-Identifier: GPL-3.0-or-later
#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/human.h"
#include "newsdex/error.h"
#include "newsdex/search.h"

namespace newsdex::cli {

namespace {

using nlohmann::json;

struct SearchArguments {
  std::string db;
  std::vector<std::string> words;
  std::size_t limit = 10;
  std::size_t offset = 0;
  bool json = false;
  std::string sort = "relevance";
  std::vector<std::string> facets = {"date",         "country", "city",    "person",
                                     "organization", "source",  "language"};
  bool no_facets = false;
  std::size_t facet_size = 5;
  bool no_collapse = false;
  double recency = 0;
  std::string by = "auto";
  std::vector<std::string> filters;
  std::vector<std::string> excludes;
};

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kHighlight = "\x1b[1;33m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kReset = "\x1b[0m";

Filter parse_filter(const std::string& text, bool exclude) {
  const auto equals = text.find('=');
  if (equals == std::string::npos || equals == 0) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("{} takes FIELD=VALUE (e.g. source=Reuters), not '{}'",
                            exclude ? "--exclude" : "--filter", text));
  }
  return Filter{.field = text.substr(0, equals), .value = text.substr(equals + 1), .exclude = exclude};
}

std::string join(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  return text;
}

json to_json(const SearchResults& results) {
  json hits = json::array();
  for (const Hit& hit : results.hits) {
    hits.push_back({{"id", hit.id},
                    {"rank", hit.rank},
                    {"score", hit.score},
                    {"headline", hit.headline},
                    {"date", hit.date ? json(*hit.date) : json(nullptr)},
                    {"source", hit.source ? json(*hit.source) : json(nullptr)},
                    {"url", hit.url ? json(*hit.url) : json(nullptr)},
                    {"language", hit.language},
                    {"snippet", hit.snippet.to_html()},
                    {"similar", hit.similar}});
  }
  json facets = json::object();
  for (const Facet& facet : results.facets) {
    json values = json::array();
    for (const FacetValue& value : facet.values) {
      json entry = {{"value", value.value}, {"count", value.count}};
      if (!value.label.empty()) entry["label"] = value.label;
      values.push_back(std::move(entry));
    }
    facets[facet.name] = std::move(values);
  }
  return {{"total",
           {{"estimated", results.total.estimated},
            {"lower", results.total.lower},
            {"upper", results.total.upper},
            {"exact", results.total.exact}}},
          {"hits", std::move(hits)},
          {"facets", std::move(facets)},
          {"suggestion", results.suggestion ? json(*results.suggestion) : json(nullptr)},
          {"query", results.parsed_query}};
}

std::string styled(std::string_view text, std::string_view style, bool terminal) {
  return terminal ? fmt::format("{}{}{}", style, text, kReset) : std::string(text);
}

std::string render_snippet(const Snippet& snippet, bool terminal) {
  if (!terminal) return snippet.text;
  std::string out;
  std::size_t at = 0;
  for (const Highlight& h : snippet.highlights) {
    out.append(snippet.text, at, h.begin - at);
    out += styled(std::string_view(snippet.text).substr(h.begin, h.end - h.begin), kHighlight,
                  true);
    at = h.end;
  }
  out.append(snippet.text, std::min(at, snippet.text.size()));
  return out;
}

void print_facet(std::ostream& out, const Facet& facet, bool terminal) {
  fmt::print(out, "\n{}{}\n", styled(facet.name, kBold, terminal),
             facet.exact ? "" : " (estimated)");
  std::size_t width = 0;
  std::uint64_t most = 1;
  for (const FacetValue& v : facet.values) {
    width = std::max(width, (v.label.empty() ? v.value : v.label).size());
    most = std::max(most, v.count);
  }
  for (const FacetValue& v : facet.values) {
    const std::string& name = v.label.empty() ? v.value : v.label;
    if (facet.name == "date") {
      // The timeline reads as a bar chart: one bar per bucket, scaled to the largest, at least
      // one block for a bucket with any article and none for an empty one.
      const auto bar =
          v.count == 0 ? 0 : static_cast<std::size_t>(std::max<double>(1, 40.0 * v.count / most));
      std::string bars;
      for (std::size_t i = 0; i < bar; ++i) bars += "█";
      fmt::print(out, "  {:<{}}  {} {}\n", name, width, bars, format_count(v.count));
    } else {
      fmt::print(out, "  {:<{}}  {:>7}\n", name, width, format_count(v.count));
    }
  }
}

void print_results(Console& console, const SearchResults& results, std::size_t offset) {
  const bool terminal = console.out_is_terminal;
  std::ostream& out = console.out;
  const std::string total = results.total.exact
                                ? format_count(results.total.estimated)
                                : "about " + format_count(results.total.estimated);
  fmt::print(out, "{} {}", total, results.total.estimated == 1 ? "match" : "matches");
  if (!results.hits.empty()) {
    fmt::print(out, ", showing {}-{}", offset + 1, offset + results.hits.size());
    // The matches folded into the hits as copies, so that the page's hits and the matches add
    // up (`7 matches, showing 1-6 (+1 similar)`).
    std::uint64_t folded = 0;
    for (const Hit& hit : results.hits) folded += hit.similar;
    if (folded > 0) fmt::print(out, " (+{} similar)", format_count(folded));
  }
  out << '\n';
  if (results.suggestion) fmt::print(out, "did you mean: {}\n", *results.suggestion);
  for (const Hit& hit : results.hits) {
    fmt::print(out, "\n{:>3}. {}  {}{}\n", hit.rank, hit.date.value_or("----------"),
               styled(hit.headline.empty() ? "(no headline)" : hit.headline, kBold, terminal),
               hit.source ? "  — " + *hit.source : "");
    if (hit.similar > 0) {
      fmt::print(out, "     {}\n",
                 styled(fmt::format("+{} similar", format_count(hit.similar)), kDim, terminal));
    }
    if (!hit.snippet.text.empty()) {
      fmt::print(out, "     {}\n", render_snippet(hit.snippet, terminal));
    }
    const bool url_shown = hit.url && *hit.url != hit.id;
    fmt::print(out, "     {}\n",
               styled(url_shown ? hit.id + "  " + *hit.url : hit.id, kDim, terminal));
  }
  for (const Facet& facet : results.facets) {
    if (!facet.values.empty()) print_facet(out, facet, terminal);
  }
}

void print(Console& console, const SearchResults& results, std::size_t offset, bool as_json) {
  if (as_json) {
    console.out << to_json(results).dump(2) << '\n';
  } else {
    print_results(console, results, offset);
  }
}

}  // namespace

Command add_search_command(CLI::App& app, Console& console) {
  auto args = std::make_shared<SearchArguments>();
  CLI::App* command = app.add_subcommand("search", "Search a database");
  add_database_option(*command, args->db);
  command->add_option("query", args->words, "The query (see the README for its syntax)")
      ->type_name("QUERY");
  command->add_option("--limit,-n", args->limit, "Hits to show")
      ->check(count_check())
      ->capture_default_str();
  command->add_option("--offset", args->offset, "Hits to skip")
      ->check(count_check())
      ->capture_default_str();
  command->add_flag("--json", args->json, "Print the results as JSON");
  command->add_option("--sort", args->sort, "Order of the hits")
      ->check(CLI::IsMember({"relevance", "newest", "oldest"}))
      ->capture_default_str();
  // Each of these takes one value and is repeated for more: taking every value that follows
  // made `--facet date albania` count a facet "albania" rather than search for it.
  command->add_option("--facet", args->facets, "Facet to count (repeat for several)")
      ->allow_extra_args(false)
      ->capture_default_str();
  command->add_flag("--no-facets", args->no_facets, "Count no facets");
  command->add_option("--facet-size", args->facet_size, "Values per facet")
      ->check(count_check())
      ->capture_default_str();
  command->add_option("--by", args->by, "Date histogram bucket")
      ->check(CLI::IsMember({"auto", "year", "month", "day"}))
      ->capture_default_str();
  command->add_flag("--no-collapse", args->no_collapse,
                    "Show every copy of a story instead of one hit with \"+N similar\"");
  command
      ->add_option("--recency", args->recency,
                   "Favour recent articles: a boost halving every DAYS days before the newest")
      ->type_name("DAYS")
      // A bound CLI11 prints readably, where NonNegativeNumber prints a 300-digit one; a
      // century is more than any archive needs.
      ->check(CLI::Range(0.0, 36500.0));
  command
      ->add_option("--filter", args->filters,
                   "Only hits with this facet value (repeat for several)")
      ->allow_extra_args(false)
      ->type_name("FIELD=VALUE");
  command
      ->add_option("--exclude", args->excludes,
                   "No hits with this facet value (repeat for several)")
      ->allow_extra_args(false)
      ->type_name("FIELD=VALUE");

  return {command, [args, &console] {
            SearchRequest request;
            request.query = join(args->words);
            request.limit = args->limit;
            request.offset = args->offset;
            request.sort = args->sort == "newest"   ? SortOrder::newest
                           : args->sort == "oldest" ? SortOrder::oldest
                                                    : SortOrder::relevance;
            if (!args->no_facets) request.facets = args->facets;
            request.facet_size = args->facet_size;
            request.collapse_duplicates = !args->no_collapse;
            request.recency_half_life_days = args->recency;
            request.date_bucket = args->by == "year"    ? DateBucket::year
                                  : args->by == "month" ? DateBucket::month
                                  : args->by == "day"   ? DateBucket::day
                                                        : DateBucket::automatic;
            for (const auto& f : args->filters) request.filters.push_back(parse_filter(f, false));
            for (const auto& f : args->excludes) request.filters.push_back(parse_filter(f, true));

            const Searcher searcher = Searcher::open(args->db);
            print(console, searcher.search(request), args->offset, args->json);
            return 0;
          }};
}

Command add_similar_command(CLI::App& app, Console& console) {
  struct SimilarArguments {
    std::string db;
    SimilarRequest request;
    bool json = false;
  };
  auto args = std::make_shared<SimilarArguments>();
  CLI::App* command = app.add_subcommand("similar", "Articles most like a given one");
  add_database_option(*command, args->db);
  command->add_option("id", args->request.id, "The article's id, as search prints it")->required();
  command->add_option("--limit,-n", args->request.limit, "Hits to show")
      ->check(count_check())
      ->capture_default_str();
  command->add_flag("--earlier", args->request.only_earlier,
                    "Only articles published on or before it");
  command->add_flag("--json", args->json, "Print the results as JSON");
  return {command, [args, &console] {
            const Searcher searcher = Searcher::open(args->db);
            print(console, searcher.similar(args->request), 0, args->json);
            return 0;
          }};
}

}  // namespace newsdex::cli
