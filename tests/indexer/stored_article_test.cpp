// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <stdexcept>

#include "indexer/stored_article.h"

namespace newsdex {
namespace {

StoredArticle full_article() {
  StoredArticle stored;
  stored.article.id = "cut-ties";
  stored.article.headline = "Albania cuts \"diplomatic\" ties with Iran";
  stored.article.body = "Tirana – Albania said…\n\nPrime Minister Edi Rama said {\"not\": [json]}.";
  stored.article.captions = {"Edi Rama in Tirana"};
  stored.article.source = "Tirana Echo";
  stored.article.url = "https://example.org/tirana-echo/cut-ties";
  stored.article.tags = {{"topics", {"politics"}}};
  stored.date = "2022-09-07";
  stored.source = "Tirana Echo";
  return stored;
}

void expect_display_of(const StoredArticle& stored) {
  const std::string data = encode_stored_article(stored);
  const StoredArticle whole = decode_stored_article(data);
  const StoredDisplay display = decode_stored_display(data);
  EXPECT_EQ(display.id, whole.article.id);
  EXPECT_EQ(display.headline, whole.article.headline);
  EXPECT_EQ(display.body, whole.article.body);
  EXPECT_EQ(display.date, whole.date);
  EXPECT_EQ(display.source, whole.source);
  EXPECT_EQ(display.url, whole.article.url);
}

TEST(StoredDisplay, ReadsTheFieldsAWholeDecodeReads) {
  const StoredArticle stored = full_article();
  expect_display_of(stored);
  const StoredDisplay display = decode_stored_display(encode_stored_article(stored));
  EXPECT_EQ(display.headline, stored.article.headline);
  EXPECT_EQ(display.body, stored.article.body);
  EXPECT_EQ(display.date, "2022-09-07");
}

TEST(StoredArticle, HoldsTheArticleItsDateAndSourceAndNothingElse) {
  const StoredArticle stored = full_article();
  const StoredArticle decoded = decode_stored_article(encode_stored_article(stored));
  EXPECT_EQ(decoded.article.captions, stored.article.captions);
  EXPECT_EQ(decoded.article.tags, stored.article.tags);
  EXPECT_EQ(decoded.date, stored.date);
  EXPECT_EQ(decoded.source, stored.source);
  // Places, people and organisations are in the document's terms, not stored a second time.
  EXPECT_EQ(encode_stored_article(stored).find("extracted"), std::string::npos);
}

TEST(StoredArticle, ReadsTheArticlesOfDatabasesThatStoredTheExtractedEntities) {
  // Schema 5 databases written before newsdex stopped storing them.
  const std::string data =
      R"({"id": "a1", "headline": "Rama in Tirana", "date": "2022-09-07", "extracted": )"
      R"({"countries": ["AL"], "people": [{"name": "Edi Rama", "mentions": [["headline", 0, 4]]}]}})";
  EXPECT_EQ(decode_stored_article(data).article.headline, "Rama in Tirana");
  EXPECT_EQ(decode_stored_article(data).date, "2022-09-07");
  EXPECT_EQ(decode_stored_display(data).headline, "Rama in Tirana");
}

TEST(StoredDisplay, LeavesMissingFieldsEmpty) {
  StoredArticle bare;
  bare.article.id = "bare";
  expect_display_of(bare);
  const StoredDisplay display = decode_stored_display(encode_stored_article(bare));
  EXPECT_EQ(display.date, std::nullopt);
  EXPECT_EQ(display.source, "");
}

TEST(StoredDisplay, UnescapesStringsAndIgnoresValuesOfOtherTypes) {
  const StoredDisplay display = decode_stored_display(
      R"({"body": "Caf\u00e9 \"owners\"\nprotest", "date": 20220907, "id": "c1", "x": [1, {"id": 2}]})");
  EXPECT_EQ(display.id, "c1");
  EXPECT_EQ(display.body, "Café \"owners\"\nprotest");
  EXPECT_EQ(display.date, std::nullopt);
}

TEST(StoredDisplay, RefusesDataThatIsNoStoredArticle) {
  for (const char* data : {"", "not json", "[\"id\"]", "{\"headline\": \"no id\"}", "{\"id\": ",
                           // An id inside the extracted places is not the article's.
                           "{\"extracted\": {\"places\": [{\"id\": \"3183875\"}]}}"}) {
    EXPECT_THROW(decode_stored_display(data), std::runtime_error) << data;
  }
}

TEST(StoredArticleValue, HoldsTheDataItWasGiven) {
  const std::string data = "{\"id\": \"a1\", \"body\": \"" + std::string(5000, 'x') + "\"}";
  const std::string value = compress_stored_article(data);
  EXPECT_LT(value.size(), data.size() / 10);
  EXPECT_EQ(decompress_stored_article(value), data);
  EXPECT_EQ(decompress_stored_article(compress_stored_article("")), "");
  EXPECT_EQ(decode_stored_article(decompress_stored_article(compress_stored_article(
                                      encode_stored_article(full_article()))))
                .article.body,
            full_article().article.body);
}

TEST(StoredArticleValue, RefusesAValueThatIsNoneOrDamaged) {
  const std::string value = compress_stored_article(encode_stored_article(full_article()));
  std::string flipped = value;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x55);
  for (const std::string& bad : {std::string(), std::string("{\"id\": \"plain json\"}"),
                                 value.substr(0, value.size() - 3), value.substr(0, 4), flipped}) {
    EXPECT_THROW(decompress_stored_article(bad), std::runtime_error) << bad.size();
  }
}

}  // namespace
}  // namespace newsdex
