// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/query_syntax.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "analyzers/date_parser.h"
#include "newsdex/error.h"

namespace newsdex {

namespace {

constexpr std::string_view kQuotes[] = {"\"", "\u201C", "\u201D", "\u201E", "\u00AB", "\u00BB"};

// Bounds of open-ended date ranges: every stored `YYYYMMDD` value sorts between them.
constexpr std::string_view kEarliest = "00000000";
constexpr std::string_view kLatest = "99999999";

constexpr std::string_view kNoBoosts =
    "'^' (a boost in Lucene's syntax) is not part of the query language: a headline's words "
    "already weigh more than the body's";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

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

bool is_proximity_operator(std::string_view word) {
  return word == "NEAR" || word == "ADJ" || word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

// A word that Xapian's parser keeps as one term: letters and digits (any non-ASCII byte counts
// as a letter), with `.` and `'` inside (`U.S.`, `Iran's`). Other punctuation (`oil-price`,
// `AT&T`, `AMJ/2`) makes a phrase of the parts.
bool is_single_word(std::string_view word) {
  if (word.empty() || word[0] == '.' || word[0] == '\'') return false;
  return std::all_of(word.begin(), word.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x80 || std::isalnum(byte) || c == '.' || c == '\'';
  });
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

// Whether `word` holds a letter or a digit. Folding keeps those, and a group of characters
// without one (`—`, a zero-width space, a stray byte or control character) folds away: it is
// no operand, and the words beside it are as if it were not there (Xapian must not be given
// `-0-c NEAR/3 cut` from `-0-c — NEAR/3 cut`: its parser leaks memory on it).
bool has_letter_or_digit(std::string_view word) {
  const auto size = static_cast<std::int32_t>(word.size());
  for (std::int32_t i = 0; i < size;) {
    UChar32 c = 0;
    U8_NEXT(word.data(), i, size, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

// Where `word` ends with Lucene's fuzzy (`roam~`, `roam~1`) or boost (`oil^2`) syntax after a
// letter, the position of its `~` or `^`; npos if it does not. A `~` or `^` elsewhere (`~30`,
// `3^2`) is punctuation, as in pasted text.
std::size_t lucene_suffix(std::string_view word) {
  const std::size_t op = word.find_last_of("~^");
  if (op == std::string_view::npos || op == 0) return std::string_view::npos;
  const std::string_view number = word.substr(op + 1);
  if (!std::all_of(
          number.begin(), number.end(),
          [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }) ||
      (word[op] == '^' && number.empty())) {
    return std::string_view::npos;
  }
  const std::string_view base = word.substr(0, op);
  const bool letter = std::any_of(base.begin(), base.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) ||
           (static_cast<unsigned char>(c) & 0x80) != 0;
  });
  return letter ? op : std::string_view::npos;
}

// Reads a query left to right, keeping what was typed but for `date:` values and the words in
// `field:(…)`, which are rewritten.
class SyntaxChecker {
 public:
  SyntaxChecker(std::string_view query, std::span<const std::string_view> fields,
                std::span<const std::string_view> text_fields, const QueryLimits& limits)
      : query_(query), fields_(fields), text_fields_(text_fields), limits_(limits) {}

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
        if (!proximity_.empty()) not_joinable(pos_, "(");
        open_.push_back(pos_);
        if (!next_group_field_.empty()) {
          group_field_ = std::exchange(next_group_field_, {});
          group_field_depth_ = open_.size();
        }
        outer_runs_.push_back({std::exchange(run_, Run{.begin = out_.size() + 1}),
                               std::exchange(next_excluded_, false), excluded_at_,
                               awaiting_not_operand()});
        operand_expected_ = true;
        last_operator_ = "(";
        out_ += c;
        ++pos_;
      } else if (c == ')') {
        close_bracket();
      } else if (quote_at(query_, pos_) != 0) {
        if (group_field_.empty()) {
          phrase(pos_);
        } else {
          field(pos_, {}, group_field_, {});
        }
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
    end_run();
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

  // Whether the operand about to be read is what a NOT excludes: the one right after it, or
  // one joined to that by NEAR or ADJ (`NOT gas NEAR coal`).
  bool awaiting_not_operand() const {
    return operand_expected_ && (last_operator_ == "NOT" ||
                                 (is_proximity_operator(last_operator_) && last_operand_of_not_));
  }

  void operand() {
    last_operand_of_not_ = awaiting_not_operand();
    if (!last_operand_of_not_) in_run(excluded_at_, std::exchange(next_excluded_, false));
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
    joined(open_.back(), query_.substr(open_.back(), pos_ + 1 - open_.back()), false);
    end_run();
    OuterRun outer = std::move(outer_runs_.back());
    outer_runs_.pop_back();
    run_ = std::move(outer.run);
    last_operand_of_not_ = outer.of_not;
    if (!outer.of_not) in_run(outer.excluded_at, outer.excluded);
    open_.pop_back();
    if (open_.size() < group_field_depth_) group_field_ = {};
    out_ += ')';
    ++pos_;
    if (pos_ < query_.size() && query_[pos_] == '^') fail(pos_, std::string(kNoBoosts));
    if (pos_ < query_.size() && query_[pos_] == '~') {
      fail(pos_,
           "'~' makes a phrase's words near each other, as in \"crude oil\"~3; a bracket "
           "takes none");
    }
  }

  // Operands side by side, joined by no operator, make a run. Xapian 1.4 cannot parse a run
  // whose operands are all excluded (`-company`, `(-company) oil`, `-company AND oil`), and
  // parses the query again without `+` and `-`: the query would find what it excludes. It
  // reads one excluded operand after AND as AND NOT (`oil AND -company`), but two as AND NOT
  // both at once (`oil AND -company -gas`).
  //
  // Xapian's NOT takes the whole run after it (`oil NOT gas coal` excluded only the articles
  // with both gas and coal, `NOT gas oil` found every article without both), where a reader,
  // and Lucene, take it to exclude the one operand after it. In a run with something to search
  // for, each NOT is therefore written as `-` before its operand (`oil -gas coal`, `oil
  // -(gas NEAR coal)`); a run of NOTs alone keeps them (`NOT gas`, `oil OR NOT gas`, `oil AND
  // NOT gas`).
  struct Run {
    bool searched = false;  // an operand that is not excluded: a word, phrase, bracket or filter
    bool leads_with_exclusion = false;  // its first operand is excluded, by `-` or NOT
    std::size_t excluded = 0;           // operands excluded by `-`
    std::size_t first_excluded = 0;
    std::vector<std::size_t> nots;  // where each `NOT` is in the output
    std::string_view after;  // the operator before the run, if any
    std::size_t begin = 0;   // where the run starts in the output
  };

  bool run_is_empty() const { return !run_.searched && run_.excluded == 0 && run_.nots.empty(); }

  void in_run(std::size_t at, bool excluded) {
    if (run_is_empty()) run_.leads_with_exclusion = excluded;
    if (!excluded) {
      run_.searched = true;
    } else if (run_.excluded++ == 0) {
      run_.first_excluded = at;
    }
  }

  // Ends the run, which the operator `next` (or a bracket, or the query's end) follows.
  void end_run(std::string_view next = {}) {
    if (!run_.searched && run_.excluded > 0 &&
        !(run_.after == "AND" && run_.excluded == 1 && run_.nots.empty())) {
      fail(run_.first_excluded,
           "expected a word to search for beside what '-' excludes: a query or bracket of "
           "excluded words alone has nothing to exclude them from (write NOT word to find "
           "every article without it)");
    }
    if (run_.searched) {
      for (auto at = run_.nots.rbegin(); at != run_.nots.rend(); ++at) exclude_by_sign(*at);
      // Xapian reads a run that starts with an excluded operand after an operator as AND NOT
      // all the rest (`oil AND -gas coal`: articles with oil but not both gas and coal), or
      // cannot parse it (`oil OR -gas coal`); in brackets it is the run it looks like.
      if (run_.leads_with_exclusion && is_binary_operator(run_.after)) {
        std::size_t begin = run_.begin;
        while (begin < out_.size() && is_space(out_[begin])) ++begin;
        std::size_t end = out_.size();
        while (end > begin && is_space(out_[end - 1])) --end;
        out_.insert(end, ")");
        out_.insert(begin, "(");
      }
    }
    run_ = Run{.after = next, .begin = out_.size() + next.size()};
  }

  // `NOT gas` → `-gas`, with `NOT` at `at` in the output.
  void exclude_by_sign(std::size_t at) {
    std::size_t operand = at + 3;  // past `NOT`
    while (operand < out_.size() && is_space(out_[operand])) ++operand;
    out_.replace(at, operand - at, "-");
  }

  // Xapian 1.4 joins only single terms with NEAR and ADJ. Given anything else, it reads the
  // operator as a word (`"crude oil" NEAR/3 opec` finds nothing, silently), and a phrase with a
  // sign before `NEAR/n` even leaks memory inside its parser. `proximity_` is the operator.
  [[noreturn]] void not_joinable(std::size_t at, std::string_view operand) const {
    fail(at, fmt::format("'{}' cannot be joined by {}: NEAR and ADJ join single words, not "
                         "phrases, brackets, words with + or -, wildcards, filters or words "
                         "with punctuation inside",
                         operand, proximity_));
  }

  // An operand from `start` to here, `text` as typed: whether NEAR or ADJ may join it.
  //
  // Words joined by NEAR or ADJ are bracketed: Xapian 1.4 cannot parse them beside other words
  // (`coal oil NEAR gas`, `oil NEAR gas coal`: it groups side-by-side words before it sees the
  // operator) and reads the query again without its syntax. The bracket closes after each
  // joined word, and opens again for the next NEAR of the same chain.
  void joined(std::size_t start, std::string_view text, bool joinable) {
    if (!proximity_.empty() && !joinable) not_joinable(start, text);
    chain_closed_at_ = std::string::npos;
    if (!proximity_.empty()) {
      out_ += ')';
      chain_closed_at_ = out_.size();
    }
    proximity_.clear();
    last_out_start_ = token_out_start_;
    last_joinable_ = joinable;
    last_start_ = start;
    last_text_ = text;
  }

  // A quoted phrase starting at `start` (which may hold a `+`, `-` or `field:` before the quote,
  // already copied). Returns the phrase's text without quotes.
  //
  // `"crude oil"~3`, Lucene's proximity search, becomes `(crude NEAR/3 oil)`, each word in
  // `field` if given; the phrase must be of words (`of_words`: not a filter's value). Lucene's
  // boost, `"crude oil"^2`, is refused.
  std::string_view phrase(std::size_t start, bool of_words = true, std::string_view field = {}) {
    const std::size_t open = quote_at(query_, pos_);
    std::size_t end = pos_ + open;
    std::size_t close = 0;
    while (end < query_.size() && (close = quote_at(query_, end)) == 0) ++end;
    if (end >= query_.size()) fail(start, "expected a closing '\"' for this phrase");
    const std::string_view inside = query_.substr(pos_ + open, end - pos_ - open);
    const std::size_t out_start = out_.size() - (field.empty() ? 0 : field.size() + 1);
    out_.append(query_.substr(pos_, end + close - pos_));
    pos_ = end + close;
    if (pos_ < query_.size() && query_[pos_] == '^') fail(pos_, std::string(kNoBoosts));
    if (pos_ < query_.size() && query_[pos_] == '~') {
      if (!of_words)
        fail(pos_, "'~' makes a phrase's words near each other: a filter's value has none");
      out_.resize(out_start);
      out_ += proximity(start, inside, field);
    }
    joined(start, query_.substr(start, pos_ - start), false);
    for (std::size_t i = 0; i < inside.size(); ++i) {
      if (!is_space(inside[i]) && (i == 0 || is_space(inside[i - 1])) && ++words_ > limits_.max_words) {
        fail(start, fmt::format("the query has more than {} words", limits_.max_words));
      }
    }
    operand();
    return inside;
  }

  // `"crude oil"~N` with `pos_` at the `~`: the words NEAR/N each other, in `field` if any.
  std::string proximity(std::size_t start, std::string_view inside, std::string_view field) {
    std::size_t end = pos_ + 1;
    while (end < query_.size() && std::isdigit(static_cast<unsigned char>(query_[end]))) ++end;
    const std::string_view window = query_.substr(pos_ + 1, end - pos_ - 1);
    if (window.empty() || window.size() > 4 ||
        (end < query_.size() && !is_space(query_[end]) && query_[end] != ')')) {
      fail(pos_, "expected a number of words after '~', as in \"crude oil\"~3");
    }
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < inside.size();) {
      if (is_space(inside[i])) {
        ++i;
        continue;
      }
      std::size_t word_end = i;
      while (word_end < inside.size() && !is_space(inside[word_end])) ++word_end;
      const std::string_view word = inside.substr(i, word_end - i);
      if (has_letter_or_digit(word)) {
        if (!is_single_word(word)) {
          fail(start, fmt::format("'{}' in a phrase with '~' cannot be joined by NEAR: NEAR "
                                  "joins single words, not words with punctuation inside",
                                  word));
        }
        words.push_back(word);
      }
      i = word_end;
    }
    if (words.empty()) fail(start, "expected words in the phrase before '~'");
    pos_ = end;
    const std::string prefix = field.empty() ? std::string() : fmt::format("{}:", field);
    std::string near = "(";
    for (const std::string_view word : words) {
      if (near.size() > 1) near += fmt::format(" NEAR/{} ", window);
      near += prefix;
      near += word;
    }
    return near + ')';
  }

  void group() {
    const std::size_t start = pos_;
    token_out_start_ = out_.size();
    std::size_t end = pos_;
    while (end < query_.size() && !is_space(query_[end]) && query_[end] != '(' &&
           query_[end] != ')' && quote_at(query_, end) == 0) {
      ++end;
    }
    std::string_view word = query_.substr(start, end - start);
    pos_ = end;
    // Lucene's `&&`, `||` and `!` are AND, OR and NOT: Xapian takes them for punctuation, so
    // `oil || gas` found what `oil gas` finds. A `!` stuck to a word (`!gas`) is NOT before
    // it; one before other punctuation (`!=`) is punctuation.
    if (word == "&&") {
      word = "AND";
    } else if (word == "||") {
      word = "OR";
    } else if (word == "!") {
      word = "NOT";
    } else if (word[0] == '!' && word.size() > 1 &&
               (std::isalnum(static_cast<unsigned char>(word[1])) ||
                (static_cast<unsigned char>(word[1]) & 0x80) != 0)) {
      word = "NOT";
      pos_ = start + 1;
    }
    if (word == "NOT") {
      // `a NOT b`, `a AND NOT b` and a leading `NOT b` are all fine; it needs what follows.
      if (!proximity_.empty()) not_joinable(start, word);
      if (awaiting_not_operand()) fail(start, "expected a word, phrase or '(' after 'NOT'");
      if (run_is_empty()) run_.leads_with_exclusion = true;
      run_.nots.push_back(out_.size());
      out_ += word;
      // Xapian reads `NOT(gas)` as the words not and gas.
      if (pos_ < query_.size() && !is_space(query_[pos_])) out_ += ' ';
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
      if (is_proximity_operator(word)) {
        proximity_ = word;
        if (!last_joinable_) not_joinable(last_start_, last_text_);
        if (chain_closed_at_ <= out_.size() &&
            out_.find_first_not_of(" \t\n\r", chain_closed_at_) == std::string::npos) {
          // The chain goes on; Xapian 1.4 cannot parse NEAR and ADJ in one.
          if (word.starts_with("NEAR") != chain_operator_.starts_with("NEAR")) {
            fail(start, fmt::format("'{}' cannot join the words that '{}' joins: write "
                                    "(a {} b) AND (b {} c)",
                                    word, chain_operator_, chain_operator_, word));
          }
          out_.erase(chain_closed_at_ - 1, 1);
        } else {
          out_.insert(last_out_start_, "(");
          chain_operator_ = word;
        }
      } else {
        end_run(word);  // NEAR and ADJ join words inside a run
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
      const bool binds =
          pos_ < query_.size() && (query_[pos_] == '(' || quote_at(query_, pos_) != 0);
      if (binds && awaiting_not_operand()) sign_after_not(start, word);
      next_excluded_ = word == "-" && binds;
      excluded_at_ = start;
      // Punctuation folds away: Xapian would read a `-` before a `)` as a sign and fail.
      if (binds) out_ += word;
      return;
    }
    if (k == 1 && has_letter_or_digit(word.substr(k)) && awaiting_not_operand()) {
      sign_after_not(start, word.substr(0, 1));
    }
    if (const std::size_t op = lucene_suffix(word); op != std::string_view::npos) {
      fail(start + op, word[op] == '^' ? std::string(kNoBoosts)
                                       : fmt::format("'~' after a word (a fuzzy search in "
                                                     "Lucene's syntax) is not part of the query "
                                                     "language; a misspelled word gets a 'did "
                                                     "you mean' suggestion ({}: only a phrase "
                                                     "takes '~', as in \"crude oil\"~3)",
                                                     word));
    }
    next_excluded_ = word[0] == '-';
    excluded_at_ = start;
    const std::size_t colon = word.find(':', k);
    if (colon != std::string_view::npos && colon > k && is_field_name(word.substr(k, colon - k)) &&
        word.substr(colon + 1, 1) != "/") {
      if (!group_field_.empty()) {
        fail(start, fmt::format("a field cannot be given inside '{}:(…)', whose words are all "
                                "in '{}:' already",
                                group_field_, group_field_));
      }
      field(start, word.substr(0, k), word.substr(k, colon - k), word.substr(colon + 1));
      return;
    }
    check_wildcard(start, word.substr(k));
    if (!has_letter_or_digit(word.substr(k))) {
      next_excluded_ = false;  // punctuation, which folds away
      return;
    }
    if (!group_field_.empty()) {
      field(start, word.substr(0, k), group_field_, word.substr(k));
      return;
    }
    out_ += word;
    operand();
    joined(start, word, k == 0 && is_single_word(word));
  }

  [[noreturn]] void sign_after_not(std::size_t at, std::string_view sign) const {
    fail(at, fmt::format("expected a word, phrase or '(' after 'NOT', without '{}': NOT "
                         "excludes what follows it (write NOT word, or -word)",
                         sign));
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
    if (value.empty() && pos_ < query_.size() && query_[pos_] == '(') {
      // `headline:(oil OR gas)`: the field of every word and phrase in the brackets, as
      // Lucene's and Elasticsearch's query strings group them; Xapian 1.4 has no such syntax.
      // The brackets are read as any others, their words each given the field.
      next_group_field_ = name;
      out_ += sign;
      return;
    }
    const bool quoted = value.empty() && pos_ < query_.size() && quote_at(query_, pos_) != 0;
    if (value.empty() && !quoted) {
      fail(start, fmt::format("expected a value after '{}:'", name));
    }
    if (name == "date") {
      std::string range;
      if (value.starts_with('[') || value.starts_with('{')) {
        range = bracketed_date_range(start, static_cast<std::size_t>(value.data() - query_.data()));
        operand();
      } else if (quoted || (is_comparison(value) && quote_at(query_, pos_) != 0)) {
        // `date:"Sept 2022"`, `date:<="Sept 2022"`
        const std::size_t saved = out_.size();
        const std::string text =
            std::string(value) + std::string(phrase(start, /*of_words=*/false));
        out_.resize(saved);
        range = date_range(start, text);
      } else {
        operand();
        range = date_range(start, value);
      }
      out_ += fmt::format("{}date:{}", sign, range);
      joined(start, query_.substr(start, pos_ - start), false);
      return;
    }
    out_ += sign;
    out_ += name;
    out_ += ':';
    out_ += value;
    // A word of a text field (`headline:oil`) is a term; other fields are filters.
    const bool text =
        std::find(text_fields_.begin(), text_fields_.end(), name) != text_fields_.end();
    if (quoted) {
      phrase(start, text, name);
    } else {
      // A group's words were checked as words (`headline:(cyber* oil)`).
      if (text && group_field_.empty()) {
        check_wildcard(static_cast<std::size_t>(value.data() - query_.data()), value);
      }
      operand();
      joined(start, query_.substr(start, pos_ - start),
             sign.empty() && text && is_single_word(value));
    }
  }

  static constexpr std::string_view kComparisons[] = {">=", "<=", ">", "<"};

  static bool is_comparison(std::string_view text) {
    return std::find(std::begin(kComparisons), std::end(kComparisons), text) !=
           std::end(kComparisons);
  }

  // Stored days are `YYYYMMDD`, so the bound just past a date's last day (`20220731` →
  // `20220732`) or before its first (`20220700` → `20220699`) sorts between its values and the
  // next or previous date's.
  static std::string after(const CivilDate& date) {
    return fmt::format("{:08}", std::stoi(last_day(date)) + 1);
  }
  static std::string before(const CivilDate& date) {
    return fmt::format("{:08}", std::stoi(first_day(date)) - 1);
  }

  // Lucene's `date:[2022-07-01 TO 2022-09-30]`, its value starting at `open` with `[` (from)
  // or `{` (after) and ending with `]` (up to) or `}` (before); `*` leaves an end open.
  std::string bracketed_date_range(std::size_t at, std::size_t open) {
    const std::size_t close = query_.find_first_of("]}", open);
    if (close == std::string_view::npos) {
      fail(open,
           "expected ']' or '}' to close this date range, as in "
           "date:[2022-07-01 TO 2022-09-30]");
    }
    pos_ = close + 1;
    if (pos_ < query_.size() && !is_space(query_[pos_]) && query_[pos_] != ')') {
      fail(pos_, "expected a space after the date range");
    }
    const std::string_view inside = query_.substr(open + 1, close - open - 1);
    std::size_t to = std::string_view::npos;
    for (std::size_t i = inside.find("TO"); i != std::string_view::npos;
         i = inside.find("TO", i + 1)) {
      if (i > 0 && is_space(inside[i - 1]) && i + 2 < inside.size() && is_space(inside[i + 2])) {
        to = i;
        break;
      }
    }
    if (to == std::string_view::npos) {
      fail(open,
           "expected 'FROM TO TO' in the brackets, as in date:[2022-07-01 TO 2022-09-30] "
           "(* for an open end)");
    }
    const auto bound = [&](std::string_view text) -> std::optional<CivilDate> {
      text = trimmed(text);
      if (text.size() >= 2 && text.front() == '"' && text.back() == '"') {
        text = text.substr(1, text.size() - 2);
      }
      if (text == "*") return std::nullopt;
      return date(at, text);
    };
    const std::optional<CivilDate> first = bound(inside.substr(0, to));
    const std::optional<CivilDate> last = bound(inside.substr(to + 2));
    const std::string low = !first                ? std::string(kEarliest)
                            : query_[open] == '[' ? first_day(*first)
                                                  : after(*first);
    const std::string high = !last                  ? std::string(kLatest)
                             : query_[close] == ']' ? last_day(*last)
                                                    : before(*last);
    if (low > high) {
      fail(at, fmt::format("the date range '{}' ends before it starts",
                           query_.substr(open, close + 1 - open)));
    }
    return low + '_' + high;
  }

  std::string date_range(std::size_t at, std::string_view text) const {
    // Elasticsearch's `date:>2022-07`, `>=`, `<` and `<=`: after, from, before and up to.
    for (const std::string_view op : kComparisons) {
      if (!text.starts_with(op)) continue;
      if (text.size() == op.size()) fail(at, fmt::format("expected a date after '{}'", op));
      const CivilDate bound = date(at, text.substr(op.size()));
      if (op == ">=") return first_day(bound) + '_' + std::string(kLatest);
      if (op == ">") return after(bound) + '_' + std::string(kLatest);
      if (op == "<=") return std::string(kEarliest) + '_' + last_day(bound);
      return std::string(kEarliest) + '_' + before(bound);
    }
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
    const std::optional<CivilDate> parsed = parse_date(trimmed(text), DateContext{});
    if (!parsed || !parsed->ok()) {
      fail(at, fmt::format("'{}' is not a date; expected e.g. 2022-09-07, 2022-09, 2022, "
                           "\"Sept 2022\" or a range FROM..TO",
                           text));
    }
    return *parsed;
  }

  void check_wildcard(std::size_t at, std::string_view word) {
    const std::size_t star = word.find('*');
    if (star == std::string_view::npos) return;
    if (star + 1 != word.size()) fail(at + star, "a wildcard '*' may only end a word, as in cyber*");
    std::size_t letters = 0;
    for (char c : word.substr(0, star)) letters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (letters < 2) fail(at, "a wildcard needs at least two letters before the '*'");
    if (++wildcards_ > limits_.max_wildcards) {
      fail(at, fmt::format("the query has more than {} wildcards", limits_.max_wildcards));
    }
  }

  std::string_view query_;
  std::span<const std::string_view> fields_;
  std::span<const std::string_view> text_fields_;
  QueryLimits limits_;
  std::size_t pos_ = 0;
  std::string out_;
  std::vector<std::size_t> open_;  // positions of unclosed '('
  Run run_;                        // the run being read
  struct OuterRun {
    Run run;
    bool excluded;            // a '-' before the '(' (or before its `field:`)...
    std::size_t excluded_at;  // ...here
    bool of_not;              // the bracket is what a NOT before it excludes
  };
  std::vector<OuterRun> outer_runs_;              // per unclosed '(': the run it is in
  bool next_excluded_ = false;                    // the next operand has a '-' before it…
  std::size_t excluded_at_ = 0;                   // …here
  bool operand_expected_ = true;
  std::string last_operator_;
  bool last_operand_of_not_ = false;  // the last operand read is (part of) what a NOT excludes
  std::size_t words_ = 0;
  std::size_t wildcards_ = 0;
  // The last operand, for a NEAR or ADJ after it; and a NEAR or ADJ waiting for its right one.
  bool last_joinable_ = false;
  std::size_t last_start_ = 0;
  std::string_view last_text_;
  std::size_t last_out_start_ = 0;                   // where the last operand starts in the output
  std::size_t token_out_start_ = 0;                  // where the word being read starts there
  std::size_t chain_closed_at_ = std::string::npos;  // past the `)` closing words NEAR each other
  std::string_view chain_operator_;                  // the first NEAR or ADJ of that chain
  std::string proximity_;
  // The field of `field:(…)` for the words inside, the brackets open from depth
  // `group_field_depth_` (a count of `open_`); and that of a `field:` just read before its '('.
  std::string_view group_field_;
  std::size_t group_field_depth_ = 0;
  std::string_view next_group_field_;
};

// The end of the word of a query that starts at `begin`: the next space, bracket or quote.
std::size_t word_end(std::string_view query, std::size_t begin) {
  std::size_t end = begin;
  while (end < query.size() && !is_space(query[end]) && query[end] != '(' && query[end] != ')' &&
         query[end] != '"') {
    ++end;
  }
  return end;
}

// The end of the quoted text whose opening quote is at `quote`: past its closing quote, or the
// end of the query.
std::size_t quoted_end(std::string_view query, std::size_t quote) {
  const std::size_t close = query.find('"', quote + 1);
  return close == std::string_view::npos ? query.size() : close + 1;
}

}  // namespace

bool is_query_operator(std::string_view word) {
  return word == "NOT" || is_binary_operator(word);
}

std::vector<QueryWord> free_text_words(std::string_view query,
                                       std::span<const std::string_view> text_fields) {
  std::vector<QueryWord> words;
  for (std::size_t i = 0; i < query.size();) {
    const char c = query[i];
    if (is_space(c) || c == '(' || c == ')' || c == '+' || c == '-' || c == '"') {
      ++i;
      continue;
    }
    std::size_t end = word_end(query, i);
    const std::string_view word = query.substr(i, end - i);
    if (const std::size_t colon = word.find(':'); colon != std::string_view::npos) {
      if (std::find(text_fields.begin(), text_fields.end(), word.substr(0, colon)) !=
          text_fields.end()) {
        // A text field's value, quoted or not, is read as free text from after the colon.
        i += colon + 1;
        continue;
      }
      // Another field's quoted value follows directly: skip to its closing quote. A bracketed
      // range (`date:[2022-07 TO 2022-09]`) is skipped to its closing bracket.
      if (end < query.size() && query[end] == '"') end = quoted_end(query, end);
      if (colon + 1 < word.size() && (word[colon + 1] == '[' || word[colon + 1] == '{')) {
        const std::size_t close = query.find_first_of("]}", i);
        end = close == std::string_view::npos ? query.size() : close + 1;
      }
    } else if (!is_query_operator(word) && word.find('*') == std::string_view::npos) {
      words.push_back({i, end});
    }
    i = end;
  }
  return words;
}

std::string with_wildcard_words(std::string_view query,
                                std::span<const std::string_view> text_fields,
                                const WildcardWords& words_of) {
  std::string out;
  out.reserve(query.size() + 16);
  for (std::size_t i = 0; i < query.size();) {
    const char c = query[i];
    if (c == '"') {  // a phrase, or a field's quoted value
      const std::size_t end = quoted_end(query, i);
      out.append(query, i, end - i);
      i = end;
      continue;
    }
    if (is_space(c) || c == '(' || c == ')') {
      out += c;
      ++i;
      continue;
    }
    std::size_t end = word_end(query, i);
    const std::string_view token = query.substr(i, end - i);
    const std::size_t sign = token[0] == '+' || token[0] == '-' ? 1 : 0;
    const std::string_view word = token.substr(sign);
    bool widen = word.size() > 1 && word.back() == '*';
    std::size_t field_end = 0;  // of `field:`, if any
    if (const std::size_t colon = word.find(':'); widen && colon != std::string_view::npos) {
      widen = colon + 2 < word.size() && std::find(text_fields.begin(), text_fields.end(),
                                                   word.substr(0, colon)) != text_fields.end();
      field_end = colon + 1;
    }
    if (widen) {
      const std::string_view field = word.substr(0, field_end);
      const std::string_view pattern = word.substr(field_end, word.size() - field_end - 1);
      out.append(token.substr(0, sign)).append("(").append(word);
      out.append(" OR ").append(field).append(pattern);
      if (words_of) {
        for (const std::string& written : words_of(pattern)) {
          out.append(" OR ").append(field).append(written);
        }
      }
      out.append(")");
    } else {
      out.append(token);
    }
    i = end;
  }
  return out;
}

std::string check_query_syntax(std::string_view query, std::span<const std::string_view> fields,
                               std::span<const std::string_view> text_fields,
                               const QueryLimits& limits) {
  return SyntaxChecker(query, fields, text_fields, limits).run();
}

}  // namespace newsdex
