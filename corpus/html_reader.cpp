// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/html_reader.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "corpus/strings.h"
#include "corpus/text_reader.h"
#include "corpus/utf8.h"

namespace newsdex::detail {
namespace {

using nlohmann::json;

// gumbo's tree construction slows down quadratically with nesting depth (40,000 nested <div>s
// take about a minute) and frees the tree recursively: pages nested deeper than any real page
// are refused before parsing.
constexpr std::size_t kMaxNestingDepth = 2000;
// JSON-LD nests articles in `@graph` arrays and the like, never deeply.
constexpr int kMaxJsonLdDepth = 8;

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

// An estimate of the deepest element nesting of `html`, from its tags alone: end tags close,
// void and self-closing elements and those whose end tag may be omitted do not count.
std::size_t estimated_depth(std::string_view html) {
  static constexpr auto kNotNesting = std::to_array<std::string_view>(
      {"area",  "base",     "br",    "col",    "embed",    "hr",     "img",   "input",
       "link",  "meta",     "param", "source", "track",    "wbr",    "p",     "li",
       "dt",    "dd",       "tr",    "td",     "th",       "option", "thead", "tbody",
       "tfoot", "colgroup", "rt",    "rp",     "optgroup", "html",   "head"});
  std::size_t depth = 0;
  std::size_t deepest = 0;
  for (std::size_t pos = html.find('<'); pos != std::string_view::npos;
       pos = html.find('<', pos + 1)) {
    // Comments, doctypes and processing instructions nest nothing.
    if (pos + 1 < html.size() && (html[pos + 1] == '!' || html[pos + 1] == '?')) continue;
    const bool closing = pos + 1 < html.size() && html[pos + 1] == '/';
    std::size_t name_begin = pos + (closing ? 2 : 1);
    std::size_t name_end = name_begin;
    while (name_end < html.size() &&
           (std::isalnum(static_cast<unsigned char>(html[name_end])) || html[name_end] == '-')) {
      ++name_end;
    }
    if (name_end == name_begin) continue;
    const std::string name = lower_ascii(html.substr(name_begin, name_end - name_begin));
    if (std::find(kNotNesting.begin(), kNotNesting.end(), name) != kNotNesting.end()) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    const std::size_t tag_end = html.find('>', name_end);
    if (tag_end != std::string_view::npos && html[tag_end - 1] == '/') continue;
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

// The charset a page declares in its first bytes (`<meta charset=...>` or the http-equiv form).
std::string declared_charset(std::string_view html) {
  const std::string_view head = html.substr(0, 4096);
  const std::size_t pos = ifind(head, "charset=");
  if (pos == std::string_view::npos) return {};
  std::size_t begin = pos + 8;
  while (begin < head.size() && (head[begin] == '"' || head[begin] == '\'')) ++begin;
  std::size_t end = begin;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                               head[end] == '-' || head[end] == '_' || head[end] == ':')) {
    ++end;
  }
  return std::string(head.substr(begin, end - begin));
}

std::string decode_page(const ReadContext& context) {
  const std::string_view bytes = strip_utf8_bom(context.input.bytes);
  if (!is_valid_utf8(bytes)) {
    const std::string charset = declared_charset(bytes);
    if (!charset.empty() && !istarts_with(charset, "utf")) {
      // A page declaring its legacy charset is read in it: that is no repair.
      if (std::optional<std::string> converted = convert_to_utf8(bytes, charset)) {
        return repair_utf8(*converted, InvalidUtf8::replace).text;
      }
    }
  }
  return context.to_utf8(bytes, 1);
}

const char* attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE) return nullptr;
  const GumboAttribute* attribute = gumbo_get_attribute(&node->v.element.attributes, name);
  return attribute == nullptr ? nullptr : attribute->value;
}

std::string attr_string(const GumboNode* node, const char* name) {
  const char* value = attr(node, name);
  return value == nullptr ? std::string() : collapse_spaces(value);
}

bool is_element(const GumboNode* node) {
  return node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE;
}

GumboTag tag_of(const GumboNode* node) {
  return is_element(node) ? node->v.element.tag : GUMBO_TAG_UNKNOWN;
}

