// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/text_analysis.h"
#include "searcher/word_dictionaries.h"

namespace newsdex {

/// "Did you mean": corrections for the query words the archive does not contain or holds only
/// in a few articles (its own typos: Reuters-21578 spells `Bundesbnak` once), from the
/// archive's own vocabulary, names included (`bundesbnak` → `bundesbank`, `Khamenai` →
/// `Khamenei`). A rare word is corrected only to a word twenty times as frequent.
///
/// Xapian 1.4.22's `get_spelling_suggestion` needs spelling tables written at index time (a
/// cost on every article) and has a flaw, fixed in 1.4.31, that can reject the best
/// candidate. This suggester needs neither: it compares a missing word with the indexed words,
/// of headlines and of the rest alike, that share its first letter (Damerau-Levenshtein
/// distance at most 1 for words of up to four letters, else 2), and with those one edit away
/// in the first letter, for a word of five letters or more (`cocument`: `document`), and takes
/// the nearest; among equals, one keeping the first letter, then the nearest to the word as
/// typed, then the most frequent (in articles). In languages with a stemmer the index holds
/// stems (`TextAnalysis`): there the word's stems are compared with the indexed stems
/// (`goverment`, stemmed `gover`, is one edit from `govern`), and so is the word as typed with
/// the words the archive wrote (the synonym table), whose stems are candidates too: a typo may
/// keep a word from being stemmed as it should (`discssion`, left whole, is four edits from
/// `discuss` but one from `discussion`). A stem chosen is shown as a word the archive writes
/// (`government`, see `shown_form`), or, for a word the archive lacks, as the stem itself when
/// a dictionary knows it (`dcoument`: `document`), which must be as near the word as typed as
/// the stems were to each other. Only the words of the query are looked at, and only when one
/// is missing, so a query that matches costs a few term lookups. The words with a given first
/// letter are read from the database once, when a word with that letter is first corrected, and
/// kept grouped by length with a bound on their articles (a correction compares only words of about
/// the same length that may be frequent enough); `clear` forgets them. A word the spelling
/// dictionary of one of the archive's main languages (those of at least one article in a hundred)
/// knows is no typo, however rare in the archive: `weaver` and `priest`, each in one Reuters
/// article, are not shown as `weaker` and `press` (`WordDictionaries`). A rare word the archive
/// holds is corrected only one edit away, and not at all below five letters, where acronyms and
/// tickers lie one edit apart (`FCO`, `NHL`); one it writes as a name or an acronym (`Earley`)
/// only to a word it writes so too (`Bundesbnak`: `Bundesbank`, not `earley`: `early`;
/// `written_as_name`). Not thread-safe.
class SpellingSuggester {
 public:
  /// `dictionaries`: where the spelling dictionaries are (`WordDictionaries`).
  explicit SpellingSuggester(const Xapian::Database& db, std::filesystem::path dictionaries =
                                                             WordDictionaries::kSystemDirectory)
      : db_(db), dictionary_directory_(std::move(dictionaries)) {}

  /// `query` with each missing word replaced by its correction (keeping an initial capital),
  /// or nullopt when every word is in the archive or none has a correction. Field values,
  /// operators and wildcards are left alone. `languages`: one of each way the archive's
  /// languages are analysed, whose stems of the query's words are looked for. `finds_nothing`:
  /// whether the query matched no article; a rare word a dictionary knows is then corrected
  /// too, as the reader likelier meant a word the archive holds (`opec minsters`: `opec
  /// ministers`, where `minsters`, of three articles, alone is left alone).
  std::optional<std::string> suggest(std::string_view query, TextAnalysis& analysis,
                                     std::span<const std::string> languages,
                                     bool finds_nothing = false);

  /// Forgets the words read, for a database reopened at a newer revision.
  void clear() {
    words_.clear();
    written_.clear();
    dictionaries_.reset();
  }

