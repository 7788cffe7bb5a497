// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/spelling_suggester.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <tuple>
#include <vector>

#include "indexer/schema.h"
#include "indexer/stored_article.h"
#include "searcher/query_syntax.h"

namespace newsdex {

namespace {

// Words in at most this many articles are checked for a likelier spelling, which must be in
// this many times more articles.
constexpr Xapian::doccount kRareWord = 3;
constexpr Xapian::doccount kMoreFrequent = 20;
// A word the archive holds, shorter than this, is never corrected: mostly an acronym or a
// ticker, one edit from another.
constexpr std::size_t kShortestHeldWordCorrected = 5;
// Articles read to tell how the archive writes a word: all of a rare word's.
constexpr std::size_t kArticlesReadForCase = 3;
// Bytes of an article's text that tell whether it is written in capitals throughout.
constexpr std::size_t kOpeningForCase = 500;
// A word shorter than this is not corrected in its first letter.
constexpr std::size_t kShortestFirstLetterSlip = 5;
// Words longer than this many bytes are neither corrected nor suggested.
constexpr std::size_t kLongestWord = 63;
// Corrections whose shown form is looked for, best first: finding it reads an article.
constexpr std::size_t kCorrectionsShown = 3;
// A language of at least one article in this many is one of the archive's main languages,
// whose dictionary tells real words from typos: not one of the few articles CLD2 took for
// another language (eight languages on Reuters-21578, whose dictionaries take 20-80 ms each
// to read).
constexpr Xapian::doccount kMainLanguageShare = 100;

// The edits a correction of `word` may make: one in a word of up to four letters, else two.
std::size_t edit_limit(std::string_view word) { return word.size() <= 4 ? 1 : 2; }

// Of two words as near `typed`, whether `a` is likelier meant than `b`: the one ending more as
// `typed` does, as a typo keeps a word's ending (`widey`: `widely`, not `wide`; `bankk`:
// `bank`, not `banks`), then the shorter, then the first in byte order.
bool likelier(std::string_view a, std::string_view b, std::string_view typed) {
  const auto ending = [&](std::string_view word) {
    std::size_t shared = 0;
    while (shared < word.size() && shared < typed.size() &&
           word[word.size() - 1 - shared] == typed[typed.size() - 1 - shared]) {
      ++shared;
    }
    return shared;
  };
  return std::tuple(ending(b), a.size(), a) < std::tuple(ending(a), b.size(), b);
}

// The bytes of `word`, as a set folded into 64 bits (`byte_set`), and whether two words whose
// sets are `a` and `b` may be within `limit` edits: each byte one holds and the other lacks
// needs an edit of its own, as an edit takes one byte out and puts one in at most (a swap
// neither). Folded bytes only make the bound lower. Most words a correction compares are
// ruled out by it before their edit distance is worked out: over 100 typos on Reuters-21578,
// the edit distances took 0.15 of the instructions they took without it.
std::uint64_t byte_set(std::string_view word) {
  std::uint64_t set = 0;
  for (const char c : word) set |= std::uint64_t{1} << (static_cast<unsigned char>(c) & 63);
  return set;
}
bool may_be_within(std::uint64_t a, std::uint64_t b, std::size_t limit) {
  return static_cast<std::size_t>(std::popcount(a & ~b)) <= limit &&
         static_cast<std::size_t>(std::popcount(b & ~a)) <= limit;
}

// The words of `by_length` (words by their length) whose length is within `limit` edits of
// `size`: a word is as many edits from another at least as their lengths differ.
template <typename Word>
auto lengths_within(const std::vector<std::vector<Word>>& by_length, std::size_t size,
                    std::size_t limit) {
  const std::size_t first = std::min(size > limit ? size - limit : 0, by_length.size());
  const std::size_t past = std::min(size + limit + 1, by_length.size());
  return std::span(by_length).subspan(first, past - first);
}

// Where `text` writes `word` (a term as `analysis` folds it), as written. In a text of ASCII
// alone, a word of ASCII letters is written with the same letters, of either case, between
// bytes that are no letters or digits, and is found without analysis, which spares segmenting
// whole articles to show one suggestion; elsewhere a letter may fold to one of them (`Brönce`
// is `bronce`).
std::vector<std::string_view> places_written(std::string_view text, std::string_view word,
                                             TextAnalysis& analysis) {
  std::vector<std::string_view> places;
  const auto is_word_byte = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  const auto is_ascii = [](char c) { return (c & 0x80) == 0; };
  if (!word.empty() &&
      std::all_of(word.begin(), word.end(),
                  [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }) &&
      std::all_of(text.begin(), text.end(), is_ascii)) {
    const auto same = [](char w, char t) {
      return w == (t >= 'A' && t <= 'Z' ? t - 'A' + 'a' : t);
    };
    for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
      if (!same(word[0], text[at]) || (at > 0 && is_word_byte(text[at - 1])) ||
          (at + word.size() < text.size() && is_word_byte(text[at + word.size()])) ||
          !std::equal(word.begin(), word.end(), text.begin() + static_cast<std::ptrdiff_t>(at),
                      same)) {
        continue;
      }
      places.push_back(text.substr(at, word.size()));
    }
    return places;
  }
  for (const Token& token : analysis.tokenize(text)) {
    if (token.term == word) places.push_back(text.substr(token.begin, token.end - token.begin));
  }
  return places;
}

// The words one edit from `word` in its first letter: it replaced (`xomputer`), left out
// (`omputer`), added (`xcomputer`) or swapped with the next (`ocmputer`), each one edit from
// `computer`. A correction compares the words that share a typo's first letter, which miss
// these; they are few enough to look up as terms. None for a word that does not start with two
// ASCII letters.
std::vector<std::string> first_letter_slips(std::string_view word) {
  std::vector<std::string> slips;
  const auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  if (word.size() < 2 || !letter(word[0]) || !letter(word[1])) return slips;
  const std::string_view rest = word.substr(1);
  for (char first = 'a'; first <= 'z'; ++first) {
    if (first == word[0]) continue;  // a word with the typo's first letter is compared anyway
    slips.push_back(first + std::string(rest));
    slips.push_back(first + std::string(word));
  }
  slips.emplace_back(rest);
  if (word[1] != word[0])
    slips.push_back(std::string{word[1], word[0]} + std::string(word.substr(2)));
  return slips;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  // Three rows of the optimal string alignment table, on the stack: this runs for thousands of
  // candidate words per correction. Words longer than a row are not corrected.
  if (m > kLongestWord) return limit + 1;
  std::array<std::size_t, kLongestWord + 1> rows[3]{};
  // The rows take turns: swapping arrays would copy them.
  std::size_t* before = rows[0].data();
  std::size_t* previous = rows[1].data();
  std::size_t* current = rows[2].data();
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current[0] = i;
    std::size_t row_best = current[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > limit) return limit + 1;
    std::swap(before, previous);  // pointers
    std::swap(previous, current);
  }
  return std::min(previous[m], limit + 1);
}

