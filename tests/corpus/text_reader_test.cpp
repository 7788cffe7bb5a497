// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/text_reader.h"

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
using ::testing::Not;
using testing::run_reader;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

TEST(TextReader, ReadsHeadlineCaptionsDatelineAndBody) {
  const std::string bytes =
      slurp(std::filesystem::path(NEWSDEX_TEST_FIXTURES) / "corpus/harbour.txt");
  const auto got =
      run_reader(detail::read_text, bytes,
                 {.source_path = "/data/corpus/harbour.txt", .id_path = "corpus/harbour.txt"});
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_THAT(got.issues, IsEmpty());
  const Article& a = got.articles[0];
  EXPECT_EQ(a.id, "corpus/harbour.txt");
  EXPECT_EQ(a.source_path, "/data/corpus/harbour.txt");
  EXPECT_EQ(a.record, 1u);
  EXPECT_EQ(a.format, "text");
  EXPECT_EQ(a.headline, "Harbour town votes to rebuild its storm-wrecked pier");
  EXPECT_THAT(a.captions,
              ElementsAre("harbour pier council vote storm",
                          "Fishing boats moored beside the broken pier at Port Elwyn (left), "
                          "council chamber (right)"));
  EXPECT_EQ(a.dateline, "Port Elwyn, Westmarch \u2013 | 14 Oct 2023 (Coastal Courier) \u2013");
  // The dateline stays in the body; the copyright and share lines do not.
  EXPECT_EQ(a.body,
            "Port Elwyn, Westmarch \u2013 | 14 Oct 2023 (Coastal Courier) \u2013 The town council "
            "of Port Elwyn voted on Friday to rebuild the pier that a winter storm tore apart last "
            "January.\n\n"
            "The new pier will be twenty metres longer than the old one, said council leader Mara "
            "Quillon, and will have a covered landing for the ferry.\n\n"
            "Work is due to start in spring and to take two years.");
  EXPECT_TRUE(a.byline.empty() && a.date.empty() && a.language.empty() && a.tags.empty());
}

TEST(TextReader, SeedArticle) {
  const std::filesystem::path seed =
      std::filesystem::path(NEWSDEX_SHARED_DIR) / "seeds/000_3c6ba5321dfd73d4.txt";
  if (!std::filesystem::exists(seed)) {
    GTEST_SKIP() << "shared seed article not found at " << seed
                 << " (set NEWSDEX_SHARED_DIR to the shared corpus folder)";
  }
  const auto got =
      run_reader(detail::read_text, slurp(seed),
                 {.source_path = seed.string(), .id_path = "seeds/000_3c6ba5321dfd73d4.txt"});
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_THAT(got.issues, IsEmpty());
  const Article& a = got.articles[0];
  EXPECT_EQ(a.headline,
            "Albania cuts diplomatic ties with Iran following massive terror cyberattack");
  ASSERT_EQ(a.captions.size(), 2u);
  EXPECT_EQ(a.captions[0], "ali khamenei edi rama mek members");
  EXPECT_THAT(a.captions[1], ::testing::StartsWith("Supreme Leader of Iran"));
  EXPECT_EQ(a.dateline, "Tirana, Albania \u2013 | 07 Sept 2022 (Tirana Echo) \u2013");
  EXPECT_THAT(a.body, ::testing::StartsWith(a.dateline + " Albania has officially cut"));
  EXPECT_THAT(a.body, ::testing::EndsWith("territory of the Republic of Albania."));
  EXPECT_THAT(a.body, Not(HasSubstr("Copyright")));
  EXPECT_THAT(a.body, Not(HasSubstr("Supreme Leader of Iran Ali Khamenei (left)")));
}

struct DatelineCase {
  const char* paragraph;
  const char* dateline;
};

class Dateline : public ::testing::TestWithParam<DatelineCase> {};

TEST_P(Dateline, DetectsConservatively) {
  const std::string_view paragraph = GetParam().paragraph;
  EXPECT_EQ(paragraph.substr(0, detail::dateline_length(paragraph)), GetParam().dateline);
}

