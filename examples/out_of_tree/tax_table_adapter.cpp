// A read-only adapter that serves TaxCode records from its connection configuration — the
// shape of a value-map adapter, built out of tree with find_package(erpconnect).
#include <erpc/adapter.hpp>

class tax_table_connection final : public erpc::connection {
 public:
  explicit tax_table_connection(nlohmann::json codes) : codes_(std::move(codes)) {}

  erpc::result execute(const erpc::request& req, erpc::call_context&) override {
    if (req.object != "TaxCode") {
      throw erpc::error(erpc::error_class::unsupported, "tax_table.object",
                        "tax_table serves TaxCode only");
    }
    if (req.op == "list") return {{{"items", codes_}}, false};
    if (req.op == "get") {
      // By natural key {"code": "DE7"}, or by canonical id.
      const std::string code =
          req.query.contains("natural_key") ? req.query["natural_key"].value("code", "")
                                            : req.query.value("id", "");
      for (const auto& c : codes_) {
        if (c.value("code", "") == code) return {c, false};
      }
      throw erpc::error(erpc::error_class::not_found, "tax_table.unknown_code",
                        "no tax code '" + code + "'");
    }
    throw erpc::error(erpc::error_class::unsupported, "tax_table.op", "tax_table is read-only");
  }

 private:
  nlohmann::json codes_;
};

class tax_table_adapter final : public erpc::adapter {
 public:
  static constexpr char adapter_id[] = "tax_table";

  nlohmann::json describe() const override {
    return {{"name", "Tax table (out-of-tree example)"}, {"vendor", "example"},
            {"version", "0.1.0"}, {"status", "experimental"}, {"mapping_version", "1"},
            {"contract", {{"min", "1.0"}, {"max", "1.0"}}},
            {"objects", {{"TaxCode", {"get", "list"}}}},
            {"capabilities", nlohmann::json::array()},
            {"config_schema",
             {{"type", "object"},
              {"required", {"tax_codes"}},
              {"properties", {{"tax_codes", {{"type", "array"}}}}}}}};
  }

  std::unique_ptr<erpc::connection> open(const nlohmann::json& config,
                                         erpc::call_context&) override {
    if (!config.contains("tax_codes") || !config["tax_codes"].is_array()) {
      throw erpc::error(erpc::error_class::configuration, "tax_table.config",
                        "the connection needs a tax_codes array")
          .with_field("/tax_codes", "tax_table.config", "required array of TaxCode");
    }
    return std::make_unique<tax_table_connection>(config["tax_codes"]);
  }
};

ERPC_ADAPTER(tax_table_adapter)
