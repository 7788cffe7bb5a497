// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/html_reader.h"

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

const testing::ReadParams kPage{.source_path = "site/page.html", .id_path = "site/page.html"};

std::string fixture() { return testing::read_fixture("corpus/museum.html"); }

Article read_one(const std::string& html) {
  const auto got = run_reader(detail::read_html, html, kPage);
  EXPECT_EQ(got.articles.size(), 1u) << ::testing::PrintToString(got.descriptions());
  return got.articles.empty() ? Article{} : got.articles[0];
}

TEST(HtmlReader, ReadsMetadataAndCleanBody) {
  const auto got = run_reader(detail::read_html, fixture(), kPage);
  EXPECT_THAT(got.issues, IsEmpty());
  ASSERT_EQ(got.articles.size(), 1u);
  const Article& a = got.articles[0];
  EXPECT_EQ(a.id, "site/page.html");
  EXPECT_EQ(a.source_path, "site/page.html");
  EXPECT_EQ(a.format, "html");
  EXPECT_EQ(a.record, 1u);
  EXPECT_EQ(a.headline, "Museum finds lost 1790 map in its own cellar");
  EXPECT_EQ(a.date, "2023-06-01T08:00:00+02:00");
  EXPECT_EQ(a.byline, "Pia Holm");
  EXPECT_EQ(a.language, "en-GB");
  EXPECT_EQ(a.url, "https://gazette.example/2023/06/01/museum-map");
  EXPECT_EQ(a.source, "Lindholm Gazette");
  EXPECT_EQ(a.dateline, "LINDHOLM, June 1 \u2013");
  EXPECT_THAT(a.captions, ElementsAre("The map, drawn in 1790, shows the old harbour."));
  EXPECT_THAT(a.tags, ElementsAre(Pair("keywords", ElementsAre("maps", "history")),
                                  Pair("section", ElementsAre("Culture"))));
  EXPECT_EQ(a.body,
            "LINDHOLM, June 1 \u2013 A map thought lost for a century turned up in a box in the "
            "town museum's cellar.\n\n"
            "Curator Olaf Brenn said the map was in \"remarkably good\" condition.\n\n"
            "It goes on show next month.");
}

TEST(HtmlReader, FallsBackFromJsonLdToMetaToMarkup) {
  const Article og = read_one(
      "<html><head><meta property=\"og:title\" content=\"OG title\">"
      "<meta property=\"og:site_name\" content=\"Site\"><title>T</title></head>"
      "<body><h1>H1</h1><time datetime=\"2020-01-02\">2 Jan</time><p>Text.</p></body></html>");
  EXPECT_EQ(og.headline, "OG title");
  EXPECT_EQ(og.date, "2020-01-02");
  EXPECT_EQ(og.source, "Site");
  EXPECT_EQ(og.body, "H1\n\n2 Jan\n\nText.");

  const Article h1 = read_one(
      "<html><head><title>T</title><link rel=\"canonical\" href=\"https://c.example/x\"></head>"
      "<body><main><h1>Heading</h1><p>Main text.</p></main><p>Outside main.</p>"
      "<span itemprop=\"datePublished\" content=\"2021-03-04\"></span>"
      "<span itemprop=\"author\">Kim Lee</span></body></html>");
  EXPECT_EQ(h1.headline, "Heading");
  EXPECT_EQ(h1.body, "Main text.");
  EXPECT_EQ(h1.date, "2021-03-04");
  EXPECT_EQ(h1.byline, "Kim Lee");
  EXPECT_EQ(h1.url, "https://c.example/x");

  const Article title = read_one("<title>Only a title</title><p>Words.</p>");
  EXPECT_EQ(title.headline, "Only a title");
  EXPECT_EQ(title.body, "Words.");
}

TEST(HtmlReader, JsonLdArrayAndArticleBodyFallback) {
  const Article a = read_one(
      "<html><head><script type=\"application/ld+json\">[{\"@type\":\"Organization\"},"
      "{\"@type\":[\"NewsArticle\"],\"headline\":\"LD\",\"articleBody\":\"One.\\nTwo.\","
      "\"inLanguage\":\"fr\",\"author\":\"Zoe\",\"dateline\":\"PARIS\","
      "\"mainEntityOfPage\":{\"@id\":\"https://p.example/a\"}}]</script></head>"
      "<body><div id=\"app\"></div></body></html>");
  EXPECT_EQ(a.headline, "LD");
  EXPECT_EQ(a.body, "One.\n\nTwo.");
  EXPECT_EQ(a.language, "fr");
  EXPECT_EQ(a.byline, "Zoe");
  EXPECT_EQ(a.dateline, "PARIS");
  EXPECT_EQ(a.url, "https://p.example/a");
}

