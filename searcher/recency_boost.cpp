// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/recency_boost.h"

#include <chrono>
#include <algorithm>
#include <cmath>
#include <string_view>

namespace newsdex {

namespace {

// Days since 1970-01-01 of a `YYYYMMDD` value; unknown months and days count as the first.
long day_number(std::string_view value) {
  if (value.size() != 8) return 0;
  const auto field = [&](std::size_t at, std::size_t length) {
    int n = 0;
    for (char c : value.substr(at, length)) n = n * 10 + (c - '0');
    return n;
  };
  const unsigned month = std::max(1, field(4, 2));
  const unsigned day = std::max(1, field(6, 2));
  const std::chrono::year_month_day date{std::chrono::year(field(0, 4)), std::chrono::month(month),
                                         std::chrono::day(day)};
  return std::chrono::sys_days(date).time_since_epoch().count();
}

}  // namespace

RecencyBoost::RecencyBoost(Xapian::valueno slot, double half_life_days, double max_weight)
    : Xapian::ValuePostingSource(slot), half_life_days_(half_life_days), max_weight_(max_weight) {}

void RecencyBoost::init(const Xapian::Database& db) {
  Xapian::ValuePostingSource::init(db);
  set_maxweight(max_weight_);
  newest_day_ = day_number(db.get_value_upper_bound(get_slot()));
}

double RecencyBoost::get_weight() const {
  const long age = std::max(0L, newest_day_ - day_number(get_value()));
  return max_weight_ * std::exp2(-static_cast<double>(age) / half_life_days_);
}

RecencyBoost* RecencyBoost::clone() const {
  return new RecencyBoost(get_slot(), half_life_days_, max_weight_);
}

}  // namespace newsdex
