// SPDX-License-Identifier: Apache-2.0
// The connection factory of an adapter whose `check` verifies against the system through a real
// connection (credentials, company, the vendor's own checks) — Business Central, F&O and SAP
// S/4HANA wrote it the same way: parse the configuration, open a `Connection` on it, and for
// `check` call its `verify`. The adapter derives from it and adds its id and `describe`.
// (Adapters whose check makes no request — Oracle Fusion, Coupa, BILL — write their own.)
// Header only.
#pragma once

#include <erpc/adapter.hpp>

#include <nlohmann/json.hpp>

#include <memory>

namespace erpc::adapters {

// `Connection` is constructed from (host_ref, the parsed configuration, call_context&) and has
// `void verify(call_context&)`; `parse_config` turns the JSON configuration into what it takes
// (its errors are the adapter's own configuration errors).
template <class Connection, auto parse_config>
class verified_connection_adapter : public adapter {
 public:
  // Checks the configuration, resolves every secret reference and verifies against the system
  // what the adapter needs; the findings are logged by the connection.
  void check(const nlohmann::json& config, call_context& ctx) override {
    Connection connection(ctx.host(), parse_config(config), ctx);
    connection.verify(ctx);
  }

  std::unique_ptr<erpc::connection> open(const nlohmann::json& config, call_context& ctx) override {
    return std::make_unique<Connection>(ctx.host(), parse_config(config), ctx);
  }
};

}  // namespace erpc::adapters
