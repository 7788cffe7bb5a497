// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace newsdex::testing {

/// How a child process ended: its exit status, or the signal that killed it.
struct ProcessExit {
  int status = -1;  ///< exit status, or -1 if killed by a signal
  int signal = 0;   ///< the signal that killed it, or 0
};

/// A program run as a child process with its output sent to files, for tests that signal or
/// kill a real `newsdex` and look at what it leaves behind. Killed and reaped on destruction if
/// still running.
class ChildProcess {
 public:
  /// Starts `program` with `args`, stdout to `out_file` and stderr to `err_file`.
  ChildProcess(const std::string& program, const std::vector<std::string>& args,
               const std::string& out_file, const std::string& err_file)
      : out_file_(out_file) {
    std::vector<std::string> argv_strings = {program};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& arg : argv_strings) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err_file.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int error = posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (error != 0) throw std::runtime_error("cannot start " + program);
  }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  ~ChildProcess() {
    if (running_) {
      kill(pid_, SIGKILL);
      wait();
    }
  }

  void send(int signal) const { kill(pid_, signal); }

  /// Whether it is still running (reaping it if it has ended).
  bool running() {
    if (!running_) return false;
    int raw = 0;
    if (waitpid(pid_, &raw, WNOHANG) == pid_) record(raw);
    return running_;
  }

  /// Waits for it to end.
  ProcessExit wait() {
    if (running_) {
      int raw = 0;
      waitpid(pid_, &raw, 0);
      record(raw);
    }
    return exit_;
  }

  /// What it has written to stdout so far.
  std::string output() const {
    std::ifstream in(out_file_);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  void record(int raw) {
    running_ = false;
    if (WIFEXITED(raw)) exit_.status = WEXITSTATUS(raw);
    if (WIFSIGNALED(raw)) exit_.signal = WTERMSIG(raw);
  }

  pid_t pid_ = -1;
  bool running_ = true;
  ProcessExit exit_;
  std::string out_file_;
};

/// Polls `condition` every 20 ms until it holds or `timeout` passes; returns whether it held.
template <typename Condition>
bool wait_until(Condition condition, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

}  // namespace newsdex::testing
