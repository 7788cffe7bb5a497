// SPDX-License-Identifier: GPL-3.0-or-later
// Every input a fuzzer ever crashed on, replayed through the same entry point in the ordinary
// build: tests/fuzz/regressions/<target>/<input>.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"

namespace newsdex::fuzz {
namespace {

struct KeptInput {
  const Target* target;
  std::filesystem::path file;
};

std::vector<KeptInput> kept_inputs() {
  std::vector<KeptInput> inputs;
  for (const Target& target : targets()) {
    const std::filesystem::path dir = std::filesystem::path(NEWSDEX_FUZZ_REGRESSIONS) / target.name;
    if (!std::filesystem::is_directory(dir)) continue;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry);
    std::sort(files.begin(), files.end());
    for (const std::filesystem::path& file : files) inputs.push_back({&target, file});
  }
  return inputs;
}

class FuzzRegressionTest : public ::testing::TestWithParam<KeptInput> {};

TEST_P(FuzzRegressionTest, ReplaysCleanly) {
  std::ifstream in(GetParam().file, std::ios::binary);
  ASSERT_TRUE(in) << GetParam().file;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  EXPECT_NO_THROW(GetParam().target->run(bytes.str())) << GetParam().file;
}

INSTANTIATE_TEST_SUITE_P(Kept, FuzzRegressionTest, ::testing::ValuesIn(kept_inputs()),
                         [](const ::testing::TestParamInfo<KeptInput>& info) {
                           std::string name = std::string(info.param.target->name) + "_" +
                                              info.param.file.filename().string();
                           std::replace_if(
                               name.begin(), name.end(),
                               [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
                               '_');
                           return name;
                         });

}  // namespace
}  // namespace newsdex::fuzz
