// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string_view>

namespace newsdex::detail {

/// A fixed list of words, such as the titles or legal forms the entity extractor looks every
/// word of an article up in. Most words looked up are in none of the lists, so a bit per
/// signature (length, first and last byte) turns nearly all of them away before the sorted
/// list is searched: the binary searches had taken 2.7% of a Reuters load's CPU. Built at
/// compile time; a list out of order does not compile.
template <std::size_t N>
class WordList {
 public:
  consteval explicit WordList(const std::array<std::string_view, N>& words) : words_(words) {
    if (!std::is_sorted(words_.begin(), words_.end())) {
      throw std::logic_error("a WordList must be sorted");
    }
    for (const std::string_view word : words_) {
      const std::size_t bit = signature(word);
      filter_[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }

  /// Whether `word` is one of the list's.
  constexpr bool contains(std::string_view word) const {
    const std::size_t bit = signature(word);
    return ((filter_[bit / 64] >> (bit % 64)) & 1) != 0 &&
           std::binary_search(words_.begin(), words_.end(), word);
  }

 private:
  static constexpr std::size_t kBits = 1024;

  static constexpr std::size_t signature(std::string_view word) {
    if (word.empty()) return 0;
    return (word.size() * 131 + static_cast<unsigned char>(word.front()) * 31 +
            static_cast<unsigned char>(word.back())) %
           kBits;
  }

  std::array<std::string_view, N> words_;
  std::array<std::uint64_t, kBits / 64> filter_{};
};

}  // namespace newsdex::detail
