// SPDX-License-Identifier: GPL-3.0-or-later
// The libFuzzer entry point of every fuzz target: built once per target, with
// NEWSDEX_FUZZ_TARGET naming the entry of `newsdex::fuzz::targets()` it feeds.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "tests/fuzz/fuzz_targets.h"

namespace {

const newsdex::fuzz::Target& target() {
  static const newsdex::fuzz::Target& found = []() -> const newsdex::fuzz::Target& {
    for (const newsdex::fuzz::Target& t : newsdex::fuzz::targets()) {
      if (t.name == NEWSDEX_FUZZ_TARGET) return t;
    }
    std::fprintf(stderr, "no fuzz target named %s\n", NEWSDEX_FUZZ_TARGET);
    std::abort();
  }();
  return found;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Exceptions are left uncaught on purpose: std::terminate aborts, and libFuzzer keeps the input.
  target().run(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
