// SPDX-License-Identifier: Apache-2.0
#include <erpc/adapters/testing/recorded_response.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace erpc::adapters::testing {

http_response recorded_response(const std::string& fixtures_dir, const std::string& name) {
  std::ifstream in(fixtures_dir + "/" + name + ".json");
  INFO(fixtures_dir + "/" + name + ".json");
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

}  // namespace erpc::adapters::testing
