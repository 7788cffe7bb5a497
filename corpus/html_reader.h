// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "corpus/read_context.h"

namespace newsdex::detail {

/// Reads one HTML article page (parsed with gumbo). Metadata comes from schema.org JSON-LD
/// (`NewsArticle` and kin, also inside arrays and `@graph`), then Open Graph and `article:` meta
/// tags, then microdata and plain markup (`<h1>`, `<title>`, `<time datetime>`, `<html lang>`).
/// The body is the text of the `<article>` (else `[itemprop=articleBody]`, `<main>`, `<body>`)
/// without navigation, headers, footers, asides, forms, scripts, share/related/newsletter/cookie
/// boxes and ads; figure captions go to `Article::captions`. A page that declares a legacy
/// charset and is not UTF-8 is converted with ICU. The id is the file's `id_path`.
void read_html(const ReadContext& context);

}  // namespace newsdex::detail
