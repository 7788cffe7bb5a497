// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <new>
#include <string>
#include <utility>

#include <xapian.h>

#include "newsdex/error.h"

namespace newsdex::detail {

/// The one place where Xapian's errors (not `std::exception`s in 1.4) and the standard
/// library's become `newsdex::Error`, with `context` (a path, an id) attached.
[[noreturn]] void rethrow_as_error(const std::string& context);

/// Runs `action`, translating whatever it throws into `newsdex::Error`.
template <typename Action>
auto translate_errors(const std::string& context, Action&& action) -> decltype(action()) {
  try {
    return std::forward<Action>(action)();
  } catch (const Error&) {
    throw;
  } catch (...) {
    rethrow_as_error(context);
  }
}

}  // namespace newsdex::detail