const GumboVector& children_of(const GumboNode* node) {
  static const GumboVector kNone = {nullptr, 0, 0};
  if (node->type == GUMBO_NODE_DOCUMENT) return node->v.document.children;
  return is_element(node) ? node->v.element.children : kNone;
}

// Pre-order walk without recursion (pages nest deeply enough to matter); `visit` returns false
// to skip a node's children.
template <typename Visit>
void walk(const GumboNode* root, Visit&& visit) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!visit(node)) continue;
    const GumboVector& children = children_of(node);
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
}

// All the text below `node`, whitespace collapsed.
std::string text_of(const GumboNode* node) {
  std::string text;
  walk(node, [&](const GumboNode* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      text += n->v.text.text;
    }
    const GumboTag tag = tag_of(n);
    return tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE;
  });
  return collapse_spaces(text);
}

// Raw text of a script element (JSON-LD), not collapsed.
std::string script_text(const GumboNode* node) {
  std::string text;
  const GumboVector& children = children_of(node);
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
        child->type == GUMBO_NODE_WHITESPACE) {
      text += child->v.text.text;
    }
  }
  return text;
}

// Elements whose content is never part of the story text.
constexpr auto kSkippedTags = std::to_array<GumboTag>(
    {GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE,  GUMBO_TAG_NOSCRIPT, GUMBO_TAG_NAV,      GUMBO_TAG_HEADER,
     GUMBO_TAG_FOOTER, GUMBO_TAG_ASIDE,  GUMBO_TAG_FORM,     GUMBO_TAG_TEMPLATE, GUMBO_TAG_SVG,
     GUMBO_TAG_IFRAME, GUMBO_TAG_BUTTON, GUMBO_TAG_SELECT,   GUMBO_TAG_TEXTAREA, GUMBO_TAG_OBJECT,
     GUMBO_TAG_EMBED,  GUMBO_TAG_CANVAS, GUMBO_TAG_VIDEO,    GUMBO_TAG_AUDIO,    GUMBO_TAG_MATH,
     GUMBO_TAG_HEAD,   GUMBO_TAG_TITLE,  GUMBO_TAG_MENU});

bool is_skipped_tag(GumboTag tag) {
  return std::find(kSkippedTags.begin(), kSkippedTags.end(), tag) != kSkippedTags.end();
}

// Elements that start and end a paragraph of text.
constexpr auto kBlockTags = std::to_array<GumboTag>(
    {GUMBO_TAG_P,       GUMBO_TAG_DIV,     GUMBO_TAG_SECTION,    GUMBO_TAG_ARTICLE,
     GUMBO_TAG_MAIN,    GUMBO_TAG_H1,      GUMBO_TAG_H2,         GUMBO_TAG_H3,
     GUMBO_TAG_H4,      GUMBO_TAG_H5,      GUMBO_TAG_H6,         GUMBO_TAG_UL,
     GUMBO_TAG_OL,      GUMBO_TAG_LI,      GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,
     GUMBO_TAG_TABLE,   GUMBO_TAG_TR,      GUMBO_TAG_TD,         GUMBO_TAG_TH,
     GUMBO_TAG_DL,      GUMBO_TAG_DT,      GUMBO_TAG_DD,         GUMBO_TAG_ADDRESS,
     GUMBO_TAG_HR,      GUMBO_TAG_BR,      GUMBO_TAG_FIGURE,     GUMBO_TAG_FIGCAPTION,
     GUMBO_TAG_DETAILS, GUMBO_TAG_SUMMARY, GUMBO_TAG_CENTER,     GUMBO_TAG_BODY});

bool is_block_tag(GumboTag tag) {
  return std::find(kBlockTags.begin(), kBlockTags.end(), tag) != kBlockTags.end();
}