 private:
  /// A word as the index may hold it: as written, or as a stem (`Z` before its prefixes).
  struct Form {
    std::string text;
    bool stem;
    auto operator<=>(const Form&) const = default;
  };
  /// An indexed word that may correct a typed one.
  struct Correction {
    Form form;
    /// Whether it is as likely a misspelling of the archive as a word, being rare beside
    /// another correction, and so taken as one edit further from the word typed than it is.
    bool doubted;
  };
  /// The `most` likeliest indexed words near one of `forms` (the forms of `typed`, which is in
  /// `frequency` articles), in at least `kMoreFrequent` times as many, the likeliest first.
  std::vector<Correction> corrections(const std::vector<Form>& forms, std::string_view typed,
                                      Xapian::doccount frequency, std::size_t most);
  /// The articles holding a word in their headline, and in the rest of their text (two term
  /// frequencies): those holding it at all are at least the larger and at most the sum.
  struct TermArticles {
    Xapian::doccount headlines = 0;
    Xapian::doccount texts = 0;
    Xapian::doccount least() const { return std::max(headlines, texts); }
    Xapian::doccount most() const { return headlines + texts; }
  };
  TermArticles term_articles(const Form& word) const;
  /// The term frequencies of `word` from the words read into memory, when those starting as it
  /// does have been (`words_starting`), else nullopt: the index must be asked. The term
  /// lookups of a word's 52 slips of the first letter (`corrections`) read a block of the index
  /// each, most of them, and they were most of the time of a rare word's correction.
  std::optional<TermArticles> held_terms(const Form& word) const;
  /// How many articles hold `word`, whose term frequencies are `terms`, in the headline or the
  /// rest of the text.
  Xapian::doccount articles_with(const Form& word, const TermArticles& terms) const;
  /// A word of the first article holding `stem` that stems to it: the stem itself if written
  /// there, else the word written most often (`interest` rather than `interests`).
  std::string written_form(const std::string& stem, TextAnalysis& analysis) const;
  /// Whether the archive wrote `word`, which stems to `stem` (other than itself).
  bool stems_to(const std::string& word, const std::string& stem) const;
  /// The word the archive wrote that stems to `stem`, other than `stem` itself, and is nearest
  /// to `typed`, within the edits a correction of `typed` may make (`bankng`, corrected to the
  /// stem `bank`: `banking`). Read from the synonym table's words that begin as `stem` does.
  /// None when no such word is near enough, or when the stem itself, which may be a word, is
  /// as near: only a dictionary or an article can tell (`shown_form`).
  std::optional<std::string> written_near(const std::string& stem, std::string_view typed,
                                          TextAnalysis& analysis,
                                          std::span<const std::string> languages) const;
  /// `correction` (of the word `typed`, which the archive holds if `typed_is_held`) as the
  /// reader is shown it: the written word nearest to `typed` (`written_near`: `refecting`,
  /// stemmed `refect`, corrected to `reflect`, is shown `reflecting`), else, for a word the
  /// archive lacks, the stem itself if a dictionary knows it, else as `written_form`. Not the
  /// stem with the typed word's ending: that may be a rarer word than the nearest
  /// (`assocites`: `associes`, a word of a French name, beside `associates`).
  std::string shown_form(const Form& correction, std::string_view typed, bool typed_is_held,
                         TextAnalysis& analysis, std::span<const std::string> languages);
  struct KnownWord {
    Form form;
    TermArticles terms;  ///< its terms' frequencies, read with the words
    std::uint64_t bytes;  ///< the bytes of its text, folded (spelling_suggester.cpp)
  };
  /// The indexed words starting with `first`, each once, by length (index 0 unused).
  const std::vector<std::vector<KnownWord>>& words_starting(char first);
  /// A word the archive wrote and one of its stems other than itself (the synonym table's).
  struct WrittenWord {
    std::string word;
    std::string stem;
    std::uint64_t bytes;  ///< the bytes of `word`, folded (spelling_suggester.cpp)
  };
  /// The written words starting with `first` that are not their own stem, by length (index 0
  /// unused).
  const std::vector<std::vector<WrittenWord>>& written_starting(char first);

  /// Whether a spelling dictionary of the archive's main languages knows `word` as typed.
  bool in_dictionary(std::string_view word);

  /// Whether the archive writes `word` (a term as `analysis` folds it, which the terms of
  /// `forms` hold) more often as a name or an acronym than in lower case, in the text of the
  /// first three articles holding those terms: with a capital within a sentence, or in capitals
  /// anywhere. Headlines, which a wire may write in capitals, and an article in capitals
  /// throughout tell nothing.
  bool written_as_name(const std::vector<Form>& forms, std::string_view word,
                       TextAnalysis& analysis) const;

  Xapian::Database db_;
  std::filesystem::path dictionary_directory_;
  std::optional<WordDictionaries> dictionaries_;  ///< found when first asked
  std::map<char, std::vector<std::vector<KnownWord>>> words_;
  std::map<char, std::vector<std::vector<WrittenWord>>> written_;
};

/// The optimal string alignment distance between `a` and `b` (insertions, deletions,
/// substitutions and swaps of neighbours, in bytes), or `limit + 1` once it exceeds `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

}  // namespace newsdex
