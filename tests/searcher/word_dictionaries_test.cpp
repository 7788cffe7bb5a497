// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/word_dictionaries.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/hunspell_dictionary.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using testing::TempDir;
using testing::write_hunspell_dictionary;

TEST(WordDictionaries, KnowsItsWordsAsTypedOrCapitalised) {
  TempDir dir;
  write_hunspell_dictionary(dir.path(), "en_US", "weaver\nTurin\n");
  WordDictionaries dictionaries({"en"}, dir.path());
  EXPECT_TRUE(dictionaries.knows("weaver"));
  EXPECT_TRUE(dictionaries.knows("Weaver"));
  EXPECT_TRUE(dictionaries.knows("turin"));  // a name, typed in lower case
  EXPECT_FALSE(dictionaries.knows("weavr"));
  EXPECT_FALSE(dictionaries.knows(""));
}

TEST(WordDictionaries, TakesTheLanguagesOwnRegionThenAnyOther) {
  TempDir dir;
  write_hunspell_dictionary(dir.path(), "de_AT", "Marille\n");
  write_hunspell_dictionary(dir.path(), "de_DE", "Aprikose\n");
  write_hunspell_dictionary(dir.path(), "en_GB", "colour\n");
  write_hunspell_dictionary(dir.path(), "en_US", "color\n");
  write_hunspell_dictionary(dir.path(), "pt_BR", "fato\n");
  WordDictionaries dictionaries({"de", "en", "pt", "fr"}, dir.path());
  ASSERT_EQ(dictionaries.found().size(), 3u);  // no French dictionary
  EXPECT_EQ(dictionaries.found()[0].filename(), "de_DE");
  EXPECT_EQ(dictionaries.found()[1].filename(), "en_US");
  EXPECT_EQ(dictionaries.found()[2].filename(), "pt_BR");
  EXPECT_TRUE(dictionaries.knows("Aprikose"));
  EXPECT_FALSE(dictionaries.knows("Marille"));
  EXPECT_TRUE(dictionaries.knows("fato"));
}

TEST(WordDictionaries, FindsNoneWhereThereAreNone) {
  TempDir dir;
  WordDictionaries dictionaries({"en"}, dir.path() / "missing");
  EXPECT_TRUE(dictionaries.found().empty());
  EXPECT_FALSE(dictionaries.knows("weaver"));
}

// scripts/install-dependencies installs Debian's English dictionary, which searches use.
TEST(WordDictionaries, TheSystemsEnglishDictionaryIsInstalled) {
  WordDictionaries dictionaries({"en"}, std::filesystem::path(WordDictionaries::kSystemDirectory));
  ASSERT_FALSE(dictionaries.found().empty())
      << "no en_US.aff/.dic in " << WordDictionaries::kSystemDirectory
      << ": run scripts/install-dependencies (package hunspell-en-us)";
  EXPECT_TRUE(dictionaries.knows("weaver"));
  EXPECT_TRUE(dictionaries.knows("weavers"));  // through the dictionary's affixes
  EXPECT_FALSE(dictionaries.knows("bundesbnak"));
}

}  // namespace
}  // namespace newsdex
