// SPDX-License-Identifier: GPL-3.0-or-later
// Indexing throughput of newsdex beside plain Xapian and SQLite FTS5 (bench/index_baseline.cpp)
// on Reuters-21578, in one run: each round runs every engine once, in a shuffled order, as a
// separate process, and measures its wall-clock time and peak resident memory (wait4's
// rusage). Prints the medians and each engine's time as a ratio of plain Xapian's, paired by
// round, so that a noisy machine slows both sides of a ratio alike.
//
//   index_comparison [--copies K] [--files N] [--rounds R] [--threads T]
//   index_comparison --scaling K [--files N] [--rounds R] [--threads T]
//
// --copies: the archive K times over with distinct ids (10 for the 10x corpus), generated in a
// temporary folder; --files: only the first N of the 22 SGML files; --threads: passed to
// `newsdex index`. Where the newsdex program links jemalloc, the plain Xapian program also runs
// with jemalloc preloaded ("Xapian+jemalloc"), so that the allocator's share shows.
// --scaling: newsdex alone, on the archive once and K times over in the same rounds, with the
// time and peak memory of K copies as ratios of one copy's, paired by round.
// The comparison also runs `newsdex index` without --quiet on a pseudo-terminal, as a user at
// a terminal sees it ("newsdex+progress"), and reports its time as a ratio of the quiet run's,
// paired by round: what the progress display costs.
#include <fmt/format.h>
#include <pty.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "newsdex/reader.h"

namespace {

namespace fs = std::filesystem;

struct Settings {
  int copies = 1;
  int scaling = 0;  ///< K copies against one, newsdex alone; 0 for the engine comparison
  int files = 22;
  int rounds = 3;
  int threads = 0;
};

struct Run {
  double seconds = 0;
  double peak_rss_mb = 0;
  double size_mb = 0;
};

// What an engine reads: input files, the number of articles in them and their size.
struct Corpus {
  std::vector<std::string> files;
  std::uint64_t articles = 0;
  double megabytes = 0;
};

struct Engine {
  std::string name;
  std::vector<std::string> command;  // the output path is appended, then the inputs
  const Corpus* corpus;
  std::vector<Run> runs;
  bool on_terminal = false;  ///< its standard error is a pseudo-terminal, not a file
};

Settings parse(int argc, char** argv) {
  Settings settings;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) throw std::invalid_argument(flag + " needs a value");
    const int value = std::stoi(argv[++i]);
    if (value < 0) throw std::invalid_argument(flag + " must not be negative");
    if (flag == "--copies") {
      settings.copies = std::max(1, value);
    } else if (flag == "--scaling") {
      if (value < 2) throw std::invalid_argument("--scaling needs at least 2 copies");
      settings.scaling = value;
    } else if (flag == "--files") {
      settings.files = std::clamp(value, 1, 22);
    } else if (flag == "--rounds") {
      settings.rounds = std::max(1, value);
    } else if (flag == "--threads") {
      settings.threads = value;
    } else {
      throw std::invalid_argument("unknown option " + flag);
    }
  }
  return settings;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// Copy `copy` of a Reuters file: every NEWID="n" becomes NEWID="copy*100000+n", so that each
// copy's stories are new articles.
std::string renumbered(const std::string& sgml, int copy) {
  static constexpr std::string_view kAttribute = "NEWID=\"";
  std::string out;
  out.reserve(sgml.size() + sgml.size() / 100);
  std::size_t from = 0;
  for (std::size_t at = sgml.find(kAttribute); at != std::string::npos;
       at = sgml.find(kAttribute, from)) {
    at += kAttribute.size();
    const std::size_t end = sgml.find('"', at);
    if (end == std::string::npos) break;
    out.append(sgml, from, at - from);
    out += std::to_string(copy * 100000L + std::stol(sgml.substr(at, end - at)));
    from = end;
  }
  out.append(sgml, from);
  return out;
}

