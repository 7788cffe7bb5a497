// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsdex::detail {

/// True for ASCII white space (space, tab, CR, LF, FF, VT).
constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// `c` lower-cased if it is an ASCII capital, unchanged otherwise.
constexpr char to_lower_ascii(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Length in bytes of the Unicode space (ASCII white space, U+00A0, U+2000..U+200B, U+202F,
/// U+205F, U+3000, U+FEFF) starting at `pos` of valid UTF-8 `text`, or 0.
std::size_t space_length_at(std::string_view text, std::size_t pos) noexcept;

/// `text` without leading and trailing Unicode space (see `space_length_at`).
std::string_view trim(std::string_view text) noexcept;
/// `text` without trailing Unicode space.
std::string_view trim_end(std::string_view text) noexcept;

/// `text` trimmed, with every run of Unicode space replaced by one ASCII space.
std::string collapse_spaces(std::string_view text);

/// `text` with ASCII capitals lower-cased; other bytes unchanged.
std::string lower_ascii(std::string_view text);

/// ASCII case-insensitive equality.
bool iequals(std::string_view a, std::string_view b) noexcept;
/// ASCII case-insensitive `text.starts_with(prefix)`.
bool istarts_with(std::string_view text, std::string_view prefix) noexcept;
/// ASCII case-insensitive `text.ends_with(suffix)`.
bool iends_with(std::string_view text, std::string_view suffix) noexcept;
/// ASCII case-insensitive `text.find(needle, from)`.
std::size_t ifind(std::string_view text, std::string_view needle, std::size_t from = 0) noexcept;

/// `text` split at '\n' (a final empty piece after a trailing '\n' is not returned).
std::vector<std::string_view> split_lines(std::string_view text);

/// `text` with CR LF and lone CR turned into LF.
std::string normalize_newlines(std::string_view text);

/// `parts` joined with `separator` between them.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace newsdex::detail
