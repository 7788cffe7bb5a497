// SPDX-License-Identifier: GPL-3.0-or-later
#include "searcher/matched_documents.h"

#include <gtest/gtest.h>

#include <vector>

namespace newsdex {
namespace {

TEST(MatchedDocuments, TellsHowManyOfSomeDocumentsMatched) {
  MatchedDocuments matched;
  for (const Xapian::docid id : {2u, 3u, 5u, 8u, 13u}) matched.add(id);
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{1, 2, 4, 8, 9, 13, 21}), 3u);
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{1, 4, 21}), 0u);
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{}), 0u);
  matched.clear();
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{2, 3}), 0u);
}

// Matches found out of docid order are found all the same.
TEST(MatchedDocuments, FindsMatchesRecordedInAnyOrder) {
  MatchedDocuments matched;
  for (const Xapian::docid id : {13u, 2u, 8u, 5u}) matched.add(id);
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{2, 5, 8, 13}), 4u);
  matched.add(1);
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{1, 3}), 1u);
}

// As the matcher's spy, it records each document the matcher sees.
TEST(MatchedDocuments, RecordsWhatTheMatcherSees) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  for (int i = 0; i < 6; ++i) {
    Xapian::Document doc;
    doc.add_term(i % 2 == 0 ? "even" : "odd");
    db.add_document(doc);
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query("odd"));
  MatchedDocuments matched;
  enquire.add_matchspy(&matched);
  enquire.get_mset(0, 1, db.get_doccount());
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{1, 2, 3, 4, 5, 6}), 3u);
  EXPECT_EQ(matched.how_many_of(std::vector<Xapian::docid>{2, 4, 6}), 3u);
}

}  // namespace
}  // namespace newsdex
