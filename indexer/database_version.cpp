// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/database_version.h"

#include <fmt/format.h>

#include "analyzers/text_analysis.h"
#include "indexer/schema.h"
#include "newsdex/error.h"

namespace newsdex {

void stamp_database_version(Xapian::WritableDatabase& db) {
  db.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
  db.set_metadata(std::string(schema::kAnalyzerKey), std::string(TextAnalysis::name()));
}

void check_database_version(const Xapian::Database& db, const std::string& path) {
  const std::string schema = db.get_metadata(std::string(schema::kSchemaKey));
  const std::string analyzer = db.get_metadata(std::string(schema::kAnalyzerKey));
  if (schema.empty()) {
    throw Error(ErrorCode::version_mismatch,
                fmt::format("{} is a Xapian database but not one newsdex built", path), path);
  }
  if (schema != schema::kSchemaVersion || analyzer != TextAnalysis::name()) {
    throw Error(ErrorCode::version_mismatch,
                fmt::format("{} was built with schema {} and analyzer {}; this newsdex uses schema "
                            "{} and analyzer {}: index the archive again into a new database",
                            path, schema, analyzer, schema::kSchemaVersion, TextAnalysis::name()),
                path);
  }
}

}  // namespace newsdex
