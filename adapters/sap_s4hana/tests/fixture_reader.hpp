// SPDX-License-Identifier: Apache-2.0
// A recorded SAP answer from ../fixtures (each cites its vendors.md source) as an http_response.
#pragma once

#include <erpc/http_client.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace erpc::sap::testing {

inline http_response fixture(const std::string& name) {
  std::ifstream in(std::string(ERPC_SAP_FIXTURES) + "/" + name + ".json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str());
  REQUIRE(doc.contains("source"));  // every fixture says where its shape comes from
  http_response r;
  r.transport = http_transport::ok;
  r.status = doc.at("status").get<int>();
  for (const auto& [k, v] : doc.at("headers").items()) r.headers.emplace_back(k, v.get<std::string>());
  r.body = doc.at("body").get<std::string>();
  return r;
}

}  // namespace erpc::sap::testing
