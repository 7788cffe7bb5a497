// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsdex/error.h"

namespace newsdex {

std::string_view to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::invalid_query: return "invalid_query";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::locked: return "locked";
    case ErrorCode::version_mismatch: return "version_mismatch";
    case ErrorCode::corrupt: return "corrupt";
    case ErrorCode::io: return "io";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace newsdex
