// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <cstdint>
#include <vector>

#include "analyzers/text_analysis.h"

namespace newsdex {

/// Records the words an index of stems cannot show, each with the stem it was indexed as, in a
/// database's synonym table (docs/SCHEMA.md): the vocabulary a wildcard is matched against
/// (`electi*` finds `election`, whose stem is `elect`).
///
/// The analysis notes a word whenever its stemmer had to stem it anew, so a Reuters-21578 load
/// brings the 20,000 words of its vocabulary 178,000 times, and Xapian rewrites a word's entry
/// each time it is given one, even unchanged. So the recorder passes over the words it recorded
/// lately (the last word of each of 65,536 slots, by hash: 512 KB, whatever the archive), and
/// gives Xapian the others in sorted batches, which it writes in order.
class WrittenFormsRecorder {
 public:
  /// Records into `db`, which must outlive the recorder.
  explicit WrittenFormsRecorder(Xapian::WritableDatabase& db) : db_(&db) {}

  void record(const std::vector<WrittenForm>& forms);
  /// Writes what is still held: to do before committing `db`.
  void flush();

 private:
  static constexpr int kSlotBits = 16;
  static constexpr std::size_t kBatch = 4096;
  Xapian::WritableDatabase* db_;
  std::vector<std::uint64_t> recorded_ = std::vector<std::uint64_t>(std::size_t{1} << kSlotBits);
  std::vector<WrittenForm> batch_;
};

}  // namespace newsdex
