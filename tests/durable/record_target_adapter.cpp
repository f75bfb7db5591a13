// The adapter side of the durability tests, and a small reference for natural-key idempotency:
// creates go to the record target with POST; a retry after an unknown outcome first reads the
// record back by its natural key (the idempotency key) and compares it — equal: replay the
// first record; different: IDEMPOTENCY_KEY_REUSE; absent: post.
#include <erpc/adapter.hpp>
#include <erpc/http_client.hpp>

class record_target_connection final : public erpc::connection {
 public:
  record_target_connection(erpc::host_ref host, std::string base_url)
      : http_(host), base_url_(std::move(base_url)) {}

  erpc::result execute(const erpc::request& req, erpc::call_context& ctx) override {
    if (req.op != "create") {
      throw erpc::error(erpc::error_class::unsupported, "record_target.op", "create only");
    }
    if (req.attempt > 1 || req.prior_outcome == "unknown") {
      if (auto found = read_back(req, ctx)) return *found;
    }
    erpc::http_request post;
    post.method = "POST";
    post.url = base_url_ + "/records";
    post.headers = {{"Content-Type", "application/json"}};
    post.body = nlohmann::json{{"key", req.idempotency_key}, {"payload", req.payload}}.dump();
    const auto res = http_.send(post, ctx.abi_call());
    erpc::throw_for_transport(res);
    if (res.status != 201) throw vendor_error(res.status, res.body, req.op);
    return {document(req.payload, nlohmann::json::parse(res.body).at("id")), false};
  }

 private:
  std::optional<erpc::result> read_back(const erpc::request& req, erpc::call_context& ctx) {
    erpc::http_request get;
    get.url = base_url_ + "/records?key=" + erpc::url_encode(req.idempotency_key);
    const auto res = http_.send(get, ctx.abi_call());
    erpc::throw_for_transport(res);
    if (res.status != 200) throw vendor_error(res.status, res.body, "read-back");
    const auto items = nlohmann::json::parse(res.body).at("items");
    if (items.empty()) return std::nullopt;
    const auto& first = items.front();
    if (first.at("payload") != req.payload) {
      throw erpc::error(erpc::error_class::idempotency_key_reuse, "record_target.key_reuse",
                        "the record under this key holds another payload")
          .with_effect(erpc::effect::none);
    }
    return erpc::result{document(req.payload, first.at("id")), true};
  }

  static nlohmann::json document(nlohmann::json payload, const nlohmann::json& id) {
    payload["id"] = id;
    payload["external_refs"]["record_target"] = id;
    return payload;
  }

  static erpc::error vendor_error(int status, const std::string& body, const std::string& what) {
    const bool server_side = status >= 500;
    return erpc::error(server_side ? erpc::error_class::outcome_unknown
                                   : erpc::error_class::validation,
                       "record_target.http_" + std::to_string(status), what + " failed")
        .with_effect(server_side ? erpc::effect::possible : erpc::effect::none)
        .with_vendor({status, "", body.substr(0, 200), ""});
  }

  erpc::http_client http_;
  std::string base_url_;
};

class record_target_adapter final : public erpc::adapter {
 public:
  static constexpr char adapter_id[] = "record_target";

  nlohmann::json describe() const override {
    return {{"name", "Record target (durability tests)"}, {"vendor", "erpconnect"},
            {"version", "1.0.0"}, {"status", "experimental"}, {"mapping_version", "1"},
            {"contract", {{"min", "1.0"}, {"max", "1.0"}}},
            {"objects", {{"Invoice", {"create"}}, {"Supplier", {"create"}}}},
            {"capabilities", nlohmann::json::array()},
            {"config_schema",
             {{"type", "object"},
              {"required", {"base_url"}},
              {"properties", {{"base_url", {{"type", "string"}}}}}}}};
  }

  std::unique_ptr<erpc::connection> open(const nlohmann::json& config,
                                         erpc::call_context& ctx) override {
    const std::string base = config.value("base_url", "");
    if (base.rfind("http://", 0) != 0 && base.rfind("https://", 0) != 0) {
      throw erpc::error(erpc::error_class::configuration, "record_target.base_url",
                        "base_url must be an http(s) URL")
          .with_field("/base_url", "record_target.base_url", "required http(s) URL");
    }
    return std::make_unique<record_target_connection>(ctx.host(), base);
  }
};

ERPC_ADAPTER(record_target_adapter)
