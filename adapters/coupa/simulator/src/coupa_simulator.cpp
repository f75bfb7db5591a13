// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/coupa/coupa_simulator.hpp"

#include "coupa_errors.hpp"
#include "coupa_query.hpp"
#include "coupa_settings.hpp"
#include "rate_limiter.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/decimal.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>

namespace erpc::sim::coupa {

namespace {

using adapters::parse_exact;
using adapters::scalar_text;
using nlohmann::json;

constexpr std::string_view api_root = "/api/";
constexpr std::string_view token_path = "/oauth2/token";

std::string text_of(const json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null() || it->is_object() || it->is_array()) return {};
  return scalar_text(*it);
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string random_token() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buf[49];
  std::snprintf(buf, sizeof buf, "%016llx%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()), static_cast<unsigned long long>(rng()));
  return buf;
}

std::string base64_decode(std::string_view in) {
  static constexpr std::string_view alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t buf = 0;
  int bits = 0;
  for (const char c : in) {
    if (c == '=') break;
    const auto pos = alphabet.find(c);
    if (pos == std::string_view::npos) return {};
    buf = (buf << 6) | static_cast<std::uint32_t>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return out;
}

std::optional<decimal> amount_of(const json& obj, const char* name) {
  if (!obj.is_object()) return std::nullopt;
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return std::nullopt;
  if (auto d = adapters::to_decimal(*it)) return d;
  if (it->is_string()) return decimal::parse(it->get<std::string>());
  return std::nullopt;
}

struct token_grant {
  std::chrono::steady_clock::time_point expires;
  std::set<std::string> scopes;
};

// The scope a resource request needs (vendors.md §10.1, secondary): core.<object>.<read|write>.
std::string scope_for(const server_request& req) {
  const std::string object = req.path.rfind("/api/invoices", 0) == 0 ? "invoice" : "supplier";
  return "core." + object + (req.method == "GET" ? ".read" : ".write");
}

}  // namespace

struct coupa_simulator::impl {
  simulator_context* context = nullptr;
  rate_limiter limiter;

  std::mutex mutex;  // guards everything below
  std::map<std::int64_t, json> suppliers;
  std::map<std::int64_t, json> invoices;
  std::map<std::string, token_grant> tokens;
  std::string tokens_secret;
  std::int64_t next_supplier_id = 101;
  std::int64_t next_invoice_id = 5001;

  simulator_settings& settings() { return context->settings(); }

  server_response fail(coupa_error e) { return error_response(e, settings().text(settings::error_shape)); }

  // ---- the gate every /api/ request passes: rate, format, token, scope ----

  std::optional<server_response> gate(const server_request& req) {
    if (!limiter.admit(settings().integer(settings::rate_per_second), settings().integer(settings::rate_burst))) {
      auto res = fail({429, "Too many requests: the API allows 25 requests a second", "base"});
      if (const auto s = settings().integer(settings::retry_after); s > 0) {
        res.headers.set("Retry-After", std::to_string(s));
      }
      return res;
    }
    if (req.header("Accept").find("application/json") == std::string_view::npos &&
        settings().text(settings::without_json_accept) == "406") {
      return server_response::text(406, "Not Acceptable: this simulator answers JSON only (Accept: application/json)");
    }
    const auto authorization = req.header("Authorization");
    if (authorization.rfind("Bearer ", 0) != 0) return fail({401, "Authentication required", "base"});
    const std::string token(authorization.substr(7));
    const std::lock_guard lock(mutex);
    revoke_if_rotated();
    const auto it = tokens.find(token);
    if (it == tokens.end() || std::chrono::steady_clock::now() >= it->second.expires) {
      return fail({401, "The access token is invalid or expired", "base"});
    }
    if (settings().boolean(settings::enforce_scopes)) {
      const auto needed = scope_for(req);
      if (!it->second.scopes.count(needed)) {
        return fail({403, "The access token lacks the scope " + needed, "base"});
      }
    }
    return std::nullopt;
  }

  void revoke_if_rotated() {
    if (tokens_secret != settings().text(settings::client_secret)) {
      tokens.clear();  // a rotated client secret revokes what was issued under the old one
      tokens_secret = settings().text(settings::client_secret);
    }
  }

