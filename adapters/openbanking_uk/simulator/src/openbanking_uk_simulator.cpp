// SPDX-License-Identifier: Apache-2.0
// The UK Open Banking PIS simulator (vendors.md §8). One middleware takes the token endpoint
// (/token) and everything under /open-banking/v3.1/pisp/: bearer authentication, then the rate
// limit, then the resource. Vendor state (tokens, idempotency keys, consents, payments) sits
// behind one mutex: handlers run on several threads and a simulator needs correctness, not
// parallel writes.
//
// Idempotency (vendors.md §8.2, BANKING.md "UK Open Banking"): a POST's x-idempotency-key is
// remembered for `idempotency.validity_seconds` with the body it came with. The same key and
// the same body within that window answer the first answer again (no second resource); the same
// key with another body is refused as `idempotency.conflict_response` says (unconfirmed). After
// the window the key is forgotten and the request is processed as new: a payment replayed on
// its consent then meets the consumed consent (400 UK.OBIE.Resource.InvalidConsentStatus), the
// guard that outlives the key. `x-jws-signature` is not checked (docs/simulators.md).
#include "erpc/sim/openbanking_uk_simulator.hpp"

#include "ob_error_body.hpp"
#include "ob_sim_settings.hpp"

#include <erpc/host/base64.hpp>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <regex>

