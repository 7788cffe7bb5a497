// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/human.h"

#include <fmt/format.h>

namespace newsdex::cli {

std::string format_count(std::uint64_t count) {
  // Built forwards rather than by inserting commas: GCC 12 warns (wrongly) about the inserts.
  const std::string digits = std::to_string(count);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back(',');
    grouped.push_back(digits[i]);
  }
  return grouped;
}

std::string format_bytes(std::uint64_t bytes) {
  if (bytes >= 1'000'000'000) return fmt::format("{:.1f} GB", bytes / 1e9);
  if (bytes >= 1'000'000) return fmt::format("{:.1f} MB", bytes / 1e6);
  if (bytes >= 1'000) return fmt::format("{:.0f} kB", bytes / 1e3);
  return fmt::format("{} B", bytes);
}

std::string format_duration(double seconds) {
  const auto total = static_cast<long long>(seconds + 0.5);
  if (total >= 3600) return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace newsdex::cli
