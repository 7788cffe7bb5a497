// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>

namespace newsdex::cli {

/// `21,578`
std::string format_count(std::uint64_t count);
/// `17.6 MB`, `912 kB`, `40 B`
std::string format_bytes(std::uint64_t bytes);
/// `0:42`, `1:05:00`
std::string format_duration(double seconds);

}  // namespace newsdex::cli
