// SPDX-License-Identifier: Apache-2.0
// Writing XML text: escaping and one-element lines, for the simulator's message writers.
#pragma once

#include <string>
#include <string_view>

namespace erpc::sim::bank {

inline std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// Appends "<indent><name>value</name>\n" with the value escaped.
inline void xml_element(std::string& out, int indent, std::string_view name,
                        std::string_view value) {
  out.append(static_cast<std::size_t>(indent), ' ');
  out += '<';
  out += name;
  out += '>';
  out += xml_escape(value);
  out += "</";
  out += name;
  out += ">\n";
}

inline void xml_open(std::string& out, int indent, std::string_view name) {
  out.append(static_cast<std::size_t>(indent), ' ');
  out += '<';
  out += name;
  out += ">\n";
}

inline void xml_close(std::string& out, int indent, std::string_view name) {
  out.append(static_cast<std::size_t>(indent), ' ');
  out += "</";
  out += name;
  out += ">\n";
}

}  // namespace erpc::sim::bank
