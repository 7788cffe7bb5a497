// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "corpus/read_context.h"
#include "tests/support/test_data.h"
#include "newsdex/reader.h"

namespace newsdex {

// Readable failure messages for the public value types.
inline void PrintTo(const ReadIssue& issue, std::ostream* out) { *out << issue.describe(); }
inline void PrintTo(const Article& article, std::ostream* out) {
  *out << "Article{" << article.id << " @ " << article.source_path << ":" << article.record << "}";
}

}  // namespace newsdex

namespace newsdex::testing {

/// Collects what a reader produces.
struct Collected final : detail::RecordSink {
  std::vector<Article> articles;
  std::vector<ReadIssue> issues;

  void article(Article&& article) override { articles.push_back(std::move(article)); }
  void issue(ReadIssue&& issue) override { issues.push_back(std::move(issue)); }

  std::vector<std::string> descriptions() const {
    std::vector<std::string> out;
    for (const ReadIssue& issue : issues) out.push_back(issue.describe());
    return out;
  }
};

using ReaderFunction = void (*)(const detail::ReadContext&);

struct ReadParams {
  std::string source_path = "dir/input";
  std::string id_path = "dir/input";
  bool truncated = false;
  ReadOptions options = {};
};

/// Runs `reader` over `bytes` as if they were the file `params.source_path`.
inline Collected run_reader(ReaderFunction reader, std::string_view bytes,
                            const ReadParams& params = {}) {
  Collected collected;
  const detail::FileInput input{.bytes = bytes,
                                .source_path = params.source_path,
                                .id_path = params.id_path,
                                .truncated = params.truncated};
  reader(detail::ReadContext{.input = input, .options = params.options, .sink = collected});
  return collected;
}

/// A fresh directory for one test, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::random_device random;
    path_ = std::filesystem::path(::testing::TempDir()) /
            (std::string("newsdex-") + info->test_suite_name() + "-" + info->name() + "-" +
             std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  /// Writes `bytes` to `relative` (parent directories created) and returns its path.
  std::filesystem::path write(const std::string& relative, std::string_view bytes) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }

 private:
  std::filesystem::path path_;
};

/// The bytes of `tests/fixtures/NAME`.
inline std::string read_fixture(std::string_view name) {
  std::ifstream in(std::filesystem::path(NEWSDEX_TEST_FIXTURES) / name, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace newsdex::testing
