// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// One word of a text as the analysis sees it.
struct Token {
  std::size_t begin = 0;  ///< byte offset of the word in the original text
  std::size_t end = 0;    ///< byte offset one past the word
  std::string term;       ///< the folded word: exactly the unprefixed, unstemmed term indexed

  friend bool operator==(const Token&, const Token&) = default;
};

/// Folds and segments text so that a word meets itself however it was typed.
///
/// Folding: NFKC with case folding (full-width forms, ligatures, `ß` → `ss`, soft hyphens and
/// zero-width characters dropped), diacritics removed (`Zürich` → `zurich`, Arabic harakat and
/// tatweel, Hebrew points; the Cyrillic breve stays so that `й` is not `и`), curly apostrophes
/// made straight. Segmentation: runs of Han, Kana, Thai, Lao, Khmer and Myanmar are split into
/// words with ICU's dictionary word breaks; elsewhere a word is a run of Xapian word characters.
/// Special tokens: `U.S.` → `us`, `Albania’s` → `albania`, `O'Brien` and `Saudi-Arabia` → two
/// words, `15,000` and `3.5` stay numbers, a URL or e-mail address is one term
/// (`www.example.com/a` → `example_com_a`). Every term is a run of word characters (plus `.`/`,`
/// between digits) that Xapian's TermGenerator and QueryParser both take as it is, so feeding
/// `normalize` to the one and `normalize_query` to the other yields the same terms.
///
/// Not thread-safe (it keeps an ICU break iterator and a cache): use one per thread.
/// Constructing one is cheap. Throws `Error` (`internal`) if ICU's data cannot be loaded.
class TextNormalizer {
 public:
  TextNormalizer();
  TextNormalizer(TextNormalizer&&) noexcept;
  TextNormalizer& operator=(TextNormalizer&&) noexcept;
  ~TextNormalizer();

  /// The words of `text`, in order, with their byte offsets in `text`.
  std::vector<Token> tokenize(std::string_view text);

  /// Calls `each` with the terms of `text`, in order: what `tokenize` makes, without offsets.
  void for_each_term(std::string_view text, const std::function<void(const std::string&)>& each);

  /// The terms of `text` separated by single spaces: what Xapian's TermGenerator, given it,
  /// would make into the same terms.
  std::string normalize(std::string_view text);

  /// `query` with its words folded as `normalize` folds them and the QueryParser syntax kept:
  /// quotes, brackets, `AND`/`OR`/`NOT`/`XOR`/`NEAR`/`ADJ`, `+`/`-` prefixes, trailing `*`,
  /// ranges (`a..b`) and `field:` prefixes. Only the values of the `text_fields` are folded;
  /// the value of any other lower-case `field:` (`source:"Tirana Echo"`, `date:2022..2023`)
  /// is kept verbatim. The parts one typed word falls into (`saudi-arabia`, `東京-都`) are
  /// joined with `-`, which QueryParser reads as a phrase.
  std::string normalize_query(std::string_view query,
                              std::span<const std::string_view> text_fields);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsdex
