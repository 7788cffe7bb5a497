// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/spelling_suggester.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "analyzers/text_analysis.h"
#include "tests/support/hunspell_dictionary.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

TEST(EditDistance, CountsEditsUpToTheLimit) {
  EXPECT_EQ(edit_distance("bundesbank", "bundesbank", 2), 0u);
  EXPECT_EQ(edit_distance("bundesbnak", "bundesbank", 2), 1u);  // two letters swapped
  EXPECT_EQ(edit_distance("khamenai", "khamenei", 2), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting", 5), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting", 2), 3u);  // limit + 1 once past the limit
  EXPECT_EQ(edit_distance("a", "abcd", 2), 3u);
}

class SpellingSuggesterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Words as the indexer writes them: folded, unprefixed; one document per occurrence count.
    const std::pair<const char*, int> words[] = {
        {"bundesbank", 60}, {"bundesbnak", 1}, {"khamenei", 5}, {"oil", 80},
        {"opec", 40},       {"open", 20},      {"rare", 2},     {"care", 30},
        {"nearby", 30}};
    int next = 0;
    for (const auto& [word, count] : words) {
      for (int i = 0; i < count; ++i) {
        Xapian::Document doc;
        doc.add_term(word);
        doc.add_boolean_term("Qdoc" + std::to_string(++next));
        db_.add_document(doc);
      }
    }
    // Headline words are indexed only under `S`: a word seen only in headlines, and one in both
    // the headline and the body of two articles.
    for (int i = 0; i < 30; ++i) add({"Steheran"});
    for (int i = 0; i < 2; ++i) add({"Sopecs", "opecs"});
  }

  void add(std::initializer_list<const char*> terms) {
    Xapian::Document doc;
    for (const char* term : terms) doc.add_term(term);
    db_.add_document(doc);
  }

  std::optional<std::string> suggest(std::string_view query) {
    return SpellingSuggester(db_).suggest(query, analysis_, {});
  }

  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  TextAnalysis analysis_;
};

TEST_F(SpellingSuggesterTest, CorrectsMissingWordsKeepingTheRestOfTheQuery) {
  EXPECT_EQ(suggest("Khamenai oil"), "Khamenei oil");
  EXPECT_EQ(suggest("oil AND (opex OR gas)"), "oil AND (opec OR gas)");
  EXPECT_EQ(suggest("\"crude oyl\""), "\"crude oil\"");
  // A capitalised word that merely starts like an operator is a word.
  EXPECT_EQ(suggest("NEARBI oil"), "Nearby oil");
}

TEST_F(SpellingSuggesterTest, CorrectsRareWordsOnlyToFarMoreFrequentOnes) {
  // In the archive once, as its own typo, beside a word sixty times as frequent.
  EXPECT_EQ(suggest("bundesbnak"), "bundesbank");
  // Fifteen times as frequent is not enough to doubt a word.
  EXPECT_EQ(suggest("rare"), std::nullopt);
}

TEST_F(SpellingSuggesterTest, KnowsWordsSeenOnlyInHeadlines) {
  EXPECT_EQ(suggest("Teheren"), "Teheran");
  EXPECT_EQ(suggest("teheran"), std::nullopt);
}

TEST_F(SpellingSuggesterTest, CountsAnArticleWithTheWordInHeadlineAndBodyOnce) {
  // In two articles, not four, so rare; `opec` is in twenty times as many.
  EXPECT_EQ(suggest("opecs"), "opec");
}

// `maple` and `marble` are each one edit from `mable`: the one in more articles wins, counted
// exactly where the terms' frequencies leave it open (an article with the word in its headline
// and its body counts once).
TEST_F(SpellingSuggesterTest, AmongEquallyNearWordsTakesTheOneInMoreArticles) {
  for (int i = 0; i < 15; ++i) add({"marble"});
  // In twenty articles: more than `marble`, though no more than fifteen by either term alone.
  for (int i = 0; i < 10; ++i) add({"Smaple"});
  for (int i = 0; i < 10; ++i) add({"maple"});
  EXPECT_EQ(suggest("mable"), "maple");
}

TEST_F(SpellingSuggesterTest, AmongEquallyNearWordsCountsAnArticleOnce) {
  for (int i = 0; i < 15; ++i) add({"marble"});
  // In twelve articles, though its terms' frequencies add up to twenty-four.
  for (int i = 0; i < 12; ++i) add({"Smaple", "maple"});
  EXPECT_EQ(suggest("mable"), "marble");
}

