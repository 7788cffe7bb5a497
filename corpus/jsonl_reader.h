// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "corpus/read_context.h"

namespace newsdex::detail {

/// Reads JSON Lines, one article object per line (blank lines skipped). Fields come from the
/// usual keys (`title`/`headline`, `body`/`text`/`content`/`articleBody`, `date`/`published`/...,
/// `url`/`link`, `id`/`guid`/`identifier`, `source`/`publisher`, `author`/`byline`/`authors`,
/// `lang`/..., `dateline`) after any key `ReadOptions::json_fields` names; other keys holding an
/// array of strings become `Article::tags`. The id is the record's `id`/`guid`, else its URL, else
/// `<id_path>#<line>`. A malformed line is an error for that line; the others are read.
void read_jsonl(const ReadContext& context);

}  // namespace newsdex::detail
