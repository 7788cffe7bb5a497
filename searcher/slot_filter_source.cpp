// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/slot_filter_source.h"

#include <algorithm>
#include <span>
#include <utility>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace newsdex {

SlotFilterSource* SlotFilterSource::between(const SlotOrdinals& slot, std::string_view field,
                                            std::string_view first, std::string_view last) {
  auto accepted = std::make_shared<std::vector<char>>(slot.size(), 0);
  const std::uint32_t begin = slot.first_at_least(first);
  const std::uint32_t end = std::max(begin, slot.first_above(last));
  std::fill(accepted->begin() + begin, accepted->begin() + end, 1);
  return new SlotFilterSource(slot, std::move(accepted),
                              fmt::format("{} {}..{}", field, first, last));
}

SlotFilterSource* SlotFilterSource::one_of(const SlotOrdinals& slot, std::string_view field,
                                           const std::set<std::string>& values) {
  auto accepted = std::make_shared<std::vector<char>>(slot.size(), 0);
  for (const std::string& value : values) {
    const std::uint32_t ordinal = slot.first_at_least(value);
    if (ordinal < slot.size() && slot.value(ordinal) == value) (*accepted)[ordinal] = 1;
  }
  return new SlotFilterSource(slot, std::move(accepted),
                              fmt::format("{} {}", field, fmt::join(values, "|")));
}

SlotFilterSource::SlotFilterSource(const SlotOrdinals& slot,
                                   std::shared_ptr<const std::vector<char>> accepted,
                                   std::string description)
    : slot_(slot), accepted_(std::move(accepted)), description_(std::move(description)) {
  for (std::uint32_t ordinal = 0; ordinal < accepted_->size(); ++ordinal) {
    if ((*accepted_)[ordinal]) documents_ += slot.documents(ordinal);
  }
}

void SlotFilterSource::init(const Xapian::Database&) { current_ = 0; }

bool SlotFilterSource::accepts(Xapian::docid id) const noexcept {
  const std::span<const std::uint32_t> value = slot_.of(id);
  return !value.empty() && (*accepted_)[value.front()] != 0;
}

void SlotFilterSource::next(double) {
  do {
    ++current_;
  } while (!at_end() && !accepts(current_));
}

void SlotFilterSource::skip_to(Xapian::docid id, double min_weight) {
  if (id <= current_) {
    if (accepts(current_)) return;
    // Left by a failed check(): on to the first match after it, as Xapian expects.
    id = current_ + 1;
  }
  current_ = id - 1;
  next(min_weight);
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
  return new SlotFilterSource(slot_, accepted_, description_);
}

}  // namespace newsdex
