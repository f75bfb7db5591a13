#include "cli_output.hpp"

#include <erpc/error_abi.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace erpc::cli {

void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> width(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) width[c] = header[c].size();
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size() && c < width.size(); ++c) {
      width[c] = std::max(width[c], row[c].size());
    }
  }
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::cout << cells[c];
      if (c + 1 < cells.size()) std::cout << std::string(width[c] - cells[c].size() + 2, ' ');
    }
    std::cout << '\n';
  };
  line(header);
  for (const auto& row : rows) line(row);
}

void print_json(const nlohmann::json& document) { std::cout << document.dump(2) << '\n'; }

void print_error(const error& e, bool as_json) {
  if (as_json) {
    std::cout << nlohmann::json{{"status", "error"}, {"error", error_to_json(e)}}.dump(2) << '\n';
    return;
  }
  std::cerr << "error: " << to_string(e.cls()) << " " << e.code() << ": " << e.what() << '\n';
  for (const auto& f : e.field_errors()) {
    std::cerr << "  " << (f.pointer.empty() ? "/" : f.pointer) << "  " << f.code << "  "
              << f.message << '\n';
  }
  if (e.vendor()) {
    std::cerr << "  vendor: HTTP " << e.vendor()->http_status << " " << e.vendor()->code << " "
              << e.vendor()->message << '\n';
  }
}

}  // namespace erpc::cli
