// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/dateline.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <tuple>
#include <utility>

namespace newsdex {
namespace {

using detail::decode_utf8;
using detail::is_dash;
using detail::is_letter;
using detail::is_space;
using detail::is_word_char;

// Wire datelines are short; a dash further in belongs to a sentence.
constexpr std::size_t kMaxDatelineBytes = 120;
constexpr int kMaxPlaceWords = 4;
constexpr int kMaxPlaceParts = 3;
constexpr std::size_t kMaxSourceBytes = 60;
constexpr int kMaxPlainSourceWords = 3;
// CJK runs have no spaces to bound a name; a longer run is a clause, not a place.
constexpr int kMaxCaselessWordChars = 12;

// Lower-case words inside place names: Rio de Janeiro, Frankfurt am Main, Isle of Man, Bosnia
// and Herzegovina. "on" is left out on purpose: "Police on Monday -" is a sentence.
constexpr std::string_view kJoiners[] = {
    "al", "am", "an", "and", "da", "das", "de",  "del", "della", "der", "des", "di",  "do",  "dos",
    "du", "el", "en", "es",  "im", "la",  "las", "le",  "les",   "los", "of",  "sur", "und", "y"};

bool is_comma(char32_t c) { return c == ',' || c == 0x060C || c == 0xFF0C || c == 0x3001; }
bool is_bar(char32_t c) { return c == '|' || c == 0xFF5C; }
bool is_open_paren(char32_t c) { return c == '(' || c == 0xFF08; }
bool is_close_paren(char32_t c) { return c == ')' || c == 0xFF09; }
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

struct Word {
  std::size_t end = 0;
  bool capitalised = false;  // or caseless (Arabic, CJK), which cannot be told from a sentence
  bool joiner = false;
};

struct Source {
  std::string text;
  std::size_t end = 0;
};

class DatelineScanner {
 public:
  DatelineScanner(std::string_view text, const DateContext& ctx, bool lenient)
      : text_(text), ctx_(ctx), lenient_(lenient) {}

  std::optional<Dateline> parse() {
    const std::size_t start = skip_spaces(0);
    std::size_t pos = start;
    Dateline result;
    // A date already read while looking for places, and where it starts.
    std::optional<std::pair<std::size_t, detail::LeadingDate>> seen_date;
    if (lenient_) {
      // Some Reuters DATELINE fields hold only the date: "APRIL 7 - ".
      if (auto date = detail::match_leading_date(text_.substr(start), ctx_)) {
        seen_date.emplace(start, std::move(*date));
      }
    }
    if (!seen_date) {
      if (!read_place_part(pos, result.places)) return std::nullopt;
      // More places after commas, until a date shows up ("PORTLAND, Maine, Jan 5").
      for (int parts = 1; parts < kMaxPlaceParts; ++parts) {
        const std::size_t comma = skip_spaces(pos);
        if (!is_comma(peek(comma))) break;
        std::size_t next = skip_spaces(comma + decode_utf8(text_, comma).size);
        if (auto date = detail::match_leading_date(text_.substr(next), ctx_)) {
          seen_date.emplace(next, std::move(*date));
          break;
        }
        if (!read_place_part(next, result.places)) break;
        pos = next;
      }
    }

    // Separators: "Tirana, Albania – | 07 Sept 2022" has a dash and a bar before its date.
    std::optional<std::pair<std::size_t, std::size_t>> first_dash;
    bool separated = false;
    for (;;) {
      const std::size_t at = skip_spaces(pos);
      const char32_t c = peek(at);
      if (is_comma(c) || is_bar(c)) {
        pos = at + decode_utf8(text_, at).size;
      } else if (is_dash(c)) {
        pos = skip_dashes(at);
        if (!first_dash) first_dash.emplace(at, pos);
      } else {
        break;
      }
      separated = true;
    }

    // Wire copy sometimes drops the comma before a written month ("JOHANNESBURG March 13 -",
    // "RICHMOND, Va. Feb 26 -"); a date opening with a number still needs a separator, or "The
    // 15 July cyberattack" would read as a dateline.
    bool has_date = false;
    const std::size_t date_at = skip_spaces(pos);
    if (separated || is_letter(peek(date_at)) || (seen_date && seen_date->first == date_at)) {
      auto date = seen_date && seen_date->first == date_at
                      ? std::optional(seen_date->second)
                      : detail::match_leading_date(text_.substr(date_at), ctx_);
      if (date) {
        result.date = date->date;
        has_date = true;
        pos = date_at + date->end;
      }
    }

    bool has_source = false;
    const std::size_t source_at = skip_spaces(pos);
    const char32_t opener = peek(source_at);
    if (auto source = is_open_paren(opener) || opener == '/' ? read_delimited_source(source_at)
                      : has_date                             ? read_plain_source(source_at)
                                                             : std::nullopt) {
      result.source = std::move(source->text);
      pos = source->end;
      has_source = true;
    }

    std::size_t dash_at = skip_spaces(pos);
    if (is_comma(peek(dash_at))) {  // "June 9, - "
      const std::size_t after = skip_spaces(dash_at + decode_utf8(text_, dash_at).size);
      if (is_dash(peek(after))) dash_at = after;
    }
    std::size_t dash_end = 0;
    if (is_dash(peek(dash_at))) {
      dash_end = skip_dashes(dash_at);
    } else if (first_dash) {
      // "WASHINGTON - The president said ...": the first separator was the final dash, and
      // whatever followed it is the story.
      std::tie(dash_at, dash_end) = *first_dash;
      result.date.reset();
      result.source.clear();
    } else if (lenient_ && dash_at == text_.size() && (has_date || has_source || !separated)) {
      dash_end = dash_at;
    } else {
      return std::nullopt;
    }
    if (dash_at - start > kMaxDatelineBytes) return std::nullopt;

    result.text = std::string(text_.substr(start, trimmed_end(start, dash_at) - start));
    result.length = skip_spaces(dash_end);
    return result;
  }

