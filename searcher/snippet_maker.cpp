// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/snippet_maker.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <charconv>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "indexer/schema.h"
#include "searcher/slot_filter_source.h"

namespace newsdex {

// The words a query looks for, as terms without field prefixes, each with the number of the
// query word it comes from: one typed word becomes several terms (`fees`, `Zfee`, `Zfe` in the
// branches of several languages), and a passage counts it once. Words inside a phrase count only
// where the whole phrase is: `"crude oil"` marks no lone `oil`.
struct detail::QueryWords {
  struct Phrase {
    std::vector<std::string> words;
    bool stemmed = false;  ///< `words` are stems (`Zcrude Zoil`), matched by the text's stems
    unsigned word = 0;
    std::set<std::string> languages;  ///< those of its branch; empty: every language
  };
  std::map<std::string, unsigned, std::less<>> exact;
  std::map<std::string, unsigned, std::less<>> stems;
  /// Stems that only the branches of some languages hold → those languages; a stem not here is
  /// any language's. A query is parsed once per language (`QueryBuilder`): the stem one
  /// language's parse looks for (Portuguese `strong` for `stronger`) is not another's, and an
  /// English article's `strong` does not match.
  std::map<std::string, std::set<std::string>, std::less<>> stem_languages;

  /// Adds `stem`, the `number`th query word, looked for in `languages` (empty: all).
  void add_stem(std::string_view stem, unsigned number, const std::set<std::string>& languages) {
    const bool is_new = stems.emplace(stem, number).second;
    const auto restricted = stem_languages.find(stem);
    if (languages.empty()) {
      if (restricted != stem_languages.end()) stem_languages.erase(restricted);
    } else if (is_new) {
      stem_languages.emplace(stem, languages);
    } else if (restricted != stem_languages.end()) {
      restricted->second.insert(languages.begin(), languages.end());
    }
  }

  /// Whether `stem`, one of `stems`, is looked for in `language`.
  bool looks_for(std::string_view stem, std::string_view language) const {
    const auto restricted = stem_languages.find(stem);
    return restricted == stem_languages.end() || restricted->second.contains(std::string(language));
  }
  std::bitset<256> stem_starts;  ///< the first bytes of `stems`
  std::vector<std::pair<std::string, unsigned>> wildcards;
  std::vector<Phrase> phrases;
  std::set<unsigned> words;  ///< every query word's number
  /// Numbers given here to words QueryParser did not number, past any it gives.
  std::map<std::string, unsigned, std::less<>> unnumbered;

