// Reading a flow's JSON configuration (`pay.json`, `ap.json`): every refusal is CONFIGURATION
// flow.bad_config with the field's pointer, the message naming whose configuration it is.
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <utility>

namespace erpc {

class flow_config_reader {
 public:
  // `whose`: "pay flow", "ap import" — the message reads "<whose> configuration: <field> <why>".
  explicit flow_config_reader(std::string whose) : whose_(std::move(whose)) {}

  [[noreturn]] void bad(const std::string& field, const std::string& why) const {
    throw error(error_class::configuration, "flow.bad_config", whose_ + " configuration: " + field + " " + why)
        .with_field("/" + field, "flow.bad_config", why);
  }

  std::string required_text(const nlohmann::json& j, const char* name) const {
    const auto it = j.find(name);
    if (it == j.end() || !it->is_string() || it->get<std::string>().empty()) {
      bad(name, "is required (a non-empty string)");
    }
    return it->get<std::string>();
  }

 private:
  std::string whose_;
};

}  // namespace erpc
