// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/dateline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace newsdex {
namespace {

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

struct DatelineCase {
  std::string_view paragraph;
  DateContext ctx;
  std::string_view text;
  std::string_view places;  // joined with " | "
  std::string_view date;    // ISO form, or "none"
  std::string_view source;
  std::string_view rest;  // what follows the dateline
};

void PrintTo(const DatelineCase& c, std::ostream* os) { *os << '"' << c.paragraph << '"'; }

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : " | ") + part;
  return out;
}

void expect_dateline(const std::optional<Dateline>& dateline, const DatelineCase& c) {
  ASSERT_TRUE(dateline.has_value()) << c.paragraph;
  EXPECT_EQ(dateline->text, c.text);
  EXPECT_EQ(joined(dateline->places), c.places);
  EXPECT_EQ(dateline->date ? dateline->date->iso() : "none", c.date);
  EXPECT_EQ(dateline->source, c.source);
  ASSERT_LE(dateline->length, c.paragraph.size());
  EXPECT_EQ(c.paragraph.substr(dateline->length), c.rest);
}

class ParseDatelineTest : public testing::TestWithParam<DatelineCase> {};

TEST_P(ParseDatelineTest, Golden) {
  expect_dateline(parse_dateline(GetParam().paragraph, GetParam().ctx), GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    Forms, ParseDatelineTest,
    testing::Values(
        DatelineCase{"Tirana, Albania – | 07 Sept 2022 (Tirana Echo) – Albania has officially cut",
                     {},
                     "Tirana, Albania – | 07 Sept 2022 (Tirana Echo)",
                     "Tirana | Albania",
                     "2022-09-07",
                     "Tirana Echo",
                     "Albania has officially cut"},
        DatelineCase{"WASHINGTON, March 3 (Reuters) - The U.S. said", near({1987, 3, 3}),
                     "WASHINGTON, March 3 (Reuters)", "WASHINGTON", "1987-03-03", "Reuters",
                     "The U.S. said"},
        DatelineCase{"NEW YORK (AP) — Stocks fell.",
                     {},
                     "NEW YORK (AP)",
                     "NEW YORK",
                     "none",
                     "AP",
                     "Stocks fell."},
        DatelineCase{"SALVADOR, Feb 26 - Coffee", near({1987, 2, 26}), "SALVADOR, Feb 26",
                     "SALVADOR", "1987-02-26", "", "Coffee"},
        DatelineCase{"    WELLINGTON, Feb 27 - ", near({1987, 2, 26}), "WELLINGTON, Feb 27",
                     "WELLINGTON", "1987-02-27", "", ""},
        DatelineCase{"PORTLAND, Maine, Jan 5 - Shares", near({1987, 1, 6}),
                     "PORTLAND, Maine, Jan 5", "PORTLAND | Maine", "1987-01-05", "", "Shares"},
        DatelineCase{"ST. LOUIS, Mo., March 9 - A", near({1987, 3, 9}), "ST. LOUIS, Mo., March 9",
                     "ST. LOUIS | Mo.", "1987-03-09", "", "A"},
        DatelineCase{"RIO DE JANEIRO, March 9 - A", near({1987, 3, 9}), "RIO DE JANEIRO, March 9",
                     "RIO DE JANEIRO", "1987-03-09", "", "A"},
        DatelineCase{"ZURICH/GENEVA, March 9 - A", near({1987, 3, 9}), "ZURICH/GENEVA, March 9",
                     "ZURICH | GENEVA", "1987-03-09", "", "A"},
        DatelineCase{"LONDON, March 9, Reuter - A", near({1987, 3, 9}), "LONDON, March 9, Reuter",
                     "LONDON", "1987-03-09", "Reuter", "A"},
        DatelineCase{"Abidjan, Côte d'Ivoire, 9 mars 2023 (AFP) - Le", near({2023, 3, 9}, "fr"),
                     "Abidjan, Côte d'Ivoire, 9 mars 2023 (AFP)", "Abidjan | Côte d'Ivoire",
                     "2023-03-09", "AFP", "Le"},
        DatelineCase{"BERLIN, 7. September 2022 (dpa) - Die", in("de"),
                     "BERLIN, 7. September 2022 (dpa)", "BERLIN", "2022-09-07", "dpa", "Die"},
        DatelineCase{"Frankfurt am Main (dpa) - Die", in("de"), "Frankfurt am Main (dpa)",
                     "Frankfurt am Main", "none", "dpa", "Die"},
        DatelineCase{"Wien – Die Regierung", in("de"), "Wien", "Wien", "none", "", "Die Regierung"},
        DatelineCase{"Paris, 7 sept 2022 (AFP) - Le", in("fr"), "Paris, 7 sept 2022 (AFP)", "Paris",
                     "2022-09-07", "AFP", "Le"},
        DatelineCase{"MADRID, 3 mar 2023 (EFE) - El", in("es"), "MADRID, 3 mar 2023 (EFE)",
                     "MADRID", "2023-03-03", "EFE", "El"},
        DatelineCase{"موسكو، 3 مارس 2023 (رويترز) - قال", in("ar"), "موسكو، 3 مارس 2023 (رويترز)",
                     "موسكو", "2023-03-03", "رويترز", "قال"},
        DatelineCase{"МОСКВА, 5 декабря 2022 /ТАСС/ — В понедельник", in("ru"),
                     "МОСКВА, 5 декабря 2022 /ТАСС/", "МОСКВА", "2022-12-05", "ТАСС",
                     "В понедельник"},
        DatelineCase{"福岡、2023年7月10日（共同）― 停滞する", in("ja"),
                     "福岡、2023年7月10日（共同）", "福岡", "2023-07-10", "共同", "停滞する"},
        DatelineCase{"东京，2023年5月3日（共同社）—日本政府", in("zh"),
                     "东京，2023年5月3日（共同社）", "东京", "2023-05-03", "共同社", "日本政府"},
        // Wire copy that drops the comma before a written month.
        DatelineCase{"JOHANNESBURG March 13 - Gold", near({1987, 3, 13}), "JOHANNESBURG March 13",
                     "JOHANNESBURG", "1987-03-13", "", "Gold"},
        DatelineCase{"RICHMOND, Va. Feb 26 - A", near({1987, 2, 26}), "RICHMOND, Va. Feb 26",
                     "RICHMOND | Va.", "1987-02-26", "", "A"},
        // Year inference across the new year.
        DatelineCase{"TOKYO, Dec 30 - ", near({1988, 1, 2}), "TOKYO, Dec 30", "TOKYO", "1987-12-30",
                     "", ""},
        // A dateline whose date is impossible is still a dateline, without a date.
        DatelineCase{"SALVADOR, Feb 30 - A", near({1987, 2, 26}), "SALVADOR, Feb 30", "SALVADOR",
                     "none", "", "A"},
        // Year-less without a reference: the date's text is consumed but not resolved.
        DatelineCase{"SALVADOR, Feb 26 - A", {}, "SALVADOR, Feb 26", "SALVADOR", "none", "", "A"},
        // The first dash ends the dateline when nothing dateline-like follows it.
        DatelineCase{"WASHINGTON - The president said - officials",
                     {},
                     "WASHINGTON",
                     "WASHINGTON",
                     "none",
                     "",
                     "The president said - officials"},
        DatelineCase{"WASHINGTON--The president",
                     {},
                     "WASHINGTON",
                     "WASHINGTON",
                     "none",
                     "",
                     "The president"}));

class NotADatelineTest : public testing::TestWithParam<std::string_view> {};

TEST_P(NotADatelineTest, Rejected) {
  EXPECT_FALSE(parse_dateline(GetParam(), near({2022, 9, 7})).has_value());
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, NotADatelineTest,
    testing::Values(
        "Albania has cut ties - officials said", "the 15 July cyberattack on Albania - it",
        "The 15 July cyberattack was - as we said", "15 July - the attack",
        "Following close cooperation with international agencies, we have managed",
        "Prime Minister Edi Rama Said - that", "ONE, TWO, THREE, FOUR, March 3 - x",
        "WASHINGTON, March 3 (a remark that runs on and on and on for more than sixty bytes) - x",
        "LONDON, March 3 and then some", "    omaha, april 9 - ", "", "   ", "Reuters",
        "- WASHINGTON", "March 3 - the day", "APRIL 7 - "));

TEST(ParseDatelineTest, LongerThanADatelineIsRejected) {
  const std::string paragraph =
      "WASHINGTON, D.C., March 3 (" + std::string(50, 'x') + ") " + std::string(60, ' ') + "- body";
  EXPECT_FALSE(parse_dateline(paragraph, {}).has_value());
}

class ParseDatelineFieldTest : public testing::TestWithParam<DatelineCase> {};

TEST_P(ParseDatelineFieldTest, Golden) {
  expect_dateline(parse_dateline_field(GetParam().paragraph, GetParam().ctx), GetParam());
}

INSTANTIATE_TEST_SUITE_P(
    ReutersFields, ParseDatelineFieldTest,
    testing::Values(
        DatelineCase{"    omaha, april 9 - ", near({1987, 4, 9}), "omaha, april 9", "omaha",
                     "1987-04-09", "", ""},
        DatelineCase{"SALVADOR, Feb 26", near({1987, 2, 26}), "SALVADOR, Feb 26", "SALVADOR",
                     "1987-02-26", "", ""},
        DatelineCase{"    NEW YORK - ", {}, "NEW YORK", "NEW YORK", "none", "", ""},
        DatelineCase{"Wien", {}, "Wien", "Wien", "none", "", ""},
        // Some Reuters DATELINE fields hold only the date.
        DatelineCase{"    APRIL 7 - ", near({1987, 4, 7}), "APRIL 7", "", "1987-04-07", "", ""},
        DatelineCase{"    HOUSTON, Conn, APril 9 - ", near({1987, 4, 9}), "HOUSTON, Conn, APril 9",
                     "HOUSTON | Conn", "1987-04-09", "", ""}));

TEST(ParseDatelineFieldTest, RejectsTables) {
  EXPECT_FALSE(parse_dateline_field(" us        1.5 - ", {}).has_value());
  EXPECT_FALSE(parse_dateline_field(" MAR9  --     --", {}).has_value());
  EXPECT_FALSE(parse_dateline_field("LONDON,", {}).has_value());
}

// ---------------------------------------------------------------------------------------------
// Reuters-21578: every DATE, and every DATELINE against its DATE.

struct ReutersRecord {
  std::string date;
  std::optional<std::string> dateline;
};

std::optional<std::string> field(std::string_view record, std::string_view tag) {
  const std::string open = "<" + std::string(tag) + ">";
  const std::string close = "</" + std::string(tag) + ">";
  const auto start = record.find(open);
  if (start == std::string_view::npos) return std::nullopt;
  const auto end = record.find(close, start + open.size());
  if (end == std::string_view::npos) return std::nullopt;
  return std::string(record.substr(start + open.size(), end - start - open.size()));
}

std::vector<ReutersRecord> read_reuters(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("reut2-0") && name.ends_with(".sgm")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ReutersRecord> records;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    for (auto start = text.find("<REUTERS "); start != std::string::npos;
         start = text.find("<REUTERS ", start + 1)) {
      const auto end = text.find("</REUTERS>", start);
      const std::string_view record = std::string_view(text).substr(start, end - start);
      records.push_back({field(record, "DATE").value_or(""), field(record, "DATELINE")});
    }
  }
  return records;
}

