// The smallest useful erpconnect adapter: keeps invoices and suppliers in memory, per
// connection, with the idempotency rules of docs/contract.md (replay and key reuse).
// It is also what the framework benchmarks run, so it does per call only what any adapter must:
// one map lookup, one copy of the payload into its store and the answer built from that copy;
// payloads are compared only when a key comes back.
#include <erpc/adapter.hpp>

#include <map>
#include <mutex>

class hello_connection final : public erpc::connection {
 public:
  erpc::result execute(const erpc::request& req, erpc::call_context& ctx) override {
    if (req.op == "create") return create(req, ctx);
    if (req.op == "get") return get(req);
    throw erpc::error(erpc::error_class::unsupported, "hello.unsupported_op",
                      "hello supports create and get");
  }

 private:
  struct record {
    nlohmann::json payload;  // as first sent: a replay must carry the same one
    std::string id;
  };

  erpc::result create(const erpc::request& req, erpc::call_context& ctx) {
    std::lock_guard lock(mutex_);
    auto [it, created] = by_key_.try_emplace(req.object + "/" + req.idempotency_key);
    record& r = it->second;
    if (!created) {
      if (r.payload != req.payload) {
        throw erpc::error(erpc::error_class::idempotency_key_reuse, "hello.key_reuse",
                          "this idempotency key was used with another payload");
      }
      return {answer(r), true};
    }
    r.payload = req.payload;
    r.id = "HELLO-" + std::to_string(++next_id_);
    by_id_.emplace(r.id, &r);  // std::map never moves its elements
    ctx.log(erpc::log_level::debug, "created " + r.id);
    return {answer(r), false};
  }

  erpc::result get(const erpc::request& req) {
    std::lock_guard lock(mutex_);
    const auto it = by_id_.find(req.query.value("id", ""));
    if (it == by_id_.end()) {
      throw erpc::error(erpc::error_class::not_found, "hello.not_found", "no such record");
    }
    return {answer(*it->second), false};
  }

  // The stored payload with the id the "vendor" gave it.
  static nlohmann::json answer(const record& r) {
    nlohmann::json doc = r.payload;
    doc["id"] = r.id;
    doc["external_refs"]["hello"] = r.id;
    return doc;
  }

  std::mutex mutex_;
  std::map<std::string, record> by_key_;                   // "Invoice/<idempotency key>"
  std::map<std::string, const record*, std::less<>> by_id_;  // "HELLO-7"
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
