// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/date_parser.h"

#include <fmt/format.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <functional>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "newsdex/error.h"

namespace newsdex {

DatePrecision CivilDate::precision() const {
  if (day != 0) return DatePrecision::day;
  return month != 0 ? DatePrecision::month : DatePrecision::year;
}

bool CivilDate::ok() const {
  namespace chr = std::chrono;
  if (!chr::year{year}.ok()) return false;
  if (month == 0) return day == 0;
  if (day == 0) return month <= 12;
  return chr::year_month_day{chr::year{year}, chr::month{month}, chr::day{day}}.ok();
}

std::string CivilDate::iso() const {
  switch (precision()) {
    case DatePrecision::day:
      return fmt::format("{:04}-{:02}-{:02}", year, month, day);
    case DatePrecision::month:
      return fmt::format("{:04}-{:02}", year, month);
    case DatePrecision::year:
      break;
  }
  return fmt::format("{:04}", year);
}

std::string CivilDate::compact() const { return fmt::format("{:04}{:02}{:02}", year, month, day); }

namespace detail {

CodePoint decode_utf8(std::string_view text, std::size_t pos) {
  const auto first = static_cast<unsigned char>(text[pos]);
  if (first < 0x80) return {first, 1};
  auto index = static_cast<std::int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(reinterpret_cast<const std::uint8_t*>(text.data()), index,
          static_cast<std::int32_t>(text.size()), c);
  if (c < 0) return {0xFFFD, 1};
  return {static_cast<char32_t>(c), static_cast<std::size_t>(index) - pos};
}

bool is_space(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case 0x00A0:
    case 0x061C:  // Arabic letter mark
    case 0x1680:
    case 0x200B:
    case 0x200E:  // left-to-right and right-to-left marks
    case 0x200F:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200A;
  }
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c));
}

// Combining marks are NFD accents and Arabic vowel signs.
bool is_word_char(char32_t c) {
  if (is_letter(c)) return true;
  if (c < 0x80) return false;
  if (c == 0x200C || c == 0x200D) return true;
  const auto type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK || type == U_ENCLOSING_MARK;
}

bool is_dash(char32_t c) {
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 ||
         c == 0xFF0D;
}

}  // namespace detail

namespace {

using detail::decode_utf8;
using detail::is_dash;
using detail::is_letter;
using detail::is_space;
using detail::is_word_char;

// Years outside this range are amounts ("Feb 26 2500 tonnes"), not years, in news text.
constexpr int kMinYear = 1600;
constexpr int kMaxYear = 2199;

// ---------------------------------------------------------------------------------------------
// Month and weekday names

struct NameInfo {
  std::uint8_t month = 0;  // 1–12; 0 when the word names no month
  bool weekday = false;    // a weekday name, which may open a date
  bool opens_phrase = false;  // first word of a two-word month ("كانون الثاني", Levantine January)
};

// A key that two months claim within one table (after folding) says nothing: it is dropped.
constexpr std::uint8_t kConflict = 0xFF;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using NameMap = std::unordered_map<std::string, NameInfo, StringHash, std::equal_to<>>;

// News abbreviations that ICU's locale data lacks. Month 0 marks a weekday.
struct Alias {
  std::string_view word;
  std::uint8_t month;
};
constexpr Alias kEnglishAliases[] = {{"sept", 9}, {"febr", 2},  {"tues", 0},
                                     {"thur", 0}, {"thurs", 0}, {"weds", 0}};
constexpr Alias kGermanAliases[] = {{"mrz", 3}, {"febr", 2}};
constexpr Alias kFrenchAliases[] = {{"fev", 2}, {"sep", 9}};
constexpr Alias kSpanishAliases[] = {{"sep", 9}, {"set", 9}, {"setiembre", 9}};
constexpr Alias kItalianAliases[] = {{"sett", 9}};
constexpr Alias kDutchAliases[] = {{"sept", 9}};

struct LanguageSpec {
  std::string_view language;
  // Regional locales add their own names: en_GB "Sept", de_AT "Jänner", ar_SY "آذار".
  std::array<const char*, 4> locales;
  std::span<const Alias> aliases;
};

constexpr LanguageSpec kLanguages[] = {
    {"en", {"en", "en_GB", "en_AU"}, kEnglishAliases},
    {"de", {"de", "de_AT", "de_CH"}, kGermanAliases},
    {"fr", {"fr", "fr_CA", "fr_BE"}, kFrenchAliases},
    {"es", {"es", "es_419", "es_PE"}, kSpanishAliases},
    {"it", {"it"}, kItalianAliases},
    {"pt", {"pt", "pt_PT"}, {}},
    {"nl", {"nl"}, kDutchAliases},
    {"sv", {"sv"}, {}},
    {"da", {"da"}, {}},
    {"no", {"no"}, {}},
    {"fi", {"fi"}, {}},
    {"pl", {"pl"}, {}},
    {"cs", {"cs"}, {}},
    {"ro", {"ro"}, {}},
    {"hu", {"hu"}, {}},
    {"tr", {"tr"}, {}},
    {"ca", {"ca"}, {}},
    {"id", {"id"}, {}},
    {"ru", {"ru"}, {}},
    {"uk", {"uk"}, {}},
    {"el", {"el"}, {}},
    {"ar", {"ar", "ar_SY", "ar_MA", "ar_TN"}, {}},
    {"fa", {"fa"}, {}},
    {"he", {"he"}, {}},
};

bool is_ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Matching ignores case and diacritics, so "MÄRZ", "Marz" and "März" are one key, and Arabic
// "أبريل" meets its common spelling "ابريل" (the hamza is a combining mark after NFD).
std::string fold(std::string_view word, const icu::Normalizer2& nfd) {
  std::string out;
  if (is_ascii(word)) {
    out.reserve(word.size());
    for (const char c : word) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString decomposed =
      nfd.normalize(icu::UnicodeString::fromUTF8(
                        icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))),
                    status);
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::internal,
                fmt::format("ICU could not normalise a word: {}", u_errorName(status)));
  }
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 c = decomposed.char32At(i);
    if (u_charType(c) != U_NON_SPACING_MARK) bare.append(c);
    i += U16_LENGTH(c);
  }
  bare.foldCase().toUTF8String(out);
  return out;
}

