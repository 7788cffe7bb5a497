// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "searcher/facet_ordinals.h"

namespace newsdex {

/// The articles with a value of one slot among a chosen set, read from the slot's in-memory
/// ordinals, for a slot with one value per article at most (the date, the language): checking a
/// match is an array read, and the number of articles is exact. `date:` ranges used
/// `OP_VALUE_RANGE`, which decodes the slot's value stream, and made a word within `date:1987-03`
/// the slowest search on Reuters-21578 (about twice the time of the word alone); the language
/// branches of a query were filtered with boolean terms, up to six postings lists opened per
/// branch. A boolean filter: every match weighs nothing. For the one database the ordinals were
/// read from.
class SlotFilterSource : public Xapian::PostingSource {
 public:
  /// The articles whose value lies between `first` and `last`, both included, in byte order
  /// (`YYYYMMDD` dates): an empty `first` is no lower bound. `slot` must outlive the source
  /// and every clone of it; `field` names it in descriptions.
  static SlotFilterSource* between(const SlotOrdinals& slot, std::string_view field,
                                   std::string_view first, std::string_view last);

  /// The articles with one of `values`.
  static SlotFilterSource* one_of(const SlotOrdinals& slot, std::string_view field,
                                  const std::set<std::string>& values);

  /// The source whose `get_description` is `description`, made again over the ordinals of its
  /// field's slot in `ordinals` (the date's, or a facet field's): null for a description that
  /// `between` and `one_of` do not give. A query holds its sources out of reach; this finds
  /// them again by what the query says of them.
  static SlotFilterSource* from_description(FacetOrdinals& ordinals, std::string_view description);

  /// The description of the source `query` stands for: `language en|de` of
  /// `Query(PostingSource(language en|de))`; empty for any other query.
  static std::string description_of(const Xapian::Query& query);

  /// The values a description of `one_of` chooses after its field's name: `en`, `de` of `en|de`.
  static std::set<std::string> chosen_values(std::string_view chosen);

  void init(const Xapian::Database& db) override;
  void next(double min_weight) override;
  void skip_to(Xapian::docid id, double min_weight) override;
  bool check(Xapian::docid id, double min_weight) override;
  bool at_end() const override { return current_ > slot_.last_docid(); }
  Xapian::docid get_docid() const override { return current_; }
  Xapian::doccount get_termfreq_min() const override { return chosen_->documents; }
  Xapian::doccount get_termfreq_est() const override { return chosen_->documents; }
  Xapian::doccount get_termfreq_max() const override { return chosen_->documents; }

  SlotFilterSource* clone() const override;
  std::string name() const override { return "newsdex::SlotFilterSource"; }
  /// The description, so that equal filters serialise alike (the query builder compares
  /// parses).
  std::string serialise() const override { return description_; }
  /// `date 19870301..19870331`, `language en|fr`.
  std::string get_description() const override { return description_; }

 private:
  /// What a source and its clones share.
  struct Chosen {
    std::vector<char> accepted;  ///< ordinal → whether its value is chosen
    Xapian::doccount documents = 0;
    /// Whether the documents with a chosen value are few, and listed in `sparse` in order:
    /// stepping through them beats testing every document in between (the undetermined
    /// articles of an English archive, one day's news).
    bool is_sparse = false;
    std::vector<Xapian::docid> sparse;
  };

  SlotFilterSource(const SlotOrdinals& slot, std::shared_ptr<const Chosen> chosen,
                   std::string description);
  /// A new source for the values whose ordinals `accepted` marks.
  static SlotFilterSource* choosing(const SlotOrdinals& slot, std::vector<char> accepted,
                                    std::string description);
  bool accepts(Xapian::docid id) const noexcept;
  /// Moves to the first document after `current_` with a chosen value.
  void advance() noexcept;

  const SlotOrdinals& slot_;
  std::shared_ptr<const Chosen> chosen_;
  std::string description_;
  Xapian::docid current_ = 0;
  std::size_t next_sparse_ = 0;  ///< in `chosen_->sparse`: the first document after `current_`
};

}  // namespace newsdex
