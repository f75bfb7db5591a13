// SPDX-License-Identifier: Apache-2.0
// A fault proxy in front of a loopback upstream that records every request it read (a request
// it read is a request it committed), for tests that check both sides of each fault.
#pragma once

#include "proxy_client.hpp"

#include <erpc/conformance/fault_proxy.hpp>

#include <support/loopback_http_server.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace erpc::conformance::test {

struct proxied_upstream {
  // The upstream answers 201 with a JSON echo of what it received and a Location that points
  // at itself.
  std::shared_ptr<std::string> upstream_origin = std::make_shared<std::string>();
  erpc::testing::loopback_http_server upstream{[origin = upstream_origin](
                                                   const erpc::testing::loopback_request& r) {
    erpc::testing::loopback_response out;
    out.status = r.method == "GET" ? 200 : 201;
    out.headers = {{"Content-Type", "application/json"},
                   {"Location", *origin + "/records/" + std::to_string(r.body.size())},
                   {"X-Upstream", "loopback"}};
    out.body = R"({"method":")" + r.method + R"(","target":")" + r.target + R"(","bytes":)" +
               std::to_string(r.body.size()) + "}";
    return out;
  }};
  std::unique_ptr<fault_proxy> proxy;

  explicit proxied_upstream(std::string_view script_json = R"({"rules":[]})",
                            fault_proxy_options options = {}) {
    *upstream_origin = upstream.base_url();
    options.upstream = upstream.base_url();
    proxy = std::make_unique<fault_proxy>(
        options, parse_fault_script(script_json, ERPC_FAULT_SCRIPTS_DIR));
    proxy->start();
  }

  std::size_t committed() const { return upstream.requests_received(); }

  observed_exchange send(std::string_view method, std::string_view target,
                         std::string_view body = {}, std::string_view header_lines = {},
                         std::chrono::milliseconds timeout = std::chrono::seconds(30)) {
    return send_and_observe(proxy->port(), request_bytes(method, target, body, header_lines), timeout);
  }
};

}  // namespace erpc::conformance::test
