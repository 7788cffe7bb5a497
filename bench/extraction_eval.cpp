// SPDX-License-Identifier: GPL-3.0-or-later
//
// Scores newsdex's metadata extraction against the gold tags of Reuters-21578:
//
//   extraction_eval [--places data/tables/reuters_places.tsv] [--limit N] [--errors N]
//                   [--check] reut2-000.sgm ...
//
// Prints a table: publication date vs <DATE>, dateline country vs <PLACES>, the country facet
// vs <PLACES> (set precision, recall, F1), recall of the <PEOPLE> and <ORGS> names, and the
// throughput of extraction. With --check it exits non-zero when a score falls below its goal
// (the ctest smoke run uses it on a subset, with goals loosened for a small sample).

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analyzers/metadata.h"
#include "analyzers/text_scanner.h"
#include "newsdex/reader.h"

namespace {

using newsdex::Article;
using newsdex::ArticleMetadata;

struct Options {
  std::string places_table = NEWSDEX_SOURCE_DIR "/data/tables/reuters_places.tsv";
  std::vector<std::string> paths;
  std::size_t limit = 0;   // articles, 0 = all
  std::size_t errors = 0;  // examples of misses to print per measure
  bool check = false;
};

struct Ratio {
  std::uint64_t hits = 0;
  std::uint64_t total = 0;
  double value() const { return total == 0 ? 0 : static_cast<double>(hits) / total; }
};

struct SetScore {
  std::uint64_t true_positives = 0;
  std::uint64_t predicted = 0;
  std::uint64_t gold = 0;
  double precision() const { return predicted == 0 ? 0 : double(true_positives) / predicted; }
  double recall() const { return gold == 0 ? 0 : double(true_positives) / gold; }
  double f1() const {
    const double p = precision();
    const double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
};

std::map<std::string, std::string> read_places_table(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "extraction_eval: cannot read " << path << '\n';
    std::exit(2);
  }
  std::map<std::string, std::string> codes;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    const auto tab = line.find('\t');
    const auto tab2 = line.find('\t', tab + 1);
    codes[line.substr(0, tab)] = line.substr(tab + 1, tab2 - tab - 1);
  }
  return codes;
}

// The gold date of a Reuters <DATE> field, "26-FEB-1987 15:01:01.79" → "1987-02-26", read
// independently of newsdex's date parser.
std::string gold_date(const std::string& field) {
  static const char* kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                  "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  std::istringstream in(field);
  std::string token;
  in >> token;
  const auto dash1 = token.find('-');
  const auto dash2 = token.find('-', dash1 + 1);
  if (dash1 == std::string::npos || dash2 == std::string::npos) return {};
  const int day = std::atoi(token.substr(0, dash1).c_str());
  const std::string month = token.substr(dash1 + 1, dash2 - dash1 - 1);
  const int year = std::atoi(token.substr(dash2 + 1).c_str());
  for (int m = 0; m < 12; ++m) {
    if (month == kMonths[m]) return fmt::format("{:04}-{:02}-{:02}", year, m + 1, day);
  }
  return {};
}

// "james-baker" → {"james", "baker"}; newsdex names folded the same way.
std::vector<std::string> tokens_of(std::string_view text) {
  std::vector<std::string> tokens;
  std::string key = newsdex::detail::fold_key(text);
  std::string token;
  for (const char c : key + ' ') {
    if (c == ' ' || c == '\'') {
      if (!token.empty()) tokens.push_back(token);
      token.clear();
    } else {
      token.push_back(c);
    }
  }
  return tokens;
}

bool token_matches(const std::string& gold, const std::string& found) {
  if (gold == found) return true;
  // "adb-asia" is the Asian Development Bank: a shared stem of four letters or more.
  const std::size_t shorter = std::min(gold.size(), found.size());
  return shorter >= 4 && gold.compare(0, shorter, found, 0, shorter) == 0;
}

// Gold names keep titles ("king-fahd"); newsdex names do not.
bool is_title_token(const std::string& token) {
  static const std::set<std::string> kTitles = {"king", "queen", "prince", "pope", "sheikh"};
  return kTitles.contains(token);
}

