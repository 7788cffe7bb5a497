// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/sgml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "corpus_test_util.h"

namespace newsdex {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Pair;
using testing::run_reader;

const testing::ReadParams kFile{.source_path = "wire/sample.sgm", .id_path = "wire/sample.sgm"};

std::string fixture() { return testing::read_fixture("corpus/wire/sample.sgm"); }

// A minimal record around `text` (the content of <TEXT>).
std::string record(int new_id, const std::string& text) {
  return "<REUTERS NEWID=\"" + std::to_string(new_id) + "\">\n<DATE>1-APR-1987</DATE>\n<TEXT>" +
         text + "</TEXT>\n</REUTERS>\n";
}

TEST(SgmlReader, ReadsEveryField) {
  const auto got = run_reader(detail::read_sgml, fixture(), kFile);
  EXPECT_THAT(got.issues, IsEmpty());
  ASSERT_EQ(got.articles.size(), 3u);
  const Article& a = got.articles[0];
  EXPECT_EQ(a.id, "reuters-900001");
  EXPECT_EQ(a.source_path, "wire/sample.sgm");
  EXPECT_EQ(a.record, 1u);
  EXPECT_EQ(a.format, "sgml");
  EXPECT_EQ(a.headline, "RURITANIA RAISES WHEAT <EXPORT> QUOTA");
  EXPECT_EQ(a.dateline, "STRELSAU, March 2 -");
  EXPECT_EQ(a.byline, "By Jan Kettle, Reuters");
  EXPECT_EQ(a.date, "2-MAR-1987 10:15:00.00");
  EXPECT_EQ(a.source, "Reuters");
  EXPECT_EQ(a.language, "");
  // Wrapped lines re-joined, indented lines start paragraphs, the signature is gone.
  EXPECT_EQ(a.body,
            "Ruritania raised its wheat export quota by 10 pct to 1.2 mln tonnes, the farm "
            "ministry said.\n\n"
            "The ministry said stocks were ample after a good harvest & mild winter.");
  EXPECT_THAT(a.tags, ElementsAre(Pair("orgs", ElementsAre("fao")),
                                  Pair("places", ElementsAre("ruritania")),
                                  Pair("topics", ElementsAre("grain", "wheat"))));
}

TEST(SgmlReader, BriefAndUnprocessedStoriesAreArticlesToo) {
  const auto got = run_reader(detail::read_sgml, fixture(), kFile);
  ASSERT_EQ(got.articles.size(), 3u);
  const Article& brief = got.articles[1];
  EXPECT_EQ(brief.id, "reuters-900002");
  EXPECT_EQ(brief.record, 2u);
  EXPECT_EQ(brief.headline, "STRELSAU BOURSE CLOSES EARLY");
  EXPECT_EQ(brief.body, "");
  EXPECT_TRUE(brief.tags.empty());
  const Article& unproc = got.articles[2];
  EXPECT_EQ(unproc.id, "reuters-900003");
  EXPECT_EQ(unproc.headline, "");
  EXPECT_EQ(unproc.body,
            "RURITANIA CENTRAL BANK WEEKLY RETURN - MARCH 2\n\n"
            "Gold reserves........1,204 vs.....1,198\n\n"
            "Notes in issue.......8,310 vs.....8,275");
}

TEST(SgmlReader, Latin1BytesAreDecodedWithWarning) {
  const auto got =
      run_reader(detail::read_sgml,
                 record(1, "<TITLE>A</TITLE><BODY>ok</BODY>") +
                     record(2, "<TITLE>M\xFCNCHEN</TITLE><BODY>growth.\xFC&#5;&#30;</BODY>"),
                 kFile);
  ASSERT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.articles[1].headline, "M\u00FCNCHEN");
  EXPECT_EQ(got.articles[1].body, "growth.\u00FC");
  EXPECT_THAT(got.descriptions(),
              ElementsAre("wire/sample.sgm:2: warning: invalid UTF-8: 2 bytes decoded as Latin-1"));
}

TEST(SgmlReader, MissingEndTagAndMissingNewId) {
  const auto got = run_reader(
      detail::read_sgml,
      "<REUTERS><TEXT><TITLE>First</TITLE></TEXT>\n" + record(7, "<TITLE>Second</TITLE>"), kFile);
  ASSERT_EQ(got.articles.size(), 2u);
  EXPECT_EQ(got.articles[0].id, "wire/sample.sgm#1");
  EXPECT_EQ(got.articles[0].headline, "First");
  EXPECT_EQ(got.articles[1].id, "reuters-7");
  EXPECT_THAT(got.descriptions(),
              ElementsAre("wire/sample.sgm:1: warning: <REUTERS> element without its end tag"));
}

TEST(SgmlReader, TruncatedInputDropsTheCutRecord) {
  testing::ReadParams params = kFile;
  params.truncated = true;
  const auto got =
      run_reader(detail::read_sgml,
                 record(1, "<TITLE>Whole</TITLE>") + "<REUTERS NEWID=\"2\"><TEXT><TI", params);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_THAT(got.issues, IsEmpty());
}

TEST(SgmlReader, NoRecordsIsAnError) {
  const auto got = run_reader(detail::read_sgml, "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n", kFile);
  EXPECT_THAT(got.articles, IsEmpty());
  EXPECT_THAT(got.descriptions(),
              ElementsAre("wire/sample.sgm: error: no <REUTERS> records found"));
}

TEST(SgmlReader, TooLargeRecordIsSkipped) {
  testing::ReadParams params = kFile;
  params.options.max_article_bytes = 100;
  const auto got = run_reader(
      detail::read_sgml,
      record(1, "<BODY>" + std::string(200, 'x') + "</BODY>") + record(2, "<TITLE>Fits</TITLE>"),
      params);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].id, "reuters-2");
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].record, 1u);
}

TEST(SgmlReader, JunkNeverCrashes) {
  for (unsigned seed = 0; seed < 20; ++seed) {
    std::string junk = testing::random_bytes(3000, seed);
    junk.insert(1000, "<REUTERS NEWID=\"1\"><TEXT><BODY>&#");
    junk.insert(2500, "<TITLE>");
    run_reader(detail::read_sgml, junk, kFile);
  }
  run_reader(detail::read_sgml, "<REUTERS", kFile);
  run_reader(detail::read_sgml, "<REUTERS NEWID=\"", kFile);
  run_reader(detail::read_sgml, "<REUTERS><D><D></REUTERS>", kFile);
}

struct EntityCase {
  const char* input;
  const char* expected;
};

class DecodeEntities : public ::testing::TestWithParam<EntityCase> {};

TEST_P(DecodeEntities, Table) {
  EXPECT_EQ(detail::decode_entities(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DecodeEntities,
    ::testing::Values(EntityCase{"a &lt;b&gt; &amp; c", "a <b> & c"},
                      EntityCase{"&quot;q&quot; &apos;", "\"q\" '"},
                      EntityCase{"x&#3;y&#2;", "x y "},
                      EntityCase{"&#233;&#xE9;&#XE9;", "\u00E9\u00E9\u00E9"},
                      EntityCase{"&#0;&#x110000;", " \uFFFD"},
                      EntityCase{"AT&T; &unknown; & &; &#;", "AT&T; &unknown; & &; &#;"},
                      EntityCase{"&#99999999999999999999;", "&#99999999999999999999;"}));

}  // namespace
}  // namespace newsdex
