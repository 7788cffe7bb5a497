// SPDX-License-Identifier: GPL-3.0-or-later
//
// Scores "did you mean" on typos made from Reuters-21578's own words, and on misspellings
// people made of them:
//
//   spelling_eval [--files N] [--typos N] [--errors N] [--check] [--real-typos FILE]
//
// Indexes the first N Reuters-21578 SGML files (default all 22), takes words of five letters
// or more that at least ten articles write, and makes one typo of each the way fingers do
// (Damerau 1964; Kernighan, Church and Gale 1990): two neighbouring letters swapped, a letter
// left out, a letter doubled or a neighbouring key's letter added, or a letter replaced by a
// neighbouring key's, never in the first letter. A typo the archive holds or an English
// dictionary knows is no typo to correct (`form` for `from`) and is passed over. Each typo is
// searched for through the public API, and its suggestion scored: the word meant, another word
// English stems alike (`rouble` for `roubles`: the search is the same), another word, or none. The
// typos are the same on every run (a fixed seed). Also counts, of words the archive holds in one to
// three articles (the archive's own typos and names), how many a suggestion replaces, printing them
// with --errors: those are read by eye, as a name (`Harrosh`) must keep its spelling while a typo
// of the archive (`Bundesbnak`) should not.
//
// The misspellings are codespell's list (Debian's codespell package; --real-typos for another
// file of `typo->correction` lines), gathered from Wikipedia's list of common misspellings and
// from source code: those of one correction, a word of five letters or more that at least ten
// articles write, passed over like the made typos when the archive holds them or English
// knows them. They test what the made typos cannot: slips of several kinds at once, of the
// first letter, and of spelling rather than of fingers (`accomodate`).
//
// With --check it exits non-zero when fewer typos or misspellings than their goals are
// corrected (the ctest smoke run uses it on one file).

#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "newsdex/newsdex.h"
#include "searcher/word_dictionaries.h"

namespace {

namespace fs = std::filesystem;

struct Options {
  int files = 22;
  std::size_t typos = 1000;
  std::size_t errors = 0;  // examples to print of each kind of miss
  bool check = false;
  // Real misspellings and their corrections, one `typo->correction` a line (codespell's list).
  std::string real_typos = "/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt";
};

// Shares of made typos and of misspellings that must be corrected with --check (to the word
// meant or one stemmed alike).
constexpr double kGoal = 0.6;
constexpr double kRealGoal = 0.8;

// The keys next to each letter's on a QWERTY keyboard.
const std::map<char, std::string_view>& neighbours() {
  static const std::map<char, std::string_view> keys = {
      {'q', "wa"},     {'w', "qeasd"},  {'e', "wrsdf"},  {'r', "etdfg"},  {'t', "ryfgh"},
      {'y', "tughj"},  {'u', "yihjk"},  {'i', "uojkl"},  {'o', "ipkl"},   {'p', "ol"},
      {'a', "qwsz"},   {'s', "weadzx"}, {'d', "ersfxc"}, {'f', "rtdgcv"}, {'g', "tyfhvb"},
      {'h', "yugjbn"}, {'j', "uihknm"}, {'k', "iojlm"},  {'l', "opk"},    {'z', "asx"},
      {'x', "zsdc"},   {'c', "xdfv"},   {'v', "cfgb"},   {'b', "vghn"},   {'n', "bhjm"},
      {'m', "njk"}};
  return keys;
}

// A typo of `word` (lower-case ASCII letters, five or more), not in its first letter.
std::string typo_of(const std::string& word, std::mt19937& random) {
  const auto pick = [&](std::size_t from, std::size_t to) {  // in [from, to]
    return std::uniform_int_distribution<std::size_t>(from, to)(random);
  };
  const auto near_key = [&](char c) {
    const std::string_view keys = neighbours().at(c);
    return keys[pick(0, keys.size() - 1)];
  };
  std::string typo = word;
  switch (pick(0, 3)) {
    case 0: {  // two neighbours swapped
      const std::size_t at = pick(1, word.size() - 2);
      std::swap(typo[at], typo[at + 1]);
      break;
    }
    case 1:  // a letter left out
      typo.erase(pick(1, word.size() - 1), 1);
      break;
    case 2: {  // a letter doubled, or a neighbouring key's added
      const std::size_t at = pick(1, word.size() - 1);
      typo.insert(at, 1, pick(0, 1) == 0 ? word[at - 1] : near_key(word[at - 1]));
      break;
    }
    default: {  // a letter replaced by a neighbouring key's
      const std::size_t at = pick(1, word.size() - 1);
      typo[at] = near_key(word[at]);
      break;
    }
  }
  return typo;
}

// The lower-case ASCII words of `text`.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  bool letters_only = true;
  for (const char c : std::string(text) + ' ') {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80) != 0) {
      letters_only = letters_only && std::isalpha(static_cast<unsigned char>(c));
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (!word.empty() && letters_only) words.push_back(word);
      word.clear();
      letters_only = true;
    }
  }
  return words;
}

