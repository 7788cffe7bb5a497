// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/written_ids.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <random>

namespace newsdex {
namespace {

// A hash whose slot key is `key`: the table keeps the hash's top 40 bits.
std::uint64_t hash_with_key(std::uint64_t key) { return key << 24 | 0xABCDEF; }

TEST(WrittenIds, KnowsTheLastGenerationOfEachId) {
  WrittenIds ids;
  EXPECT_EQ(ids.find(42), std::nullopt);
  EXPECT_FALSE(ids.erase(42));
  ids.set(hash_with_key(7), 0);
  ids.set(hash_with_key(8), 3);
  ids.set(hash_with_key(7), 2);
  EXPECT_EQ(ids.find(hash_with_key(7)), 2U);
  EXPECT_EQ(ids.find(hash_with_key(8)), 3U);
  EXPECT_EQ(ids.size(), 2U);
  EXPECT_TRUE(ids.erase(hash_with_key(7)));
  EXPECT_EQ(ids.find(hash_with_key(7)), std::nullopt);
  EXPECT_EQ(ids.size(), 1U);
  ids.set(hash_with_key(0), WrittenIds::kMaxGeneration);  // a key of 0 is still a slot
  EXPECT_EQ(ids.find(hash_with_key(0)), WrittenIds::kMaxGeneration);
  EXPECT_THROW(ids.set(1, WrittenIds::kMaxGeneration + 1), std::length_error);
}

TEST(WrittenIds, TellsHashesApartByTheirTopFortyBits) {
  WrittenIds ids;
  ids.set(hash_with_key(5), 1);
  EXPECT_EQ(ids.find(5 << 24), 1U);  // the low 24 bits are not kept
  EXPECT_EQ(ids.find(hash_with_key(5) + (std::uint64_t{1} << 24)), std::nullopt);
}

// Random writes and removals, among keys that crowd a few home slots (runs that wrap past
// the table's end, removals inside runs) and keys spread wide (growth), agree with a map.
TEST(WrittenIds, AgreesWithAMapThroughWritesRemovalsAndGrowth) {
  std::mt19937_64 random(20261201);
  WrittenIds ids;
  std::map<std::uint64_t, std::uint32_t> expected;
  for (int step = 0; step < 200000; ++step) {
    const std::uint64_t key = step % 3 == 0 ? random() >> 24 : 1020 + 1024 * (random() % 300);
    const std::uint64_t hash = hash_with_key(key);
    if (random() % 4 == 0) {
      EXPECT_EQ(ids.erase(hash), expected.erase(key) == 1) << step;
    } else {
      const auto generation = static_cast<std::uint32_t>(random() % 50);
      ids.set(hash, generation);
      expected[key] = generation;
    }
    if (step % 1000 == 0) {
      for (const auto& [k, generation] : expected) {
        ASSERT_EQ(ids.find(hash_with_key(k)), generation) << "step " << step << ", key " << k;
      }
    }
  }
  EXPECT_EQ(ids.size(), expected.size());
  for (const auto& [k, generation] : expected) EXPECT_EQ(ids.find(hash_with_key(k)), generation);
  // At most three slots in four used: a power of two from 1,024, 8 bytes each.
  EXPECT_LE(ids.size() * 4, ids.bytes() / 8 * 3);
}

}  // namespace
}  // namespace newsdex
