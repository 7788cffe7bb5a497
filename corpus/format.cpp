// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/format.h"

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "corpus/strings.h"
#include "corpus/utf8.h"

namespace newsdex {

namespace {

constexpr std::array<std::pair<Format, std::string_view>, 5> kFormatNames = {{
    {Format::automatic, "auto"},
    {Format::text, "text"},
    {Format::jsonl, "jsonl"},
    {Format::sgml, "sgml"},
    {Format::html, "html"},
}};

}  // namespace

std::string_view to_string(Format format) noexcept {
  for (const auto& [value, name] : kFormatNames) {
    if (value == format) return name;
  }
  return "auto";
}

std::optional<Format> parse_format(std::string_view name) noexcept {
  for (const auto& [value, known] : kFormatNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

namespace detail {
namespace {

std::optional<Format> format_from_extension(std::string_view name) {
  const std::size_t slash = name.find_last_of("/!");
  const std::string_view base = slash == std::string_view::npos ? name : name.substr(slash + 1);
  const std::size_t dot = base.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string ext = lower_ascii(base.substr(dot + 1));
  if (ext == "txt" || ext == "text") return Format::text;
  if (ext == "jsonl" || ext == "ndjson" || ext == "jsonlines" || ext == "json") {
    return Format::jsonl;
  }
  if (ext == "sgm" || ext == "sgml") return Format::sgml;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return Format::html;
  return std::nullopt;
}

bool first_line_is_json_object(std::string_view text) {
  while (!text.empty() && is_ascii_space(text.front())) text.remove_prefix(1);
  const std::size_t end = text.find('\n');
  const std::string_view line = text.substr(0, end);
  return nlohmann::json::accept(line.begin(), line.end());
}

// A `<REUTERS ...>` start tag at the start of a line, as the collection writes them; a
// description that merely mentions the tag in prose is no SGML file.
bool has_reuters_record(std::string_view head) {
  for (std::size_t pos = ifind(head, "<REUTERS"); pos != std::string_view::npos;
       pos = ifind(head, "<REUTERS", pos + 1)) {
    const std::size_t after = pos + 8;
    const bool line_start = pos == 0 || head[pos - 1] == '\n';
    const bool tag_end = after < head.size() && (head[after] == '>' || is_ascii_space(head[after]));
    if (line_start && tag_end) return true;
  }
  return false;
}

}  // namespace

std::optional<Format> detect_format(std::string_view name, std::string_view bytes) {
  const std::optional<Format> by_name = format_from_extension(name);
  // A `.txt` name is no promise: only prose is read as text, so a mislabelled binary is
  // reported instead of indexed as mojibake.
  if (by_name && (*by_name != Format::text || looks_like_text(bytes))) return by_name;
  if (by_name) return std::nullopt;

  std::string_view head = strip_utf8_bom(bytes).substr(0, 4096);
  while (!head.empty() && is_ascii_space(head.front())) head.remove_prefix(1);
  if (has_reuters_record(head)) return Format::sgml;
  if (istarts_with(head, "<!doctype html") ||
      ifind(head.substr(0, 1024), "<html") != std::string_view::npos) {
    return Format::html;
  }
  if (head.starts_with('{') && first_line_is_json_object(strip_utf8_bom(bytes))) {
    return Format::jsonl;
  }
  if (looks_like_text(bytes)) return Format::text;
  return std::nullopt;
}

}  // namespace detail
}  // namespace newsdex
