// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/facet_counter.h"

#include <string_view>

#include "indexer/schema.h"

namespace newsdex {

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  const std::string packed = doc.get_value(slot_);
  std::string_view rest(packed);
  while (!rest.empty()) {
    const std::size_t end = rest.find(schema::kValueSeparator);
    const std::string_view value = rest.substr(0, end);
    if (!value.empty()) ++counts_[std::string(value)];
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
}

}  // namespace newsdex
