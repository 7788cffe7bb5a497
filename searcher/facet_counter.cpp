// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_counter.h"

namespace newsdex {

FacetCounter::FacetCounter(std::vector<const SlotOrdinals*> slots) : slots_(std::move(slots)) {
  for (const SlotOrdinals* slot : slots_) counts_.emplace_back(slot->size(), 0);
  seen_.resize(slots_.size());
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  ++matches_;
  const Xapian::docid id = doc.get_docid();
  for (std::size_t i = 0; i < slots_.size(); ++i) {
    Xapian::doccount* counts = counts_[i].data();
    for (const std::uint32_t ordinal : slots_[i]->of(id)) {
      if (counts[ordinal]++ == 0) seen_[i].push_back(ordinal);
    }
  }
}

}  // namespace newsdex
