// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace newsdex::cli {

/// While it lives, SIGINT and SIGTERM no longer end the process but are recorded, so that a long
/// command can stop cleanly (commit, print its summary). The handler only sets a flag, which is
/// all a signal handler may safely do; it is installed with SA_RESETHAND, so a second signal
/// ends the process as usual when the user insists. The previous handlers are restored on
/// destruction. One at a time per process.
class InterruptGuard {
 public:
  InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  ~InterruptGuard();

  /// The signal received (SIGINT or SIGTERM), or 0 if none has been.
  int received() const noexcept;
};

/// The conventional exit status of a command stopped by `signal`: 128 + its number (130 for
/// SIGINT, 143 for SIGTERM).
constexpr int exit_status_for_signal(int signal) { return 128 + signal; }

}  // namespace newsdex::cli
