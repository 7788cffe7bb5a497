// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/read_context.h"

namespace newsdex::detail {

/// Reads a plain-text article (one per file): the first non-empty line is the headline; short
/// unpunctuated lines before the first body paragraph are captions; a dateline opening the first
/// paragraph is copied to `Article::dateline` and left in the body; trailing boilerplate
/// (copyright, share prompts) is dropped. The id is the file's `id_path`.
void read_text(const ReadContext& context);

/// Length in bytes of the dateline opening `paragraph` (`WASHINGTON, March 3 (Reuters) -`,
/// `Tirana, Albania – | 07 Sept 2022 (Tirana Echo) –`), up to and including its last dash; 0
/// when the paragraph does not open with one. Errs towards 0: a missed dateline costs less than
/// a sentence taken for one.
std::size_t dateline_length(std::string_view paragraph);

/// True for a line of trailing boilerplate: copyright notices, "All rights reserved",
/// "Read more", share prompts.
bool is_boilerplate_line(std::string_view line);

/// Drops trailing boilerplate from `paragraphs`: whole paragraphs, and trailing lines of the
/// last paragraph that remains.
void drop_trailing_boilerplate(std::vector<std::string>& paragraphs);

}  // namespace newsdex::detail
