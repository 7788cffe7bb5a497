// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace newsdex::detail {

/// What to make of bytes that are not valid UTF-8.
enum class InvalidUtf8 {
  replace,  ///< each maximal invalid subsequence becomes U+FFFD
  latin1,   ///< each invalid byte is read as Latin-1 (0x80..0x9F as Windows-1252)
};

/// Valid UTF-8 made from arbitrary bytes, and what had to change.
struct Utf8Repair {
  std::string text;
  std::size_t invalid = 0;   ///< invalid sequences replaced, or bytes decoded as Latin-1
  std::size_t controls = 0;  ///< NUL and other control characters removed

  bool repaired() const noexcept { return invalid != 0 || controls != 0; }
  /// A message for a warning issue, e.g. `invalid UTF-8: 2 sequences replaced by U+FFFD`.
  std::string describe(InvalidUtf8 mode) const;
};

/// `bytes` as valid UTF-8 with invalid sequences handled per `mode`, and without NUL, C0
/// controls other than tab/LF/CR, DEL and C1 controls (they only ever come from corrupt or
/// legacy input, and must not reach a terminal that prints a snippet).
Utf8Repair repair_utf8(std::string_view bytes, InvalidUtf8 mode);

/// Length (1..4) of the valid UTF-8 sequence at `pos`, or 0 when it is invalid or truncated.
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t pos) noexcept;

/// True when every byte of `bytes` belongs to a valid UTF-8 sequence.
bool is_valid_utf8(std::string_view bytes) noexcept;

/// The code point of the valid sequence at `pos`, or U+FFFD; `*length` gets its length (≥ 1).
char32_t decode_utf8(std::string_view text, std::size_t pos, std::size_t* length) noexcept;

/// Appends `cp` (a Unicode scalar value; others become U+FFFD) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// True when a sample of `bytes` looks like text rather than binary data: few control bytes and
/// mostly valid UTF-8 (legacy 8-bit text still passes).
bool looks_like_text(std::string_view bytes) noexcept;

/// `bytes` without a leading UTF-8 byte-order mark.
std::string_view strip_utf8_bom(std::string_view bytes) noexcept;

/// `bytes` converted from `charset` (an ICU converter name or alias such as `windows-1252`,
/// `UTF-16LE`) to UTF-8; `std::nullopt` when ICU does not know the charset or fails.
std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset);

}  // namespace newsdex::detail