  /// The number of the query word that `leaf`, which stands for `word`, comes from. QueryParser
  /// numbers a query's words 1, 2, … and gives every term it makes of a word that number, which
  /// Xapian 1.4 shows only in the leaf's description (`Query(Zoil@1)`, `Query(Zoil#2@1)` with a
  /// wqf). Leaves without one (wildcards, a query made in code, the terms of `similar`) count as
  /// one word where they stand for the same word.
  unsigned number(const Xapian::Query& leaf, std::string_view word) {
    const std::string description = leaf.get_description();
    const std::size_t at = description.rfind('@');
    unsigned number = 0;
    if (at != std::string::npos && description.ends_with(')')) {
      const char* const end = description.data() + description.size() - 1;
      const auto [past, error] = std::from_chars(description.data() + at + 1, end, number);
      if (error != std::errc() || past != end) number = 0;
    }
    if (number == 0) {
      const auto next = static_cast<unsigned>((1U << 24) + unnumbered.size());
      number = unnumbered.try_emplace(std::string(word), next).first->second;
    }
    words.insert(number);
    return number;
  }
};

namespace {

using detail::QueryWords;

// The word a free-text term written as it is stands for (`oil`, `Soil`: `oil`), or empty. The
// headline's prefix is dropped so that `headline:` words are marked in the text too; other
// prefixes are filters.
std::string_view unprefixed(std::string_view term) {
  const std::optional<schema::TextTerm> text = schema::text_term(term);
  return text && !text->stem ? text->word : std::string_view();
}

// The stem a stemmed language's term stands for (`Zoil`, `ZSoil`: `oil`), or empty.
std::string_view stem_of(std::string_view term) {
  const std::optional<schema::TextTerm> text = schema::text_term(term);
  return text && text->stem ? text->word : std::string_view();
}

std::string leaf_term(const Xapian::Query& leaf) { return *leaf.get_unique_terms_begin(); }

// The languages a filter keeps to, as its query describes its source
// (`Query(PostingSource(language en|pt))`), or none for another filter.
std::set<std::string> filtered_languages(const Xapian::Query& filter) {
  constexpr std::string_view kField = "language ";
  const std::string description = SlotFilterSource::description_of(filter);
  if (!description.starts_with(kField)) return {};
  return SlotFilterSource::chosen_values(std::string_view(description).substr(kField.size()));
}

// `languages`: those of the branch `query` is part of; empty for every language.
void collect(const Xapian::Query& query, QueryWords& words,
             const std::set<std::string>& languages) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = leaf_term(query);
      if (term.starts_with('Z')) {
        if (const std::string_view stem = stem_of(term); !stem.empty()) {
          words.add_stem(stem, words.number(query, stem), languages);
        }
      } else if (const std::string_view word = unprefixed(term); !word.empty()) {
        words.exact.emplace(word, words.number(query, word));
      }
      return;
    }
    case Xapian::Query::OP_WILDCARD: {
      // Xapian 1.4 shows a wildcard's pattern only in its description: `Query(WILDCARD OR zur)`.
      // A stemmed language's (`Zcyber`) is matched by words starting as its stems do.
      std::string description = query.get_description();
      if (description.ends_with(')')) description.pop_back();
      const std::string_view written =
          std::string_view(description).substr(description.rfind(' ') + 1);
      const std::string_view pattern =
          written.starts_with('Z') ? stem_of(written) : unprefixed(written);
      if (!pattern.empty()) words.wildcards.emplace_back(pattern, words.number(query, pattern));
      return;
    }
    case Xapian::Query::OP_PHRASE: {
      QueryWords::Phrase phrase;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const Xapian::Query part = query.get_subquery(i);
        if (part.get_type() != Xapian::Query::LEAF_TERM) return;
        // Named, so that the view `unprefixed` returns does not outlive the term.
        const std::string term = leaf_term(part);
        phrase.stemmed = term.starts_with('Z');
        const std::string_view word = phrase.stemmed ? stem_of(term) : unprefixed(term);
        if (word.empty()) return;
        phrase.words.emplace_back(word);
      }
      phrase.word = words.number(query.get_subquery(0), phrase.words.front());
      phrase.languages = languages;
      words.phrases.push_back(std::move(phrase));
      return;
    }
    case Xapian::Query::OP_FILTER:
      // A language branch: its parse, then the filter keeping it to its languages.
      if (query.get_num_subqueries() == 2) {
        const std::set<std::string> filtered = filtered_languages(query.get_subquery(1));
        if (!filtered.empty()) {
          collect(query.get_subquery(0), words, filtered);
          return;
        }
      }
      [[fallthrough]];
    default:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        collect(query.get_subquery(i), words, languages);
      }
  }
}

// Stemmers change letters only: a term without one (`1987`, `2.55`) is its own stem in every
// language. Non-ASCII bytes may be letters.
bool may_stem(std::string_view term) {
  return std::any_of(term.begin(), term.end(), [](char c) {
    return (c & 0x80) != 0 || std::isalpha(static_cast<unsigned char>(c));
  });
}

// Whether `term` may stem to one of the query's stems, so that matching it means stemming it.
// `keeps_first_letter`: the stemmer's, as `TextAnalysis::stems_keep_first_letter` says. Most
// words of a story then need no stemming: no query stem starts with their letter.
bool may_match_a_stem(std::string_view term, const QueryWords& words, bool keeps_first_letter) {
  const auto first = static_cast<unsigned char>(term.empty() ? 0 : term[0]);
  return !words.stems.empty() &&
         (!keeps_first_letter || first < 'a' || first > 'z' || words.stem_starts.test(first));
}

