// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/text_scanner.h"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "analyzers/date_parser.h"
#include "analyzers/legal_forms.h"
#include "analyzers/word_list.h"
#include "newsdex/error.h"

namespace newsdex::detail {

namespace {

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x2032 || c == '`';
}

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

bool is_quote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB;
}

// Words a point follows without ending the sentence. Single letters (initials) and initialisms
// are recognised by shape; AP state abbreviations longer than these are rare before a capital.
constexpr WordList kAbbreviations(std::to_array<std::string_view>(
    {"adm",  "ala",  "apr",  "ariz", "ark", "aug",  "bros", "calif", "capt", "cmdr", "co",
     "col",  "colo", "conn", "corp", "dec", "del",  "dept", "dr",    "feb",  "fla",  "ft",
     "ga",   "gen",  "gov",  "ill",  "inc", "ind",  "jan",  "jr",    "kan",  "ky",   "la",
     "lt",   "ltd",  "maj",  "mass", "md",  "mich", "minn", "miss",  "mo",   "mont", "mr",
     "mrs",  "ms",   "mt",   "neb",  "nev", "no",   "nos",  "nov",   "oct",  "okla", "ore",
     "pa",   "prof", "rep",  "rev",  "sen", "sep",  "sept", "sgt",   "sr",   "st",   "ste",
     "tenn", "tex",  "va",   "vs",   "vt",  "wash", "wis",  "wyo"}));

// A line is in capitals when for each word with lower-case letters ("3rd") it has at least this
// many in capitals.
constexpr std::size_t kCapsLineRatio = 8;

bool is_abbreviation(std::string_view key) { return kAbbreviations.contains(key); }

// Whether `text` from `pos` holds, after spaces, a word in capitals that is no legal form:
// after "Inc." it tells that the point ended a sentence ("Advest Inc. He said", "Standard and
// Poor's Corp. Salomon Brothers Inc co-managed"), where "Co. Ltd." goes on.
bool capital_after(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  if (pos >= text.size() || !std::isupper(static_cast<unsigned char>(text[pos]))) return false;
  std::size_t end = pos;
  while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
  return !is_legal_form(fold_key(text.substr(pos, end - pos)));
}

const icu::Normalizer2& nfkc_casefold() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::internal,
                  fmt::format("ICU has no NFKC_Casefold normaliser: {}", u_errorName(status)));
    }
    return n;
  }();
  return *instance;
}

const icu::Normalizer2& nfd() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::internal,
                  fmt::format("ICU has no NFD normaliser: {}", u_errorName(status)));
    }
    return n;
  }();
  return *instance;
}

// Appends a space unless the key is empty or already ends in one.
void append_space(std::string& key) {
  if (!key.empty() && key.back() != ' ') key.push_back(' ');
}

