// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

#include "corpus/read_context.h"

namespace newsdex::detail {

/// Reads Reuters-21578 SGML: one article per `<REUTERS>` element, with id `reuters-<NEWID>`,
/// headline `<TITLE>`, body `<BODY>` (or the bare text of `<TEXT>` when there is no body) without
/// the closing `Reuter` signature, dateline `<DATELINE>`, byline `<AUTHOR>`, date `<DATE>` and
/// tags from the `<D>` lists of `<TOPICS>`, `<PLACES>`, `<PEOPLE>`, `<ORGS>`, `<EXCHANGES>` and
/// `<COMPANIES>`. Bytes that are not UTF-8 are read as Latin-1, with a warning.
void read_sgml(const ReadContext& context);

/// `text` with SGML/HTML character references decoded (`&lt;`, `&amp;`, `&#3;`, `&#xE9;`);
/// control characters they stand for (the Reuters wire codes) become spaces. Unknown entity
/// names are left as written.
std::string decode_entities(std::string_view text);

}  // namespace newsdex::detail
