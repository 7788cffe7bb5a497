// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/query_syntax.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "analyzers/date_parser.h"
#include "newsdex/error.h"

namespace newsdex {

namespace {

constexpr std::string_view kQuotes[] = {"\"", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"};

// Bounds of open-ended date ranges: every stored `YYYYMMDD` value sorts between them.
constexpr std::string_view kEarliest = "00000000";
constexpr std::string_view kLatest = "99999999";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t quote_at(std::string_view text, std::size_t pos) {
  for (std::string_view q : kQuotes) {
    if (text.substr(pos, q.size()) == q) return q.size();
  }
  return 0;
}

bool is_binary_operator(std::string_view word) {
  if (word == "AND" || word == "OR" || word == "XOR" || word == "NEAR" || word == "ADJ") {
    return true;
  }
  return word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

// `NEAR/5`: the window must be a whole number Xapian accepts.
bool valid_window(std::string_view word) {
  const std::string_view n = word.substr(word.find('/') + 1);
  return !n.empty() && n.size() <= 4 &&
         std::all_of(n.begin(), n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string first_day(const CivilDate& date) { return date.compact(); }

std::string last_day(const CivilDate& date) {
  switch (date.precision()) {
    case DatePrecision::year:
      return fmt::format("{:04}1231", date.year);
    case DatePrecision::month:
      // Past every day of the month, before the next month's values.
      return fmt::format("{:04}{:02}31", date.year, date.month);
    case DatePrecision::day:
      break;
  }
  return date.compact();
}

// Reads a query left to right, keeping what was typed and rewriting only `date:` values.
class SyntaxChecker {
 public:
  SyntaxChecker(std::string_view query, std::span<const std::string_view> fields,
                const QueryLimits& limits)
      : query_(query), fields_(fields), limits_(limits) {}

  std::string run() {
    if (query_.size() > limits_.max_bytes) {
      fail(0, fmt::format("the query is {} bytes long; at most {} are allowed", query_.size(),
                          limits_.max_bytes));
    }
    while (pos_ < query_.size()) {
      const char c = query_[pos_];
      if (is_space(c)) {
        out_ += c;
        ++pos_;
      } else if (c == '(') {
        open_.push_back(pos_);
        operand_expected_ = true;
        last_operator_ = "(";
        out_ += c;
        ++pos_;
      } else if (c == ')') {
        close_bracket();
      } else if (quote_at(query_, pos_) != 0) {
        phrase(pos_);
      } else {
        group();
      }
    }
    if (!open_.empty()) {
      fail(open_.back(), "expected ')' to close this '(' before the end of the query");
    }
    if (operand_expected_ && !last_operator_.empty() && last_operator_ != "(") {
      fail(query_.size(), fmt::format("expected a word, phrase or '(' after '{}'", last_operator_));
    }
    return out_;
  }

 private:
  [[noreturn]] void fail(std::size_t at, const std::string& what) const {
    // Columns count characters, as a reader counts them, not bytes.
    std::size_t column = 1;
    for (std::size_t i = 0; i < at && i < query_.size(); ++i) {
      if ((static_cast<unsigned char>(query_[i]) & 0xC0) != 0x80) ++column;
    }
    throw Error(ErrorCode::invalid_query,
                fmt::format("malformed query at column {}: {}", column, what),
                std::string(query_));
  }

  void operand() {
    operand_expected_ = false;
    last_operator_.clear();
    if (++words_ > limits_.max_words) {
      fail(pos_, fmt::format("the query has more than {} words", limits_.max_words));
    }
  }

  void close_bracket() {
    if (open_.empty()) fail(pos_, "this ')' closes no '('");
    if (operand_expected_) {
      fail(pos_, last_operator_ == "("
                     ? std::string("expected a query between '(' and ')'")
                     : fmt::format("expected a word, phrase or '(' after '{}'", last_operator_));
    }
    open_.pop_back();
    out_ += ')';
    ++pos_;
  }

  // A quoted phrase starting at `start` (which may hold a `+`, `-` or `field:` before the quote,
  // already copied). Returns the phrase's text without quotes.
  std::string_view phrase(std::size_t start) {
    const std::size_t open = quote_at(query_, pos_);
    std::size_t end = pos_ + open;
    std::size_t close = 0;
    while (end < query_.size() && (close = quote_at(query_, end)) == 0) ++end;
    if (end >= query_.size()) fail(start, "expected a closing '\"' for this phrase");
    const std::string_view inside = query_.substr(pos_ + open, end - pos_ - open);
    out_.append(query_.substr(pos_, end + close - pos_));
    pos_ = end + close;
    for (std::size_t i = 0; i < inside.size(); ++i) {
      if (!is_space(inside[i]) && (i == 0 || is_space(inside[i - 1])) && ++words_ > limits_.max_words) {
        fail(start, fmt::format("the query has more than {} words", limits_.max_words));
      }
    }
    operand();
    return inside;
  }

  void group() {
    const std::size_t start = pos_;
    std::size_t end = pos_;
    while (end < query_.size() && !is_space(query_[end]) && query_[end] != '(' &&
           query_[end] != ')' && quote_at(query_, end) == 0) {
      ++end;
    }
    const std::string_view word = query_.substr(start, end - start);
    pos_ = end;
    if (word == "NOT") {
      // `a NOT b`, `a AND NOT b` and a leading `NOT b` are all fine; it needs what follows.
      out_ += word;
      operand_expected_ = true;
      last_operator_ = word;
      return;
    }
    if (is_binary_operator(word)) {
      if (operand_expected_) {
        fail(start, fmt::format("expected a word, phrase or '(' before '{}'", word));
      }
      if (word.find('/') != std::string_view::npos && !valid_window(word)) {
        fail(start, fmt::format("expected a number of words after '{}/', as in NEAR/5",
                                word.substr(0, word.find('/'))));
      }
      out_ += word;
      operand_expected_ = true;
      last_operator_ = word;
      return;
    }
    std::size_t k = 0;
    if (word[0] == '+' || word[0] == '-') k = 1;
    if (k == word.size()) {
      // A lone sign binds to a phrase or bracket right after it; elsewhere it is punctuation.
      out_ += word;
      return;
    }
    const std::size_t colon = word.find(':', k);
    if (colon != std::string_view::npos && colon > k && is_field_name(word.substr(k, colon - k)) &&
        word.substr(colon + 1, 1) != "/") {
      field(start, word.substr(0, k), word.substr(k, colon - k), word.substr(colon + 1));
      return;
    }
    check_wildcard(start, word.substr(k));
    out_ += word;
    operand();
  }

  static bool is_field_name(std::string_view name) {
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
  }

  void field(std::size_t start, std::string_view sign, std::string_view name,
             std::string_view value) {
    if (std::find(fields_.begin(), fields_.end(), name) == fields_.end()) {
      std::string known;
      for (std::string_view f : fields_) known += fmt::format("{}{}:", known.empty() ? "" : ", ", f);
      fail(start, fmt::format("unknown field '{}:'; expected one of {}", name, known));
    }
    const bool quoted = value.empty() && pos_ < query_.size() && quote_at(query_, pos_) != 0;
    if (value.empty() && !quoted) {
      fail(start, fmt::format("expected a value after '{}:'", name));
    }
    if (name == "date") {
      std::string text(value);
      if (quoted) {
        const std::size_t saved = out_.size();
        text = std::string(phrase(start));
        out_.resize(saved);
      } else {
        operand();
      }
      out_ += fmt::format("{}date:{}", sign, date_range(start, text));
      return;
    }
    out_ += sign;
    out_ += name;
    out_ += ':';
    out_ += value;
    if (quoted) {
      phrase(start);
    } else {
      operand();
    }
  }

  std::string date_range(std::size_t at, std::string_view text) const {
    const std::size_t dots = text.find("..");
    const std::string_view from = dots == std::string_view::npos ? text : text.substr(0, dots);
    const std::string_view to = dots == std::string_view::npos ? text : text.substr(dots + 2);
    if (from.empty() && to.empty()) fail(at, "expected a date on at least one side of '..'");
    std::optional<CivilDate> first;
    std::optional<CivilDate> last;
    if (!from.empty()) first = date(at, from);
    if (!to.empty()) last = date(at, to);
    const std::string low = first ? first_day(*first) : std::string(kEarliest);
    const std::string high = last ? last_day(*last) : std::string(kLatest);
    if (low > high) fail(at, fmt::format("the date range '{}' ends before it starts", text));
    return low + '_' + high;
  }

  CivilDate date(std::size_t at, std::string_view text) const {
    const auto trimmed = [](std::string_view s) {
      while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
      while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
      return s;
    };
    const std::optional<CivilDate> parsed = parse_date(trimmed(text), DateContext{});
    if (!parsed || !parsed->ok()) {
      fail(at, fmt::format("'{}' is not a date; expected e.g. 2022-09-07, 2022-09, 2022, "
                           "\"Sept 2022\" or a range FROM..TO",
                           text));
    }
    return *parsed;
  }

  void check_wildcard(std::size_t at, std::string_view word) const {
    const std::size_t star = word.find('*');
    if (star == std::string_view::npos) return;
    if (star + 1 != word.size()) fail(at + star, "a wildcard '*' may only end a word, as in cyber*");
    std::size_t letters = 0;
    for (char c : word.substr(0, star)) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (letters < 2) fail(at, "a wildcard needs at least two letters before the '*'");
  }

  std::string_view query_;
  std::span<const std::string_view> fields_;
  QueryLimits limits_;
  std::size_t pos_ = 0;
  std::string out_;
  std::vector<std::size_t> open_;  // positions of unclosed '('
  bool operand_expected_ = true;
  std::string last_operator_;
  std::size_t words_ = 0;
};

}  // namespace

bool is_query_operator(std::string_view word) {
  return word == "NOT" || is_binary_operator(word);
}

std::string check_query_syntax(std::string_view query, std::span<const std::string_view> fields,
                               const QueryLimits& limits) {
  return SyntaxChecker(query, fields, limits).run();
}

}  // namespace newsdex
