// What every flow command (`erpc pay …`, `erpc ap import`) runs on: the host configuration's
// runtime (ledger, outbox, audit), a dispatcher gateway over it, and a check that the
// connections the flow names exist.
#pragma once

#include "commands.hpp"
#include "runtime_context.hpp"

#include <erpc/host/flow_gateway.hpp>

#include <chrono>
#include <initializer_list>
#include <string>

namespace erpc::cli {

class flow_session {
 public:
  // Throws CONFIGURATION flow.unknown_connection for a connection the host configuration lacks.
  flow_session(command_environment& env, const std::string& owner_prefix,
               std::initializer_list<std::string> connections, std::chrono::seconds write_wait);
  // The gateway's reader refers to this object: it stays where it was made.
  flow_session(const flow_session&) = delete;
  flow_session& operator=(const flow_session&) = delete;

  flow_gateway& gateway() { return gateway_; }
  runtime_context& runtime() { return runtime_; }

 private:
  static dispatcher_options options_for(const std::string& owner_prefix);
  runtime_context runtime_;
  dispatcher_gateway gateway_;
};

}  // namespace erpc::cli
