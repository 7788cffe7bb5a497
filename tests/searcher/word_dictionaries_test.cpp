// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/word_dictionaries.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

using testing::TempDir;
using testing::write_file;

// A Hunspell dictionary of a few words, without affixes.
void add_dictionary(const TempDir& dir, const std::string& name, std::string_view words) {
  write_file(dir.path() / (name + ".aff"), "SET UTF-8\n");
  std::size_t count = 0;
  for (char c : words) count += c == '\n';
  write_file(dir.path() / (name + ".dic"), std::to_string(count) + "\n" + std::string(words));
}

TEST(WordDictionaries, KnowsItsWordsAsTypedOrCapitalised) {
  TempDir dir;
  add_dictionary(dir, "en_US", "weaver\nTurin\n");
  WordDictionaries dictionaries({"en"}, dir.path());
  EXPECT_TRUE(dictionaries.knows("weaver"));
  EXPECT_TRUE(dictionaries.knows("Weaver"));
  EXPECT_TRUE(dictionaries.knows("turin"));  // a name, typed in lower case
  EXPECT_FALSE(dictionaries.knows("weavr"));
  EXPECT_FALSE(dictionaries.knows(""));
}

TEST(WordDictionaries, TakesTheLanguagesOwnRegionThenAnyOther) {
  TempDir dir;
  add_dictionary(dir, "de_AT", "Marille\n");
  add_dictionary(dir, "de_DE", "Aprikose\n");
  add_dictionary(dir, "en_GB", "colour\n");
  add_dictionary(dir, "en_US", "color\n");
  add_dictionary(dir, "pt_BR", "fato\n");
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
