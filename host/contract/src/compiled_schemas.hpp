// The embedded v1 schemas, parsed and compiled once (valijson). Cross-file "$ref"s are resolved
// from the embedded set, never from the network or the file system.
#pragma once

#include <nlohmann/json.hpp>
#include <valijson/schema.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::contract_detail {

class compiled_schemas {
 public:
  // Throws erpc::error(INTERNAL, "contract.schema_load") when an embedded file is unusable.
  compiled_schemas();

  // "Invoice", "JournalEntry", ... and the envelopes "request", "response", "error".
  const valijson::Schema* find(std::string_view name) const;

  // The schema file of a name: "Invoice" -> "v1/invoice.schema.json".
  static std::optional<std::string> file_for(std::string_view name);

 private:
  std::map<std::string, nlohmann::json, std::less<>> documents_;
  std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> schemas_;
};

}  // namespace erpc::contract_detail
