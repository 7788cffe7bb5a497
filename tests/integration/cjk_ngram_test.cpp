// SPDX-License-Identifier: GPL-3.0-or-later
// A process whose environment sets XAPIAN_CJK_NGRAM (as Xapian's omega asks for): Xapian's
// query parser then splits CJK words into characters, while newsdex indexes them whole. The
// library refuses such a search with a message rather than finding nothing, and the command,
// which unsets the variable, finds the articles. Its own executable, as Xapian reads the
// variable once per process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <string>

#include "newsdex/newsdex.h"
#include "tests/support/process.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::HasSubstr;

// Before main, so before Xapian first parses anything.
const bool kNgramsAsked = setenv("XAPIAN_CJK_NGRAM", "1", 1) == 0;

class CjkNgramTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(kNgramsAsked);
    Index index = Index::create(db_);
    index.add({.id = "zh-1",
               .format = "jsonl",
               .headline = "长江流域遭遇强降雨",
               .body = "长江中下游地区连日降雨，多地启动防汛应急响应。",
               .source = "新华社",
               .language = "zh"});
    index.add({.id = "en-1",
               .format = "jsonl",
               .headline = "Floods on the Yangtze",
               .body = "Heavy rain raised the river at Wuhan.",
               .language = "en"});
    index.commit();
  }

  testing::TempDir dir_;
  std::string db_ = dir_ / "db";
};

TEST_F(CjkNgramTest, LibraryRefusesCjkWordsAndSearchesTheRest) {
  const Searcher searcher = Searcher::open(db_);
  try {
    searcher.search({.query = "长江 flood"});
    FAIL() << "a CJK word was searched as characters";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_query);
    EXPECT_THAT(e.what(), HasSubstr("XAPIAN_CJK_NGRAM"));
    EXPECT_THAT(e.what(), HasSubstr("长江 flood"));
  }
  EXPECT_THROW(searcher.search({.query = "한국어"}), Error);
  EXPECT_THROW(searcher.search({.query = "headline:长江"}), Error);
  // A filter's value is not split: it is searched as usual.
  EXPECT_EQ(searcher.search({.query = "source:新华社"}).total.estimated, 1u);
  EXPECT_EQ(searcher.search({.query = "source:\"新华社\" -Yangtze"}).total.estimated, 1u);
  // Accented, Cyrillic and Thai letters are not split: searched as usual.
  EXPECT_EQ(searcher.search({.query = "Yangtze"}).total.estimated, 1u);
  EXPECT_EQ(searcher.search({.query = "Wühan"}).total.estimated, 1u);
  EXPECT_EQ(searcher.search({.query = "Москва"}).total.estimated, 0u);
  EXPECT_EQ(searcher.search({.query = "ภาษาไทย"}).total.estimated, 0u);
}

TEST_F(CjkNgramTest, CommandFindsCjkWords) {
  const std::string out = dir_ / "out.json";
  testing::ChildProcess search(NEWSDEX_EXECUTABLE,
                               {"search", "--db", db_, "--json", "--no-facets", "长江"}, out,
                               dir_ / "err.txt");
  const testing::ProcessExit exit = search.wait();
  EXPECT_EQ(exit.status, 0);
  EXPECT_THAT(search.output(), HasSubstr("\"zh-1\""));
}

}  // namespace
}  // namespace newsdex
