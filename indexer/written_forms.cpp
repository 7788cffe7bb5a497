// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/written_forms.h"

#include <algorithm>
#include <tuple>

#include "analyzers/fnv1a.h"

namespace newsdex {

void WrittenFormsRecorder::record(const std::vector<WrittenForm>& forms) {
  for (const WrittenForm& form : forms) {
    // The pair, not the word alone: a word may have a stem in each of several languages.
    const std::uint64_t hash = fnv1a(form.stem, fnv1a(form.word) ^ 0xff);
    std::uint64_t& slot = recorded_[hash >> (64 - kSlotBits)];
    if (slot == hash) continue;
    slot = hash;
    batch_.push_back(form);
  }
  if (batch_.size() >= kBatch) flush();
}

void WrittenFormsRecorder::flush() {
  const auto key = [](const WrittenForm& form) { return std::tie(form.word, form.stem); };
  std::sort(batch_.begin(), batch_.end(),
            [&](const WrittenForm& a, const WrittenForm& b) { return key(a) < key(b); });
  for (const WrittenForm& form : batch_) db_->add_synonym(form.word, form.stem);
  batch_.clear();
}

}  // namespace newsdex
