#pragma once
// What the dispatcher calls: one open connection of an adapter, wherever that adapter runs (in
// this process, adapter_connection; in a worker process, isolated_connection).

#include <erpc/error.hpp>

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <string>

namespace erpc {

// The answer to one execute: the response document ({"status":"ok","replayed",...,"result"})
// or the error, never both.
struct execute_outcome {
  bool ok = false;
  std::shared_ptr<const nlohmann::json> response;  // set when ok
  std::shared_ptr<const error> failure;            // set when !ok
};

class connection_handle {
 public:
  virtual ~connection_handle() = default;

  // Calls the adapter's execute with the envelope. Never throws for adapter, vendor or worker
  // failures: they come back as the outcome's error (redacted).
  virtual execute_outcome execute(const nlohmann::json& envelope) = 0;

  virtual const std::string& name() const noexcept = 0;
};

}  // namespace erpc
