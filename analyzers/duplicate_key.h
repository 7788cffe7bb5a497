// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace newsdex {

/// A key that copies of one story share: the same wire text republished with small edits
/// (another headline, a corrected figure, a dropped paragraph) gets the same key with high
/// probability, different stories almost never.
///
/// MinHash over word 4-shingles: the words of `text` (letters and digits, ASCII case folded),
/// every run of four hashed, and for each of two hash functions the smallest value kept. Two
/// texts agree on one minimum with probability equal to the Jaccard similarity of their
/// shingle sets, so on both with about its square: 0.81 for copies sharing 90% of their
/// shingles, 0.04 for stories sharing a fifth (templated market reports). Texts of fewer than
/// 20 words get no key (empty string): too short to tell a copy from a formula.
std::string duplicate_key(std::string_view text);

}  // namespace newsdex