// True when a token of the class or id `value` (split at spaces, `-` and `_`) is in `tokens`.
template <std::size_t N>
bool has_token(const std::string& value, const std::array<std::string_view, N>& tokens) {
  std::size_t begin = 0;
  while (begin <= value.size()) {
    std::size_t end = value.find_first_of(" -_", begin);
    if (end == std::string::npos) end = value.size();
    const std::string_view token = std::string_view(value).substr(begin, end - begin);
    if (std::find(tokens.begin(), tokens.end(), token) != tokens.end()) return true;
    begin = end + 1;
  }
  return false;
}

// Class or id values that mark page furniture rather than the story: ads, share bars,
// related-story boxes, newsletter and cookie prompts, and the kicker, date and tag lines around
// the headline.
bool is_clutter_name(std::string_view value) {
  const std::string lower = lower_ascii(value);
  static constexpr auto kParts = std::to_array<std::string_view>(
      {"advert", "share", "related", "newsletter", "cookie", "promo", "social", "subscribe",
       "sponsor", "comments", "consent", "breadcrumb"});
  for (std::string_view part : kParts) {
    if (lower.find(part) != std::string::npos) return true;
  }
  // Short words only as whole tokens (`ad-slot`, `top_ads`, `post-meta`), never inside words
  // such as `lead-in`, `header` or `metadata`.
  static constexpr auto kTokens =
      std::to_array<std::string_view>({"ad", "ads", "meta", "date", "timestamp", "kicker",
                                       "eyebrow", "overline", "dachzeile", "tags"});
  return has_token(lower, kTokens);
}

// Class values of the line naming the writers (`byline`, `author-line`).
bool is_byline_name(std::string_view value) {
  const std::string lower = lower_ascii(value);
  static constexpr auto kTokens = std::to_array<std::string_view>({"author", "authors"});
  return lower.find("byline") != std::string::npos || has_token(lower, kTokens);
}

bool is_hidden(const GumboNode* node) {
  if (attr(node, "hidden") != nullptr) return true;
  const char* aria = attr(node, "aria-hidden");
  return aria != nullptr && iequals(aria, "true");
}

bool is_clutter(const GumboNode* node) {
  for (const char* name : {"class", "id"}) {
    const char* value = attr(node, name);
    if (value != nullptr && (is_clutter_name(value) || is_byline_name(value))) return true;
  }
  return is_hidden(node);
}

// The standfirst (teaser, dek) under a headline: the `Article` keeps it with the captions.
bool is_standfirst(const GumboNode* node) {
  static constexpr auto kTokens = std::to_array<std::string_view>(
      {"teaser", "standfirst", "dek", "deck", "strapline", "subtitle", "subheadline"});
  const char* value = attr(node, "class");
  return value != nullptr && has_token(lower_ascii(value), kTokens);
}

struct BodyText {
  std::vector<std::string> paragraphs;
  std::vector<std::string> captions;
};

// The paragraphs of the story below `container`, skipping page furniture; figure captions are
// collected apart.
BodyText extract_body(const GumboNode* container) {
  BodyText out;
  std::string current;
  const auto flush = [&] {
    std::string paragraph = collapse_spaces(current);
    if (!paragraph.empty()) out.paragraphs.push_back(std::move(paragraph));
    current.clear();
  };
  // A null entry marks the end of a block element, where its paragraph ends.
  std::vector<const GumboNode*> stack = {container};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node == nullptr) {
      flush();
      continue;
    }
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      current += node->v.text.text;
      continue;
    }
    if (!is_element(node)) continue;
    const GumboTag tag = tag_of(node);
    if (node != container && (is_skipped_tag(tag) || is_clutter(node))) continue;
    if (node != container && is_standfirst(node)) {
      std::string standfirst = text_of(node);
      if (!standfirst.empty()) out.captions.push_back(std::move(standfirst));
      flush();
      continue;
    }
    if (tag == GUMBO_TAG_FIGURE || tag == GUMBO_TAG_FIGCAPTION) {
      walk(node, [&](const GumboNode* n) {
        if (tag_of(n) != GUMBO_TAG_FIGCAPTION) return true;
        std::string caption = text_of(n);
        if (!caption.empty()) out.captions.push_back(std::move(caption));
        return false;
      });
      flush();
      continue;
    }
    const bool block = is_block_tag(tag);
    if (block) {
      flush();
      stack.push_back(nullptr);
    }
    const GumboVector& children = children_of(node);
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
  flush();
  return out;
}