long days_since_epoch(const CivilDate& date) {
  namespace chr = std::chrono;
  return chr::sys_days{chr::year{date.year} / chr::month{date.month} / chr::day{date.day}}
      .time_since_epoch()
      .count();
}

double rate(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

TEST(ReutersCorpusTest, DatesAndDatelines) {
  const std::filesystem::path dir =
      std::filesystem::path(NEWSDEX_SHARED_DIR) / "corpus" / "reuters21578";
  if (!std::filesystem::exists(dir / "reut2-000.sgm")) {
    GTEST_SKIP() << "Reuters-21578 is not at " << dir << " (set NEWSDEX_SHARED_DIR)";
  }
  const auto records = read_reuters(dir);
  ASSERT_EQ(records.size(), 21578u);

  using Clock = std::chrono::steady_clock;
  std::chrono::nanoseconds date_time{0};
  std::chrono::nanoseconds dateline_time{0};
  std::size_t dates = 0;
  std::size_t datelines = 0;
  std::size_t dated = 0;
  std::size_t same_day = 0;
  std::size_t within_a_day = 0;
  std::size_t strict_parsed = 0;
  std::vector<std::string> unparsed;
  for (const auto& record : records) {
    const auto t0 = Clock::now();
    const auto date = parse_date(record.date, {});
    date_time += Clock::now() - t0;
    if (date) ++dates;
    if (!record.dateline) continue;
    ++datelines;
    DateContext ctx;
    ctx.reference = date;
    const auto t1 = Clock::now();
    const auto dateline = parse_dateline_field(*record.dateline, ctx);
    dateline_time += Clock::now() - t1;
    if (parse_dateline(*record.dateline, ctx)) ++strict_parsed;
    if (!dateline || !dateline->date || !date) {
      if (unparsed.size() < 10) unparsed.push_back(*record.dateline);
      continue;
    }
    ++dated;
    const auto days = days_since_epoch(*dateline->date) - days_since_epoch(*date);
    if (days == 0) ++same_day;
    if (std::abs(days) <= 1) ++within_a_day;
  }

  std::cout << "DATE parsed: " << dates << "/" << records.size() << " = "
            << rate(dates, records.size()) << "\n"
            << "DATELINE with a date: " << dated << "/" << datelines << " = "
            << rate(dated, datelines) << "\n"
            << "  same day as DATE: " << same_day << " = " << rate(same_day, datelines) << "\n"
            << "  within a day of DATE: " << within_a_day << " = " << rate(within_a_day, datelines)
            << "\n"
            << "DATELINE as a paragraph (strict): " << strict_parsed << " = "
            << rate(strict_parsed, datelines) << "\n"
            << "mean parse_date: " << 1e-3 * date_time.count() / records.size() << " us, "
            << "mean parse_dateline_field: " << 1e-3 * dateline_time.count() / datelines << " us\n";
  for (const auto& dateline : unparsed) std::cout << "  no date: [" << dateline << "]\n";

  EXPECT_GE(rate(dates, records.size()), 0.999);
  EXPECT_GE(rate(dated, datelines), 0.99);
  // Datelines carry the local date of the bureau while DATE is stamped in New York, so Tokyo
  // and London stories filed overnight read one day later (and a few are typed wrong): about 3%
  // of datelines cannot equal DATE's day even when parsed perfectly.
  EXPECT_GE(rate(same_day, datelines), 0.96);
  EXPECT_GE(rate(within_a_day, datelines), 0.99);
}

}  // namespace
}  // namespace newsdex
