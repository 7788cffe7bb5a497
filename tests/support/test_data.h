// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <zlib.h>

#include <cstddef>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsdex::testing {

/// `count` bytes from a fixed-seed generator: reproducible junk.
inline std::string random_bytes(std::size_t count, unsigned seed = 42) {
  std::mt19937 engine(seed);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string out(count, '\0');
  for (char& c : out) c = static_cast<char>(byte(engine));
  return out;
}

/// `count` lower-case pseudo-words separated by spaces, reproducible from `seed`: text that
/// compresses like prose rather than like a repeated line.
inline std::string random_words(std::size_t count, unsigned seed = 42) {
  std::mt19937 engine(seed);
  std::uniform_int_distribution<int> letter('a', 'z');
  std::uniform_int_distribution<int> length(2, 9);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) out += ' ';
    for (int n = length(engine); n > 0; --n) out += static_cast<char>(letter(engine));
  }
  return out;
}

/// `data` as a gzip stream.
inline std::string gzip(std::string_view data) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("deflate failed");
  return out;
}

}  // namespace newsdex::testing