void add_name(NameMap& names, std::string key, std::uint8_t month, bool weekday,
              bool opens_phrase) {
  NameInfo& info = names[std::move(key)];
  if (month != 0) info.month = (info.month == 0 || info.month == month) ? month : kConflict;
  info.weekday = info.weekday || weekday;
  info.opens_phrase = info.opens_phrase || opens_phrase;
}

// Trailing abbreviation marks (".", Hebrew geresh) are separate tokens in the text, so keys
// leave them out. Names the tokenizer cannot see as one or two words ("thg 9") are skipped.
void add_icu_name(NameMap& names, const icu::UnicodeString& name, std::uint8_t month, bool weekday,
                  const icu::Normalizer2& nfd) {
  std::string utf8;
  name.toUTF8String(utf8);
  std::vector<std::string> words;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    while (pos < utf8.size() && is_space(decode_utf8(utf8, pos).value)) {
      pos += decode_utf8(utf8, pos).size;
    }
    std::size_t end = pos;
    std::size_t letters_end = pos;
    while (end < utf8.size()) {
      const auto cp = decode_utf8(utf8, end);
      if (is_space(cp.value)) break;
      if (u_isdigit(static_cast<UChar32>(cp.value))) return;
      end += cp.size;
      if (u_isalpha(static_cast<UChar32>(cp.value)) || u_getCombiningClass(cp.value) != 0) {
        letters_end = end;
      }
    }
    if (letters_end > pos)
      words.push_back(fold(std::string_view(utf8).substr(pos, letters_end - pos), nfd));
    pos = end;
  }
  if (words.size() == 1) {
    add_name(names, std::move(words[0]), month, weekday, false);
  } else if (words.size() == 2 && month != 0) {
    add_name(names, words[0], 0, false, true);
    add_name(names, words[0] + " " + words[1], month, false, false);
  }
}

bool is_latin_key(std::string_view key) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script =
      uscript_getScript(static_cast<UChar32>(decode_utf8(key, 0).value), &status);
  return U_FAILURE(status) || script == USCRIPT_LATIN || script == USCRIPT_COMMON;
}

