// SPDX-License-Identifier: GPL-3.0-or-later
// The baselines newsdex's indexing is compared with (bench/index_comparison.cpp): the same
// articles, read by newsdex's own readers so that only the indexing differs, written
//
//   xapian: the way Xapian's documentation indexes — one TermGenerator with the English
//           stemmer (STEM_SOME), headline and body as free text plus the headline under a
//           prefix, the id as a boolean term, the text as document data, one WritableDatabase
//           with default settings, add_document, one commit at the end;
//   fts5:   into SQLite FTS5 with the porter tokenizer, in one transaction.
//
//   index_baseline xapian|fts5 OUTPUT PATH...
#include <sqlite3.h>
#include <xapian.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "newsdex/reader.h"

namespace {

void index_with_xapian(const std::string& output, const std::vector<std::string>& paths) {
  Xapian::WritableDatabase db(output, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  newsdex::ReadCallbacks callbacks;
  callbacks.on_article = [&](newsdex::Article&& article) {
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text(article.headline, 1, "S");
    generator.index_text(article.headline);
    generator.increase_termpos();
    generator.index_text(article.body);
    doc.add_boolean_term("Q" + article.id);
    doc.set_data(article.headline + "\n\n" + article.body);
    db.add_document(doc);
  };
  newsdex::read_articles(paths, {}, callbacks);
  db.commit();
}

void check(sqlite3* db, int status, const char* what) {
  if (status != SQLITE_OK && status != SQLITE_DONE) {
    throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
  }
}

void index_with_fts5(const std::string& output, const std::vector<std::string>& paths) {
  std::filesystem::remove(output);
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open(output.c_str(), &raw);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close)> db(raw, sqlite3_close);
  check(raw, opened, "open");
  check(raw,
        sqlite3_exec(raw,
                     "CREATE VIRTUAL TABLE articles USING fts5(id UNINDEXED, headline, body, "
                     "tokenize='porter unicode61'); BEGIN;",
                     nullptr, nullptr, nullptr),
        "create");
  sqlite3_stmt* raw_insert = nullptr;
  check(raw, sqlite3_prepare_v2(raw, "INSERT INTO articles VALUES (?, ?, ?)", -1, &raw_insert,
                                nullptr),
        "prepare");
  std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> insert(raw_insert, sqlite3_finalize);
  newsdex::ReadCallbacks callbacks;
  callbacks.on_article = [&](newsdex::Article&& article) {
    sqlite3_bind_text(raw_insert, 1, article.id.data(), static_cast<int>(article.id.size()),
                      SQLITE_TRANSIENT);
    sqlite3_bind_text(raw_insert, 2, article.headline.data(),
                      static_cast<int>(article.headline.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(raw_insert, 3, article.body.data(), static_cast<int>(article.body.size()),
                      SQLITE_TRANSIENT);
    check(raw, sqlite3_step(raw_insert), "insert");
    sqlite3_reset(raw_insert);
  };
  newsdex::read_articles(paths, {}, callbacks);
  check(raw, sqlite3_exec(raw, "COMMIT;", nullptr, nullptr, nullptr), "commit");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: index_baseline xapian|fts5 OUTPUT PATH...\n");
    return 2;
  }
  const std::string engine = argv[1];
  const std::string output = argv[2];
  const std::vector<std::string> paths(argv + 3, argv + argc);
  try {
    if (engine == "xapian") {
      index_with_xapian(output, paths);
    } else if (engine == "fts5") {
      index_with_fts5(output, paths);
    } else {
      std::fprintf(stderr, "index_baseline: unknown engine '%s'\n", engine.c_str());
      return 2;
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "index_baseline: %s\n", e.get_description().c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "index_baseline: %s\n", e.what());
    return 1;
  }
  return 0;
}
