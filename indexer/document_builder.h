// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <xapian.h>

#include <string>
#include <vector>

#include "analyzers/metadata.h"
#include "analyzers/text_analysis.h"
#include "newsdex/article.h"

namespace newsdex {

/// An article turned into what the writer stores.
struct BuiltDocument {
  Xapian::Document document;
  std::string id_term;  ///< the unique `Q` term that identifies the article
  /// Words the builder's analysis indexed as stems other than themselves, some perhaps met
  /// before: for a `WrittenFormsRecorder`.
  std::vector<WrittenForm> written_forms;
};

/// Turns articles into Xapian documents: terms with positions, facet terms and values, stored
/// data (layout in docs/SCHEMA.md). Not thread-safe: give each thread its own builder.
class DocumentBuilder {
 public:
  /// A builder that extracts what `metadata` asks for (everything by default; benchmarks
  /// measure indexing without places and names).
  explicit DocumentBuilder(const MetadataOptions& metadata = {});

  /// Builds the document for `article`, which must have an id. The builder keeps no handle on
  /// the document, so another thread may write it.
  BuiltDocument build(const Article& article);

 private:
  MetadataOptions metadata_options_;
  TextAnalysis analysis_;
};

}  // namespace newsdex
