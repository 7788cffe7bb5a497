// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/facet_aliases.h"

namespace newsdex {

class SavedOrdinals;

/// The values of one value slot for every document of a database, as ordinals into the slot's
/// sorted list of distinct values (Lucene's doc values, Elasticsearch's global ordinals): with
/// them, counting a facet over a match set is an array increment per match, where reading the
/// slot's value stream for every query costs more than the rest of the search.
///
/// A slot holding several values packed with `schema::kValueSeparator` gives each document one
/// ordinal per non-empty value. Ordinals follow the values' byte order, so ordering by ordinal
/// is ordering by value. Immutable once built; reads are thread-safe.
class SlotOrdinals {
 public:
  /// Reads the slot's value stream of `db` once. With `aliases`, each value counts as its
  /// `canonical` one, once per document.
  SlotOrdinals(const Xapian::Database& db, Xapian::valueno slot,
               const FacetAliases* aliases = nullptr);

  /// The ordinals of document `id`'s values; empty for a document without any, or not in the
  /// database when this was built.
  std::span<const std::uint32_t> of(Xapian::docid id) const noexcept {
    if (id + 1 >= starts_.size()) return {};
    return {ordinals_.data() + starts_[id], ordinals_.data() + starts_[id + 1]};
  }

  /// The value of `ordinal`, which must be below `size()`.
  const std::string& value(std::uint32_t ordinal) const { return values_[ordinal]; }

  /// The number of distinct values.
  std::size_t size() const noexcept { return values_.size(); }

  /// The number of values the documents hold, each document's counted: for a slot of one value
  /// a document, the documents with a value.
  std::size_t values_held() const noexcept { return ordinals_.size(); }

  /// The number of documents with the value of `ordinal`, which must be below `size()`.
  Xapian::doccount documents(std::uint32_t ordinal) const { return documents_[ordinal]; }

  /// The documents with the value of `ordinal`, which must be below `size()`, in docid order:
  /// the slot's postings lists, built for all its values the first time one is asked for.
  std::span<const Xapian::docid> documents_with(std::uint32_t ordinal) const;

  /// The first ordinal whose value is not below `value`, or `size()`.
  std::uint32_t first_at_least(std::string_view value) const;

  /// The first ordinal whose value is above `value`, or `size()`.
  std::uint32_t first_above(std::string_view value) const;

  /// The database's last document id when this was built.
  Xapian::docid last_docid() const noexcept {
    return static_cast<Xapian::docid>(starts_.size() - 2);
  }

  /// The ordinals as bytes, to be read back by `unserialise` on a machine of the same byte
  /// order (docs/SCHEMA.md, "Saved ordinals").
  std::string serialise() const;
  /// The ordinals `serialise` wrote, or null for bytes that are not such.
  static std::unique_ptr<const SlotOrdinals> unserialise(std::string_view bytes);

 private:
  SlotOrdinals() = default;

  std::vector<std::uint32_t> starts_;    ///< docid → start in ordinals_; one more than docids
  std::vector<std::uint32_t> ordinals_;  ///< every document's ordinals, in docid order
  std::vector<std::string> values_;      ///< ordinal → value, sorted
  std::vector<Xapian::doccount> documents_;  ///< ordinal → documents with that value
  // The postings lists, built once on demand: ordinal → start in postings_, then the docids.
  mutable std::once_flag postings_built_;
  mutable std::vector<std::uint32_t> posting_starts_;
  mutable std::vector<Xapian::docid> postings_;
};

/// The ordinals of several slots interleaved by document: one row per document holding the
/// values of every slot, each as a *key*, `offset(i) + ordinal` for the `i`th slot. Counting
/// several facets then reads one contiguous row per match instead of one scattered list per
/// slot, which took a third less time with seven facets (bench/query_latency). A second copy of
/// the slots' ordinals; immutable once built, reads are thread-safe.
class FacetRows {
 public:
  /// Interleaves `slots`, which need not outlive the rows.
  explicit FacetRows(std::span<const SlotOrdinals* const> slots);

  /// The keys of document `id`'s values, slot by slot; empty as in `SlotOrdinals::of`.
  std::span<const std::uint32_t> of(Xapian::docid id) const noexcept {
    if (id + 1 >= starts_.size()) return {};
    return {keys_.data() + starts_[id], keys_.data() + starts_[id + 1]};
  }

  /// The number of slots.
  std::size_t slots() const noexcept { return offsets_.size() - 1; }

  /// The first key of the `i`th slot; `offset(slots())` is one more than the largest key.
  std::uint32_t offset(std::size_t i) const { return offsets_[i]; }

 private:
  std::vector<std::uint32_t> offsets_;  ///< slot → first key, then the number of keys
  std::vector<std::uint32_t> starts_;   ///< docid → start in keys_; one more than docids
  std::vector<std::uint32_t> keys_;     ///< every document's keys, in docid order
};

/// The `SlotOrdinals` of one database, each built the first time it is asked for and kept
/// until `clear`, which must follow every change of the database's revision. Not thread-safe.
class FacetOrdinals {
 public:
  /// Shares `db`, and so follows its reopens. With the `path` `db` was opened from, the
  /// ordinals are read from those saved in its folder for the same revision, or else built and
  /// saved there (`SavedOrdinals`); and the slots `prepare` is given are built on several cores
  /// at once, each reading its slots through a handle of its own on the same revision.
  explicit FacetOrdinals(const Xapian::Database& db, std::string path = {});
  ~FacetOrdinals();
  FacetOrdinals(FacetOrdinals&&) noexcept;
  FacetOrdinals& operator=(FacetOrdinals&&) noexcept;

  /// The ordinals of `slot`; the reference stays valid until `clear`.
  const SlotOrdinals& slot(Xapian::valueno slot);

  /// Readies those of `slots` not ready yet, for `slot` and `rows` to find them: when the path
  /// is known, reads those saved for this revision and builds the rest on as many cores as
  /// there are; without it, does nothing (`slot` builds each when asked).
  void prepare(const std::vector<Xapian::valueno>& slots);

  /// The rows of `slots` together, built from their `slot`s the first time these slots are
  /// asked for in this order; the reference stays valid until `clear`.
  const FacetRows& rows(const std::vector<Xapian::valueno>& slots);

  /// The aliases of the facet in `slot` (`FacetAliases::of_slot`), built the first time they
  /// are asked for; null for a facet without them. The pointer stays valid until `clear`.
  const FacetAliases* aliases(Xapian::valueno slot);

  /// Drops what was built, for a database reopened at another revision.
  void clear() noexcept;

 private:
  /// Builds the ordinals of `slot` from `db` (the database or a handle on the same revision)
  /// and saves them if the folder is known. Safe to call from several threads at once.
  std::unique_ptr<const SlotOrdinals> build(const Xapian::Database& db, Xapian::valueno slot,
                                            const FacetAliases* aliases) const;
  /// The ordinals saved for this revision, or null without a path.
  const SavedOrdinals* saved();

  Xapian::Database db_;
  std::string path_;
  std::unique_ptr<const SavedOrdinals> saved_;  ///< made the first time it is needed
  std::map<Xapian::valueno, std::optional<FacetAliases>> aliases_;
  std::map<Xapian::valueno, std::unique_ptr<const SlotOrdinals>> slots_;
  std::map<std::vector<Xapian::valueno>, std::unique_ptr<const FacetRows>> rows_;
};

}  // namespace newsdex