INSTANTIATE_TEST_SUITE_P(
    Table, Dateline,
    ::testing::Values(
        DatelineCase{"WASHINGTON, March 3 (Reuters) - The Treasury said.",
                     "WASHINGTON, March 3 (Reuters) -"},
        DatelineCase{"NEW YORK (AP) \u2014 Stocks rose.", "NEW YORK (AP) \u2014"},
        DatelineCase{"NEW YORK (AP)\u2014 Stocks rose.", "NEW YORK (AP)\u2014"},
        DatelineCase{"Paris, 7 sept 2022 (AFP) - Le gouvernement a dit.",
                     "Paris, 7 sept 2022 (AFP) -"},
        DatelineCase{"Wien \u2013 Die Regierung hat beschlossen.", "Wien \u2013"},
        DatelineCase{"SALVADOR, Feb 26 -- Showers continued.", "SALVADOR, Feb 26 --"},
        DatelineCase{"\u4E0A\u6D77\uFF08\u65B0\u534E\u793E\uFF09\u2014\u7B2C\u4E8C",
                     "\u4E0A\u6D77\uFF08\u65B0\u534E\u793E\uFF09\u2014"},
        DatelineCase{"\u6771\u4EAC\u30012023\u5E747\u670810\u65E5\uFF08\u5171\u540C\uFF09"
                     "\u2015 \u5927\u96E8\u3002",
                     "\u6771\u4EAC\u30012023\u5E747\u670810\u65E5\uFF08\u5171\u540C\uFF09"
                     "\u2015"},
        DatelineCase{"Rio de Janeiro, Brazil \u2013 | 3 May 2021 (Rio Times) \u2013 Rain fell.",
                     "Rio de Janeiro, Brazil \u2013 | 3 May 2021 (Rio Times) \u2013"},
        // A dash later in the sentence must not make the sentence a dateline.
        DatelineCase{"LONDON - Prices rose 5 percent (on Monday) - the highest in years.",
                     "LONDON -"},
        DatelineCase{"The president said - without notes - that he would stay.", ""},
        DatelineCase{"Albania has cut its ties - the embassy closes.", ""},
        DatelineCase{"\u201CWe are ready,\u201D she said - and left.", ""},
        DatelineCase{"No dash at all in this paragraph.", ""},
        DatelineCase{"well-known writers met in the town hall.", ""}, DatelineCase{"", ""}));

struct BoilerplateCase {
  const char* line;
  bool boilerplate;
};

class Boilerplate : public ::testing::TestWithParam<BoilerplateCase> {};

TEST_P(Boilerplate, RecognisesTrailingJunk) {
  EXPECT_EQ(detail::is_boilerplate_line(GetParam().line), GetParam().boilerplate)
      << GetParam().line;
}

INSTANTIATE_TEST_SUITE_P(
    Table, Boilerplate,
    ::testing::Values(
        BoilerplateCase{"Copyright @2022\u00A0|\u00A0\u00A0All Rights Reserved", true},
        BoilerplateCase{"\u00A9 2023 Example News Ltd", true},
        BoilerplateCase{"(c) 2019 The Daily", true}, BoilerplateCase{"All rights reserved.", true},
        BoilerplateCase{"Read more: Other story", true},
        BoilerplateCase{"Share this article", true}, BoilerplateCase{"Share | Tweet | Email", true},
        BoilerplateCase{"Advertisement", true},
        BoilerplateCase{"He said the rights of all were reserved for later.", false},
        BoilerplateCase{"Shares in the company fell 3 percent.", false},
        BoilerplateCase{"Work is due to start in spring.", false}, BoilerplateCase{"", false}));

TEST(TextReader, BoilerplateOnlyParagraphsAreDropped) {
  std::vector<std::string> paragraphs = {"Body one.", "Body two.\nRead more", "Copyright 2020"};
  detail::drop_trailing_boilerplate(paragraphs);
  EXPECT_THAT(paragraphs, ElementsAre("Body one.", "Body two."));
}

