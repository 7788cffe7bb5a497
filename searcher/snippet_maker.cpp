// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/snippet_maker.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "indexer/schema.h"

namespace newsdex {

// The words a query looks for, as terms without field prefixes. Words inside a phrase count
// only where the whole phrase is: `"crude oil"` marks no lone `oil`.
struct detail::QueryWords {
  std::set<std::string, std::less<>> exact;
  std::set<std::string, std::less<>> stems;
  std::bitset<256> stem_starts;  ///< the first bytes of `stems`
  std::vector<std::string> wildcards;
  std::vector<std::vector<std::string>> phrases;
};

namespace {

using detail::QueryWords;

// Free-text terms are folded to lower case; a capital starts a prefix. The headline's prefix
// is dropped so that `headline:` words are marked in the text too; other prefixes are filters.
std::string_view unprefixed(std::string_view term) {
  if (term.starts_with(schema::kHeadline)) term.remove_prefix(schema::kHeadline.size());
  const bool prefixed = !term.empty() && term[0] >= 'A' && term[0] <= 'Z';
  return prefixed ? std::string_view() : term;
}

std::string leaf_term(const Xapian::Query& leaf) { return *leaf.get_unique_terms_begin(); }

void collect(const Xapian::Query& query, QueryWords& words) {
  switch (query.get_type()) {
    case Xapian::Query::LEAF_TERM: {
      const std::string term = leaf_term(query);
      if (term.starts_with('Z')) {
        if (const std::string_view stem = unprefixed(std::string_view(term).substr(1));
            !stem.empty()) {
          words.stems.emplace(stem);
        }
      } else if (const std::string_view word = unprefixed(term); !word.empty()) {
        words.exact.emplace(word);
      }
      return;
    }
    case Xapian::Query::OP_WILDCARD: {
      // Xapian 1.4 shows a wildcard's pattern only in its description: `Query(WILDCARD OR zur)`.
      std::string description = query.get_description();
      if (description.ends_with(')')) description.pop_back();
      const std::string_view pattern =
          unprefixed(std::string_view(description).substr(description.rfind(' ') + 1));
      if (!pattern.empty()) words.wildcards.emplace_back(pattern);
      return;
    }
    case Xapian::Query::OP_PHRASE: {
      std::vector<std::string> phrase;
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        const Xapian::Query part = query.get_subquery(i);
        if (part.get_type() != Xapian::Query::LEAF_TERM) return;
        // Named, so that the view `unprefixed` returns does not outlive the term.
        const std::string term = leaf_term(part);
        const std::string_view word = unprefixed(term);
        if (word.empty()) return;
        phrase.emplace_back(word);
      }
      words.phrases.push_back(std::move(phrase));
      return;
    }
    default:
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        collect(query.get_subquery(i), words);
      }
  }
}

// The query word `token` matches, or empty: its term, `Z` and its stem, or its wildcard.
// Stemmers change letters only: a term without one (`1987`, `2.55`) is its own stem in every
// language. Non-ASCII bytes may be letters.
bool may_stem(std::string_view term) {
  return std::any_of(term.begin(), term.end(), [](char c) {
    return (c & 0x80) != 0 || std::isalpha(static_cast<unsigned char>(c));
  });
}

// `keeps_first_letter`: the stemmer's, as `TextAnalysis::stems_keep_first_letter` says. Most
// words of a story then need no stemming: no query stem starts with their letter.
std::string match(const Token& token, const QueryWords& words, const Xapian::Stem& stemmer,
                  bool keeps_first_letter) {
  if (words.exact.contains(token.term)) return token.term;
  const auto first = static_cast<unsigned char>(token.term.empty() ? 0 : token.term[0]);
  const bool may_match_a_stem = !words.stems.empty() &&
                                (!keeps_first_letter || first < 'a' || first > 'z' ||
                                 words.stem_starts.test(first));
  if (may_match_a_stem) {
    std::string stem =
        stemmer.is_none() || !may_stem(token.term) ? token.term : stemmer(token.term);
    if (words.stems.contains(stem)) return 'Z' + stem;
  }
  for (const std::string& pattern : words.wildcards) {
    if (token.term.starts_with(pattern)) return pattern + '*';
  }
  return {};
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

// Where in `text` the snippet can come from. Analysing a whole long story costs more than the
// rest of a search, so when every query word starts with ASCII letters, the text is scanned for
// their first letters (case aside) and only the stretch around the first match is analysed.
// Folding never changes ASCII letters other than their case, so no match is missed before it.
std::pair<std::size_t, std::size_t> region(std::string_view text, const QueryWords& words,
                                           std::size_t length) {
  std::vector<std::string> starts;
  const auto add = [&](std::string_view word) {
    starts.emplace_back(word.substr(0, std::min<std::size_t>(word.size(), 3)));
  };
  for (const std::string& w : words.exact) add(w);
  for (const std::string& w : words.stems) add(w);
  for (const std::string& w : words.wildcards) add(w);
  // A phrase is looked for whole, as most texts write it: words apart by one space.
  for (const auto& phrase : words.phrases) {
    std::string joined;
    for (const std::string& w : phrase) joined += (joined.empty() ? "" : " ") + w;
    starts.push_back(std::move(joined));
  }
  const std::pair<std::size_t, std::size_t> whole{0, text.size()};
  if (text.size() <= 4 * length || starts.empty() ||
      !std::all_of(starts.begin(), starts.end(), [](const std::string& s) {
        return !s.empty() && is_ascii(s) && std::isalpha(static_cast<unsigned char>(s[0]));
      })) {
    return whole;
  }
  std::size_t first = text.size();
  const auto same_letter = [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == b;
  };
  for (const std::string& start : starts) {
    // The first place a word starts so: `oil` is not found in `turmoil`.
    for (auto at = text.begin();; ++at) {
      at = std::search(at, text.end(), start.begin(), start.end(), same_letter);
      if (at == text.end()) break;
      if (at == text.begin() || !std::isalnum(static_cast<unsigned char>(*(at - 1)))) {
        first = std::min(first, static_cast<std::size_t>(at - text.begin()));
        break;
      }
    }
  }
  // Nothing found as written (a phrase across a line break, say): analyse it all.
  if (first == text.size()) return whole;
  // Whole words only: cut at spaces.
  std::size_t end = std::min(text.size(), first + 3 * length);
  while (end < text.size() && !is_space(text[end])) ++end;
  // A snippet shows at most a third of its length before its first match, unless it ends
  // where the text does: then it reaches back a whole length.
  const std::size_t lead = end == text.size() ? length : length / 3;
  std::size_t begin = first > lead ? first - lead : 0;
  while (begin > 0 && !is_space(text[begin - 1])) --begin;
  return {begin, end};
}

}  // namespace

