// SPDX-License-Identifier: GPL-3.0-or-later
// A real `newsdex index` over Reuters-21578, stopped by SIGINT, SIGTERM and SIGKILL at several
// points: the database must open, pass xapian-check and keep every committed article each time,
// and rerunning the same command must end with the whole archive, once.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <xapian.h>

#include <regex>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/shared_dir.h"
#include "tests/support/temp_dir.h"

namespace newsdex {
namespace {

using ::testing::HasSubstr;
using namespace std::chrono_literals;

constexpr std::uint64_t kReutersArticles = 21578;

std::string reuters() { return (testing::shared_dir() / "corpus/reuters21578").string(); }

// Committed documents, as a reader sees them; 0 while the database does not exist yet.
std::uint64_t committed_documents(const std::string& db) {
  try {
    return Xapian::Database(db).get_doccount();
  } catch (const Xapian::Error&) {
    return 0;
  }
}

// Runs xapian-check, which verifies every table of the database; returns its output on failure.
::testing::AssertionResult passes_xapian_check(const testing::TempDir& dir, const std::string& db) {
  testing::ChildProcess check(NEWSDEX_XAPIAN_CHECK, {db}, dir / "check.out", dir / "check.err");
  const testing::ProcessExit exit = check.wait();
  if (exit.status == 0) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "xapian-check " << db << " failed:\n" << check.output();
}

std::uint64_t summary_count(const std::string& output, const std::string& what) {
  std::smatch match;
  const std::regex pattern("([0-9,]+) " + what);
  if (!std::regex_search(output, match, pattern)) return ~0ull;
  std::string digits = match[1];
  std::erase(digits, ',');
  return std::stoull(digits);
}

class ReutersInterruptTest : public ::testing::Test {
 protected:
  void SetUp() override { NEWSDEX_REQUIRE_SHARED(); }

  // `newsdex index` on Reuters into `db_`, committing every `batch_size` articles.
  std::unique_ptr<testing::ChildProcess> start_index(int batch_size) {
    ++runs_;
    return std::make_unique<testing::ChildProcess>(
        NEWSDEX_EXECUTABLE,
        std::vector<std::string>{"index", "--quiet", "--db", db_, "--batch-size",
                                 std::to_string(batch_size), reuters()},
        dir_ / ("run" + std::to_string(runs_) + ".out"),
        dir_ / ("run" + std::to_string(runs_) + ".err"));
  }

  // Waits until the running index has committed at least `documents`.
  ::testing::AssertionResult reaches(testing::ChildProcess& run, std::uint64_t documents) {
    if (testing::wait_until([&] { return committed_documents(db_) >= documents || !run.running(); },
                            120s) &&
        committed_documents(db_) >= documents) {
      return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "the index run ended or stalled before committing " << documents
           << " documents (it has " << committed_documents(db_) << "):\n"
           << run.output();
  }

  // Runs the same command to the end and checks the whole archive is there, once.
  void finish_and_check() {
    auto run = start_index(500);
    const testing::ProcessExit exit = run->wait();
    const std::string output = run->output();
    EXPECT_EQ(exit.status, 0) << output;
    EXPECT_EQ(committed_documents(db_), kReutersArticles);
    EXPECT_TRUE(passes_xapian_check(dir_, db_));
    EXPECT_THAT(output, HasSubstr(" 0 removed, 0 skipped"));
    // Files finished before the interruption are passed over; the rest is read again.
    EXPECT_EQ(summary_count(output, "added") + summary_count(output, "replaced") +
                  summary_count(output, "unchanged"),
              kReutersArticles)
        << output;
    EXPECT_GT(summary_count(output, "unchanged"), 0u) << output;
  }

  testing::TempDir dir_;
  std::string db_ = dir_ / "reuters.db";
  int runs_ = 0;
};

TEST_F(ReutersInterruptTest, SigintAndSigtermCommitWhatIsReadAndARerunFinishes) {
  {
    auto run = start_index(500);
    ASSERT_TRUE(reaches(*run, 3000));
    run->send(SIGINT);
    const testing::ProcessExit exit = run->wait();
    const std::string output = run->output();
    EXPECT_EQ(exit.status, 130) << output;
    EXPECT_THAT(output, HasSubstr("interrupted"));
    EXPECT_TRUE(passes_xapian_check(dir_, db_));
    // Everything the summary reports as added was committed before the exit.
    const std::uint64_t documents = committed_documents(db_);
    EXPECT_EQ(summary_count(output, "added"), documents) << output;
    EXPECT_LT(documents, kReutersArticles);
  }
  {
    auto run = start_index(500);
    ASSERT_TRUE(reaches(*run, 10000));
    run->send(SIGTERM);
    const testing::ProcessExit exit = run->wait();
    EXPECT_EQ(exit.status, 143) << run->output();
    EXPECT_THAT(run->output(), HasSubstr("interrupted"));
    EXPECT_TRUE(passes_xapian_check(dir_, db_));
    EXPECT_LT(committed_documents(db_), kReutersArticles);
  }
  finish_and_check();
}

TEST_F(ReutersInterruptTest, KillNineLeavesACheckedDatabaseAndARerunFinishes) {
  // Thresholds on the committed count rather than times, so the kills land mid-run however
  // fast the machine is; each run resumes from what the previous one committed.
  for (const std::uint64_t threshold : {2500ull, 9000ull, 15500ull}) {
    auto run = start_index(500);
    ASSERT_TRUE(reaches(*run, threshold));
    run->send(SIGKILL);
    const testing::ProcessExit exit = run->wait();
    EXPECT_EQ(exit.signal, SIGKILL) << "the run ended before the kill:\n" << run->output();
    EXPECT_TRUE(passes_xapian_check(dir_, db_)) << "after a kill at " << threshold;
    const std::uint64_t documents = committed_documents(db_);
    EXPECT_GE(documents, threshold);
    EXPECT_LE(documents, kReutersArticles);
  }
  finish_and_check();
}

}  // namespace
}  // namespace newsdex