namespace erpc::sim {

namespace {

using namespace erpc::sim::openbanking;
using nlohmann::json;
using steady = std::chrono::steady_clock;

constexpr std::string_view api_prefix = "/open-banking/v3.1/pisp";
constexpr std::string_view token_path = "/token";

std::string utc_now_text() {
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char out[40];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S+00:00", &tm);  // ISODateTime, as OB writes it
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::optional<std::string_view> credentials_for(std::string_view header, std::string_view scheme) {
  if (header.size() <= scheme.size() + 1 || header[scheme.size()] != ' ' ||
      !iequals(header.substr(0, scheme.size()), scheme)) {
    return std::nullopt;
  }
  return header.substr(scheme.size() + 1);
}

server_response oauth_error(unsigned status, const std::string& error) {
  auto res = server_response::json(status, json{{"error", error}}.dump());
  res.headers.set("Cache-Control", "no-store");
  return res;
}

// What a POST's x-idempotency-key stands for while it is valid.
struct remembered_key {
  std::string endpoint;
  json body;
  steady::time_point at;
  unsigned status = 0;
  std::string response;
};

struct consent {
  json initiation;
  json risk;
  std::string status;  // AwaitingAuthorisation | Authorised | Rejected | Consumed
  std::string created;
  std::string status_updated;
  steady::time_point created_at;
};

struct payment {
  std::string consent_id;
  json initiation;
  std::string status;
  std::string created;
  std::string status_updated;
  steady::time_point last_step;
};

struct issued_token {
  steady::time_point expires;
  std::string secret;  // the client secret it was issued under: rotating the secret revokes it
};

// vendors.md §8.1: the initiation's required members and their limits. A problem → the error
// (UK.OBIE.Field.*) with its Path.
std::optional<server_response> check_initiation(const json& data) {
  const auto missing = [](const std::string& path) {
    return ob_error(400, codes::field_missing, path + " is required", path);
  };
  const auto invalid = [](const std::string& path, const std::string& why) {
    return ob_error(400, codes::field_invalid, path + " " + why, path);
  };
  const auto text = [&](const json& obj, const char* name, const std::string& path,
                        std::size_t max, bool required) -> std::optional<server_response> {
    const auto it = obj.find(name);
    if (it == obj.end()) return required ? std::optional(missing(path)) : std::nullopt;
    if (!it->is_string() || it->get<std::string>().empty() || it->get<std::string>().size() > max) {
      return invalid(path, "must be text of 1 to " + std::to_string(max) + " characters");
    }
    return std::nullopt;
  };
  const std::string base = "Data.Initiation";
  const auto it = data.find("Initiation");
  if (it == data.end() || !it->is_object()) return missing(base);
  const auto& ini = *it;
  if (auto e = text(ini, "InstructionIdentification", base + ".InstructionIdentification", 35, true)) return e;
  if (auto e = text(ini, "EndToEndIdentification", base + ".EndToEndIdentification", 35, true)) return e;
  if (auto e = text(ini, "LocalInstrument", base + ".LocalInstrument", 50, false)) return e;
  const auto amount = ini.find("InstructedAmount");
  if (amount == ini.end() || !amount->is_object()) return missing(base + ".InstructedAmount");
  const auto a = amount->find("Amount");
  if (a == amount->end()) return missing(base + ".InstructedAmount.Amount");
  static const std::regex amount_pattern(R"(^\d{1,13}$|^\d{1,13}\.\d{1,5}$)");
  if (!a->is_string() || a->get<std::string>().size() > 19 ||
      !std::regex_match(a->get<std::string>(), amount_pattern)) {
    return invalid(base + ".InstructedAmount.Amount", "must match ^\\d{1,13}(\\.\\d{1,5})?$");
  }
  const auto c = amount->find("Currency");
  if (c == amount->end()) return missing(base + ".InstructedAmount.Currency");
  static const std::regex currency_pattern("^[A-Z]{3}$");
  if (!c->is_string() || c->get<std::string>().size() != 3 ||
      !std::regex_match(c->get<std::string>(), currency_pattern)) {
    return invalid(base + ".InstructedAmount.Currency", "must be an ISO 4217 code");
  }
  const auto creditor = ini.find("CreditorAccount");
  if (creditor == ini.end() || !creditor->is_object()) return missing(base + ".CreditorAccount");
  const auto cp = base + ".CreditorAccount";
  if (auto e = text(*creditor, "SchemeName", cp + ".SchemeName", 40, true)) return e;
  if (auto e = text(*creditor, "Identification", cp + ".Identification", 256, true)) return e;
  if (auto e = text(*creditor, "Name", cp + ".Name", 350, true)) return e;
  if (const auto r = ini.find("RemittanceInformation"); r != ini.end()) {
    if (!r->is_object()) return invalid(base + ".RemittanceInformation", "must be an object");
    const auto rp = base + ".RemittanceInformation";
    if (auto e = text(*r, "Unstructured", rp + ".Unstructured", 140, false)) return e;
    if (auto e = text(*r, "Reference", rp + ".Reference", 35, false)) return e;
  }
  return std::nullopt;
}

class openbanking_uk_simulator final : public vendor_simulator {
 public:
  std::string_view vendor() const override { return "openbanking_uk"; }

  std::vector<setting_spec> settings() const override { return setting::all(); }

  void install(http_router& router, simulator_context& context) override {
    context_ = &context;
    router.use([this](const server_request& req, const http_handler& next) {
      const bool api = req.path.rfind(api_prefix, 0) == 0;
      if (!api && req.path != token_path) return next(req);
      // vendors.md §8.1: x-fapi-interaction-id is echoed on every response.
      auto interaction = std::string(req.header("x-fapi-interaction-id"));
      if (interaction.empty()) interaction = random_uuid();
      server_response res = api ? resource(req) : issue_token(req);
      res.headers.set("x-fapi-interaction-id", interaction);
      return res;
    });
  }

  void reset() override {
    const std::lock_guard lock(mutex_);
    tokens_.clear();
    keys_.clear();
    consents_.clear();
    payments_.clear();
    window_count_ = 0;
  }

 private:
  simulator_settings& settings_() { return context_->settings(); }

  // RFC 6749 §4.4: client credentials, client authentication by HTTP Basic or form members.
  server_response issue_token(const server_request& req) {
    if (req.method != "POST") return server_response::text(405, "Method not allowed");
    const auto form = parse_query(req.body);
    if (!form) return oauth_error(400, "invalid_request");
    const auto field = [&](std::string_view name) -> std::string {
      for (const auto& [k, v] : *form) {
        if (k == name) return v;
      }
      return {};
    };
    if (field("grant_type") != "client_credentials") return oauth_error(400, "unsupported_grant_type");
    std::string id = field("client_id"), secret = field("client_secret");
    if (const auto basic = credentials_for(req.header("Authorization"), "Basic")) {
      const auto decoded = base64_decode(*basic, 4096);
      const auto colon = decoded ? decoded->find(':') : std::string::npos;
      if (colon == std::string::npos) return oauth_error(401, "invalid_client");
      id = percent_decode(decoded->substr(0, colon), true).value_or("");
      secret = percent_decode(decoded->substr(colon + 1), true).value_or("");
    }
    const auto current_secret = settings_().text(setting::client_secret);
    if (id != settings_().text(setting::client_id) || secret != current_secret) {
      return oauth_error(401, "invalid_client");
    }
    const auto ttl = settings_().integer(setting::token_ttl);
    const auto token = random_uuid() + random_uuid();
    {
      const std::lock_guard lock(mutex_);
      tokens_[token] = {steady::now() + std::chrono::seconds(ttl), current_secret};
    }
    auto res = server_response::json(200, json{{"access_token", token},
                                               {"token_type", "Bearer"},
                                               {"expires_in", ttl},
                                               {"scope", "payments"}}
                                              .dump());
    res.headers.set("Cache-Control", "no-store");
    return res;
  }

  bool authenticated(const server_request& req) {
    const auto bearer = credentials_for(req.header("Authorization"), "Bearer");
    if (!bearer) return false;
    const auto secret = settings_().text(setting::client_secret);
    const std::lock_guard lock(mutex_);
    const auto it = tokens_.find(std::string(*bearer));
    return it != tokens_.end() && steady::now() < it->second.expires && it->second.secret == secret;
  }

  // A fixed window: at most `rate_limit` requests a window, then 429 with the seconds left.
  std::optional<server_response> rate_limited() {
    const auto limit = settings_().integer(setting::rate_limit);
    if (limit == 0) return std::nullopt;
    const auto window = std::chrono::seconds(settings_().integer(setting::rate_window));
    const std::lock_guard lock(mutex_);
    const auto now = steady::now();
    if (now >= window_start_ + window) {
      window_start_ = now;
      window_count_ = 0;
    }
    if (++window_count_ <= limit) return std::nullopt;
    const auto left = std::chrono::ceil<std::chrono::seconds>(window_start_ + window - now).count();
    server_response res;  // vendors.md §8.3: 429 has no body schema
    res.status = 429;
    res.headers.set("Retry-After", std::to_string(std::max<std::int64_t>(left, 1)));
    return res;
  }

  server_response resource(const server_request& req) {
    if (!authenticated(req)) {
      server_response res;
      res.status = 401;  // vendors.md §8.3: 401 declared without a body
      res.headers.set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
      return res;
    }
    if (auto refusal = rate_limited()) return std::move(*refusal);
    const auto rest = std::string_view(req.path).substr(api_prefix.size());
    if (rest == "/domestic-payment-consents" || rest == "/domestic-payments") {
      if (req.method != "POST") return server_response::text(405, "Method not allowed");
      return post(req, std::string(rest.substr(1)));
    }
    for (const std::string_view collection : {"/domestic-payment-consents/", "/domestic-payments/"}) {
      if (rest.rfind(collection, 0) == 0 && rest.size() > collection.size()) {
        if (req.method != "GET") return server_response::text(405, "Method not allowed");
        const std::string id(rest.substr(collection.size()));
        const std::lock_guard lock(mutex_);
        return collection == "/domestic-payments/" ? get_payment(id) : get_consent(id);
      }
    }
    return ob_error(404, codes::not_found, "no resource at " + req.path);
  }

  // Both POSTs: the idempotency key first (§8.2), then the resource.
  server_response post(const server_request& req, const std::string& endpoint) {
    const auto key = std::string(req.header("x-idempotency-key"));
    if (key.empty()) return ob_error(400, codes::header_missing, "x-idempotency-key is required");
    static const std::regex key_pattern(R"(^(?!\s)(.*)(\S)$)");
    if (key.size() > 40 || !std::regex_match(key, key_pattern)) {
      return ob_error(400, codes::header_invalid,
                      "x-idempotency-key must be at most 40 characters without surrounding spaces");
    }
    json body;
    try {
      body = json::parse(req.body);
    } catch (const std::exception&) {
      return ob_error(400, codes::invalid_format, "the body is not JSON");
    }
    if (!body.is_object() || !body.contains("Data") || !body["Data"].is_object()) {
      return ob_error(400, codes::field_missing, "Data is required", "Data");
    }
    if (!body.contains("Risk") || !body["Risk"].is_object()) {
      return ob_error(400, codes::field_missing, "Risk is required", "Risk");
    }
    const auto validity = std::chrono::seconds(settings_().integer(setting::idempotency_validity));
    const std::lock_guard lock(mutex_);
    const auto now = steady::now();
    if (const auto it = keys_.find(key); it != keys_.end()) {
      if (now < it->second.at + validity) {
        if (it->second.endpoint == endpoint && it->second.body == body) {
          auto again = server_response::json(it->second.status, it->second.response);
          return again;  // processed once: the first answer, no second resource
        }
        return key_conflict();
      }
      keys_.erase(it);  // expired: the request is new
    }
    auto res = endpoint == "domestic-payments" ? create_payment(body, key)
                                               : create_consent(body, key);
    if (res.status == 201) keys_[key] = {endpoint, body, now, res.status, res.body};
    return res;
  }

  server_response key_conflict() {
    const auto form = settings_().text(setting::idempotency_conflict);
    const std::string why = "the x-idempotency-key was used with a different request body";
    if (form == "duplicate_reference_400") return ob_error(400, codes::duplicate_reference, why);
    if (form == "resource_already_exists_409") {
      return ob_error(409, codes::resource_already_exists, why);
    }
    return ob_error(400, codes::consent_mismatch, why);
  }

  json consent_document(const std::string& id, const consent& c) const {
    return {{"Data",
             {{"ConsentId", id},
              {"CreationDateTime", c.created},
              {"Status", c.status},
              {"StatusUpdateDateTime", c.status_updated},
              {"Initiation", c.initiation}}},
            {"Risk", c.risk},
            {"Links", {{"Self", std::string(api_prefix) + "/domestic-payment-consents/" + id}}},
            {"Meta", json::object()}};
  }

  json payment_document(const std::string& id, const payment& p) const {
    return {{"Data",
             {{"DomesticPaymentId", id},
              {"ConsentId", p.consent_id},
              {"CreationDateTime", p.created},
              {"Status", p.status},
              {"StatusUpdateDateTime", p.status_updated},
              {"Initiation", p.initiation}}},
            {"Links", {{"Self", std::string(api_prefix) + "/domestic-payments/" + id}}},
            {"Meta", json::object()}};
  }

  server_response create_consent(const json& body, const std::string& key) {
    if (auto refusal = check_initiation(body["Data"])) return std::move(*refusal);
    const auto id = "sdp-" + random_uuid();
    consent c;
    c.initiation = body["Data"]["Initiation"];
    c.risk = body["Risk"];
    c.status = "AwaitingAuthorisation";
    c.created = c.status_updated = utc_now_text();
    c.created_at = steady::now();
    const auto answer = consent_document(id, c).dump();
    // The PSU acts right after the consent was created (the redirect is not simulated).
    const auto psu = settings_().text(setting::psu);
    if (psu == "auto_approve") c.status = "Authorised";
    if (psu == "auto_reject") c.status = "Rejected";
    consents_[id] = std::move(c);
    context_->effects().record_write("DomesticPaymentConsent", id, key);
    return server_response::json(201, answer);
  }

  server_response create_payment(const json& body, const std::string& key) {
    const auto& data = body["Data"];
    const auto cid = data.find("ConsentId");
    if (cid == data.end() || !cid->is_string()) {
      return ob_error(400, codes::field_missing, "Data.ConsentId is required", "Data.ConsentId");
    }
    if (auto refusal = check_initiation(data)) return std::move(*refusal);
    const auto it = consents_.find(cid->get<std::string>());
    if (it == consents_.end()) {
      return ob_error(400, codes::not_found, "no consent " + cid->get<std::string>(),
                      "Data.ConsentId");
    }
    auto& c = it->second;
    if (c.status != "Authorised") {
      return ob_error(400, codes::invalid_consent_status,
                      "the consent is " + c.status + ", not Authorised", "Data.ConsentId");
    }
    const auto expiry = settings_().integer(setting::consent_expiry);
    if (expiry > 0 && steady::now() >= c.created_at + std::chrono::seconds(expiry)) {
      return ob_error(400, codes::invalid_consent_status, "the consent has expired",
                      "Data.ConsentId");
    }
    if (data["Initiation"] != c.initiation) {
      return ob_error(400, codes::consent_mismatch,
                      "Data.Initiation does not match the consent's initiation", "Data.Initiation");
    }
    if (body["Risk"] != c.risk) {
      return ob_error(400, codes::consent_mismatch, "Risk does not match the consent's", "Risk");
    }
    const auto id = "sdpp-" + random_uuid();
    payment p;
    p.consent_id = it->first;
    p.initiation = c.initiation;
    p.status = "Pending";
    p.created = p.status_updated = utc_now_text();
    p.last_step = steady::now();
    c.status = "Consumed";
    c.status_updated = p.created;
    context_->effects().record_write("DomesticPaymentConsent", it->first, key);
    context_->effects().record_write("DomesticPayment", id, key);
    const auto answer = payment_document(id, p).dump();
    payments_[id] = std::move(p);
    return server_response::json(201, answer);
  }

  server_response get_consent(const std::string& id) {
    const auto it = consents_.find(id);
    if (it == consents_.end()) return ob_error(404, codes::not_found, "no consent " + id);
    return server_response::json(200, consent_document(id, it->second).dump());
  }

  // Pending -> AcceptedSettlementInProcess -> the final status (or Pending -> Rejected).
  void step(payment& p) {
    const auto final_status = settings_().text(setting::final_status);
    std::string next;
    if (p.status == "Pending") {
      next = final_status == "Rejected" ? "Rejected" : "AcceptedSettlementInProcess";
    } else if (p.status == "AcceptedSettlementInProcess") {
      next = final_status;
    }
    if (next.empty()) return;
    p.status = next;
    p.status_updated = utc_now_text();
  }

  server_response get_payment(const std::string& id) {
    const auto it = payments_.find(id);
    if (it == payments_.end()) return ob_error(404, codes::not_found, "no domestic payment " + id);
    auto& p = it->second;
    const auto mode = settings_().text(setting::progression);
    if (mode == "on_get") step(p);
    if (mode == "timed") {
      const auto per = std::chrono::seconds(settings_().integer(setting::step_seconds));
      while (steady::now() >= p.last_step + per && p.status != settings_().text(setting::final_status) &&
             p.status != "Rejected") {
        step(p);
        p.last_step += per;
      }
    }
    return server_response::json(200, payment_document(id, p).dump());
  }

  simulator_context* context_ = nullptr;
  std::mutex mutex_;
  std::map<std::string, issued_token> tokens_;
  std::map<std::string, remembered_key> keys_;
  std::map<std::string, consent> consents_;
  std::map<std::string, payment> payments_;
  steady::time_point window_start_{};
  std::int64_t window_count_ = 0;
};

}  // namespace

std::unique_ptr<vendor_simulator> make_openbanking_uk_simulator() {
  return std::make_unique<openbanking_uk_simulator>();
}

}  // namespace erpc::sim
