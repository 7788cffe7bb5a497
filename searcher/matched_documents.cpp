// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/matched_documents.h"

#include <algorithm>

namespace newsdex {

void MatchedDocuments::operator()(const Xapian::Document& doc, double) { add(doc.get_docid()); }

std::size_t MatchedDocuments::how_many_of(std::span<const Xapian::docid> documents) {
  // A walk and the matcher both come upon matches in docid order: sorting is for safety only.
  if (!ascending_) {
    std::sort(ids_.begin(), ids_.end());
    ascending_ = true;
  }
  std::size_t found = 0;
  auto from = ids_.begin();
  for (const Xapian::docid id : documents) {
    from = std::lower_bound(from, ids_.end(), id);
    if (from == ids_.end()) break;
    if (*from == id) ++found;
  }
  return found;
}

}  // namespace newsdex
