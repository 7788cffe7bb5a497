// SPDX-License-Identifier: GPL-3.0-or-later
// What the query check returns, Xapian's parser must read as written. Xapian 1.4 parses a query
// it cannot parse again with every syntax flag off, and says nothing: its operators become the
// words "and" and "not", signs, wildcards and phrases vanish. Random queries over the
// language's syntax are checked, and each accepted one parsed as the searcher parses it; the
// signs of that second parse must never show.
#include <gtest/gtest.h>
#include <xapian.h>

#include <random>
#include <string>
#include <string_view>

#include "newsdex/error.h"
#include "searcher/query_syntax.h"

namespace newsdex {
namespace {

constexpr std::string_view kFields[] = {"headline", "source", "date"};
constexpr std::string_view kTextFields[] = {"headline"};

// The syntax of the language, and words that are none of its operators: phrases have two
// words, as a one-word phrase is a word.
// clang-format off
constexpr std::string_view kPieces[] = {
    // words
    "oil", "gas", "coal", "oil*", "cyber*", "Iran's", "U.S.", "AT&T", "oil-price", "\u2014",
    // phrases
    "\"crude oil\"", "-\"natural gas\"", "\"crude oil\"~3", "headline:\"gas glut\"",
    // brackets
    "(", "(", ")", "-(", "+(", "!(", "headline:(", "-headline:(",
    // operators
    "AND", "OR", "OR", "NOT", "NOT", "XOR", "XOR", "NEAR", "NEAR/3", "NEAR/3", "ADJ", "ADJ/2",
    "!", "&&", "||",
    // signs and fields
    "-gas", "+oil", "!coal", "-", "+", "headline:oil", "-headline:gas", "headline:gas*",
    "source:reuters",
    // dates
    "date:2022", "-date:2021", "date:[2022 TO *]", "date:2022-07..2022-09", "date:\"Sept 2022\"",
    "date:<=\"Sept 2022\"", "date:>2022",
};
// clang-format on

Xapian::QueryParser searcher_parser() {
  Xapian::QueryParser parser;
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.add_prefix("headline", "S");
  parser.add_boolean_prefix("source", "B");
  parser.add_boolean_prefix("date", "D");
  return parser;
}

// Why Xapian's parse of `checked` shows that it was parsed again without its syntax, or empty.
std::string fallback_sign(std::string_view checked, const std::string& parsed) {
  for (std::string_view op : {"and@", "or@", "not@", "xor@", "near@", "adj@"}) {
    if (parsed.find(op) != std::string::npos) return std::string("an operator as a word");
  }
  bool excludes = checked.find("NOT") != std::string_view::npos;
  for (std::size_t i = 0; i + 1 < checked.size(); ++i) {
    // A `-` before a word, phrase or bracket, not inside a word (`oil-price`).
    excludes |= checked[i] == '-' && checked[i + 1] != ' ' &&
                (i == 0 || checked[i - 1] == ' ' || checked[i - 1] == '(');
  }
  if (excludes && parsed.find("AND_NOT") == std::string::npos) return "no AND_NOT";
  if (checked.find('*') != std::string_view::npos && parsed.find("WILDCARD") == std::string::npos) {
    return "no wildcard";
  }
  if (checked.find('"') != std::string_view::npos && parsed.find("PHRASE") == std::string::npos) {
    return "no phrase";
  }
  return {};
}

TEST(QuerySyntaxXapian, EveryAcceptedQueryParsesAsWritten) {
  std::mt19937 random(20261130);
  std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(1, 9);
  const unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                         Xapian::QueryParser::FLAG_PURE_NOT;
  Xapian::QueryParser parser = searcher_parser();
  int accepted = 0;
  int failures = 0;
  for (int i = 0; i < 100'000 && failures < 20; ++i) {
    std::string query;
    for (int n = length(random); n > 0; --n) {
      if (!query.empty()) query += ' ';
      query += kPieces[piece(random)];
    }
    std::string checked;
    try {
      checked = check_query_syntax(query, kFields, kTextFields);
    } catch (const Error&) {
      continue;
    }
    ++accepted;
    std::string parsed;
    try {
      parsed = parser.parse_query(checked, flags).get_description();
    } catch (const Xapian::Error& e) {
      parsed = e.get_description();
    }
    if (const std::string sign = fallback_sign(checked, parsed); !sign.empty()) {
      ADD_FAILURE() << sign << ": " << query << "  →  " << checked << "  →  " << parsed;
      ++failures;
    }
  }
  // The pieces make queries the check accepts about as often as ones it refuses.
  EXPECT_GT(accepted, 10'000);
}

}  // namespace
}  // namespace newsdex
