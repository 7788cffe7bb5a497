// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "newsdex/article.h"

namespace newsdex {

/// What a document's article slot holds: the article as read, plus the two fields of it that
/// newsdex works out and shows with every hit. The rest of what it works out (places, people,
/// organisations) is in the document's terms and values; `extract_metadata` gives it again,
/// with the mentions, from the article.
struct StoredArticle {
  Article article;
  std::optional<std::string> date;  ///< publication date, `YYYY-MM-DD`
  std::string source;               ///< agency or publisher, stated or from the dateline
};

/// The stored form of `stored`: a JSON object (see docs/SCHEMA.md).
std::string encode_stored_article(const StoredArticle& stored);

/// The inverse of `encode_stored_article`. Throws `std::runtime_error` for data that is not a
/// stored article (a database written by something else).
StoredArticle decode_stored_article(std::string_view data);

/// The value of the article slot (`schema::kArticleSlot`) for an article's data: compressed by
/// zstd.
std::string compress_stored_article(std::string_view data);

/// The data an article slot's value holds. Throws `std::runtime_error` for a value that is not
/// one (damaged, or written by something else).
std::string decompress_stored_article(std::string_view value);

/// What a search hit shows of a stored article.
struct StoredDisplay {
  std::string id;
  std::string headline;
  std::string body;
  std::optional<std::string> date;  ///< as `StoredArticle::date`
  std::string source;               ///< as `StoredArticle::source`
  std::string url;                  ///< as `Article::url`
};

/// The fields of `StoredDisplay`, equal to those `decode_stored_article` reads, without
/// building the rest: a page of hits reads ten. Throws `std::runtime_error` for data that is not a
/// stored article.
StoredDisplay decode_stored_display(std::string_view data);

}  // namespace newsdex