class NameTables {
 public:
  NameTables() {
    UErrorCode status = U_ZERO_ERROR;
    nfd_ = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::internal,
                  fmt::format("ICU has no NFD normaliser: {}", u_errorName(status)));
    }
    for (const LanguageSpec& spec : kLanguages) {
      NameMap names;
      for (const char* locale : spec.locales) {
        if (locale != nullptr) add_locale(names, locale);
      }
      for (const Alias& alias : spec.aliases) {
        add_name(names, std::string(alias.word), alias.month, alias.month == 0, false);
      }
      for (const auto& [key, info] : names) {
        if (!is_latin_key(key))
          add_name(non_latin_, key, info.month, info.weekday, info.opens_phrase);
      }
      drop_conflicts(names);
      languages_.emplace_back(std::string(spec.language), std::move(names));
    }
    drop_conflicts(non_latin_);
  }

  const icu::Normalizer2& nfd() const { return *nfd_; }
  const NameMap& non_latin() const { return non_latin_; }
  const NameMap& english() const { return languages_.front().second; }

  const NameMap& language(std::string_view tag) const {
    std::string base;
    for (const char c : tag) {
      if (c == '-' || c == '_') break;
      base.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    if (base == "nb" || base == "nn") base = "no";
    for (const auto& [language, names] : languages_) {
      if (language == base) return names;
    }
    return english();
  }

 private:
  void add_locale(NameMap& names, const char* name) {
    // Without the keyword "fa" would give Solar Hijri month names (ICU follows the locale's
    // default calendar), which map to the wrong Gregorian months.
    const icu::Locale locale(fmt::format("{}@calendar=gregorian", name).c_str());
    UErrorCode status = U_ZERO_ERROR;
    const icu::DateFormatSymbols symbols(locale, status);
    if (U_FAILURE(status)) {
      throw Error(
          ErrorCode::internal,
          fmt::format("ICU could not load date names for {}: {}", name, u_errorName(status)), name);
    }
    // A trimmed ICU data build falls back silently to the default locale's names: those must not
    // be filed under another language.
    const icu::Locale actual = symbols.getLocale(ULOC_ACTUAL_LOCALE, status);
    if (U_FAILURE(status) || std::string_view(actual.getLanguage()) != locale.getLanguage()) return;

    for (const auto context :
         {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      for (const auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
        int32_t count = 0;
        const icu::UnicodeString* months = symbols.getMonths(count, context, width);
        for (int32_t i = 0; i < count && i < 12; ++i) {
          add_icu_name(names, months[i], static_cast<std::uint8_t>(i + 1), false, *nfd_);
        }
        // getWeekdays is indexed by UCAL_SUNDAY.. (1..7); element 0 is empty.
        const icu::UnicodeString* weekdays = symbols.getWeekdays(count, context, width);
        for (int32_t i = 1; i < count; ++i) add_icu_name(names, weekdays[i], 0, true, *nfd_);
      }
    }
  }

  static void drop_conflicts(NameMap& names) {
    for (auto it = names.begin(); it != names.end();) {
      if (it->second.month == kConflict) it->second.month = 0;
      if (it->second.month == 0 && !it->second.weekday && !it->second.opens_phrase) {
        it = names.erase(it);
      } else {
        ++it;
      }
    }
  }

  const icu::Normalizer2* nfd_ = nullptr;
  std::vector<std::pair<std::string, NameMap>> languages_;
  NameMap non_latin_;
};

const NameTables& name_tables() {
  static const NameTables tables;
  return tables;
}

// The names one text is read with: its language's, then English, then every non-Latin script's.
// English comes second so that "mar" in French text stays "mardi" (a weekday), not March.
class Names {
 public:
  explicit Names(std::string_view language)
      : tables_(name_tables()), primary_(tables_.language(language)) {}

  NameInfo lookup(std::string_view word) const {
    const std::string key = fold(word, tables_.nfd());
    for (const NameMap* names : {&primary_, &tables_.english(), &tables_.non_latin()}) {
      if (const auto it = names->find(key); it != names->end()) return it->second;
    }
    return {};
  }

 private:
  const NameTables& tables_;
  const NameMap& primary_;
};

// ---------------------------------------------------------------------------------------------
// Tokens

enum class Kind : std::uint8_t { number, word, punct, dash, year_mark, month_mark, day_mark };

struct Token {
  Kind kind = Kind::punct;
  bool space_before = true;  // the start of the text counts as a space
  bool caseless = false;     // a word whose script has no case (Arabic, CJK)
  std::uint8_t digits = 0;   // of a number (saturating)
  std::uint32_t value = 0;   // a number's value (saturating), a punctuation code point
  std::size_t start = 0;
  std::size_t end = 0;
  std::optional<NameInfo> name;  // a word's meaning, looked up on first use
};

// Apostrophes ("d'Ivoire"), hyphens ("Winston-Salem") and points ("N.J") inside a word.
bool joins_word(char32_t c) { return c == '\'' || c == 0x2019 || c == '-' || c == '.'; }

int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c < 0x80 || u_charType(static_cast<UChar32>(c)) != U_DECIMAL_DIGIT_NUMBER) return -1;
  return u_charDigitValue(static_cast<UChar32>(c));
}