 private:
  char32_t peek(std::size_t pos) const {
    return pos < text_.size() ? decode_utf8(text_, pos).value : 0;
  }

  std::size_t skip_spaces(std::size_t pos) const {
    while (pos < text_.size()) {
      const auto cp = decode_utf8(text_, pos);
      if (!is_space(cp.value)) break;
      pos += cp.size;
    }
    return pos;
  }

  std::size_t skip_dashes(std::size_t pos) const {
    while (pos < text_.size()) {
      const auto cp = decode_utf8(text_, pos);
      if (!is_dash(cp.value)) break;
      pos += cp.size;
    }
    return pos;
  }

  // End of [start, end) without trailing spaces, commas and bars.
  std::size_t trimmed_end(std::size_t start, std::size_t end) const {
    std::size_t last = start;
    for (std::size_t pos = start; pos < end;) {
      const auto cp = decode_utf8(text_, pos);
      pos += cp.size;
      if (!is_space(cp.value) && !is_comma(cp.value) && !is_bar(cp.value)) last = pos;
    }
    return last;
  }

  std::optional<Word> read_word(std::size_t pos) const {
    if (pos >= text_.size()) return std::nullopt;
    const auto first = decode_utf8(text_, pos);
    if (!is_letter(first.value)) return std::nullopt;
    const auto type = u_charType(static_cast<UChar32>(first.value));
    const bool lower = first.value < 0x80 ? (first.value >= 'a') : type == U_LOWERCASE_LETTER;
    const bool caseless = first.value >= 0x80 && type == U_OTHER_LETTER;
    Word word;
    word.capitalised = !lower;
    std::size_t end = pos + first.size;
    int chars = 1;
    while (end < text_.size()) {
      const auto cp = decode_utf8(text_, end);
      if (is_word_char(cp.value)) {
        end += cp.size;
        ++chars;
        continue;
      }
      const bool joins = is_apostrophe(cp.value) || cp.value == '-' || cp.value == '.';
      if (!joins || end + cp.size >= text_.size()) break;
      const auto after = decode_utf8(text_, end + cp.size);
      if (!is_letter(after.value)) break;
      // An elided article before a capital, as in "d'Ivoire" and "l'Aquila".
      if (lower && chars == 1 && is_apostrophe(cp.value) &&
          u_isupper(static_cast<UChar32>(after.value))) {
        word.capitalised = true;
      }
      end += cp.size;
    }
    if (caseless && chars > kMaxCaselessWordChars) return std::nullopt;
    const std::string_view text = text_.substr(pos, end - pos);
    word.joiner = std::find(std::begin(kJoiners), std::end(kJoiners), text) != std::end(kJoiners);
    // The point of an abbreviation belongs to the place: "N.J.", "Calif.", "ST. LOUIS".
    if (end < text_.size() && text_[end] == '.') ++end;
    word.end = end;
    return word;
  }

