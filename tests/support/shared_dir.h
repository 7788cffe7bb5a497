// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>

#include <gtest/gtest.h>

namespace newsdex::testing {

/// `../shared` beside the clone (the Reuters-21578 corpus and the seed articles), or an empty
/// path when it is absent.
inline std::filesystem::path shared_dir() {
  const std::filesystem::path dir = NEWSDEX_SHARED_DIR;
  return std::filesystem::exists(dir / "corpus") ? dir : std::filesystem::path();
}

}  // namespace newsdex::testing

#define NEWSDEX_REQUIRE_SHARED()                                                           \
  do {                                                                                     \
    if (::newsdex::testing::shared_dir().empty())                                          \
      GTEST_SKIP() << "../shared (the Reuters-21578 corpus and seed articles) is absent: " \
                      "this integration test needs it beside the clone";                   \
  } while (false)
