// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "corpus/utf8.h"
#include "corpus_test_util.h"

namespace newsdex {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using testing::run_reader;

const testing::ReadParams kFeed{.source_path = "/in/feed.jsonl", .id_path = "in/feed.jsonl"};

TEST(JsonlReader, ReadsUsualKeys) {
  const auto got =
      run_reader(detail::read_jsonl, testing::read_fixture("corpus/wire.jsonl"), kFeed);
  EXPECT_THAT(got.issues, IsEmpty());
  ASSERT_EQ(got.articles.size(), 2u);

  const Article& a = got.articles[0];
  EXPECT_EQ(a.id, "cw-001");
  EXPECT_EQ(a.source_path, "/in/feed.jsonl");
  EXPECT_EQ(a.record, 1u);
  EXPECT_EQ(a.format, "jsonl");
  EXPECT_EQ(a.headline, "Glassworks reopens after forty years");
  EXPECT_EQ(a.body,
            "The old glassworks in Lindholm opened its doors again on Monday.\n\n"
            "Its new owners plan to blow glass there once more.");
  EXPECT_EQ(a.date, "2023-05-02T09:30:00Z");
  EXPECT_EQ(a.url, "https://example.org/glassworks");
  EXPECT_EQ(a.source, "Example Wire");
  EXPECT_EQ(a.byline, "Ines Varga, Tom Bell");
  EXPECT_EQ(a.language, "en");
  EXPECT_THAT(a.tags, ElementsAre(Pair("keywords", ElementsAre("industry", "heritage"))));

  // The second record is on line 3 (line 2 is blank) and uses the other usual keys.
  const Article& b = got.articles[1];
  EXPECT_EQ(b.record, 3u);
  EXPECT_EQ(b.id, "https://example.org/ferry");
  EXPECT_EQ(b.headline, "River ferry service extended");
  EXPECT_EQ(b.body, "Ferries will run until midnight from June.");
  EXPECT_EQ(b.date, "2023-05-03");
  EXPECT_EQ(b.source, "Valley Post");
  EXPECT_EQ(b.byline, "Ana Ruiz");
  EXPECT_EQ(b.language, "en-GB");
  EXPECT_THAT(b.tags, ElementsAre(Pair("categories", ElementsAre("transport", "local"))));
}

TEST(JsonlReader, ObjectsArraysAndNumbers) {
  const auto got = run_reader(
      detail::read_jsonl,
      R"({"guid": 42, "headline": "H", "content": ["P1", "P2"], "publishedAt": 1700000000,)"
      R"( "publisher": {"name": "Pub", "url": "x"}, "authors": [{"name": "A"}, "B"],)"
      R"( "inLanguage": "de", "dateline": "BERLIN, May 2 -", "subtitle": "A standfirst",)"
      R"( "people": ["Ann", " ", "Bo"], "scores": [1, 2], "misc": {"k": ["v"]}})",
      kFeed);
  ASSERT_EQ(got.articles.size(), 1u);
  const Article& a = got.articles[0];
  EXPECT_EQ(a.id, "42");
  EXPECT_EQ(a.body, "P1\n\nP2");
  EXPECT_EQ(a.date, "1700000000");
  EXPECT_EQ(a.source, "Pub");
  EXPECT_EQ(a.byline, "A, B");
  EXPECT_EQ(a.language, "de");
  EXPECT_EQ(a.dateline, "BERLIN, May 2 -");
  EXPECT_THAT(a.captions, ElementsAre("A standfirst"));
  EXPECT_THAT(a.tags, ElementsAre(Pair("people", ElementsAre("Ann", "Bo"))));
}

TEST(JsonlReader, JsonFieldsOverrideTheUsualKeys) {
  testing::ReadParams params = kFeed;
  params.options.json_fields = {{"headline", "story_title"}, {"body", "story"}, {"id", "ref"}};
  const auto got = run_reader(
      detail::read_jsonl,
      R"({"title": "ignored", "story_title": "Chosen", "story": "S", "ref": "r1"})", params);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "Chosen");
  EXPECT_EQ(got.articles[0].body, "S");
  EXPECT_EQ(got.articles[0].id, "r1");
}

