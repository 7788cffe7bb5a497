// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_ordinals.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <future>
#include <numeric>
#include <string_view>
#include <system_error>
#include <thread>

#include "analyzers/text_scanner.h"
#include "indexer/schema.h"
#include "searcher/saved_ordinals.h"

namespace newsdex {

namespace {

// The first eight bytes of `value`, unsigned and zero-padded, as a number that orders values as
// their bytes do wherever it differs.
std::uint64_t byte_order_prefix(std::string_view value) {
  std::uint64_t prefix = 0;
  for (std::size_t i = 0; i < 8; ++i) {
    prefix <<= 8;
    if (i < value.size()) prefix |= static_cast<unsigned char>(value[i]);
  }
  return prefix;
}

}  // namespace

SlotOrdinals::SlotOrdinals(const Xapian::Database& db, Xapian::valueno slot,
                           const FacetAliases* aliases) {
  // starts_[id + 1] first counts document id's values, then becomes a running total.
  starts_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
  // Ordinals in order of first appearance at first; renumbered in value order below. A value
  // as stored is looked up once: with aliases, looking each one up among the aliases as well
  // took a sixth of a command-line search on ten times Reuters-21578.
  constexpr std::uint32_t kNoValue = UINT32_MAX;  // of a value that counts as none
  detail::KeyMap<std::uint32_t> ordinal_of_stored;
  detail::KeyMap<std::uint32_t> ordinal_of_canonical;  // with aliases only
  const auto ordinal_of = [&](std::string_view stored) {
    if (const auto found = ordinal_of_stored.find(stored); found != ordinal_of_stored.end()) {
      return found->second;
    }
    const std::string_view value = aliases != nullptr ? aliases->canonical(stored) : stored;
    std::uint32_t ordinal = kNoValue;
    if (!value.empty()) {
      ordinal = static_cast<std::uint32_t>(values_.size());
      if (aliases != nullptr) {
        const auto [found, added] = ordinal_of_canonical.try_emplace(std::string(value), ordinal);
        ordinal = found->second;
        if (added) values_.emplace_back(value);
      } else {
        values_.emplace_back(value);
      }
    }
    ordinal_of_stored.emplace(stored, ordinal);
    return ordinal;
  };
  // Neighbouring articles often share a value (a language, a source, a day): the previous
  // document's first value is checked before the map, which hashing made most of the cost.
  std::string previous_value;
  std::uint32_t previous_ordinal = kNoValue;
  for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
    const std::string packed = *it;
    std::string_view rest(packed);
    const std::size_t document_start = ordinals_.size();
    for (bool first = true;; first = false) {
      const std::size_t end = rest.find(schema::kValueSeparator);
      const std::string_view stored = rest.substr(0, end);
      std::uint32_t ordinal = previous_ordinal;
      if (!first || stored != previous_value) {
        ordinal = ordinal_of(stored);
        if (first) {
          previous_value = stored;
          previous_ordinal = ordinal;
        }
      }
      // Values counted as one (a surname and the full name it stands for) count once.
      if (ordinal != kNoValue &&
          (aliases == nullptr ||
           std::find(ordinals_.begin() + static_cast<std::ptrdiff_t>(document_start),
                     ordinals_.end(), ordinal) == ordinals_.end())) {
        ordinals_.push_back(ordinal);
        ++starts_[it.get_docid() + 1];
      }
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  std::partial_sum(starts_.begin(), starts_.end(), starts_.begin());

  // Sorting the distinct values was a third of a command-line search on Reuters-21578 (the
  // duplicate keys are one per article): they are compared by their first eight bytes, held
  // beside them, and only on a tie as strings.
  struct Entry {
    std::uint64_t prefix;
    std::uint32_t ordinal;
  };
  std::vector<Entry> by_value(values_.size());
  for (std::uint32_t i = 0; i < by_value.size(); ++i) {
    by_value[i] = {byte_order_prefix(values_[i]), i};
  }
  std::sort(by_value.begin(), by_value.end(), [&](const Entry& a, const Entry& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return values_[a.ordinal] < values_[b.ordinal];
  });
  std::vector<std::uint32_t> renumbered(values_.size());
  std::vector<std::string> sorted(values_.size());
  for (std::uint32_t i = 0; i < by_value.size(); ++i) {
    renumbered[by_value[i].ordinal] = i;
    sorted[i] = std::move(values_[by_value[i].ordinal]);
  }
  values_ = std::move(sorted);
  documents_.assign(values_.size(), 0);
  for (std::uint32_t& ordinal : ordinals_) {
    ordinal = renumbered[ordinal];
    ++documents_[ordinal];
  }
}

namespace {

void put_u32(std::string& out, std::uint32_t n) {
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
}

void put_u32s(std::string& out, const std::vector<std::uint32_t>& numbers) {
  put_u32(out, static_cast<std::uint32_t>(numbers.size()));
  if (numbers.empty()) return;  // an empty vector's data() may be null
  out.append(reinterpret_cast<const char*>(numbers.data()), numbers.size() * sizeof(std::uint32_t));
}

// Reads what put_u32 and put_u32s wrote, failing once `in` runs short.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool u32(std::uint32_t& n) {
    if (in_.size() < sizeof n) return false;
    std::memcpy(&n, in_.data(), sizeof n);
    in_.remove_prefix(sizeof n);
    return true;
  }
  bool u32s(std::vector<std::uint32_t>& numbers) {
    std::uint32_t count = 0;
    if (!u32(count) || in_.size() / sizeof(std::uint32_t) < count) return false;
    numbers.resize(count);
    if (count == 0) return true;  // an empty vector's data() may be null
    std::memcpy(numbers.data(), in_.data(), count * sizeof(std::uint32_t));
    in_.remove_prefix(count * sizeof(std::uint32_t));
    return true;
  }
  bool bytes(std::size_t size, std::string& out) {
    if (in_.size() < size) return false;
    out.assign(in_.substr(0, size));
    in_.remove_prefix(size);
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

}  // namespace

// The distinct values (a count, then each value's length and bytes), the document starts and
// the ordinals, as counted arrays of 32-bit numbers in the machine's byte order.
std::string SlotOrdinals::serialise() const {
  std::string out;
  put_u32(out, static_cast<std::uint32_t>(values_.size()));
  for (const std::string& value : values_) {
    put_u32(out, static_cast<std::uint32_t>(value.size()));
    out += value;
  }
  put_u32s(out, starts_);
  put_u32s(out, ordinals_);
  return out;
}

std::unique_ptr<const SlotOrdinals> SlotOrdinals::unserialise(std::string_view bytes) {
  std::unique_ptr<SlotOrdinals> read(new SlotOrdinals());
  Reader in(bytes);
  std::uint32_t values = 0;
  if (!in.u32(values) || values > bytes.size()) return nullptr;
  read->values_.resize(values);
  for (std::string& value : read->values_) {
    std::uint32_t size = 0;
    if (!in.u32(size) || !in.bytes(size, value)) return nullptr;
    if (&value != &read->values_.front() && !(*(&value - 1) < value)) return nullptr;
  }
  if (!in.u32s(read->starts_) || !in.u32s(read->ordinals_) || !in.done()) return nullptr;
  // What `of` and `documents` read must lie within the arrays.
  const std::vector<std::uint32_t>& starts = read->starts_;
  if (starts.size() < 2 || starts.front() != 0 || starts.back() != read->ordinals_.size() ||
      !std::is_sorted(starts.begin(), starts.end())) {
    return nullptr;
  }
  read->documents_.assign(values, 0);
  for (const std::uint32_t ordinal : read->ordinals_) {
    if (ordinal >= values) return nullptr;
    ++read->documents_[ordinal];
  }
  return read;
}

std::span<const Xapian::docid> SlotOrdinals::documents_with(std::uint32_t ordinal) const {
  std::call_once(postings_built_, [this] {
    posting_starts_.assign(values_.size() + 1, 0);
    std::partial_sum(documents_.begin(), documents_.end(), posting_starts_.begin() + 1);
    postings_.resize(ordinals_.size());
    std::vector<std::uint32_t> next(posting_starts_.begin(), posting_starts_.end() - 1);
    for (Xapian::docid id = 1; id <= last_docid(); ++id) {
      for (const std::uint32_t value : of(id)) postings_[next[value]++] = id;
    }
  });
  return {postings_.data() + posting_starts_[ordinal],
          postings_.data() + posting_starts_[ordinal + 1]};
}

std::uint32_t SlotOrdinals::first_at_least(std::string_view value) const {
  return static_cast<std::uint32_t>(std::lower_bound(values_.begin(), values_.end(), value) -
                                    values_.begin());
}

std::uint32_t SlotOrdinals::first_above(std::string_view value) const {
  return static_cast<std::uint32_t>(std::upper_bound(values_.begin(), values_.end(), value) -
                                    values_.begin());
}

FacetRows::FacetRows(std::span<const SlotOrdinals* const> slots) {
  offsets_.push_back(0);
  Xapian::docid last = 0;
  for (const SlotOrdinals* slot : slots) {
    offsets_.push_back(offsets_.back() + static_cast<std::uint32_t>(slot->size()));
    last = std::max(last, slot->last_docid());
  }
  starts_.reserve(static_cast<std::size_t>(last) + 2);
  starts_.push_back(0);
  for (Xapian::docid id = 0; id <= last; ++id) {
    for (std::size_t i = 0; i < slots.size(); ++i) {
      for (const std::uint32_t ordinal : slots[i]->of(id)) keys_.push_back(offsets_[i] + ordinal);
    }
    starts_.push_back(static_cast<std::uint32_t>(keys_.size()));
  }
}

FacetOrdinals::FacetOrdinals(const Xapian::Database& db, std::string path)
    : db_(db), path_(std::move(path)) {}
FacetOrdinals::~FacetOrdinals() = default;
FacetOrdinals::FacetOrdinals(FacetOrdinals&&) noexcept = default;
FacetOrdinals& FacetOrdinals::operator=(FacetOrdinals&&) noexcept = default;

void FacetOrdinals::clear() noexcept {
  rows_.clear();
  slots_.clear();
  aliases_.clear();
  saved_.reset();
}

const SavedOrdinals* FacetOrdinals::saved() {
  if (!saved_ && !path_.empty()) saved_ = std::make_unique<const SavedOrdinals>(db_, path_);
  return saved_.get();
}

std::unique_ptr<const SlotOrdinals> FacetOrdinals::build(const Xapian::Database& db,
                                                         Xapian::valueno slot,
                                                         const FacetAliases* aliases) const {
  auto built = std::make_unique<const SlotOrdinals>(db, slot, aliases);
  if (saved_) saved_->save(slot, *built);
  return built;
}

void FacetOrdinals::prepare(const std::vector<Xapian::valueno>& slots) {
  if (path_.empty()) return;  // `slot` builds them one by one
  std::vector<Xapian::valueno> missing;
  for (const Xapian::valueno slot : slots) {
    if (slots_.contains(slot) || std::find(missing.begin(), missing.end(), slot) != missing.end())
      continue;
    if (auto loaded = saved()->load(slot)) {
      slots_[slot] = std::move(loaded);
    } else {
      missing.push_back(slot);
    }
  }
  if (missing.size() < 2) return;  // `slot` builds one as well
  // Names first: with their aliases and several values an article, they take longest.
  std::stable_partition(missing.begin(), missing.end(), [](Xapian::valueno slot) {
    return slot == schema::kPersonSlot || slot == schema::kOrganizationSlot;
  });
  const std::size_t helpers =
      std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), missing.size()) - 1;
  if (helpers == 0) return;
  struct Built {
    Xapian::valueno slot;
    std::optional<FacetAliases> aliases;
    std::unique_ptr<const SlotOrdinals> ordinals;
  };
  // Each thread takes the next slot until none is left; a Xapian handle serves one thread.
  std::atomic<std::size_t> next = 0;
  const auto build_share = [&](const Xapian::Database& db) {
    std::vector<Built> built;
    for (std::size_t i = next++; i < missing.size(); i = next++) {
      Built slot{missing[i], FacetAliases::of_slot(db, missing[i]), nullptr};
      slot.ordinals = build(db, slot.slot, slot.aliases ? &*slot.aliases : nullptr);
      built.push_back(std::move(slot));
    }
    return built;
  };
  const std::string uuid = db_.get_uuid();
  const Xapian::rev revision = db_.get_revision();
  std::vector<std::future<std::vector<Built>>> helping;
  for (std::size_t i = 0; i < helpers; ++i) {
    const auto help = [&]() -> std::vector<Built> {
      // The folder may hold another database or revision by now, or none: this thread then
      // leaves its share to the others, and what it took to `slot`.
      try {
        const Xapian::Database own(path_);
        if (own.get_uuid() != uuid || own.get_revision() != revision) return {};
        return build_share(own);
      } catch (const Xapian::Error&) {
        return {};
      }
    };
    try {
      helping.push_back(std::async(std::launch::async, help));
    } catch (const std::system_error&) {
      break;  // no thread to be had: the caller builds the rest
    }
  }
  std::vector<Built> built = build_share(db_);
  for (auto& helper : helping) {
    for (Built& slot : helper.get()) built.push_back(std::move(slot));
  }
  for (Built& slot : built) {
    aliases_.try_emplace(slot.slot, std::move(slot.aliases));
    slots_[slot.slot] = std::move(slot.ordinals);
  }
}

const SlotOrdinals& FacetOrdinals::slot(Xapian::valueno slot) {
  std::unique_ptr<const SlotOrdinals>& ordinals = slots_[slot];
  if (!ordinals && saved() != nullptr) ordinals = saved_->load(slot);
  if (!ordinals) ordinals = build(db_, slot, aliases(slot));
  return *ordinals;
}

const FacetAliases* FacetOrdinals::aliases(Xapian::valueno slot) {
  auto found = aliases_.find(slot);
  if (found == aliases_.end())
    found = aliases_.emplace(slot, FacetAliases::of_slot(db_, slot)).first;
  return found->second ? &*found->second : nullptr;
}

const FacetRows& FacetOrdinals::rows(const std::vector<Xapian::valueno>& slots) {
  std::unique_ptr<const FacetRows>& rows = rows_[slots];
  if (!rows) {
    prepare(slots);
    std::vector<const SlotOrdinals*> ordinals;
    for (const Xapian::valueno number : slots) ordinals.push_back(&slot(number));
    rows = std::make_unique<const FacetRows>(ordinals);
  }
  return *rows;
}

}  // namespace newsdex
