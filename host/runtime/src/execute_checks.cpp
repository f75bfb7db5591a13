#include "erpc/host/execute_checks.hpp"

#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace erpc {
namespace {

constexpr std::int64_t default_timeout_ms = 30'000;
constexpr std::array write_ops = {"create", "update", "cancel", "reverse", "submit"};

}  // namespace

bool is_write_op(std::string_view op) noexcept {
  return std::any_of(write_ops.begin(), write_ops.end(), [op](auto w) { return op == w; });
}

std::int64_t request_timeout_ms(const nlohmann::json& envelope) {
  if (!envelope.is_object()) return default_timeout_ms;
  if (auto it = envelope.find("deadline_ms"); it != envelope.end() && it->is_number_integer()) {
    return std::max<std::int64_t>(1, it->get<std::int64_t>());
  }
  return default_timeout_ms;
}

std::string checked_request_text(const nlohmann::json& envelope, const call_environment& env) {
  if (!envelope.is_object()) {
    throw error(error_class::validation, "contract.envelope_not_object",
                "the request envelope must be a JSON object");
  }
  if (env.validate_request) {
    auto fields = env.validate_request(envelope);
    if (!fields.empty()) {
      throw error(error_class::validation, "contract.invalid_request",
                  "the request does not satisfy the canonical contract")
          .with_fields(std::move(fields));
    }
  }
  return serialize_checked(envelope, json_limits{env.max_json_bytes});
}

nlohmann::json parse_answer_text(std::string_view text, const call_environment& env,
                                 effect on_failure) {
  try {
    return parse_strict(text, json_limits{env.max_json_bytes});
  } catch (const error& e) {
    throw error(error_class::internal, "host.adapter_output_invalid",
                "the adapter answered JSON the boundary refuses: " + e.message())
        .with_effect(on_failure);
  }
}

void check_answer(const nlohmann::json& response, std::string_view op, std::string_view object,
                  const call_environment& env, effect on_failure) {
  if (!response.is_object() || response.value("status", "") != "ok" ||
      !response.contains("replayed") || !response["replayed"].is_boolean() ||
      !response.contains("result")) {
    throw error(error_class::internal, "host.adapter_response_malformed",
                "the adapter's answer is not {\"status\":\"ok\",\"replayed\":bool,"
                "\"result\":...}")
        .with_effect(on_failure);
  }
  if (!env.validate_object) return;
  std::vector<field_error> fields;
  auto check_one = [&](std::string_view name, const nlohmann::json& doc,
                       const std::string& prefix) {
    for (auto& f : env.validate_object(name, doc)) {
      f.pointer = prefix + f.pointer;
      fields.push_back(std::move(f));
    }
  };
  const auto& result = response["result"];
  if (op == "list") {
    if (auto it = result.find("items"); it != result.end() && it->is_array()) {
      for (std::size_t i = 0; i < it->size(); ++i) {
        check_one(object, (*it)[i], "/result/items/" + std::to_string(i));
      }
    }
  } else if (op == "status") {
    check_one("PaymentStatus", result, "/result");
  } else {
    check_one(object, result, "/result");
  }
  if (!fields.empty()) {
    throw error(error_class::internal, "host.adapter_output_invalid",
                "the adapter's result does not satisfy the canonical contract")
        .with_fields(std::move(fields))
        .with_effect(on_failure);
  }
}

error redact_error(const error& e, const call_environment& env) {
  if (!env.redact) return e;
  error out(e.cls(), e.code(), env.redact(e.message()));
  out.with_effect(e.effect());
  if (e.retry_after_ms()) out.with_retry_after_ms(*e.retry_after_ms());
  for (const auto& f : e.field_errors()) {
    out.with_field(f.pointer, f.code, env.redact(f.message));
  }
  if (e.vendor()) {
    vendor_detail v = *e.vendor();
    v.message = env.redact(v.message);
    out.with_vendor(std::move(v));
  }
  return out;
}

execute_outcome checked_execute(const nlohmann::json& envelope, const call_environment& env,
                                const adapter_runner& run) {
  execute_outcome out;
  checked_request request;
  auto member = [&](const char* name) -> std::string_view {
    if (!envelope.is_object()) return {};
    const auto it = envelope.find(name);
    return it != envelope.end() && it->is_string() ? std::string_view(it->get_ref<const std::string&>())
                                                   : std::string_view();
  };
  request.op = member("op");
  request.object = member("object");
  request.correlation_id = member("correlation_id");
  request.lost_effect = lost_call_effect(request.op);
  try {
    request.text = checked_request_text(envelope, env);
    request.timeout_ms = request_timeout_ms(envelope);
    auto response = run(request);
    check_answer(response, request.op, request.object, env, request.lost_effect);
    out.ok = true;
    out.response = std::make_shared<const nlohmann::json>(std::move(response));
  } catch (const error& e) {
    out.failure = std::make_shared<const error>(redact_error(e, env));
  } catch (const std::exception& e) {
    out.failure = std::make_shared<const error>(redact_error(
        error(error_class::internal, "host.internal", e.what()).with_effect(request.lost_effect),
        env));
  }
  return out;
}

}  // namespace erpc
