// The embedded v1 schemas compiled by valijson: the reference oracle that schema_check_tree (the
// validator the host runs) is tested against. Cross-file "$ref"s are resolved from the embedded
// set, never from the network or the file system.
#pragma once

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>
#include <valijson/schema.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::contract_detail {

class compiled_schemas {
 public:
  // Throws erpc::error(INTERNAL, "contract.schema_load") when an embedded file is unusable.
  compiled_schemas();

  // "Invoice", "JournalEntry", ... and the envelopes "request", "response", "error".
  const valijson::Schema* find(std::string_view name) const;

  // valijson's findings for `document` against `schema`, mapped to field errors
  // (map_schema_failures); pointers start with `prefix`.
  static std::vector<field_error> check(const valijson::Schema& schema,
                                        const nlohmann::json& document, std::string_view prefix);

  // The schema file of a name: "Invoice" -> "v1/invoice.schema.json".
  static std::optional<std::string> file_for(std::string_view name);

 private:
  std::map<std::string, std::unique_ptr<valijson::Schema>, std::less<>> schemas_;
};

}  // namespace erpc::contract_detail