// Whether every token of the gold name is among the tokens of one extracted name (names and
// aliases of one entity pooled), or the gold tokens written together are ("worldbank").
bool name_found(const std::string& gold, const std::vector<std::vector<std::string>>& entities) {
  std::vector<std::string> wanted = tokens_of(gold);
  if (wanted.size() > 1) std::erase_if(wanted, is_title_token);
  std::string joined;
  for (const auto& t : wanted) joined += t;
  for (const auto& tokens : entities) {
    const bool all = std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
      return std::any_of(tokens.begin(), tokens.end(),
                         [&](const std::string& t) { return token_matches(w, t); });
    });
    if (all) return true;
    std::string together;
    for (const auto& t : tokens) together += t;
    if (together.find(joined) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::vector<std::string>> entity_tokens(const std::vector<newsdex::NamedEntity>& list) {
  std::vector<std::vector<std::string>> result;
  for (const auto& entity : list) {
    std::vector<std::string> tokens = tokens_of(entity.name);
    for (const auto& alias : entity.aliases) {
      for (auto& t : tokens_of(alias)) tokens.push_back(std::move(t));
    }
    result.push_back(std::move(tokens));
  }
  return result;
}

// The words that refer to country `code` in an article ("Argentina", "h:Canadian" for one in the
// headline, "*Japan" for one counted as named), or "dateline" when it is where the story was filed.
std::vector<std::string> reference_texts(const Article& article, const ArticleMetadata& m,
                                         const std::string& code) {
  std::vector<std::string> texts;
  if (m.filed_from && m.filed_from->country == code) texts.push_back("dateline");
  for (const newsdex::CountryMentions& c : m.country_mentions) {
    if (c.code != code) continue;
    for (const newsdex::Mention& x : c.mentions) {
      const bool headline = x.field == newsdex::TextField::headline;
      const std::string_view field = headline ? std::string_view(article.headline)
                                     : x.field == newsdex::TextField::caption
                                         ? std::string_view(article.captions[x.caption])
                                         : std::string_view(article.body);
      texts.push_back(
          fmt::format("{}{}", headline ? "h:" : "", field.substr(x.start, x.end - x.start)));
    }
    texts.push_back(fmt::format("named={}", c.named));
  }
  return texts;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "extraction_eval: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--places") {
      options.places_table = value();
    } else if (arg == "--limit") {
      options.limit = std::stoul(value());
    } else if (arg == "--errors") {
      options.errors = std::stoul(value());
    } else if (arg == "--check") {
      options.check = true;
    } else {
      options.paths.push_back(arg);
    }
  }
  if (options.paths.empty()) {
    std::cerr << "usage: extraction_eval [--places TSV] [--limit N] [--errors N] [--check] "
                 "reut2-*.sgm...\n";
    std::exit(2);
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  const std::map<std::string, std::string> place_codes = read_places_table(options.places_table);

  std::vector<Article> articles;
  newsdex::ReadCallbacks callbacks;
  callbacks.on_article = [&](Article&& article) {
    if (options.limit == 0 || articles.size() < options.limit)
      articles.push_back(std::move(article));
  };
  newsdex::read_articles(options.paths, {}, callbacks);

  Ratio date;
  Ratio dateline_date;
  Ratio dateline_country;
  std::uint64_t datelined = 0;
  std::uint64_t dateline_unresolved = 0;
  SetScore countries;
  SetScore strict;
  Ratio people;
  Ratio organizations;
  std::map<std::string, std::vector<std::string>> misses;
  auto miss = [&](const std::string& measure, const std::string& text) {
    auto& list = misses[measure];
    if (list.size() < options.errors) list.push_back(text);
  };

  const auto start = std::chrono::steady_clock::now();
  std::vector<ArticleMetadata> extracted;
  extracted.reserve(articles.size());
  for (const Article& article : articles) extracted.push_back(newsdex::extract_metadata(article));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (std::size_t a = 0; a < articles.size(); ++a) {
    const Article& article = articles[a];
    const ArticleMetadata& m = extracted[a];
    const std::string gold = gold_date(article.date);
    if (!gold.empty()) {
      ++date.total;
      if (m.date && m.date->iso() == gold) {
        ++date.hits;
      } else {
        miss("date",
             fmt::format("{}: {} → {}", article.id, article.date, m.date ? m.date->iso() : "-"));
      }
      if (m.dateline && m.dateline->date && m.dateline->date->day != 0) {
        ++dateline_date.total;
        if (m.dateline->date->iso() == gold) ++dateline_date.hits;
      }
    }

    std::set<std::string> gold_countries;
    auto tags = article.tags.find("places");
    if (tags != article.tags.end()) {
      for (const std::string& tag : tags->second) {
        if (auto it = place_codes.find(tag); it != place_codes.end())
          gold_countries.insert(it->second);
      }
    }
    if (!gold_countries.empty()) {
      if (!article.dateline.empty()) {
        ++datelined;
        ++dateline_country.total;
        if (!m.filed_from) {
          ++dateline_unresolved;
          miss("dateline", fmt::format("{}: '{}' unresolved, gold {}", article.id, article.dateline,
                                       join({gold_countries.begin(), gold_countries.end()})));
        } else if (gold_countries.contains(m.filed_from->country)) {
          ++dateline_country.hits;
        } else {
          miss("dateline", fmt::format("{}: '{}' → {} {}, gold {}", article.id, article.dateline,
                                       m.filed_from->city ? m.filed_from->city->name : "-",
                                       m.filed_from->country,
                                       join({gold_countries.begin(), gold_countries.end()})));
        }
      }
      // The stricter rule, for comparison: the dateline, the headline, or two references.
      std::set<std::string> salient;
      if (m.filed_from) salient.insert(m.filed_from->country);
      for (const newsdex::CountryMentions& c : m.country_mentions) {
        const bool in_headline = std::any_of(
            c.mentions.begin(), c.mentions.end(),
            [](const newsdex::Mention& x) { return x.field == newsdex::TextField::headline; });
        if (in_headline || c.mentions.size() >= 2) salient.insert(c.code);
      }
      strict.gold += gold_countries.size();
      strict.predicted += salient.size();
      for (const std::string& code : salient) strict.true_positives += gold_countries.count(code);

      const std::set<std::string> found(m.countries.begin(), m.countries.end());
      countries.gold += gold_countries.size();
      countries.predicted += found.size();
      for (const std::string& code : found) {
        if (gold_countries.contains(code)) {
          ++countries.true_positives;
        } else {
          miss("country+", fmt::format("{}: {} not in gold {} ({}) from [{}]", article.id, code,
                                       join({gold_countries.begin(), gold_countries.end()}),
                                       article.headline, join(reference_texts(article, m, code))));
        }
      }
      for (const std::string& code : gold_countries) {
        if (!found.contains(code)) {
          miss("country-", fmt::format("{}: missed {}, found {} ({})", article.id, code,
                                       join(m.countries), article.headline));
        }
      }
    }

    const auto score_names = [&](const char* kind, const std::vector<newsdex::NamedEntity>& list,
                                 Ratio& ratio) {
      const auto gold_names = article.tags.find(kind);
      if (gold_names == article.tags.end()) return;
      const auto tokens = entity_tokens(list);
      for (const std::string& name : gold_names->second) {
        ++ratio.total;
        if (name_found(name, tokens)) {
          ++ratio.hits;
        } else {
          std::vector<std::string> names;
          for (const auto& e : list) names.push_back(e.name);
          miss(kind, fmt::format("{}: {} not in [{}]", article.id, name, join(names)));
        }
      }
    };
    score_names("people", m.people, people);
    score_names("orgs", m.organizations, organizations);
  }

  fmt::print(
      "Reuters-21578 extraction evaluation: {} articles, {:.2f} s of extraction "
      "({:.0f} articles/s)\n\n",
      articles.size(), seconds, seconds > 0 ? articles.size() / seconds : 0.0);
  fmt::print("| measure | score | count | goal |\n|---|---:|---:|---:|\n");
  fmt::print("| publication date = <DATE> (exact day) | {:.2f}% | {}/{} | ≥ 99.5% |\n",
             100 * date.value(), date.hits, date.total);
  fmt::print("| dateline date = <DATE> (dated datelines) | {:.2f}% | {}/{} | |\n",
             100 * dateline_date.value(), dateline_date.hits, dateline_date.total);
  fmt::print(
      "| dateline country in <PLACES> (datelined, tagged stories) | {:.2f}% | {}/{} "
      "({} unresolved) | ≥ 98% |\n",
      100 * dateline_country.value(), dateline_country.hits, dateline_country.total,
      dateline_unresolved);
  fmt::print("| country facet vs <PLACES>: precision | {:.3f} | {}/{} | |\n", countries.precision(),
             countries.true_positives, countries.predicted);
  fmt::print("| country facet vs <PLACES>: recall | {:.3f} | {}/{} | |\n", countries.recall(),
             countries.true_positives, countries.gold);
  fmt::print("| country facet vs <PLACES>: F1 | {:.3f} | | ≥ 0.90 |\n", countries.f1());
  fmt::print(
      "| (for comparison) stricter facet, dateline + headline + referred to twice: P / R / "
      "F1 | {:.3f} / {:.3f} / {:.3f} | | |\n",
      strict.precision(), strict.recall(), strict.f1());
  fmt::print("| <PEOPLE> names found (recall) | {:.2f}% | {}/{} | |\n", 100 * people.value(),
             people.hits, people.total);
  fmt::print("| <ORGS> names found (recall) | {:.2f}% | {}/{} | |\n", 100 * organizations.value(),
             organizations.hits, organizations.total);
  for (const auto& [measure, list] : misses) {
    fmt::print("\nmisses ({}):\n", measure);
    for (const auto& line : list) fmt::print("  {}\n", line);
  }

  if (options.check) {
    // Goals for a sample of a few hundred stories, below the full-corpus goals: the smoke run
    // catches a broken extractor, not a fraction of a point.
    const bool ok = date.value() >= 0.99 && dateline_country.value() >= 0.95 &&
                    countries.f1() >= 0.85 && people.value() >= 0.5 && organizations.value() >= 0.5;
    if (!ok) {
      fmt::print(stderr, "extraction_eval: a score is below its goal\n");
      return 1;
    }
  }
  return 0;
}