const std::vector<std::vector<SpellingSuggester::KnownWord>>& SpellingSuggester::words_starting(
    char first) {
  auto [found, is_new] = words_.try_emplace(first);
  std::vector<std::vector<KnownWord>>& by_length = found->second;
  if (!is_new) return by_length;
  by_length.resize(kLongestWord + 1);
  // Indexed words start with a lower-case letter, a digit or a non-ASCII byte; prefixes are
  // capitals, so listing by the first byte meets only words: those of captions and body
  // unprefixed, those of headlines under the headline's prefix, and stems after a `Z`.
  for (const bool stem : {false, true}) {
    for (const std::string_view field : {std::string_view(), schema::kHeadline}) {
      const std::string prefix = TextAnalysis::term_prefix(field, stem);
      const std::string start = prefix + first;
      for (auto it = db_.allterms_begin(start); it != db_.allterms_end(start); ++it) {
        const std::string& term = *it;
        const std::size_t length = term.size() - prefix.size();
        if (length <= kLongestWord) {
          const Xapian::doccount articles = it.get_termfreq();
          std::string text = term.substr(prefix.size());
          const std::uint64_t bytes = byte_set(text);
          by_length[length].push_back({{std::move(text), stem},
                                       field.empty()
                                           ? TermArticles{.headlines = 0, .texts = articles}
                                           : TermArticles{.headlines = articles, .texts = 0},
                                       bytes});
        }
      }
    }
  }
  // A word of both headlines and text once, in as many articles as both terms at most.
  for (std::vector<KnownWord>& words : by_length) {
    std::sort(words.begin(), words.end(),
              [](const KnownWord& a, const KnownWord& b) { return a.form < b.form; });
    std::vector<KnownWord> merged;
    for (KnownWord& word : words) {
      if (!merged.empty() && merged.back().form == word.form) {
        merged.back().terms.headlines += word.terms.headlines;
        merged.back().terms.texts += word.terms.texts;
      } else {
        merged.push_back(std::move(word));
      }
    }
    words = std::move(merged);
  }
  return by_length;
}

