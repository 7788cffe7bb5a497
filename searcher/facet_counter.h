// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "searcher/facet_ordinals.h"

namespace newsdex {

/// Counts every document the matcher sees, and for each of several facet slots the documents
/// having each value, in one pass: an array increment per value of a match. Unlike Xapian's
/// `ValueCountMatchSpy`, a slot may hold several values (an article mentions several people);
/// each counts once per document.
class FacetCounter : public Xapian::MatchSpy {
 public:
  /// Counts the values of the slots of `rows`, which must outlive the counter.
  explicit FacetCounter(const FacetRows& rows);

  void operator()(const Xapian::Document& doc, double weight) override;

  /// Counts the document `id`, a match: what the matcher does for each through `operator()`,
  /// for matches found another way (`MatchWalker`).
  void add(Xapian::docid id);

  /// Forgets every document counted.
  void clear();

  /// The number of documents seen.
  std::uint64_t matches() const noexcept { return matches_; }

  /// Ordinal → documents seen with that value, for the `i`th slot of the rows.
  std::span<const Xapian::doccount> counts(std::size_t i) const {
    return std::span(counts_).subspan(rows_.offset(i), rows_.offset(i + 1) - rows_.offset(i));
  }

  /// The ordinals of the `i`th slot seen at least once, in the order first seen: a person
  /// facet may know thousands of names, of which a query meets a few dozen.
  std::vector<std::uint32_t> seen(std::size_t i) const;

 private:
  /// The keys of the `i`th slot counted, in the order first seen.
  std::span<const std::uint32_t> seen_keys(std::size_t i) const;

  const FacetRows& rows_;
  std::vector<Xapian::doccount> counts_;  // key → count; a database counts documents in 32 bits
  /// Each slot's keys counted, in the order first seen: the `i`th slot's from
  /// `seen_[offset(i) + i]`, `seen_counts_[i]` of them. With room for every key of the slot and
  /// one more, a key is written there whether or not it is new and kept if it is: deciding by a
  /// branch, to append it to a list, took half of the time of counting seven facets over a
  /// common word's matches, most of it in mispredictions.
  std::unique_ptr<std::uint32_t[]> seen_;
  std::vector<std::size_t> seen_counts_;
  std::uint64_t matches_ = 0;
};

}  // namespace newsdex