// The number of the query word `token`, of a text in `language`, matches, 0 for none: by its
// term, its stem in that language, or a wildcard.
unsigned match(const Token& token, const QueryWords& words, std::string_view language,
               const Xapian::Stem& stemmer, bool keeps_first_letter) {
  if (const auto exact = words.exact.find(token.term); exact != words.exact.end()) {
    return exact->second;
  }
  if (may_match_a_stem(token.term, words, keeps_first_letter)) {
    const std::string stem =
        stemmer.is_none() || !may_stem(token.term) ? token.term : stemmer(token.term);
    if (const auto found = words.stems.find(stem);
        found != words.stems.end() && words.looks_for(stem, language)) {
      return found->second;
    }
  }
  for (const auto& [pattern, word] : words.wildcards) {
    if (token.term.starts_with(pattern)) return word;
  }
  return 0;
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// How a query word starts, for finding where one may be in a text without analysing it: its
// first three letters, a phrase whole as most texts write it (words apart by one space). Empty
// when some word does not start with an ASCII letter.
std::vector<std::string> starts_of(const QueryWords& words) {
  std::vector<std::string> starts;
  const auto add = [&](std::string_view word) {
    starts.emplace_back(word.substr(0, std::min<std::size_t>(word.size(), 3)));
  };
  for (const auto& [word, number] : words.exact) add(word);
  for (const auto& [stem, number] : words.stems) add(stem);
  for (const auto& [pattern, number] : words.wildcards) add(pattern);
  for (const QueryWords::Phrase& phrase : words.phrases) {
    // A stemmed phrase's words may be written otherwise: each starts as its stem does.
    if (phrase.stemmed) {
      for (const std::string& stem : phrase.words) add(stem);
      continue;
    }
    std::string joined;
    for (const std::string& w : phrase.words) joined += (joined.empty() ? "" : " ") + w;
    starts.push_back(std::move(joined));
  }
  const bool all_ascii_letters =
      std::all_of(starts.begin(), starts.end(), [](const std::string& s) {
        return !s.empty() && is_ascii(s) && std::isalpha(static_cast<unsigned char>(s[0]));
      });
  if (!all_ascii_letters) return {};
  // Where one start begins another (`oil`, `oil price`), the longer finds nothing more.
  std::sort(starts.begin(), starts.end());
  std::vector<std::string> shortest;
  for (std::string& start : starts) {
    if (shortest.empty() || !start.starts_with(shortest.back())) {
      shortest.push_back(std::move(start));
    }
  }
  return shortest;
}

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The first place in `text` from `from` on where a word begins as one of `starts` does (case
// aside): `oil` is not found in `turmoil`. Folding never changes ASCII letters other than their
// case, so no match is missed before it.
std::optional<std::size_t> first_start(std::string_view text, std::size_t from,
                                       const std::vector<std::string>& starts) {
  std::bitset<256> first_letters;
  for (const std::string& start : starts) first_letters.set(static_cast<unsigned char>(start[0]));
  const auto same_letter = [](char s, char t) { return s == ascii_lower(t); };
  for (std::size_t at = from; at < text.size(); ++at) {
    const char c = ascii_lower(text[at]);
    if (!first_letters.test(static_cast<unsigned char>(c)) ||
        (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1])))) {
      continue;
    }
    const std::string_view rest = text.substr(at);
    for (const std::string& start : starts) {
      if (start.size() <= rest.size() &&
          std::equal(start.begin(), start.end(), rest.begin(), same_letter)) {
        return at;
      }
    }
  }
  return std::nullopt;
}

// The stretch of `text` around `at` that a snippet of `length` from there can come from, cut at
// spaces: `reach` past it, and a third of `length` before it, as a snippet shows at most that
// before its first match unless it ends where the text does: then it reaches back a whole
// length.
std::pair<std::size_t, std::size_t> around(std::string_view text, std::size_t at, std::size_t reach,
                                           std::size_t length) {
  std::size_t end = std::min(text.size(), at + reach);
  while (end < text.size() && !is_space(text[end])) ++end;
  const std::size_t lead = end == text.size() ? length : length / 3;
  std::size_t begin = at > lead ? at - lead : 0;
  while (begin > 0 && !is_space(text[begin - 1])) --begin;
  return {begin, end};
}

// Matches [first, last) of a stretch's matches: no wider than the snippet's length, with the
// most distinct query words (`words`), the earliest such.
struct Window {
  std::size_t first = 0;
  std::size_t last = 0;
  std::size_t words = 0;
};

Window best_window(const detail::Matches& matches, std::size_t length) {
  const std::vector<Token>& tokens = matches.tokens;
  const std::vector<std::size_t>& matched = matches.matched;
  Window best;
  std::vector<unsigned> seen;  // a query has a few words: a list is quickest
  for (std::size_t first = 0; first < matched.size(); ++first) {
    seen.clear();
    std::size_t last = first;
    while (last < matched.size() &&
           tokens[matched[last]].end - tokens[matched[first]].begin <= length) {
      const unsigned word = matches.word_of[matched[last]];
      if (std::find(seen.begin(), seen.end(), word) == seen.end()) seen.push_back(word);
      ++last;
    }
    if (seen.size() > best.words) best = {first, last, seen.size()};
  }
  return best;
}

