// SPDX-License-Identifier: Apache-2.0
// `erpc certify` as a library (docs/certification.md): runs the conformance catalogue
// (ARCHITECTURE §8) against one adapter, loaded through the real host loader, with the vendor
// simulator and the fault proxy in-process (`target: sim`) or the fault proxy in front of a
// real sandbox (`target: <base URL>`).
#pragma once

#include <erpc/certify/profile.hpp>
#include <erpc/certify/report.hpp>

#include <cstdint>
#include <optional>
#include <filesystem>
#include <string>
#include <vector>

namespace erpc::certify {

struct certify_options {
  std::string adapter;  // id (found in adapter_dirs) or path to a .so
  std::filesystem::path profile;
  std::string target = "sim";                 // "sim" or an http(s) base URL
  std::optional<level> requested_level;       // default: the profile's level
  std::vector<std::string> selected_checks;   // empty: all; a base id selects its variants
  std::vector<std::filesystem::path> adapter_dirs;
  std::int64_t deadline_ms = 5000;            // per adapter call
  std::int64_t grace_ms = 1000;               // past a deadline before a call is abandoned
  // The `erpc` executable that runs `erpc __worker` for robustness.isolation_mode; empty:
  // that check fails with the reason.
  std::filesystem::path worker_executable;
  // Where to write every captured log line of the run (unredacted, as the leak scan saw
  // them); empty: nowhere. Handle like a secret when the target is a real sandbox.
  std::filesystem::path log_file;
};

// The catalogue: every check id with its level, in report order (without setting suffixes).
struct catalogue_entry {
  std::string_view id;
  level check_level;
  std::string_view summary;
};
const std::vector<catalogue_entry>& catalogue();

// Runs the certification. Never throws for anything the adapter does (that is a failed
// check); throws erpc::error(CONFIGURATION, certify.*) for a bad profile or bad options.
// After a call had to be abandoned (an adapter that never returns), the process must not
// unload the adapter: `abandoned_calls` then reports how many are still stuck.
certification_report run_certification(const certify_options& options, int* abandoned_calls = nullptr);

}  // namespace erpc::certify
