// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/date_range_source.h"

#include <algorithm>
#include <span>
#include <utility>

namespace newsdex {

DateRangeSource::DateRangeSource(const SlotOrdinals& dates, std::string first, std::string last)
    : dates_(dates),
      first_(std::move(first)),
      last_(std::move(last)),
      begin_(dates.first_at_least(first_)),
      end_(std::max(begin_, dates.first_above(last_))) {
  for (std::uint32_t ordinal = begin_; ordinal < end_; ++ordinal) {
    documents_ += dates.documents(ordinal);
  }
}

void DateRangeSource::init(const Xapian::Database&) { current_ = 0; }

bool DateRangeSource::in_range(Xapian::docid id) const noexcept {
  // An article has one date at most.
  const std::span<const std::uint32_t> date = dates_.of(id);
  return !date.empty() && date.front() >= begin_ && date.front() < end_;
}

void DateRangeSource::next(double) {
  do {
    ++current_;
  } while (!at_end() && !in_range(current_));
}

void DateRangeSource::skip_to(Xapian::docid id, double min_weight) {
  if (id <= current_) {
    if (in_range(current_)) return;
    // Left by a failed check(): on to the first match after it, as Xapian expects.
    id = current_ + 1;
  }
  current_ = id - 1;
  next(min_weight);
}

bool DateRangeSource::check(Xapian::docid id, double min_weight) {
  if (id <= current_) {
    skip_to(id, min_weight);
    return true;
  }
  // When `id` is out of range the position is left there, which Xapian allows: next() and
  // skip_to() then go on from it.
  current_ = id;
  return in_range(id);
}

DateRangeSource* DateRangeSource::clone() const {
  return new DateRangeSource(dates_, first_, last_);
}

std::string DateRangeSource::get_description() const { return "date " + first_ + ".." + last_; }

}  // namespace newsdex
