// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/key_filter.h"

#include <gtest/gtest.h>

#include <string>

namespace newsdex {
namespace {

TEST(KeyFilterTest, HoldsNothingWhenEmpty) {
  const KeyFilter filter(100);
  EXPECT_FALSE(filter.may_contain("tirana"));
  EXPECT_FALSE(filter.may_contain(""));
}

// Every key added is let through; of keys never added, few are (8 bits a key, two probes:
// about 4%).
TEST(KeyFilterTest, LetsEveryAddedKeyAndFewOthersThrough) {
  constexpr int kKeys = 70'000;
  KeyFilter filter(kKeys);
  for (int i = 0; i < kKeys; ++i) filter.add("name " + std::to_string(i));
  for (int i = 0; i < kKeys; ++i) ASSERT_TRUE(filter.may_contain("name " + std::to_string(i))) << i;
  int let_through = 0;
  for (int i = 0; i < kKeys; ++i) let_through += filter.may_contain("word " + std::to_string(i));
  EXPECT_LT(let_through, kKeys / 10);
}

TEST(KeyFilterTest, WorksAtAnySize) {
  for (const std::size_t expected : {0, 1, 7, 1000}) {
    KeyFilter filter(expected);
    filter.add("tirana");
    filter.add("new york");
    EXPECT_TRUE(filter.may_contain("tirana")) << expected;
    EXPECT_TRUE(filter.may_contain("new york")) << expected;
  }
}

}  // namespace
}  // namespace newsdex