// The first `files` Reuters files themselves, or `copies` renumbered copies of them under
// `work`, counted.
Corpus prepare_corpus(int copies, int files, const fs::path& work) {
  Corpus corpus;
  for (int copy = 0; copy < copies; ++copy) {
    for (int i = 0; i < files; ++i) {
      const fs::path file = fmt::format("{}/reut2-{:03}.sgm", NEWSDEX_REUTERS_DIR, i);
      if (copies == 1) {
        corpus.files.push_back(file.string());
        continue;
      }
      const fs::path copied = work / fmt::format("copy-{:02}-reut2-{:03}.sgm", copy, i);
      std::ofstream(copied, std::ios::binary) << renumbered(read_file(file), copy);
      corpus.files.push_back(copied.string());
    }
  }
  newsdex::ReadCallbacks counting;
  counting.on_article = [&](newsdex::Article&&) { ++corpus.articles; };
  corpus.megabytes = newsdex::read_articles(corpus.files, {}, counting).bytes / 1e6;
  return corpus;
}

void print_corpus(const Corpus& corpus, int copies, int files) {
  fmt::print("{} articles, {:.1f} MB of SGML ({} cop{} of {} file{})\n", corpus.articles,
             corpus.megabytes, copies, copies == 1 ? "y" : "ies", files, files == 1 ? "" : "s");
}

double megabytes_under(const fs::path& path) {
  std::uintmax_t bytes = 0;
  if (fs::is_regular_file(path)) return fs::file_size(path) / 1e6;
  for (const auto& entry : fs::recursive_directory_iterator(path)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return static_cast<double>(bytes) / 1e6;
}

// Runs `command`, its standard error kept in `errors` and shown only if it fails. On a
// pseudo-terminal (`on_terminal`) its standard error goes to the terminal, read here until the
// child closes it, and is shown only if it fails.
Run run(const std::vector<std::string>& command, const fs::path& errors, bool on_terminal) {
  std::vector<char*> args;
  for (const std::string& arg : command) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::fflush(stdout);  // or the child would print what is buffered a second time
  const auto start = std::chrono::steady_clock::now();
  int terminal = -1;
  const pid_t child = on_terminal ? forkpty(&terminal, nullptr, nullptr, nullptr) : fork();
  if (child == -1) throw std::runtime_error(on_terminal ? "forkpty failed" : "fork failed");
  if (child == 0) {
    // Quiet children: summaries and the archive's own warnings would bury the table.
    std::freopen("/dev/null", "w", stdout);
    if (!on_terminal) std::freopen(errors.c_str(), "w", stderr);
    execv(args[0], args.data());
    std::perror(args[0]);
    _exit(127);
  }
  if (on_terminal) {
    // Read as a terminal would, or the child would block once the terminal's buffer is full.
    std::ofstream shown(errors, std::ios::binary);
    char buffer[4096];
    for (ssize_t got; (got = read(terminal, buffer, sizeof buffer)) > 0;) shown.write(buffer, got);
    close(terminal);
  }
  int status = 0;
  rusage usage{};
  if (wait4(child, &status, 0, &usage) != child) throw std::runtime_error("wait4 failed");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error(
        fmt::format("{} failed (status {}):\n{}", command[0], status, read_file(errors)));
  }
  return Run{.seconds = seconds, .peak_rss_mb = usage.ru_maxrss / 1024.0, .size_mb = 0};
}

// A folder of the run's own, removed however the run ends.
struct WorkFolder {
  fs::path path = fs::temp_directory_path() /
                  fmt::format("newsdex-index-comparison-{}", getpid());
  WorkFolder() { fs::create_directories(path); }
  ~WorkFolder() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The median of `engine`'s times as ratios of `baseline`'s, paired by round.
double paired_time_ratio(const Engine& engine, const Engine& baseline) {
  std::vector<double> ratios;
  for (std::size_t r = 0; r < engine.runs.size(); ++r) {
    ratios.push_back(engine.runs[r].seconds / baseline.runs[r].seconds);
  }
  return median(ratios);
}

}  // namespace