std::string fold_non_ascii(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString folded = nfkc_casefold().normalize(source, status);
  const icu::UnicodeString decomposed = nfd().normalize(folded, status);
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::internal,
                fmt::format("ICU could not normalise a name: {}", u_errorName(status)));
  }
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (is_apostrophe(static_cast<char32_t>(c))) {
      bare.append(static_cast<UChar>('\''));
    } else if (is_dash(static_cast<char32_t>(c)) || is_space(static_cast<char32_t>(c))) {
      bare.append(static_cast<UChar>(' '));
    } else if (c != '.' && c != 0x00B7) {
      bare.append(c);
    }
  }
  std::string utf8;
  bare.toUTF8String(utf8);
  std::string key;
  key.reserve(utf8.size());
  for (const char c : utf8) {
    if (c == ' ') {
      append_space(key);
    } else {
      key.push_back(c);
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

}  // namespace

std::string fold_key(std::string_view text) {
  std::string key;
  key.reserve(text.size());
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return fold_non_ascii(text);
    if (c >= 'A' && c <= 'Z') {
      key.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      append_space(key);
    } else if (c == '`') {
      key.push_back('\'');
    } else if (c != '.') {
      key.push_back(c);
    }
  }
  if (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  std::vector<ScannedWord> scan() {
    std::vector<ScannedWord> words;
    words.reserve(text_.size() / 6);
    std::uint32_t pending = kSentenceStart | kLineStart;
    std::size_t line_first = 0;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      const auto cp = decode_utf8(text_, pos);
      if (!is_word_char(cp.value) && !is_digit(cp.value)) {
        if (cp.value == '\n') pending |= kSentenceStart | kLineStart;
        pos += cp.size;
        continue;
      }
      if ((pending & kLineStart) && !words.empty()) close_line(words, line_first);
      ScannedWord word;
      pos = read_word(pos, word);
      word.flags |= pending;
      pos = read_gap(pos, word, pending);
      words.push_back(std::move(word));
    }
    close_line(words, line_first);
    return words;
  }

 private:
  char32_t peek(std::size_t pos) const {
    return pos < text_.size() ? decode_utf8(text_, pos).value : 0;
  }
  std::size_t next(std::size_t pos) const { return pos + decode_utf8(text_, pos).size; }

  // Reads the word at `pos` into `word`; returns where the gap after it starts.
  std::size_t read_word(std::size_t pos, ScannedWord& word) {
    word.begin = static_cast<std::uint32_t>(pos);
    bool has_upper = false;
    bool has_lower = false;
    bool first = true;
    int letters = 0;
    int segment = 0;         // letters since the last inner point
    bool initialism = true;  // every segment so far one letter long
    int points = 0;
    while (pos < text_.size()) {
      const auto cp = decode_utf8(text_, pos);
      const char32_t c = cp.value;
      if (is_word_char(c) || is_digit(c)) {
        if (first) {
          if (is_upper(c)) word.flags |= kCapitalised;
          if (is_lower(c)) word.flags |= kLower;
          first = false;
        }
        if (is_digit(c)) {
          word.flags |= kHasDigit;
        } else if (is_letter(c)) {
          ++letters;
          ++segment;
          has_upper = has_upper || is_upper(c);
          has_lower = has_lower || is_lower(c);
        }
        pos += cp.size;
        continue;
      }
      const std::size_t after = pos + cp.size;
      const char32_t following = peek(after);
      if (is_apostrophe(c) && is_letter(following)) {
        // "Albania's", "Iran’s": the possessive is not part of the name.
        if ((following == 's' || following == 'S') && !is_word_char(peek(next(after)))) {
          word.flags |= kPossessive;
          word.end = static_cast<std::uint32_t>(pos);
          finish(word, letters, has_upper, has_lower, points > 0 && initialism);
          return next(after);
        }
        pos = after;
        initialism = false;
        continue;
      }
      if (is_hyphen(c) && (is_word_char(following) || is_digit(following))) {
        word.flags |= kHyphenated;
        pos = after;
        segment = 0;
        initialism = false;
        continue;
      }
      if (c == '.' && segment == 1 && initialism && is_letter(following) &&
          peek(next(after)) == '.') {
        // "U.S.", "U.A.E.": one word with its points.
        ++points;
        segment = 0;
        pos = after;
        continue;
      }
      if (c == '.' && points > 0 && initialism && segment == 1) {
        pos = after;  // the final point of an initialism
        break;
      }
      if ((c == '.' || c == ',') && (word.flags & kHasDigit) && is_digit(following)) {
        pos = after;  // 3.5, 1,000
        continue;
      }
      break;
    }
    word.end = static_cast<std::uint32_t>(pos);
    finish(word, letters, has_upper, has_lower, points > 0 && initialism);
    return pos;
  }

  void finish(ScannedWord& word, int letters, bool has_upper, bool has_lower, bool initialism) {
    if (initialism) word.flags |= kInitialism;
    if (letters >= 2 && has_upper && !has_lower) word.flags |= kAllCaps;
    line_caps_ += has_upper && !has_lower ? 1 : 0;
    line_lower_ += has_lower ? 1 : 0;
    line_has_upper_ = line_has_upper_ || has_upper;
    word.key = fold_key(text_.substr(word.begin, word.end - word.begin));
  }

  // Reads the punctuation after a word up to the next word; sets the word's "after" flags and
  // the flags the next word starts with.
  std::size_t read_gap(std::size_t pos, ScannedWord& word, std::uint32_t& pending) {
    pending = 0;
    bool only_ampersand = false;
    bool other = false;
    bool first = true;
    while (pos < text_.size()) {
      const auto cp = decode_utf8(text_, pos);
      const char32_t c = cp.value;
      if (is_word_char(c) || is_digit(c)) break;
      if (c == '.' && first) word.flags |= kPointAfter;
      first = false;
      if (c == '\n') {
        pending |= kSentenceStart | kLineStart;
        other = true;
      } else if (is_space(c)) {
      } else if (c == ',' || c == 0x060C || c == 0xFF0C || c == 0x3001) {
        word.flags |= kCommaAfter;
      } else if (c == '&') {
        only_ampersand = true;
      } else if (c == '.') {
        if (!word.has(kInitialism) && !is_initial(word) && !is_abbreviation(word.key)) {
          pending |= kSentenceStart;
          other = true;
        } else if (is_legal_form(word.key) && capital_after(text_, next(pos))) {
          pending |= kSentenceStart;  // "Advest Inc. He said"
          other = true;
        } else if (is_space(peek(next(pos))) && is_space(peek(next(next(pos))))) {
          pending |= kSentenceStart;  // two spaces after a point: a sentence ends anyway
          other = true;
        }
      } else if (c == '!' || c == '?' || c == 0x2026 || c == 0x3002 || c == 0x061F) {
        pending |= kSentenceStart;
        other = true;
      } else if (c == ':' || (is_quote(c) && is_word_char(peek(next(pos))))) {
        pending |= kSentenceStart;
        other = true;
      } else if (c == '(' || c == 0xFF08) {
        word.flags |= kOpenParenAfter;
        other = true;
      } else if (c == ')' || c == 0xFF09) {
        word.flags |= kCloseParenAfter;
        other = true;
      } else if (is_apostrophe(c) && word.key.ends_with('s') && first_in_gap(word, pos)) {
        word.flags |= kPossessive;  // "the Soviets' plan"
      } else {
        other = true;
      }
      pos += cp.size;
    }
    if (other || pending != 0) {
      word.flags |= kBreakAfter;
    } else if (only_ampersand) {
      word.flags |= kAmpersandAfter;
    }
    return pos;
  }

  bool first_in_gap(const ScannedWord& word, std::size_t pos) const { return pos == word.end; }

  static bool is_initial(const ScannedWord& word) {
    return word.end - word.begin == 1 && word.has(kCapitalised);
  }

  // Flags the words of the line [line_first, end) when the line is written in one case; the
  // first word of the next line starts the next one.
  void close_line(std::vector<ScannedWord>& words, std::size_t& line_first) {
    std::uint32_t flag = 0;
    if (words.size() - line_first >= 2) {
      // "REAGAN SAYS VOLCKER WILL NOT ACCEPT 3rd TERM" is a line in capitals all the same.
      if (line_caps_ > 0 && line_lower_ * kCapsLineRatio <= line_caps_) flag = kCapsLine;
      if (line_lower_ > 0 && !line_has_upper_) flag = kLowerLine;
    }
    for (std::size_t j = line_first; j < words.size(); ++j) words[j].flags |= flag;
    line_first = words.size();
    line_caps_ = 0;
    line_lower_ = 0;
    line_has_upper_ = false;
  }

  std::string_view text_;
  // Words of the current line in capitals only, and with lower-case letters.
  std::size_t line_caps_ = 0;
  std::size_t line_lower_ = 0;
  bool line_has_upper_ = false;
};

}  // namespace

std::vector<ScannedWord> scan_words(std::string_view text) { return Scanner(text).scan(); }

std::string name_key(std::string_view name) {
  std::string key;
  for (const ScannedWord& word : scan_words(name)) {
    if (word.key.empty()) continue;
    if (!key.empty()) key.push_back(' ');
    key += word.key;
  }
  return key;
}

}  // namespace newsdex::detail
