// The smallest useful erpconnect adapter: keeps invoices and suppliers in memory, per
// connection, with the idempotency rules of docs/contract.md (replay and key reuse).
#include <erpc/adapter.hpp>

#include <map>
#include <mutex>

class hello_connection final : public erpc::connection {
 public:
  erpc::result execute(const erpc::request& req, erpc::call_context& ctx) override {
    std::lock_guard lock(mutex_);
    if (req.op == "create") {
      auto [it, created] = records_.try_emplace(req.object + "/" + req.idempotency_key);
      if (!created && it->second["payload"] != req.payload) {
        throw erpc::error(erpc::error_class::idempotency_key_reuse, "hello.key_reuse",
                          "this idempotency key was used with another payload");
      }
      if (created) {
        it->second["payload"] = req.payload;
        it->second["id"] = "HELLO-" + std::to_string(++next_id_);
        ctx.log(erpc::log_level::info, "created " + it->second["id"].get<std::string>());
      }
      return {with_id(it->second), !created};
    }
    if (req.op == "get") {
      for (const auto& [key, record] : records_) {
        if (record["id"] == req.query.value("id", "")) return {with_id(record), false};
      }
      throw erpc::error(erpc::error_class::not_found, "hello.not_found", "no such record");
    }
    throw erpc::error(erpc::error_class::unsupported, "hello.unsupported_op",
                      "hello supports create and get");
  }

 private:
  static nlohmann::json with_id(const nlohmann::json& record) {
    nlohmann::json doc = record["payload"];
    doc["id"] = record["id"];
    doc["external_refs"]["hello"] = record["id"];
    return doc;
  }

  std::mutex mutex_;
  std::map<std::string, nlohmann::json> records_;
  long next_id_ = 0;
};

class hello_adapter final : public erpc::adapter {
 public:
  static constexpr char adapter_id[] = "hello";

  nlohmann::json describe() const override {
    return {{"id", adapter_id}, {"name", "Hello adapter"}, {"vendor", "erpconnect"},
            {"version", "1.0.0"}, {"status", "stable"}, {"mapping_version", "1"},
            {"contract", {{"min", "1.0"}, {"max", "1.0"}}},
            {"objects", {{"Invoice", {"create", "get"}}, {"Supplier", {"create", "get"}}}},
            {"capabilities", nlohmann::json::array()},
            {"config_schema", {{"type", "object"}}}};
  }

  std::unique_ptr<erpc::connection> open(const nlohmann::json&, erpc::call_context&) override {
    return std::make_unique<hello_connection>();
  }
};

ERPC_ADAPTER(hello_adapter)