SnippetMaker::SnippetMaker(const Xapian::Query& query, TextAnalysis& analysis)
    : analysis_(analysis) {
  auto words = std::make_unique<QueryWords>();
  collect(query, *words);
  for (const std::string& stem : words->stems) {
    if (!stem.empty()) words->stem_starts.set(static_cast<unsigned char>(stem[0]));
  }
  words_ = std::move(words);
}

SnippetMaker::~SnippetMaker() = default;

Snippet SnippetMaker::make(std::string_view text, std::string_view language, std::size_t length) {
  const auto [from, to] = region(text, *words_, length);
  Snippet snippet = make_in(text, from, to, language, length);
  // Nothing matched where a query word seemed to start (`oil` in `oilseed`): the story's
  // opening, as for any article where no word matches.
  if (snippet.highlights.empty() && from > 0) {
    std::size_t opening = std::min(text.size(), 2 * length);
    while (opening < text.size() && !is_space(text[opening])) ++opening;
    snippet = make_in(text, 0, opening, language, length);
  }
  return snippet;
}

Snippet SnippetMaker::make_in(std::string_view text, std::size_t from, std::size_t to,
                              std::string_view language, std::size_t length) {
  const QueryWords& words = *words_;
  // The snippet is made from the region as if it were the whole text, then marked as cut.
  const std::string_view whole = text;
  text = text.substr(from, to - from);
  const std::vector<Token> tokens = analysis_.tokenize(text);
  const Xapian::Stem& stemmer = analysis_.stemmer(language);
  const bool keeps_first_letter = analysis_.stems_keep_first_letter(language);
  // The query word each token matches, if any (null for none): a phrase where the whole
  // phrase stands. The words point into `phrase_keys` and the page's matches.
  std::vector<std::string> phrase_keys;
  for (std::size_t p = 0; p < words.phrases.size(); ++p) {
    phrase_keys.push_back("\"" + std::to_string(p));
  }
  std::vector<const std::string*> word_of(tokens.size(), nullptr);
  for (std::size_t p = 0; p < words.phrases.size(); ++p) {
    const std::vector<std::string>& phrase = words.phrases[p];
    for (std::size_t i = 0; i + phrase.size() <= tokens.size(); ++i) {
      if (!std::equal(phrase.begin(), phrase.end(), tokens.begin() + static_cast<std::ptrdiff_t>(i),
                      [](const std::string& w, const Token& t) { return w == t.term; })) {
        continue;
      }
      for (std::size_t k = 0; k < phrase.size(); ++k) word_of[i + k] = &phrase_keys[p];
    }
  }
  std::vector<std::size_t> matched;  // indices into tokens
  // Stemming was most of the cost of a snippet, and news text repeats its words: each
  // distinct word is matched once for the page.
  auto language_matches = matches_.find(language);
  if (language_matches == matches_.end()) {
    language_matches = matches_.try_emplace(std::string(language)).first;
  }
  std::unordered_map<std::string, std::string>& match_of_term = language_matches->second;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (word_of[i] == nullptr) {
      auto [found, is_new] = match_of_term.try_emplace(tokens[i].term);
      if (is_new) found->second = match(tokens[i], words, stemmer, keeps_first_letter);
      if (!found->second.empty()) word_of[i] = &found->second;
    }
    if (word_of[i] != nullptr) matched.push_back(i);
  }

  // The window of matched words no wider than `length` with the most distinct query words.
  std::size_t best_first = 0;
  std::size_t best_last = 0;  // one past
  std::size_t best_count = 0;
  std::vector<std::string_view> seen;  // a query has a few words: a list is quickest
  for (std::size_t first = 0; first < matched.size(); ++first) {
    seen.clear();
    std::size_t last = first;
    while (last < matched.size() &&
           tokens[matched[last]].end - tokens[matched[first]].begin <= length) {
      const std::string_view word = *word_of[matched[last]];
      if (std::find(seen.begin(), seen.end(), word) == seen.end()) seen.push_back(word);
      ++last;
    }
    if (seen.size() > best_count) {
      best_count = seen.size();
      best_first = first;
      best_last = last;
    }
  }

  // Context around the matches, cut at word boundaries.
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

}  // namespace newsdex
