// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/date_histogram.h"

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <optional>

namespace newsdex {

namespace {

std::optional<int> number(std::string_view digits) {
  int value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

// The bucket after `value` (`1987` → `1988`, `1987-12` → `1988-01`, `1987-02-28` →
// `1987-03-01`), or nothing if `value` is no calendar date.
std::optional<std::string> next_bucket(std::string_view value, DateBucket bucket) {
  using namespace std::chrono;
  const std::optional<int> y = number(value.substr(0, 4));
  if (!y) return std::nullopt;
  if (bucket == DateBucket::year) return fmt::format("{:04}", *y + 1);
  const std::optional<int> m = value.size() >= 7 ? number(value.substr(5, 2)) : std::nullopt;
  if (!m || *m < 1 || *m > 12) return std::nullopt;
  if (bucket == DateBucket::month) {
    return *m == 12 ? fmt::format("{:04}-01", *y + 1) : fmt::format("{:04}-{:02}", *y, *m + 1);
  }
  const std::optional<int> d = value.size() >= 10 ? number(value.substr(8, 2)) : std::nullopt;
  if (!d) return std::nullopt;
  const year_month_day day{year{*y}, month{static_cast<unsigned>(*m)},
                           std::chrono::day{static_cast<unsigned>(*d)}};
  if (!day.ok()) return std::nullopt;
  const year_month_day next{sys_days{day} + days{1}};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(next.year()),
                     static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
}

}  // namespace

DateBucket choose_date_bucket(std::string_view first, std::string_view last) {
  const auto months = [](std::string_view day) {
    return number(day.substr(0, 4)).value_or(0) * 12 + number(day.substr(4, 2)).value_or(0);
  };
  const int span = months(last) - months(first);
  if (span > 36) return DateBucket::year;
  if (span > 1) return DateBucket::month;
  return DateBucket::day;
}

std::string date_bucket_of(std::string_view day, DateBucket bucket) {
  switch (bucket) {
    case DateBucket::year:
      return std::string(day.substr(0, 4));
    case DateBucket::month:
      return fmt::format("{}-{}", day.substr(0, 4), day.substr(4, 2));
    case DateBucket::automatic:
    case DateBucket::day:
      break;
  }
  return fmt::format("{}-{}-{}", day.substr(0, 4), day.substr(4, 2), day.substr(6, 2));
}

void add_empty_date_buckets(std::vector<FacetValue>& buckets, DateBucket bucket) {
  std::vector<FacetValue> all;
  for (std::size_t i = 0; i < buckets.size(); ++i) {
    all.push_back(buckets[i]);
    if (i + 1 == buckets.size()) break;
    for (std::optional<std::string> empty = next_bucket(buckets[i].value, bucket);
         empty && *empty < buckets[i + 1].value; empty = next_bucket(*empty, bucket)) {
      if (all.size() + buckets.size() - i > kMaxDateBuckets) return;
      all.push_back({.value = *empty, .label = {}, .count = 0});
    }
  }
  buckets = std::move(all);
}

}  // namespace newsdex