  // One comma-separated part: up to four words, several places when joined by "/".
  bool read_place_part(std::size_t& pos, std::vector<std::string>& places) const {
    std::vector<std::string> found;
    std::size_t place_start = pos;
    std::size_t place_end = pos;
    std::size_t at = pos;
    int words = 0;
    int place_words = 0;
    bool ends_in_joiner = false;
    while (const auto word = read_word(at)) {
      if (!lenient_ && !word->capitalised && (place_words == 0 || !word->joiner)) break;
      if (words > 0 && opens_written_date(at, word->end)) break;
      if (++words > kMaxPlaceWords) return false;
      ++place_words;
      ends_in_joiner = word->joiner && !word->capitalised;
      place_end = word->end;
      const std::size_t next = skip_spaces(place_end);
      if (peek(next) == '/' && !ends_in_joiner) {
        found.push_back(collapse_spaces(place_start, place_end));
        place_start = at = skip_spaces(next + 1);
        place_words = 0;
        continue;
      }
      if (next == place_end) break;
      at = next;
    }
    if (place_words == 0 || ends_in_joiner) return false;
    found.push_back(collapse_spaces(place_start, place_end));
    places.insert(places.end(), std::make_move_iterator(found.begin()),
                  std::make_move_iterator(found.end()));
    pos = place_end;
    return true;
  }

  // Whether the word at [start, end) is a month opening a date, as in "Va. Feb 26". Only
  // words followed by a digit are worth the date parser's time.
  bool opens_written_date(std::size_t start, std::size_t end) const {
    const std::size_t next = skip_spaces(end);
    return next > end && next < text_.size() && text_[next] >= '0' && text_[next] <= '9' &&
           detail::match_leading_date(text_.substr(start), ctx_).has_value();
  }

  // "(Reuters)", "（共同）", and TASS's "/ТАСС/".
  std::optional<Source> read_delimited_source(std::size_t open) const {
    const auto opener = decode_utf8(text_, open);
    const std::size_t inner = open + opener.size;
    for (std::size_t pos = inner; pos < text_.size() && pos - inner <= kMaxSourceBytes;) {
      const auto cp = decode_utf8(text_, pos);
      if (is_open_paren(cp.value) || cp.value == '\n') return std::nullopt;
      if (opener.value == '/' ? cp.value == '/' : is_close_paren(cp.value)) {
        const std::size_t first = skip_spaces(inner);
        if (first == pos) return std::nullopt;
        return Source{std::string(text_.substr(first, trimmed_end(first, pos) - first)),
                      pos + cp.size};
      }
      pos += cp.size;
    }
    return std::nullopt;
  }

  // Reuters-21578 now and then writes its name after the date: "March 9, Reuter - ".
  std::optional<Source> read_plain_source(std::size_t comma) const {
    if (!is_comma(peek(comma))) return std::nullopt;
    const std::size_t first = skip_spaces(comma + decode_utf8(text_, comma).size);
    std::size_t end = first;
    int words = 0;
    while (const auto word = read_word(skip_spaces(end))) {
      if (!word->capitalised || ++words > kMaxPlainSourceWords) return std::nullopt;
      end = word->end;
    }
    if (words == 0 || !is_dash(peek(skip_spaces(end)))) return std::nullopt;
    return Source{collapse_spaces(first, end), end};
  }

  std::string collapse_spaces(std::size_t start, std::size_t end) const {
    std::string out;
    bool in_space = false;
    for (std::size_t pos = start; pos < end;) {
      const auto cp = decode_utf8(text_, pos);
      if (is_space(cp.value)) {
        in_space = true;
      } else {
        if (in_space) out.push_back(' ');
        in_space = false;
        out.append(text_.substr(pos, cp.size));
      }
      pos += cp.size;
    }
    return out;
  }

  std::string_view text_;
  const DateContext& ctx_;
  bool lenient_;
};

}  // namespace

std::optional<Dateline> parse_dateline(std::string_view paragraph, const DateContext& ctx) {
  return DatelineScanner(paragraph, ctx, false).parse();
}

std::optional<Dateline> parse_dateline_field(std::string_view field, const DateContext& ctx) {
  return DatelineScanner(field, ctx, true).parse();
}

}  // namespace newsdex