// How the suggestions for some typos came out.
struct Scores {
  std::size_t tried = 0;
  std::size_t corrected = 0;  // to the word meant
  std::size_t same_stem = 0;  // to a word English stems alike
  std::vector<std::string> wrong;
  std::vector<std::string> missed;
};

double share(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

void print_scores(std::string_view title, const Scores& scores) {
  fmt::print("{}: {}\n", title, scores.tried);
  fmt::print("  corrected to the word meant  {:5} {:5.1f}%\n", scores.corrected,
             share(scores.corrected, scores.tried));
  fmt::print("  a word of the same stem       {:5} {:5.1f}%\n", scores.same_stem,
             share(scores.same_stem, scores.tried));
  fmt::print("  another word suggested       {:5} {:5.1f}%\n", scores.wrong.size(),
             share(scores.wrong.size(), scores.tried));
  fmt::print("  no suggestion                {:5} {:5.1f}%\n", scores.missed.size(),
             share(scores.missed.size(), scores.tried));
}

Options parse(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&] {
      if (i + 1 >= argc) throw std::runtime_error(arg + " needs a value");
      return std::string(argv[++i]);
    };
    if (arg == "--files") {
      options.files = std::stoi(value());
    } else if (arg == "--typos") {
      options.typos = std::stoul(value());
    } else if (arg == "--errors") {
      options.errors = std::stoul(value());
    } else if (arg == "--check") {
      options.check = true;
    } else if (arg == "--real-typos") {
      options.real_typos = value();
    } else {
      throw std::runtime_error("unknown argument " + arg);
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) try {
  const Options options = parse(argc, argv);
  if (!fs::exists(fs::path(NEWSDEX_REUTERS_DIR) / "reut2-000.sgm")) {
    fmt::print("skipped: Reuters-21578 is not at {}\n", NEWSDEX_REUTERS_DIR);
    return 0;
  }
  const fs::path dir =
      fs::temp_directory_path() / fmt::format("newsdex-spelling-eval-{}", getpid());
  std::vector<std::string> paths;
  for (int i = 0; i < options.files; ++i) {
    paths.push_back(fmt::format("{}/reut2-{:03}.sgm", NEWSDEX_REUTERS_DIR, i));
  }
  // Articles writing each word.
  std::map<std::string, std::size_t> articles;
  {
    newsdex::Index index = newsdex::Index::create((dir / "db").string());
    newsdex::read_articles(paths, {}, {.on_article = [&](newsdex::Article&& article) {
                             std::vector<std::string> words =
                                 words_of(article.headline + ' ' + article.body);
                             std::sort(words.begin(), words.end());
                             words.erase(std::unique(words.begin(), words.end()), words.end());
                             for (const std::string& word : words) ++articles[word];
                             index.add(article);
                           }});
    index.commit();
  }
  const newsdex::Searcher searcher = newsdex::Searcher::open((dir / "db").string());
  newsdex::WordDictionaries english({"en"}, newsdex::WordDictionaries::kSystemDirectory);
  const auto suggestion = [&](const std::string& query) {
    return searcher.search({.query = query, .limit = 0}).suggestion;
  };

  std::vector<std::string> common;
  std::vector<std::string> rare;
  for (const auto& [word, count] : articles) {
    if (word.size() >= 5 && count >= 10) common.push_back(word);
    if (word.size() >= 3 && count <= 3) rare.push_back(word);
  }
  std::mt19937 random(21578);
  std::shuffle(common.begin(), common.end(), random);
  std::shuffle(rare.begin(), rare.end(), random);

  const Xapian::Stem stem("english");
  // A typo to score: one the archive does not hold and English does not know.
  const auto is_typo = [&](const std::string& typo) {
    return !articles.contains(typo) && !english.knows(typo) &&
           searcher.search({.query = typo, .limit = 0}).total.estimated == 0;
  };
  const auto score = [&](const std::string& typo, const std::string& word, Scores& scores) {
    ++scores.tried;
    const std::optional<std::string> suggested = suggestion(typo);
    if (suggested == word) {
      ++scores.corrected;
    } else if (suggested && stem(*suggested) == stem(word)) {
      ++scores.same_stem;
    } else if (suggested) {
      scores.wrong.push_back(fmt::format("{} → {} (meant {})", typo, *suggested, word));
    } else {
      scores.missed.push_back(fmt::format("{} (meant {})", typo, word));
    }
  };
  Scores made;
  for (const std::string& word : common) {
    if (made.tried == options.typos) break;
    const std::string typo = typo_of(word, random);
    if (is_typo(typo)) score(typo, word, made);
  }
  // Misspellings people made, of the same words.
  Scores real;
  std::ifstream real_typos(options.real_typos);
  for (std::string line; std::getline(real_typos, line);) {
    const std::size_t arrow = line.find("->");
    if (arrow == std::string::npos) continue;
    const std::string typo = line.substr(0, arrow);
    const std::string word = line.substr(arrow + 2);
    const auto is_word = [](const std::string& w) {
      return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    };
    // One correction, of the words typos were made of above.
    if (!is_word(typo) || !is_word(word) || word.size() < 5) continue;
    if (const auto found = articles.find(word); found == articles.end() || found->second < 10) {
      continue;
    }
    if (is_typo(typo)) score(typo, word, real);
  }
  std::size_t rare_tried = 0;
  std::vector<std::string> replaced;
  for (const std::string& word : rare) {
    if (rare_tried == options.typos / 2) break;
    ++rare_tried;
    if (const std::optional<std::string> suggested = suggestion(word)) {
      replaced.push_back(fmt::format("{} → {}", word, *suggested));
    }
  }
  fs::remove_all(dir);

  print_scores("typos of common words", made);
  if (real.tried > 0) {
    print_scores(fmt::format("misspellings of common words from {}", options.real_typos), real);
  } else {
    fmt::print("misspellings: none read from {} (Debian's codespell package has the list)\n",
               options.real_typos);
  }
  fmt::print("words in one to three articles: {}\n", rare_tried);
  fmt::print("  replaced by a suggestion     {:5} {:5.1f}%\n", replaced.size(),
             share(replaced.size(), rare_tried));
  const auto examples = [&](std::string_view what, const std::vector<std::string>& lines) {
    if (options.errors == 0 || lines.empty()) return;
    fmt::print("{}:\n", what);
    for (std::size_t i = 0; i < std::min(options.errors, lines.size()); ++i) {
      fmt::print("  {}\n", lines[i]);
    }
  };
  examples("another word suggested", made.wrong);
  examples("no suggestion", made.missed);
  examples("misspellings: another word suggested", real.wrong);
  examples("misspellings: no suggestion", real.missed);
  examples("rare words replaced", replaced);
  if (options.check && share(made.corrected + made.same_stem, made.tried) < 100 * kGoal) {
    fmt::print("FAILED: fewer than {:.0f}% of the typos corrected\n", 100 * kGoal);
    return 1;
  }
  if (options.check && real.tried > 0 &&
      share(real.corrected + real.same_stem, real.tried) < 100 * kRealGoal) {
    fmt::print("FAILED: fewer than {:.0f}% of the misspellings corrected\n", 100 * kRealGoal);
    return 1;
  }
  return 0;
} catch (const std::exception& error) {
  fmt::print(stderr, "spelling_eval: {}\n", error.what());
  return 2;
}
