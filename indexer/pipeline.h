// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "indexer/index_writer.h"
#include "newsdex/index.h"

namespace newsdex {

/// Indexes every article under `paths` into `writer`: one thread reads, `options.threads`
/// threads build documents, and the calling thread writes them in input order (so the result
/// is the same whatever the number of threads) and commits every `options.batch_size`.
/// Queues between the stages are bounded, so memory stays flat whatever the archive's size.
IndexReport index_paths(IndexWriter& writer, const std::vector<std::string>& paths,
                        const IndexOptions& options);

}  // namespace newsdex
