// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "newsdex/article.h"

namespace newsdex {

/// The language code of text whose language could not be told.
inline constexpr std::string_view kUndeterminedLanguage = "und";

/// The code newsdex stores for a language tag as sources state it: the primary subtag in
/// lower case (`de-AT` → `de`, `zh_Hant` → `zh`, `EN` → `en`), withdrawn codes replaced
/// (`iw` → `he`, `in` → `id`, `ji` → `yi`, `jw` → `jv`); an empty string when `tag` is not a
/// language tag. Thread-safe.
std::string normalize_language_tag(std::string_view tag);

/// The ISO 639-1 code (ISO 639-2 where a language has none) of the language `text` is written
/// in: English when at least one word in eight of twenty or more is one of English's commonest
/// function words (`the`, `of`, `said`…), else as CLD2 tells it; `kUndeterminedLanguage` when
/// CLD2 is not reliably sure or the text has fewer than 40 letters. Traditional and simplified
/// Chinese are both `zh`. `text` must be valid UTF-8 (invalid text is undetermined). Only the first
/// 16 KB are read. Thread-safe.
std::string detect_language(std::string_view text);

/// The language of `article`: the one its source states if that is a language tag, else the
/// one detected from its headline and body.
std::string identify_language(const Article& article);

}  // namespace newsdex
