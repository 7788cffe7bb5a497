// SPDX-License-Identifier: GPL-3.0-or-later
#include "corpus/utf8.h"

#include <gtest/gtest.h>

#include <string>

#include "corpus/strings.h"
#include "corpus_test_util.h"

namespace newsdex::detail {
namespace {

struct RepairCase {
  std::string input;
  std::string expected;
  std::size_t invalid;
};

class RepairUtf8 : public ::testing::TestWithParam<RepairCase> {};

TEST_P(RepairUtf8, ReplacesMaximalSubparts) {
  const RepairCase& c = GetParam();
  const Utf8Repair repair = repair_utf8(c.input, InvalidUtf8::replace);
  EXPECT_EQ(repair.text, c.expected);
  EXPECT_EQ(repair.invalid, c.invalid);
  EXPECT_TRUE(is_valid_utf8(repair.text));
}

INSTANTIATE_TEST_SUITE_P(
    Table, RepairUtf8,
    ::testing::Values(RepairCase{"plain ascii", "plain ascii", 0},
                      RepairCase{"caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x93\xB0",
                                 "caf\xC3\xA9 \xE2\x80\x93 \xF0\x9F\x93\xB0", 0},
                      RepairCase{"a\xFF"
                                 "b",
                                 "a\uFFFDb", 1},
                      // A truncated sequence is one replacement, not one per byte.
                      RepairCase{"a\xE2\x82"
                                 "b",
                                 "a\uFFFDb", 1},
                      RepairCase{"end\xF0\x9F\x93", "end\uFFFD", 1},
                      // Overlong forms and surrogates are invalid byte by byte.
                      RepairCase{"\xC0\xAF", "\uFFFD\uFFFD", 2},
                      RepairCase{"\xED\xA0\x80", "\uFFFD\uFFFD\uFFFD", 3},
                      RepairCase{"\xF4\x90\x80\x80", "\uFFFD\uFFFD\uFFFD\uFFFD", 4}));

TEST(RepairUtf8Latin1, DecodesInvalidBytesAsLatin1) {
  const Utf8Repair repair =
      repair_utf8("growth.\xFC and caf\xE9 \x93quoted\x94", InvalidUtf8::latin1);
  EXPECT_EQ(repair.text, "growth.\u00FC and caf\u00E9 \u201Cquoted\u201D");
  EXPECT_EQ(repair.invalid, 4u);
  EXPECT_EQ(repair.describe(InvalidUtf8::latin1), "invalid UTF-8: 4 bytes decoded as Latin-1");
}

TEST(RepairUtf8Latin1, KeepsValidUtf8) {
  EXPECT_EQ(repair_utf8("caf\xC3\xA9", InvalidUtf8::latin1).text, "caf\u00E9");
}

TEST(RepairUtf8Controls, RemovesNulAndControlsButKeepsLayout) {
  const Utf8Repair repair =
      repair_utf8(std::string("a\0b\x01\tc\r\nd\x7F\xC2\x85", 12), InvalidUtf8::replace);
  EXPECT_EQ(repair.text, "ab\tc\r\nd");
  EXPECT_EQ(repair.controls, 4u);
  EXPECT_EQ(repair.invalid, 0u);
  EXPECT_EQ(repair.describe(InvalidUtf8::replace), "4 NUL or control characters removed");
}

TEST(RepairUtf8Controls, DescribesBothRepairs) {
  const Utf8Repair repair = repair_utf8(std::string("\xFF\0", 2), InvalidUtf8::replace);
  EXPECT_EQ(repair.describe(InvalidUtf8::replace),
            "invalid UTF-8: 1 sequence replaced by U+FFFD; 1 NUL or control character removed");
}

TEST(RepairUtf8, ArbitraryBytesAlwaysGiveValidUtf8) {
  for (unsigned seed = 0; seed < 50; ++seed) {
    const std::string junk = newsdex::testing::random_bytes(2000, seed);
    EXPECT_TRUE(is_valid_utf8(repair_utf8(junk, InvalidUtf8::replace).text));
    EXPECT_TRUE(is_valid_utf8(repair_utf8(junk, InvalidUtf8::latin1).text));
  }
}

TEST(LooksLikeText, ProseYesBinaryNo) {
  EXPECT_TRUE(looks_like_text("A short story.\n\nWith two paragraphs.\n"));
  EXPECT_TRUE(looks_like_text("Na\xEFve caf\xE9 owners in Montr\xE9\x61l."));
  EXPECT_TRUE(looks_like_text("\x1B[1mbold\x1B[0m text"));
  EXPECT_FALSE(looks_like_text(newsdex::testing::random_bytes(10000)));
  EXPECT_FALSE(looks_like_text(std::string("PK\x03\x04\0\0\0\0\0\0\0\0", 12)));
}

TEST(ConvertToUtf8, KnownAndUnknownCharsets) {
  EXPECT_EQ(convert_to_utf8("caf\xE9 \x80", "windows-1252"), "caf\u00E9 \u20AC");
  EXPECT_EQ(convert_to_utf8(std::string("h\0i\0", 4), "UTF-16LE"), "hi");
  EXPECT_EQ(convert_to_utf8("abc", "no-such-charset"), std::nullopt);
}

TEST(Strings, TrimAndCollapseUnicodeSpace) {
  EXPECT_EQ(trim("\u00A0 text \t\u3000"), "text");
  EXPECT_EQ(collapse_spaces("  a \u00A0 b\n\nc  "), "a b c");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(ifind("Hello WORLD", "world"), 6u);
  // A needle that starts with markup is found by its `<`, case aside in the rest.
  EXPECT_EQ(ifind("<reuters a><REUTERS b>", "<REUTERS", 1), 11u);
  EXPECT_EQ(ifind("<body></BODY>", "</body"), 6u);
  EXPECT_EQ(ifind("<bod", "<body"), std::string_view::npos);
  EXPECT_EQ(ifind("a < b <", "<b"), std::string_view::npos);
  EXPECT_EQ(ifind("x", "<", 2), std::string_view::npos);
  EXPECT_TRUE(iends_with("x.TAR.GZ", ".tar.gz"));
}

TEST(Utf8Decode, CodePointsAndLength) {
  std::size_t length = 0;
  EXPECT_EQ(decode_utf8("\xE2\x80\x93", 0, &length), U'\u2013');
  EXPECT_EQ(length, 3u);
  EXPECT_EQ(decode_utf8("\xFF", 0, &length), U'\uFFFD');
  EXPECT_EQ(length, 1u);
  EXPECT_EQ(strip_utf8_bom("\xEF\xBB\xBFx"), "x");
}

}  // namespace
}  // namespace newsdex::detail