TEST(TextReader, BylineLineAmongCaptions) {
  const auto got = run_reader(detail::read_text,
                              "Bridge reopens\n\nBy Jane Doe and Ali Khan\nThe bridge at dawn\n\n"
                              "The bridge reopened on Monday after repairs.\n");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].byline, "Jane Doe and Ali Khan");
  EXPECT_THAT(got.articles[0].captions, ElementsAre("The bridge at dawn"));
  EXPECT_EQ(got.articles[0].body, "The bridge reopened on Monday after repairs.");
}

TEST(TextReader, PunctuatedCaptionBeforeDateline) {
  const auto got =
      run_reader(detail::read_text,
                 "Ferry returns\n\nThe ferry docks at the pier on Sunday.\n\n"
                 "KIEL, May 2 (Baltic Wire) \u2013 The ferry is back.\n\nMore text.\n");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_THAT(got.articles[0].captions, ElementsAre("The ferry docks at the pier on Sunday."));
  EXPECT_EQ(got.articles[0].dateline, "KIEL, May 2 (Baltic Wire) \u2013");
  EXPECT_EQ(got.articles[0].body,
            "KIEL, May 2 (Baltic Wire) \u2013 The ferry is back.\n\nMore text.");
}

TEST(TextReader, PunctuatedShortParagraphsWithoutDatelineAreBody) {
  const auto got = run_reader(detail::read_text, "Title\n\nShort one.\n\nShort two.\n");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_THAT(got.articles[0].captions, IsEmpty());
  EXPECT_EQ(got.articles[0].body, "Short one.\n\nShort two.");
}

TEST(TextReader, HeadlineOnly) {
  const auto got = run_reader(detail::read_text, "\n\n  Just a headline  \n");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "Just a headline");
  EXPECT_EQ(got.articles[0].body, "");
  EXPECT_THAT(got.articles[0].captions, IsEmpty());
}

TEST(TextReader, ShortLinesAllTheWayDownAreBodyNotCaptions) {
  const auto got = run_reader(detail::read_text, "Shopping list\n\neggs\nmilk\n\nbread\n");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_THAT(got.articles[0].captions, IsEmpty());
  EXPECT_EQ(got.articles[0].body, "eggs\nmilk\n\nbread");
}

TEST(TextReader, SingleLongLineIsBodyNotHeadline) {
  const std::string line(400, 'x');
  const auto got = run_reader(detail::read_text, line);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "");
  EXPECT_EQ(got.articles[0].body, line);
}

TEST(TextReader, CrLfAndBomAreNormalised) {
  const auto got =
      run_reader(detail::read_text, "\xEF\xBB\xBFTitle\r\n\r\nFirst.\r\nSecond line.\r\n");
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "Title");
  EXPECT_EQ(got.articles[0].body, "First.\nSecond line.");
}

TEST(TextReader, InvalidUtf8IsReadAsLatin1WithWarning) {
  const auto got =
      run_reader(detail::read_text, std::string("Caf\xE9 opens\n\nIt opened to\0day.", 29),
                 {.source_path = "in/a.txt", .id_path = "in/a.txt"});
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "Caf\u00E9 opens");
  EXPECT_EQ(got.articles[0].body, "It opened today.");
  EXPECT_THAT(got.descriptions(),
              ElementsAre("in/a.txt:1: warning: invalid UTF-8: 1 byte decoded as Latin-1; 1 "
                          "NUL or control character removed"));
}

TEST(TextReader, TooLargeIsAnError) {
  testing::ReadParams params;
  params.options.max_article_bytes = 10;
  const auto got =
      run_reader(detail::read_text, "Headline\n\nA body longer than ten bytes.", params);
  EXPECT_THAT(got.articles, IsEmpty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].severity, ReadIssue::Severity::error);
  EXPECT_THAT(got.issues[0].message, HasSubstr("max_article_bytes"));
}

TEST(TextReader, ArbitraryBytesNeverCrash) {
  for (unsigned seed = 0; seed < 30; ++seed) {
    const auto got = run_reader(detail::read_text, testing::random_bytes(3000, seed));
    for (const Article& a : got.articles) EXPECT_TRUE(detail::is_valid_utf8(a.body));
  }
}

}  // namespace
}  // namespace newsdex
