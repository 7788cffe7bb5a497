// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/language_identifier.h"

#include <cld2/public/compact_lang_det.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
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
