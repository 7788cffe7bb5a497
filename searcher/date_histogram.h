// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "newsdex/search.h"

namespace newsdex {

/// At most this many buckets are made in a date histogram by adding empty ones.
inline constexpr std::size_t kMaxDateBuckets = 10'000;

/// The bucket for a histogram of matches from `first` to `last` (stored days, `YYYYMMDD`):
/// years for spans over three years, months for spans over a month, else days. A timeline
/// has at most about sixty bars unless it spans decades.
DateBucket choose_date_bucket(std::string_view first, std::string_view last);

/// The bucket a stored day (`YYYYMMDD`) falls in: `1987`, `1987-03` or `1987-03-04`. A date
/// known to the month or year only has day `00` (`1987-03-00`).
std::string date_bucket_of(std::string_view day, DateBucket bucket);

/// Adds to `buckets` (in date order, each bucket of `bucket`'s length) the buckets between them
/// that no match falls in, with a count of 0, as Elasticsearch's and Solr's date histograms
/// have them: a timeline then shows time evenly. Leaves `buckets` as they are when that would
/// make them more than `kMaxDateBuckets`; a bucket that is no calendar date (`1987-03-00`)
/// gets no empty buckets after it.
void add_empty_date_buckets(std::vector<FacetValue>& buckets, DateBucket bucket);

}  // namespace newsdex
