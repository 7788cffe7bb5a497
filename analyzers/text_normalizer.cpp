// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/text_normalizer.h"

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

#include "analyzers/fnv1a.h"
#include "newsdex/error.h"

namespace newsdex {

namespace {

// Xapian's TermGenerator silently drops words over 64 bytes; longer terms (URLs, mostly) are
// cut and end in a hash so that they stay distinct and findable.
constexpr std::size_t kMaxTermBytes = 60;

void check(UErrorCode status, std::string_view what) {
  if (U_FAILURE(status)) {
    throw Error(ErrorCode::internal,
                fmt::format("ICU could not {}: {}", what, u_errorName(status)));
  }
}

// Word characters are Xapian's own, so a term never contains a character that TermGenerator
// or QueryParser would split on, whatever Unicode version either library was built with.
bool is_word(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  return Xapian::Unicode::is_wordchar(c);
}

bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  const auto category = Xapian::Unicode::get_category(c);
  return category >= Xapian::Unicode::UPPERCASE_LETTER && category <= Xapian::Unicode::OTHER_LETTER;
}

UScriptCode script_of(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_FAILURE(status) ? USCRIPT_INVALID_CODE : script;
}

// Scripts written without spaces between words: only a dictionary finds their words.
bool is_dictionary_script(char32_t c) {
  switch (script_of(c)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_KATAKANA_OR_HIRAGANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

// Called for every character of a text: the script is looked up only where such scripts are.
inline bool needs_dictionary(char32_t c) { return c >= 0x0E00 && is_dictionary_script(c); }

// The prolonged sound mark ー and similar shared signs belong to the word they stand in.
bool continues_dictionary_run(char32_t c) {
  if (!is_word(c)) return false;
  if (needs_dictionary(c)) return true;
  if (c < 0x80) return false;
  const UScriptCode script = script_of(c);
  return script == USCRIPT_COMMON || script == USCRIPT_INHERITED;
}

// Marks that only decorate a letter: Latin, Greek and Cyrillic accents, Arabic harakat and
// hamza (so أ, إ and آ meet ا, as Arabic search expects), Hebrew points. Marks that are part
// of a letter elsewhere (Indic vowel signs, Thai, the kana voicing marks) are kept, and so is
// the breve on Cyrillic: й is a letter of its own, always typed, and the Russian stemmer
// needs it.
bool is_decorative_mark(char32_t c, char32_t base) {
  if (c >= 0x0300 && c <= 0x036F) return !(c == 0x0306 && base >= 0x0400 && base <= 0x04FF);
  return (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) ||
         (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E4) ||
         (c >= 0x06E7 && c <= 0x06E8) || (c >= 0x06EA && c <= 0x06ED) ||
         (c >= 0x0591 && c <= 0x05BD) || c == 0x05BF || c == 0x05C1 || c == 0x05C2 || c == 0x05C4 ||
         c == 0x05C5 || c == 0x05C7;
}

constexpr char32_t kDropped = 0xFFFFFFFF;

// What NFKC leaves alone but a reader does not tell apart.
char32_t unify(char32_t c) {
  switch (c) {
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201B:  // ‛
    case 0x02BC:  // ʼ
      return '\'';
    case 0x2010:  // hyphen (NFKC maps the non-breaking hyphen here)
      return '-';
    case 0x0640:  // Arabic tatweel only stretches a word
      return kDropped;
    default:
      // Arabic-Indic, Devanagari, Thai… digits: one number however its digits are written.
      if (c >= 0x80 && u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) {
        return '0' + static_cast<char32_t>(u_charDigitValue(static_cast<UChar32>(c)));
      }
      return c;
  }
}

void append_utf8(std::string& out, char32_t c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
  out.append(buffer, static_cast<std::size_t>(length));
}

void shorten(std::string& term) {
  if (term.size() <= kMaxTermBytes) return;
  const std::uint64_t hash = fnv1a(term);
  std::size_t cut = kMaxTermBytes - 17;
  while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
  term.resize(cut);
  term += fmt::format("_{:016x}", hash);
}

bool starts_with(const std::u32string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(),
                    [](char a, char32_t b) { return static_cast<char32_t>(a) == b; });
}

// Whether `text` has `www.` in any case.
bool has_www_dot(std::string_view text) {
  for (std::size_t dot = text.find('.'); dot != std::string_view::npos;
       dot = text.find('.', dot + 1)) {
    if (dot >= 3 && std::all_of(text.begin() + static_cast<std::ptrdiff_t>(dot - 3),
                                text.begin() + static_cast<std::ptrdiff_t>(dot),
                                [](char c) { return c == 'w' || c == 'W'; })) {
      return true;
    }
  }
  return false;
}

bool is_url_char(char32_t c) {
  if (c < 0x80)
    return is_word(c) || std::string_view("-._~:/?#[]@!$&'()*+,;=%").find(static_cast<char>(c)) !=
                             std::string_view::npos;
  return is_word(c) && !needs_dictionary(c);
}

bool is_operator(std::string_view group) {
  for (std::string_view op : {"AND", "OR", "NOT", "XOR"}) {
    if (group == op) return true;
  }
  for (std::string_view op : {"NEAR", "ADJ"}) {
    if (group.starts_with(op)) {
      const std::string_view rest = group.substr(op.size());
      if (rest.empty()) return true;
      if (rest.size() > 1 && rest[0] == '/' &&
          std::all_of(rest.begin() + 1, rest.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return true;
      }
    }
  }
  return false;
}

bool is_query_delimiter(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '(' || c == ')';
}

bool is_field_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

}  // namespace

struct TextNormalizer::Impl {
  Impl() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    nfkc = icu::Normalizer2::getNFKCInstance(status);
    nfd = icu::Normalizer2::getNFDInstance(status);
    nfc = icu::Normalizer2::getNFCInstance(status);
    check(status, "load its normalisation data");
    // The root locale's word rules already use the CJK, Thai, Lao, Khmer and Burmese
    // dictionaries; ICU shares the rules and dictionaries between instances.
    words.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    check(status, "load its word break rules");
  }

  // Folding works per normalisation segment (a character and the marks that attach to it):
  // segments fold independently, and almost all are one character of the BMP, whose folding
  // and boundary are computed once and then read from a table.
  struct CharInfo {
    std::uint32_t offset = 0;  // of its folding in `bmp_foldings`
    std::uint8_t length = 0;
    bool boundary_before = true;
    bool known = false;
  };

  const CharInfo& bmp_info(char32_t c) {
    CharInfo& info = bmp[c];
    if (!info.known) {
      const std::u32string folding = compute_folding(std::u32string(1, c));
      info.offset = static_cast<std::uint32_t>(bmp_foldings.size());
      info.length = static_cast<std::uint8_t>(folding.size());
      info.boundary_before = nfkc_cf->hasBoundaryBefore(static_cast<UChar32>(c));
      info.known = true;
      bmp_foldings += folding;
    }
    return info;
  }

  bool has_boundary_before(char32_t c) {
    return c < 0x10000 ? bmp_info(c).boundary_before
                       : nfkc_cf->hasBoundaryBefore(static_cast<UChar32>(c));
  }

  std::u32string_view fold_segment(const std::u32string& segment) {
    if (segment.size() == 1 && segment[0] < 0x10000) {
      const CharInfo& info = bmp_info(segment[0]);
      return std::u32string_view(bmp_foldings).substr(info.offset, info.length);
    }
    auto [it, inserted] = segment_cache.try_emplace(segment);
    if (inserted) it->second = compute_folding(segment);
    return it->second;
  }

  std::u32string compute_folding(const std::u32string& segment) const {
    icu::UnicodeString text;
    for (const char32_t c : segment) text.append(static_cast<UChar32>(c));
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc_cf->normalize(text, status);
    check(status, "fold text");
    const bool may_carry_marks =
        std::any_of(folded.getBuffer(), folded.getBuffer() + folded.length(),
                    [](char16_t unit) { return unit >= 0xC0; });
    if (may_carry_marks) {
      const icu::UnicodeString decomposed = nfd->normalize(folded, status);
      check(status, "decompose text");
      icu::UnicodeString bare;
      char32_t base = 0;
      for (int32_t i = 0; i < decomposed.length();) {
        const UChar32 c = decomposed.char32At(i);
        i += U16_LENGTH(c);
        if (is_decorative_mark(static_cast<char32_t>(c), base)) continue;
        if (u_getCombiningClass(c) == 0) base = static_cast<char32_t>(c);
        bare.append(c);
      }
      folded = nfc->normalize(bare, status);
      check(status, "compose text");
    }
    std::u32string out;
    for (int32_t i = 0; i < folded.length();) {
      const UChar32 c = folded.char32At(i);
      i += U16_LENGTH(c);
      const char32_t unified = unify(static_cast<char32_t>(c));
      if (unified != kDropped) out.push_back(unified);
    }
    return out;
  }

  // Fills `folded` with the folding of `text`, and `origin_begin`/`origin_end` with the byte
  // range of `text` each folded character comes from.
  void fold(std::string_view text) {
    folded.clear();
    origin_begin.clear();
    origin_end.clear();
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    auto push = [&](char32_t c, int32_t begin, int32_t end) {
      folded.push_back(c);
      origin_begin.push_back(static_cast<std::uint32_t>(begin));
      origin_end.push_back(static_cast<std::uint32_t>(end));
    };
    bool all_ascii = true;
    for (int32_t i = 0; i < length;) {
      // ASCII needs only lower-casing unless a combining mark follows it: a run of it is
      // appended at once.
      int32_t ascii_end = i;
      while (ascii_end < length && bytes[ascii_end] < 0x80) ++ascii_end;
      if (ascii_end < length && ascii_end > i) --ascii_end;  // the last may carry a mark
      if (ascii_end > i) {
        const std::size_t at = folded.size();
        const auto count = static_cast<std::size_t>(ascii_end - i);
        folded.resize(at + count);
        origin_begin.resize(at + count);
        origin_end.resize(at + count);
        for (std::size_t k = 0; k < count; ++k) {
          const auto offset = static_cast<std::uint32_t>(i) + static_cast<std::uint32_t>(k);
          const char32_t c = bytes[offset];
          folded[at + k] = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
          origin_begin[at + k] = offset;
          origin_end[at + k] = offset + 1;
        }
        i = ascii_end;
        continue;
      }
      all_ascii = false;
      const int32_t begin = i;
      UChar32 c = 0;
      U8_NEXT(bytes, i, length, c);
      segment.assign(1, c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
      while (i < length && bytes[i] >= 0x80) {
        int32_t next = i;
        UChar32 d = 0;
        U8_NEXT(bytes, next, length, d);
        if (d < 0 || has_boundary_before(static_cast<char32_t>(d))) break;
        segment.push_back(static_cast<char32_t>(d));
        i = next;
      }
      for (const char32_t f : fold_segment(segment)) push(f, begin, i);
    }
    // Most texts have no URL or address: `scan` looks for them only if these are set. An
    // ASCII text folds to itself in lower case, and is searched as it is.
    if (all_ascii) {
      may_have_url = text.find(':') != std::string_view::npos || has_www_dot(text);
      may_have_email = text.find('@') != std::string_view::npos;
    } else {
      may_have_url =
          folded.find(U':') != std::u32string::npos || folded.find(U"www.") != std::u32string::npos;
      may_have_email = folded.find(U'@') != std::u32string::npos;
    }
  }

  void utf8(std::size_t from, std::size_t to, std::string& term) const {
    // The ASCII letters and digits most words are made of, at once.
    std::size_t ascii = from;
    while (ascii < to && folded[ascii] < 0x80) ++ascii;
    term.resize(ascii - from);
    std::transform(folded.begin() + static_cast<std::ptrdiff_t>(from),
                   folded.begin() + static_cast<std::ptrdiff_t>(ascii), term.begin(),
                   [](char32_t c) { return static_cast<char>(c); });
    for (std::size_t i = ascii; i < to; ++i) append_utf8(term, folded[i]);
    shorten(term);
  }

  // A URL's term: without scheme and `www.`, every run of punctuation made one `_`, so that
  // Xapian keeps it whole instead of exploding it into `www`, `com`, `html`...
  void joined_term(std::size_t from, std::size_t to, std::string& term) const {
    std::u32string_view text(folded.data() + from, to - from);
    if (const auto scheme = text.find(U"://"); scheme != std::u32string_view::npos && scheme <= 5) {
      text.remove_prefix(scheme + 3);
    }
    if (starts_with(text, "www.")) text.remove_prefix(4);
    term.clear();
    bool gap = false;
    for (const char32_t c : text) {
      if (c == '_' || !is_word(c)) {
        gap = true;
        continue;
      }
      if (gap && !term.empty()) term.push_back('_');
      gap = false;
      append_utf8(term, c);
    }
    shorten(term);
  }

  // The end of a URL starting at `i`, or 0.
  std::size_t match_url(std::size_t i, std::size_t to) const {
    const std::u32string_view text(folded.data() + i, to - i);
    std::size_t start = 0;
    for (std::string_view prefix : {"http://", "https://", "ftp://", "www."}) {
      if (starts_with(text, prefix)) start = prefix.size();
    }
    if (start == 0 || start >= text.size() || !is_word(text[start])) return 0;
    std::size_t end = start;
    while (end < text.size() && is_url_char(text[end])) ++end;
    // Sentence punctuation after a URL is not part of it; a closing bracket only when the URL
    // opened one (Wikipedia's `Foo_(bar)`).
    while (end > start) {
      const char32_t last = text[end - 1];
      if (last == ')' && std::count(text.begin(), text.begin() + end, U'(') >=
                             std::count(text.begin(), text.begin() + end, U')')) {
        break;
      }
      if (std::u32string_view(U".,;:!?'\")]}").find(last) == std::u32string_view::npos) break;
      --end;
    }
    return i + end;
  }

  // The end of an e-mail address starting at `i`, or 0.
  std::size_t match_email(std::size_t i, std::size_t to) const {
    auto local = [](char32_t c) {
      return (is_word(c) && !needs_dictionary(c)) || c == '.' || c == '%' || c == '+' || c == '-';
    };
    std::size_t at = i;
    while (at < to && local(folded[at])) ++at;
    if (at == i || at >= to || folded[at] != '@') return 0;
    std::size_t end = at + 1;
    bool dot = false;
    while (end < to) {
      const char32_t c = folded[end];
      if (c == '.' || c == '-') {
        if (end + 1 >= to || !is_word(folded[end + 1])) break;
        dot = dot || c == '.';
      } else if (!is_word(c) || needs_dictionary(c)) {
        break;
      }
      ++end;
    }
    return dot ? end : 0;
  }

  // Single letters each followed by a dot (`u.s.`, `u.s.a`, `e.g.`), or 0.
  std::size_t match_acronym(std::size_t i, std::size_t to, std::string& term) const {
    // Most words are not one: an acronym's first letter is followed by a dot.
    if (i + 1 >= to || folded[i + 1] != '.') return 0;
    term.clear();
    std::size_t letters = 0;
    std::size_t k = i;
    while (k < to && is_letter(folded[k]) && !needs_dictionary(folded[k]) &&
           (k + 1 == to || !is_word(folded[k + 1]))) {
      if (k + 1 < to && folded[k + 1] == '.') {
        append_utf8(term, folded[k]);
        ++letters;
        k += 2;
      } else {
        if (letters > 0) {
          append_utf8(term, folded[k]);
          ++letters;
          ++k;
        }
        break;
      }
    }
    return letters >= 2 ? k : 0;
  }

  template <typename Emit>
  std::size_t segment_run(std::size_t i, std::size_t to, std::string& term, Emit& emit) {
    std::size_t end = i + 1;
    while (end < to && continues_dictionary_run(folded[end])) ++end;
    run.remove();
    for (std::size_t k = i; k < end; ++k) run.append(static_cast<UChar32>(folded[k]));
    words->setText(run);
    std::size_t cp = i;
    int32_t unit = 0;
    words->first();
    for (int32_t boundary = words->next(); boundary != icu::BreakIterator::DONE;
         boundary = words->next()) {
      const std::size_t first = cp;
      while (unit < boundary && cp < end) {
        unit += U16_LENGTH(static_cast<UChar32>(folded[cp]));
        ++cp;
      }
      if (cp > first) {
        utf8(first, cp, term);
        emit(first, cp, term);
      }
    }
    return end;
  }

  // Calls `emit(first, last, term)` for each word of `folded[from, to)`; `term` is only valid
  // during the call.
  template <typename Emit>
  void scan(std::size_t from, std::size_t to, Emit&& emit) {
    std::string term;
    for (std::size_t i = from; i < to;) {
      const char32_t c = folded[i];
      if (!is_word(c)) {
        ++i;
        continue;
      }
      if (needs_dictionary(c)) {
        i = segment_run(i, to, term, emit);
        continue;
      }
      std::size_t end = may_have_url ? match_url(i, to) : 0;
      if (end == 0 && may_have_email) end = match_email(i, to);
      if (end != 0) {
        joined_term(i, end, term);
        emit(i, end, term);
        i = end;
        continue;
      }
      if ((end = match_acronym(i, to, term)) != 0) {
        emit(i, end, term);
        i = end;
        continue;
      }
      // Digits keep the separators between them, as Xapian does: `15,000`, `3.5`.
      end = i + 1;
      while (end < to) {
        const char32_t d = folded[end];
        if (is_word(d) && !needs_dictionary(d)) {
          ++end;
        } else if ((d == '.' || d == ',') && is_digit(folded[end - 1]) && end + 1 < to &&
                   is_digit(folded[end + 1])) {
          ++end;
        } else {
          break;
        }
      }
      utf8(i, end, term);
      emit(i, end, term);
      i = end;
      // The possessive `'s` adds nothing a reader searches for: `Albania’s` finds `Albania`.
      if (i + 1 < to && folded[i] == '\'' && folded[i + 1] == 's' &&
          (i + 2 == to || !is_word(folded[i + 2]))) {
        i += 2;
      }
    }
  }

  std::string nfkc_utf8(std::string_view text) const {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized =
        nfkc->normalize(icu::UnicodeString::fromUTF8(
                            icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                        status);
    check(status, "normalise a query");
    std::string out;
    normalized.toUTF8String(out);
    return out;
  }

  // The words of one space-delimited piece of a query, joined so QueryParser reads a phrase.
  std::string query_words(std::string_view text) {
    fold(text);
    std::string out;
    scan(0, folded.size(), [&](std::size_t, std::size_t, const std::string& term) {
      if (!out.empty()) out.push_back('-');
      out += term;
    });
    return out;
  }

  std::string normalize_query(std::string_view raw, std::span<const std::string_view> text_fields) {
    // Full-width syntax (＂, （, ：, ideographic spaces, ＡＮＤ) becomes ASCII; curly double
    // quotes and guillemets are quotes too.
    std::string query;
    {
      const std::string nfkc_query = nfkc_utf8(raw);
      for (std::size_t i = 0; i < nfkc_query.size();) {
        bool quote = false;
        for (std::string_view q : {"\u201C", "\u201D", "\u201E", "\u201F", "\u00AB", "\u00BB"}) {
          if (std::string_view(nfkc_query).substr(i, q.size()) == q) {
            query.push_back('"');
            i += q.size();
            quote = true;
            break;
          }
        }
        if (!quote) query.push_back(nfkc_query[i++]);
      }
    }
    std::string out;
    for (std::size_t i = 0; i < query.size();) {
      if (is_query_delimiter(query[i])) {
        out.push_back(query[i++]);
        continue;
      }
      std::size_t end = i;
      while (end < query.size() && !is_query_delimiter(query[end])) ++end;
      const std::string_view group(query.data() + i, end - i);
      i = end;
      // Operators, and a `+`/`-` before a quoted phrase or a bracket, are syntax.
      if (is_operator(group) || ((group == "+" || group == "-") && i < query.size() &&
                                 (query[i] == '"' || query[i] == '('))) {
        out += group;
        continue;
      }
      std::string_view sign;
      std::size_t k = 0;
      if ((group[0] == '+' || group[0] == '-') && group.size() > 1) {
        sign = group.substr(0, 1);
        k = 1;
      }
      std::size_t name_end = k;
      while (name_end < group.size() && is_field_char(group[name_end])) ++name_end;
      // `name:value` is a field; `https://…` is a URL.
      if (name_end > k && name_end < group.size() && group[name_end] == ':' && group[k] >= 'a' &&
          group[k] <= 'z' && group.substr(name_end + 1, 1) != "/" &&
          (name_end + 1 < group.size() ||
           (i < query.size() && (query[i] == '"' || query[i] == '(')))) {
        const std::string_view field = group.substr(k, name_end - k);
        if (std::find(text_fields.begin(), text_fields.end(), field) == text_fields.end()) {
          // A boolean or range field: its value is matched exactly as typed.
          out += group;
          if (name_end + 1 == group.size() && i < query.size() && query[i] == '"') {
            const std::size_t close = query.find('"', i + 1);
            const std::size_t stop = close == std::string::npos ? query.size() : close + 1;
            out.append(query, i, stop - i);
            i = stop;
          }
          continue;
        }
        out += sign;
        out += group.substr(k, name_end + 1 - k);
        sign = {};
        k = name_end + 1;
      }
      std::string_view rest = group.substr(k);
      const bool wildcard = rest.ends_with('*');
      if (wildcard) rest.remove_suffix(1);
      const std::string words = query_words(rest);
      if (words.empty()) continue;
      out += sign;
      out += words;
      if (wildcard) out.push_back('*');
    }
    return out;
  }

  const icu::Normalizer2* nfkc_cf = nullptr;
  const icu::Normalizer2* nfkc = nullptr;
  const icu::Normalizer2* nfd = nullptr;
  const icu::Normalizer2* nfc = nullptr;
  std::unique_ptr<icu::BreakIterator> words;
  std::vector<CharInfo> bmp = std::vector<CharInfo>(0x10000);
  std::u32string bmp_foldings;
  std::unordered_map<std::u32string, std::u32string> segment_cache;
  // Scratch space reused from call to call.
  std::u32string segment;
  std::u32string folded;
  std::vector<std::uint32_t> origin_begin;
  std::vector<std::uint32_t> origin_end;
  bool may_have_url = false;
  bool may_have_email = false;
  icu::UnicodeString run;
};

TextNormalizer::TextNormalizer() : impl_(std::make_unique<Impl>()) {}
TextNormalizer::TextNormalizer(TextNormalizer&&) noexcept = default;
TextNormalizer& TextNormalizer::operator=(TextNormalizer&&) noexcept = default;
TextNormalizer::~TextNormalizer() = default;

std::vector<Token> TextNormalizer::tokenize(std::string_view text) {
  impl_->fold(text);
  std::vector<Token> tokens;
  impl_->scan(
      0, impl_->folded.size(), [&](std::size_t first, std::size_t last, const std::string& term) {
        tokens.push_back(Token{
            .begin = impl_->origin_begin[first], .end = impl_->origin_end[last - 1], .term = term});
      });
  return tokens;
}

void TextNormalizer::for_each_term(std::string_view text,
                                   const std::function<void(const std::string&)>& each) {
  impl_->fold(text);
  impl_->scan(0, impl_->folded.size(),
              [&](std::size_t, std::size_t, const std::string& term) { each(term); });
}

std::string TextNormalizer::normalize(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_term(text, [&](const std::string& term) {
    if (!out.empty()) out.push_back(' ');
    out += term;
  });
  return out;
}

std::string TextNormalizer::normalize_query(std::string_view query,
                                            std::span<const std::string_view> text_fields) {
  return impl_->normalize_query(query, text_fields);
}

}  // namespace newsdex
