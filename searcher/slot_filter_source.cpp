// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/slot_filter_source.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>
#include <span>
#include <utility>

#include "indexer/schema.h"

namespace newsdex {

namespace {

// Chosen documents are stepped through from a list when fewer than one in this many has a
// chosen value.
constexpr Xapian::doccount kSparse = 8;

// The field that names the date slot in descriptions.
constexpr std::string_view kDateField = "date";

}  // namespace

SlotFilterSource* SlotFilterSource::between(const SlotOrdinals& slot, std::string_view field,
                                            std::string_view first, std::string_view last) {
  std::vector<char> accepted(slot.size(), 0);
  const std::uint32_t begin = slot.first_at_least(first);
  const std::uint32_t end = std::max(begin, slot.first_above(last));
  std::fill(accepted.begin() + begin, accepted.begin() + end, 1);
  return choosing(slot, std::move(accepted), fmt::format("{} {}..{}", field, first, last));
}

SlotFilterSource* SlotFilterSource::one_of(const SlotOrdinals& slot, std::string_view field,
                                           const std::set<std::string>& values) {
  std::vector<char> accepted(slot.size(), 0);
  for (const std::string& value : values) {
    const std::uint32_t ordinal = slot.first_at_least(value);
    if (ordinal < slot.size() && slot.value(ordinal) == value) accepted[ordinal] = 1;
  }
  return choosing(slot, std::move(accepted), fmt::format("{} {}", field, fmt::join(values, "|")));
}

SlotFilterSource* SlotFilterSource::from_description(FacetOrdinals& ordinals,
                                                     std::string_view description) {
  const std::size_t space = description.find(' ');
  if (space == std::string_view::npos) return nullptr;
  const std::string_view field = description.substr(0, space);
  const std::string_view chosen = description.substr(space + 1);
  const schema::FacetField* facet = schema::find_facet_field(field);
  if (field != kDateField && facet == nullptr) return nullptr;
  const SlotOrdinals& slot = ordinals.slot(facet != nullptr ? facet->slot : schema::kDateSlot);
  if (const std::size_t dots = chosen.find(".."); dots != std::string_view::npos) {
    return between(slot, field, chosen.substr(0, dots), chosen.substr(dots + 2));
  }
  return one_of(slot, field, chosen_values(chosen));
}

std::string SlotFilterSource::description_of(const Xapian::Query& query) {
  constexpr std::string_view kOpen = "Query(PostingSource(";
  constexpr std::string_view kClose = "))";
  if (query.get_type() != Xapian::Query::LEAF_POSTING_SOURCE) return {};
  const std::string described = query.get_description();
  if (!described.starts_with(kOpen) || !described.ends_with(kClose)) return {};
  return described.substr(kOpen.size(), described.size() - kOpen.size() - kClose.size());
}

std::set<std::string> SlotFilterSource::chosen_values(std::string_view chosen) {
  std::set<std::string> values;
  for (std::size_t start = 0;;) {
    const std::size_t bar = chosen.find('|', start);
    values.emplace(chosen.substr(start, bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return values;
}

SlotFilterSource* SlotFilterSource::choosing(const SlotOrdinals& slot, std::vector<char> accepted,
                                             std::string description) {
  auto chosen = std::make_shared<Chosen>();
  chosen->accepted = std::move(accepted);
  for (std::uint32_t ordinal = 0; ordinal < slot.size(); ++ordinal) {
    if (chosen->accepted[ordinal]) chosen->documents += slot.documents(ordinal);
  }
  chosen->is_sparse = chosen->documents < slot.last_docid() / kSparse;
  if (chosen->is_sparse) {
    std::vector<Xapian::docid> merged;
    for (std::uint32_t ordinal = 0; ordinal < slot.size(); ++ordinal) {
      if (!chosen->accepted[ordinal]) continue;
      const std::span<const Xapian::docid> documents = slot.documents_with(ordinal);
      merged.clear();
      std::merge(chosen->sparse.begin(), chosen->sparse.end(), documents.begin(), documents.end(),
                 std::back_inserter(merged));
      chosen->sparse.swap(merged);
    }
  }
  return new SlotFilterSource(slot, std::move(chosen), std::move(description));
}

SlotFilterSource::SlotFilterSource(const SlotOrdinals& slot, std::shared_ptr<const Chosen> chosen,
                                   std::string description)
    : slot_(slot), chosen_(std::move(chosen)), description_(std::move(description)) {}

void SlotFilterSource::init(const Xapian::Database&) {
  current_ = 0;
  next_sparse_ = 0;
}

bool SlotFilterSource::accepts(Xapian::docid id) const noexcept {
  const std::span<const std::uint32_t> value = slot_.of(id);
  return !value.empty() && chosen_->accepted[value.front()] != 0;
}

void SlotFilterSource::advance() noexcept {
  if (!chosen_->is_sparse) {
    do {
      ++current_;
    } while (!at_end() && !accepts(current_));
    return;
  }
  // `current_` only grows, so the documents before `next_sparse_` are behind it.
  const std::vector<Xapian::docid>& sparse = chosen_->sparse;
  next_sparse_ = static_cast<std::size_t>(
      std::upper_bound(sparse.begin() + static_cast<std::ptrdiff_t>(next_sparse_), sparse.end(),
                       current_) -
      sparse.begin());
  current_ = next_sparse_ < sparse.size() ? sparse[next_sparse_] : slot_.last_docid() + 1;
}

void SlotFilterSource::next(double) { advance(); }

void SlotFilterSource::skip_to(Xapian::docid id, double) {
  if (id <= current_) {
    // Left by a failed check(): on to the first match after it, as Xapian expects.
    if (!accepts(current_)) advance();
    return;
  }
  current_ = id - 1;
  advance();
}

bool SlotFilterSource::check(Xapian::docid id, double min_weight) {
  if (id <= current_) {
    skip_to(id, min_weight);
    return true;
  }
  // When `id` is not accepted the position is left there, which Xapian allows: next() and
  // skip_to() then go on from it.
  current_ = id;
  return accepts(id);
}

SlotFilterSource* SlotFilterSource::clone() const {
  return new SlotFilterSource(slot_, chosen_, description_);
}

}  // namespace newsdex
