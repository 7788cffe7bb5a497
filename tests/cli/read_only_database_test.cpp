// SPDX-License-Identifier: GPL-3.0-or-later
// `newsdex index` into a database the user may not write: a clear error, a failing status, and
// no summary that would present the run as done.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <functional>
#include <sstream>
#include <string>

#include "cli/cli.h"
#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

CliRun run(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int status = cli::run_cli(args, {.out = out, .err = err});
  return {status, out.str(), err.str()};
}

// Runs the command line as the unprivileged user `nobody` when the test runs as root, who
// writes through any permission; the child process reports back through a pipe.
CliRun run_unprivileged(const std::vector<std::string>& args) {
  if (geteuid() != 0) return run(args);
  std::array<int, 2> pipe_ends{};
  if (pipe(pipe_ends.data()) != 0) return {};
  const pid_t child = fork();
  if (child == 0) {
    close(pipe_ends[0]);
    constexpr uid_t kNobody = 65534;
    if (setgid(kNobody) != 0 || setuid(kNobody) != 0) _exit(99);
    const CliRun result = run(args);
    const std::string message =
        std::to_string(result.status) + '\n' + result.out + '\x1e' + result.err;
    const ssize_t written = write(pipe_ends[1], message.data(), message.size());
    _exit(written == static_cast<ssize_t>(message.size()) ? 0 : 98);
  }
  close(pipe_ends[1]);
  std::string message;
  std::array<char, 4096> block{};
  for (ssize_t n; (n = read(pipe_ends[0], block.data(), block.size())) > 0;) {
    message.append(block.data(), static_cast<std::size_t>(n));
  }
  close(pipe_ends[0]);
  int raw = 0;
  waitpid(child, &raw, 0);
  const std::size_t newline = message.find('\n');
  const std::size_t separator = message.find('\x1e');
  if (newline == std::string::npos || separator == std::string::npos) return {};
  return {std::stoi(message.substr(0, newline)),
          message.substr(newline + 1, separator - newline - 1), message.substr(separator + 1)};
}

TEST(ReadOnlyDatabase, IndexFailsWithAClearErrorAndNoSummary) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "archive/feed.jsonl",
                      R"({"id":"w1","title":"Strike ends","body":"Work resumed on Tuesday."})"
                      "\n");
  const std::string db = dir / "db";
  ASSERT_EQ(run({"index", "--quiet", "--db", db, dir / "archive"}).status, 0);
  testing::write_file(dir.path() / "archive/more.jsonl",
                      R"({"id":"w2","title":"Grain exports rise","body":"Shipments grew."})"
                      "\n");
  // The folders readable by everyone (so `nobody` reaches them), the database read-only.
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  fs::permissions(db, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);

  const CliRun refused = run_unprivileged({"index", "--quiet", "--db", db, dir / "archive"});
  EXPECT_EQ(refused.status, 1) << refused.err;
  EXPECT_THAT(refused.err, HasSubstr(db));
  EXPECT_THAT(refused.err, HasSubstr("cannot write to the database"));
  EXPECT_THAT(refused.err, HasSubstr("Permission denied"));
  // Not mistaken for another writer, and nothing reported as indexed.
  EXPECT_THAT(refused.err, Not(HasSubstr("locked")));
  EXPECT_THAT(refused.out, Not(HasSubstr("added")));

  fs::permissions(db, fs::perms::owner_write, fs::perm_options::add);
  const CliRun stats = run({"stats", "--db", db, "--json"});
  EXPECT_THAT(stats.out, HasSubstr(R"("documents": 1,)"));
}

}  // namespace
}  // namespace newsdex
