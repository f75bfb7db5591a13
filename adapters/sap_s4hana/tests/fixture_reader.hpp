// SPDX-License-Identifier: Apache-2.0
// A recorded SAP answer from ../fixtures (each cites its vendors.md source) as an http_response.
#pragma once

#include <erpc/adapters/testing/recorded_response.hpp>
#include <erpc/http_client.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace erpc::sap::testing {

inline http_response fixture(const std::string& name) {
  return erpc::adapters::testing::recorded_response(ERPC_SAP_FIXTURES, name);
}

}  // namespace erpc::sap::testing
