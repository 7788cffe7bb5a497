// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <span>
#include <vector>

namespace newsdex {

/// The documents a query matched, as the matcher (this as its spy) or a `MatchWalker` found
/// them, to tell how many of a set of documents matched: the copies of a hit's story among
/// the matches, for its "+N similar", whatever their rank.
class MatchedDocuments : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double weight) override;

  /// Records the document `id`, a match found another way than by the matcher.
  void add(Xapian::docid id) {
    ascending_ = ascending_ && (ids_.empty() || ids_.back() < id);
    ids_.push_back(id);
  }

  /// Forgets every document recorded.
  void clear() noexcept {
    ids_.clear();
    ascending_ = true;
  }

  /// How many of `documents`, ascending, were recorded.
  std::size_t how_many_of(std::span<const Xapian::docid> documents);

 private:
  std::vector<Xapian::docid> ids_;
  bool ascending_ = true;  // whether `ids_` is
};

}  // namespace newsdex
