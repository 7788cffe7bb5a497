// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/text_reader.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <utility>

#include "corpus/strings.h"
#include "corpus/utf8.h"

namespace newsdex::detail {
namespace {

// Datelines are short: the dash that ends one lies within this many bytes of the paragraph start.
constexpr std::size_t kDatelineWindow = 150;
// A first line longer than this is a paragraph, not a headline (a file without line breaks).
constexpr std::size_t kMaxHeadlineBytes = 300;
// Caption and keyword lines are short, and a web copy has at most a few of them.
constexpr std::size_t kMaxCaptionLineBytes = 200;
constexpr std::size_t kMaxCaptionLines = 6;
constexpr std::size_t kMaxBoilerplateLineBytes = 200;

// Lower-case words that datelines contain without being sentences: place-name particles
// ("Rio de Janeiro") and month abbreviations as some agencies write them ("7 sept 2022").
constexpr auto kDatelineLowerWords = std::to_array<std::string_view>(
    {"de",  "del", "della", "di",  "da",  "do",  "dos",  "das", "du",  "la", "le",  "les",
     "el",  "al",  "am",    "an",  "der", "den", "van",  "von", "y",   "of", "jan", "feb",
     "mar", "apr", "jun",   "jul", "aug", "sep", "sept", "oct", "nov", "dec"});

struct Dash {
  std::size_t begin;
  std::size_t end;
};

// Dashes that can end a dateline: `-`, `--`, `–`, `—` or `―` after a space (or a closing
// parenthesis, as in `(AP)—`) and before a space or the end of the paragraph.
std::vector<Dash> find_dashes(std::string_view text) {
  std::vector<Dash> dashes;
  const std::size_t limit = std::min(text.size(), kDatelineWindow);
  for (std::size_t i = 1; i < limit; ++i) {
    std::size_t len = 0;
    if (text.substr(i).starts_with("--")) {
      len = 2;
    } else if (text[i] == '-') {
      len = 1;
    } else if (text.substr(i).starts_with("\u2013") || text.substr(i).starts_with("\u2014") ||
               text.substr(i).starts_with("\u2015")) {
      len = 3;
    }
    if (len == 0) continue;
    const std::string_view before = text.substr(0, i);
    const std::size_t after = i + len;
    // Japanese and Chinese wires close the agency with a full-width parenthesis, and may start
    // the story right after the dash: `（共同）― `, `（新华社）—第二十届`.
    const bool cjk = before.ends_with("\uFF09");
    if ((before.ends_with(' ') || before.ends_with(')') || cjk) &&
        (after == text.size() || text[after] == ' ' || cjk)) {
      dashes.push_back({i, after});
    }
    i += len - 1;
  }
  return dashes;
}

enum class WordCase { none, upper, lower };

// Case of the first letter of `word` (leading punctuation such as `(` skipped).
WordCase first_letter_case(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len = 0;
    const auto cp = static_cast<UChar32>(decode_utf8(word, i, &len));
    if (u_isalpha(cp)) {
      if (u_islower(cp)) return WordCase::lower;
      return u_isupper(cp) || u_istitle(cp) ? WordCase::upper : WordCase::none;
    }
    if (u_isdigit(cp)) return WordCase::none;
    i += len;
  }
  return WordCase::none;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (std::size_t len = space_length_at(text, i)) i += len;
    const std::size_t begin = i;
    while (i < text.size() && space_length_at(text, i) == 0) ++i;
    if (i > begin) words.push_back(text.substr(begin, i - begin));
  }
  return words;
}

// Counts the lower-case words of `words` that a dateline would not contain.
std::size_t sentence_words(const std::vector<std::string_view>& words) {
  return static_cast<std::size_t>(std::count_if(words.begin(), words.end(), [](auto word) {
    if (first_letter_case(word) != WordCase::lower) return false;
    std::string key = lower_ascii(word);
    std::erase_if(key, [](char c) { return c == '.' || c == ','; });
    return std::find(kDatelineLowerWords.begin(), kDatelineLowerWords.end(), key) ==
           kDatelineLowerWords.end();
  }));
}

