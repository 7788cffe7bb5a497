// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <cstddef>
#include <string_view>

#include "analyzers/text_analysis.h"
#include "newsdex/search.h"

namespace newsdex {

/// The passage of `text` of about `length` bytes with the most distinct words of `query` (the
/// earliest such passage), cut at word boundaries, whitespace runs made single spaces, `…`
/// where text was left out; the beginning of `text` if no word matches. Words are found as
/// indexing found them — `analysis` segments and folds `text`, so `Zürich` is marked for
/// `zurich` and Chinese words are marked whole — and marked when their term is one of the
/// query's, or their stem in `language` (the article's) one of its stems; words of phrases
/// and words that a wildcard expands to are marked too. Boolean filter terms are ignored.
Snippet make_snippet(const Xapian::Query& query, std::string_view text, std::string_view language,
                     std::size_t length, TextAnalysis& analysis);

}  // namespace newsdex
