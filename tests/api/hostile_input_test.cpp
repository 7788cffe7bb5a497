// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input end to end: NUL bytes in every format and JSON nested as deep as the record size
// cap allows. Every good article is indexed without the bytes, every bad record is reported by
// file and record, and the database passes Xapian's own check.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/schema.h"
#include "indexer/stored_article.h"
#include "newsdex/newsdex.h"
#include "tests/support/temp_dir.h"
#include "tests/support/write_file.h"

namespace newsdex {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

bool has_control_bytes(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return c == '\0' || (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t');
  });
}

TEST(HostileInput, NulBytesAndDeepNestingAreContained) {
  testing::TempDir dir;
  using namespace std::string_literals;
  // A stray NUL or two in a story is repaired; a file made mostly of them is binary, not text
  // (`looks_like_text` allows 1% control bytes).
  std::string story = "Harbour\0 strike halts traffic\n\nDock workers\0 walked out on Sunday."s;
  for (int i = 0; i < 20; ++i) story += " The port stayed closed as talks went on.";
  testing::write_file(dir.path() / "in/nul.txt", story + "\n");
  testing::write_file(dir.path() / "in/nul.html",
                      "<html><head><title>Museum\0 reopens</title></head><body><article>"
                      "<h1>Museum\0 reopens</h1><p>The museum\0 opened its doors again.</p>"
                      "</article></body></html>"s);
  testing::write_file(
      dir.path() / "in/wire/wire.sgm",
      "<REUTERS NEWID=\"77\"><DATE> 2-MAR-1987 10:15:00.00</DATE><TEXT><TITLE>WHEAT\0 QUOTA"
      "</TITLE><BODY>Ruritania\0 raised its wheat quota.</BODY></TEXT></REUTERS>\n"s);
  // Nesting up to the record size cap (4 MiB): two million levels under a key nobody reads.
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  testing::write_file(
      dir.path() / "in/feed.jsonl",
      R"({"id":"j1","title":"Escaped\u0000 NUL","body":"Text with \u0000 an escape."})"
      "\n"
      "{\"id\":\"j2\",\"title\":\"Raw\0NUL\",\"body\":\"A raw NUL is not JSON.\"}\n"s +
          R"({"id":"j3","title":"Deep record","body":"Still read.","extra":)" + deep + "}\n" +
          R"({"id":"j4","title":"After the deep one","body":"Read too."})" + "\n");

  std::vector<std::string> issues;
  const std::string db = dir / "db";
  const IndexReport report = Index::create(db).add_paths(
      {dir / "in"},
      {.on_issue = [&](const ReadIssue& issue) { issues.push_back(issue.describe()); }});

  // Raw NULs are removed before parsing, so even the JSON record that holds one is read; each
  // repair is a warning naming the file and record.
  EXPECT_EQ(report.added, 7u);  // the text, the page, the SGML story, j1 to j4
  EXPECT_EQ(report.skipped, 0u);
  EXPECT_THAT(issues,
              Contains(HasSubstr("feed.jsonl:2: warning: 1 NUL or control character removed")));
  EXPECT_THAT(issues,
              Contains(HasSubstr("nul.html:1: warning: 3 NUL or control characters removed")));
  EXPECT_THAT(issues,
              Contains(HasSubstr("wire.sgm:1: warning: 2 NUL or control characters removed")));

  const Xapian::Database database(db);
  EXPECT_EQ(database.get_doccount(), 7u);
  for (Xapian::PostingIterator it = database.postlist_begin(""); it != database.postlist_end("");
       ++it) {
    const std::string data =
        decompress_stored_article(database.get_document(*it).get_value(schema::kArticleSlot));
    EXPECT_FALSE(has_control_bytes(data)) << data.substr(0, 200);
  }
  for (Xapian::TermIterator it = database.allterms_begin(); it != database.allterms_end(); ++it) {
    EXPECT_EQ((*it).find('\0'), std::string::npos);
  }
  std::ostringstream check_output;
  EXPECT_EQ(Xapian::Database::check(db, Xapian::DBCHECK_FULL_TREE, &check_output), 0u)
      << check_output.str();
}

}  // namespace
}  // namespace newsdex