bool has_quote(std::string_view text) {
  return text.find('"') != std::string_view::npos ||
         text.find("\u201C") != std::string_view::npos ||
         text.find("\u201D") != std::string_view::npos;
}

// `WASHINGTON, March 3 (Reuters)`, `Tirana, Albania`, `Wien`: a few words, no sentence.
bool is_dateline_start(std::string_view segment) {
  segment = trim(segment);
  if (segment.empty() || has_quote(segment)) return false;
  const std::vector<std::string_view> words = words_of(segment);
  if (words.size() > 10 || first_letter_case(words.front()) == WordCase::lower) return false;
  return sentence_words(words) <= 1;
}

// `| 07 Sept 2022 (Tirana Echo)`: a date or an agency that continues the dateline after a dash.
bool is_dateline_continuation(std::string_view segment) {
  segment = trim(segment);
  if (segment.empty() || segment.size() > 60 || has_quote(segment)) return false;
  const bool has_date_or_agency =
      std::any_of(segment.begin(), segment.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      segment.find('(') != std::string_view::npos;
  const std::vector<std::string_view> words = words_of(segment);
  return has_date_or_agency && first_letter_case(words.front()) != WordCase::lower &&
         sentence_words(words) <= 1;
}

bool ends_sentence(std::string_view line) {
  line = trim_end(line);
  for (std::string_view end : {".", "!", "?", "\"", "'", "\u2026", "\u201D", "\u2019"}) {
    if (line.ends_with(end)) return true;
  }
  return false;
}

bool is_caption_block(const std::vector<std::string_view>& block) {
  if (dateline_length(block.front()) != 0) return false;
  return std::all_of(block.begin(), block.end(), [](std::string_view line) {
    return line.size() <= kMaxCaptionLineBytes && !ends_sentence(line);
  });
}

// `By Jane Doe`, `By Jane Doe and Ali Khan, Staff Reporters`: a short line naming the writers.
bool is_byline(std::string_view line) {
  return istarts_with(line, "by ") && line.size() > 3 && words_of(line).size() <= 10 &&
         first_letter_case(line.substr(3)) == WordCase::upper;
}

// How many blocks after the headline are captions. A dateline opens the story, so short lines
// before one are captions even when punctuated ("... on Sunday."); without a dateline, only
// short unpunctuated lines are.
std::size_t caption_block_count(const std::vector<std::vector<std::string_view>>& blocks) {
  const auto is_short = [](const std::vector<std::string_view>& block) {
    return std::all_of(block.begin(), block.end(),
                       [](std::string_view line) { return line.size() <= kMaxCaptionLineBytes; });
  };
  std::size_t lines = 0;
  for (std::size_t b = 0; b < blocks.size() && lines <= kMaxCaptionLines; ++b) {
    if (dateline_length(blocks[b].front()) != 0) return b;
    if (!is_short(blocks[b])) break;
    lines += blocks[b].size();
  }
  std::size_t count = 0;
  lines = 0;
  while (count < blocks.size() && is_caption_block(blocks[count])) lines += blocks[count++].size();
  // Short lines all the way down are a list or a poem, not captions over a story; and a story
  // has only a few caption lines.
  return count == blocks.size() || lines > kMaxCaptionLines ? 0 : count;
}

bool is_share_word(std::string_view word) {
  static constexpr auto kShareWords = std::to_array<std::string_view>(
      {"share", "tweet", "print", "email", "e-mail", "facebook", "twitter", "x", "whatsapp",
       "linkedin", "reddit", "telegram", "copy", "link", "|", "\u2022", "\u00B7"});
  return std::find(kShareWords.begin(), kShareWords.end(), word) != kShareWords.end();
}

}  // namespace

std::size_t dateline_length(std::string_view paragraph) {
  const std::vector<Dash> dashes = find_dashes(paragraph);
  if (dashes.empty() || !is_dateline_start(paragraph.substr(0, dashes.front().begin))) return 0;
  std::size_t length = dashes.front().end;
  for (std::size_t i = 1; i < dashes.size(); ++i) {
    if (!is_dateline_continuation(paragraph.substr(length, dashes[i].begin - length))) break;
    length = dashes[i].end;
  }
  return length;
}