  server_response token(const server_request& req) {
    // RFC 6749 §4.4; the client authenticates with HTTP Basic or form parameters.
    auto oauth_error = [](unsigned status, const char* code) {
      return server_response::json(status, json{{"error", code}}.dump());
    };
    const auto form = parse_query(req.body).value_or(http_params{});
    auto field = [&](std::string_view name) -> std::string {
      for (const auto& [k, v] : form) {
        if (k == name) return v;
      }
      return {};
    };
    std::string id = field("client_id");
    std::string secret = field("client_secret");
    const auto authorization = req.header("Authorization");
    if (authorization.rfind("Basic ", 0) == 0) {
      const auto decoded = base64_decode(authorization.substr(6));
      const auto colon = decoded.find(':');
      if (colon != std::string::npos) {
        id = percent_decode(decoded.substr(0, colon), true).value_or("");
        secret = percent_decode(decoded.substr(colon + 1), true).value_or("");
      }
    }
    if (id != settings().text(settings::client_id) || secret != settings().text(settings::client_secret)) {
      return oauth_error(401, "invalid_client");
    }
    if (field("grant_type") != "client_credentials") return oauth_error(400, "unsupported_grant_type");
    static const std::set<std::string> known = {"core.invoice.read", "core.invoice.write",
                                                "core.supplier.read", "core.supplier.write"};
    token_grant grant;
    const auto requested = field("scope");
    if (requested.empty()) {
      grant.scopes = known;
    } else {
      std::size_t start = 0;
      while (start < requested.size()) {
        auto space = requested.find(' ', start);
        if (space == std::string::npos) space = requested.size();
        const auto scope = requested.substr(start, space - start);
        if (!scope.empty() && !known.count(scope)) return oauth_error(400, "invalid_scope");
        if (!scope.empty()) grant.scopes.insert(scope);
        start = space + 1;
      }
    }
    const auto ttl = settings().integer(settings::token_ttl);
    grant.expires = std::chrono::steady_clock::now() + std::chrono::seconds(ttl);
    const auto issued = random_token();
    std::string scope_text;
    for (const auto& s : grant.scopes) scope_text += (scope_text.empty() ? "" : " ") + s;
    {
      const std::lock_guard lock(mutex);
      revoke_if_rotated();
      tokens[issued] = std::move(grant);
    }
    return server_response::json(200, json{{"access_token", issued},
                                           {"token_type", "bearer"},
                                           {"expires_in", ttl},
                                           {"scope", scope_text}}
                                          .dump());
  }

  // ---- common pieces ----

  std::optional<json> read_body(const server_request& req, server_response& refusal) {
    try {
      auto body = parse_exact(req.body);
      if (!body.is_object()) throw adapters::invalid_json("not an object");
      return body;
    } catch (const adapters::invalid_json&) {
      refusal = fail({400, "The request body is not a JSON object", "base"});
      return std::nullopt;
    }
  }

  server_response record_answer(unsigned status, const json& record) {
    return server_response::json(status, adapters::dump_exact(record));
  }

  // A JSON array of the records that match, one page (Coupa answers a bare array).
  server_response collection(const server_request& req, const std::map<std::int64_t, json>& all,
                             const std::function<json(const json&)>& view) {
    std::string problem;
    const auto q = parse_collection_query(req.query_params, problem);
    if (!q) return fail({400, problem, "base"});
    json page = json::array();
    std::int64_t skipped = 0;
    for (const auto& [id, record] : all) {
      const auto shown = view(record);
      if (!matches(shown, q->conditions)) continue;
      if (skipped++ < q->offset) continue;
      if (static_cast<std::int64_t>(page.size()) >= q->limit) break;
      page.push_back(shown);
    }
    return server_response::json(200, adapters::dump_exact(page));
  }

  json* by_id(std::map<std::int64_t, json>& records, std::string_view id) {
    if (id.empty() || id.size() > 18) return nullptr;
    std::int64_t n = 0;
    for (const char c : id) {
      if (c < '0' || c > '9') return nullptr;
      n = n * 10 + (c - '0');
    }
    const auto it = records.find(n);
    return it == records.end() ? nullptr : &it->second;
  }

  // ---- suppliers ----

  json* supplier_where(const char* field, const std::string& value) {
    for (auto& [id, s] : suppliers) {
      if (text_of(s, field) == value) return &s;
    }
    return nullptr;
  }

  server_response create_supplier(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    for (const char* read_only : {"id", "created-at", "updated-at"}) {
      if (body->contains(read_only)) return fail({400, std::string(read_only) + " is read-only", read_only});
    }
    const auto name = text_of(*body, "name");
    if (name.empty()) return fail({422, "name can't be blank", "name"});
    const std::lock_guard lock(mutex);
    if (settings().text(settings::supplier_duplicate_name) == "reject" && supplier_where("name", name)) {
      return fail({422, "name has already been taken", "name"});
    }
    const auto number = text_of(*body, "number");
    if (!number.empty() && supplier_where("number", number)) {
      return fail({422, "number has already been taken", "number"});
    }
    const auto status = body->contains("status") ? text_of(*body, "status") : std::string("active");
    if (status != "active" && status != "inactive") {
      return fail({422, "status is not included in the list", "status"});
    }
    json s = *body;
    const auto id = next_supplier_id++;
    s["id"] = id;
    s["status"] = status;
    if (!s.contains("number")) s["number"] = nullptr;
    s["created-at"] = s["updated-at"] = utc_now();
    suppliers[id] = s;
    context->effects().record_write("suppliers", std::to_string(id), name);
    return record_answer(201, s);
  }