const std::vector<std::vector<SpellingSuggester::WrittenWord>>& SpellingSuggester::written_starting(
    char first) {
  auto [found, is_new] = written_.try_emplace(first);
  std::vector<std::vector<WrittenWord>>& by_length = found->second;
  if (!is_new) return by_length;
  by_length.resize(kLongestWord + 1);
  const std::string start(1, first);
  for (auto key = db_.synonym_keys_begin(start); key != db_.synonym_keys_end(start); ++key) {
    const std::string& word = *key;
    if (word.size() > kLongestWord) continue;
    for (auto stem = db_.synonyms_begin(word); stem != db_.synonyms_end(word); ++stem) {
      by_length[word.size()].push_back({word, *stem, byte_set(word)});
    }
  }
  return by_length;
}

std::vector<SpellingSuggester::Correction> SpellingSuggester::corrections(
    const std::vector<Form>& forms, std::string_view typed, Xapian::doccount frequency,
    std::size_t most) {
  const Xapian::doccount wanted = frequency * kMoreFrequent;
  // A candidate stem or word, and how near it is.
  struct Near {
    std::size_t distance;    ///< from the nearest form, or of a word written with it from `typed`
    std::size_t from_typed;  ///< of it, or the nearest word written with it, from `typed`
    TermArticles terms;
    bool first_letter = false;  ///< whether it is one of the first-letter slips
  };
  std::map<Form, Near> near;
  // A word the archive holds is corrected only to a word shown one edit from it (`suggest`),
  // and a word written one edit from it (with its first letter) is found below whatever its
  // stem: so its stems are looked for one edit from its own only, which spares finding how
  // stems two edits away are written. Over 400 words of one to three Reuters articles, looking
  // for those too took a sixth more instructions and changed no suggestion, nor did it change
  // any count of bench/spelling_eval.
  for (const Form& form : forms) {
    if (form.text.empty()) continue;
    const std::size_t limit = frequency > 0 ? 1 : edit_limit(form.text);
    const std::vector<std::vector<KnownWord>>& by_length = words_starting(form.text[0]);
    const std::uint64_t bytes = byte_set(form.text);
    for (const std::vector<KnownWord>& words : lengths_within(by_length, form.text.size(), limit)) {
      for (const KnownWord& candidate : words) {
        // Most words are rare: the bound spares comparing them.
        if (candidate.form.stem != form.stem || candidate.terms.most() < wanted ||
            !may_be_within(bytes, candidate.bytes, limit)) {
          continue;
        }
        const std::size_t distance = edit_distance(form.text, candidate.form.text, limit);
        if (distance == 0 || distance > limit) continue;
        const auto [at, is_new] =
            near.try_emplace(candidate.form, Near{distance, 0, candidate.terms});
        if (is_new) {
          at->second.from_typed = edit_distance(typed, candidate.form.text, kLongestWord);
        } else {
          at->second.distance = std::min(at->second.distance, distance);
        }
      }
    }
  }
  // A typo may keep a word from being stemmed as it should (`discssion` is left whole, four
  // edits from `discuss`, the stem of `discussion`, which is one edit away): the stems of the
  // words the archive wrote near the word as typed are candidates too, at that distance. A
  // stem is as near the word as typed as the nearest word written with it (`stuides`: `studi`,
  // written `studies`, is as near as `stride`, written `strides`, and more frequent). A word
  // the archive holds is more often a name than a typo, and only a written word one edit away
  // corrects it (`availalbe`: `available`; `harrosh` is not `harris`, nor `leavitt` `leaving`):
  // over 1,000 words of one to three Reuters articles, two edits brought 13 wrong suggestions,
  // most for names (`notimex`: `notice`), and no right one.
  if (!typed.empty()) {
    const std::size_t limit = frequency > 0 ? 1 : edit_limit(typed);
    const std::vector<std::vector<WrittenWord>>& by_length = written_starting(typed[0]);
    const std::uint64_t bytes = byte_set(typed);
    for (const std::vector<WrittenWord>& words : lengths_within(by_length, typed.size(), limit)) {
      for (const WrittenWord& written : words) {
        if (!may_be_within(bytes, written.bytes, limit)) continue;
        const std::size_t distance = edit_distance(typed, written.word, limit);
        if (distance == 0 || distance > limit) continue;
        Form stem{written.stem, true};
        if (std::find(forms.begin(), forms.end(), stem) != forms.end()) continue;
        if (const auto at = near.find(stem); at != near.end()) {
          at->second.distance = std::min(at->second.distance, distance);
          at->second.from_typed = std::min(at->second.from_typed, distance);
        } else if (const TermArticles terms = term_articles(stem); terms.most() >= wanted) {
          near.try_emplace(std::move(stem), Near{distance, distance, terms});
        }
      }
    }
  }
  // A slip of the first letter, rarer than one further on (people get the first letter
  // right most often: Pollock and Zamora 1983), is ranked after the words as near that share
  // it (`hoston`: `houston`, not `boston`), before those further (`cocument`: `document`, not
  // `comment`); in a word or stem of four letters or fewer, which it leaves too little of to go
  // on (`eent`: `event`, not `cent`; the acronym `vdc` is not `dc`; `huner`, stemmed `hun`, is
  // not `run`), it is not looked for.
  for (const Form& form : forms) {
    if (form.text.size() < kShortestFirstLetterSlip) continue;
    for (std::string& slip : first_letter_slips(form.text)) {
      Form candidate{std::move(slip), form.stem};
      if (near.contains(candidate)) continue;
      // Most slips are no word: one term lookup rules them out (as it does a word of headlines
      // alone); looking up both terms of each took about four times as long.
      std::optional<TermArticles> terms = held_terms(candidate);
      if (!terms) {
        const Xapian::doccount texts =
            db_.get_termfreq(TextAnalysis::term_prefix("", candidate.stem) + candidate.text);
        if (texts == 0) continue;
        terms = TermArticles{
            .headlines = db_.get_termfreq(
                TextAnalysis::term_prefix(schema::kHeadline, candidate.stem) + candidate.text),
            .texts = texts};
      }
      if (terms->texts == 0 || terms->most() < wanted) continue;
      const std::size_t from_typed = edit_distance(typed, candidate.text, kLongestWord);
      near.try_emplace(std::move(candidate), Near{1, from_typed, *terms, true});
    }
  }
  // A word in a few articles beside one in twenty times as many is as likely the archive's own
  // misspelling as a word (`statmenet`, beside `statement`): it is taken as one edit further
  // from the word typed than it is, so that the frequent word is preferred if as near
  // (`Correction::doubted`). Over 13,004 misspellings of Reuters-21578's words from codespell's
  // list (bench/spelling_eval), 197 more were corrected to the word meant (11,306) and 207 fewer
  // to another word; the made typos, all of frequent words, came out the same. In an archive of
  // a few articles, where every word is rare, none is doubted.
  Xapian::doccount most_frequent = 0;
  for (const auto& [candidate, nearest] : near) {
    most_frequent = std::max(most_frequent, nearest.terms.most());
  }
  const auto doubted = [&](const TermArticles& terms) {
    return terms.most() <= kRareWord && terms.most() * kMoreFrequent <= most_frequent;
  };
  // Nearest first; among equals, one that keeps the first letter, then the one nearest to the
  // word as typed, as the stems of several languages may be near different words (`yeuter` is
  // stemmed `yeut` in Danish, one edit from `yet`, and `yeuter` in English, one edit from
  // `yeutter`); then the most frequent.
  // Only the nearest are ranked, equals together, until `most` are found.
  std::vector<std::tuple<std::size_t, bool, std::size_t, Form>> by_distance;
  for (const auto& [candidate, nearest] : near) {
    const std::size_t doubt = doubted(nearest.terms) ? 1 : 0;
    by_distance.emplace_back(nearest.distance + doubt, nearest.first_letter,
                             nearest.from_typed + doubt, candidate);
  }
  std::sort(by_distance.begin(), by_distance.end());
  const auto distances = [](const auto& entry) {
    return std::tuple(std::get<0>(entry), std::get<1>(entry), std::get<2>(entry));
  };
  std::vector<Correction> likeliest;
  for (auto equals = by_distance.begin(); equals != by_distance.end() && likeliest.size() < most;) {
    const auto past = std::find_if(equals, by_distance.end(), [&](const auto& entry) {
      return distances(entry) != distances(*equals);
    });
    std::vector<std::pair<TermArticles, Form>> possible;
    for (; equals != past; ++equals) {
      Form& candidate = std::get<Form>(*equals);
      possible.emplace_back(near.at(candidate).terms, std::move(candidate));
    }
    // Counting exactly intersects posting lists (most of a correction's time when every
    // candidate was counted), so it is done only where the bounds leave open whether a word is
    // frequent enough, or how it ranks among its equals: where its bounds overlap another's.
    // Smaller is better: the frequency is negated by its complement.
    const auto overlapped = [&](std::size_t i) {
      const TermArticles& terms = possible[i].first;
      for (std::size_t j = 0; j < possible.size(); ++j) {
        const TermArticles& other = possible[j].first;
        if (j != i && terms.least() <= other.most() && other.least() <= terms.most()) return true;
      }
      return false;
    };
    std::vector<std::pair<Xapian::doccount, Form>> frequent;
    for (std::size_t i = 0; i < possible.size(); ++i) {
      auto& [terms, candidate] = possible[i];
      const bool counted = terms.least() < wanted || overlapped(i);
      const Xapian::doccount articles = counted ? articles_with(candidate, terms) : terms.least();
      if (articles >= wanted) {
        frequent.emplace_back(std::numeric_limits<Xapian::doccount>::max() - articles,
                              std::move(candidate));
      }
    }
    std::sort(frequent.begin(), frequent.end());
    for (auto& [complement, candidate] : frequent) {
      if (likeliest.size() == most) break;
      const bool doubtful = doubted(near.at(candidate).terms);
      likeliest.push_back({std::move(candidate), doubtful});
    }
  }
  return likeliest;
}

