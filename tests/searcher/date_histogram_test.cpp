// SPDX-License-Identifier: GPL-3.0-or-later
// The date facet's buckets: their length chosen from the span of the matches, and the empty
// buckets between the ones matches fall in.
#include "searcher/date_histogram.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsdex {
namespace {

// "value=count" for each bucket.
std::vector<std::string> listed(const std::vector<FacetValue>& buckets) {
  std::vector<std::string> out;
  for (const FacetValue& b : buckets) out.push_back(b.value + "=" + std::to_string(b.count));
  return out;
}

std::vector<std::string> filled(std::vector<FacetValue> buckets, DateBucket bucket) {
  add_empty_date_buckets(buckets, bucket);
  return listed(buckets);
}

TEST(DateHistogram, ChoosesDaysWithinAMonthOrTwoMonthsThenYearsOverThree) {
  EXPECT_EQ(choose_date_bucket("20220718", "20220907"), DateBucket::month);
  EXPECT_EQ(choose_date_bucket("20220801", "20220930"), DateBucket::day);
  EXPECT_EQ(choose_date_bucket("20220907", "20220907"), DateBucket::day);
  EXPECT_EQ(choose_date_bucket("19870101", "19900101"), DateBucket::month);
  EXPECT_EQ(choose_date_bucket("19870101", "19900201"), DateBucket::year);
}

TEST(DateHistogram, BucketsADayByYearMonthOrDay) {
  EXPECT_EQ(date_bucket_of("19870304", DateBucket::year), "1987");
  EXPECT_EQ(date_bucket_of("19870304", DateBucket::month), "1987-03");
  EXPECT_EQ(date_bucket_of("19870304", DateBucket::day), "1987-03-04");
  EXPECT_EQ(date_bucket_of("19870300", DateBucket::day), "1987-03-00");
}

TEST(DateHistogram, AddsTheEmptyBucketsBetweenOnesWithMatches) {
  EXPECT_EQ(filled({{"1987-04", "", 3}, {"1987-06", "", 2}}, DateBucket::month),
            (std::vector<std::string>{"1987-04=3", "1987-05=0", "1987-06=2"}));
  EXPECT_EQ(filled({{"1987-11", "", 1}, {"1988-02", "", 1}}, DateBucket::month),
            (std::vector<std::string>{"1987-11=1", "1987-12=0", "1988-01=0", "1988-02=1"}));
  EXPECT_EQ(filled({{"1999", "", 1}, {"2001", "", 4}}, DateBucket::year),
            (std::vector<std::string>{"1999=1", "2000=0", "2001=4"}));
  // Across the end of a month, of February in a leap year, and of a year.
  EXPECT_EQ(filled({{"2024-02-28", "", 1}, {"2024-03-01", "", 1}}, DateBucket::day),
            (std::vector<std::string>{"2024-02-28=1", "2024-02-29=0", "2024-03-01=1"}));
  EXPECT_EQ(filled({{"2023-12-31", "", 1}, {"2024-01-02", "", 1}}, DateBucket::day),
            (std::vector<std::string>{"2023-12-31=1", "2024-01-01=0", "2024-01-02=1"}));
  // Neighbours and a single bucket stay as they are.
  EXPECT_EQ(filled({{"1987-03", "", 5}, {"1987-04", "", 1}}, DateBucket::month),
            (std::vector<std::string>{"1987-03=5", "1987-04=1"}));
  EXPECT_EQ(filled({{"1987", "", 5}}, DateBucket::year), (std::vector<std::string>{"1987=5"}));
  EXPECT_EQ(filled({}, DateBucket::day), std::vector<std::string>{});
}

TEST(DateHistogram, DatesKnownOnlyToTheMonthGetNoEmptyDaysAfterThem) {
  EXPECT_EQ(
      filled({{"1987-03-00", "", 2}, {"1987-03-02", "", 1}, {"1987-03-04", "", 1}},
             DateBucket::day),
      (std::vector<std::string>{"1987-03-00=2", "1987-03-02=1", "1987-03-03=0", "1987-03-04=1"}));
}

TEST(DateHistogram, LeavesTheBucketsAsTheyAreRatherThanMakeTooMany) {
  const std::vector<FacetValue> decades{{"1900-01-01", "", 1}, {"2000-01-01", "", 1}};
  EXPECT_EQ(filled(decades, DateBucket::day), listed(decades));
  EXPECT_EQ(filled({{"1900", "", 1}, {"2000", "", 1}}, DateBucket::year).size(), 101u);
}

}  // namespace
}  // namespace newsdex
