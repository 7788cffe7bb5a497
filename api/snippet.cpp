// SPDX-License-Identifier: GPL-3.0-or-later
#include "newsdex/search.h"

namespace newsdex {

namespace {

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
}

}  // namespace

std::string Snippet::to_html() const {
  std::string html;
  std::size_t at = 0;
  const std::string_view view(text);
  for (const Highlight& h : highlights) {
    append_escaped(html, view.substr(at, h.begin - at));
    html += "<mark>";
    append_escaped(html, view.substr(h.begin, h.end - h.begin));
    html += "</mark>";
    at = h.end;
  }
  append_escaped(html, view.substr(std::min(at, view.size())));
  return html;
}

}  // namespace newsdex
