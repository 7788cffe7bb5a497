// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/match_walker.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "searcher/slot_filter_source.h"

namespace newsdex {

namespace {

// Past every document.
constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();

}  // namespace

/// The documents a part of a query matches, stepped through in docid order.
class MatchWalker::Cursor {
 public:
  virtual ~Cursor() = default;
  /// The first document at or after `id` that the part matches, or `kEnd`. `id` never
  /// decreases from one call to the next.
  virtual Xapian::docid seek(Xapian::docid id) = 0;
  /// At most how many documents the part matches: an intersection steps through its smallest
  /// part and seeks in the others.
  virtual Xapian::doccount most() const = 0;
};

namespace {

using Cursor = MatchWalker::Cursor;

// The documents indexed by a term; the empty term indexes every document. Nothing is read
// until the walk begins: a walker is made for searches that may not walk.
class TermCursor final : public Cursor {
 public:
  TermCursor(const Xapian::Database& db, std::string term) : db_(db), term_(std::move(term)) {}

  Xapian::docid seek(Xapian::docid id) override {
    if (!opened_) {
      it_ = db_.postlist_begin(term_);
      opened_ = true;
      at_ = here();
    }
    if (at_ < id) {
      // Mostly the next document is sought, and stepping costs less than skipping.
      ++it_;
      at_ = here();
      if (at_ < id) {
        it_.skip_to(id);
        at_ = here();
      }
    }
    return at_;
  }
  Xapian::doccount most() const override {
    return term_.empty() ? db_.get_doccount() : db_.get_termfreq(term_);
  }

 private:
  // The document `it_` is at, read once a step: reading it is a virtual call into Xapian.
  Xapian::docid here() const { return it_ == Xapian::PostingIterator() ? kEnd : *it_; }

  const Xapian::Database& db_;
  std::string term_;
  bool opened_ = false;
  Xapian::PostingIterator it_;
  Xapian::docid at_ = 0;  ///< where `it_` is, `kEnd` past its last document
};

class NothingCursor final : public Cursor {
 public:
  Xapian::docid seek(Xapian::docid) override { return kEnd; }
  Xapian::doccount most() const override { return 0; }
};

// The documents a slot filter accepts.
class FilterCursor final : public Cursor {
 public:
  FilterCursor(const Xapian::Database& db, SlotFilterSource* source) : source_(source) {
    source_->init(db);
  }

  Xapian::docid seek(Xapian::docid id) override {
    if (id > at_) {
      source_->skip_to(id, 0);
      at_ = source_->at_end() ? kEnd : source_->get_docid();
    }
    return at_;
  }
  Xapian::doccount most() const override { return source_->get_termfreq_est(); }

 private:
  std::unique_ptr<SlotFilterSource> source_;
  Xapian::docid at_ = 0;
};

// The documents every part matches: the smallest part leads, the others are sought.
class AndCursor final : public Cursor {
 public:
  explicit AndCursor(std::vector<std::unique_ptr<Cursor>> parts) : parts_(std::move(parts)) {}

  Xapian::docid seek(Xapian::docid id) override {
    if (!ordered_) {
      std::vector<std::pair<Xapian::doccount, std::unique_ptr<Cursor>>> sized;
      for (auto& part : parts_) sized.emplace_back(part->most(), std::move(part));
      std::stable_sort(sized.begin(), sized.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (std::size_t i = 0; i < sized.size(); ++i) parts_[i] = std::move(sized[i].second);
      ordered_ = true;
    }
    Xapian::docid candidate = id;
    std::size_t agreeing = 0;  // parts in a row at `candidate`
    for (std::size_t i = 0; agreeing < parts_.size(); i = i + 1 == parts_.size() ? 0 : i + 1) {
      const Xapian::docid found = parts_[i]->seek(candidate);
      if (found == kEnd) return kEnd;
      if (found == candidate) {
        ++agreeing;
      } else {
        candidate = found;
        agreeing = 1;
      }
    }
    return candidate;
  }
  Xapian::doccount most() const override {
    Xapian::doccount least = std::numeric_limits<Xapian::doccount>::max();
    for (const auto& part : parts_) least = std::min(least, part->most());
    return least;
  }

 private:
  std::vector<std::unique_ptr<Cursor>> parts_;
  bool ordered_ = false;  ///< the smallest part first, once the walk begins
};

// The documents any part matches.
class OrCursor final : public Cursor {
 public:
  explicit OrCursor(std::vector<std::unique_ptr<Cursor>> parts)
      : parts_(std::move(parts)), at_(parts_.size(), 0) {}

  Xapian::docid seek(Xapian::docid id) override {
    Xapian::docid first = kEnd;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      if (at_[i] < id) at_[i] = parts_[i]->seek(id);
      first = std::min(first, at_[i]);
    }
    return first;
  }
  Xapian::doccount most() const override {
    std::uint64_t sum = 0;
    for (const auto& part : parts_) sum += part->most();
    return static_cast<Xapian::doccount>(
        std::min<std::uint64_t>(sum, std::numeric_limits<Xapian::doccount>::max()));
  }

 private:
  std::vector<std::unique_ptr<Cursor>> parts_;
  std::vector<Xapian::docid> at_;  ///< where each part stands
};

// The documents `kept` matches and `dropped` does not.
class AndNotCursor final : public Cursor {
 public:
  AndNotCursor(std::unique_ptr<Cursor> kept, std::unique_ptr<Cursor> dropped)
      : kept_(std::move(kept)), dropped_(std::move(dropped)) {}

