// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/saved_ordinals.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "indexer/schema.h"
#include "searcher/facet_ordinals.h"
#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;

constexpr Xapian::valueno kPeople = schema::kPersonSlot;
constexpr Xapian::valueno kSources = schema::kSourceSlot;

// Documents first..last: two people each, one of three sources.
void add_documents(Xapian::WritableDatabase& db, int first, int last) {
  for (int i = first; i <= last; ++i) {
    Xapian::Document doc;
    doc.add_term("word");
    doc.add_value(kPeople, "Person " + std::to_string(i % 9) + schema::kValueSeparator + "Person " +
                               std::to_string(i % 4));
    doc.add_value(kSources, "Source " + std::to_string(i % 3));
    db.add_document(doc);
  }
}

std::vector<std::vector<std::uint32_t>> rows_of(const SlotOrdinals& ordinals) {
  std::vector<std::vector<std::uint32_t>> rows;
  for (Xapian::docid id = 0; id <= ordinals.last_docid() + 1; ++id) {
    const auto of = ordinals.of(id);
    rows.emplace_back(of.begin(), of.end());
  }
  return rows;
}

void expect_same(const SlotOrdinals& read, const SlotOrdinals& built) {
  ASSERT_EQ(read.size(), built.size());
  for (std::uint32_t i = 0; i < built.size(); ++i) {
    EXPECT_EQ(read.value(i), built.value(i));
    EXPECT_EQ(read.documents(i), built.documents(i));
  }
  EXPECT_EQ(read.last_docid(), built.last_docid());
  EXPECT_EQ(rows_of(read), rows_of(built));
}

class SavedOrdinalsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE);
    add_documents(db, 1, 50);
  }

  const testing::TempDir dir_;
  const std::string path_ = dir_ / "db";
};

TEST_F(SavedOrdinalsTest, ReadsBackWhatItSavedForTheSameRevision) {
  const Xapian::Database db(path_);
  const SlotOrdinals built(db, kPeople);
  SavedOrdinals(db, path_).save(kPeople, built);
  const auto read = SavedOrdinals(Xapian::Database(path_), path_).load(kPeople);
  ASSERT_NE(read, nullptr);
  expect_same(*read, built);
  EXPECT_EQ(SavedOrdinals(db, path_).load(kSources), nullptr);  // never saved
  // A slot no document has a value in.
  const SlotOrdinals empty(db, schema::kCitySlot);
  ASSERT_EQ(empty.size(), 0u);
  SavedOrdinals(db, path_).save(schema::kCitySlot, empty);
  const auto read_empty = SavedOrdinals(db, path_).load(schema::kCitySlot);
  ASSERT_NE(read_empty, nullptr);
  expect_same(*read_empty, empty);
}

TEST_F(SavedOrdinalsTest, ForgetsWhatItSavedOnceTheDatabaseChanges) {
  {
    const Xapian::Database db(path_);
    SavedOrdinals(db, path_).save(kPeople, SlotOrdinals(db, kPeople));
  }
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_OPEN);
    add_documents(db, 51, 51);
  }
  EXPECT_EQ(SavedOrdinals(Xapian::Database(path_), path_).load(kPeople), nullptr);
  // A new database in the same folder, with as many documents as the first had.
  {
    Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OVERWRITE);
    add_documents(db, 1, 50);
  }
  const Xapian::Database db(path_);
  SavedOrdinals(db, path_).save(kPeople, SlotOrdinals(db, kPeople));
  {
    Xapian::WritableDatabase again(path_, Xapian::DB_CREATE_OR_OVERWRITE);
    add_documents(again, 1, 50);
  }
  EXPECT_EQ(SavedOrdinals(Xapian::Database(path_), path_).load(kPeople), nullptr);
}

