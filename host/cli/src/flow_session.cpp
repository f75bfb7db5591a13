#include "flow_session.hpp"

#include <unistd.h>

namespace erpc::cli {

namespace {

dispatcher_gateway_options gateway_options(std::chrono::seconds write_wait) {
  dispatcher_gateway_options o;
  o.write_wait = write_wait;
  return o;
}

}  // namespace

dispatcher_options flow_session::options_for(const std::string& owner_prefix) {
  dispatcher_options options;
  options.owner = owner_prefix + std::to_string(::getpid());
  return options;
}

flow_session::flow_session(command_environment& env, const std::string& owner_prefix,
                           std::initializer_list<std::string> connections, std::chrono::seconds write_wait)
    : runtime_(env.host(), required_config_file(env), options_for(owner_prefix)),
      gateway_(runtime_.dispatch(), runtime_.queues(),
               [this](const std::string& name) { return runtime_.open_for_read(name); },
               runtime_.has_audit() ? &runtime_.audit() : nullptr, gateway_options(write_wait)) {
  for (const auto& name : connections) {
    if (runtime_.config().connections.count(name) == 0) {
      throw error(error_class::configuration, "flow.unknown_connection",
                  "the flow names connection '" + name + "', which the host configuration lacks");
    }
  }
}

}  // namespace erpc::cli