  Xapian::docid seek(Xapian::docid id) override {
    Xapian::docid found = kept_->seek(id);
    while (found != kEnd && dropped_->seek(found) == found) found = kept_->seek(found + 1);
    return found;
  }
  Xapian::doccount most() const override { return kept_->most(); }

 private:
  std::unique_ptr<Cursor> kept_;
  std::unique_ptr<Cursor> dropped_;
};

class Compiler {
 public:
  Compiler(const Xapian::Database& db, FacetOrdinals& ordinals) : db_(db), ordinals_(ordinals) {}

  // Null for a part that cannot be walked.
  std::unique_ptr<Cursor> compile(const Xapian::Query& query) {
    if (is_union(query)) return any_of(query);
    switch (query.get_type()) {
      case Xapian::Query::LEAF_TERM:
        return std::make_unique<TermCursor>(db_, *query.get_terms_begin());
      case Xapian::Query::LEAF_MATCH_ALL:
        return std::make_unique<TermCursor>(db_, std::string());
      case Xapian::Query::LEAF_MATCH_NOTHING:
        return std::make_unique<NothingCursor>();
      case Xapian::Query::LEAF_POSTING_SOURCE:
        return filter(query);
      case Xapian::Query::OP_AND:
      case Xapian::Query::OP_FILTER:
        return parts<AndCursor>(query, 0);
      case Xapian::Query::OP_AND_NOT: {
        // The first part, without any of the others.
        auto kept = compile(query.get_subquery(0));
        auto dropped = parts<OrCursor>(query, 1);
        if (!kept || !dropped) return nullptr;
        return std::make_unique<AndNotCursor>(std::move(kept), std::move(dropped));
      }
      case Xapian::Query::OP_AND_MAYBE:  // the other parts only weigh
      case Xapian::Query::OP_SCALE_WEIGHT:
        return compile(query.get_subquery(0));
      default:
        return nullptr;
    }
  }

 private:
  // The parts of `query` from the `first`th on, combined by `Combined`.
  template <typename Combined>
  std::unique_ptr<Cursor> parts(const Xapian::Query& query, std::size_t first) {
    std::vector<std::unique_ptr<Cursor>> compiled;
    for (std::size_t i = first; i < query.get_num_subqueries(); ++i) {
      auto part = compile(query.get_subquery(i));
      if (!part) return nullptr;
      compiled.push_back(std::move(part));
    }
    return combined<Combined>(std::move(compiled));
  }

  // `compiled` combined by `Combined`: one part is itself, none matches nothing.
  template <typename Combined>
  static std::unique_ptr<Cursor> combined(std::vector<std::unique_ptr<Cursor>> compiled) {
    if (compiled.empty()) return std::make_unique<NothingCursor>();
    if (compiled.size() == 1) return std::move(compiled.front());
    return std::make_unique<Combined>(std::move(compiled));
  }

  // Whether `query` matches what any of its parts matches: an `OR`, `SYNONYM` or `MAX`.
  static bool is_union(const Xapian::Query& query) {
    const auto type = query.get_type();
    return type == Xapian::Query::OP_OR || type == Xapian::Query::OP_SYNONYM ||
           type == Xapian::Query::OP_MAX;
  }

  // The documents any part of `query` (an `OR`, `SYNONYM` or `MAX`) matches. A word of a query
  // is a union of unions, `(said OR Ssaid) OR (Zsaid OR ZSsaid)` (its term as written and its
  // stem, in text and headline), whose terms as written most languages never index: one union
  // of the parts that match anything steps through fewer cursors for each match.
  std::unique_ptr<Cursor> any_of(const Xapian::Query& query) {
    std::vector<std::unique_ptr<Cursor>> compiled;
    if (!gather_union(query, compiled)) return nullptr;
    return combined<OrCursor>(std::move(compiled));
  }
  // Adds the parts of the union `query` that may match something to `compiled`, those of unions
  // within it in their stead; false if one cannot be walked.
  bool gather_union(const Xapian::Query& query, std::vector<std::unique_ptr<Cursor>>& compiled) {
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
      const Xapian::Query part = query.get_subquery(i);
      if (is_union(part)) {
        if (!gather_union(part, compiled)) return false;
        continue;
      }
      auto cursor = compile(part);
      if (!cursor) return false;
      if (cursor->most() > 0) compiled.push_back(std::move(cursor));
    }
    return true;
  }

  // A slot filter, found again by its description: `Query(PostingSource(date 1..2))`.
  std::unique_ptr<Cursor> filter(const Xapian::Query& query) {
    const std::string description = SlotFilterSource::description_of(query);
    if (description.empty()) return nullptr;
    SlotFilterSource* source = SlotFilterSource::from_description(ordinals_, description);
    if (source == nullptr) return nullptr;
    return std::make_unique<FilterCursor>(db_, source);
  }

  const Xapian::Database& db_;
  FacetOrdinals& ordinals_;
};

}  // namespace

std::unique_ptr<MatchWalker> MatchWalker::of(const Xapian::Database& db, const Xapian::Query& query,
                                             FacetOrdinals& ordinals) {
  std::unique_ptr<Cursor> root = Compiler(db, ordinals).compile(query);
  if (!root) return nullptr;
  return std::unique_ptr<MatchWalker>(new MatchWalker(std::move(root)));
}

MatchWalker::MatchWalker(std::unique_ptr<Cursor> root) : root_(std::move(root)) {}

MatchWalker::~MatchWalker() = default;

Xapian::doccount MatchWalker::most_matches() const { return root_->most(); }

Xapian::docid MatchWalker::next() {
  if (last_ == kEnd) return 0;
  last_ = root_->seek(last_ + 1);
  return last_ == kEnd ? 0 : last_;
}

}  // namespace newsdex