// The snippet of `text[from, to)` with `window` of its `matches`, as if it were the whole text,
// marked as cut where it is: context around the window, cut at word boundaries.
Snippet passage(std::string_view text, std::size_t from, std::size_t to,
                const detail::Matches& matches, const Window& window, std::size_t length) {
  const std::string_view whole = text;
  text = text.substr(from, to - from);
  const std::vector<Token>& tokens = matches.tokens;
  const std::vector<std::size_t>& matched = matches.matched;
  const auto [best_first, best_last, best_count] = window;

  std::size_t begin = 0;
  std::size_t end = std::min(text.size(), length);
  if (best_count > 0) {
    const std::size_t match_begin = tokens[matched[best_first]].begin;
    const std::size_t match_end = tokens[matched[best_last - 1]].end;
    const std::size_t room =
        length > match_end - match_begin ? length - (match_end - match_begin) : 0;
    begin = match_begin - std::min(match_begin, room / 3);
    end = std::min(text.size(), begin + std::max(length, match_end - begin));
    if (end == text.size()) begin = end > length ? std::min(begin, end - length) : 0;
  }
  if (begin > 0) {
    const auto first_word =
        std::lower_bound(tokens.begin(), tokens.end(), begin,
                         [](const Token& t, std::size_t at) { return t.begin < at; });
    begin = first_word == tokens.end() ? end : first_word->begin;
  }
  if (end < text.size()) {
    auto last_word = std::upper_bound(tokens.begin(), tokens.end(), end,
                                      [](std::size_t at, const Token& t) { return at < t.end; });
    end = last_word == tokens.begin() ? begin : std::max(begin, std::prev(last_word)->end);
  }

  Snippet snippet;
  if (begin > 0 || from > 0) snippet.text = "…";
  std::size_t next_match = 0;
  while (next_match < matched.size() && tokens[matched[next_match]].begin < begin) ++next_match;
  bool previous_space = true;  // no space at the start
  for (std::size_t i = begin; i < end;) {
    if (next_match < matched.size() && tokens[matched[next_match]].begin == i &&
        tokens[matched[next_match]].end <= end) {
      const Token& token = tokens[matched[next_match++]];
      const std::size_t at = snippet.text.size();
      snippet.text.append(text.substr(token.begin, token.end - token.begin));
      snippet.highlights.push_back({at, snippet.text.size()});
      i = token.end;
      previous_space = false;
      continue;
    }
    // Whitespace runs (paragraph breaks) read better as single spaces in a one-line snippet.
    const bool space = is_space(text[i]);
    if (!(space && previous_space)) snippet.text.push_back(space ? ' ' : text[i]);
    previous_space = space;
    ++i;
  }
  if (end < text.size() || to < whole.size()) snippet.text += "…";
  return snippet;
}

}  // namespace

SnippetMaker::SnippetMaker(const Xapian::Query& query, TextAnalysis& analysis)
    : analysis_(analysis) {
  auto words = std::make_unique<QueryWords>();
  collect(query, *words, {});
  for (const auto& [stem, number] : words->stems) {
    if (!stem.empty()) words->stem_starts.set(static_cast<unsigned char>(stem[0]));
  }
  starts_ = starts_of(*words);
  words_ = std::move(words);
}

SnippetMaker::~SnippetMaker() = default;

