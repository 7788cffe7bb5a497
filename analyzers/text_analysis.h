// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/text_normalizer.h"

namespace newsdex {

/// A word as indexing saw it (folded, `TextNormalizer`'s output) and the stem it was indexed
/// as, when the two differ.
struct WrittenForm {
  std::string word;
  std::string stem;
};

/// The one definition of how text becomes terms. Indexing and searching (its QueryParser) go
/// through the same object and the same `TextNormalizer`, so the two sides cannot drift apart:
/// text is folded and segmented (see `TextNormalizer`) into words that Xapian's QueryParser and
/// TermGenerator both take as they are, then stemmed. In a language with a Snowball stemmer only
/// the stems are indexed, with positions and a `Z` before the field's prefix (Xapian's
/// `STEM_ALL_Z`), as Lucene's and Elasticsearch's analysers index stems alone; a phrase then
/// matches its words in any form. Indexing the unstemmed words too (`STEM_SOME`) made a load of
/// Reuters-21578 take 28% longer and its database 16% bigger (docs/ARCHITECTURE.md). In a language
/// without a stemmer the words are indexed as they are. Stopwords stay in the index and are skipped
/// only in free-text queries, per language.
///
/// Not thread-safe (it caches stemmers, which Xapian does not share between threads): use
/// one per thread. Throws `Error` (`internal`) if ICU's data cannot be loaded.
class TextAnalysis {
 public:
  /// Name and version recorded in each database; a searcher meeting another one says so.
  /// Bump the version whenever a change alters any term made from any text.
  static std::string_view name() noexcept;

  /// Adds the terms of `text`, an article's in `language` (a code from `identify_language`), to
  /// `doc`: each word once, at the position after `position`, which it advances, its term
  /// counted `wdf_inc` times. In a language with a stemmer the term is `Z`, `prefix` and the
  /// word's stem; in one without, `prefix` and the word. These are the terms Xapian's
  /// TermGenerator makes of `TextNormalizer::normalize`'s output with `STEM_ALL_Z` or
  /// `STEM_NONE` (a test checks it), without its parsing the text a second time.
  void index_text(Xapian::Document& doc, Xapian::termpos& position, std::string_view language,
                  std::string_view text, Xapian::termcount wdf_inc = 1,
                  std::string_view prefix = {});

  /// The words `index_text` stemmed to something other than themselves since the last call,
  /// with their stems: each word at least once in the object's life, and again now and then
  /// (they come from its stemmers' cache misses, which cost nothing more to note). An index of
  /// stems alone cannot say which words were written; these can (a wildcard `electi*` must
  /// find `election`, whose stem `elect` it does not start).
  std::vector<WrittenForm> take_written_forms() { return std::exchange(written_forms_, {}); }

  /// The prefix of the terms that text indexed under `field_prefix` makes in a language with a
  /// stemmer (`stemmed`: `Z` and the field's prefix) or without one (the field's prefix).
  static std::string term_prefix(std::string_view field_prefix, bool stemmed);

  /// Sets `parser` up to match articles in `language`: its stemmer and its stopwords. Its
  /// free-text prefixes must be `term_prefix`es for whether `language` has a stemmer: the
  /// parser stems every word (`STEM_ALL`) and puts them after. The stopper belongs to this
  /// object, which must outlive the parser's use of it.
  void configure(Xapian::QueryParser& parser, std::string_view language);

  /// `query` ready for a parser set up by `configure`; see `TextNormalizer::normalize_query`.
  std::string normalize_query(std::string_view query,
                              std::span<const std::string_view> text_fields);

  /// Equal for languages whose text and queries make equal terms (`no`, `nb` and `nn`; all
  /// languages without stemmer and stopwords), so that they can share one parsed query.
  std::string analysis_key(std::string_view language) const;

  /// What parsing a query made of `words` for `language` depends on: whether the language is
  /// stemmed, and each word's stem and whether it is one of the language's stopwords.
  /// Languages with equal signatures parse such a query alike, so one parse serves them all.
  std::string parse_signature(std::string_view language, std::span<const std::string> words);

  /// The stemmer of `language`; `Xapian::Stem()` (no stemming) if Xapian has none for it.
  const Xapian::Stem& stemmer(std::string_view language);

  /// Whether `language`'s stemmer leaves an ASCII first letter as it is, so that a word can
  /// stem to a given stem only if it starts with the stem's letter. Snowball's suffix stemmers
  /// do; the Indonesian and Irish ones strip prefixes, and the Turkish one can rewrite a word
  /// down to one other letter (`bunu` → `p`).
  bool stems_keep_first_letter(std::string_view language) const;

  /// Whether `word` may stem to `stem` in a language whose stemmer keeps an ASCII first letter
  /// or not (`stems_keep_first_letter`, asked once for the words of a text): false only when it
  /// does and theirs differ. Spares stemming most words of a text when looking for the ones
  /// with a given stem.
  static bool may_stem_to(bool stems_keep_first_letter, std::string_view word,
                          std::string_view stem);

  /// The words of `text` with their byte offsets and terms, as indexing sees them.
  std::vector<Token> tokenize(std::string_view text);

  /// Whether `word`, folded as a term, is one of `language`'s stopwords.
  bool is_stopword(std::string_view language, const std::string& word);

 private:
  /// The stopwords of `language`, or null if it has no list.
  const Xapian::SimpleStopper* stopper(std::string_view language);

  class RememberingStemmer;
  /// A language's stemmer, and the remembering one inside it (`stem` owns it); none for a
  /// language without one.
  struct LanguageStemmer {
    Xapian::Stem stem;
    RememberingStemmer* remembering = nullptr;
  };
  LanguageStemmer& language_stemmer(std::string_view language);

  TextNormalizer normalizer_;
  std::map<std::string, LanguageStemmer, std::less<>> stemmers_;
  std::vector<WrittenForm> written_forms_;
  std::map<std::string, Xapian::SimpleStopper, std::less<>> stoppers_;
};

}  // namespace newsdex
