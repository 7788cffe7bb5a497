// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/stored_article.h"

#include <simdjson.h>
#include <zstd.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace newsdex {

namespace {

using nlohmann::json;

// Empty fields are left out: most articles lack several, and the data is stored per document.
void put(json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

std::string take(const json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Stored articles are compressed here, not by Xapian: a value slot is stored as given, where
// document data is deflated by zlib on every write and inflated on every read. zstd at level 1
// compresses Reuters-21578's articles about as well (883 bytes on average against 826, when
// they also held the extracted entities) in a quarter of deflate's time (9.6 against 37 µs an
// article), and decompresses them in less than half of inflate's (3.7 against 8.7 µs), which
// a page of ten hits pays ten times. Level -3 made the database 10% bigger and a load no
// faster beyond the noise; leaving out the checksum made no difference either.
constexpr int kCompressionLevel = 1;
// Far above any article a reader passes on: a damaged frame cannot claim more.
constexpr unsigned long long kLargestStoredArticle = 1ULL << 30;

struct FreeCompressor {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};
struct FreeDecompressor {
  void operator()(ZSTD_DCtx* context) const { ZSTD_freeDCtx(context); }
};

}  // namespace

std::string compress_stored_article(std::string_view data) {
  // A context keeps its tables from one article to the next; one per thread. Each value ends
  // in a checksum of its data, so that a damaged one is refused, not read as other text.
  thread_local const std::unique_ptr<ZSTD_CCtx, FreeCompressor> context = [] {
    std::unique_ptr<ZSTD_CCtx, FreeCompressor> made(ZSTD_createCCtx());
    ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kCompressionLevel);
    ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1);
    return made;
  }();
  std::string value(ZSTD_compressBound(data.size()), '\0');
  const std::size_t size =
      ZSTD_compress2(context.get(), value.data(), value.size(), data.data(), data.size());
  if (ZSTD_isError(size)) {
    throw std::runtime_error(std::string("cannot compress an article: ") + ZSTD_getErrorName(size));
  }
  value.resize(size);
  return value;
}

std::string decompress_stored_article(std::string_view value) {
  const unsigned long long size = ZSTD_getFrameContentSize(value.data(), value.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > kLargestStoredArticle) {
    throw std::runtime_error("stored value is not a newsdex article");
  }
  thread_local const std::unique_ptr<ZSTD_DCtx, FreeDecompressor> context(ZSTD_createDCtx());
  std::string data(static_cast<std::size_t>(size), '\0');
  const std::size_t written =
      ZSTD_decompressDCtx(context.get(), data.data(), data.size(), value.data(), value.size());
  if (ZSTD_isError(written) || written != data.size()) {
    throw std::runtime_error("stored article is damaged: it does not decompress");
  }
  return data;
}

std::string encode_stored_article(const StoredArticle& stored) {
  const Article& a = stored.article;
  json object = json::object();
  object["id"] = a.id;
  put(object, "path", a.source_path);
  if (a.record != 0) object["record"] = a.record;
  put(object, "format", a.format);
  put(object, "headline", a.headline);
  put(object, "body", a.body);
  if (!a.captions.empty()) object["captions"] = a.captions;
  put(object, "dateline", a.dateline);
  put(object, "byline", a.byline);
  put(object, "source", a.source);
  put(object, "stated_date", a.date);
  put(object, "language", a.language);
  put(object, "url", a.url);
  if (!a.tags.empty()) object["tags"] = a.tags;
  if (stored.date) object["date"] = *stored.date;
  put(object, "newsdex_source", stored.source);
  // Readers guarantee valid UTF-8, so dump() cannot throw on encoding; replace defensively.
  return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

StoredArticle decode_stored_article(std::string_view data) {
  json object = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object() || !object.contains("id")) {
    throw std::runtime_error("stored data is not a newsdex article");
  }
  StoredArticle stored;
  Article& a = stored.article;
  a.id = take(object, "id");
  a.source_path = take(object, "path");
  if (auto it = object.find("record"); it != object.end() && it->is_number_unsigned()) {
    a.record = it->get<std::uint64_t>();
  }
  a.format = take(object, "format");
  a.headline = take(object, "headline");
  a.body = take(object, "body");
  if (auto it = object.find("captions"); it != object.end() && it->is_array()) {
    a.captions = it->get<std::vector<std::string>>();
  }
  a.dateline = take(object, "dateline");
  a.byline = take(object, "byline");
  a.source = take(object, "source");
  a.date = take(object, "stated_date");
  a.language = take(object, "language");
  a.url = take(object, "url");
  if (auto it = object.find("tags"); it != object.end() && it->is_object()) {
    a.tags = it->get<std::map<std::string, std::vector<std::string>>>();
  }
  if (std::string date = take(object, "date"); !date.empty()) stored.date = date;
  stored.source = take(object, "newsdex_source");
  return stored;
}

StoredDisplay decode_stored_display(std::string_view data) {
  // simdjson's on-demand parser reads the few top-level strings a hit shows and skips the
  // rest (captions, tags, and the extracted places, people and mentions that databases of
  // schema 5 hold) without parsing them: 0.9 µs per Reuters-21578 article against 10.6 µs
  // for nlohmann's SAX parser, over the whole archive, when those were stored.
  // Its parser keeps buffers between documents; one per thread.
  thread_local simdjson::ondemand::parser parser;
  StoredDisplay display;
  bool has_id = false;
  try {
    const simdjson::padded_string padded(data);
    simdjson::ondemand::document document = parser.iterate(padded);
    for (simdjson::ondemand::field field : document.get_object()) {
      const std::string_view key = field.unescaped_key();
      if (key == "id") has_id = true;
      std::string* target = key == "id"               ? &display.id
                            : key == "headline"       ? &display.headline
                            : key == "body"           ? &display.body
                            : key == "newsdex_source" ? &display.source
                            : key == "url"            ? &display.url
                                                      : nullptr;
      std::string_view text;
      if (target != nullptr) {
        if (field.value().get_string().get(text) == simdjson::SUCCESS) *target = text;
      } else if (key == "date") {
        if (field.value().get_string().get(text) == simdjson::SUCCESS && !text.empty()) {
          display.date = std::string(text);
        }
      }
    }
  } catch (const simdjson::simdjson_error&) {
    has_id = false;
  }
  if (!has_id) throw std::runtime_error("stored data is not a newsdex article");
  return display;
}

}  // namespace newsdex
