#pragma once
// Printing for humans (aligned tables) and machines (--json), and the exit codes.

#include <erpc/error.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace erpc::cli {

// Exit codes, documented in docs/quickstart.md.
inline constexpr int exit_ok = 0;
inline constexpr int exit_failed = 1;  // the request or check failed; the error is printed
inline constexpr int exit_usage = 2;   // bad command line, configuration or host problem

void print_table(const std::vector<std::string>& header,
                 const std::vector<std::vector<std::string>>& rows);
void print_json(const nlohmann::json& document);
void print_error(const error& e, bool as_json);

}  // namespace erpc::cli