  server_response get_supplier(const server_request& req) {
    const std::lock_guard lock(mutex);
    auto* s = by_id(suppliers, req.path_param("id"));
    if (!s) return fail({404, "Supplier not found", "id"});
    return record_answer(200, *s);
  }

  server_response list_suppliers(const server_request& req) {
    const std::lock_guard lock(mutex);
    return collection(req, suppliers, [](const json& s) { return s; });
  }

  // ---- invoices ----

  // The invoice as Coupa shows it: the supplier as {id, name, number} of today's supplier.
  json invoice_view(const json& inv) {
    json out = inv;
    const auto sid = inv.value("supplier-id", std::int64_t{0});
    out.erase("supplier-id");
    const auto it = suppliers.find(sid);
    json supplier = {{"id", sid}};
    if (it != suppliers.end()) {
      supplier["name"] = it->second.value("name", json());
      supplier["number"] = it->second.value("number", json());
    }
    out["supplier"] = supplier;
    return out;
  }

  // The supplier an invoice body names by id, number or name.
  json* supplier_named_by(const json& ref) {
    if (!ref.is_object()) return nullptr;
    if (const auto id = text_of(ref, "id"); !id.empty()) return by_id(suppliers, id);
    if (const auto number = text_of(ref, "number"); !number.empty()) return supplier_where("number", number);
    if (const auto name = text_of(ref, "name"); !name.empty()) return supplier_where("name", name);
    return nullptr;
  }

  server_response create_invoice(const server_request& req) {
    if (settings().text(settings::rest_create) == "forbidden") {
      return fail({403, "Invoices cannot be created through the API on this instance", "base"});
    }
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    for (const char* read_only : {"id", "status", "exported", "gross-total", "created-at", "updated-at"}) {
      if (body->contains(read_only)) return fail({400, std::string(read_only) + " is read-only", read_only});
    }
    const auto number = text_of(*body, "invoice-number");
    if (number.empty()) return fail({422, "invoice-number can't be blank", "invoice-number"});
    if (text_of(*body, "invoice-date").empty()) return fail({422, "invoice-date can't be blank", "invoice-date"});
    const auto currency = body->contains("currency") ? text_of((*body)["currency"], "code") : std::string();
    if (currency.empty()) return fail({422, "currency can't be blank", "currency"});
    const auto type = body->contains("document-type") ? text_of(*body, "document-type") : std::string("Invoice");
    if (type != "Invoice" && type != "Credit Note") {
      return fail({422, "document-type is not included in the list", "document-type"});
    }
    const auto lines = body->find("invoice-lines");
    if (lines == body->end() || !lines->is_array() || lines->empty()) {
      return fail({422, "invoice-lines can't be blank", "invoice-lines"});
    }
    decimal gross;
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const auto& line = (*lines)[i];
      const auto at = "invoice-lines[" + std::to_string(i) + "]";
      const auto total = amount_of(line, "total");
      if (!total) return fail({422, at + ".total is not a number", at + ".total"});
      const auto tax = line.contains("tax-amount") ? amount_of(line, "tax-amount") : std::optional<decimal>(decimal{});
      if (!tax) return fail({422, at + ".tax-amount is not a number", at + ".tax-amount"});
      gross += *total + *tax;
    }
    const std::lock_guard lock(mutex);
    auto* supplier = body->contains("supplier") ? supplier_named_by((*body)["supplier"]) : nullptr;
    if (!supplier) return fail({422, "supplier is invalid", "supplier"});
    const auto sid = (*supplier)["id"].get<std::int64_t>();
    if (settings().text(settings::duplicate_number) == "reject") {
      for (const auto& [id, inv] : invoices) {
        if (inv.value("supplier-id", std::int64_t{0}) == sid && text_of(inv, "invoice-number") == number) {
          return fail({static_cast<unsigned>(settings().integer(settings::duplicate_status)),
                       "invoice-number has already been taken for this supplier", "invoice-number"});
        }
      }
    }
    json inv = *body;
    const auto id = next_invoice_id++;
    inv.erase("supplier");
    inv["id"] = id;
    inv["supplier-id"] = sid;
    inv["document-type"] = type;
    inv["status"] = settings().text(settings::initial_status);
    inv["exported"] = false;
    inv["gross-total"] = gross.to_string();
    inv["created-at"] = inv["updated-at"] = utc_now();
    auto& stored = invoices[id] = std::move(inv);
    context->effects().record_write("invoices", std::to_string(id),
                                    std::to_string(sid) + "/" + number);
    return record_answer(201, invoice_view(stored));
  }

