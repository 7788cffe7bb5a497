// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/written_ids.h"

#include <stdexcept>
#include <utility>

namespace newsdex {

namespace {

constexpr unsigned kGenerationBits = 24;
constexpr std::uint64_t kGenerationMask = (std::uint64_t{1} << kGenerationBits) - 1;
constexpr std::size_t kFirstCapacity = 1024;  // a power of two

// The 40 bits of a hash a slot keeps. A slot is 0 only when empty: its generation is stored
// plus one.
std::uint64_t key_of(std::uint64_t hash) { return hash >> kGenerationBits; }

std::uint64_t key_in(std::uint64_t slot) { return slot >> kGenerationBits; }

std::uint32_t generation_in(std::uint64_t slot) {
  return static_cast<std::uint32_t>(slot & kGenerationMask) - 1;
}

}  // namespace

std::size_t WrittenIds::home(std::uint64_t key) const {
  // The key's low bits are the hash's middle bits, as evenly spread as the rest.
  return static_cast<std::size_t>(key) & (slots_.size() - 1);
}

std::size_t WrittenIds::probe(std::uint64_t key) const {
  std::size_t at = home(key);
  while (slots_[at] != 0 && key_in(slots_[at]) != key) at = (at + 1) & (slots_.size() - 1);
  return at;
}

std::optional<std::uint32_t> WrittenIds::find(std::uint64_t hash) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint64_t slot = slots_[probe(key_of(hash))];
  if (slot == 0) return std::nullopt;
  return generation_in(slot);
}

void WrittenIds::set(std::uint64_t hash, std::uint32_t generation) {
  if (generation > kMaxGeneration) throw std::length_error("too many generations in one load");
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();
  const std::uint64_t key = key_of(hash);
  std::uint64_t& slot = slots_[probe(key)];
  if (slot == 0) ++size_;
  slot = key << kGenerationBits | (generation + 1);
}

bool WrittenIds::erase(std::uint64_t hash) {
  if (slots_.empty()) return false;
  const std::size_t mask = slots_.size() - 1;
  std::size_t hole = probe(key_of(hash));
  if (slots_[hole] == 0) return false;
  // Shift back the slots after it that would no longer be found past the hole.
  for (std::size_t at = (hole + 1) & mask; slots_[at] != 0; at = (at + 1) & mask) {
    const std::size_t wanted = home(key_in(slots_[at]));
    // Whether `wanted` lies cyclically in (hole, at]: then the slot may stay.
    const bool stays =
        hole <= at ? (hole < wanted && wanted <= at) : (hole < wanted || wanted <= at);
    if (!stays) {
      slots_[hole] = slots_[at];
      hole = at;
    }
  }
  slots_[hole] = 0;
  --size_;
  return true;
}

void WrittenIds::grow() {
  std::vector<std::uint64_t> old = std::exchange(
      slots_, std::vector<std::uint64_t>(slots_.empty() ? kFirstCapacity : slots_.size() * 2, 0));
  for (const std::uint64_t slot : old) {
    if (slot != 0) slots_[probe(key_in(slot))] = slot;
  }
}

}  // namespace newsdex
