#pragma once
// The canonical error JSON (schemas/v1/error.schema.json) read back into an erpc::error, for
// errors that crossed the worker pipe. error_to_json (erpc/error_abi.hpp) writes it.

#include <erpc/error.hpp>

#include <nlohmann/json_fwd.hpp>

namespace erpc {

// Reads defensively, like error_from_abi: an unknown class is INTERNAL, an unknown effect is
// "possible", a missing code or message gets a placeholder; never throws for content.
error error_from_json(const nlohmann::json& j);

}  // namespace erpc
