// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

#include "analyzers/text_scanner.h"

namespace newsdex {

/// Counts the values of one facet slot over every document the matcher sees. Unlike Xapian's
/// `ValueCountMatchSpy`, a slot may hold several values (an article mentions several people),
/// packed with `schema::kValueSeparator`; each counts once per document.
///
/// Values are read from the slot's value stream of `db`, which the matcher's documents walk in
/// increasing docid order: several times cheaper than asking each document for its value.
class FacetCounter : public Xapian::MatchSpy {
 public:
  FacetCounter(const Xapian::Database& db, Xapian::valueno slot)
      : db_(db), slot_(slot), values_(db.valuestream_begin(slot)) {}

  void operator()(const Xapian::Document& doc, double weight) override;

  /// Forgets what was counted, for another run of the same query.
  void reset() {
    counts_.clear();
    values_ = db_.valuestream_begin(slot_);
    last_ = 0;
  }

  /// Value → number of documents seen that have it.
  const detail::KeyMap<std::uint64_t>& counts() const noexcept {
    return counts_;
  }

 private:
  void count(std::string_view packed);

  Xapian::Database db_;
  Xapian::valueno slot_;
  Xapian::ValueIterator values_;
  Xapian::docid last_ = 0;  ///< the last document counted from the stream
  detail::KeyMap<std::uint64_t> counts_;
};

}  // namespace newsdex