// A word in an article or two, beside one in twenty times as many, is as likely the archive's
// own misspelling: it is taken as an edit further than it is. Alone, or where every word is
// rare (ApiTest.ShowsTheWrittenWordNearestTheWordTyped), it is not doubted.
TEST_F(SpellingSuggesterTest, PrefersAFrequentWordToTheArchivesOwnMisspelling) {
  for (int i = 0; i < 40; ++i) add({"accommodate"});
  add({"accomodate"});
  // One edit from the misspelling, two from the word.
  EXPECT_EQ(suggest("accomadate"), "accommodate");
  // Two edits from the misspelling, three from the word, which is too far to be a correction.
  EXPECT_EQ(suggest("acomodat"), "accomodate");
}

// A slip of the first letter escapes the words that share it, which a correction compares: it
// is looked for too, after the words as near that share the first letter and before those
// further, and not in a word of four letters or fewer.
TEST_F(SpellingSuggesterTest, CorrectsASlipOfTheFirstLetter) {
  for (int i = 0; i < 20; ++i) add({"document"});
  for (int i = 0; i < 40; ++i) add({"comment"});  // two edits from `cocument`
  EXPECT_EQ(suggest("cocument"), "document");     // replaced
  EXPECT_EQ(suggest("ocument"), "document");      // left out
  EXPECT_EQ(suggest("xdocument"), "document");    // added
  EXPECT_EQ(suggest("odcument"), "document");     // swapped with the next
  for (int i = 0; i < 20; ++i) add({"houston"});
  for (int i = 0; i < 90; ++i) add({"boston"});
  EXPECT_EQ(suggest("hoston"), "houston");
  for (int i = 0; i < 20; ++i) add({"cent"});
  EXPECT_EQ(suggest("zent"), std::nullopt);
}

// Once a letter's words have been read, its slips are looked up among them rather than in the
// index, with the same answers: headline words are no slips there either.
TEST_F(SpellingSuggesterTest, FindsSlipsOfTheFirstLetterAmongTheWordsReadBefore) {
  for (int i = 0; i < 20; ++i) add({"document"});
  for (int i = 0; i < 40; ++i) add({"comment"});  // two edits from `cocument`
  EXPECT_EQ(suggest("yeheran"), std::nullopt);
  SpellingSuggester suggester(db_);
  // Reads the words starting with `d`, then with `t`.
  EXPECT_EQ(suggester.suggest("documant", analysis_, {}), "document");
  EXPECT_EQ(suggester.suggest("teheren", analysis_, {}), "teheran");
  EXPECT_EQ(suggester.suggest("cocument", analysis_, {}), "document");
  EXPECT_EQ(suggester.suggest("xdocument", analysis_, {}), "document");
  EXPECT_EQ(suggester.suggest("yeheran", analysis_, {}), std::nullopt);
}

TEST_F(SpellingSuggesterTest, ReadsTheWordsAgainOnceCleared) {
  SpellingSuggester suggester(db_);
  EXPECT_EQ(suggester.suggest("bundesbnak", analysis_, {}), "bundesbank");
  EXPECT_EQ(suggester.suggest("zzzzzz", analysis_, {}), std::nullopt);
  add({"zzzzzy"});
  suggester.clear();
  EXPECT_EQ(suggester.suggest("zzzzzz", analysis_, {}), "zzzzzy");
}

// The stems of an archive's languages may each be near another word: `yeuter` is `yeuter` in
// English, one edit from the stem `yeutter`, and `yeut` in Danish, one edit from the far more
// frequent `yet`. The word nearer to what was typed wins.
TEST_F(SpellingSuggesterTest, AmongEquallyNearStemsTakesTheOneNearestToTheWordTyped) {
  for (int i = 0; i < 20; ++i) add({"Zyeutter"});
  for (int i = 0; i < 300; ++i) add({"Zyet"});
  const std::vector<std::string> languages{"en", "da"};
  EXPECT_EQ(SpellingSuggester(db_).suggest("yeuter", analysis_, languages), "yeutter");
}

