// SPDX-License-Identifier: GPL-3.0-or-later
#include <archive.h>
#include <archive_entry.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus/html_reader.h"
#include "corpus/jsonl_reader.h"
#include "corpus/sgml_reader.h"
#include "corpus/text_reader.h"
#include "corpus/utf8.h"
#include "corpus_test_util.h"
#include "newsdex/reader.h"

namespace newsdex {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using testing::TempDir;

// Everything one read_articles call produced.
struct ReadRun {
  ReadSummary summary;
  std::vector<Article> articles;
  std::vector<ReadIssue> issues;
  std::vector<std::uint64_t> progress;

  std::vector<std::string> ids() const {
    std::vector<std::string> out;
    for (const Article& a : articles) out.push_back(a.id);
    return out;
  }
  std::vector<std::string> descriptions() const {
    std::vector<std::string> out;
    for (const ReadIssue& issue : issues) out.push_back(issue.describe());
    return out;
  }
};

ReadRun read_all(const std::vector<std::string>& paths, const ReadOptions& options = {}) {
  ReadRun run;
  run.summary = read_articles(
      paths, options,
      ReadCallbacks{.on_article = [&](Article&& a) { run.articles.push_back(std::move(a)); },
                    .on_issue = [&](const ReadIssue& issue) { run.issues.push_back(issue); },
                    .on_progress = [&](std::uint64_t bytes) { run.progress.push_back(bytes); }});
  return run;
}

enum class Packing { tar, tar_gz, zip, gz, bz2 };

struct Member {
  std::string name;
  std::string data;
};

// Writes `members` to `path` with libarchive, the library the reader uses to read them back.
void write_archive(const fs::path& path, Packing packing, const std::vector<Member>& members) {
  fs::create_directories(path.parent_path());
  archive* a = archive_write_new();
  switch (packing) {
    case Packing::tar:
      archive_write_set_format_pax_restricted(a);
      break;
    case Packing::tar_gz:
      archive_write_add_filter_gzip(a);
      archive_write_set_format_pax_restricted(a);
      break;
    case Packing::zip:
      archive_write_set_format_zip(a);
      break;
    case Packing::gz:
      archive_write_add_filter_gzip(a);
      archive_write_set_format_raw(a);
      break;
    case Packing::bz2:
      archive_write_add_filter_bzip2(a);
      archive_write_set_format_raw(a);
      break;
  }
  ASSERT_EQ(archive_write_open_filename(a, path.c_str()), ARCHIVE_OK) << archive_error_string(a);
  for (const Member& member : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, member.name.c_str());
    archive_entry_set_size(entry, static_cast<la_int64_t>(member.data.size()));
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    ASSERT_EQ(archive_write_header(a, entry), ARCHIVE_OK) << archive_error_string(a);
    ASSERT_EQ(archive_write_data(a, member.data.data(), member.data.size()),
              static_cast<la_ssize_t>(member.data.size()));
    archive_entry_free(entry);
  }
  ASSERT_EQ(archive_write_close(a), ARCHIVE_OK);
  archive_write_free(a);
}

// JSON Lines with `count` records of varied words, so that it does not compress to nothing.
std::string jsonl_records(int count, unsigned seed = 1) {
  static const std::vector<std::string> kWords = {"harbour", "council", "ferry", "storm",
                                                  "glass",   "museum",  "map",   "wheat",
                                                  "quota",   "bridge",  "river", "market"};
  std::mt19937 engine(seed);
  std::string out;
  for (int i = 1; i <= count; ++i) {
    std::string body;
    for (int w = 0; w < 40; ++w) body += kWords[engine() % kWords.size()] + " ";
    out += "{\"id\":\"r" + std::to_string(i) + "\",\"title\":\"Story " + std::to_string(i) +
           "\",\"body\":\"" + body + std::to_string(engine()) + "\"}\n";
  }
  return out;
}

