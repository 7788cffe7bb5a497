// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/language_identifier.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace newsdex {
namespace {

TEST(LanguageIdentifierTest, NormalizesStatedTags) {
  constexpr std::pair<std::string_view, std::string_view> kTags[] = {
      {"en", "en"}, {"EN", "en"}, {"de-AT", "de"}, {"zh_Hant", "zh"}, {"zh-CN", "zh"},
      {"iw", "he"}, {"in", "id"}, {"ji", "yi"},    {"jw", "jv"},      {"haw", "haw"},
      {"", ""},     {"e", ""},    {"English", ""}, {"12", ""},        {"x-klingon", ""},
  };
  for (const auto& [tag, expected] : kTags) EXPECT_EQ(normalize_language_tag(tag), expected) << tag;
}

// Each sample article is detected as the language it is written in.
TEST(LanguageIdentifierTest, DetectsTheMultilingualSamples) {
  std::ifstream in(NEWSDEX_TEST_FIXTURES "/multilingual/articles.jsonl");
  ASSERT_TRUE(in) << "missing fixture";
  int articles = 0;
  for (std::string line; std::getline(in, line);) {
    const auto record = nlohmann::json::parse(line);
    const std::string text =
        record["title"].get<std::string>() + "\n" + record["body"].get<std::string>();
    EXPECT_EQ(detect_language(text), record["lang"].get<std::string>()) << record["id"];
    ++articles;
  }
  EXPECT_EQ(articles, 14);
}

TEST(LanguageIdentifierTest, DetectsCommonNewsLanguages) {
  constexpr std::pair<std::string_view, std::string_view> kTexts[] = {
      {"The central bank raised interest rates by half a point on Thursday, its fourth increase "
       "this year, as inflation stayed well above its target.",
       "en"},
      {"La banca centrale ha alzato i tassi di interesse di mezzo punto giovedì, il quarto "
       "aumento dall'inizio dell'anno, perché l'inflazione resta alta.",
       "it"},
      {"De centrale bank heeft de rente donderdag met een half procentpunt verhoogd, de vierde "
       "verhoging dit jaar, omdat de inflatie hoog blijft.",
       "nl"},
      {"中央銀行週四將利率上調半個百分點，這是今年第四次加息，因為通貨膨脹仍然遠高於目標。"
       "分析人士預計明年還會繼續升息。",
       "zh"},  // traditional script: CLD2's zh-Hant
  };
  for (const auto& [text, expected] : kTexts) EXPECT_EQ(detect_language(text), expected) << text;
}

// Foreign names fill many English wire stories, and CLD2 takes these two for Norwegian and
// German; English function words say what they are.
TEST(LanguageIdentifierTest, EnglishFullOfForeignNamesIsEnglish) {
  EXPECT_EQ(detect_language("STATOIL SIGNS VESLEFRIKK FIELD CONTRACTS\nDen Norske Stats "
                            "Oljeselskap, the Norwegian state oil company known as Statoil, "
                            "signed contracts with Aker Norcem, Moss Rosenberg Verft and "
                            "Kvaerner Brug for the Veslefrikk field, which it said would start "
                            "production in 1989."),
            "en");
  EXPECT_EQ(detect_language("OESTERREICHISCHE DONAUKRAFTWERKE SETS SCHILLING BOND\n"
                            "Oesterreichische Donaukraftwerke AG of Wien is launching a 500 mln "
                            "schilling bond with a coupon of seven pct, lead manager Girozentrale "
                            "und Bank der Oesterreichischen Sparkassen said. The bonds are "
                            "priced at par."),
            "en");
  // A German story quoting English names and a headline is German.
  EXPECT_EQ(detect_language("Die Bank of England hat den Leitzins am Donnerstag angehoben. Der "
                            "Schritt sei notwendig, sagte Gouverneur Andrew Bailey der Zeitung "
                            "\"The Times\". Die Märkte hatten mit einer Erhöhung gerechnet, weil "
                            "die Inflation in Großbritannien weiter steigt."),
            "de");
}

TEST(LanguageIdentifierTest, ShortOrWordlessTextIsUndetermined) {
  EXPECT_EQ(detect_language(""), kUndeterminedLanguage);
  EXPECT_EQ(detect_language("Oil prices rise"), kUndeterminedLanguage);
  EXPECT_EQ(
      detect_language("Shr 1.23 vs 1.34 Net 4,567,000 vs 3,456,000 Revs 12.3 mln vs 11.2 mln"),
      kUndeterminedLanguage);
  EXPECT_EQ(detect_language("12345 67890 !!! ??? ... 2022-07-18 15:00 +++ ### 3.5 4.6 5.7"),
            kUndeterminedLanguage);
}

TEST(LanguageIdentifierTest, InvalidUtf8IsUndetermined) {
  const std::string text = std::string(200, 'a') + "\xff\xfe" + "the central bank raised rates";
  EXPECT_EQ(detect_language(text), kUndeterminedLanguage);
  // English by its function words, but not valid UTF-8: undetermined all the same.
  const std::string english =
      "The central bank said on Thursday that it had raised its rates by half a point, the "
      "fourth increase this year, and that it would \xff act again if prices went on rising.";
  EXPECT_EQ(detect_language(english), kUndeterminedLanguage);
}

TEST(LanguageIdentifierTest, StatedLanguageWinsOverDetection) {
  Article article;
  article.headline = "Oil prices climb";
  article.body =
      "Crude oil prices rose sharply on Monday as supplies tightened and traders bet on demand.";
  EXPECT_EQ(identify_language(article), "en");
  article.language = "de-AT";
  EXPECT_EQ(identify_language(article), "de");
  article.language = "unknown";  // not a language tag: detected instead
  EXPECT_EQ(identify_language(article), "en");
  article.language = "und";
  EXPECT_EQ(identify_language(article), "en");
}

}  // namespace
}  // namespace newsdex