bool is_caseless(char32_t c) {
  return c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_OTHER_LETTER;
}

std::optional<Kind> cjk_mark(char32_t c) {
  switch (c) {
    case 0x5E74:  // 年
    case 0xB144:  // 년
      return Kind::year_mark;
    case 0x6708:  // 月
    case 0xC6D4:  // 월
      return Kind::month_mark;
    case 0x65E5:  // 日
    case 0x53F7:  // 号
    case 0x865F:  // 號
    case 0xC77C:  // 일
      return Kind::day_mark;
    default:
      return std::nullopt;
  }
}

// Splits text into tokens on demand, so that find_date stops reading at its first match.
// A deque keeps references to earlier tokens valid while later ones are appended.
class TokenStream {
 public:
  TokenStream(std::string_view text, const Names& names) : text_(text), names_(names) {}

  // The i-th token, or nullptr past the end.
  Token* at(std::size_t i) {
    while (tokens_.size() <= i) {
      if (!read_next()) return nullptr;
    }
    return &tokens_[i];
  }

  const NameInfo& name(Token& token) {
    if (!token.name) token.name = names_.lookup(text_of(token));
    return *token.name;
  }
  NameInfo lookup(std::string_view words) const { return names_.lookup(words); }

  std::string_view text_of(const Token& token) const {
    return text_.substr(token.start, token.end - token.start);
  }

 private:
  // The loops step over ASCII bytes directly: decoding every byte was most of find_date's time.
  bool read_next() {
    bool space = tokens_.empty();
    while (pos_ < text_.size()) {
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte == ' ') {
        space = true;
        ++pos_;
        continue;
      }
      const auto cp = decode_utf8(text_, pos_);
      if (!is_space(cp.value)) break;
      space = true;
      pos_ += cp.size;
    }
    if (pos_ >= text_.size()) return false;

    Token token;
    token.space_before = space;
    token.start = pos_;
    const auto cp = decode_utf8(text_, pos_);
    if (digit_value(cp.value) >= 0) {
      token.kind = Kind::number;
      std::uint64_t value = 0;
      while (pos_ < text_.size()) {
        const auto next = decode_utf8(text_, pos_);
        const int digit = digit_value(next.value);
        if (digit < 0) break;
        value = std::min<std::uint64_t>(value * 10 + static_cast<unsigned>(digit), 0xFFFFFFFF);
        token.digits = static_cast<std::uint8_t>(std::min(token.digits + 1, 0xFF));
        pos_ += next.size;
      }
      token.value = static_cast<std::uint32_t>(value);
    } else if (const auto mark = cjk_mark(cp.value);
               mark && !space && !tokens_.empty() && tokens_.back().kind == Kind::number) {
      // 日 is only a date mark right after a number: in 日本 (Japan) it is a letter.
      token.kind = *mark;
      pos_ += cp.size;
    } else if (is_letter(cp.value)) {
      token.kind = Kind::word;
      token.caseless = is_caseless(cp.value);
      pos_ += cp.size;
      while (pos_ < text_.size()) {
        const auto byte = static_cast<unsigned char>(text_[pos_]);
        if ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z') {
          ++pos_;
          continue;
        }
        const auto next = decode_utf8(text_, pos_);
        if (is_word_char(next.value)) {
          pos_ += next.size;
        } else if (joins_word(next.value) && pos_ + next.size < text_.size() &&
                   is_letter(decode_utf8(text_, pos_ + next.size).value)) {
          pos_ += next.size;
        } else {
          break;
        }
      }
    } else if (is_dash(cp.value)) {
      token.kind = Kind::dash;
      token.value = cp.value;
      while (pos_ < text_.size() && is_dash(decode_utf8(text_, pos_).value)) {
        pos_ += decode_utf8(text_, pos_).size;
      }
    } else {
      token.kind = Kind::punct;
      token.value = cp.value;
      pos_ += cp.size;
    }
    token.end = pos_;
    tokens_.push_back(token);
    return true;
  }

  std::string_view text_;
  const Names& names_;
  std::size_t pos_ = 0;
  std::deque<Token> tokens_;
};

