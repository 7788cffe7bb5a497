// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/word_list.h"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

namespace newsdex::detail {
namespace {

constexpr WordList kTitles(std::to_array<std::string_view>({"chairman", "governor", "mr",
                                                            "president"}));

TEST(WordListTest, HoldsItsWords) {
  for (const std::string_view word : {"chairman", "governor", "mr", "president"}) {
    EXPECT_TRUE(kTitles.contains(word)) << word;
  }
  static_assert(kTitles.contains("governor"));
}

// The filter lets through words of a list's signature (length, first and last letter) that
// are not in it: the sorted list says no.
TEST(WordListTest, RefusesWordsItDoesNotHoldThoughTheirShapeMatches) {
  for (const std::string_view word : {"gxxxxxxr", "mx", "nr", "", "m", "chairmen", "governors",
                                      "President", "presiden", "president "}) {
    EXPECT_FALSE(kTitles.contains(word)) << '"' << word << '"';
  }
}

}  // namespace
}  // namespace newsdex::detail
