// SPDX-License-Identifier: Apache-2.0
// Wiring and the OData resource paths. One middleware takes the token endpoint
// (/{tenant}/oauth2/v2.0/token, the Business Central simulator's bc_auth: F&O uses the same
// Entra client credentials, vendors.md §5.2) and everything under /data/: authentication and the
// rate window, then
//   GET  /data/<EntitySet>[?$filter&$top&$skip&cross-company=true]   (collection, paged)
//   GET  /data/<EntitySet>(dataAreaId='usmf',<Key>='…')            (all key fields, §5.1)
//   POST /data/<EntitySet>                                          (create; 201 + the row)
// Entity state sits behind one mutex: handlers run on several threads.
#include "erpc/sim/dynamics_fo_simulator.hpp"

#include "bc_auth.hpp"
#include "data_entities.hpp"
#include "entity_key.hpp"
#include "fo_odata_error.hpp"
#include "fo_settings.hpp"
#include "odata_query.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/host/server_request.hpp>

#include <cctype>
#include <mutex>

namespace erpc::sim {

namespace {

using namespace erpc::sim::fo;

server_response json_answer(unsigned status, const nlohmann::json& body) {
  auto res = server_response::json(status, adapters::dump_exact(body));
  res.headers.set("OData-Version", "4.0");
  return res;
}

[[noreturn]] void refuse(unsigned status, const std::string& message) {
  throw fo_refusal{fo_error(status, message)};
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string url_encode_component(const std::string& s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '$') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

class dynamics_fo_simulator final : public vendor_simulator {
 public:
  std::string_view vendor() const override { return "dynamics_fo"; }

  std::vector<setting_spec> settings() const override { return setting::all(); }

  void install(http_router& router, simulator_context& context) override {
    context_ = &context;
    auth_ = std::make_unique<bc::bc_auth>(context.settings());
    entities_ = std::make_unique<data_entities>(context.settings(), context.effects());
    router.use([this](const server_request& req, const http_handler& next) {
      if (is_control_path(req.path)) return next(req);
      if (req.path == auth_->token_path()) {
        if (req.method != "POST") return fo_error(405, "POST only");
        return auth_->issue_token(req);
      }
      if (req.path != "/data" && req.path.rfind("/data/", 0) != 0) return next(req);
      if (auto refusal = auth_->admit(req)) {
        if (refusal->status != 429) return std::move(*refusal);
        // vendors.md §5.4: 429 Too Many Requests with Retry-After in seconds.
        const auto seconds = context_->settings().integer(setting::retry_after_seconds);
        auto throttled = fo_error(429, "Rate limit exceeded. Try again in " + std::to_string(seconds) +
                                           " seconds.");
        throttled.headers.set("Retry-After", std::to_string(seconds));
        return throttled;
      }
      try {
        const std::lock_guard lock(mutex_);
        return route(req);
      } catch (const fo_refusal& r) {
        return r.response;
      } catch (const adapters::invalid_json& e) {
        return fo_error(400, std::string("The request is invalid. Invalid JSON: ") + e.what());
      }
    });
  }

  void reset() override {
    {
      const std::lock_guard lock(mutex_);
      entities_->clear();
    }
    auth_->reset();
  }

 private:
  server_response route(const server_request& req) {
    const auto rest = std::string_view(req.path).substr(req.path.size() > 5 ? 6 : 5);
    const auto decoded = percent_decode(rest, false);
    if (!decoded || decoded->empty() || decoded->find('/') != std::string::npos) {
      refuse(404, "No HTTP resource was found that matches the request URI '" + req.path + "'.");
    }
    const auto path = parse_entity_path(*decoded);
    if (!path) refuse(400, "The request URI is not valid: bad key segment '" + *decoded + "'.");
    const auto* def = find_definition(path->entity_set);
    if (!def) {
      refuse(404, "No HTTP resource was found that matches the request URI '" + req.path + "'.");
    }
    if (path->key) {
      if (req.method != "GET") refuse(405, "The HTTP method '" + req.method + "' is not served here.");
      if (path->key->size() != def->key.size()) {
        refuse(400, "The number of keys specified in the URI does not match number of key "
                    "properties for the resource '" + def->entity_type + "'.");
      }
      for (const auto& field : def->key) {
        if (!path->key->count(field)) {
          refuse(400, "The key property '" + field + "' is missing for the resource '" +
                          def->entity_type + "'.");
        }
      }
      const auto* row = entities_->find(*def, *path->key);
      if (!row) refuse(404, "Resource not found for the segment '" + path->entity_set + "'.");
      return json_answer(200, view(*def, *row));
    }
    if (req.method == "POST") {
      if (req.body.empty()) refuse(400, "The request body is empty.");
      const auto& row = entities_->create(*def, adapters::parse_exact(req.body));
      return json_answer(201, view(*def, row));
    }
    if (req.method != "GET") refuse(405, "The HTTP method '" + req.method + "' is not served here.");
    return collection(req, *def);
  }

  nlohmann::json view(const entity_definition& def, const nlohmann::json& row) const {
    auto out = row;
    out["@odata.etag"] = "W/\"" + std::to_string(std::hash<std::string>{}(def.entity_set + row.dump())) + "\"";
    return out;
  }

  server_response collection(const server_request& req, const entity_definition& def) const {
    std::string why;
    const auto q = bc::parse_odata_query(req.query_params, why);
    if (!q) refuse(400, why);
    const auto cross = req.query("cross-company");
    const bool cross_company = cross && lower(std::string(*cross)) == "true";
    const auto company = lower(context_->settings().text(setting::default_company));
    std::vector<nlohmann::json> matched;
    for (const auto& row : entities_->rows(def.entity_set)) {
      // vendors.md §5.1: the default company only, unless cross-company=true.
      if (!cross_company && lower(row.value("dataAreaId", "")) != company) continue;
      auto v = view(def, row);
      if (bc::matches(v, q->filter)) matched.push_back(std::move(v));
    }
    const auto page_size = static_cast<std::size_t>(context_->settings().integer(setting::page_size));
    const std::size_t limit = q->top ? std::min(*q->top + q->skip, matched.size()) : matched.size();
    const std::size_t start = std::min(q->skip, limit);
    const std::size_t count = std::min(page_size, limit - start);
    nlohmann::json value = nlohmann::json::array();
    for (std::size_t i = start; i < start + count; ++i) value.push_back(matched[i]);
    nlohmann::json body = {{"@odata.context", "http://" + std::string(req.header("Host")) +
                                                  "/data/$metadata#" + def.entity_set},
                           {"value", std::move(value)}};
    if (start + count < limit) {
      std::string query;
      for (const auto& [k, v] : req.query_params) {
        if (k == "$skip" || k == "$skiptoken" || k == "$top") continue;
        query += (query.empty() ? "?" : "&") + url_encode_component(k) + "=" + url_encode_component(v);
      }
      if (q->top) {
        query += (query.empty() ? "?" : "&") + std::string("$top=") + std::to_string(limit - start - count);
      }
      query += (query.empty() ? "?" : "&") + std::string("$skiptoken=") + std::to_string(start + count);
      body["@odata.nextLink"] = "http://" + std::string(req.header("Host")) + req.path + query;
    }
    return json_answer(200, body);
  }

  simulator_context* context_ = nullptr;
  std::unique_ptr<bc::bc_auth> auth_;
  std::mutex mutex_;
  std::unique_ptr<data_entities> entities_;
};

}  // namespace

std::unique_ptr<vendor_simulator> make_dynamics_fo_simulator() {
  return std::make_unique<dynamics_fo_simulator>();
}

}  // namespace erpc::sim