// A rare word that the dictionary of one of the archive's main languages holds is no typo; a
// language of fewer than one article in a hundred is no main language.
TEST_F(SpellingSuggesterTest, LeavesRealWordsAloneHoweverRare) {
  for (int i = 0; i < 99; ++i) add({"Len", "weaker"});
  add({"Len", "weaver"});
  for (int i = 0; i < 40; ++i) add({"Lfr", "faible"});
  add({"Lfr", "faibles"});
  add({"Lde", "kabinett"});
  testing::TempDir dictionaries;
  testing::write_hunspell_dictionary(dictionaries.path(), "en_US", "weaver\n");
  testing::write_hunspell_dictionary(dictionaries.path(), "fr", "faibles\n");
  testing::write_hunspell_dictionary(dictionaries.path(), "de_DE", "weakr\n");
  SpellingSuggester suggester(db_, dictionaries.path());
  EXPECT_EQ(suggester.suggest("weaver", analysis_, {}), std::nullopt);
  EXPECT_EQ(suggester.suggest("faibles", analysis_, {}), std::nullopt);
  EXPECT_EQ(suggester.suggest("weakr", analysis_, {}), "weaker");
  // Unless the query finds nothing: the reader then likelier meant the word the archive holds.
  EXPECT_EQ(suggester.suggest("weaver", analysis_, {}, /*finds_nothing=*/true), "weaker");
  // Without the dictionaries, the rare words read as typos of the frequent ones.
  SpellingSuggester without(db_, dictionaries.path() / "none");
  EXPECT_EQ(without.suggest("weaver", analysis_, {}), "weaker");
  EXPECT_EQ(without.suggest("faibles", analysis_, {}), "faible");
}

// A word the archive holds is more often a name, an acronym or a ticker than a typo: it is
// corrected only one edit away, by a stem as by a written word, and not at all when it has four
// letters or fewer, where acronyms lie one edit apart. A word the archive lacks is corrected
// as before.
TEST_F(SpellingSuggesterTest, CorrectsAWordTheArchiveHoldsOnlyOneEditAwayAndNotIfShort) {
  for (int i = 0; i < 40; ++i) add({"river"});
  for (int i = 0; i < 40; ++i) add({"nil"});
  EXPECT_EQ(suggest("rimmer"), "river");  // two edits
  EXPECT_EQ(suggest("nhl"), "nil");
  add({"rimmer"});
  add({"nhl"});
  EXPECT_EQ(suggest("rimmer"), std::nullopt);
  EXPECT_EQ(suggest("nhl"), std::nullopt);
  add({"rivre"});
  EXPECT_EQ(suggest("rivre"), "river");  // one edit, held in one article beside forty
  // One edit from the Spanish stem of `quinta`, `quint`, but two from the word.
  for (int i = 0; i < 40; ++i) add({"quiet", "Zquiet"});
  add({"quinta", "Zquinta"});
  const std::vector<std::string> english_and_spanish{"en", "es"};
  EXPECT_EQ(SpellingSuggester(db_).suggest("quinta", analysis_, english_and_spanish), std::nullopt);
}

// A stopword corrects no word the archive holds: a rare name nearest `their` stays as it is,
// rather than taking the next likeliest word. It corrects a word the archive lacks, which
// keeps a query from finding anything.
TEST_F(SpellingSuggesterTest, SuggestsAStopwordOnlyForAWordTheArchiveLacks) {
  for (int i = 0; i < 100; ++i) add({"and"});
  for (int i = 0; i < 100; ++i) add({"their"});
  for (int i = 0; i < 40; ++i) add({"thesis"});
  add({"theis"});
  const std::vector<std::string> english{"en"};
  EXPECT_EQ(SpellingSuggester(db_).suggest("theis", analysis_, english), std::nullopt);
  // Without the stopwords of English, `their` is the likelier word.
  EXPECT_EQ(suggest("theis"), "their");
  EXPECT_EQ(SpellingSuggester(db_).suggest("oil adn opec", analysis_, english), "oil and opec");
}

TEST_F(SpellingSuggesterTest, LeavesKnownWordsFieldsOperatorsAndWildcardsAlone) {
  EXPECT_EQ(suggest("oil opec"), std::nullopt);
  EXPECT_EQ(suggest("person:Khamenai"), std::nullopt);
  EXPECT_EQ(suggest("oil NEAR opec"), std::nullopt);
  EXPECT_EQ(suggest("bundesbnk*"), std::nullopt);
  EXPECT_EQ(suggest("zzzzzz"), std::nullopt);  // nothing near it
}

}  // namespace
}  // namespace newsdex
