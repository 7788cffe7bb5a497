// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <xapian.h>

namespace newsdex {

/// A weight for each dated article that decays with its age: `max_weight` for the newest
/// article of the database, half that `half_life_days` earlier, and so on. Combined with a
/// query by `OP_AND_MAYBE`, it lifts recent matches without adding matches. Ages count from
/// the newest date in the database, not from today, so archives of any era rank alike.
class RecencyBoost : public Xapian::ValuePostingSource {
 public:
  /// `slot` holds `YYYYMMDD` dates (`YYYYMM00` and `YYYY0000` at coarser precision).
  RecencyBoost(Xapian::valueno slot, double half_life_days, double max_weight);

  void init(const Xapian::Database& db) override;
  double get_weight() const override;
  RecencyBoost* clone() const override;
  std::string name() const override { return "newsdex::RecencyBoost"; }

 private:
  double half_life_days_;
  double max_weight_;
  long newest_day_ = 0;  ///< days since 1970-01-01 of the newest date in the database
};

}  // namespace newsdex