bool is_boilerplate_line(std::string_view line) {
  const std::string text = lower_ascii(collapse_spaces(line));
  if (text.empty() || text.size() > kMaxBoilerplateLineBytes) return false;
  static constexpr auto kPrefixes =
      std::to_array<std::string_view>({"copyright",
                                       "\u00A9",
                                       "(c) ",
                                       "all rights reserved",
                                       "read more",
                                       "read also",
                                       "also read",
                                       "continue reading",
                                       "share this",
                                       "share on ",
                                       "share:",
                                       "click here",
                                       "follow us",
                                       "subscribe to",
                                       "subscribe now",
                                       "sign up for",
                                       "related:",
                                       "related articles",
                                       "related stories",
                                       "advertisement",
                                       "print this",
                                       "email this",
                                       "this article was originally published",
                                       "all content copyright"});
  for (std::string_view prefix : kPrefixes) {
    if (text.starts_with(prefix)) return true;
  }
  if (text.find("all rights reserved") != std::string::npos) return true;
  const std::vector<std::string_view> words = words_of(text);
  return std::all_of(words.begin(), words.end(), is_share_word);
}

void drop_trailing_boilerplate(std::vector<std::string>& paragraphs) {
  while (!paragraphs.empty()) {
    std::vector<std::string_view> lines = split_lines(paragraphs.back());
    const std::size_t before = lines.size();
    while (!lines.empty() && (trim(lines.back()).empty() || is_boilerplate_line(lines.back()))) {
      lines.pop_back();
    }
    if (lines.size() == before) return;
    if (!lines.empty()) {
      std::vector<std::string> kept(lines.begin(), lines.end());
      paragraphs.back() = join(kept, "\n");
      return;
    }
    paragraphs.pop_back();
  }
}

void read_text(const ReadContext& context) {
  if (context.too_large(context.input.bytes.size(), 1)) return;
  // Plain text that is not UTF-8 is almost always an old Latin-1 or Windows file: `caf\xE9`
  // reads as the café it was, not as a replacement character.
  const std::string text = normalize_newlines(
      context.to_utf8(strip_utf8_bom(context.input.bytes), 1, InvalidUtf8::latin1));
  const std::vector<std::string_view> lines = split_lines(text);

  std::size_t next = 0;
  while (next < lines.size() && trim(lines[next]).empty()) ++next;
  if (next == lines.size()) {
    context.warning(1, "no text, skipped");
    return;
  }
  Article article;
  article.id = context.input.id_path;
  article.record = 1;
  article.format = "text";
  if (trim(lines[next]).size() <= kMaxHeadlineBytes)
    article.headline = collapse_spaces(lines[next++]);

  std::vector<std::vector<std::string_view>> blocks;
  bool in_block = false;
  for (; next < lines.size(); ++next) {
    const std::string_view line = trim(lines[next]);
    if (line.empty()) {
      in_block = false;
      continue;
    }
    if (!in_block) blocks.emplace_back();
    blocks.back().push_back(line);
    in_block = true;
  }

  const std::size_t first_body = caption_block_count(blocks);
  for (std::size_t b = 0; b < first_body; ++b) {
    for (std::string_view line : blocks[b]) {
      std::string caption = collapse_spaces(line);
      if (article.byline.empty() && is_byline(caption)) {
        article.byline = caption.substr(3);
      } else {
        article.captions.push_back(std::move(caption));
      }
    }
  }

  std::vector<std::string> paragraphs;
  for (std::size_t b = first_body; b < blocks.size(); ++b) {
    paragraphs.push_back(join(std::vector<std::string>(blocks[b].begin(), blocks[b].end()), "\n"));
  }
  drop_trailing_boilerplate(paragraphs);
  if (!paragraphs.empty()) {
    const std::size_t length = dateline_length(paragraphs.front());
    article.dateline = std::string(trim(std::string_view(paragraphs.front()).substr(0, length)));
  }
  article.body = join(paragraphs, "\n\n");
  context.emit(std::move(article));
}

}  // namespace newsdex::detail
