// SPDX-License-Identifier: GPL-3.0-or-later
// The command line, driven in-process: arguments, exit statuses, terminal and JSON output.
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/human.h"
#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct CliRun {
  int status;
  std::string out;
  std::string err;
};

CliRun run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = run_cli(args, {.out = out, .err = err});
  return {status, out.str(), err.str()};
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(dir_.path() / "archive/2023-04-02-harbour.txt",
                        "Harbour strike halts container traffic in Rotterdam\n\n"
                        "ROTTERDAM, April 2 (Port Wire) - Dock workers walked out on Sunday, "
                        "halting container traffic at Europe's largest port.\n\n"
                        "Unions said the strike would last two days.\n\n"
                        "Copyright 2023 Port Wire. All rights reserved.\n");
    testing::write_file(
        dir_.path() / "archive/feed.jsonl",
        R"({"id":"w1","title":"Strike ends at Antwerp harbour","body":"Work resumed on Tuesday.","published":"2023-04-04T08:00:00Z","source":"Port Wire","url":"https://example.org/w1"})"
        "\n"
        R"({"id":"w2","title":"Grain exports rise","body":"Shipments grew by a tenth.","published":"2023-05-10","source":"Farm Daily"})"
        "\n");
    const CliRun indexed = run({"index", "--db", db_, dir_ / "archive"});
    ASSERT_EQ(indexed.status, 0) << indexed.err;
  }

  testing::TempDir dir_;
  std::string db_ = dir_ / "db";
};

TEST_F(CliTest, IndexPrintsASummary) {
  const CliRun again = run({"index", "--db", db_, dir_ / "archive"});
  EXPECT_EQ(again.status, 0);
  EXPECT_THAT(again.out,
              HasSubstr("read 0 articles: 0 added, 0 replaced, 3 unchanged, 0 removed, 0 skipped"));
  EXPECT_THAT(again.out, HasSubstr("articles/s"));
}

TEST_F(CliTest, IndexPruneRemovesTheArticlesOfDeletedFiles) {
  std::filesystem::remove(dir_.path() / "archive/feed.jsonl");
  const CliRun kept = run({"index", "--db", db_, dir_ / "archive"});
  EXPECT_EQ(kept.status, 0) << kept.err;
  EXPECT_THAT(kept.out, HasSubstr("1 unchanged, 0 removed"));
  const CliRun pruned = run({"index", "--db", db_, "--prune", dir_ / "archive"});
  EXPECT_EQ(pruned.status, 0) << pruned.err;
  EXPECT_THAT(pruned.out, HasSubstr("1 unchanged, 2 removed"));
  const CliRun stats = run({"stats", "--db", db_, "--json"});
  EXPECT_THAT(stats.out, HasSubstr(R"("documents": 1,)"));
}

TEST_F(CliTest, SearchPrintsRankedHitsWithSnippetsAndFacets) {
  const CliRun found = run({"search", "--db", db_, "strike"});
  ASSERT_EQ(found.status, 0) << found.err;
  EXPECT_THAT(found.out, HasSubstr("2 matches"));
  EXPECT_THAT(found.out, HasSubstr("2023-04-02  Harbour strike halts container traffic in Rotterdam"));
  EXPECT_THAT(found.out, HasSubstr("2023-04-04  Strike ends at Antwerp harbour"));
  EXPECT_THAT(found.out, HasSubstr("Port Wire"));
  EXPECT_THAT(found.out, HasSubstr("source"));
  EXPECT_THAT(found.out, HasSubstr("█"));  // the date histogram
  EXPECT_THAT(found.out, HasSubstr("  2023-04-03   0\n"));          // a day between, without a bar
  EXPECT_THAT(found.out, HasSubstr("w1  https://example.org/w1"));  // id and address
}

// Copies of a story fold into one hit, and the header says how many matches the page's hits
// hold besides.
TEST(CliCollapseTest, TheHeaderCountsTheCopiesFoldedIntoTheHits) {
  testing::TempDir dir;
  const std::string body =
      "ROTTERDAM, April 2 (Port Wire) - Dock workers walked out on Sunday, halting container "
      "traffic at Europe's largest port, and unions said the strike would last two days while "
      "talks on pay and shift patterns went on.\n";
  testing::write_file(dir.path() / "archive/a.txt", "Harbour strike in Rotterdam\n\n" + body);
  testing::write_file(dir.path() / "archive/b.txt", "Rotterdam dock workers strike\n\n" + body);
  const std::string db = dir / "db";
  ASSERT_EQ(run({"index", "--db", db, dir / "archive"}).status, 0);
  const CliRun folded = run({"search", "--db", db, "--no-facets", "strike"});
  EXPECT_THAT(folded.out, HasSubstr("2 matches, showing 1-1 (+1 similar)\n"));
  const CliRun all = run({"search", "--db", db, "--no-facets", "--no-collapse", "strike"});
  EXPECT_THAT(all.out, HasSubstr("2 matches, showing 1-2\n"));
}