// What the page's markup says, gathered in one walk.
struct PageFacts {
  std::map<std::string, std::string> meta;  // first `content` per lower-cased property/name
  std::vector<std::string> json_ld;
  std::string html_lang;
  std::string title;
  std::string h1;
  std::string time_datetime;
  std::string itemprop_date;
  std::string itemprop_author;
  std::string byline_text;
  std::string canonical;
  const GumboNode* article_body = nullptr;  // [itemprop=articleBody]
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> articles;
};

PageFacts gather(const GumboNode* root) {
  PageFacts facts;
  walk(root, [&](const GumboNode* node) {
    if (!is_element(node)) return true;
    const GumboTag tag = tag_of(node);
    switch (tag) {
      case GUMBO_TAG_HTML:
        if (facts.html_lang.empty()) facts.html_lang = attr_string(node, "lang");
        break;
      case GUMBO_TAG_META: {
        std::string key = attr_string(node, "property");
        if (key.empty()) key = attr_string(node, "name");
        if (key.empty()) key = attr_string(node, "http-equiv");
        const char* content = attr(node, "content");
        if (!key.empty() && content != nullptr)
          facts.meta.emplace(lower_ascii(key), collapse_spaces(content));
        break;
      }
      case GUMBO_TAG_LINK: {
        const char* rel = attr(node, "rel");
        if (rel != nullptr && iequals(rel, "canonical") && facts.canonical.empty()) {
          facts.canonical = attr_string(node, "href");
        }
        break;
      }
      case GUMBO_TAG_TITLE:
        if (facts.title.empty()) facts.title = text_of(node);
        return false;
      case GUMBO_TAG_SCRIPT: {
        const char* type = attr(node, "type");
        if (type != nullptr && iequals(trim(type), "application/ld+json")) {
          facts.json_ld.push_back(script_text(node));
        }
        return false;
      }
      case GUMBO_TAG_STYLE:
        return false;
      case GUMBO_TAG_H1:
        if (facts.h1.empty()) facts.h1 = text_of(node);
        break;
      case GUMBO_TAG_TIME:
        if (facts.time_datetime.empty()) facts.time_datetime = attr_string(node, "datetime");
        break;
      case GUMBO_TAG_MAIN:
        if (facts.main == nullptr) facts.main = node;
        break;
      case GUMBO_TAG_BODY:
        if (facts.body == nullptr) facts.body = node;
        break;
      case GUMBO_TAG_ARTICLE:
        facts.articles.push_back(node);
        break;
      default:
        break;
    }
    if (const char* itemprop = attr(node, "itemprop")) {
      const std::string prop = lower_ascii(trim(itemprop));
      if (prop == "articlebody" && facts.article_body == nullptr) facts.article_body = node;
      if (prop == "datepublished" && facts.itemprop_date.empty()) {
        facts.itemprop_date = attr_string(node, "content");
        if (facts.itemprop_date.empty()) facts.itemprop_date = attr_string(node, "datetime");
        if (facts.itemprop_date.empty()) facts.itemprop_date = text_of(node);
      }
      if (prop == "author" && facts.itemprop_author.empty()) {
        facts.itemprop_author = attr_string(node, "content");
        if (facts.itemprop_author.empty()) facts.itemprop_author = text_of(node);
      }
    }
    if (facts.byline_text.empty()) {
      const char* cls = attr(node, "class");
      if (cls != nullptr && is_byline_name(cls)) facts.byline_text = text_of(node);
    }
    return true;
  });
  return facts;
}

