// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include <string>

#include "analyzers/duplicate_key.h"

namespace newsdex {
namespace {

const std::string kStory =
    "TIRANA, July 18 (Balkan Wire) - Albania took its government portals offline on Monday "
    "after a cyberattack that disabled the e-Albania portal, which citizens use to pay taxes, "
    "register property and request official documents. The National Agency for Information "
    "Society said the attack was first detected early on Friday and that systems had been shut "
    "down as a precaution while experts examined the servers.";

TEST(DuplicateKey, CopiesWithSmallEditsShareTheKey) {
  const std::string key = duplicate_key(kStory);
  ASSERT_EQ(key.size(), 32u);
  // Case, punctuation and a changed dateline leave the key alone.
  std::string recased = kStory;
  for (char& c : recased) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(duplicate_key(recased), key);
  EXPECT_EQ(duplicate_key("TIRANA (Adriatic Press) -- " + kStory.substr(30)),
            duplicate_key("TIRANA, July 19 (Balkan Wire) -- " + kStory.substr(30)));
}

TEST(DuplicateKey, DifferentStoriesDiffer) {
  const std::string other =
      "FRANKFURT, Sept 8 (Balkan Wire) - The European Central Bank raised its key interest "
      "rates by three quarters of a point on Thursday, its largest increase ever, and said "
      "more rises would follow as inflation in the euro zone reached a record high in August.";
  EXPECT_NE(duplicate_key(kStory), duplicate_key(other));
}

TEST(DuplicateKey, ShortTextsHaveNoKey) {
  EXPECT_EQ(duplicate_key("Shr 10 cts vs 8 cts. Net 1.2 mln vs 900,000."), "");
  EXPECT_EQ(duplicate_key(""), "");
}

}  // namespace
}  // namespace newsdex
