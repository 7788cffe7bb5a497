// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/utf8.h"

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <array>
#include <climits>
#include <memory>
#include <vector>

namespace newsdex::detail {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Windows-1252's printable characters at 0x80..0x9F. Text that is not UTF-8 is far more often
// Windows-1252 than true ISO-8859-1, whose C1 controls there are never meant (WHATWG decodes the
// "latin1" label the same way); the five unassigned bytes become U+FFFD.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

bool is_continuation(unsigned char b) noexcept { return (b & 0xC0) == 0x80; }

// Number of bytes at `pos` that begin a valid sequence before it breaks off: the "maximal
// subpart" that Unicode (§3.9, U+FFFD substitution) replaces with a single U+FFFD.
std::size_t maximal_invalid_subpart(std::string_view bytes, std::size_t pos) noexcept {
  const auto b0 = static_cast<unsigned char>(bytes[pos]);
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  std::size_t need = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;
  } else {
    return 1;
  }
  std::size_t len = 1;
  for (std::size_t i = 0; i < need && pos + len < bytes.size(); ++i) {
    const auto b = static_cast<unsigned char>(bytes[pos + len]);
    if (i == 0 ? (b < low || b > high) : !is_continuation(b)) break;
    ++len;
  }
  return len;
}

bool is_removed_control(char32_t cp) noexcept {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  return cp >= 0x7F && cp <= 0x9F;
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos) noexcept {
  if (pos >= bytes.size()) return 0;
  const auto b0 = static_cast<unsigned char>(bytes[pos]);
  if (b0 < 0x80) return 1;
  const std::size_t len = maximal_invalid_subpart(bytes, pos);
  const std::size_t want = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  return b0 >= 0xC2 && b0 <= 0xF4 && len == want ? len : 0;
}

bool is_valid_utf8(std::string_view bytes) noexcept {
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(bytes, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t* length) noexcept {
  const std::size_t len = utf8_sequence_length(text, pos);
  *length = len == 0 ? 1 : len;
  if (len == 0) return kReplacement;
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (len == 1) return b0;
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t i = 1; i < len; ++i) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  }
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

Utf8Repair repair_utf8(std::string_view bytes, InvalidUtf8 mode) {
  Utf8Repair result;
  result.text.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    if (b0 < 0x80) {
      if (is_removed_control(b0)) {
        ++result.controls;
      } else {
        result.text += static_cast<char>(b0);
      }
      ++i;
      continue;
    }
    if (const std::size_t len = utf8_sequence_length(bytes, i)) {
      std::size_t ignored = 0;
      if (is_removed_control(decode_utf8(bytes, i, &ignored))) {
        ++result.controls;
      } else {
        result.text.append(bytes.substr(i, len));
      }
      i += len;
      continue;
    }
    ++result.invalid;
    if (mode == InvalidUtf8::latin1) {
      append_utf8(result.text, b0 >= 0xA0 ? char32_t{b0} : kWindows1252High[b0 - 0x80]);
      ++i;
    } else {
      append_utf8(result.text, kReplacement);
      i += maximal_invalid_subpart(bytes, i);
    }
  }
  return result;
}

std::string Utf8Repair::describe(InvalidUtf8 mode) const {
  std::string message;
  if (invalid != 0) {
    message = mode == InvalidUtf8::latin1
                  ? fmt::format("invalid UTF-8: {} byte{} decoded as Latin-1", invalid,
                                invalid == 1 ? "" : "s")
                  : fmt::format("invalid UTF-8: {} sequence{} replaced by U+FFFD", invalid,
                                invalid == 1 ? "" : "s");
  }
  if (controls != 0) {
    if (!message.empty()) message += "; ";
    message +=
        fmt::format("{} NUL or control character{} removed", controls, controls == 1 ? "" : "s");
  }
  return message;
}

bool looks_like_text(std::string_view bytes) noexcept {
  // A prefix decides: reading a whole multi-megabyte binary to reject it gains nothing.
  const std::string_view sample = bytes.substr(0, 64 * 1024);
  std::size_t controls = 0;
  std::size_t invalid = 0;
  for (std::size_t i = 0; i < sample.size();) {
    const auto b = static_cast<unsigned char>(sample[i]);
    if (b < 0x80) {
      // Tab, newlines, form feed, vertical tab and ESC (ANSI colour codes) occur in real text.
      if (b < 0x20 && (b < 0x09 || b > 0x0D) && b != 0x1B) ++controls;
      ++i;
    } else if (const std::size_t len = utf8_sequence_length(sample, i)) {
      i += len;
    } else {
      ++invalid;
      ++i;
    }
  }
  // Legacy 8-bit prose has at most a few per cent of high bytes, each one "invalid"; binary data
  // is full of control bytes and invalid sequences alike.
  return controls * 100 <= sample.size() && invalid * 10 <= sample.size();
}

std::string_view strip_utf8_bom(std::string_view bytes) noexcept {
  return bytes.starts_with("\xEF\xBB\xBF") ? bytes.substr(3) : bytes;
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset) {
  if (bytes.size() > INT32_MAX / 2) return std::nullopt;
  UErrorCode status = U_ZERO_ERROR;
  const std::string name(charset);
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(name.c_str(), &status),
                                                               &ucnv_close);
  if (U_FAILURE(status)) return std::nullopt;
  const auto source_length = static_cast<int32_t>(bytes.size());
  // Preflighting costs a second conversion; one UTF-16 unit per input byte plus one is
  // always enough for the single- and double-byte charsets met in news archives, and ICU
  // reports overflow (rather than truncating) for the rest.
  std::vector<UChar> utf16(bytes.size() + 1);
  const int32_t utf16_length =
      ucnv_toUChars(converter.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                    source_length, &status);
  if (U_FAILURE(status)) return std::nullopt;
  int32_t utf8_length = 0;
  u_strToUTF8(nullptr, 0, &utf8_length, utf16.data(), utf16_length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return std::nullopt;
  status = U_ZERO_ERROR;
  std::string out(static_cast<std::size_t>(utf8_length), '\0');
  u_strToUTF8(out.data(), utf8_length, nullptr, utf16.data(), utf16_length, &status);
  if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING) return std::nullopt;
  return out;
}

}  // namespace newsdex::detail