TEST(JsonlReader, MalformedLineBetweenGoodOnes) {
  const auto got = run_reader(detail::read_jsonl,
                              "{\"title\": \"one\"}\n"
                              "{\"title\": \"two\", \n"
                              "{\"title\": \"three\"}\n",
                              kFeed);
  ASSERT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.articles[0].headline, "one");
  EXPECT_EQ(got.articles[1].headline, "three");
  EXPECT_EQ(got.articles[1].record, 3u);
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].severity, ReadIssue::Severity::error);
  EXPECT_EQ(got.issues[0].record, 2u);
  EXPECT_THAT(got.issues[0].describe(),
              ::testing::StartsWith("/in/feed.jsonl:2: error: malformed JSON"));
}

TEST(JsonlReader, MalformedJsonMessageIsValidUtf8) {
  // nlohmann quotes what it read up to the error: here the first byte of `é` alone.
  const auto got =
      run_reader(detail::read_jsonl, "{\"id\": \"x1\", \"title\": \xC3\xA9t\xC3\xA9}\n", kFeed);
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_THAT(got.issues[0].message, ::testing::StartsWith("malformed JSON at byte 23: "));
  EXPECT_TRUE(detail::is_valid_utf8(got.issues[0].message)) << got.issues[0].message;
}

TEST(JsonlReader, IdFallsBackToPathAndLine) {
  const auto got = run_reader(detail::read_jsonl, "\n{\"title\": \"x\"}\n", kFeed);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].id, "in/feed.jsonl#2");
}

TEST(JsonlReader, BadRecordsAreErrorsWithLineNumbers) {
  testing::ReadParams params = kFeed;
  params.options.max_article_bytes = 60;
  const auto got = run_reader(detail::read_jsonl,
                              "[1, 2]\n"
                              "{\"misc\": 1}\n"
                              "{\"title\": \"far too long for the limit set in this test case\"}\n"
                              "{\"n\": 1e999}\n"
                              "{\"title\": \"ok\"}\r\n",
                              params);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].record, 5u);
  EXPECT_EQ(got.articles[0].headline, "ok");
  ASSERT_EQ(got.issues.size(), 4u);
  EXPECT_THAT(got.issues[0].message, HasSubstr("not a JSON object"));
  EXPECT_THAT(got.issues[1].message, HasSubstr("neither a headline nor a body"));
  EXPECT_THAT(got.issues[2].message, HasSubstr("max_article_bytes"));
  EXPECT_EQ(got.issues[3].record, 4u);
  for (const ReadIssue& issue : got.issues) EXPECT_EQ(issue.severity, ReadIssue::Severity::error);
}

TEST(JsonlReader, InvalidUtf8IsRepairedWithWarning) {
  const auto got =
      run_reader(detail::read_jsonl,
                 "{\"title\": \"a\"}\n{\"title\": \"caf\xE9\", \"body\": \"b\\u0000c\"}\n", kFeed);
  ASSERT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.articles[1].headline, "caf\uFFFD");
  EXPECT_EQ(got.articles[1].body, "bc");
  EXPECT_THAT(
      got.descriptions(),
      ElementsAre("/in/feed.jsonl:2: warning: invalid UTF-8: 1 sequence replaced by U+FFFD"));
}

TEST(JsonlReader, TruncatedInputDropsTheCutLine) {
  testing::ReadParams params = kFeed;
  params.truncated = true;
  const auto got = run_reader(detail::read_jsonl, "{\"title\": \"a\"}\n{\"title\": \"b", params);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_THAT(got.issues, IsEmpty());
}

TEST(JsonlReader, DeepNestingAndJunkNeverCrash) {
  const std::string deep =
      "{\"title\": \"x\", \"d\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(run_reader(detail::read_jsonl, deep).articles.size(), 1u);
  // Nesting under the keys that are read, too.
  const std::string nested = std::string(100000, '[') + std::string(100000, ']');
  const std::string deep_fields = "{\"title\": \"x\", \"summary\": " + nested +
                                  ", \"author\": " + nested + ", \"source\": {\"name\": " + nested +
                                  "}, \"tags\": " + nested + "}";
  EXPECT_EQ(run_reader(detail::read_jsonl, deep_fields).articles.size(), 1u);
  for (unsigned seed = 0; seed < 20; ++seed) {
    const auto got = run_reader(detail::read_jsonl, testing::random_bytes(5000, seed));
    EXPECT_THAT(got.articles, IsEmpty());
  }
}

}  // namespace
}  // namespace newsdex
