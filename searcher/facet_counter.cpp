// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_counter.h"

namespace newsdex {

FacetCounter::FacetCounter(const FacetRows& rows)
    : rows_(rows), counts_(rows.offset(rows.slots()), 0), seen_(rows.slots()) {}

void FacetCounter::operator()(const Xapian::Document& doc, double) { add(doc.get_docid()); }

void FacetCounter::add(Xapian::docid id) {
  ++matches_;
  Xapian::doccount* counts = counts_.data();
  // A row holds its slots' keys slot by slot, and each slot's keys lie at or above its offset.
  std::size_t slot = 0;
  for (const std::uint32_t key : rows_.of(id)) {
    if (counts[key]++ == 0) {
      while (key >= rows_.offset(slot + 1)) ++slot;
      seen_[slot].push_back(key);
    }
  }
}

void FacetCounter::clear() {
  for (const std::vector<std::uint32_t>& keys : seen_) {
    for (const std::uint32_t key : keys) counts_[key] = 0;
  }
  for (std::vector<std::uint32_t>& keys : seen_) keys.clear();
  matches_ = 0;
}

std::vector<std::uint32_t> FacetCounter::seen(std::size_t i) const {
  std::vector<std::uint32_t> ordinals = seen_[i];
  for (std::uint32_t& key : ordinals) key -= rows_.offset(i);
  return ordinals;
}

}  // namespace newsdex
