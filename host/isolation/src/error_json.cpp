#include "error_json.hpp"

#include <nlohmann/json.hpp>

namespace erpc {
namespace {

std::string text_of(const nlohmann::json& j, const char* key, std::string fallback) {
  if (!j.is_object()) return fallback;
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

error error_from_json(const nlohmann::json& j) {
  const auto cls = error_class_from_string(text_of(j, "class", "INTERNAL"))
                       .value_or(error_class::internal);
  std::string code = text_of(j, "code", "");
  error e(cls, code.empty() ? "adapter.missing_code" : std::move(code),
          text_of(j, "message", ""));
  e.with_effect(effect_from_string(text_of(j, "effect", "possible")).value_or(effect::possible));
  if (!j.is_object()) return e;
  if (auto it = j.find("retry_after_ms"); it != j.end() && it->is_number_integer()) {
    const auto ms = it->get<std::int64_t>();
    if (ms >= 0) e.with_retry_after_ms(ms);
  }
  if (auto it = j.find("field_errors"); it != j.end() && it->is_array()) {
    for (const auto& f : *it) {
      e.with_field(text_of(f, "pointer", ""), text_of(f, "code", ""), text_of(f, "message", ""));
    }
  }
  if (auto it = j.find("vendor"); it != j.end() && it->is_object()) {
    vendor_detail v;
    if (auto s = it->find("http_status"); s != it->end() && s->is_number_integer()) {
      v.http_status = static_cast<int>(s->get<std::int64_t>());
    }
    v.code = text_of(*it, "code", "");
    v.message = text_of(*it, "message", "");
    v.request_id = text_of(*it, "request_id", "");
    e.with_vendor(std::move(v));
  }
  return e;
}

}  // namespace erpc
