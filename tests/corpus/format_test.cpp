// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/format.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "corpus_test_util.h"
#include "newsdex/reader.h"

namespace newsdex {
namespace {

TEST(FormatNames, RoundTrip) {
  for (Format format :
       {Format::automatic, Format::text, Format::jsonl, Format::sgml, Format::html}) {
    EXPECT_EQ(parse_format(to_string(format)), format) << to_string(format);
  }
  EXPECT_EQ(to_string(Format::automatic), "auto");
  EXPECT_EQ(to_string(Format::jsonl), "jsonl");
  EXPECT_EQ(parse_format("xml"), std::nullopt);
  EXPECT_EQ(parse_format("TEXT"), std::nullopt);
  EXPECT_EQ(parse_format(""), std::nullopt);
}

TEST(ReadIssueDescribe, WithAndWithoutRecord) {
  const ReadIssue warning{.severity = ReadIssue::Severity::warning,
                          .file = "a/b.jsonl",
                          .record = 12,
                          .message = "invalid UTF-8"};
  EXPECT_EQ(warning.describe(), "a/b.jsonl:12: warning: invalid UTF-8");
  const ReadIssue error{.severity = ReadIssue::Severity::error,
                        .file = "x.tar.gz!m/a.txt",
                        .record = 0,
                        .message = "damaged"};
  EXPECT_EQ(error.describe(), "x.tar.gz!m/a.txt: error: damaged");
}

struct DetectCase {
  const char* name;
  std::string bytes;
  std::optional<Format> expected;
};

class DetectFormat : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectFormat, ByNameThenContent) {
  const DetectCase& c = GetParam();
  EXPECT_EQ(detail::detect_format(c.name, c.bytes), c.expected) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Table, DetectFormat,
    ::testing::Values(
        DetectCase{"a/story.txt", "Headline\n\nBody.", Format::text},
        DetectCase{"STORY.TXT", "Headline", Format::text},
        DetectCase{"feed.jsonl", "{}", Format::jsonl},
        DetectCase{"feed.ndjson", "{}", Format::jsonl},
        DetectCase{"x.tar.gz!reut2-000.sgm", "whatever", Format::sgml},
        DetectCase{"page.HTM", "hello", Format::html},
        DetectCase{"page.xhtml", "hello", Format::html},
        // Unknown or missing extensions: the first bytes decide.
        DetectCase{"reut2-000.dat", "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS NEWID=\"1\">",
                   Format::sgml},
        DetectCase{"SOURCE.md", "Each record is a `<REUTERS NEWID=...>` element.\n", Format::text},
        DetectCase{"index", "\n  <!doctype html><html><body>x</body></html>", Format::html},
        DetectCase{"page.php", "<?xml version=\"1.0\"?>\n<html lang=\"de\">", Format::html},
        DetectCase{"dump", "{\"title\": \"a\"}\n{\"title\": \"b\"}\n", Format::jsonl},
        DetectCase{"dump", "\xEF\xBB\xBF{\"title\": \"a\"}\n", Format::jsonl},
        DetectCase{"notes", "{not json, just a brace}\nand prose", Format::text},
        DetectCase{"README", "Some prose about the archive.\n", Format::text},
        DetectCase{"latin1",
                   "Le caf\xE9 du port a rouvert ses portes lundi matin, avec une cr\xE8me "
                   "br\xFBl\xE9\x65 offerte aux premiers clients du quartier.",
                   Format::text},
        DetectCase{"blob.bin", newsdex::testing::random_bytes(4096), std::nullopt},
        // A .txt name does not make binary data text.
        DetectCase{"junk.txt", newsdex::testing::random_bytes(4096, 7), std::nullopt},
        DetectCase{"zeros", std::string(1000, '\0'), std::nullopt}));

}  // namespace
}  // namespace newsdex