TEST_F(CliTest, SearchJsonFollowsTheContract) {
  const CliRun found = run({"search", "--db", db_, "--json", "strike", "harbour"});
  ASSERT_EQ(found.status, 0) << found.err;
  const auto json = nlohmann::json::parse(found.out);
  EXPECT_EQ(json["total"]["estimated"], 2);
  EXPECT_EQ(json["total"]["exact"], true);
  ASSERT_EQ(json["hits"].size(), 2u);
  const auto& hit = json["hits"][0];
  for (const char* key :
       {"id", "rank", "score", "headline", "date", "source", "url", "language", "snippet"}) {
    EXPECT_TRUE(hit.contains(key)) << key;
  }
  EXPECT_EQ(hit["rank"], 1);
  for (const auto& each : json["hits"]) {
    EXPECT_EQ(each["language"], "en");
    // The JSON Lines story gave its address; the text file none.
    EXPECT_EQ(each["url"], each["id"] == "w1" ? nlohmann::json("https://example.org/w1")
                                              : nlohmann::json(nullptr));
  }
  // The text story's body holds both words; its snippet marks them.
  const auto& story = json["hits"][0]["id"] == "w1" ? json["hits"][1] : json["hits"][0];
  EXPECT_THAT(story["snippet"].get<std::string>(), HasSubstr("<mark>strike</mark>"));
  EXPECT_TRUE(json["facets"].is_object());
  EXPECT_TRUE(json["suggestion"].is_null());
  EXPECT_EQ(json["facets"]["source"][0]["value"], "Port Wire");
  EXPECT_EQ(json["facets"]["source"][0]["count"], 2);
}

TEST_F(CliTest, FilterAndSortOptions) {
  const CliRun filtered =
      run({"search", "--db", db_, "--json", "--filter", "source=Farm Daily", "--sort", "newest"});
  ASSERT_EQ(filtered.status, 0) << filtered.err;
  const auto json = nlohmann::json::parse(filtered.out);
  ASSERT_EQ(json["hits"].size(), 1u);
  EXPECT_EQ(json["hits"][0]["id"], "w2");
  const CliRun excluded = run({"search", "--db", db_, "--json", "--exclude", "source=Farm Daily"});
  EXPECT_EQ(nlohmann::json::parse(excluded.out)["total"]["estimated"], 2);
}

// Each takes one value: the words after it are the query's.
TEST_F(CliTest, RepeatableOptionsTakeOneValueEach) {
  const CliRun found =
      run({"search", "--db", db_, "--json", "--facet", "source", "--facet", "date", "--filter",
           "source=Port Wire", "--exclude", "source=Farm Daily", "strike", "rotterdam"});
  ASSERT_EQ(found.status, 0) << found.err;
  const auto json = nlohmann::json::parse(found.out);
  ASSERT_EQ(json["hits"].size(), 1u);
  EXPECT_EQ(json["hits"][0]["id"], "archive/2023-04-02-harbour.txt");
  EXPECT_EQ(json["facets"].size(), 2u);
  EXPECT_TRUE(json["facets"].contains("source"));
  EXPECT_TRUE(json["facets"].contains("date"));
}

TEST_F(CliTest, BoilerplateIsNotIndexed) {
  const CliRun found = run({"search", "--db", db_, "--json", "reserved"});
  EXPECT_EQ(nlohmann::json::parse(found.out)["total"]["estimated"], 0);
}

