// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>

namespace newsdex {

inline constexpr std::uint64_t kFnv1aOffset = 0xcbf29ce484222325ull;

/// 64-bit FNV-1a of `bytes`, continuing from `hash` so that data read in blocks hashes as one:
/// a stable hash (the same on every run and machine) for keys, file content and shard routing.
constexpr std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = kFnv1aOffset) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

}  // namespace newsdex
