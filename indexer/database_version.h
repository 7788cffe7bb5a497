// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

#include <xapian.h>

namespace newsdex {

/// Records the schema and analyzer versions that build this database in its metadata.
void stamp_database_version(Xapian::WritableDatabase& db);

/// Throws `newsdex::Error` with `version_mismatch` unless `db` was built with this schema
/// and analyzer; the message names both versions and the database at `path`.
void check_database_version(const Xapian::Database& db, const std::string& path);

}  // namespace newsdex