Snippet SnippetMaker::make(std::string_view text, std::string_view language, std::size_t length,
                           const std::function<bool()>& holds_query_word) {
  // Analysing a whole long story costs more than the rest of a search, so only a stretch from
  // the first place a query word seems to start is analysed, when that gives the passage the
  // whole text would: one with every query word (none can be before it; with one query word,
  // its first match), wholly within the stretch. With one query word a stretch reaching a
  // length past the start is enough; several may lie further apart.
  const std::size_t query_words = words_->words.size();
  if (!starts_.empty() && text.size() > (query_words == 1 ? 2 : 4) * length) {
    const std::size_t reach = query_words == 1 ? length : 3 * length;
    std::size_t to = 0;
    for (auto start = first_start(text, 0, starts_); start;
         start = first_start(text, to, starts_)) {
      std::size_t from = 0;
      std::tie(from, to) = around(text, *start, reach, length);
      detail::Matches found = matches(text.substr(from, to - from), language);
      // Nothing matched where a query word seemed to start (`oil` in `oilseed`): further on.
      if (found.matched.empty()) continue;
      Window window = best_window(found, length);
      // A passage without every query word may be bettered further on.
      if (window.words < query_words) break;
      // The passage reaches to the stretch's end (and one byte more, so that it is cut at a
      // word as in the whole text): a longer stretch.
      const std::size_t at = from + found.tokens[found.matched[window.first]].begin;
      if (to < text.size() && at + length >= to) {
        std::tie(from, to) = around(text, *start, at - *start + length + 1, length);
        found = matches(text.substr(from, to - from), language);
        window = best_window(found, length);
      }
      return passage(text, from, to, found, window, length);
    }
  }
  // A short story, query words that do not start with ASCII letters, a passage that needs it
  // all, query words not as written (a phrase across a line break, a word that folds to one)
  // or none: the whole text, whose opening is the snippet without a match. Wildcards are
  // expanded as Xapian matches, so the index's terms do not tell where their words are.
  if (holds_query_word && text.size() > 2 * length && words_->wildcards.empty() &&
      !holds_query_word()) {
    return opening(text, length);
  }
  const detail::Matches found = matches(text, language);
  return passage(text, 0, text.size(), found, best_window(found, length), length);
}

Snippet SnippetMaker::opening(std::string_view text, std::size_t length) {
  // A byte past the length, so that the opening is cut at a word as in the whole text.
  const std::size_t to = around(text, 0, length + 1, length).second;
  const detail::Matches found{
      .tokens = analysis_.tokenize(text.substr(0, to)), .word_of = {}, .matched = {}};
  return passage(text, 0, to, found, Window{}, length);
}

detail::Matches SnippetMaker::matches(std::string_view text, std::string_view language) {
  const QueryWords& words = *words_;
  detail::Matches found{.tokens = analysis_.tokenize(text)};
  const std::vector<Token>& tokens = found.tokens;
  found.word_of.assign(tokens.size(), 0);
  const Xapian::Stem& stemmer = analysis_.stemmer(language);
  const bool keeps_first_letter = analysis_.stems_keep_first_letter(language);
  // Whether token `i` is `word` of a phrase, or stems to it for a stemmed phrase. Stemming every
  // word of a story tripled the time of a phrase query: a token is stemmed only when it can
  // stem to the word, and once.
  std::vector<std::optional<std::string>> stems(tokens.size());
  const auto is = [&](std::size_t i, const std::string& word, bool stemmed) {
    const std::string& term = tokens[i].term;
    if (!stemmed) return term == word;
    if (!TextAnalysis::may_stem_to(keeps_first_letter, term, word)) return false;
    if (!stems[i]) stems[i] = stemmer.is_none() || !may_stem(term) ? term : stemmer(term);
    return *stems[i] == word;
  };
  for (const QueryWords::Phrase& phrase : words.phrases) {
    if (!phrase.languages.empty() && !phrase.languages.contains(std::string(language))) continue;
    for (std::size_t i = 0; i + phrase.words.size() <= tokens.size(); ++i) {
      bool whole = true;
      for (std::size_t k = 0; whole && k < phrase.words.size(); ++k) {
        whole = is(i + k, phrase.words[k], phrase.stemmed);
      }
      if (!whole) continue;
      for (std::size_t k = 0; k < phrase.words.size(); ++k) found.word_of[i + k] = phrase.word;
    }
  }
  // Stemming was most of the cost of a snippet, and news text repeats its words: each
  // distinct word that needs stemming is matched once for the page. Remembering every word
  // cost more than matching most of them again, which takes a letter's test and a lookup
  // among the query's few words (9% of a search with seven facets and ten snippets).
  auto language_words = word_of_term_.find(language);
  if (language_words == word_of_term_.end()) {
    language_words = word_of_term_.try_emplace(std::string(language)).first;
  }
  std::unordered_map<std::string, unsigned>& word_of_term = language_words->second;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (found.word_of[i] == 0) {
      if (!may_match_a_stem(tokens[i].term, words, keeps_first_letter)) {
        found.word_of[i] = match(tokens[i], words, language, stemmer, keeps_first_letter);
      } else {
        auto [known, is_new] = word_of_term.try_emplace(tokens[i].term);
        if (is_new) known->second = match(tokens[i], words, language, stemmer, keeps_first_letter);
        found.word_of[i] = known->second;
      }
    }
    if (found.word_of[i] != 0) found.matched.push_back(i);
  }
  return found;
}

}  // namespace newsdex