// ---------------------------------------------------------------------------------------------
// The date grammar

// A date as written, before its year is resolved.
struct RawDate {
  int year = 0;  // 0 when the text states none
  unsigned month = 0;
  unsigned day = 0;
  std::size_t end = 0;  // token index one past the date
};

bool equals_ascii_folded(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != lower[i]) return false;
  }
  return true;
}

class Matcher {
 public:
  Matcher(TokenStream& tokens, NumericOrder order) : tokens_(tokens), order_(order) {}

  // The date that starts at token i, allowing a weekday before it ("Wed, 07 Sep 2022").
  std::optional<RawDate> match(std::size_t i) {
    Token* t = tokens_.at(i);
    if (t == nullptr || !starts_cleanly(i)) return std::nullopt;
    if (auto date = match_core(i)) return date;
    if (t->kind != Kind::word || !number_within(i, 3) || !tokens_.name(*t).weekday) {
      return std::nullopt;
    }
    std::size_t j = i + 1;
    if (is_punct(j, '.', true)) ++j;
    if (is_punct(j, ',', false)) ++j;
    return match_core(j);
  }

 private:
  std::optional<RawDate> match_core(std::size_t i) {
    Token* t = tokens_.at(i);
    if (t == nullptr) return std::nullopt;
    if (t->kind == Kind::number) {
      if (t->digits == 4 || t->digits == 8) return year_first(i);
      if (t->digits <= 2) return day_first(i);
      return std::nullopt;
    }
    if (t->kind == Kind::word && number_within(i, 2)) return month_first(i);
    return std::nullopt;
  }

  // 2022-09-07, 2022/09/07 (URLs), 2022-09, 2022年9月7日, 20220907.
  std::optional<RawDate> year_first(std::size_t i) {
    const Token& t = *tokens_.at(i);
    if (t.digits == 8) {
      const RawDate date{static_cast<int>(t.value / 10000), t.value / 100 % 100, t.value % 100,
                         i + 1};
      if (!in_year_range(date.year) || !plausible(date.month, date.day) ||
          !ends_cleanly(date.end, true)) {
        return std::nullopt;
      }
      return date;
    }
    if (!is_year(i)) return std::nullopt;
    const int year = static_cast<int>(t.value);
    if (kind_at(i + 1) == Kind::year_mark) {
      if (!is_number(i + 2, 2) || kind_at(i + 3) != Kind::month_mark) return std::nullopt;
      const unsigned month = value(i + 2);
      if (is_number(i + 4, 2) && kind_at(i + 5) == Kind::day_mark) {
        if (!plausible(month, value(i + 4))) return std::nullopt;
        return RawDate{year, month, value(i + 4), i + 6};
      }
      if (!plausible(month, 1)) return std::nullopt;
      return RawDate{year, month, 0, i + 4};
    }
    const char32_t sep = separator(i + 1);
    if (sep == 0 || !is_number(i + 2, 2, true)) return std::nullopt;
    const unsigned month = value(i + 2);
    // Xinhua's URLs mix the two: news.cn/2023-04/18/c_1129534531.htm.
    const char32_t second = separator(i + 3);
    if ((second == sep || (sep == '-' && second == '/')) && is_number(i + 4, 2, true)) {
      const RawDate date{year, month, value(i + 4), i + 5};
      if (!plausible(date.month, date.day)) return std::nullopt;
      if (is_iso_time(date.end) || ends_cleanly(date.end, true)) return date;
      return std::nullopt;
    }
    // "2022.09" is more often a version or a decimal than a month.
    if (sep == '.' || !plausible(month, 1) || !ends_cleanly(i + 3, true)) return std::nullopt;
    return RawDate{year, month, 0, i + 3};
  }