int main(int argc, char** argv) try {
  const Settings settings = parse(argc, argv);
  const WorkFolder folder;
  const fs::path& work = folder.path;
  const std::vector<std::string> newsdex_index = {
      NEWSDEX_CLI, "index", "--quiet", "--threads", std::to_string(settings.threads), "--db"};
  const std::vector<std::string> newsdex_index_shown = {NEWSDEX_CLI, "index", "--threads",
                                                        std::to_string(settings.threads), "--db"};

  Corpus one_copy;
  Corpus copies;
  std::vector<Engine> engines;
  if (settings.scaling != 0) {
    one_copy = prepare_corpus(1, settings.files, work);
    copies = prepare_corpus(settings.scaling, settings.files, work);
    print_corpus(one_copy, 1, settings.files);
    print_corpus(copies, settings.scaling, settings.files);
    engines = {{"newsdex x1", newsdex_index, &one_copy, {}},
               {fmt::format("newsdex x{}", settings.scaling), newsdex_index, &copies, {}}};
  } else {
    copies = prepare_corpus(settings.copies, settings.files, work);
    print_corpus(copies, settings.copies, settings.files);
    engines = {{"plain Xapian", {NEWSDEX_BASELINE, "xapian"}, &copies, {}},
               {"SQLite FTS5", {NEWSDEX_BASELINE, "fts5"}, &copies, {}},
               {"newsdex", newsdex_index, &copies, {}},
               {"newsdex+progress", newsdex_index_shown, &copies, {}, /*on_terminal=*/true}};
#ifdef NEWSDEX_JEMALLOC
    engines.push_back({"Xapian+jemalloc",
                       {"/usr/bin/env", "LD_PRELOAD=" NEWSDEX_JEMALLOC, NEWSDEX_BASELINE, "xapian"},
                       &copies,
                       {}});
#endif
  }
  fmt::print("{} rounds\n", settings.rounds);
  std::mt19937 shuffle(20221);
  std::vector<std::size_t> order(engines.size());
  for (int round = 0; round < settings.rounds; ++round) {
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), shuffle);
    for (std::size_t i : order) {
      Engine& engine = engines[i];
      const fs::path output = work / fmt::format("out-{}", i);
      std::vector<std::string> command = engine.command;
      command.push_back(output.string());
      command.insert(command.end(), engine.corpus->files.begin(), engine.corpus->files.end());
      Run result = run(command, work / "errors.txt", engine.on_terminal);
      // The progress line starts by clearing the terminal's line; the last one is always shown.
      if (engine.on_terminal &&
          read_file(work / "errors.txt").find("\r\x1b[K") == std::string::npos) {
        throw std::runtime_error(engine.name + " showed no progress line on its terminal");
      }
      result.size_mb = megabytes_under(output);
      fs::remove_all(output);
      engine.runs.push_back(result);
      fmt::print("  round {}: {:<17} {:7.2f} s  peak RSS {:6.1f} MB\n", round + 1, engine.name,
                 result.seconds, result.peak_rss_mb);
    }
  }

  // Ratios to the first engine, round by round: plain Xapian, or newsdex on one copy.
  const Engine& baseline = engines.front();
  fmt::print("\n{:<17} {:>9} {:>11} {:>8} {:>10} {:>13} {:>18}\n", "engine", "time (s)",
             "articles/s", "MB/s", "index MB", "peak RSS MB", "÷ " + baseline.name);
  for (const Engine& engine : engines) {
    std::vector<double> seconds, rss, size, rss_ratios;
    for (std::size_t r = 0; r < engine.runs.size(); ++r) {
      seconds.push_back(engine.runs[r].seconds);
      rss.push_back(engine.runs[r].peak_rss_mb);
      size.push_back(engine.runs[r].size_mb);
      rss_ratios.push_back(engine.runs[r].peak_rss_mb / baseline.runs[r].peak_rss_mb);
    }
    const double time = median(seconds);
    fmt::print("{:<17} {:>9.2f} {:>11.0f} {:>8.2f} {:>10.1f} {:>13.1f} {:>18.3f}\n", engine.name,
               time, engine.corpus->articles / time, engine.corpus->megabytes / time, median(size),
               median(rss), paired_time_ratio(engine, baseline));
    if (settings.scaling != 0 && &engine != &baseline) {
      fmt::print("\n{} ÷ {}: time {:.2f}, peak RSS {:.2f} (medians of the rounds' ratios)\n",
                 engine.name, baseline.name, paired_time_ratio(engine, baseline),
                 median(rss_ratios));
    }
  }
  if (settings.scaling == 0) {
    const auto named = [&](std::string_view name) -> const Engine& {
      return *std::find_if(engines.begin(), engines.end(),
                           [&](const Engine& engine) { return engine.name == name; });
    };
    fmt::print(
        "\nprogress display: newsdex+progress ÷ newsdex, time {:.3f} (median of the "
        "rounds' ratios)\n",
        paired_time_ratio(named("newsdex+progress"), named("newsdex")));
  }
  return 0;
} catch (const std::exception& e) {
  fmt::print(stderr, "index_comparison: {}\n", e.what());
  return 1;
}
