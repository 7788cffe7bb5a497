// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace newsdex {

/// Counts the values of one facet slot over every document the matcher sees. Unlike Xapian's
/// `ValueCountMatchSpy`, a slot may hold several values (an article mentions several people),
/// packed with `schema::kValueSeparator`; each counts once per document.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double weight) override;

  /// Forgets what was counted, for another run of the same query.
  void reset() { counts_.clear(); }

  /// Value → number of documents seen that have it.
  const std::unordered_map<std::string, std::uint64_t>& counts() const noexcept {
    return counts_;
  }

 private:
  Xapian::valueno slot_;
  std::unordered_map<std::string, std::uint64_t> counts_;
};

}  // namespace newsdex