  // 07/09/2022, 7. September 2022, 26-FEB-1987, 7th of September, 7 de septiembre de 2022, 9月7日.
  std::optional<RawDate> day_first(std::size_t i) {
    const unsigned first = value(i);
    if (kind_at(i + 1) == Kind::month_mark) {
      if (!is_number(i + 2, 2) || kind_at(i + 3) != Kind::day_mark ||
          !plausible(first, value(i + 2))) {
        return std::nullopt;
      }
      return RawDate{0, first, value(i + 2), i + 4};
    }
    if (first < 1 || first > 31) return std::nullopt;

    const char32_t sep = separator(i + 1);
    if (sep != 0 && is_number(i + 2, 2, true) && separator(i + 3) == sep && is_year(i + 4, true)) {
      const auto order = numeric_day_month(first, value(i + 2), sep);
      if (!order || !ends_cleanly(i + 5, true)) return std::nullopt;
      return RawDate{static_cast<int>(value(i + 4)), order->second, order->first, i + 5};
    }

    std::size_t j = i + 1;
    if (is_ordinal(j)) ++j;
    char32_t glue = 0;  // the separator of the compact form 26-FEB-1987
    const char32_t after_day = separator(j);
    if (after_day == '-' || after_day == '/') {
      glue = after_day;
      ++j;
      if (!attached(j)) return std::nullopt;
    } else if (after_day == '.') {
      ++j;
    } else if (is_word(j, "de") || is_word(j, "of")) {
      ++j;
    }
    std::size_t width = 0;
    const unsigned month = month_at(j, width);
    if (month == 0) return std::nullopt;
    j += width;

    RawDate date{0, month, first, j};
    if (glue != 0) {
      if (separator(j) == glue && is_year(j + 1, true)) {
        date.year = static_cast<int>(value(j + 1));
        date.end = j + 2;
      }
    } else {
      if (is_punct(j, '.', true)) date.end = ++j;
      std::size_t k = j;
      if (is_punct(k, ',', false)) ++k;
      if (is_word(k, "de")) ++k;
      if (is_year(k) && tokens_.at(k)->space_before) {
        date.year = static_cast<int>(value(k));
        date.end = k + 1;
      }
    }
    if (!ends_cleanly(date.end, false)) return std::nullopt;
    return date;
  }

  // Sept. 7, 2022; September 7th, 2022; March 3; September 2022.
  std::optional<RawDate> month_first(std::size_t i) {
    std::size_t width = 0;
    const unsigned month = month_at(i, width);
    if (month == 0) return std::nullopt;
    std::size_t j = i + width;
    bool point = false;
    if (is_punct(j, '.', true)) {
      ++j;
      point = true;
    }
    const Token* t = tokens_.at(j);
    if (t == nullptr || t->kind != Kind::number || !(t->space_before || point)) return std::nullopt;
    if (t->digits <= 2) {
      RawDate date{0, month, t->value, ++j};
      if (date.day < 1 || date.day > 31) return std::nullopt;
      if (is_ordinal(j)) date.end = ++j;
      if (is_punct(j, ',', true)) ++j;
      if (is_year(j) && tokens_.at(j)->space_before) {
        date.year = static_cast<int>(value(j));
        date.end = j + 1;
      }
      if (!ends_cleanly(date.end, false)) return std::nullopt;
      return date;
    }
    if (!is_year(j) || !ends_cleanly(j + 1, false)) return std::nullopt;
    return RawDate{static_cast<int>(value(j)), month, 0, j + 1};
  }

  // Which of two numeric fields is the day: {day, month}, or nullopt when it cannot be known.
  std::optional<std::pair<unsigned, unsigned>> numeric_day_month(unsigned a, unsigned b,
                                                                 char32_t sep) const {
    if (!plausible(b, a) && !plausible(a, b)) return std::nullopt;
    if (sep == '.' || a > 12 || a == b) return std::pair{a, b};
    if (b > 12) return std::pair{b, a};
    switch (order_) {
      case NumericOrder::day_first:
        return std::pair{a, b};
      case NumericOrder::month_first:
        return std::pair{b, a};
      case NumericOrder::unambiguous_only:
        break;
    }
    return std::nullopt;
  }

  // Month names span one token, or two for Levantine Arabic ("تشرين الأول").
  unsigned month_at(std::size_t i, std::size_t& width) {
    Token* t = tokens_.at(i);
    if (t == nullptr || t->kind != Kind::word) return 0;
    const NameInfo& info = tokens_.name(*t);
    if (info.opens_phrase) {
      Token* second = tokens_.at(i + 1);
      if (second != nullptr && second->kind == Kind::word) {
        const std::string phrase =
            std::string(tokens_.text_of(*t)) + " " + std::string(tokens_.text_of(*second));
        if (const NameInfo pair = tokens_.lookup(phrase); pair.month != 0) {
          width = 2;
          return pair.month;
        }
      }
    }
    width = 1;
    return info.month;
  }

