// SPDX-License-Identifier: GPL-3.0-or-later
// Indexing into a database on a file system that fills up: a clear error naming the database,
// and the database as it was at its last commit, intact.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <xapian.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_data.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

using ::testing::HasSubstr;

// A tmpfs of `size` mounted on `dir` for the life of the object. Mounting needs root (or
// CAP_SYS_ADMIN); `error()` says why it could not be mounted.
class TinyFileSystem {
 public:
  TinyFileSystem(const std::string& dir, const std::string& size) : dir_(dir) {
    const std::string options = "size=" + size + ",mode=0700";
    mounted_ = mount("newsdex-test", dir.c_str(), "tmpfs", 0, options.c_str()) == 0;
    if (!mounted_) error_ = std::strerror(errno);
  }
  TinyFileSystem(const TinyFileSystem&) = delete;
  TinyFileSystem& operator=(const TinyFileSystem&) = delete;
  ~TinyFileSystem() {
    if (mounted_) umount2(dir_.c_str(), MNT_DETACH);
  }

  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }

 private:
  std::string dir_;
  bool mounted_ = false;
  std::string error_;
};

// `count` plain-text stories of about 2 KB each, named `prefix-N.txt`, under `dir`.
void write_stories(const std::filesystem::path& dir, const std::string& prefix, int count) {
  for (int i = 0; i < count; ++i) {
    const std::string name = prefix + "-" + std::to_string(i);
    testing::write_file(dir / (name + ".txt"),
                        "Story " + name + "\n\n" +
                            testing::random_words(300, static_cast<unsigned>(i + 1)) + ".\n");
  }
}

TEST(FullDisk, IndexFailsWithAClearErrorAndKeepsTheLastCommit) {
  testing::TempDir dir;
  const std::string disk = dir / "disk";
  std::filesystem::create_directories(disk);
  const TinyFileSystem tiny(disk, "1m");
  if (!tiny.mounted()) {
    GTEST_SKIP() << "cannot mount a 1 MiB tmpfs to fill (" << tiny.error()
                 << "): this test needs root or CAP_SYS_ADMIN";
  }
  const std::string db = disk + "/db";
  write_stories(dir.path() / "first", "first", 20);
  ASSERT_EQ(Index::create(db).add_paths({dir / "first"}).added, 20u);

  // About 5 MB of new stories, into what is left of 1 MiB, in one batch.
  write_stories(dir.path() / "more", "more", 2500);
  try {
    Index::open(db).add_paths({dir / "more"}, {.batch_size = 5000});
    FAIL() << "indexing 5 MB into a 1 MiB file system succeeded";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::io) << e.what();
    EXPECT_THAT(e.what(), HasSubstr(db));
    EXPECT_THAT(e.what(), HasSubstr("No space left on device"));
    EXPECT_EQ(e.context(), db);
  }

  // What the first run committed, and nothing of the failed run's unfinished batch.
  EXPECT_NO_THROW(Xapian::Database::check(db));
  Searcher searcher = Searcher::open(db);
  EXPECT_EQ(searcher.stats().documents, 20u);
  EXPECT_TRUE(searcher.get("first/first-7.txt").has_value());
}

}  // namespace
}  // namespace newsdex