  server_response get_invoice(const server_request& req) {
    const std::lock_guard lock(mutex);
    auto* inv = by_id(invoices, req.path_param("id"));
    if (!inv) return fail({404, "Invoice not found", "id"});
    return record_answer(200, invoice_view(*inv));
  }

  server_response list_invoices(const server_request& req) {
    const std::lock_guard lock(mutex);
    return collection(req, invoices, [this](const json& inv) { return invoice_view(inv); });
  }

  server_response mark_exported(json& inv) {
    inv["exported"] = true;
    inv["updated-at"] = utc_now();
    context->effects().record_write("invoices", text_of(inv, "id"),
                                    text_of(inv, "supplier-id") + "/" + text_of(inv, "invoice-number"));
    return record_answer(200, invoice_view(inv));
  }

  server_response put_invoice(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    const std::lock_guard lock(mutex);
    auto* inv = by_id(invoices, req.path_param("id"));
    if (!inv) return fail({404, "Invoice not found", "id"});
    const bool field_route = settings().text(settings::export_route) == "put_field";
    for (const auto& [name, value] : body->items()) {
      if (name != "exported" || !field_route) return fail({400, name + " cannot be updated", name});
      if (!value.is_boolean()) return fail({422, "exported must be true or false", "exported"});
    }
    if (!body->contains("exported")) return record_answer(200, invoice_view(*inv));
    if (!(*body)["exported"].get<bool>()) {
      (*inv)["exported"] = false;
      (*inv)["updated-at"] = utc_now();
      context->effects().record_write("invoices", text_of(*inv, "id"),
                                      text_of(*inv, "supplier-id") + "/" + text_of(*inv, "invoice-number"));
      return record_answer(200, invoice_view(*inv));
    }
    return mark_exported(*inv);
  }

  server_response export_action(const server_request& req) {
    const std::lock_guard lock(mutex);
    if (settings().text(settings::export_route) != "export_action") return fail({404, "Not found", "base"});
    auto* inv = by_id(invoices, req.path_param("id"));
    if (!inv) return fail({404, "Invoice not found", "id"});
    return mark_exported(*inv);
  }
};

coupa_simulator::coupa_simulator() : impl_(std::make_unique<impl>()) {}
coupa_simulator::~coupa_simulator() = default;

std::vector<setting_spec> coupa_simulator::settings() const { return coupa_setting_specs(); }

void coupa_simulator::install(http_router& router, simulator_context& context) {
  impl_->context = &context;
  auto* s = impl_.get();
  router.use([s](const server_request& req, const http_handler& next) {
    if (req.path.rfind(std::string(api_root), 0) == 0) {
      if (auto refusal = s->gate(req)) return std::move(*refusal);
    }
    return next(req);
  });
  const std::string root(api_root);
  router.post(std::string(token_path), [s](const server_request& r) { return s->token(r); });
  router.post(root + "suppliers", [s](const server_request& r) { return s->create_supplier(r); });
  router.get(root + "suppliers", [s](const server_request& r) { return s->list_suppliers(r); });
  router.get(root + "suppliers/{id}", [s](const server_request& r) { return s->get_supplier(r); });
  router.post(root + "invoices", [s](const server_request& r) { return s->create_invoice(r); });
  router.get(root + "invoices", [s](const server_request& r) { return s->list_invoices(r); });
  router.get(root + "invoices/{id}", [s](const server_request& r) { return s->get_invoice(r); });
  router.put(root + "invoices/{id}", [s](const server_request& r) { return s->put_invoice(r); });
  router.put(root + "invoices/{id}/export", [s](const server_request& r) { return s->export_action(r); });
}

void coupa_simulator::reset() {
  impl_->limiter.reset();
  const std::lock_guard lock(impl_->mutex);
  impl_->suppliers.clear();
  impl_->invoices.clear();
  impl_->tokens.clear();
  // Ids keep counting across a reset, so an id a client still holds never names a new record.
}

std::unique_ptr<vendor_simulator> make_coupa_simulator() { return std::make_unique<coupa_simulator>(); }

}  // namespace erpc::sim::coupa
