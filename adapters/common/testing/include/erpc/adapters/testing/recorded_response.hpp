// SPDX-License-Identifier: Apache-2.0
// A recorded vendor answer from an adapter's fixtures folder as an http_response, for the
// error-mapping tests every adapter has. A fixture is {"source": where its shape comes from,
// "status", "headers": {name: value}, "body": text}; one without "source" fails the test, so no
// answer shape is made up without saying where it comes from.
//
//   const auto res = erpc::adapters::testing::recorded_response(ERPC_BC_FIXTURES, "429_retry");
#pragma once

#include <erpc/http_client.hpp>

#include <string>

namespace erpc::adapters::testing {

// <fixtures_dir>/<name>.json; a missing or unreadable file fails the current test (Catch2).
http_response recorded_response(const std::string& fixtures_dir, const std::string& name);

}  // namespace erpc::adapters::testing
