// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/language_identifier.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace newsdex {

namespace {

// CLD2's own design target is 200 characters or more; below 40 letters its guesses are noise.
constexpr int kMinLetters = 40;
// A few paragraphs decide the language as well as a whole article does, at a fraction of the
// cost on long ones.
constexpr std::size_t kMaxDetectBytes = 16 * 1024;

bool has_letters(std::string_view text, int wanted) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int letters = 0;
  for (int32_t i = 0; i < length && letters < wanted;) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalpha(c)) ++letters;
  }
  return letters >= wanted;
}

// English words that news copy writes in every other sentence and other languages seldom write
// as words of their own: a fifth to a quarter of the words of English articles, at most one in
// sixty of the German, Spanish, French, Russian, Arabic and Japanese samples. (`in`, `a`, `is`,
// `was`, `on`, `an`, `as`, `he` and `will` are left out: Dutch, German, Spanish, French or
// Portuguese write them too.)
constexpr std::string_view kEnglishFunctionWords[] = {
    "and",   "are",  "at",   "be",  "been", "but",   "by",   "for",  "from", "had",
    "has",   "have", "it",   "its", "not",  "of",    "or",   "said", "that", "the",
    "their", "they", "this", "to",  "were", "which", "with", "would"};
constexpr std::size_t kLongestFunctionWord = 5;
constexpr int kMinWordsForEnglish = 20;
constexpr int kEnglishSharePercent = 12;

// A word of up to five lower-case ASCII letters as a number, one letter a byte, first letter
// highest: equal words, equal numbers.
constexpr std::uint64_t packed(std::string_view word) {
  std::uint64_t key = 0;
  for (const char c : word) key = key << 8 | static_cast<unsigned char>(c);
  return key;
}

constexpr auto kEnglishFunctionKeys = [] {
  std::array<std::uint64_t, std::size(kEnglishFunctionWords)> keys{};
  for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = packed(kEnglishFunctionWords[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}();

// Whether `text` reads as English by its function words: at least one word in eight of at
// least twenty. A word is a run of ASCII letters and non-ASCII bytes. This runs on every
// article, so it reads each byte once, folding and packing ASCII letters as it goes.
bool reads_as_english(std::string_view text) {
  int words = 0;
  int function_words = 0;
  std::uint64_t key = 0;   // the word so far, packed, while it may be a function word
  std::size_t length = 0;  // of the word being read
  bool may_be_function_word = true;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const auto byte = i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    const auto lower = static_cast<unsigned char>(byte | 0x20);
    if (lower >= 'a' && lower <= 'z') {
      key = key << 8 | lower;
      may_be_function_word = may_be_function_word && ++length <= kLongestFunctionWord;
    } else if (byte >= 0x80) {
      ++length;
      may_be_function_word = false;
    } else if (length > 0) {
      ++words;
      function_words += may_be_function_word && std::binary_search(kEnglishFunctionKeys.begin(),
                                                                   kEnglishFunctionKeys.end(), key);
      key = 0;
      length = 0;
      may_be_function_word = true;
    }
  }
  return words >= kMinWordsForEnglish && function_words * 100 >= words * kEnglishSharePercent;
}

bool valid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string_view prefix_on_boundary(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return text.substr(0, bytes);
}

}  // namespace

std::string normalize_language_tag(std::string_view tag) {
  const std::size_t end = tag.find_first_of("-_");
  std::string code(tag.substr(0, end));
  if (code.size() < 2 || code.size() > 3) return {};
  for (char& c : code) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') return {};
  }
  static constexpr std::pair<std::string_view, std::string_view> kWithdrawn[] = {
      {"iw", "he"}, {"in", "id"}, {"ji", "yi"}, {"jw", "jv"}};
  for (const auto& [old_code, current] : kWithdrawn) {
    if (code == old_code) return std::string(current);
  }
  return code;
}

std::string detect_language(std::string_view text) {
  text = prefix_on_boundary(text, kMaxDetectBytes);
  if (!has_letters(text, kMinLetters)) return std::string(kUndeterminedLanguage);
  // English is told by its function words at a fraction of CLD2's cost (CLD2 had taken 8% of
  // a Reuters load), and more surely where foreign names fill a story: CLD2 took eleven English
  // Reuters stories for German, Norwegian, Malay... (`Den Norske Stats Oljeselskap signed
  // contracts`). Other text, and text that is not valid UTF-8, goes to CLD2.
  if (reads_as_english(text) && valid_utf8(text)) return "en";
  CLD2::Language top3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix_bytes = 0;
  const CLD2::Language language = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, /*cld_hints=*/nullptr,
      /*flags=*/0, top3, percent3, scores3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable,
      &valid_prefix_bytes);
  if (!reliable || language == CLD2::UNKNOWN_LANGUAGE) {
    return std::string(kUndeterminedLanguage);
  }
  // CLD2 names traditional Chinese `zh-Hant` and has a few codes of its own (`xx-Qaai`);
  // the primary subtag of a real language is what newsdex stores.
  std::string code = normalize_language_tag(CLD2::LanguageCode(language));
  return code.empty() ? std::string(kUndeterminedLanguage) : code;
}

std::string identify_language(const Article& article) {
  if (std::string stated = normalize_language_tag(article.language);
      !stated.empty() && stated != kUndeterminedLanguage) {
    return stated;
  }
  std::string text;
  text.reserve(std::min(article.headline.size() + 1 + article.body.size(), kMaxDetectBytes));
  text.append(article.headline).append("\n");
  text.append(prefix_on_boundary(article.body, kMaxDetectBytes));
  return detect_language(text);
}

}  // namespace newsdex