  // A date does not start glued to a word or a number: "ID20220907", "1.5 March", "7–9 Sept".
  bool starts_cleanly(std::size_t i) {
    const Token& t = *tokens_.at(i);
    if (i == 0 || t.space_before) return true;
    const Token& prev = *tokens_.at(i - 1);
    if (prev.kind == Kind::number) return false;
    if (prev.kind == Kind::word) return prev.caseless;
    if ((prev.kind == Kind::punct || prev.kind == Kind::dash) && !prev.space_before && i >= 2) {
      return tokens_.at(i - 2)->kind != Kind::number;
    }
    return true;
  }

  // Nor does it end glued to one: "March 3.5", "Feb 26-27", "1987x". Path-like dates
  // (/2022/09/07/1234) may be followed by more path.
  bool ends_cleanly(std::size_t end, bool path_like) {
    const Token* t = tokens_.at(end);
    if (t == nullptr || t->space_before) return true;
    switch (t->kind) {
      case Kind::number:
        return false;
      case Kind::word:
        // CJK and Arabic text runs on without spaces: "2022年9月7日に".
        return t->caseless;
      case Kind::punct:
      case Kind::dash: {
        const Token* next = tokens_.at(end + 1);
        if (next == nullptr || next->space_before || next->kind != Kind::number) return true;
        if (t->kind == Kind::punct && (t->value == '.' || t->value == ',')) return false;
        return path_like;
      }
      default:
        return true;
    }
  }

  // The T of 2022-09-07T10:00:00Z.
  bool is_iso_time(std::size_t i) {
    const Token* t = tokens_.at(i);
    return t != nullptr && !t->space_before && t->kind == Kind::word &&
           (tokens_.text_of(*t) == "T" || tokens_.text_of(*t) == "t") && is_number(i + 1, 2, true);
  }

  bool is_ordinal(std::size_t i) {
    const Token* t = tokens_.at(i);
    if (t == nullptr || t->space_before || t->kind != Kind::word) return false;
    const std::string_view text = tokens_.text_of(*t);
    for (const std::string_view suffix : {"st", "nd", "rd", "th", "er", "o", "a", "º", "ª"}) {
      if (equals_ascii_folded(text, suffix)) return true;
    }
    return false;
  }

  // A date separator glued on both sides: "-", "/" or ".".
  char32_t separator(std::size_t i) {
    const Token* t = tokens_.at(i);
    if (t == nullptr || t->space_before) return 0;
    if (t->kind == Kind::dash) return tokens_.text_of(*t) == "-" ? U'-' : 0;
    if (t->kind == Kind::punct && (t->value == '/' || t->value == '.')) return t->value;
    return 0;
  }

  bool number_within(std::size_t i, std::size_t span) {
    for (std::size_t k = i + 1; k <= i + span; ++k) {
      const Token* t = tokens_.at(k);
      if (t == nullptr) return false;
      if (t->kind == Kind::number) return true;
    }
    return false;
  }

  bool attached(std::size_t i) {
    const Token* t = tokens_.at(i);
    return t != nullptr && !t->space_before;
  }
  Kind kind_at(std::size_t i) {
    const Token* t = tokens_.at(i);
    return t == nullptr ? Kind::punct : t->kind;
  }
  unsigned value(std::size_t i) { return tokens_.at(i)->value; }
  bool is_number(std::size_t i, unsigned max_digits, bool glued = false) {
    const Token* t = tokens_.at(i);
    return t != nullptr && t->kind == Kind::number && t->digits <= max_digits &&
           (!glued || !t->space_before);
  }
  bool is_year(std::size_t i, bool glued = false) {
    const Token* t = tokens_.at(i);
    return t != nullptr && t->kind == Kind::number && t->digits == 4 &&
           in_year_range(static_cast<int>(t->value)) && (!glued || !t->space_before);
  }
  bool is_punct(std::size_t i, char32_t c, bool glued) {
    const Token* t = tokens_.at(i);
    return t != nullptr && t->kind == Kind::punct && t->value == c && (!glued || !t->space_before);
  }
  bool is_word(std::size_t i, std::string_view lower) {
    const Token* t = tokens_.at(i);
    return t != nullptr && t->kind == Kind::word && equals_ascii_folded(tokens_.text_of(*t), lower);
  }
  static bool in_year_range(int year) { return year >= kMinYear && year <= kMaxYear; }
  static bool plausible(unsigned month, unsigned day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
  }