TEST(ReadArticles, WalksDirectoriesInNameOrder) {
  TempDir dir;
  dir.write("news/b.txt", "Second file\n\nBody of b.");
  dir.write("news/a/story.jsonl", "{\"title\":\"one\"}\n{\"title\":\"two\"}\n");
  dir.write("news/.hidden.txt", "Hidden\n\nNever read.");
  dir.write("news/c.html", "<h1>Page</h1><p>Text.</p>");
  dir.write("news/d/wire.sgm", "<REUTERS NEWID=\"5\"><TEXT><TITLE>Wire</TITLE></TEXT></REUTERS>");
  const std::string root = (dir.path() / "news").string();
  const ReadRun run = read_all({root});
  EXPECT_THAT(run.issues, IsEmpty());
  EXPECT_THAT(run.ids(), ElementsAre("news/a/story.jsonl#1", "news/a/story.jsonl#2", "news/b.txt",
                                     "news/c.html", "reuters-5"));
  EXPECT_EQ(run.articles[2].source_path, root + "/b.txt");
  EXPECT_EQ(run.articles[0].format, "jsonl");
  EXPECT_EQ(run.articles[3].format, "html");
  EXPECT_EQ(run.articles[4].format, "sgml");
  EXPECT_EQ(run.summary.files, 4u);
  EXPECT_EQ(run.summary.articles, 5u);
  EXPECT_EQ(run.summary.errors, 0u);
  EXPECT_EQ(run.summary.warnings, 0u);
  EXPECT_EQ(run.summary.bytes, total_input_bytes({root}));
  ASSERT_EQ(run.progress.size(), 4u);
  EXPECT_TRUE(std::is_sorted(run.progress.begin(), run.progress.end()));
  EXPECT_EQ(run.progress.back(), run.summary.bytes);
}

TEST(ReadArticles, FilesThatDocumentTheArchiveArePassedOver) {
  TempDir dir;
  dir.write("news/README", "About this archive\n\nIt holds stories.");
  dir.write("news/LICENSE.txt", "Licence\n\nUse freely.");
  dir.write("news/notes.md", "# Notes\n\nHow it was collected.");
  dir.write("news/story.txt", "Harbour reopens\n\nShips sailed again on Monday.");
  dir.write("news/wire/reut2-000.sgm",
            "<REUTERS NEWID=\"5\"><TEXT><TITLE>Wire</TITLE></TEXT></REUTERS>");
  dir.write("news/wire/lewis.dtd", "<!ELEMENT REUTERS (DATE, TEXT)>");
  dir.write("news/wire/all-places-strings.lc.txt", "albania\nalgeria\n");
  dir.write("news/wire/cat-descriptions.txt", "Some notes on the categories\n\nThey are lists.");
  const ReadRun run = read_all({(dir.path() / "news").string()});
  EXPECT_THAT(run.issues, IsEmpty());
  EXPECT_THAT(run.ids(), ElementsAre("news/story.txt", "reuters-5"));
  EXPECT_EQ(run.summary.passed_over, 6u);
  // A file named on the command line is read whatever its name.
  EXPECT_THAT(read_all({(dir.path() / "news/wire/cat-descriptions.txt").string()}).ids(),
              ElementsAre("cat-descriptions.txt"));
}

TEST(ReadArticles, TrailingSlashAndSingleFileIds) {
  TempDir dir;
  dir.write("news/b.txt", "Headline\n\nBody.");
  EXPECT_THAT(read_all({(dir.path() / "news").string() + "/"}).ids(), ElementsAre("news/b.txt"));
  EXPECT_THAT(read_all({(dir.path() / "news/b.txt").string()}).ids(), ElementsAre("b.txt"));
}

TEST(ReadArticles, ProjectFixturesByFormat) {
  const ReadRun run = read_all({std::string(NEWSDEX_TEST_FIXTURES) + "/corpus"});
  EXPECT_THAT(run.issues, IsEmpty());
  EXPECT_THAT(run.ids(), ElementsAre("corpus/harbour.txt", "corpus/museum.html", "reuters-900001",
                                     "reuters-900002", "reuters-900003", "cw-001",
                                     "https://example.org/ferry"));
}

