#pragma once
// Deterministic crash points for recovery tests: with ERPC_CRASH_AT=<phase> in the environment
// the process ends at once (no destructors, no flush: like SIGKILL) when it reaches that phase.
// ERPC_CRASH_AFTER=<n> lets the phase pass n times first. Phases: after_accept, after_claim,
// before_call, after_vendor_commit, after_record.

#include <string_view>

namespace erpc {

inline constexpr int crash_exit_code = 86;

void crash_point(std::string_view phase);

}  // namespace erpc
