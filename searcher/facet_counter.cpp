// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_counter.h"

#include <string_view>

#include "indexer/schema.h"

namespace newsdex {

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  const Xapian::docid id = doc.get_docid();
  if (id <= last_) {
    // Out of order (a multi-database match, say): ask the document.
    count(doc.get_value(slot_));
    return;
  }
  last_ = id;
  if (values_ == db_.valuestream_end(slot_)) return;  // no later document has a value
  if (values_.check(id) && values_ != db_.valuestream_end(slot_) && values_.get_docid() == id) {
    count(*values_);
  }
}

void FacetCounter::count(std::string_view packed) {
  std::string_view rest(packed);
  while (!rest.empty()) {
    const std::size_t end = rest.find(schema::kValueSeparator);
    const std::string_view value = rest.substr(0, end);
    if (!value.empty()) {
      // Looked up without a string: this runs for every value of every match.
      if (const auto it = counts_.find(value); it != counts_.end()) {
        ++it->second;
      } else {
        counts_.emplace(value, 1);
      }
    }
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
}

}  // namespace newsdex
