// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace newsdex {

/// The generation of a first load each article id was last written in, by the id's 64-bit
/// hash: what `ShardedLoad` knows of every article it wrote, so it grows with the archive.
///
/// Each id takes one 8-byte slot holding 40 bits of its hash and its generation (open
/// addressing, linear probing, at most three slots in four used): 11 to 21 bytes an id, where
/// an `unordered_map` took about 40 (a node and a bucket), 8.6 MB of a ten-times Reuters load.
/// Two ids whose hashes share those 40 bits count as one, as two whose whole hashes were equal
/// did before: the later looks like a copy of the earlier, which costs a look-up and loses
/// nothing. Among ten million ids about 45 pairs do.
class WrittenIds {
 public:
  /// The largest generation a slot holds.
  static constexpr std::uint32_t kMaxGeneration = (1U << 24) - 2;

  /// The generation the id of `hash` was last written in, if it was written.
  std::optional<std::uint32_t> find(std::uint64_t hash) const;
  /// Notes that the id of `hash` was written in `generation` (at most `kMaxGeneration`).
  void set(std::uint64_t hash, std::uint32_t generation);
  /// Forgets the id of `hash`; false if it was not written.
  bool erase(std::uint64_t hash);

  std::size_t size() const { return size_; }
  /// Bytes the slots take.
  std::size_t bytes() const { return slots_.size() * sizeof(std::uint64_t); }

 private:
  std::size_t home(std::uint64_t key) const;
  /// The slot holding `key`, or the empty slot where the probe for it ends.
  std::size_t probe(std::uint64_t key) const;
  void grow();

  std::vector<std::uint64_t> slots_;  ///< 0 empty, else key << 24 | (generation + 1)
  std::size_t size_ = 0;
};

}  // namespace newsdex
