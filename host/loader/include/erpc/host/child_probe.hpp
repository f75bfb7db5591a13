// SPDX-License-Identifier: Apache-2.0
// Probing an untrusted library in a child process (`erpc __probe <path>`), so a library whose
// static constructor crashes, exits or hangs cannot take the host down.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace erpc {

struct probe_result {
  std::string adapter_id;
  std::string sha256;
  std::string manifest_json;  // the manifest as the child re-serialised it
};

// Spawns `executable __probe <library>` (posix_spawn; every descriptor but the result pipes is
// closed in the child) and reads its one JSON result line. Throws erpc::error:
//   the child's own refusal (e.g. loader.abi_major_mismatch) with its code and message
//   loader.probe_timeout  no result within `timeout`; the child is killed
//   loader.probe_crashed  the child died by a signal (named, e.g. SIGABRT)
//   loader.probe_failed   the child exited without a result line (exit status named), or could
//                         not be started
probe_result probe_in_child(const std::filesystem::path& executable,
                            const std::filesystem::path& library,
                            std::chrono::milliseconds timeout);

// The child side: loads `library` with default options and prints ONE JSON line on stdout,
// {"ok":true,"id":..,"sha256":..,"abi":"1.0","manifest":{..}} or
// {"ok":false,"error":{"code":..,"message":..,"field_errors":[..]}}. Returns the exit status
// (0 loaded, 2 refused). The `erpc` CLI calls it for its hidden `__probe` subcommand.
int run_probe_main(const std::string& library);

}  // namespace erpc
