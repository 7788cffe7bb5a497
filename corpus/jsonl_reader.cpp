// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/jsonl_reader.h"

#include <fmt/format.h>

#include <array>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "corpus/strings.h"
#include "corpus/utf8.h"

namespace newsdex::detail {
namespace {

using nlohmann::json;

// The keys each field is read from, in order of preference; `ReadOptions::json_fields` adds
// one in front.
struct FieldKeys {
  std::string_view field;
  std::vector<std::string_view> keys;
};

const std::vector<FieldKeys>& field_keys() {
  static const std::vector<FieldKeys> keys = {
      {"id", {"id", "guid", "identifier", "_id"}},
      {"headline", {"title", "headline"}},
      {"body", {"body", "text", "content", "articleBody", "article_body"}},
      {"date",
       {"date", "published", "datePublished", "publishedAt", "published_at", "pubDate",
        "pub_date"}},
      {"url", {"url", "link", "href"}},
      {"source", {"source", "publisher", "source_name", "site_name"}},
      {"byline", {"author", "byline", "authors", "creator"}},
      {"language", {"lang", "language", "inLanguage", "locale"}},
      {"dateline", {"dateline"}},
  };
  return keys;
}

// Standfirsts and captions: kept apart from the body, as `Article::captions`.
constexpr auto kCaptionKeys =
    std::to_array<std::string_view>({"subtitle", "standfirst", "dek", "summary", "description",
                                     "caption", "captions", "subheadline"});

// Tag keys whose value is sometimes one comma-separated string instead of an array.
constexpr auto kCommaTagKeys =
    std::to_array<std::string_view>({"keywords", "tags", "categories", "topics", "subjects"});

// Strings from JSON are valid UTF-8 (the parser checks), but `\u0000` escapes and friends can
// still smuggle in control characters.
std::string clean(const std::string& text) { return repair_utf8(text, InvalidUtf8::replace).text; }

// The name of a person or organisation given as a string or as an object with a `name`.
std::string name_of(const json& value) {
  if (value.is_string()) return clean(value.get<std::string>());
  if (value.is_object()) {
    const auto it = value.find("name");
    if (it != value.end() && it->is_string()) return clean(it->get<std::string>());
  }
  return {};
}

// The text of `value` for `field`: strings as they are, numbers (numeric ids, epoch dates) as
// written, names from objects, and arrays joined (paragraphs with blank lines, names with
// commas).
std::string text_of(const json& value, std::string_view field) {
  if (value.is_string()) return clean(value.get<std::string>());
  if (value.is_number()) return value.dump();
  if (field == "byline" || field == "source") {
    if (value.is_object()) return name_of(value);
    if (value.is_array()) {
      std::vector<std::string> names;
      for (const json& element : value) {
        std::string name = collapse_spaces(name_of(element));
        if (!name.empty()) names.push_back(std::move(name));
      }
      return join(names, ", ");
    }
  }
  if (field == "body" && value.is_array()) {
    std::vector<std::string> paragraphs;
    for (const json& element : value) {
      if (element.is_string()) paragraphs.push_back(clean(element.get<std::string>()));
    }
    return join(paragraphs, "\n\n");
  }
  return {};
}

bool is_string_array(const json& value) {
  if (!value.is_array() || value.empty()) return false;
  for (const json& element : value) {
    if (!element.is_string()) return false;
  }
  return true;
}

template <typename Container>
bool contains(const Container& container, std::string_view key) {
  for (const auto& element : container) {
    if (element == key) return true;
  }
  return false;
}

std::string parse_error_message(const json::parse_error& e) {
  // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column
  // 7: "; each record is one line, so keep the byte and the reason only.
  std::string_view what = e.what();
  const std::size_t colon = what.find(": ");
  if (colon != std::string_view::npos) what.remove_prefix(colon + 2);
  // Its "last read: '…'" quotes the bytes up to the error, and an error outside a string (`é`
  // where a value belongs) stops after the first byte of a character: repair the quote.
  return fmt::format("malformed JSON at byte {}: {}", e.byte,
                     repair_utf8(what, InvalidUtf8::replace).text);
}

void read_record(const ReadContext& context, const json& record, std::uint64_t line) {
  Article article;
  article.record = line;
  article.format = "jsonl";
  std::set<std::string, std::less<>> used_keys;
  for (const FieldKeys& field : field_keys()) {
    std::vector<std::string_view> keys;
    if (const auto it = context.options.json_fields.find(std::string(field.field));
        it != context.options.json_fields.end()) {
      keys.push_back(it->second);
    }
    keys.insert(keys.end(), field.keys.begin(), field.keys.end());
    std::string value;
    for (std::string_view key : keys) {
      used_keys.emplace(key);
      const auto it = record.find(key);
      if (it == record.end() || !value.empty()) continue;
      value = text_of(*it, field.field);
    }
    if (field.field == "body") {
      article.body = std::string(trim(normalize_newlines(value)));
      continue;
    }
    value = collapse_spaces(value);
    if (field.field == "id") article.id = std::move(value);
    if (field.field == "headline") article.headline = std::move(value);
    if (field.field == "date") article.date = std::move(value);
    if (field.field == "url") article.url = std::move(value);
    if (field.field == "source") article.source = std::move(value);
    if (field.field == "byline") article.byline = std::move(value);
    if (field.field == "language") article.language = std::move(value);
    if (field.field == "dateline") article.dateline = std::move(value);
  }

  for (const auto& [key, value] : record.items()) {
    if (used_keys.contains(key)) continue;
    if (contains(kCaptionKeys, key)) {
      const auto add_caption = [&](const json& caption) {
        if (!caption.is_string()) return;
        std::string text = collapse_spaces(clean(caption.get<std::string>()));
        if (!text.empty()) article.captions.push_back(std::move(text));
      };
      if (value.is_array()) {
        for (const json& caption : value) add_caption(caption);
      } else {
        add_caption(value);
      }
      continue;
    }
    std::vector<std::string> tags;
    if (is_string_array(value)) {
      for (const json& element : value)
        tags.push_back(collapse_spaces(clean(element.get<std::string>())));
    } else if (value.is_string() && contains(kCommaTagKeys, key)) {
      const std::string text = clean(value.get<std::string>());
      for (std::size_t begin = 0; begin <= text.size();) {
        std::size_t end = text.find(',', begin);
        if (end == std::string::npos) end = text.size();
        tags.push_back(collapse_spaces(std::string_view(text).substr(begin, end - begin)));
        begin = end + 1;
      }
    }
    std::erase_if(tags, [](const std::string& tag) { return tag.empty(); });
    if (!tags.empty()) article.tags[key] = std::move(tags);
  }

  if (article.headline.empty() && article.body.empty()) {
    context.error(line, "record has neither a headline nor a body, skipped");
    return;
  }
  if (article.id.empty()) article.id = article.url;
  if (article.id.empty()) article.id = fmt::format("{}#{}", context.input.id_path, line);
  context.emit(std::move(article));
}

}  // namespace

void read_jsonl(const ReadContext& context) {
  const std::string_view bytes = strip_utf8_bom(context.input.bytes);
  std::uint64_t line_number = 0;
  for (std::size_t begin = 0; begin < bytes.size();) {
    ++line_number;
    std::size_t end = bytes.find('\n', begin);
    const bool complete = end != std::string_view::npos;
    if (!complete) end = bytes.size();
    std::string_view line = bytes.substr(begin, end - begin);
    begin = end + 1;
    // The line that a damaged archive cut off is reported with the damage, not parsed.
    if (!complete && context.input.truncated) break;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (trim(line).empty() || context.too_large(line.size(), line_number)) continue;

    const std::string text = context.to_utf8(line, line_number);
    json record;
    try {
      record = json::parse(text);
    } catch (const json::parse_error& e) {
      context.error(line_number, parse_error_message(e));
      continue;
    } catch (const json::exception& e) {
      // Out-of-range numbers such as 1e999 are rejected with a different exception type.
      context.error(line_number, fmt::format("malformed JSON: {}", e.what()));
      continue;
    }
    if (!record.is_object()) {
      context.error(line_number, "not a JSON object, skipped");
      continue;
    }
    read_record(context, record, line_number);
  }
}

}  // namespace newsdex::detail
