// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsdex {

/// Bounds on one query: a pasted article is a fine query, a megabyte of text is not.
struct QueryLimits {
  std::size_t max_bytes = 16 * 1024;
  std::size_t max_words = 1000;
  /// Each wildcard expands to up to 500 words in each branch of the query, and costs about
  /// 10-35 ms on Reuters-21578 (`co*` the most): 300 of them took 37 s.
  std::size_t max_wildcards = 50;
};

/// Whether `word` is an operator of the query language: `AND`, `OR`, `NOT`, `XOR`, `NEAR`,
/// `NEAR/n`, `ADJ`, `ADJ/n` (in capitals; the window is checked by `check_query_syntax`).
bool is_query_operator(std::string_view word);

/// A word of free text in a query, by its byte range.
struct QueryWord {
  std::size_t begin;
  std::size_t end;
};

/// The words of free text in `query`: neither operators, nor wildcards, nor the values of
/// `field:value` but for fields of `text_fields`, whose values are text (`headline:oil`).
/// Quoted phrases are free text too.
std::vector<QueryWord> free_text_words(std::string_view query,
                                       std::span<const std::string_view> text_fields = {});

/// The written words a wildcard's pattern must also find, given the pattern (`electi` of
/// `electi*`).
using WildcardWords = std::function<std::vector<std::string>(std::string_view pattern)>;

/// `query` (as `check_query_syntax` returns it) with each wildcard of text — `word*`, bare,
/// signed or in one of `text_fields` — made `(word* OR word)`, and ORed with each of
/// `words_of(word)` too if given (`(electi* OR electi OR election)`). In a language with a
/// stemmer the index holds stems, which a word may outgrow (`company` stems to `compani`,
/// `election` to `elect`), so the pattern alone, matched against the stems, would miss such
/// words. Phrases and filter values are left as they are.
std::string with_wildcard_words(std::string_view query,
                                std::span<const std::string_view> text_fields,
                                const WildcardWords& words_of = {});

/// Checks `query` against newsdex's query language and returns it ready for Xapian's parser.
///
/// Xapian 1.4's QueryParser never reports most syntax errors: it quietly parses the text again
/// without the syntax it choked on, so `oil AND (` would become a different query. This check
/// runs first and refuses, naming the column (1-based, in characters) and what was expected:
/// unbalanced brackets and quotes, an operator (`AND`, `OR`, `NOT`, `XOR`, `NEAR`, `NEAR/n`,
/// `ADJ`, `ADJ/n`) without its operands, an unknown `field:` (one of `fields` is expected), a
/// field without a value, a wildcard with fewer than two letters before the `*`, a `date:`
/// that is no date, and operands excluded with `-` with nothing beside them to search for
/// (`-gas`, `oil (-gas)`, `-gas AND oil`: Xapian would parse them again without the signs).
/// `NOT` (or Lucene's `!`) excludes the one operand after it, words joined by NEAR or ADJ
/// counting as one: in a run with something to search for it becomes `-` (`oil NOT gas coal` →
/// `oil -gas coal`, `oil NOT a NEAR b` → `oil -(a NEAR b)`), where Xapian's NOT would take the
/// whole run after it; a run that starts with an excluded operand after an operator is
/// bracketed (`oil AND -gas coal` → `oil AND (-gas coal)`), which Xapian would read as AND NOT
/// all the rest. Lucene's `"crude oil"~3` becomes `(crude NEAR/3 oil)`; its fuzzy `roam~` and
/// boost `oil^2` are refused. A field before brackets is given to every word and phrase inside
/// them, which Xapian 1.4 cannot parse (`headline:(oil OR gas)` → `(headline:oil OR
/// headline:gas)`); a field inside such brackets is refused. `date:` values (`2022-09-07`,
/// `2022-09`, `2022`, `"Sept 2022"`, ranges `FROM..TO` with either end open, `>`, `>=`, `<`, `<=` a
/// date, Lucene's `[FROM TO TO]` with `{` or `}` for an end left out and `*` for an open one) are
/// rewritten as `date:FIRST_LAST`, two `YYYYMMDD` bounds that cover every day of the
/// dates named, which the `date` field processor reads. `NEAR`, `NEAR/n`, `ADJ` and `ADJ/n` must
/// join single words, bare or in one of `text_fields` (`headline:oil NEAR/3 price`): Xapian 1.4
/// reads the operator as a word next to a phrase, a bracket, a signed word, a wildcard, a filter or
/// a word with punctuation inside. Each chain of them is bracketed (`coal (oil NEAR gas)`), as
/// Xapian 1.4 cannot parse it beside other words, and may not mix NEAR with ADJ. Punctuation
/// that folds away (a lone `-`, `—`) is left out.
///
/// Throws `Error` with `invalid_query`, its context the query; never returns a query that
/// means something other than what was typed.
std::string check_query_syntax(std::string_view query, std::span<const std::string_view> fields,
                               std::span<const std::string_view> text_fields = {},
                               const QueryLimits& limits = {});

}  // namespace newsdex
