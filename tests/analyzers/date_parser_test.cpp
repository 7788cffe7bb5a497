// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/date_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace newsdex {
namespace {

constexpr std::string_view kNone = "none";

std::string iso_or_none(const std::optional<CivilDate>& date) {
  return date ? date->iso() : std::string(kNone);
}

// Contexts are built field by field: GCC 12 warns (-Wmissing-field-initializers) when a
// designated initializer leaves later fields to their defaults.
DateContext in(std::string language) {
  DateContext ctx;
  ctx.language = std::move(language);
  return ctx;
}

DateContext near(CivilDate reference, std::string language = "en") {
  DateContext ctx = in(std::move(language));
  ctx.reference = reference;
  return ctx;
}

DateContext ordered(NumericOrder order) {
  DateContext ctx;
  ctx.numeric_order = order;
  return ctx;
}

struct DateCase {
  std::string_view input;
  std::string_view expected;  // ISO form, or "none"
  DateContext ctx = {};
};

void PrintTo(const DateCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class ParseDateTest : public testing::TestWithParam<DateCase> {};

TEST_P(ParseDateTest, Golden) {
  EXPECT_EQ(iso_or_none(parse_date(GetParam().input, GetParam().ctx)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    FieldForms, ParseDateTest,
    testing::Values(
        // Reuters-21578 DATE, with its leading spaces, double spaces and "&#5;&#5;F" tails.
        DateCase{"26-FEB-1987 15:01:01.79", "1987-02-26"},
        DateCase{"  3-MAR-1987 00:43:42.82", "1987-03-03"},
        DateCase{"3-MAR-1987  09:15:05.40", "1987-03-03"},
        DateCase{"27-MAR-1987 00:03:35.68&#5;&#5;&#5;F", "1987-03-27"},
        DateCase{"27-MAR-1987 00:02:59.13\t\t\tRM", "1987-03-27"},
        // ISO 8601 and compact forms; the civil date as written, not converted to UTC.
        DateCase{"2022-09-07T10:00:00Z", "2022-09-07"},
        DateCase{"2022-09-07T23:30:00-05:00", "2022-09-07"}, DateCase{"2022-09-07", "2022-09-07"},
        DateCase{"2022-09", "2022-09"}, DateCase{"2022", "2022"},
        DateCase{"20220907", "2022-09-07"},
        // RFC 2822 and written English.
        DateCase{"Wed, 07 Sep 2022 10:00:00 +0000", "2022-09-07"},
        DateCase{"07 Sept 2022", "2022-09-07"}, DateCase{"Sept. 7, 2022", "2022-09-07"},
        DateCase{"September 7th, 2022", "2022-09-07"},
        DateCase{"7th of September 2022", "2022-09-07"},
        DateCase{"Wednesday, September 7, 2022", "2022-09-07"},
        DateCase{"SEPTEMBER 7, 2022", "2022-09-07"}, DateCase{"Sept. 2022", "2022-09"},
        DateCase{"September 2022", "2022-09"},
        // Other languages, with their own abbreviations.
        DateCase{"7. September 2022", "2022-09-07", in("de")},
        DateCase{"Mittwoch, 7. Sept. 2022", "2022-09-07", in("de")},
        DateCase{"3. Mär. 2023", "2023-03-03", in("de")},
        DateCase{"3. Jänner 2023", "2023-01-03", in("de-AT")},
        DateCase{"7 septembre 2022", "2022-09-07", in("fr")},
        DateCase{"mercredi 7 sept. 2022", "2022-09-07", in("fr")},
        DateCase{"1er févr. 2022", "2022-02-01", in("fr")},
        DateCase{"24 DÉC 2022", "2022-12-24", in("fr")},
        DateCase{"7 de septiembre de 2022", "2022-09-07", in("es")},
        DateCase{"7 de setembro de 2022", "2022-09-07", in("pt")},
        DateCase{"7 settembre 2022", "2022-09-07", in("it")},
        DateCase{"7 sept. 2022", "2022-09-07", in("nl")},
        DateCase{"7 сентября 2022 г.", "2022-09-07", in("ru")},
        DateCase{"7 Eylül 2022", "2022-09-07", in("tr")},
        DateCase{"7 سبتمبر 2022", "2022-09-07", in("ar")},
        DateCase{"٧ سبتمبر ٢٠٢٢", "2022-09-07", in("ar")},
        DateCase{"7 أيلول 2022", "2022-09-07", in("ar")},
        DateCase{"7 تشرين الأول 2022", "2022-10-07", in("ar")},
        // Non-Latin names are understood whatever the stated language.
        DateCase{"7 سبتمبر 2022", "2022-09-07", in("en")}, DateCase{"2022年9月7日", "2022-09-07"},
        DateCase{"２０２２年９月７日", "2022-09-07"}, DateCase{"2022년 9월 7일", "2022-09-07"},
        DateCase{"2022年9月", "2022-09"},
        // "mar" is Tuesday in French and March in Spanish.
        DateCase{"7 mar 2022", kNone, in("fr")}, DateCase{"7 mar 2022", "2022-03-07", in("es")}));

INSTANTIATE_TEST_SUITE_P(
    NumericOrders, ParseDateTest,
    testing::Values(DateCase{"07/09/2022", "2022-09-07"},
                    DateCase{"07/09/2022", "2022-09-07", ordered(NumericOrder::day_first)},
                    DateCase{"07/09/2022", "2022-07-09", ordered(NumericOrder::month_first)},
                    DateCase{"07/09/2022", kNone, ordered(NumericOrder::unambiguous_only)},
                    DateCase{"13/09/2022", "2022-09-13", ordered(NumericOrder::unambiguous_only)},
                    DateCase{"09/13/2022", "2022-09-13", ordered(NumericOrder::day_first)},
                    DateCase{"07/07/2022", "2022-07-07", ordered(NumericOrder::unambiguous_only)},
                    // Dotted dates are day first everywhere.
                    DateCase{"07.09.2022", "2022-09-07", ordered(NumericOrder::month_first)},
                    DateCase{"13/13/2022", kNone}, DateCase{"07/09/22", kNone}));

INSTANTIATE_TEST_SUITE_P(YearInference, ParseDateTest,
                         testing::Values(DateCase{"March 3", kNone},
                                         DateCase{"March 3", "1987-03-03", near({1987, 3, 4})},
                                         // Dec/Jan wrap: the nearest year, not the reference's.
                                         DateCase{"Dec 30", "1987-12-30", near({1988, 1, 2})},
                                         DateCase{"Jan 2", "1988-01-02", near({1987, 12, 30})},
                                         DateCase{"Feb 26", "1987-02-26", near({1987, 3, 1})},
                                         DateCase{"Feb 26", "1987-02-26", near({1987, 0, 0})},
                                         DateCase{"Aug 1", "1987-08-01", near({1987, 2, 0})},
                                         DateCase{"15 juillet", "2022-07-15",
                                                  near({2022, 9, 7}, "fr")},
                                         DateCase{"9月7日", "2022-09-07", near({2022, 9, 8})},
                                         DateCase{"Feb 30", kNone, near({1987, 3, 1})}));

INSTANTIATE_TEST_SUITE_P(
    Rejected, ParseDateTest,
    testing::Values(
        // Impossible dates are rejected, never rolled over.
        DateCase{"30 Feb 2022", kNone}, DateCase{"Feb 30, 2022", kNone},
        DateCase{"September 31, 2022", kNone}, DateCase{"2022-02-29", kNone},
        DateCase{"2024-02-29", "2024-02-29"}, DateCase{"2022-13-01", kNone},
        DateCase{"20221301", kNone}, DateCase{"2022-09-31T00:00:00Z", kNone},
        // Not dates at all.
        DateCase{"", kNone}, DateCase{"   ", kNone}, DateCase{"hello", kNone},
        DateCase{"12 killed in blast", kNone}, DateCase{"2022 was a year", kNone},
        DateCase{"September 2022 saw a crisis", kNone}, DateCase{"3.5 percent", kNone},
        DateCase{"1,000 tonnes", kNone}, DateCase{"12345678", kNone}, DateCase{"March", kNone},
        DateCase{"Wednesday", kNone}, DateCase{"Published 7 September 2022", kNone}));

struct FindCase {
  std::string_view input;
  std::string_view expected;  // ISO form, or "none"
  std::string_view matched;   // the text between start and end
  bool year_stated = true;
  DateContext ctx = {};
};

void PrintTo(const FindCase& c, std::ostream* os) { *os << '"' << c.input << '"'; }

class FindDateTest : public testing::TestWithParam<FindCase> {};

TEST_P(FindDateTest, Golden) {
  const FindCase& c = GetParam();
  const auto match = find_date(c.input, c.ctx);
  ASSERT_EQ(match ? match->date.iso() : std::string(kNone), c.expected);
  if (!match) return;
  EXPECT_EQ(c.input.substr(match->start, match->end - match->start), c.matched);
  EXPECT_EQ(match->year_stated, c.year_stated);
}

INSTANTIATE_TEST_SUITE_P(
    Paths, FindDateTest,
    testing::Values(
        FindCase{"https://example.com/news/2022/09/07/albania-iran/", "2022-09-07", "2022/09/07"},
        FindCase{"https://example.com/2022/09/07/123456/story", "2022-09-07", "2022/09/07"},
        FindCase{"2022-09-07-albania-cuts-ties.html", "2022-09-07", "2022-09-07"},
        FindCase{"archive/story_20220907.html", "2022-09-07", "20220907"},
        FindCase{"https://example.com/2022/09/albania/", "2022-09", "2022/09"},
        FindCase{"http://www.news.cn/2023-04/18/c_1129534531.htm", "2023-04-18", "2023-04/18"},
        FindCase{"ID20220907", kNone, ""}, FindCase{"v2.2022-09-07", kNone, ""},
        FindCase{"order 12345678", kNone, ""}));

INSTANTIATE_TEST_SUITE_P(
    RunningText, FindDateTest,
    testing::Values(FindCase{"WASHINGTON, March 3 (Reuters) - The", "1987-03-03", "March 3", false,
                             near({1987, 3, 3})},
                    FindCase{"the 15 July cyberattack on Albania", "2022-07-15", "15 July", false,
                             near({2022, 9, 7})},
                    // Without a reference a year-less date is skipped, not guessed.
                    FindCase{"the 15 July cyberattack on Albania", kNone, ""},
                    FindCase{"took place on July 15th, was first", "2022-07-15", "July 15th", false,
                             near({2022, 9, 7})},
                    FindCase{"Copyright @2022 | All Rights Reserved", kNone, ""},
                    FindCase{"Tirana, Albania – | 07 Sept 2022 (Tirana Echo) –", "2022-09-07",
                             "07 Sept 2022"},
                    // Impossible dates are skipped and the search goes on.
                    FindCase{"not Feb 30, 2022 but March 3, 1987.", "1987-03-03", "March 3, 1987"},
                    // Decimals, thousands and ranges are not dates.
                    FindCase{"rose 3.5 March 1,000 tonnes", kNone, "", true, near({1987, 3, 3})},
                    FindCase{"talks on 7–9 September", kNone, "", true, near({2022, 9, 1})},
                    FindCase{"sales in March 3,000 units", kNone, "", true, near({1987, 3, 3})},
                    FindCase{"東京で2023年5月3日に", "2023-05-03", "2023年5月3日"},
                    FindCase{"due by 31/12/2022.", "2022-12-31", "31/12/2022"}));

TEST(CivilDateTest, FormsAndPrecision) {
  const CivilDate day{2022, 9, 7};
  EXPECT_EQ(day.iso(), "2022-09-07");
  EXPECT_EQ(day.compact(), "20220907");
  EXPECT_EQ(day.precision(), DatePrecision::day);
  const CivilDate month{2022, 9, 0};
  EXPECT_EQ(month.iso(), "2022-09");
  EXPECT_EQ(month.compact(), "20220900");
  EXPECT_EQ(month.precision(), DatePrecision::month);
  const CivilDate year{2022, 0, 0};
  EXPECT_EQ(year.iso(), "2022");
  EXPECT_EQ(year.precision(), DatePrecision::year);
  EXPECT_EQ(CivilDate({987, 2, 26}).iso(), "0987-02-26");
  EXPECT_LT(month, day);
  EXPECT_LT(day, (CivilDate{2022, 9, 8}));
}

TEST(CivilDateTest, Validity) {
  EXPECT_TRUE((CivilDate{2024, 2, 29}.ok()));
  EXPECT_FALSE((CivilDate{2023, 2, 29}.ok()));
  EXPECT_FALSE((CivilDate{2022, 9, 31}.ok()));
  EXPECT_FALSE((CivilDate{2022, 13, 0}.ok()));
  EXPECT_FALSE((CivilDate{2022, 0, 7}.ok()));
  EXPECT_TRUE((CivilDate{2022, 0, 0}.ok()));
}

// The name tables are built on first use; racing first uses must all see complete tables.
TEST(ParseDateTest, ConcurrentFirstUseAgrees) {
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&results, i] {
      results[i] = iso_or_none(parse_date("7 de septiembre de 2022", in("es")));
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(result, "2022-09-07");
}

}  // namespace
}  // namespace newsdex