TEST_F(SavedOrdinalsTest, TakesDamagedFilesForNone) {
  const Xapian::Database db(path_);
  const SavedOrdinals saved(db, path_);
  saved.save(kPeople, SlotOrdinals(db, kPeople));
  const fs::path file = fs::path(path_) / "newsdex-ordinals-6";
  std::ifstream in(file, std::ios::binary);
  const std::string whole((std::istreambuf_iterator<char>(in)), {});
  ASSERT_NE(saved.load(kPeople), nullptr);
  // Cut anywhere, or with a byte more.
  for (std::size_t size = 0; size < whole.size(); ++size) {
    testing::write_file(file, whole.substr(0, size));
    EXPECT_EQ(saved.load(kPeople), nullptr) << size << " bytes";
  }
  testing::write_file(file, whole + '\0');
  EXPECT_EQ(saved.load(kPeople), nullptr);
  // An ordinal beyond the values (the last number of the file is the last document's last).
  std::string beyond = whole;
  beyond[beyond.size() - 4] = '\x7f';
  testing::write_file(file, beyond);
  EXPECT_EQ(saved.load(kPeople), nullptr);
}

std::vector<std::string> set_aside(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".tmp") names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// A search killed while it saves leaves its file aside; the next save removes what processes
// that are gone left, and nothing else.
TEST_F(SavedOrdinalsTest, RemovesWhatKilledSearchesLeftAside) {
  const Xapian::Database db(path_);
  const SlotOrdinals people(db, kPeople);
  const SavedOrdinals saved(db, path_);
  saved.save(kPeople, people);
  const pid_t saver = ::fork();
  ASSERT_GE(saver, 0);
  if (saver == 0) {
    for (;;) saved.save(kPeople, people);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ::kill(saver, SIGKILL);
  ::waitpid(saver, nullptr, 0);
  // Whether or not the kill came while a file was aside, these are too: one that process
  // left, one this process is writing, and one that is no search's.
  const fs::path gone = fs::path(path_) / fmt::format("newsdex-ordinals-6.{}.999.tmp", saver);
  const fs::path writing =
      fs::path(path_) / fmt::format("newsdex-ordinals-7.{}.999.tmp", ::getpid());
  const fs::path other = fs::path(path_) / "newsdex-ordinals-6.notes.tmp";
  for (const fs::path& file : {gone, writing, other}) testing::write_file(file, "part");
  saved.save(kSources, SlotOrdinals(db, kSources));
  std::vector<std::string> expected = {writing.filename().string(), other.filename().string()};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(set_aside(path_), expected);
  EXPECT_NE(saved.load(kPeople), nullptr);
}

TEST_F(SavedOrdinalsTest, SavesNothingWhereItCannotWrite) {
  const Xapian::Database db(path_);
  const SavedOrdinals nowhere(db, dir_ / "no such folder");
  nowhere.save(kPeople, SlotOrdinals(db, kPeople));  // no exception
  EXPECT_EQ(nowhere.load(kPeople), nullptr);
  EXPECT_FALSE(fs::exists(dir_ / "no such folder"));
}

// The ordinals a search reads are those saved: here, on purpose, another slot's.
TEST_F(SavedOrdinalsTest, FacetOrdinalsReadWhatWasSavedAndSaveWhatTheyBuild) {
  const Xapian::Database db(path_);
  {
    FacetOrdinals first(db, path_);
    expect_same(first.slot(kSources), SlotOrdinals(db, kSources));
  }
  ASSERT_TRUE(fs::exists(fs::path(path_) / "newsdex-ordinals-" += std::to_string(kSources)));
  const SlotOrdinals people(db, kPeople);
  SavedOrdinals(db, path_).save(kSources, people);
  FacetOrdinals next(db, path_);
  expect_same(next.slot(kSources), people);
  FacetOrdinals prepared(db, path_);
  prepared.prepare({kSources, kPeople});
  expect_same(prepared.slot(kSources), people);
  // Without a folder nothing is read or saved.
  FacetOrdinals unsaved(db);
  expect_same(unsaved.slot(kSources), SlotOrdinals(db, kSources));
}

}  // namespace
}  // namespace newsdex
