// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/strings.h"

#include <algorithm>

namespace newsdex::detail {

std::size_t space_length_at(std::string_view text, std::size_t pos) noexcept {
  if (pos >= text.size()) return 0;
  const auto byte = [&](std::size_t i) {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0u;
  };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return is_ascii_space(static_cast<char>(b0)) ? 1 : 0;
  if (b0 == 0xC2 && byte(1) == 0xA0) return 2;
  if (b0 == 0xE2 && byte(1) == 0x80) {
    const unsigned char b2 = byte(2);
    if ((b2 >= 0x80 && b2 <= 0x8B) || b2 == 0xAF) return 3;
  }
  if (b0 == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) return 3;
  if (b0 == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) return 3;
  if (b0 == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) return 3;
  return 0;
}

namespace {

// The length of the Unicode space that ends at `end`, or 0. Every space `space_length_at`
// knows is 1 to 3 bytes long, so trying those lengths is enough.
std::size_t space_length_before(std::string_view text, std::size_t end) noexcept {
  for (std::size_t len = 1; len <= 3 && len <= end; ++len) {
    if (space_length_at(text, end - len) == len) return len;
  }
  return 0;
}

}  // namespace

std::string_view trim_end(std::string_view text) noexcept {
  std::size_t end = text.size();
  while (std::size_t len = space_length_before(text, end)) end -= len;
  return text.substr(0, end);
}

std::string_view trim(std::string_view text) noexcept {
  std::size_t begin = 0;
  while (std::size_t len = space_length_at(text, begin)) begin += len;
  return trim_end(text.substr(begin));
}

std::string collapse_spaces(std::string_view text) {
  text = trim(text);
  std::string out;
  out.reserve(text.size());
  bool in_space = false;
  for (std::size_t i = 0; i < text.size();) {
    if (std::size_t len = space_length_at(text, i)) {
      in_space = true;
      i += len;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += text[i++];
  }
  return out;
}

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), to_lower_ascii);
  return out;
}

bool iequals(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return to_lower_ascii(x) == to_lower_ascii(y);
         });
}

bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view text, std::string_view suffix) noexcept {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

std::size_t ifind(std::string_view text, std::string_view needle, std::size_t from) noexcept {
  if (from > text.size()) return std::string_view::npos;
  // Markup is looked for by its `<`, which has no case: memchr finds the candidates.
  if (!needle.empty() && (to_lower_ascii(needle[0]) < 'a' || to_lower_ascii(needle[0]) > 'z')) {
    for (std::size_t at = text.find(needle[0], from); at != std::string_view::npos;
         at = text.find(needle[0], at + 1)) {
      if (istarts_with(text.substr(at), needle)) return at;
    }
    return std::string_view::npos;
  }
  const auto it = std::search(
      text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), needle.begin(), needle.end(),
      [](char x, char y) { return to_lower_ascii(x) == to_lower_ascii(y); });
  return it == text.end() && !needle.empty() ? std::string_view::npos
                                             : static_cast<std::size_t>(it - text.begin());
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

}  // namespace newsdex::detail
