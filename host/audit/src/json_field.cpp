#include "json_field.hpp"

#include <erpc/error.hpp>

namespace erpc::audit_detail {

nlohmann::json* find_field(nlohmann::json& document, const std::string& pointer) {
  nlohmann::json::json_pointer parsed;
  try {
    parsed = nlohmann::json::json_pointer(pointer);
  } catch (const nlohmann::json::exception&) {
    parsed = nlohmann::json::json_pointer();
  }
  if (parsed.empty()) {
    throw error(error_class::configuration, "crypto.bad_pointer",
                "'" + pointer + "' is not a JSON pointer to a field");
  }
  // contains()/at() throw on an array index that is not a number; for this purpose that
  // simply means the field is absent.
  try {
    if (!document.contains(parsed)) return nullptr;
    return &document.at(parsed);
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

}  // namespace erpc::audit_detail