  TokenStream& tokens_;
  NumericOrder order_;
};

// The year a year-less day falls in: the one that puts it nearest to the reference.
std::optional<CivilDate> nearest_year(unsigned month, unsigned day, const CivilDate& reference) {
  namespace chr = std::chrono;
  if (!reference.ok()) return std::nullopt;
  if (reference.precision() == DatePrecision::year) {
    const CivilDate date{reference.year, month, day};
    return date.ok() ? std::optional(date) : std::nullopt;
  }
  const chr::sys_days anchor{chr::year{reference.year} / chr::month{reference.month} /
                             chr::day{reference.day != 0 ? reference.day : 15}};
  std::optional<CivilDate> best;
  long best_distance = 0;
  for (int year = reference.year - 1; year <= reference.year + 1; ++year) {
    const chr::year_month_day candidate{chr::year{year}, chr::month{month}, chr::day{day}};
    if (!candidate.ok()) continue;
    const long distance = std::labs((chr::sys_days{candidate} - anchor).count());
    if (!best || distance < best_distance) {
      best = CivilDate{year, month, day};
      best_distance = distance;
    }
  }
  return best;
}

std::optional<CivilDate> resolve(const RawDate& raw, const DateContext& ctx) {
  if (raw.year != 0) {
    const CivilDate date{raw.year, raw.month, raw.day};
    return date.ok() ? std::optional(date) : std::nullopt;
  }
  if (!ctx.reference || raw.day == 0) return std::nullopt;
  return nearest_year(raw.month, raw.day, *ctx.reference);
}

// Whether only punctuation and spaces are left from token i on.
bool nothing_but_punctuation(TokenStream& tokens, std::size_t i) {
  for (const Token* t = tokens.at(i); t != nullptr; t = tokens.at(++i)) {
    if (t->kind == Kind::number || t->kind == Kind::word) return false;
  }
  return true;
}

}  // namespace

std::optional<CivilDate> parse_date(std::string_view text, const DateContext& ctx) {
  const Names names(ctx.language);
  TokenStream tokens(text, names);
  const Token* first = tokens.at(0);
  if (first == nullptr) return std::nullopt;
  const auto raw = Matcher(tokens, ctx.numeric_order).match(0);
  if (!raw) {
    // A bare year is a date only as a whole field; in running text it is usually something else.
    const auto year = static_cast<int>(first->value);
    if (first->kind != Kind::number || first->digits != 4 || year < kMinYear || year > kMaxYear ||
        !nothing_but_punctuation(tokens, 1)) {
      return std::nullopt;
    }
    return CivilDate{year, 0, 0};
  }
  // After a full date anything may follow (a time, a zone, junk); after "September 2022" more
  // words would mean it was not a date field at all.
  if (raw->day == 0 && !nothing_but_punctuation(tokens, raw->end)) return std::nullopt;
  return resolve(*raw, ctx);
}

std::optional<DateMatch> find_date(std::string_view text, const DateContext& ctx) {
  const Names names(ctx.language);
  TokenStream tokens(text, names);
  Matcher matcher(tokens, ctx.numeric_order);
  for (std::size_t i = 0; tokens.at(i) != nullptr;) {
    const auto raw = matcher.match(i);
    if (!raw) {
      ++i;
      continue;
    }
    if (const auto date = resolve(*raw, ctx)) {
      return DateMatch{*date, tokens.at(i)->start, tokens.at(raw->end - 1)->end, raw->year != 0};
    }
    i = raw->end;
  }
  return std::nullopt;
}

namespace detail {

std::optional<LeadingDate> match_leading_date(std::string_view text, const DateContext& ctx) {
  const Names names(ctx.language);
  TokenStream tokens(text, names);
  const auto raw = Matcher(tokens, ctx.numeric_order).match(0);
  if (!raw) return std::nullopt;
  return LeadingDate{resolve(*raw, ctx), tokens.at(raw->end - 1)->end};
}

}  // namespace detail
}  // namespace newsdex
