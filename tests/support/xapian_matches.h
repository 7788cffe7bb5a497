// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <algorithm>
#include <vector>

namespace newsdex::testing {

/// The documents Xapian's matcher finds for `query` in `db`, in docid order.
inline std::vector<Xapian::docid> xapian_matches(const Xapian::Database& db,
                                                 const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::vector<Xapian::docid> ids;
  for (const Xapian::docid id : enquire.get_mset(0, db.get_doccount())) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace newsdex::testing
