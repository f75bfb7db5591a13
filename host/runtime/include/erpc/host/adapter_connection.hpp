#pragma once
// One open connection of a loaded adapter, and the direct (non-durable) way to call it:
// the envelope is checked and re-serialised, execute runs on a worker thread under the
// request's deadline, and the answer is checked before anyone sees it.

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/host/call_environment.hpp>
#include <erpc/host/connection_handle.hpp>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

namespace erpc {

class adapter_connection final : public connection_handle,
                                 public std::enable_shared_from_this<adapter_connection> {
 public:
  // `table` must keep its library loaded for as long as the pointer lives (aliasing
  // shared_ptr from the loader). Throws erpc::error when the adapter refuses to open.
  static std::shared_ptr<adapter_connection> open(std::shared_ptr<const erpc_adapter_v1> table,
                                                  std::string name, const nlohmann::json& config,
                                                  const call_environment& env,
                                                  std::string files_root = {});
  ~adapter_connection() override;  // closes the adapter connection (no call can be running then)

  // Runs the adapter's check() for a configuration, without opening a connection.
  static void check(const std::shared_ptr<const erpc_adapter_v1>& table,
                    const nlohmann::json& config, const call_environment& env);

  // Calls execute with the envelope. Never throws for adapter or vendor failures: they come
  // back as the outcome's error (with the envelope's correlation id).
  execute_outcome execute(const nlohmann::json& envelope) override;

  const std::string& name() const noexcept override { return name_; }

 private:
  adapter_connection(std::shared_ptr<const erpc_adapter_v1> table, std::string name,
                     erpc_connection* handle, const call_environment& env,
                     std::string files_root);

  std::shared_ptr<const erpc_adapter_v1> table_;
  std::string name_;
  erpc_connection* handle_;
  const call_environment& env_;
  std::string files_root_;
};

}  // namespace erpc
