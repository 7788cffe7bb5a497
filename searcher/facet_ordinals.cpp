// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_ordinals.h"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "analyzers/text_scanner.h"
#include "indexer/schema.h"

namespace newsdex {

namespace {

// The first eight bytes of `value`, unsigned and zero-padded, as a number that orders values as
// their bytes do wherever it differs.
std::uint64_t byte_order_prefix(std::string_view value) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix <<= 8;
    if (i < value.size()) prefix |= static_cast<unsigned char>(value[i]);
  }
  return prefix;
}

}  // namespace

SlotOrdinals::SlotOrdinals(const Xapian::Database& db, Xapian::valueno slot,
                           const FacetAliases* aliases) {
  // starts_[id + 1] first counts document id's values, then becomes a running total.
  starts_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  // Ordinals in order of first appearance at first; renumbered in value order below.
  detail::KeyMap<std::uint32_t> seen;
  // Neighbouring articles often share a value (a language, a source, a day): the previous
  // document's first value is checked before the map, which hashing made most of the cost.
  std::string previous_value;
  std::uint32_t previous_ordinal = 0;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const std::string packed = *it;
    std::string_view rest(packed);
    const std::size_t document_start = ordinals_.size();
    for (bool first = true;; first = false) {
      const std::size_t end = rest.find(schema::kValueSeparator);
      std::string_view value = rest.substr(0, end);
      if (aliases != nullptr) value = aliases->canonical(value);
      if (!value.empty()) {
        std::uint32_t ordinal = previous_ordinal;
        if (!first || value != previous_value) {
          auto found = seen.find(value);
          if (found == seen.end()) {
            found = seen.emplace(value, static_cast<std::uint32_t>(values_.size())).first;
            values_.emplace_back(value);
          }
          ordinal = found->second;
          if (first) {
            previous_value = value;
            previous_ordinal = ordinal;
          }
        }
        // Values counted as one (a surname and the full name it stands for) count once.
        if (aliases == nullptr ||
            std::find(ordinals_.begin() + static_cast<std::ptrdiff_t>(document_start),
                      ordinals_.end(), ordinal) == ordinals_.end()) {
          ordinals_.push_back(ordinal);
          ++starts_[it.get_docid() + 1];
        }
      }
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  std::partial_sum(starts_.begin(), starts_.end(), starts_.begin());

  // Sorting the distinct values was a third of a command-line search on Reuters-21578 (the
  // duplicate keys are one per article): they are compared by their first eight bytes, held
  // beside them, and only on a tie as strings.
  struct Entry {
    std::uint64_t prefix;
    std::uint32_t ordinal;
  };
  std::vector<Entry> by_value(values_.size());
  for (std::uint32_t i = 0; i < by_value.size(); ++i) {
    by_value[i] = {byte_order_prefix(values_[i]), i};
  }
  std::sort(by_value.begin(), by_value.end(), [&](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return values_[a.ordinal] < values_[b.ordinal];
  });
  std::vector<std::uint32_t> renumbered(values_.size());
  std::vector<std::string> sorted(values_.size());
  for (std::uint32_t i = 0; i < by_value.size(); ++i) {
    renumbered[by_value[i].ordinal] = i;
    sorted[i] = std::move(values_[by_value[i].ordinal]);
  }
  values_ = std::move(sorted);
  documents_.assign(values_.size(), 0);
  for (std::uint32_t& ordinal : ordinals_) {
    ordinal = renumbered[ordinal];
    ++documents_[ordinal];
  }
}

std::span<const Xapian::docid> SlotOrdinals::documents_with(std::uint32_t ordinal) const {
  std::call_once(postings_built_, [this] {
    posting_starts_.assign(values_.size() + 1, 0);
    std::partial_sum(documents_.begin(), documents_.end(), posting_starts_.begin() + 1);
    postings_.resize(ordinals_.size());
    std::vector<std::uint32_t> next(posting_starts_.begin(), posting_starts_.end() - 1);
    for (Xapian::docid id = 1; id <= last_docid(); ++id) {
      for (const std::uint32_t value : of(id)) postings_[next[value]++] = id;
    }
  });
  return {postings_.data() + posting_starts_[ordinal],
          postings_.data() + posting_starts_[ordinal + 1]};
}

std::uint32_t SlotOrdinals::first_at_least(std::string_view value) const {
  return static_cast<std::uint32_t>(std::lower_bound(values_.begin(), values_.end(), value) -
                                    values_.begin());
}

std::uint32_t SlotOrdinals::first_above(std::string_view value) const {
  return static_cast<std::uint32_t>(std::upper_bound(values_.begin(), values_.end(), value) -
                                    values_.begin());
}

FacetRows::FacetRows(std::span<const SlotOrdinals* const> slots) {
  offsets_.push_back(0);
  Xapian::docid last = 0;
  for (const SlotOrdinals* slot : slots) {
    offsets_.push_back(offsets_.back() + static_cast<std::uint32_t>(slot->size()));
    last = std::max(last, slot->last_docid());
  }
  starts_.reserve(static_cast<std::size_t>(last) + 2);
  starts_.push_back(0);
  for (Xapian::docid id = 0; id <= last; ++id) {
    for (std::size_t i = 0; i < slots.size(); ++i) {
      for (const std::uint32_t ordinal : slots[i]->of(id)) keys_.push_back(offsets_[i] + ordinal);
    }
    starts_.push_back(static_cast<std::uint32_t>(keys_.size()));
  }
}

FacetOrdinals::FacetOrdinals(const Xapian::Database& db) : db_(db) {}

const SlotOrdinals& FacetOrdinals::slot(Xapian::valueno slot) {
  std::unique_ptr<const SlotOrdinals>& ordinals = slots_[slot];
  if (!ordinals) {
    ordinals = std::make_unique<const SlotOrdinals>(db_, slot, aliases(slot));
  }
  return *ordinals;
}

const FacetAliases* FacetOrdinals::aliases(Xapian::valueno slot) {
  auto found = aliases_.find(slot);
  if (found == aliases_.end())
    found = aliases_.emplace(slot, FacetAliases::of_slot(db_, slot)).first;
  return found->second ? &*found->second : nullptr;
}

const FacetRows& FacetOrdinals::rows(const std::vector<Xapian::valueno>& slots) {
  std::unique_ptr<const FacetRows>& rows = rows_[slots];
  if (!rows) {
    std::vector<const SlotOrdinals*> ordinals;
    for (const Xapian::valueno number : slots) ordinals.push_back(&slot(number));
    rows = std::make_unique<const FacetRows>(ordinals);
  }
  return *rows;
}

}  // namespace newsdex
