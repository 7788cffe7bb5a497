// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "tests/support/write_file.h"

namespace newsdex::testing {

/// Writes a Hunspell dictionary of `words` (one a line, each ending in a newline) without
/// affixes into `folder`, as `name.aff` and `name.dic`.
inline void write_hunspell_dictionary(const std::filesystem::path& folder, std::string_view name,
                                      std::string_view words) {
  const std::string base = (folder / name).string();
  write_file(base + ".aff", "SET UTF-8\n");
  std::size_t count = 0;
  for (const char c : words) count += c == '\n';
  write_file(base + ".dic", std::to_string(count) + "\n" + std::string(words));
}

}  // namespace newsdex::testing