TEST(HtmlReader, MalformedJsonLdIsAWarning) {
  const auto got = run_reader(detail::read_html,
                              "<script type=\"application/ld+json\">{oops</script>"
                              "<h1>Still read</h1><p>Body.</p>",
                              kPage);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "Still read");
  EXPECT_THAT(got.descriptions(),
              ElementsAre("site/page.html:1: warning: malformed JSON-LD script ignored"));
}

TEST(HtmlReader, LongestArticleWinsOverTeasers) {
  const Article a = read_one(
      "<body><article><p>Teaser.</p></article>"
      "<article><p>The real story is much longer than the teaser.</p></article></body>");
  EXPECT_EQ(a.body, "The real story is much longer than the teaser.");
}

TEST(HtmlReader, AdFilterMatchesWholeTokensOnly) {
  const Article a = read_one(
      "<article><p class=\"lead-in\">Lead.</p><p class=\"header-note\">Note.</p>"
      "<div class=\"top_ads\">Ad.</div><div id=\"ad\">Ad.</div><div "
      "class=\"advertisement\">Ad.</div>"
      "<div class=\"newsletter-signup\">Sign up.</div><div class=\"cookie-banner\">Cookies.</div>"
      "<p hidden>Hidden.</p><div class=\"kicker\">Kicker</div><p class=\"post-meta\">2 May</p>"
      "<p class=\"metadata-free\">Kept.</p><p>End.<br>After break.</p></article>");
  EXPECT_EQ(a.body, "Lead.\n\nNote.\n\nKept.\n\nEnd.\n\nAfter break.");
}

TEST(HtmlReader, StandfirstGoesToCaptions) {
  const Article a = read_one(
      "<article><h1>H</h1><p class=\"teaser\"><strong>A teaser line.</strong></p>"
      "<p>OSLO, May 2 (Fjord Wire) - The story.</p></article>");
  EXPECT_THAT(a.captions, ElementsAre("A teaser line."));
  EXPECT_EQ(a.dateline, "OSLO, May 2 (Fjord Wire) -");
  EXPECT_EQ(a.body, "OSLO, May 2 (Fjord Wire) - The story.");
}

TEST(HtmlReader, DeclaredLegacyCharsetIsConverted) {
  const auto got = run_reader(
      detail::read_html,
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><h1>Caf\xE9 \x93news\x94</h1><p>Text.</p></body></html>",
      kPage);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "Caf\u00E9 \u201Cnews\u201D");
  EXPECT_THAT(got.issues, IsEmpty());
}

TEST(HtmlReader, UndeclaredInvalidUtf8IsRepairedWithWarning) {
  const auto got = run_reader(detail::read_html, "<h1>Caf\xE9</h1><p>x</p>", kPage);
  ASSERT_EQ(got.articles.size(), 1u);
  EXPECT_EQ(got.articles[0].headline, "Caf\uFFFD");
  EXPECT_THAT(
      got.descriptions(),
      ElementsAre("site/page.html:1: warning: invalid UTF-8: 1 sequence replaced by U+FFFD"));
}

TEST(HtmlReader, ExtremeNestingIsRefused) {
  std::string deep;
  for (int i = 0; i < 50000; ++i) deep += "<div>";
  const auto got = run_reader(detail::read_html, deep + "text", kPage);
  EXPECT_THAT(got.articles, IsEmpty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_THAT(got.issues[0].message, HasSubstr("nested"));
}

TEST(HtmlReader, ManyCommentsAndFlatTagsAreNotNesting) {
  std::string page = "<!doctype html><html><body><article>";
  for (int i = 0; i < 5000; ++i) page += "<!-- c --><p>Line.<br><img src=x>";
  const Article a = read_one(page + "</article></body></html>");
  EXPECT_THAT(a.body, ::testing::StartsWith("Line.\n\nLine."));
}

TEST(HtmlReader, EmptyPageIsAnError) {
  const auto got =
      run_reader(detail::read_html, "<html><body><script>x()</script></body></html>", kPage);
  EXPECT_THAT(got.articles, IsEmpty());
  ASSERT_EQ(got.issues.size(), 1u);
  EXPECT_EQ(got.issues[0].severity, ReadIssue::Severity::error);
}

TEST(HtmlReader, HostileJsonLdNestingIsBounded) {
  std::string author;
  for (int i = 0; i < 100000; ++i) author += "{\"name\":";
  author += "\"x\"" + std::string(100000, '}');
  const Article a = read_one(
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"H\",\"author\":" +
      author + "}</script><p>Body.</p>");
  EXPECT_EQ(a.headline, "H");
  EXPECT_EQ(a.byline, "");
}

TEST(HtmlReader, JunkNeverCrashes) {
  for (unsigned seed = 0; seed < 20; ++seed) {
    std::string junk = testing::random_bytes(4000, seed);
    junk.insert(0, "<html><article><p>");
    junk.insert(2000, "<script type=\"application/ld+json\">{\"@graph\":[[[[");
    run_reader(detail::read_html, junk, kPage);
  }
}

}  // namespace
}  // namespace newsdex
