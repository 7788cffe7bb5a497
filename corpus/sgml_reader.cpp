// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/sgml_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <utility>
#include <vector>

#include "corpus/strings.h"
#include "corpus/utf8.h"

namespace newsdex::detail {
namespace {

constexpr auto npos = std::string_view::npos;

struct Element {
  std::string_view attributes;  // the start tag after its name, up to `>`
  std::string_view content;
  std::size_t begin = 0;  // of the start tag
  std::size_t end = 0;    // after the end tag
};

bool is_name_end(std::string_view text, std::size_t pos) {
  return pos >= text.size() || text[pos] == '>' || is_ascii_space(text[pos]) || text[pos] == '/';
}

// Position of the start tag `<name` (not a longer name such as `<NAMES`) at or after `from`.
std::size_t find_start_tag(std::string_view text, std::string_view name, std::size_t from) {
  const std::string open = fmt::format("<{}", name);
  for (std::size_t pos = ifind(text, open, from); pos != npos; pos = ifind(text, open, pos + 1)) {
    if (is_name_end(text, pos + open.size())) return pos;
  }
  return npos;
}

// The first `<name ...>...</name>` in `text` at or after `from`. An element whose end tag is
// missing runs to the end of `text`, so a damaged record still gives what it has.
std::optional<Element> find_element(std::string_view text, std::string_view name,
                                    std::size_t from = 0) {
  const std::size_t begin = find_start_tag(text, name, from);
  if (begin == npos) return std::nullopt;
  const std::size_t name_end = begin + 1 + name.size();
  const std::size_t tag_end = text.find('>', name_end);
  if (tag_end == npos) return std::nullopt;
  Element element;
  element.begin = begin;
  element.attributes = text.substr(name_end, tag_end - name_end);
  const std::string close = fmt::format("</{}>", name);
  const std::size_t close_pos = ifind(text, close, tag_end + 1);
  const std::size_t content_end = close_pos == npos ? text.size() : close_pos;
  element.content = text.substr(tag_end + 1, content_end - tag_end - 1);
  element.end = close_pos == npos ? text.size() : close_pos + close.size();
  return element;
}

// The value of attribute `name` in a start tag's attribute text (quoted or not).
std::string attribute(std::string_view attributes, std::string_view name) {
  for (std::size_t pos = ifind(attributes, name); pos != npos;
       pos = ifind(attributes, name, pos + 1)) {
    std::size_t i = pos + name.size();
    if (pos > 0 && !is_ascii_space(attributes[pos - 1])) continue;
    while (i < attributes.size() && is_ascii_space(attributes[i])) ++i;
    if (i >= attributes.size() || attributes[i] != '=') continue;
    ++i;
    while (i < attributes.size() && is_ascii_space(attributes[i])) ++i;
    if (i < attributes.size() && (attributes[i] == '"' || attributes[i] == '\'')) {
      const std::size_t close = attributes.find(attributes[i], i + 1);
      if (close == npos) return std::string(attributes.substr(i + 1));
      return std::string(attributes.substr(i + 1, close - i - 1));
    }
    std::size_t end = i;
    while (end < attributes.size() && !is_ascii_space(attributes[end])) ++end;
    return std::string(attributes.substr(i, end - i));
  }
  return {};
}

// `text` without markup: tags removed (they stand between words, so each leaves a space).
std::string strip_tags(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '<') {
      const std::size_t close = text.find('>', i);
      if (close != npos) {
        out += ' ';
        i = close;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::vector<std::string> d_list(std::string_view record, std::string_view name) {
  std::vector<std::string> values;
  const std::optional<Element> list = find_element(record, name);
  if (!list) return values;
  for (std::size_t from = 0;;) {
    const std::optional<Element> d = find_element(list->content, "D", from);
    if (!d) break;
    std::string value = collapse_spaces(decode_entities(d->content));
    if (!value.empty()) values.push_back(std::move(value));
    from = d->end;
  }
  return values;
}

// Reuters paragraphs start with an indented line and are hard-wrapped at ~70 columns: re-join
// the wrapped lines so that the body follows the `Article` contract (blank lines between
// paragraphs). Table rows, each indented, become one paragraph each.
std::vector<std::string> reflow(std::string_view text) {
  std::vector<std::string> paragraphs;
  bool new_paragraph = true;
  for (std::string_view line : split_lines(text)) {
    const std::string_view content = trim(line);
    if (content.empty()) {
      new_paragraph = true;
      continue;
    }
    if (new_paragraph || (!line.empty() && is_ascii_space(line.front()))) {
      paragraphs.emplace_back(content);
    } else {
      paragraphs.back() += ' ';
      paragraphs.back() += content;
    }
    new_paragraph = false;
  }
  return paragraphs;
}

// Removes the ` Reuter` (also `REUTER`, `REUTER...`) that signs off every story; true when
// there was one.
bool drop_signature(std::vector<std::string>& paragraphs) {
  if (paragraphs.empty()) return false;
  std::string_view last = trim_end(paragraphs.back());
  while (last.ends_with('.')) last.remove_suffix(1);
  if (!iends_with(last, "reuter")) return false;
  last.remove_suffix(6);
  if (!last.empty() && !is_ascii_space(last.back())) return false;
  last = trim_end(last);
  if (last.empty()) {
    paragraphs.pop_back();
  } else {
    paragraphs.back() = std::string(last);
  }
  return true;
}

std::string record_body(const Element& text) {
  if (const std::optional<Element> body = find_element(text.content, "BODY")) {
    return decode_entities(body->content);
  }
  // BRIEF and UNPROC stories have no BODY: what TEXT holds besides its title is the story.
  std::string rest(text.content);
  for (std::string_view name : {"TITLE", "AUTHOR", "DATELINE"}) {
    if (const std::optional<Element> element = find_element(rest, name)) {
      rest.erase(element->begin, element->end - element->begin);
    }
  }
  std::string body = decode_entities(strip_tags(rest));
  // BRIEF stories leave only the `******` that flagged them on the wire.
  const bool has_words = std::any_of(body.begin(), body.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  return has_words ? body : std::string();
}

std::string element_text(std::string_view record, std::string_view name) {
  const std::optional<Element> element = find_element(record, name);
  return element ? collapse_spaces(decode_entities(strip_tags(element->content))) : std::string();
}

void read_record(const ReadContext& context, std::string_view bytes, std::uint64_t ordinal) {
  const std::string record = context.to_utf8(bytes, ordinal, InvalidUtf8::latin1);
  const std::optional<Element> reuters = find_element(record, "REUTERS");
  if (!reuters) return;

  Article article;
  article.record = ordinal;
  article.format = "sgml";
  article.source = "Reuters";
  const std::string new_id = collapse_spaces(attribute(reuters->attributes, "NEWID"));
  article.id = new_id.empty() ? fmt::format("{}#{}", context.input.id_path, ordinal)
                              : fmt::format("reuters-{}", new_id);
  article.date = element_text(reuters->content, "DATE");
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kTagLists = {{
      {"TOPICS", "topics"},
      {"PLACES", "places"},
      {"PEOPLE", "people"},
      {"ORGS", "orgs"},
      {"EXCHANGES", "exchanges"},
      {"COMPANIES", "companies"},
  }};
  for (const auto& [element, kind] : kTagLists) {
    std::vector<std::string> values = d_list(reuters->content, element);
    if (!values.empty()) article.tags[std::string(kind)] = std::move(values);
  }
  if (const std::optional<Element> text = find_element(reuters->content, "TEXT")) {
    article.headline = element_text(text->content, "TITLE");
    article.dateline = element_text(text->content, "DATELINE");
    article.byline = element_text(text->content, "AUTHOR");
    std::vector<std::string> paragraphs = reflow(normalize_newlines(record_body(*text)));
    // A few stories were signed twice ("... Noranda said. Reuter\n Reuter").
    for (int i = 0; i < 2 && drop_signature(paragraphs); ++i) {
    }
    article.body = join(paragraphs, "\n\n");
  } else {
    context.warning(ordinal, "record has no <TEXT> element");
  }
  context.emit(std::move(article));
}

}  // namespace

std::string decode_entities(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, char32_t>, 6> kNamed = {
      {{"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}}};
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '&') {
      out += text[i];
      continue;
    }
    const std::size_t semi = text.find(';', i + 1);
    if (semi == npos || semi - i > 10) {
      out += '&';
      continue;
    }
    const std::string_view name = text.substr(i + 1, semi - i - 1);
    std::optional<char32_t> cp;
    if (name.size() >= 2 && name.front() == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      const std::string_view digits = name.substr(hex ? 2 : 1);
      char32_t value = 0;
      bool ok = !digits.empty();
      for (char c : digits) {
        const int digit = c >= '0' && c <= '9'          ? c - '0'
                          : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                        : -1;
        if (digit < 0 || value > 0x10FFFF) {
          ok = false;
          break;
        }
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
      }
      if (ok) cp = value;
    } else {
      for (const auto& [known, value] : kNamed) {
        if (known == name) cp = value;
      }
    }
    if (!cp) {
      out += '&';
      continue;
    }
    // Wire control codes (&#2; start of text, &#3; end, &#5; &#30; routing) separate words.
    const bool control = *cp < 0x20 ? *cp != '\n' && *cp != '\t' : *cp >= 0x7F && *cp <= 0x9F;
    append_utf8(out, control ? char32_t{' '} : *cp);
    i = semi;
  }
  return out;
}

void read_sgml(const ReadContext& context) {
  const std::string_view bytes = context.input.bytes;
  std::uint64_t ordinal = 0;
  std::size_t begin = find_start_tag(bytes, "REUTERS", 0);
  while (begin != npos) {
    ++ordinal;
    const std::size_t next = find_start_tag(bytes, "REUTERS", begin + 1);
    const std::size_t close = ifind(bytes, "</REUTERS>", begin);
    std::size_t end = 0;
    if (close != npos && (next == npos || close < next)) {
      end = close + std::string_view("</REUTERS>").size();
    } else if (context.input.truncated && next == npos) {
      break;  // cut off by the damage the archive reader reports
    } else {
      end = next == npos ? bytes.size() : next;
      context.warning(ordinal, "<REUTERS> element without its end tag");
    }
    if (!context.too_large(end - begin, ordinal)) {
      read_record(context, bytes.substr(begin, end - begin), ordinal);
    }
    begin = next;
  }
  if (ordinal == 0) context.error(0, "no <REUTERS> records found");
}

}  // namespace newsdex::detail
