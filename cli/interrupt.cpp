// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/interrupt.h"

#include <signal.h>

#include <atomic>
#include <csignal>

namespace newsdex::cli {
namespace {

// A signal handler can reach only static storage; a lock-free atomic is safe to write from it.
std::atomic<int> received_signal = 0;
static_assert(std::atomic<int>::is_always_lock_free);

struct sigaction previous_int;
struct sigaction previous_term;

extern "C" void record_signal(int signal) { received_signal.store(signal); }

}  // namespace

InterruptGuard::InterruptGuard() {
  received_signal = 0;
  struct sigaction action {};
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  // SA_RESTART: the writer's file I/O is not cut short by the signal.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  sigaction(SIGINT, &action, &previous_int);
  sigaction(SIGTERM, &action, &previous_term);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &previous_int, nullptr);
  sigaction(SIGTERM, &previous_term, nullptr);
}

int InterruptGuard::received() const noexcept { return received_signal.load(); }

}  // namespace newsdex::cli
