// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsdex {

/// A Bloom filter of keys: it tells for certain that a key is not in a set, and lets some keys
/// that are not in it through (about 4 in 100 at the size it chooses).
///
/// The gazetteer asks its 70,000 names about every capitalised word of every article, and most
/// name nothing; a probe into a hash table that large misses the processor's cache, where the
/// filter's two bits (a byte for each key) mostly stay in it.
class KeyFilter {
 public:
  /// An empty filter sized for `expected_keys` keys: eight bits each, rounded up to a power of
  /// two, two bits a key.
  explicit KeyFilter(std::size_t expected_keys = 0);

  void add(std::string_view key);
  /// False when `key` was never added; true when it was, or by chance.
  bool may_contain(std::string_view key) const;

 private:
  std::vector<std::uint64_t> words_;
  std::uint64_t bit_mask_;
};

}  // namespace newsdex
