// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/text_analysis.h"
#include "newsdex/search.h"

namespace newsdex {

namespace detail {
struct QueryWords;

/// The words of a stretch of an article and the query words they match.
struct Matches {
  std::vector<Token> tokens;
  std::vector<unsigned> word_of;     ///< per token: the number of the query word, 0 for none
  std::vector<std::size_t> matched;  ///< the tokens that match, ascending
};
}  // namespace detail

/// Snippets of the articles a query matched: for each, the passage of `text` of about
/// `length` bytes with the most distinct words of the query (the earliest such passage; the
/// terms one typed word becomes in several languages count as that one word), cut
/// at word boundaries, whitespace runs made single spaces, `…` where text was left out; the
/// beginning of `text` if no word matches. Words are found as indexing found them — `analysis`
/// segments and folds `text`, so `Zürich` is marked for `zurich` and Chinese words are marked
/// whole — and marked when their term is one of the query's, or their stem in `language` (the
/// article's) one of its stems; words of phrases and words that a wildcard expands to are
/// marked too. Boolean filter terms are ignored.
///
/// One maker serves one page of hits: the query's words are gathered once, and each word's
/// match is worked out once for all the page's articles in a language (news stories on one
/// subject share most of their words).
class SnippetMaker {
 public:
  SnippetMaker(const Xapian::Query& query, TextAnalysis& analysis);
  ~SnippetMaker();
  SnippetMaker(const SnippetMaker&) = delete;
  SnippetMaker& operator=(const SnippetMaker&) = delete;

  /// `holds_query_word`, if given, is asked, where finding the passage would otherwise mean
  /// analysing the whole of a long text, whether the index holds one of the query's terms for
  /// `text`: if not, the text has no query word (unless a wildcard's), and only the opening that
  /// is then its snippet is analysed (a story found by its headline alone is not segmented
  /// whole to show its first lines).
  Snippet make(std::string_view text, std::string_view language, std::size_t length,
               const std::function<bool()>& holds_query_word = {});

 private:
  /// The snippet of a text without a query word, analysing only the opening that it is.
  Snippet opening(std::string_view text, std::size_t length);
  /// The words of `text` (in `language`) and the query words they match.
  detail::Matches matches(std::string_view text, std::string_view language);

  std::unique_ptr<const detail::QueryWords> words_;
  /// How the query words start, to find where one may be without analysing the text; empty
  /// when that cannot be told.
  std::vector<std::string> starts_;
  TextAnalysis& analysis_;
  /// Language → a word's term → the number of the query word it matches (0 for none).
  std::map<std::string, std::unordered_map<std::string, unsigned>, std::less<>> word_of_term_;
};

}  // namespace newsdex
