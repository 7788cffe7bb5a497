// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/text_normalizer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

namespace newsdex {
namespace {

using ::testing::ElementsAre;

struct Case {
  std::string_view input;
  std::string_view expected;
};

// What TermGenerator is given: the terms, separated by spaces.
constexpr Case kIndexText[] = {
    // Case, accents and Unicode forms.
    {"Zürich ZÜRICH Zurich", "zurich zurich zurich"},
    {"Zu\u0308rich Tirane\u0308 Tiranë", "zurich tirane tirane"},  // NFD and NFC
    {"Straße STRASSE straße", "strasse strasse strasse"},
    {"ＶＩＰ ２０１２ Ｚüｒｉｃｈ", "vip 2012 zurich"},
    {"ﬁnance ﬂows Ⅻ", "finance flows xii"},
    {"Zü\u00ADrich zero\u200Bwidth join\u2060ed", "zurich zerowidth joined"},
    {"Ελλάδα ΕΛΛΆΔΑ Αθήνας", "ελλαδα ελλαδα αθηνασ"},  // case folding has no final sigma
    {"новый Ёлка ЙОД", "новый елка йод"},
    {"Ålesund Łódź Ørsted Þór", "alesund łodz ørsted þor"},
    // Arabic: harakat, shadda, tatweel and hamza forms fold away; Arabic-Indic digits are
    // digits.
    {"مُحَمَّد محمد", "محمد محمد"},
    {"نـــدوات ندوات", "ندوات ندوات"},
    {"أحمد إسلام آمال", "احمد اسلام امال"},
    {"٢٠٢٢ ٣٫٥", "2022 3 5"},
    // Acronyms with points.
    {"U.S. trade, u.s.a and U.S", "us trade usa and us"},
    {"e.g. the U.S.-based firm", "eg the us based firm"},
    {"Plan B. A new start", "plan b a new start"},
    {"EE.UU. y la U.E.", "ee uu y la ue"},
    // Apostrophes: possessives go, elisions and names split.
    {"Albania’s Albania's ALBANIA'S countries'", "albania albania albania countries"},
    {"O’Brien l'économie aujourd’hui don't", "o brien l economie aujourd hui don t"},
    // Hyphens, including the Unicode hyphen and non-breaking hyphen.
    {"Saudi-Arabia e-Albania GPA-djp", "saudi arabia e albania gpa djp"},
    {"Saudi\u2010Arabia Saudi\u2011Arabia", "saudi arabia saudi arabia"},
    // Numbers keep the points and commas between digits, as Xapian does.
    {"15,000 3.5 2022 1.2.3 v2.0 15.000", "15,000 3.5 2022 1.2.3 v2.0 15.000"},
    {"in 2022. Then, 3,", "in 2022 then 3"},
    // URLs and e-mail addresses are one term each.
    {"see https://www.example.com/news/a-b?x=1.", "see example_com_news_a_b_x_1"},
    {"(www.foo.org/wiki/A_(b)) and http://bar.example/", "foo_org_wiki_a_b and bar_example"},
    {"mail John.Smith@Example.com, now", "mail john_smith_example_com now"},
    {"user@localhost is no address", "user localhost is no address"},
    // In capitals, beside other scripts, and in full-width forms.
    {"WWW.Example.COM/Page and Www.Foo.org", "example_com_page and foo_org"},
    {"Zürich: www.example.ch/a, Zoë@Example.ch", "zurich example_ch_a zoe_example_ch"},
    {"\uFF57\uFF57\uFF57\uFF0E\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D "
     "news",
     "example_com news"},
    // Symbols Xapian would keep in a word are separators here, on both sides.
    {"AT&T C++ C# 50%", "at t c c 50"},
    // Scripts without spaces are segmented into words.
    {"東京都に行く。", "東京 都 に 行く"},
    {"中华人民共和国成立了", "中华 人民 共和国 成立 了"},
    {"インターネット接続", "インターネット 接続"},
    {"ｲﾝﾀｰﾈｯﾄ", "インターネット"},
    {"iPhone発売２０２２年", "iphone 発売 2022 年"},
    {"ภาษาไทยง่ายนิดเดียว", "ภาษา ไทย ง่าย นิด เดียว"},
    // Korean has spaces; Hangul words are words.
    {"서울 시장", "서울 시장"},
};

TEST(TextNormalizerTest, NormalizesIndexText) {
  TextNormalizer normalizer;
  for (const auto& [input, expected] : kIndexText) {
    EXPECT_EQ(normalizer.normalize(input), expected) << input;
  }
}

TEST(TextNormalizerTest, ShortensOverlongTermsWithAHash) {
  TextNormalizer normalizer;
  const std::string url = "https://www.example.com/" + std::string(100, 'a');
  const std::string term = normalizer.normalize(url);
  EXPECT_EQ(term.size(), 60u);
  EXPECT_EQ(term.substr(0, 44), "example_com_" + std::string(31, 'a') + "_");
  EXPECT_EQ(normalizer.normalize(url + "b").substr(0, 44), term.substr(0, 44));
  EXPECT_NE(normalizer.normalize(url + "b"), term);
}

TEST(TextNormalizerTest, TokensPointIntoTheOriginalText) {
  TextNormalizer normalizer;
  const std::string text = "Zu\u0308rich’s ＶＩＰ, U.S. 東京都";
  std::vector<std::string> seen;
  for (const Token& token : normalizer.tokenize(text)) {
    seen.push_back(text.substr(token.begin, token.end - token.begin) + "=" + token.term);
  }
  EXPECT_THAT(seen,
              ElementsAre("Zu\u0308rich=zurich", "ＶＩＰ=vip", "U.S.=us", "東京=東京", "都=都"));
}

TEST(TextNormalizerTest, EmptyAndWordlessText) {
  TextNormalizer normalizer;
  EXPECT_EQ(normalizer.normalize(""), "");
  EXPECT_EQ(normalizer.normalize(" … – ! "), "");
  EXPECT_TRUE(normalizer.tokenize("\u00AD\u200B").empty());
}

TEST(TextNormalizerTest, InvalidUtf8SeparatesWords) {
  TextNormalizer normalizer;
  EXPECT_EQ(normalizer.normalize("ab\xff"
                                 "cd"),
            "ab cd");
}

constexpr std::string_view kTextFields[] = {"headline"};

// Query text keeps QueryParser's syntax; only words are folded.
constexpr Case kQueries[] = {
    {"\"Zürich\" AND Saudi-Arabia", "\"zurich\" AND saudi-arabia"},
    {"-US +Zürich", "-us +zurich"},
    {"-\"U.S. army\" +(a OR b)", "-\"us army\" +(a OR b)"},
    {"a NEAR/3 b ADJ c XOR d OR e NOT f NEAR g", "a NEAR/3 b ADJ c XOR d OR e NOT f NEAR g"},
    {"and Or nOT", "and or not"},
    {"headline:Tiranë headline:\"Zürich Airport\"", "headline:tirane headline:\"zurich airport\""},
    {"source:\"Tirana Echo\" lang:de-AT format:JSONL",
     "source:\"Tirana Echo\" lang:de-AT format:JSONL"},
    // Only date: reads ranges (the query check rewrites them first). Elsewhere `..` is
    // punctuation, and a word before it, folded, is no operator: Xapian read `NEAR..17` as NEAR.
    {"date:2022..2023 1987..1988 NEAR..17", "date:2022..2023 1987-1988 near-17"},
    {"Re:Zürich", "re-zurich"},
    {"zür* Saudi-Ara*", "zur* saudi-ara*"},
    {"(Ölpreis OR Öl)", "(olpreis OR ol)"},
    {"“state of the art” «état de droit»", "\"state of the art\" \"etat de droit\""},
    {"Albania’s U.S. e.g.", "albania us eg"},
    {"O'Brien 15,000 3.5", "o-brien 15,000 3.5"},
    {"https://www.example.com/a john@example.com", "example_com_a john_example_com"},
    {"東京都 中华人民共和国", "東京-都 中华-人民-共和国"},
    {"ＡＮＤ　Ｚüｒｉｃｈ　（ａ）", "AND zurich (a)"},
    {"wait... what !!", "wait what "},
    {"C++ - &", "c  "},
};

TEST(TextNormalizerTest, NormalizesQueriesKeepingTheirSyntax) {
  TextNormalizer normalizer;
  for (const auto& [input, expected] : kQueries) {
    EXPECT_EQ(normalizer.normalize_query(input, kTextFields), expected) << input;
  }
}

TEST(TextNormalizerTest, QueryWordsFoldAsIndexWordsDo) {
  TextNormalizer normalizer;
  for (const auto& [input, expected] : kIndexText) {
    if (input.find('(') != std::string_view::npos) continue;  // brackets are query syntax
    std::string query = normalizer.normalize_query(input, kTextFields);
    std::replace(query.begin(), query.end(), '-', ' ');
    EXPECT_EQ(query, expected) << input;
  }
}

TEST(TextNormalizerTest, InstancesAreIndependentAcrossThreads) {
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] {
      TextNormalizer normalizer;
      for (int n = 0; n < 200; ++n) results[i] = normalizer.normalize("Zürich 東京都に行く U.S.");
    });
  }
  for (auto& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, "zurich 東京 都 に 行く us");
}

}  // namespace
}  // namespace newsdex
