// SPDX-License-Identifier: GPL-3.0-or-later
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include <xapian.h>

#include "analyzers/text_analysis.h"
#include "searcher/snippet_maker.h"

namespace newsdex {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

std::string filler(int sentences) {
  std::string text;
  for (int i = 0; i < sentences; ++i) text += "Markets were quiet as traders waited for the turmoil to pass. ";
  return text;
}

// The snippet with its highlights in brackets.
std::string marked(const Snippet& snippet) {
  std::string out;
  std::size_t at = 0;
  for (const Highlight& h : snippet.highlights) {
    out += snippet.text.substr(at, h.begin - at) + "[" + snippet.text.substr(h.begin, h.end - h.begin) + "]";
    at = h.end;
  }
  return out + snippet.text.substr(at);
}

Xapian::Query either(const Xapian::Query& a, const Xapian::Query& b) {
  return Xapian::Query(Xapian::Query::OP_OR, a, b);
}

Xapian::Query phrase(const char* a, const char* b) {
  const Xapian::Query words[] = {Xapian::Query(a), Xapian::Query(b)};
  return Xapian::Query(Xapian::Query::OP_PHRASE, std::begin(words), std::end(words));
}

TEST(SnippetMaker, FindsAMatchDeepInALongStory) {
  TextAnalysis analysis;
  // `turmoil` holds `oil` but is no match; the word comes only after thousands of bytes.
  const std::string text = filler(60) + "Crude oil prices rose sharply. " + filler(60);
  const Snippet snippet = SnippetMaker(Xapian::Query("Zoil"), analysis).make(text, "en", 120);
  EXPECT_THAT(marked(snippet), HasSubstr("Crude [oil] prices"));
  EXPECT_THAT(snippet.text, StartsWith("…"));
}

TEST(SnippetMaker, WithoutAMatchShowsTheStorysOpening) {
  TextAnalysis analysis;
  // `oilseed` starts as `oil` does, but is no match.
  const std::string text = "Harvest begins. " + filler(60) + "Oilseed crops fared well. " + filler(60);
  const Snippet snippet = SnippetMaker(Xapian::Query("Zoil"), analysis).make(text, "en", 120);
  EXPECT_THAT(snippet.text, StartsWith("Harvest begins. Markets were quiet"));
  EXPECT_TRUE(snippet.highlights.empty());
}

// A long story the index holds no query word for (found by its headline alone) is analysed
// only as far as its opening, which is what analysing it whole gives, cut at the same word
// whatever the length.
TEST(SnippetMaker, AsksTheIndexBeforeAnalysingAWholeStoryWithoutAMatch) {
  TextAnalysis analysis;
  const std::string text =
      "Harvest begins. " + filler(60) + "Oilseed crops fared well. " + filler(60);
  SnippetMaker maker(Xapian::Query("Zoil"), analysis);
  for (std::size_t length = 100; length <= 140; ++length) {
    int asked = 0;
    const Snippet opening = maker.make(text, "en", length, [&] {
      ++asked;
      return false;
    });
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(opening.text, maker.make(text, "en", length).text) << "length " << length;
    EXPECT_TRUE(opening.highlights.empty());
  }
}

// A wildcard is expanded as Xapian matches, so the index's terms cannot say a text lacks its
// words. `Zürich` is not written as it folds, so only analysing the whole story finds it.
TEST(SnippetMaker, FindsAWildcardsWordsWhateverTheIndexSays) {
  TextAnalysis analysis;
  const std::string text = filler(60) + "Zürich banks rallied. " + filler(60);
  const Xapian::Query wildcard(Xapian::Query::OP_WILDCARD, "zur");
  const Snippet snippet =
      SnippetMaker(wildcard, analysis).make(text, "en", 120, [] { return false; });
  EXPECT_THAT(marked(snippet), HasSubstr("[Zürich] banks"));
}

TEST(SnippetMaker, MarksAPhraseOnlyWhereItStandsWhole) {
  TextAnalysis analysis;
  const std::string text = "Crude stocks fell. " + filler(60) + "Prices of crude oil rose. " + filler(60);
  const Snippet snippet = SnippetMaker(phrase("crude", "oil"), analysis).make(text, "en", 120);
  EXPECT_THAT(marked(snippet), HasSubstr("[crude] [oil]"));
  EXPECT_THAT(marked(snippet), Not(HasSubstr("[Crude] stocks")));
}

// A language with a stemmer is indexed as stems, so its phrases are of stems (`"crude oils"`):
// they match the words in any form, and only where they stand together.
TEST(SnippetMaker, MarksAStemmedPhraseInAnyForm) {
  TextAnalysis analysis;
  const std::string text =
      "Oil stocks fell. " + filler(60) + "Prices of crude oils rose. " + filler(60);
  const Snippet snippet = SnippetMaker(phrase("Zcrude", "Zoil"), analysis).make(text, "en", 120);
  EXPECT_THAT(marked(snippet), HasSubstr("[crude] [oils]"));
  EXPECT_THAT(marked(snippet), Not(HasSubstr("[Oil] stocks")));
  EXPECT_EQ(
      marked(
          SnippetMaker(phrase("ZScrude", "ZSoil"), analysis).make("Crude oils rose.", "en", 120)),
      "[Crude] [oils] rose.");
}

// A wildcard of a stemmed language's branch expands over stems (`Zcyber*`): words starting as
// the pattern does are marked.
TEST(SnippetMaker, MarksAStemmedWildcardsWords) {
  TextAnalysis analysis;
  const Xapian::Query wildcard(Xapian::Query::OP_WILDCARD, "Zcyber");
  EXPECT_EQ(marked(SnippetMaker(wildcard, analysis).make("Cyberattacks hit ports.", "en", 120)),
            "[Cyberattacks] hit ports.");
}

// QueryParser numbers a query's words, and one typed word becomes several terms across the
// languages' branches (`fees`, `Zfee`): a passage holding two of them holds one query word, and
// the earliest passage with it is shown.
TEST(SnippetMaker, TheTermsOfOneTypedWordCountOnce) {
  TextAnalysis analysis;
  const Xapian::Query fees = either(Xapian::Query("Zfee", 1, 1), Xapian::Query("fees", 1, 1));
  const std::string text =
      filler(2) + "A fee was set. " + filler(4) + "The fee and other fees rose. ";
  const Snippet snippet = SnippetMaker(fees, analysis).make(text, "en", 120);
  EXPECT_THAT(marked(snippet), HasSubstr("A [fee] was set."));
  EXPECT_THAT(marked(snippet), Not(HasSubstr("[fees]")));
}

// With several query words, the passage holding most of them wherever it is: a long story is
// analysed only from where the words seem to start when that finds such a passage.
TEST(SnippetMaker, FindsThePassageWithEveryWordFarIntoALongStory) {
  TextAnalysis analysis;
  const Xapian::Query oil_prices =
      either(Xapian::Query("Zoil", 1, 1), Xapian::Query("Zprice", 1, 2));
  const std::string text = "Oil output rose. " + filler(40) + "Oil prices fell. " + filler(10);
  const Snippet snippet = SnippetMaker(oil_prices, analysis).make(text, "en", 120);
  EXPECT_THAT(marked(snippet), HasSubstr("[Oil] [prices] fell."));
}

// `oilseed` starts as `oil` does: the stretch analysed from there would end before the passage
// around the first `oil` does, so it is longer, and the passage holds `oils` as it would if the
// whole story were analysed.
TEST(SnippetMaker, APassageGoesOnPastWhereAWordSeemedToStart) {
  TextAnalysis analysis;
  const std::string text = filler(20) +
                           "Oilseed crops fared well in the north and south of the land this year. "
                           "Crude oil rose as stocks were low and demand was high. "
                           "Vegetable oils fell. " +
                           filler(20);
  const Snippet snippet = SnippetMaker(Xapian::Query("Zoil", 1, 1), analysis).make(text, "en", 120);
  EXPECT_THAT(marked(snippet), HasSubstr("[oil] rose as stocks were low and demand was high. "
                                         "Vegetable [oils]"));
}

// Headline words are `S` terms (`headline:prices`, and every unfielded word besides its
// unprefixed term): they are marked in the text as well.
TEST(SnippetMaker, MarksHeadlineTermsInTheText) {
  TextAnalysis analysis;
  const std::string text = "Crude oil prices rose sharply.";
  EXPECT_EQ(marked(SnippetMaker(Xapian::Query("ZSprice"), analysis).make(text, "en", 120)),
            "Crude oil [prices] rose sharply.");
  EXPECT_EQ(marked(SnippetMaker(phrase("Scrude", "Soil"), analysis).make(text, "en", 120)),
            "[Crude] [oil] prices rose sharply.");
}

// A page of hits shares one maker: what a word matches is remembered per language, as the
// same word stems differently in another.
TEST(SnippetMaker, EachArticleIsMatchedInItsOwnLanguage) {
  TextAnalysis analysis;
  SnippetMaker maker(Xapian::Query("Zhaus"), analysis);
  EXPECT_EQ(marked(maker.make("Neue Häuser am Rhein.", "de", 120)), "Neue [Häuser] am Rhein.");
  EXPECT_EQ(marked(maker.make("New Häuser on the Rhine.", "en", 120)), "New Häuser on the Rhine.");
  EXPECT_EQ(marked(maker.make("Alte Häuser in Köln.", "de", 120)), "Alte [Häuser] in Köln.");
}

}  // namespace
}  // namespace newsdex
