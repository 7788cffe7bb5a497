// SPDX-License-Identifier: GPL-3.0-or-later
#include "analyzers/key_filter.h"

#include <algorithm>
#include <bit>
#include <functional>

namespace newsdex {

namespace {

constexpr std::uint64_t kBitsPerKey = 8;

// The two bits of a key: the low and the high half of one 64-bit hash (the standard library's,
// which mixes every bit).
struct Probes {
  std::uint64_t first;
  std::uint64_t second;
};

Probes probes(std::string_view key, std::uint64_t bit_mask) {
  const std::uint64_t hash = std::hash<std::string_view>{}(key);
  return {hash & bit_mask, (hash >> 32) & bit_mask};
}

bool test(const std::vector<std::uint64_t>& words, std::uint64_t bit) {
  return (words[bit / 64] >> (bit % 64)) & 1;
}

}  // namespace

KeyFilter::KeyFilter(std::size_t expected_keys)
    : words_(std::bit_ceil(std::max<std::uint64_t>(expected_keys * kBitsPerKey, 64)) / 64),
      bit_mask_(words_.size() * 64 - 1) {}

void KeyFilter::add(std::string_view key) {
  const Probes bits = probes(key, bit_mask_);
  words_[bits.first / 64] |= std::uint64_t{1} << (bits.first % 64);
  words_[bits.second / 64] |= std::uint64_t{1} << (bits.second % 64);
}

bool KeyFilter::may_contain(std::string_view key) const {
  const Probes bits = probes(key, bit_mask_);
  return test(words_, bits.first) && test(words_, bits.second);
}

}  // namespace newsdex