TEST(ReadArticles, ArchivesAreReadInPlace) {
  TempDir dir;
  write_archive(dir.path() / "in/bundle.tar.gz", Packing::tar_gz,
                {{"docs/x.txt", "Tarred story\n\nIts body."},
                 {"docs/.DS_Store", "junk"},
                 {"docs/y.jsonl", "{\"title\":\"t1\"}\n"}});
  write_archive(
      dir.path() / "in/pages.zip", Packing::zip,
      {{"p/page.html", "<h1>Zipped</h1><p>Page.</p>"}, {"__MACOSX/p/._page.html", "junk"}});
  write_archive(dir.path() / "in/feed.jsonl.gz", Packing::gz, {{"data", "{\"title\":\"gz\"}\n"}});
  write_archive(dir.path() / "in/story.txt.bz2", Packing::bz2, {{"data", "Bz\n\nBody."}});
  const std::string root = (dir.path() / "in").string();
  const ReadRun run = read_all({root});
  EXPECT_THAT(run.issues, IsEmpty());
  EXPECT_THAT(run.ids(),
              ElementsAre("in/bundle.tar.gz!docs/x.txt", "in/bundle.tar.gz!docs/y.jsonl#1",
                          "in/feed.jsonl.gz#1", "in/pages.zip!p/page.html", "in/story.txt.bz2"));
  EXPECT_EQ(run.articles[0].source_path, root + "/bundle.tar.gz!docs/x.txt");
  EXPECT_EQ(run.articles[0].headline, "Tarred story");
  EXPECT_EQ(run.articles[2].source_path, root + "/feed.jsonl.gz");
  EXPECT_EQ(run.articles[3].format, "html");
  EXPECT_EQ(run.articles[4].body, "Body.");
  EXPECT_EQ(run.summary.files, 5u);
}

