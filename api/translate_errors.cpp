// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/translate_errors.h"

#include <fmt/format.h>

namespace newsdex::detail {

void rethrow_as_error(const std::string& context) {
  const std::string where = context.empty() ? std::string() : context + ": ";
  auto error = [&](ErrorCode code, std::string_view what, const std::string& detail) {
    return Error(code, fmt::format("{}{}{}", where, what, detail), context);
  };
  // Xapian::Error is not polymorphic in 1.4, so the kinds are told apart by catch clauses,
  // most derived first.
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const Xapian::DatabaseLockError& e) {
    // Xapian also reports a lock file it cannot create (a read-only folder or file system) as a
    // lock error; only "already locked" means that another writer holds the database.
    if (e.get_msg().find("already locked") == std::string::npos) {
      throw error(ErrorCode::io, "cannot write to the database: ", e.get_msg());
    }
    throw Error(ErrorCode::locked,
                fmt::format("database {} is locked by another writer (another `newsdex index` or "
                            "a program using the API); wait for it to finish",
                            context),
                context);
  } catch (const Xapian::DatabaseNotFoundError& e) {
    throw error(ErrorCode::not_found, "no database: ", e.get_msg());
  } catch (const Xapian::DatabaseVersionError& e) {
    throw error(ErrorCode::version_mismatch, "database format not supported: ", e.get_msg());
  } catch (const Xapian::DatabaseCorruptError& e) {
    throw error(ErrorCode::corrupt, "database is damaged: ", e.get_description());
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw error(ErrorCode::io, "cannot open database: ", e.get_description());
  } catch (const Xapian::DatabaseCreateError& e) {
    throw error(ErrorCode::io, "cannot create database: ", e.get_description());
  } catch (const Xapian::DatabaseError& e) {
    throw error(ErrorCode::io, "database error: ", e.get_description());
  } catch (const Xapian::QueryParserError& e) {
    throw error(ErrorCode::invalid_query, "", e.get_msg());
  } catch (const Xapian::InvalidArgumentError& e) {
    throw error(ErrorCode::invalid_argument, "", e.get_msg());
  } catch (const Xapian::Error& e) {
    throw error(ErrorCode::internal, "", e.get_description());
  } catch (const std::filesystem::filesystem_error& e) {
    throw error(ErrorCode::io, "", e.what());
  } catch (const std::bad_alloc&) {
    throw error(ErrorCode::internal, "out of memory", "");
  } catch (const std::exception& e) {
    throw error(ErrorCode::internal, "", e.what());
  }
}

}  // namespace newsdex::detail
