// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_counter.h"

#include <bit>

namespace newsdex {

FacetCounter::FacetCounter(const FacetRows& rows)
    : rows_(rows), counts_(rows.offset(rows.slots()), 0), counted_(counts_.size() / 64 + 1, 0) {}

void FacetCounter::operator()(const Xapian::Document& doc, double) { add(doc.get_docid()); }

void FacetCounter::add(Xapian::docid id) {
  ++matches_;
  Xapian::doccount* const counts = counts_.data();
  std::uint64_t* const counted = counted_.data();
  for (const std::uint32_t key : rows_.of(id)) {
    ++counts[key];
    counted[key / 64] |= std::uint64_t{1} << (key % 64);
  }
}

void FacetCounter::clear() {
  for (std::size_t word = 0; word < counted_.size(); ++word) {
    for (std::uint64_t bits = counted_[word]; bits != 0; bits &= bits - 1) {
      counts_[word * 64 + static_cast<std::size_t>(std::countr_zero(bits))] = 0;
    }
    counted_[word] = 0;
  }
  matches_ = 0;
}

std::vector<std::uint32_t> FacetCounter::seen(std::size_t i) const {
  std::vector<std::uint32_t> ordinals;
  const std::uint32_t begin = rows_.offset(i);
  const std::uint32_t end = rows_.offset(i + 1);
  for (std::uint32_t word = begin / 64; word * 64 < end; ++word) {
    for (std::uint64_t bits = counted_[word]; bits != 0; bits &= bits - 1) {
      const std::uint32_t key = word * 64 + static_cast<std::uint32_t>(std::countr_zero(bits));
      if (key >= begin && key < end) ordinals.push_back(key - begin);
    }
  }
  return ordinals;
}

}  // namespace newsdex
