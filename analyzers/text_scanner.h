// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace newsdex::detail {

/// The matching key of a name or a word: NFKC case folding, diacritics removed, curly
/// apostrophes made straight, hyphens and dashes made spaces, points dropped (`U.S.` → `us`,
/// `St. Louis` → `st louis`, `Saudi-Arabia` → `saudi arabia`, `Zürich` → `zurich`). Keys of
/// several words are the keys of the words joined by single spaces. Thread-safe; ASCII takes a
/// fast path without ICU. Throws `Error` (`internal`) only if ICU's data is unusable.
std::string fold_key(std::string_view text);

/// The matching key of a name as `scan_words` would see it in running text: the keys of its
/// words joined by spaces (`Albania's` → `albania`, `St. Louis` → `st louis`). Gazetteer and
/// entity names are keyed with this, so that a name and its mentions meet by construction.
std::string name_key(std::string_view name);

/// Hash of keys that lets maps keyed by `std::string` be searched with a `std::string_view`.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

/// Maps and sets of keys, searchable without building a `std::string`.
template <typename T>
using KeyMap = std::unordered_map<std::string, T, KeyHash, std::equal_to<>>;
using KeySet = std::unordered_set<std::string, KeyHash, std::equal_to<>>;

/// What the scanner saw of a word and of the characters up to the next word.
enum WordFlag : std::uint32_t {
  kCapitalised = 1 << 0,    ///< first letter upper-case (or title-case)
  kAllCaps = 1 << 1,        ///< at least two letters, none lower-case
  kLower = 1 << 2,          ///< first letter lower-case
  kHasDigit = 1 << 3,       ///< contains a digit
  kInitialism = 1 << 4,     ///< single letters with points: `U.S.`, `U.A.E.`
  kHyphenated = 1 << 5,     ///< contains a hyphen between letters: `Saudi-Arabia`, `e-Albania`
  kPossessive = 1 << 6,     ///< followed by `'s` / `’s` (not part of the word)
  kSentenceStart = 1 << 7,  ///< first word of a sentence, a paragraph, a line or a quotation
  kLineStart = 1 << 8,      ///< first word of a line
  // The gap after the word (before the next one):
  kPointAfter = 1 << 9,  ///< a `.` right after the word
  kCommaAfter = 1 << 10,
  kBreakAfter = 1 << 11,  ///< the sentence or line ends, or `;` `:` `"` `(` `)` `[` `]` a dash, `/`
  kOpenParenAfter = 1 << 12,   ///< `(` in the gap
  kCloseParenAfter = 1 << 13,  ///< `)` in the gap
  kAmpersandAfter = 1 << 14,   ///< only spaces and `&` in the gap: `Procter & Gamble`
  // The line the word is on, where letter case says nothing about names:
  kCapsLine = 1 << 15,   ///< no lower-case letter on the line (a wire headline)
  kLowerLine = 1 << 16,  ///< no capital on the line (a keyword or caption line)
};

/// One word of a scanned text.
struct ScannedWord {
  std::uint32_t begin = 0;  ///< byte offset in the text
  std::uint32_t end = 0;    ///< one past the word (a possessive `'s` is not included)
  std::uint32_t flags = 0;  ///< `WordFlag`s
  std::string key;          ///< `fold_key` of the word

  bool has(WordFlag flag) const noexcept { return (flags & flag) != 0; }
};

/// The words of `text` with their shape and the punctuation after them. A word is a run of
/// letters, digits and combining marks, with inner apostrophes (`d'Ivoire`, `O'Brien`), inner
/// hyphens (`Mujaheddin-e`) and the points of an initialism (`U.S.`); numbers keep their inner
/// points and commas (`3.5`, `1,000`). A point after a title or abbreviation (`Mr.`, `St.`,
/// `Corp.`) does not end a sentence. Lines written in one case are flagged as a whole, since
/// capitals on them mark no names. Thread-safe.
std::vector<ScannedWord> scan_words(std::string_view text);

}  // namespace newsdex::detail
