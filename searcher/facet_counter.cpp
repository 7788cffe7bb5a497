// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_counter.h"

namespace newsdex {

FacetCounter::FacetCounter(const FacetRows& rows)
    : rows_(rows), counts_(rows.offset(rows.slots()), 0) {}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  ++matches_;
  Xapian::doccount* counts = counts_.data();
  for (const std::uint32_t key : rows_.of(doc.get_docid())) {
    if (counts[key]++ == 0) seen_.push_back(key);
  }
}

std::vector<std::uint32_t> FacetCounter::seen(std::size_t i) const {
  const std::uint32_t first = rows_.offset(i);
  const std::uint32_t end = rows_.offset(i + 1);
  std::vector<std::uint32_t> ordinals;
  for (const std::uint32_t key : seen_) {
    if (key >= first && key < end) ordinals.push_back(key - first);
  }
  return ordinals;
}

}  // namespace newsdex