TEST_F(CliTest, StatsJson) {
  const CliRun stats = run({"stats", "--db", db_, "--json"});
  ASSERT_EQ(stats.status, 0) << stats.err;
  const auto json = nlohmann::json::parse(stats.out);
  EXPECT_EQ(json["documents"], 3);
  EXPECT_EQ(json["first_date"], "2023-04-02");
  EXPECT_EQ(json["last_date"], "2023-05-10");
  EXPECT_EQ(json["formats"]["jsonl"], 2);
  EXPECT_EQ(json["formats"]["text"], 1);
  const CliRun text = run({"stats", "--db", db_});
  EXPECT_THAT(text.out, HasSubstr("documents: 3"));
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(run({}).status, 2);
  EXPECT_EQ(run({"search", "oil"}).status, 2);  // no --db
  EXPECT_EQ(run({"search", "--db", db_, "--sort", "sideways", "oil"}).status, 2);
  EXPECT_EQ(run({"frobnicate"}).status, 2);
  // A negative count is refused, not read as the largest one.
  for (const char* option : {"--limit", "--offset", "--facet-size"}) {
    const CliRun negative = run({"search", "--db", db_, option, "-1", "oil"});
    EXPECT_EQ(negative.status, 2) << option;
    EXPECT_THAT(negative.err, HasSubstr(option)) << option;
  }
  EXPECT_EQ(run({"similar", "--db", db_, "--limit", "-1", "w1"}).status, 2);
  const CliRun recency = run({"search", "--db", db_, "--recency", "-1", "oil"});
  EXPECT_EQ(recency.status, 2);
  EXPECT_THAT(recency.err, HasSubstr("--recency: Value -1 not in range 0.000000 to 36500.000000"));
  const CliRun zero_batch = run({"index", "--db", db_, "--batch-size", "0", dir_ / "archive"});
  EXPECT_EQ(zero_batch.status, 2);
  EXPECT_THAT(zero_batch.err, HasSubstr("--batch-size: expected a number above 0"));
  const CliRun threads = run({"index", "--db", db_, "--threads", "-2", dir_ / "archive"});
  EXPECT_EQ(threads.status, 2);
  EXPECT_THAT(threads.err, HasSubstr("--threads: expected a whole number, not '-2'"));
}

TEST_F(CliTest, QueryWordsThatStartWithAMinusFollowADoubleDash) {
  const CliRun unquoted = run({"search", "--db", db_, "strike", "-rotterdam"});
  EXPECT_EQ(unquoted.status, 2);
  EXPECT_THAT(unquoted.err, HasSubstr("must come after '--'"));
  const CliRun mistyped = run({"search", "--db", db_, "--jsn", "strike"});
  EXPECT_EQ(mistyped.status, 2);
  EXPECT_THAT(mistyped.err, Not(HasSubstr("must come after '--'")));
  const CliRun after = run({"search", "--db", db_, "--json", "--", "strike", "-rotterdam"});
  ASSERT_EQ(after.status, 0) << after.err;
  const auto json = nlohmann::json::parse(after.out);
  ASSERT_EQ(json["hits"].size(), 1u);
  EXPECT_EQ(json["hits"][0]["id"], "w1");
}

TEST_F(CliTest, FailuresExitWithOneAndSayWhy) {
  const CliRun missing = run({"search", "--db", dir_ / "nope", "oil"});
  EXPECT_EQ(missing.status, 1);
  EXPECT_THAT(missing.err, HasSubstr("no database"));
  const CliRun bad_filter = run({"search", "--db", db_, "--filter", "colour", "oil"});
  EXPECT_EQ(bad_filter.status, 1);
  EXPECT_THAT(bad_filter.err, HasSubstr("FIELD=VALUE"));
}

TEST_F(CliTest, BrokenInputIsReportedAndTheRestIndexed) {
  testing::write_file(dir_.path() / "broken/good.jsonl",
                      R"({"id":"g1","title":"Bridge reopens in Porto","body":"Traffic flows again."})"
                      "\n{not json\n"
                      R"({"id":"g2","title":"Tram line extended in Lisbon","body":"Four new stops."})"
                      "\n");
  testing::write_file(dir_.path() / "broken/empty.txt", "");
  testing::write_file(dir_.path() / "broken/junk.bin", std::string("\x00\xff\xfe\x01\x02garbage\x00", 14));
  const CliRun indexed = run({"index", "--db", dir_ / "db2", dir_ / "broken"});
  EXPECT_EQ(indexed.status, 0) << indexed.err;
  EXPECT_THAT(indexed.err, HasSubstr("good.jsonl:2:"));
  EXPECT_THAT(indexed.err, HasSubstr("junk.bin"));
  EXPECT_THAT(indexed.out, HasSubstr("2 added"));
}

}  // namespace
}  // namespace newsdex::cli

namespace newsdex::cli {
namespace {

TEST(HumanFormat, GroupsThousandsWithCommas) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1000), "1,000");
  EXPECT_EQ(format_count(21578), "21,578");
  EXPECT_EQ(format_count(1234567), "1,234,567");
}

}  // namespace
}  // namespace newsdex::cli