bool is_article_type(const json& type) {
  const auto matches = [](const json& value) {
    if (!value.is_string()) return false;
    const std::string name = lower_ascii(value.get<std::string>());
    return name.find("article") != std::string::npos || name == "blogposting" || name == "report" ||
           name == "liveblogposting";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

// The first article object in a JSON-LD value: the value itself, an element of an array, or a
// member of `@graph`.
const json* find_article(const json& value, int depth = 0) {
  if (depth > kMaxJsonLdDepth) return nullptr;
  if (value.is_array()) {
    for (const json& element : value) {
      if (const json* found = find_article(element, depth + 1)) return found;
    }
    return nullptr;
  }
  if (!value.is_object()) return nullptr;
  if (const auto type = value.find("@type"); type != value.end() && is_article_type(*type)) {
    return &value;
  }
  if (const auto graph = value.find("@graph"); graph != value.end()) {
    return find_article(*graph, depth + 1);
  }
  return nullptr;
}

std::string clean(const std::string& text) {
  return collapse_spaces(repair_utf8(text, InvalidUtf8::replace).text);
}

// The text of a JSON-LD value: a string, an object's `name` (or `@id`), or an array's names
// joined; `depth` bounds the recursion on hostile nesting.
std::string ld_name(const json& value, int depth = 0) {
  if (depth > kMaxJsonLdDepth) return {};
  if (value.is_string()) return clean(value.get<std::string>());
  if (value.is_object()) {
    if (const auto name = value.find("name"); name != value.end()) return ld_name(*name, depth + 1);
    if (const auto id = value.find("@id"); id != value.end() && id->is_string()) {
      return clean(id->get<std::string>());
    }
  }
  if (value.is_array()) {
    std::vector<std::string> names;
    for (const json& element : value) {
      if (element.is_array()) continue;
      std::string name = ld_name(element, depth + 1);
      if (!name.empty()) names.push_back(std::move(name));
    }
    return join(names, ", ");
  }
  return {};
}

std::string ld_string(const json& object, const char* key) {
  const auto it = object.find(key);
  return it == object.end() ? std::string() : ld_name(*it);
}

std::vector<std::string> ld_list(const json& object, const char* key) {
  std::vector<std::string> values;
  const auto it = object.find(key);
  if (it == object.end()) return values;
  const auto add = [&](const std::string& text, bool split) {
    std::size_t begin = 0;
    while (begin <= text.size()) {
      std::size_t end = split ? text.find(',', begin) : std::string::npos;
      if (end == std::string::npos) end = text.size();
      std::string value = clean(text.substr(begin, end - begin));
      if (!value.empty()) values.push_back(std::move(value));
      begin = end + 1;
    }
  };
  if (it->is_string()) add(it->get<std::string>(), std::string_view(key) == "keywords");
  if (it->is_array()) {
    for (const json& element : *it) {
      if (element.is_string()) add(element.get<std::string>(), false);
    }
  }
  return values;
}

std::string first_of(std::initializer_list<std::string> candidates) {
  for (const std::string& candidate : candidates) {
    if (!candidate.empty()) return candidate;
  }
  return {};
}

std::string meta(const PageFacts& facts, const char* key) {
  const auto it = facts.meta.find(key);
  return it == facts.meta.end() ? std::string() : it->second;
}

// The story's container: the longest `<article>`, else microdata's articleBody, `<main>` or
// `<body>`. Several `<article>`s on a page are usually the story plus related-story teasers.
BodyText story_text(const PageFacts& facts) {
  BodyText best;
  std::size_t best_length = 0;
  for (const GumboNode* article : facts.articles) {
    BodyText text = extract_body(article);
    std::size_t length = 0;
    for (const std::string& paragraph : text.paragraphs) length += paragraph.size();
    if (length > best_length) {
      best_length = length;
      best = std::move(text);
    }
  }
  if (best_length > 0) return best;
  for (const GumboNode* container : {facts.article_body, facts.main, facts.body}) {
    if (container != nullptr) return extract_body(container);
  }
  return {};
}

std::string strip_by(std::string byline) {
  if (istarts_with(byline, "by ")) byline.erase(0, 3);
  return collapse_spaces(byline);
}

}  // namespace

void read_html(const ReadContext& context) {
  if (context.too_large(context.input.bytes.size(), 1)) return;
  const std::string page = decode_page(context);
  if (estimated_depth(page) > kMaxNestingDepth) {
    context.error(1,
                  fmt::format("HTML nested more than {} elements deep, skipped", kMaxNestingDepth));
    return;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported, so do not collect them
  const std::unique_ptr<GumboOutput, GumboDeleter> output(
      gumbo_parse_with_options(&options, page.data(), page.size()));
  if (output == nullptr) {
    context.error(1, "HTML could not be parsed");
    return;
  }
  const PageFacts facts = gather(output->document);

  // The parsed scripts stay alive and the article is referred to, not copied: copying a json
  // value recurses once per level of nesting, which a hostile page can make very deep.
  std::vector<json> scripts;
  scripts.reserve(facts.json_ld.size());
  const json* ld_article = nullptr;
  for (const std::string& script : facts.json_ld) {
    scripts.push_back(json::parse(script, nullptr, /*allow_exceptions=*/false));
    if (scripts.back().is_discarded()) {
      context.warning(1, "malformed JSON-LD script ignored");
      continue;
    }
    if (ld_article == nullptr) ld_article = find_article(scripts.back());
  }
  const json empty = json::object();
  const json& ld = ld_article != nullptr ? *ld_article : empty;

  Article article;
  article.id = context.input.id_path;
  article.record = 1;
  article.format = "html";
  article.headline =
      first_of({ld_string(ld, "headline"), meta(facts, "og:title"), facts.h1, facts.title});
  article.date = first_of({ld_string(ld, "datePublished"), meta(facts, "article:published_time"),
                           facts.time_datetime, facts.itemprop_date});
  // `article:author` is often the writer's profile URL rather than a name.
  std::string meta_author = meta(facts, "author");
  if (meta_author.empty()) meta_author = meta(facts, "article:author");
  if (meta_author.starts_with("http")) meta_author.clear();
  article.byline = first_of(
      {ld_string(ld, "author"), meta_author, facts.itemprop_author, strip_by(facts.byline_text)});
  article.language =
      first_of({facts.html_lang, ld_string(ld, "inLanguage"), meta(facts, "content-language")});
  std::string ld_url = ld_string(ld, "url");
  if (ld_url.empty()) ld_url = ld_string(ld, "mainEntityOfPage");
  article.url = first_of({meta(facts, "og:url"), facts.canonical, ld_url});
  article.source = first_of({meta(facts, "og:site_name"), ld_string(ld, "publisher")});
  article.dateline = ld_string(ld, "dateline");

  std::vector<std::string> sections = ld_list(ld, "articleSection");
  if (sections.empty() && !meta(facts, "article:section").empty()) {
    sections.push_back(meta(facts, "article:section"));
  }
  if (!sections.empty()) article.tags["section"] = std::move(sections);
  std::vector<std::string> keywords = ld_list(ld, "keywords");
  if (!keywords.empty()) article.tags["keywords"] = std::move(keywords);

  BodyText text = story_text(facts);
  if (!text.paragraphs.empty() && text.paragraphs.front() == article.headline) {
    text.paragraphs.erase(text.paragraphs.begin());
  }
  if (text.paragraphs.empty()) {
    // Some pages render the story with scripts and ship it only in their JSON-LD.
    const std::string ld_body =
        ld.contains("articleBody") && ld["articleBody"].is_string()
            ? normalize_newlines(
                  repair_utf8(ld["articleBody"].get<std::string>(), InvalidUtf8::replace).text)
            : std::string();
    for (std::string_view line : split_lines(ld_body)) {
      std::string paragraph = collapse_spaces(line);
      if (!paragraph.empty()) text.paragraphs.push_back(std::move(paragraph));
    }
  }
  drop_trailing_boilerplate(text.paragraphs);
  if (article.dateline.empty() && !text.paragraphs.empty()) {
    const std::string& first = text.paragraphs.front();
    article.dateline = std::string(trim(std::string_view(first).substr(0, dateline_length(first))));
  }
  article.body = join(text.paragraphs, "\n\n");
  article.captions = std::move(text.captions);

  if (article.headline.empty() && article.body.empty()) {
    context.error(1, "page has neither a headline nor any text, skipped");
    return;
  }
  context.emit(std::move(article));
}

}  // namespace newsdex::detail
