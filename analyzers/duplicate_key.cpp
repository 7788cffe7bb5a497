// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/duplicate_key.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>

#include <fmt/format.h>

namespace newsdex {

namespace {

constexpr std::size_t kShingleWords = 4;
constexpr std::size_t kMinimumWords = 20;
constexpr std::array<std::uint64_t, 2> kSeeds = {0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full};

// splitmix64's finaliser: a cheap, well-mixed permutation of 64-bit values.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ull;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

std::string duplicate_key(std::string_view text) {
  std::array<std::uint64_t, kShingleWords> window{};  // hashes of the last four words
  std::array<std::uint64_t, kSeeds.size()> minimum;
  minimum.fill(std::numeric_limits<std::uint64_t>::max());
  std::size_t words = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::uint64_t word = 0xCBF29CE484222325ull;  // FNV-1a of the folded word
    for (; i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])); ++i) {
      char c = text[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      word = (word ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    }
    window[words % kShingleWords] = word;
    if (++words < kShingleWords) continue;
    std::uint64_t shingle = 0;
    for (std::size_t k = 0; k < kShingleWords; ++k) {
      shingle = mix(shingle ^ window[(words + k) % kShingleWords]);  // oldest word first
    }
    for (std::size_t s = 0; s < kSeeds.size(); ++s) {
      minimum[s] = std::min(minimum[s], mix(shingle ^ kSeeds[s]));
    }
  }
  if (words < kMinimumWords) return {};
  return fmt::format("{:016x}{:016x}", minimum[0], minimum[1]);
}

}  // namespace newsdex