TEST(ReadArticles, ArchiveInsideArchive) {
  TempDir dir;
  write_archive(dir.path() / "inner.jsonl.gz", Packing::gz, {{"data", "{\"title\":\"deep\"}\n"}});
  const std::string inner = [&] {
    std::ifstream in(dir.path() / "inner.jsonl.gz", std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  write_archive(dir.path() / "outer.tar", Packing::tar, {{"inner.jsonl.gz", inner}});
  const ReadRun run = read_all({(dir.path() / "outer.tar").string()});
  EXPECT_THAT(run.issues, IsEmpty());
  EXPECT_THAT(run.ids(), ElementsAre("outer.tar!inner.jsonl.gz#1"));
}

TEST(ReadArticles, TruncatedGzipKeepsEarlierRecords) {
  TempDir dir;
  const fs::path gz = dir.path() / "feed.jsonl.gz";
  write_archive(gz, Packing::gz, {{"data", jsonl_records(2000)}});
  fs::resize_file(gz, fs::file_size(gz) / 2);
  const ReadRun run = read_all({gz.string()});
  EXPECT_GT(run.articles.size(), 100u);
  EXPECT_LT(run.articles.size(), 2000u);
  EXPECT_EQ(run.articles.back().id, "r" + std::to_string(run.articles.size()));
  ASSERT_EQ(run.issues.size(), 1u) << ::testing::PrintToString(run.descriptions());
  EXPECT_EQ(run.issues[0].severity, ReadIssue::Severity::error);
  EXPECT_EQ(run.issues[0].file, gz.string());
  EXPECT_THAT(run.issues[0].message, HasSubstr("truncated"));
}

TEST(ReadArticles, TruncatedTarKeepsEarlierMembers) {
  TempDir dir;
  const fs::path tgz = dir.path() / "many.tar.gz";
  std::vector<Member> members;
  for (int i = 0; i < 80; ++i) {
    members.push_back({"m" + std::to_string(100 + i) + ".jsonl", jsonl_records(20, i)});
  }
  write_archive(tgz, Packing::tar_gz, members);
  fs::resize_file(tgz, fs::file_size(tgz) / 2);
  const ReadRun run = read_all({tgz.string()});
  EXPECT_GT(run.articles.size(), 20u) << ::testing::PrintToString(run.descriptions());
  EXPECT_LT(run.articles.size(), 1600u);
  EXPECT_EQ(run.summary.errors, 1u);
  EXPECT_THAT(run.issues.back().file, StartsWith(tgz.string()));
}

TEST(ReadArticles, CorruptArchivesAreErrors) {
  TempDir dir;
  dir.write("junk.tar.gz", testing::random_bytes(5000));
  dir.write("junk.zip", "PK\x03\x04" + testing::random_bytes(3000, 3));
  dir.write("junk.jsonl.gz", "\x1F\x8B\x08\x00" + testing::random_bytes(3000, 4));
  const ReadRun run = read_all({dir.path().string()});
  EXPECT_THAT(run.articles, IsEmpty());
  EXPECT_EQ(run.summary.errors, 3u) << ::testing::PrintToString(run.descriptions());
}

TEST(ReadArticles, DecompressionBombIsAbandoned) {
  TempDir dir;
  const fs::path bomb = dir.path() / "zeros.txt.bz2";
  write_archive(bomb, Packing::bz2, {{"data", std::string(64u << 20, ' ')}});
  ASSERT_LT(fs::file_size(bomb), 64u << 10);
  const ReadRun run = read_all({bomb.string()});
  EXPECT_THAT(run.articles, IsEmpty());
  ASSERT_EQ(run.issues.size(), 1u);
  EXPECT_THAT(run.issues[0].message, HasSubstr("decompression bomb"));
}

TEST(ReadArticles, FilesAndMembersOverTheSizeCapAreSkipped) {
  TempDir dir;
  dir.write("big/a.txt", "Big\n\n" + std::string(5000, 'x'));
  write_archive(dir.path() / "big/b.tar.gz", Packing::tar_gz,
                {{"b.txt", "Big\n\n" + std::string(5000, 'y')}, {"c.txt", "Small\n\nok"}});
  ReadOptions options;
  options.max_file_bytes = 1000;
  const ReadRun run = read_all({(dir.path() / "big").string()}, options);
  EXPECT_THAT(run.ids(), ElementsAre("big/b.tar.gz!c.txt"));
  EXPECT_EQ(run.summary.errors, 2u);
  for (const ReadIssue& issue : run.issues) EXPECT_THAT(issue.message, HasSubstr("max_file_bytes"));
}

TEST(ReadArticles, BrokenFilesAreReportedAndSkipped) {
  TempDir dir;
  dir.write("in/empty.txt", "");
  dir.write("in/blank.jsonl", "\n  \n");
  dir.write("in/blob.dat", testing::random_bytes(2000));
  dir.write("in/noise.txt", testing::random_bytes(2000, 9));
  dir.write("in/utf16.txt", std::string("\xFF\xFEH\0i\0\n\0\n\0B\0o\0d\0y\0.\0", 20));
  dir.write("in/ok.txt", "Fine\n\nBody.");
  const ReadRun run = read_all({(dir.path() / "in").string()});
  EXPECT_THAT(run.ids(), ElementsAre("in/ok.txt", "in/utf16.txt"));
  EXPECT_EQ(run.articles[1].headline, "Hi");
  EXPECT_EQ(run.articles[1].body, "Body.");
  const std::string root = (dir.path() / "in").string();
  EXPECT_THAT(run.descriptions(),
              ElementsAre(root + "/blank.jsonl: warning: empty file, skipped",
                          root + "/blob.dat: error: not a recognised article format, skipped",
                          root + "/empty.txt: warning: empty file, skipped",
                          root + "/noise.txt: error: not a recognised article format, skipped"));
  EXPECT_EQ(run.summary.files, 6u);
  EXPECT_EQ(run.summary.errors, 2u);
  EXPECT_EQ(run.summary.warnings, 2u);
}

TEST(ReadArticles, SymlinkLoopIsBroken) {
  TempDir dir;
  dir.write("news/sub/a.txt", "Once\n\nOnly once.");
  std::error_code ec;
  fs::create_directory_symlink("..", dir.path() / "news/sub/loop", ec);
  if (ec) GTEST_SKIP() << "cannot create symbolic links here: " << ec.message();
  fs::create_symlink(dir.path() / "missing", dir.path() / "news/dangling.txt");
  const ReadRun run = read_all({(dir.path() / "news").string()});
  EXPECT_THAT(run.ids(), ElementsAre("news/sub/a.txt"));
  EXPECT_EQ(run.summary.errors, 0u);
  EXPECT_THAT(run.descriptions(),
              ElementsAre(HasSubstr("dangling.txt: warning: broken symbolic link"),
                          AllOf(HasSubstr("sub/loop: warning:"), HasSubstr("already read"))));
}

TEST(ReadArticles, MissingPathIsAnError) {
  TempDir dir;
  const std::string missing = (dir.path() / "nope").string();
  const ReadRun run = read_all({missing});
  EXPECT_THAT(run.descriptions(), ElementsAre(missing + ": error: no such file or directory"));
  EXPECT_EQ(run.summary.errors, 1u);
  EXPECT_EQ(total_input_bytes({missing}), 0u);
}

TEST(ReadArticles, ForcedFormat) {
  TempDir dir;
  const fs::path file = dir.write("a.jsonl", "{\"title\":\"x\"}\n\nsecond paragraph");
  ReadOptions options;
  options.format = Format::text;
  const ReadRun run = read_all({file.string()}, options);
  ASSERT_EQ(run.articles.size(), 1u);
  EXPECT_EQ(run.articles[0].format, "text");
  EXPECT_EQ(run.articles[0].headline, "{\"title\":\"x\"}");
}

TEST(ReadArticles, CallbackExceptionsPropagate) {
  TempDir dir;
  const fs::path file = dir.write("a.jsonl", "{\"title\":\"x\"}\n{\"title\":\"y\"}\n");
  ReadCallbacks throwing;
  throwing.on_article = [](Article&&) { throw std::runtime_error("stop"); };
  EXPECT_THROW(read_articles({file.string()}, {}, throwing), std::runtime_error);
  ReadCallbacks throwing_int;
  throwing_int.on_issue = [](const ReadIssue&) { throw 7; };
  EXPECT_THROW(read_articles({(dir.path() / "missing").string()}, {}, throwing_int), int);
}

TEST(ReadArticles, EmptyCallbacksAreAllowed) {
  TempDir dir;
  const fs::path file = dir.write("a.txt", "H\n\nB.");
  const ReadSummary summary = read_articles({file.string()}, {}, {});
  EXPECT_EQ(summary.articles, 1u);
}

TEST(ReadArticles, SeedDirectory) {
  const fs::path seeds = fs::path(NEWSDEX_SHARED_DIR) / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "shared seeds not found at " << seeds;
  const ReadRun run = read_all({seeds.string()});
  EXPECT_THAT(run.ids(), Contains("seeds/000_3c6ba5321dfd73d4.txt"));
  EXPECT_EQ(run.summary.errors, 0u);
}

bool all_valid_utf8(const Article& a) {
  bool valid = detail::is_valid_utf8(a.id) && detail::is_valid_utf8(a.headline) &&
               detail::is_valid_utf8(a.body) && detail::is_valid_utf8(a.dateline) &&
               detail::is_valid_utf8(a.byline) && detail::is_valid_utf8(a.source) &&
               detail::is_valid_utf8(a.date) && detail::is_valid_utf8(a.language) &&
               detail::is_valid_utf8(a.url);
  for (const std::string& caption : a.captions) valid = valid && detail::is_valid_utf8(caption);
  for (const auto& [kind, values] : a.tags) {
    for (const std::string& value : values) valid = valid && detail::is_valid_utf8(value);
  }
  return valid;
}

// Every reader gets every fixture with bytes flipped, cut and spliced in: no crash, no escaping
// exception, and only valid UTF-8 comes out. Most useful in the sanitizer build.
TEST(Robustness, MutatedFixturesNeverCrashAnyReader) {
  std::vector<std::string> fixtures;
  for (const char* name : {"harbour.txt", "wire.jsonl", "wire/sample.sgm", "museum.html"}) {
    std::ifstream in(fs::path(NEWSDEX_TEST_FIXTURES) / "corpus" / name, std::ios::binary);
    fixtures.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  static const std::vector<std::string> kSplices = {
      "<",          ">",        "&#",   "&#x",      "{",   "}",
      "\"",         "\\u",      "\xFF", "\xE2\x80", " - ", std::string(1, '\0'),
      "</REUTERS>", "<REUTERS "};
  std::mt19937 engine(2024);
  for (const std::string& original : fixtures) {
    for (int round = 0; round < 150; ++round) {
      std::string bytes = original;
      const int edits = 1 + static_cast<int>(engine() % 8);
      for (int e = 0; e < edits && !bytes.empty(); ++e) {
        const std::size_t pos = engine() % bytes.size();
        switch (engine() % 4) {
          case 0:
            bytes[pos] = static_cast<char>(engine());
            break;
          case 1:
            bytes.resize(pos);
            break;
          case 2:
            bytes.insert(pos, kSplices[engine() % kSplices.size()]);
            break;
          default:
            bytes.erase(pos, engine() % 64);
            break;
        }
      }
      for (testing::ReaderFunction reader :
           {detail::read_text, detail::read_jsonl, detail::read_sgml, detail::read_html}) {
        for (bool truncated : {false, true}) {
          testing::ReadParams params;
          params.truncated = truncated;
          const testing::Collected got = testing::run_reader(reader, bytes, params);
          for (const Article& a : got.articles) ASSERT_TRUE(all_valid_utf8(a)) << a.id;
        }
      }
    }
  }
}

// The project's bundled sample archive (corpus/samples): every story reads cleanly, and the
// text and HTML ones all open with a dateline.
TEST(SamplesIntegration, EveryStoryReadsCleanly) {
  const fs::path samples = fs::path(NEWSDEX_SOURCE_DIR) / "corpus/samples";
  if (!fs::exists(samples)) GTEST_SKIP() << "no sample archive at " << samples;
  const ReadRun run = read_all({samples.string()});
  EXPECT_THAT(run.issues, IsEmpty()) << ::testing::PrintToString(run.descriptions());
  EXPECT_GT(run.articles.size(), 0u);
  std::set<std::string> ids;
  for (const Article& a : run.articles) {
    ids.insert(a.id);
    EXPECT_FALSE(a.headline.empty()) << a.id;
    EXPECT_FALSE(a.body.empty()) << a.id;
    if (a.format == "text" || a.format == "html") {
      EXPECT_FALSE(a.dateline.empty()) << a.id;
      EXPECT_THAT(a.body, StartsWith(a.dateline)) << a.id;
    }
  }
  EXPECT_EQ(ids.size(), run.articles.size());
}

// Integration test over the real Reuters-21578 collection (run it alone with
// --gtest_filter='*Integration*').
TEST(ReutersCorpusIntegration, EveryArticleOnceWithUniqueIds) {
  const fs::path dir = fs::path(NEWSDEX_SHARED_DIR) / "corpus/reuters21578";
  if (!fs::exists(dir / "reut2-000.sgm")) {
    GTEST_SKIP() << "Reuters-21578 not found in " << dir
                 << " (set NEWSDEX_SHARED_DIR to the shared corpus folder)";
  }
  std::vector<std::string> files;
  for (int i = 0; i < 22; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "reut2-%03d.sgm", i);
    files.push_back((dir / name).string());
  }
  const ReadRun run = read_all(files);
  EXPECT_EQ(run.summary.files, 22u);
  EXPECT_EQ(run.summary.articles, 21578u);
  EXPECT_EQ(run.summary.errors, 0u);
  std::set<std::string> ids;
  std::size_t with_body = 0;
  for (const Article& a : run.articles) {
    ids.insert(a.id);
    if (!a.body.empty()) ++with_body;
    EXPECT_THAT(a.body, Not(EndsWith("Reuter"))) << a.id;
  }
  EXPECT_EQ(ids.size(), 21578u);
  EXPECT_TRUE(ids.contains("reuters-1") && ids.contains("reuters-21578"));
  EXPECT_GT(with_body, 19043u);  // every BODY, plus the unprocessed stories' text
  // The one stray 0xFC byte in reut2-017.sgm, decoded as Latin-1.
  EXPECT_THAT(run.descriptions(),
              ElementsAre(AllOf(HasSubstr("reut2-017.sgm:"), HasSubstr("Latin-1"))));

  const Article& first = run.articles.front();
  EXPECT_EQ(first.id, "reuters-1");
  EXPECT_EQ(first.headline, "BAHIA COCOA REVIEW");
  EXPECT_EQ(first.dateline, "SALVADOR, Feb 26 -");
  EXPECT_EQ(first.date, "26-FEB-1987 15:01:01.79");
  EXPECT_EQ(first.source, "Reuters");
  EXPECT_THAT(first.tags.at("places"), ElementsAre("el-salvador", "usa", "uruguay"));
  EXPECT_THAT(first.tags.at("topics"), ElementsAre("cocoa"));
  EXPECT_THAT(first.body, StartsWith("Showers continued throughout the week in the Bahia cocoa"));
}

}  // namespace
}  // namespace newsdex