SpellingSuggester::TermArticles SpellingSuggester::term_articles(const Form& word) const {
  if (const std::optional<TermArticles> held = held_terms(word)) return *held;
  return {.headlines =
              db_.get_termfreq(TextAnalysis::term_prefix(schema::kHeadline, word.stem) + word.text),
          .texts = db_.get_termfreq(TextAnalysis::term_prefix("", word.stem) + word.text)};
}

std::optional<SpellingSuggester::TermArticles> SpellingSuggester::held_terms(
    const Form& word) const {
  if (word.text.empty() || word.text.size() > kLongestWord) return std::nullopt;
  const auto letter = words_.find(word.text[0]);
  if (letter == words_.end()) return std::nullopt;
  const std::vector<KnownWord>& words = letter->second[word.text.size()];
  const auto held =
      std::lower_bound(words.begin(), words.end(), word,
                       [](const KnownWord& known, const Form& form) { return known.form < form; });
  return held != words.end() && held->form == word ? held->terms : TermArticles{};
}

Xapian::doccount SpellingSuggester::articles_with(const Form& word,
                                                  const TermArticles& terms) const {
  const auto [headlines, texts] = terms;
  if (headlines == 0 || texts == 0) return headlines + texts;
  const std::string in_headline =
      TextAnalysis::term_prefix(schema::kHeadline, word.stem) + word.text;
  const std::string in_text = TextAnalysis::term_prefix("", word.stem) + word.text;
  // Articles with the word in both are counted once: each of the shorter list looked up in
  // the longer.
  const auto& [shorter, longer] =
      headlines <= texts ? std::pair(in_headline, in_text) : std::pair(in_text, in_headline);
  Xapian::doccount both = 0;
  Xapian::PostingIterator other = db_.postlist_begin(longer);
  for (auto it = db_.postlist_begin(shorter); it != db_.postlist_end(shorter); ++it) {
    other.skip_to(*it);
    if (other == db_.postlist_end(longer)) break;
    if (*other == *it) ++both;
  }
  return headlines + texts - both;
}

