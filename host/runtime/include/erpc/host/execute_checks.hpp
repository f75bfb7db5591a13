#pragma once
// The checks around one execute, shared by every connection kind so an adapter is judged the
// same wherever it runs: the request before it reaches the adapter, the answer before anyone
// sees it, and the redaction of errors leaving the host.

#include <erpc/error.hpp>
#include <erpc/host/call_environment.hpp>
#include <erpc/host/connection_handle.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace erpc {

// create, update, cancel, reverse, submit: ops whose interrupted call may have written.
bool is_write_op(std::string_view op) noexcept;

// The effect a call of `op` has when it is lost (no answer, deadline, worker death).
inline effect lost_call_effect(std::string_view op) noexcept {
  return is_write_op(op) ? effect::possible : effect::none;
}

// The envelope's deadline_ms (at least 1), or 30 s when it has none.
std::int64_t request_timeout_ms(const nlohmann::json& envelope);

// Checks the envelope (an object, the contract) and returns the text handed to the adapter.
// Throws erpc::error (VALIDATION, contract.*; or json.* from the boundary rules).
std::string checked_request_text(const nlohmann::json& envelope, const call_environment& env);

// Parses the adapter's answer text with the boundary rules. Throws erpc::error(INTERNAL,
// host.adapter_output_invalid) with `on_failure` as its effect.
nlohmann::json parse_answer_text(std::string_view text, const call_environment& env,
                                 effect on_failure);

// Checks a parsed answer: {"status":"ok","replayed":bool,"result":...}, and the result against
// the contract for `op` on `object`. Throws erpc::error(INTERNAL, host.adapter_response_malformed
// or host.adapter_output_invalid) with `on_failure` as its effect.
void check_answer(const nlohmann::json& response, std::string_view op, std::string_view object,
                  const call_environment& env, effect on_failure);

// The error with its message, field messages and vendor message passed through env.redact.
error redact_error(const error& e, const call_environment& env);

// One checked request, as a connection hands it to its adapter.
struct checked_request {
  std::string text;             // checked_request_text(envelope)
  std::string_view op;          // "" when the envelope has none
  std::string_view object;
  std::string_view correlation_id;
  std::int64_t timeout_ms = 0;  // request_timeout_ms(envelope)
  effect lost_effect = effect::none;  // lost_call_effect(op)
};

// Where one connection kind differs: runs the adapter on `request` under its deadline and
// returns the adapter's parsed response; throws erpc::error for anything else (deadline,
// adapter error, worker death...).
// It may move request.text away (an abandoned call's task keeps it).
using adapter_runner = std::function<nlohmann::json(checked_request& request)>;

// The whole execute every connection kind shares: checks the request, runs `run`, checks the
// answer (check_answer) and wraps it as the outcome; any exception becomes a failed outcome
// (redacted; INTERNAL with the lost-call effect for a non-erpc exception). Never throws.
execute_outcome checked_execute(const nlohmann::json& envelope, const call_environment& env,
                                const adapter_runner& run);

}  // namespace erpc
