// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <cstdint>
#include <vector>

#include "searcher/facet_ordinals.h"

namespace newsdex {

/// Counts every document the matcher sees, and for each of several facet slots the documents
/// having each value, in one pass: an array increment per value of a match. Unlike Xapian's
/// `ValueCountMatchSpy`, a slot may hold several values (an article mentions several people);
/// each counts once per document.
class FacetCounter : public Xapian::MatchSpy {
 public:
  /// Counts the values of `slots`, whose ordinals must outlive the counter.
  explicit FacetCounter(std::vector<const SlotOrdinals*> slots);

  void operator()(const Xapian::Document& doc, double weight) override;

  /// The number of documents seen.
  std::uint64_t matches() const noexcept { return matches_; }

  /// Ordinal → documents seen with that value, for the `i`th slot given.
  const std::vector<Xapian::doccount>& counts(std::size_t i) const { return counts_[i]; }

  /// The ordinals of the `i`th slot seen at least once, in the order first seen: a person
  /// facet may know thousands of names, of which a query meets a few dozen.
  const std::vector<std::uint32_t>& seen(std::size_t i) const { return seen_[i]; }

 private:
  std::vector<const SlotOrdinals*> slots_;
  std::vector<std::vector<Xapian::doccount>> counts_;  // a database counts its documents in 32 bits
  std::vector<std::vector<std::uint32_t>> seen_;
  std::uint64_t matches_ = 0;
};

}  // namespace newsdex