std::string SpellingSuggester::written_form(const std::string& stem, TextAnalysis& analysis) const {
  for (const std::string_view field : {std::string_view(), schema::kHeadline}) {
    const std::string term = TextAnalysis::term_prefix(field, true) + stem;
    const Xapian::PostingIterator first = db_.postlist_begin(term);
    if (first == db_.postlist_end(term)) continue;
    const Xapian::Document doc = db_.get_document(*first);
    const std::string language = doc.get_value(schema::kLanguageSlot);
    const Xapian::Stem& stemmer = analysis.stemmer(language);
    if (stemmer.is_none()) continue;
    const StoredDisplay stored =
        decode_stored_display(decompress_stored_article(doc.get_value(schema::kArticleSlot)));
    std::map<std::string, std::size_t> written;  // word that stems to `stem` → times written
    const bool keeps_first_letter = analysis.stems_keep_first_letter(language);
    for (const std::string* text : {&stored.headline, &stored.body}) {
      for (const Token& token : analysis.tokenize(*text)) {
        if (TextAnalysis::may_stem_to(keeps_first_letter, token.term, stem) &&
            stemmer(token.term) == stem) {
          ++written[token.term];
        }
      }
    }
    if (written.contains(stem)) return stem;
    const auto most =
        std::max_element(written.begin(), written.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (most != written.end()) return most->first;
  }
  return stem;
}

bool SpellingSuggester::stems_to(const std::string& word, const std::string& stem) const {
  // The synonym table maps each written word to its stems (docs/SCHEMA.md).
  for (auto it = db_.synonyms_begin(word); it != db_.synonyms_end(word); ++it) {
    if (*it == stem) return true;
  }
  return false;
}

std::optional<std::string> SpellingSuggester::written_near(
    const std::string& stem, std::string_view typed, TextAnalysis& analysis,
    std::span<const std::string> languages) const {
  // A stem begins as the words it is made from, but for its last letter at most (`happi`:
  // `happy`, `happiness`).
  const std::string start = stem.substr(0, std::max<std::size_t>(stem.size(), 2) - 1);
  const std::size_t limit = edit_limit(typed);
  std::optional<std::string> nearest;
  std::size_t nearest_distance = 0;
  // Whether `word`, `distance` edits from `typed`, is near enough, and nearer or likelier meant
  // than the nearest so far.
  const auto better = [&](std::string_view word, std::size_t distance) {
    return distance <= limit && (!nearest || distance < nearest_distance ||
                                 (distance == nearest_distance && likelier(word, *nearest, typed)));
  };
  for (auto key = db_.synonym_keys_begin(start); key != db_.synonym_keys_end(start); ++key) {
    const std::string& word = *key;
    const std::size_t distance = edit_distance(typed, word, limit);
    if (better(word, distance) && stems_to(word, stem)) {
      nearest = word;
      nearest_distance = distance;
    }
  }
  // The table leaves out the words that are their own stem (`floor`), so the stem may be a
  // word too when some language stems it to itself; but it may be no word (`principl`), or not
  // one the archive wrote (`turn` beside `turned`), and a database whose table was begun after
  // its first articles lacks their words: only an article tells.
  const bool own_stem =
      std::any_of(languages.begin(), languages.end(), [&](const std::string& language) {
        const Xapian::Stem& stemmer = analysis.stemmer(language);
        return !stemmer.is_none() && stemmer(stem) == stem;
      });
  if (own_stem && better(stem, edit_distance(typed, stem, limit))) return std::nullopt;
  return nearest;
}

std::string SpellingSuggester::shown_form(const Form& correction, std::string_view typed,
                                          bool typed_is_held, TextAnalysis& analysis,
                                          std::span<const std::string> languages) {
  if (!correction.stem) return correction.text;
  if (std::optional<std::string> near = written_near(correction.text, typed, analysis, languages)) {
    return *near;
  }
  // The stem itself is as near: a word of the dictionary is shown as it is (`dcoument`:
  // `document`, though the first article holding it writes `documents`); only an article
  // tells whether any other stem (`principl`, a name) was written. Not for a word the archive
  // holds, more often a name than a typo: over 1,000 words of one to three Reuters articles,
  // it added 8 wrong suggestions (`danaher`: `danger`, `fabbri`: `fabric`) for 5 right ones.
  if (!typed_is_held && in_dictionary(correction.text)) return correction.text;
  return written_form(correction.text, analysis);
}

bool SpellingSuggester::written_as_name(const std::vector<Form>& forms, std::string_view word,
                                        TextAnalysis& analysis) const {
  std::set<Xapian::docid> holding;
  for (const Form& form : forms) {
    for (const std::string_view field : {std::string_view(), schema::kHeadline}) {
      const std::string term = TextAnalysis::term_prefix(field, form.stem) + form.text;
      for (auto it = db_.postlist_begin(term);
           it != db_.postlist_end(term) && holding.size() < kArticlesReadForCase; ++it) {
        holding.insert(*it);
      }
    }
  }
  std::size_t as_names = 0;
  std::size_t in_lower_case = 0;
  for (const Xapian::docid id : holding) {
    const std::string stored = db_.get_document(id).get_value(schema::kArticleSlot);
    if (stored.empty()) continue;  // a document made without its article tells nothing
    const std::string body = decode_stored_display(decompress_stored_article(stored)).body;
    const auto is_lower = [](char c) { return std::islower(static_cast<unsigned char>(c)) != 0; };
    const auto is_upper = [](char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; };
    // In capitals throughout, an article tells nothing by its case: its opening tells.
    const std::string_view opening = std::string_view(body).substr(0, kOpeningForCase);
    if (std::count_if(opening.begin(), opening.end(), is_upper) >=
        std::count_if(opening.begin(), opening.end(), is_lower)) {
      continue;
    }
    for (const std::string_view written : places_written(body, word, analysis)) {
      if (is_lower(written[0])) {
        ++in_lower_case;
      } else if (is_upper(written[0])) {
        // Any word has a capital where a sentence or a line begins; an acronym (`FCO`)
        // wherever it stands.
        auto before = static_cast<std::size_t>(written.data() - body.data());
        while (before > 0 && (body[before - 1] == ' ' || body[before - 1] == '\t')) --before;
        const bool sentence_start = before == 0 || std::string_view(".!?:\n").find(
                                                       body[before - 1]) != std::string_view::npos;
        if (!sentence_start ||
            (written.size() > 1 && std::none_of(written.begin(), written.end(), is_lower))) {
          ++as_names;
        }
      }
    }
  }
  return as_names > in_lower_case;
}

bool SpellingSuggester::in_dictionary(std::string_view word) {
  if (!dictionaries_) {
    std::vector<std::string> main_languages;
    const std::string prefix(schema::kLanguage);
    const Xapian::doccount articles = db_.get_doccount();
    for (auto it = db_.allterms_begin(prefix); it != db_.allterms_end(prefix); ++it) {
      if (it.get_termfreq() * kMainLanguageShare >= articles) {
        main_languages.push_back((*it).substr(prefix.size()));
      }
    }
    dictionaries_.emplace(main_languages, dictionary_directory_);
  }
  return dictionaries_->knows(word);
}

std::optional<std::string> SpellingSuggester::suggest(std::string_view query,
                                                      TextAnalysis& analysis,
                                                      std::span<const std::string> languages,
                                                      bool finds_nothing) {
  std::string corrected;
  std::size_t copied = 0;
  bool changed = false;
  for (const QueryWord& word : free_text_words(query)) {
    const std::string_view text = query.substr(word.begin, word.end - word.begin);
    for (const Token& token : analysis.tokenize(text)) {
      if (token.term.size() < 3) continue;
      if (std::all_of(token.term.begin(), token.term.end(),
                      [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        continue;
      }
      // The word's stems in the languages with a stemmer, then the word as the others index
      // it: most archives are mostly of languages with one.
      std::vector<Form> forms;
      for (const std::string& language : languages) {
        const Xapian::Stem& stemmer = analysis.stemmer(language);
        if (stemmer.is_none()) continue;
        Form stem{stemmer(token.term), true};
        if (std::find(forms.begin(), forms.end(), stem) == forms.end())
          forms.push_back(std::move(stem));
      }
      forms.push_back({token.term, false});
      // Known if in many articles: the term lookups of a form or two tell most words apart.
      std::vector<TermArticles> terms;
      for (const Form& form : forms) {
        terms.push_back(term_articles(form));
        if (terms.back().least() > kRareWord) break;
      }
      if (terms.back().least() > kRareWord) continue;
      Xapian::doccount frequency = 0;
      for (std::size_t i = 0; i < forms.size(); ++i) {
        frequency = std::max(frequency, articles_with(forms[i], terms[i]));
      }
      if (frequency > kRareWord) continue;
      if (!finds_nothing && in_dictionary(text.substr(token.begin, token.end - token.begin))) {
        continue;
      }
      // A short word the archive holds is an acronym or a ticker more often than a typo, and
      // acronyms of a few letters lie one edit apart: over 500 words of one to three Reuters
      // articles, suggestions replaced 12 of four letters or fewer, none rightly (`fco`: `fcc`,
      // `nhl`: `nil`, `imd`: `imf`), most of them written only in capitals, where case tells no
      // name.
      if (frequency > 0 && token.term.size() < kShortestHeldWordCorrected) continue;
      // A word the archive holds as a name (`Earley`) or an acronym is corrected only to a name
      // or acronym one edit away (`Bundesbnak`: `Bundesbank`), not to a common word (`early`).
      // Telling reads three articles: only once a correction one edit away is found.
      std::optional<bool> name;
      const auto is_name = [&] {
        if (!name) name = frequency > 0 && written_as_name(forms, token.term, analysis);
        return *name;
      };
      // A word the archive holds a few times is often the archive's own typo: a neighbour far
      // more frequent is what the reader meant.
      // A stem near the word's stem may be written far from the word as typed (`turbn` is one
      // edit from the stem `turn`, shown as `turned`): the correction shown must be as near the
      // word as typed as the stems were allowed to be.
      // Nor does a word the archive holds get a stopword as its correction: a name nearest one
      // (`arndt`, beside `and`) keeps its spelling rather than taking a likelier word's next
      // best. A word the archive lacks may (`agaisnt`: `against`), as the query then finds
      // something, passing over the stopword: over 13,004 misspellings of Reuters-21578's
      // words from codespell's list (bench/spelling_eval), 168 more were corrected to the word
      // meant (11,474) and 23 more to another word (`amout`: `about`, meant `amount`) than
      // with none. Preferring a word that is no stopword to one as near corrected fewer
      // (11,457; `agian`: `asian`).
      const auto stopword = [&](const std::string& shown) {
        return std::any_of(languages.begin(), languages.end(), [&](const std::string& language) {
          return analysis.is_stopword(language, shown);
        });
      };
      // Of the likeliest corrections, the one shown nearest the word as typed: `faiures` is as
      // near `fair` as `failur` by their stems, but `fairs` is further from it than `failures`.
      // A doubted one is an edit further.
      std::string replacement;
      std::size_t replacement_distance = edit_limit(token.term) + 1;
      for (const auto& [correction, doubted] :
           corrections(forms, token.term, frequency, kCorrectionsShown)) {
        std::string shown = shown_form(correction, token.term, frequency > 0, analysis, languages);
        if (frequency > 0 && stopword(shown)) break;
        // One edit from a word the archive holds, as it is shown: a stem one edit from one of
        // the word's stems may be written further, and a language of a few articles stems it
        // its own way (Spanish `quinta`, stemmed `quint`, is no `quiet`; over the 500 rare
        // words, this dropped `rebased`: `rebate`, and one right one, `chanelling`: `channeling`).
        std::size_t distance = edit_distance(token.term, shown, edit_limit(token.term));
        if (frequency > 0 && distance > 1) continue;
        if (is_name() && !written_as_name({correction}, shown, analysis)) continue;
        if (doubted) ++distance;
        if (distance < replacement_distance) {
          replacement = std::move(shown);
          replacement_distance = distance;
        }
        if (replacement_distance <= 1) break;  // none can be nearer
      }
      if (replacement.empty()) continue;
      if (std::isupper(static_cast<unsigned char>(text[token.begin]))) {
        replacement[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(replacement[0])));
      }
      corrected.append(query, copied, word.begin + token.begin - copied);
      corrected += replacement;
      copied = word.begin + token.end;
      changed = true;
    }
  }
  if (!changed) return std::nullopt;
  corrected.append(query, copied);
  return corrected;
}

}  // namespace newsdex
