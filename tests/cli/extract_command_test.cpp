// SPDX-License-Identifier: GPL-3.0-or-later
// `newsdex extract`, driven in-process: the JSON Lines contract of issue 4 and the human form.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli.h"
#include "tests/support/shared_dir.h"
#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex::cli {
namespace {

using nlohmann::json;
using ::testing::Contains;
using ::testing::HasSubstr;

struct Outcome {
  int status;
  std::string out;
  std::string err;
};

Outcome run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = run_cli(args, {.out = out, .err = err});
  return {status, out.str(), err.str()};
}

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> objects;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) objects.push_back(json::parse(line));
  return objects;
}

class ExtractCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(dir_.path() / "archive/2023-04-02-harbour.txt",
                        "Harbour strike halts container traffic in Rotterdam\n\n"
                        "ROTTERDAM, April 2 (Port Wire) - Dock workers walked out on Sunday, "
                        "halting traffic at Europe's largest port, Dutch union leader Jan de "
                        "Vries said.\n\n"
                        "The strike hit Maersk Line and Hapag-Lloyd AG ships bound for Germany.\n\n"
                        "Copyright 2023 Port Wire. All rights reserved.\n");
    testing::write_file(dir_.path() / "archive/feed.jsonl",
                        R"({"id":"w1","title":"Strike ends","body":"Work resumed on Tuesday.",)"
                        R"("published":"30 Feb 2023","source":"Port Wire"})"
                        "\n");
  }

  testing::TempDir dir_;
};

TEST_F(ExtractCommandTest, JsonLinesFollowTheContract) {
  const Outcome result = run({"extract", "--json", dir_ / "archive"});
  ASSERT_EQ(result.status, 0) << result.err;
  const std::vector<json> articles = json_lines(result.out);
  ASSERT_EQ(articles.size(), 2u);
  for (const json& a : articles) {
    for (const char* key : {"id", "headline", "date", "language", "source", "dateline", "countries",
                            "places", "people", "organizations", "body"}) {
      EXPECT_TRUE(a.contains(key)) << key;
    }
  }
  const json& story = articles[0];
  EXPECT_EQ(story["date"], "2023-04-02");
  EXPECT_EQ(story["source"], "Port Wire");
  EXPECT_EQ(story["dateline"]["city"], "Rotterdam");
  EXPECT_EQ(story["dateline"]["country"], "NL");
  EXPECT_EQ(story["dateline"]["source"], "Port Wire");
  EXPECT_EQ(story["countries"][0], "NL");
  EXPECT_THAT(story["countries"], Contains("DE"));
  EXPECT_THAT(story["body"].get<std::string>(), ::testing::Not(HasSubstr("Copyright")));

  const std::string body = story["body"];
  const std::string headline = story["headline"];
  bool germany = false;
  for (const json& place : story["places"]) {
    EXPECT_TRUE(place["kind"] == "country" || place["kind"] == "city" || place["kind"] == "region");
    for (const json& m : place["mentions"]) {
      const std::string& field = m["field"] == "headline" ? headline : body;
      const std::size_t start = m["start"];
      const std::size_t end = m["end"];
      EXPECT_EQ(field.substr(start, end - start), m["text"]) << place["name"];
    }
    germany = germany || place["name"] == "Germany";
  }
  EXPECT_TRUE(germany);
  std::vector<std::string> people;
  for (const json& p : story["people"]) people.push_back(p["name"]);
  EXPECT_THAT(people, Contains("Jan de Vries"));
  std::vector<std::string> organizations;
  for (const json& o : story["organizations"]) organizations.push_back(o["name"]);
  EXPECT_THAT(organizations, Contains("Hapag-Lloyd AG"));
}

TEST_F(ExtractCommandTest, AnImpossibleDateIsNullAndWarned) {
  const Outcome result = run({"extract", "--json", "--no-body", dir_ / "archive/feed.jsonl"});
  ASSERT_EQ(result.status, 0) << result.err;
  const json article = json::parse(result.out);
  EXPECT_TRUE(article["date"].is_null());
  EXPECT_TRUE(article["dateline"].is_null());
  EXPECT_FALSE(article.contains("body"));
  EXPECT_THAT(result.err, HasSubstr("warning: date '30 Feb 2023' is not a valid date"));
}

TEST_F(ExtractCommandTest, PrintsAReadableSummary) {
  const Outcome result = run({"extract", dir_ / "archive/2023-04-02-harbour.txt"});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("2023-04-02"));
  EXPECT_THAT(result.out, HasSubstr("→ Rotterdam, NL"));
  EXPECT_THAT(result.out, HasSubstr("people:        Jan de Vries"));
}

TEST_F(ExtractCommandTest, NothingToReadFails) {
  const Outcome result = run({"extract", dir_ / "missing"});
  EXPECT_EQ(result.status, 1);
}

TEST(ExtractSeedTest, TheSeedArticle) {
  NEWSDEX_REQUIRE_SHARED();
  const Outcome result = run(
      {"extract", "--json", (testing::shared_dir() / "seeds/000_3c6ba5321dfd73d4.txt").string()});
  ASSERT_EQ(result.status, 0) << result.err;
  const json a = json::parse(result.out);
  EXPECT_EQ(a["date"], "2022-09-07");
  EXPECT_EQ(a["dateline"]["city"], "Tirana");
  EXPECT_EQ(a["dateline"]["country"], "AL");
  EXPECT_EQ(a["dateline"]["source"], "Tirana Echo");
  for (const char* code : {"AL", "IR", "IL", "SA", "JO", "AE", "KW", "CY", "UA", "IQ"}) {
    EXPECT_THAT(a["countries"], Contains(code));
  }
  std::vector<std::string> people, organizations, places;
  for (const json& p : a["people"]) people.push_back(p["name"]);
  for (const json& o : a["organizations"]) organizations.push_back(o["name"]);
  for (const json& p : a["places"]) places.push_back(p["name"]);
  EXPECT_THAT(people, Contains("Edi Rama"));
  EXPECT_THAT(people, Contains("Ali Khamenei"));
  EXPECT_THAT(people, ::testing::Not(Contains("Jordan")));
  EXPECT_THAT(organizations, Contains("NATO"));
  EXPECT_THAT(organizations, Contains("Mujaheddin-e Khalq"));
  EXPECT_THAT(places, Contains("Tehran"));
  EXPECT_THAT(a["body"].get<std::string>(), ::testing::Not(HasSubstr("Copyright")));
}

}  // namespace
}  // namespace newsdex::cli
