// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexer/index_writer.h"

#include <filesystem>

#include "indexer/schema.h"
#include "indexer/database_version.h"

namespace newsdex {

namespace {

Xapian::WritableDatabase open_database(const std::string& path, IndexWriter::Mode mode) {
  if (mode == IndexWriter::Mode::create_or_open) {
    // Failure is left for Xapian to report, with its own clearer message.
    std::error_code ignored;
    std::filesystem::create_directories(path, ignored);
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN, schema::kBlockSize);
  }
  return Xapian::WritableDatabase(path, Xapian::DB_OPEN);
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, Mode mode)
    : path_(path), db_(open_database(path, mode)), written_forms_(db_) {
  if (db_.get_doccount() == 0 && db_.get_metadata(std::string(schema::kSchemaKey)).empty()) {
    stamp_database_version(db_);
    db_.commit();
  } else {
    check_database_version(db_, path_);
  }
}

AddResult IndexWriter::write(BuiltDocument built) {
  const bool existed = db_.term_exists(built.id_term);
  db_.replace_document(built.id_term, built.document);
  written_forms_.record(built.written_forms);
  return existed ? AddResult::replaced : AddResult::added;
}

void IndexWriter::reopen() {
  // The new handle takes the new database's lock before the old one lets go of the old's.
  db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN);
}

bool IndexWriter::remove(std::string_view id) {
  const std::string term = schema::boolean_term(schema::kId, id);
  if (!db_.term_exists(term)) return false;
  db_.delete_document(term);
  return true;
}

}  // namespace newsdex
