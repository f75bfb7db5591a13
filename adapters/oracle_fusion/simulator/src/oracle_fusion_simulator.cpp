// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/oracle_fusion/oracle_fusion_simulator.hpp"

#include "adf_errors.hpp"
#include "adf_query.hpp"
#include "fusion_settings.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <variant>

namespace erpc::sim::oracle_fusion {

namespace {

using adapters::make_decimal;
using adapters::parse_exact;
using adapters::scalar_text;
using adapters::to_decimal;
using nlohmann::json;

constexpr std::string_view rest_root = "/fscmRestApi/resources/11.13.18.05/";
constexpr std::string_view token_path = "/oauth2/v1/token";
constexpr std::int64_t max_limit = 500;  // vendors.md §3.5 (suppliers: 500 a batch)

struct supplier_record {
  std::int64_t id = 0;
  json item;                // attributes as written plus the defaulted ones
  std::vector<json> sites;  // child sites
};

struct invoice_record {
  std::int64_t id = 0;
  std::string hash_key;  // invoicesUniqID (§3.1: opaque, from the collection's links)
  std::int64_t supplier_id = 0;
  json item;
  std::vector<json> lines;
  decimal paid;
};

struct payment_record {
  std::int64_t check_id = 0;
  json item;
  std::vector<json> related;
};

bool wants_structured(const server_request& req) {
  return req.header("Accept").find(adf_error_type) != std::string_view::npos;
}

std::string origin_of(const server_request& req) {
  const auto host = req.header("Host");
  return "http://" + std::string(host.empty() ? "127.0.0.1" : host);
}

std::string text_of(const json& obj, const char* name) {
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return {};
  return scalar_text(*it);
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

std::string hex16(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llX", static_cast<unsigned long long>(v));
  return buf;
}

std::string random_token() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return hex16(rng()) + hex16(rng()) + hex16(rng());
}

std::string url_decode_form(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::map<std::string, std::string> form_fields(std::string_view body) {
  std::map<std::string, std::string> out;
  std::size_t start = 0;
  while (start <= body.size()) {
    const auto amp = body.find('&', start);
    const auto piece = body.substr(start, amp == std::string_view::npos ? body.size() - start
                                                                        : amp - start);
    const auto eq = piece.find('=');
    if (eq != std::string_view::npos) {
      out[url_decode_form(piece.substr(0, eq))] = url_decode_form(piece.substr(eq + 1));
    }
    if (amp == std::string_view::npos) break;
    start = amp + 1;
  }
  return out;
}

bool expands(const server_request& req, std::string_view child) {
  const auto e = req.query("expand");
  if (!e) return false;
  if (*e == "all") return true;
  std::size_t start = 0;
  while (start <= e->size()) {
    const auto comma = e->find(',', start);
    if (e->substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start) ==
        child) {
      return true;
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return false;
}

}  // namespace

struct oracle_fusion_simulator::impl {
  simulator_context* context = nullptr;

  std::mutex mutex;  // guards everything below
  std::map<std::int64_t, supplier_record> suppliers;
  std::map<std::int64_t, invoice_record> invoices;
  std::map<std::string, std::int64_t> invoice_by_hash;
  std::map<std::int64_t, payment_record> payments;
  std::map<std::string, std::chrono::steady_clock::time_point> tokens;  // token → expiry
  std::string tokens_secret;  // the client secret the tokens were issued under
  std::int64_t next_id = 300000001000001;
  std::int64_t next_supplier_number = 1001;

  simulator_settings& settings() { return context->settings(); }

  server_response fail(const server_request& req, adf_error e) {
    return error_response(e, wants_structured(req) && settings().boolean(settings::structured_errors));
  }

  std::string base_url(const server_request& req) const {
    return origin_of(req) + std::string(rest_root);
  }

  // ---- authentication (vendors.md §3.2) ----

  server_response unauthorized() {
    // Fusion's 401 body is not in vendors.md; an empty body with a challenge is the simulator's.
    server_response res;
    res.status = 401;
    res.headers.set("WWW-Authenticate", "Basic realm=\"fusion\"");
    return res;
  }

  bool basic_ok(std::string_view authorization) {
    if (authorization.rfind("Basic ", 0) != 0) return false;
    const auto decoded = base64_decode(authorization.substr(6));
    return decoded == settings().text(settings::user) + ":" + settings().text(settings::password);
  }

  bool bearer_ok(std::string_view authorization) {
    if (authorization.rfind("Bearer ", 0) != 0) return false;
    const std::string token(authorization.substr(7));
    const std::lock_guard lock(mutex);
    if (tokens_secret != settings().text(settings::client_secret)) {
      tokens.clear();  // a rotated client secret revokes what was issued under the old one
      tokens_secret = settings().text(settings::client_secret);
    }
    const auto it = tokens.find(token);
    return it != tokens.end() && std::chrono::steady_clock::now() < it->second;
  }

  std::optional<server_response> refuse_unauthenticated(const server_request& req) {
    const auto mode = settings().text(settings::auth_mode);
    if (mode == "none") return std::nullopt;
    const auto authorization = req.header("Authorization");
    const bool ok = (mode != "oauth2" && basic_ok(authorization)) ||
                    (mode != "basic" && bearer_ok(authorization));
    if (!ok) return unauthorized();
    return std::nullopt;
  }

  server_response token(const server_request& req) {
    // RFC 6749 §4.4 with the client authenticated by HTTP Basic (§2.3.1), as IDCS takes it.
    auto oauth_error = [](unsigned status, const char* code) {
      return server_response::json(status, json{{"error", code}}.dump());
    };
    const auto authorization = req.header("Authorization");
    std::string id, secret;
    if (authorization.rfind("Basic ", 0) == 0) {
      const auto decoded = base64_decode(authorization.substr(6));
      const auto colon = decoded.find(':');
      if (colon != std::string::npos) {
        id = url_decode_form(decoded.substr(0, colon));
        secret = url_decode_form(decoded.substr(colon + 1));
      }
    }
    const auto fields = form_fields(req.body);
    if (id != settings().text(settings::client_id) ||
        secret != settings().text(settings::client_secret)) {
      return oauth_error(401, "invalid_client");
    }
    const auto grant = fields.find("grant_type");
    if (grant == fields.end() || grant->second != "client_credentials") {
      return oauth_error(400, "unsupported_grant_type");
    }
    const auto ttl = settings().integer(settings::token_ttl);
    const auto issued = random_token();
    {
      const std::lock_guard lock(mutex);
      if (tokens_secret != settings().text(settings::client_secret)) {
        tokens.clear();
        tokens_secret = settings().text(settings::client_secret);
      }
      tokens[issued] = std::chrono::steady_clock::now() + std::chrono::seconds(ttl);
    }
    return server_response::json(
        200, json{{"access_token", issued}, {"token_type", "Bearer"}, {"expires_in", ttl}}.dump());
  }

  // ---- common pieces ----

  std::optional<json> read_body(const server_request& req, server_response& refusal) {
    try {
      auto body = parse_exact(req.body);
      if (!body.is_object()) throw adapters::invalid_json("not an object");
      return body;
    } catch (const adapters::invalid_json&) {
      refusal = fail(req, {400, "The request body is not a valid JSON resource item.", "", ""});
      return std::nullopt;
    }
  }

  std::optional<server_response> refuse_read_only(const server_request& req, const json& body,
                                                  std::initializer_list<const char*> names) {
    for (const char* name : names) {
      if (body.contains(name)) {
        return fail(req, {400, std::string("Attribute ") + name + " is read-only.", "", name});
      }
    }
    return std::nullopt;
  }

  std::optional<page_request> read_page(const server_request& req) {
    page_request p;
    try {
      if (const auto l = req.query("limit")) p.limit = std::stoll(std::string(*l));
      if (const auto o = req.query("offset")) p.offset = std::stoll(std::string(*o));
    } catch (const std::exception&) {
      return std::nullopt;
    }
    if (p.limit < 1 || p.offset < 0) return std::nullopt;
    p.limit = std::min(p.limit, max_limit);
    p.total_results = req.query("totalResults") == std::optional<std::string_view>("true");
    return p;
  }

  // A collection answer (§3.5) of the items that match q.
  server_response collection(const server_request& req, const std::vector<json>& all,
                             const std::string& self) {
    const auto page = read_page(req);
    if (!page) return fail(req, {400, "The limit or offset parameter is not valid.", "", ""});
    std::vector<condition> conditions;
    if (const auto q = req.query("q")) {
      auto parsed = parse_q(std::string(*q));
      if (!parsed) {
        return fail(req, {400, "The query parameter q is not valid: " + std::string(*q), "", ""});
      }
      conditions = std::move(*parsed);
    }
    std::vector<const json*> hits;
    for (const auto& item : all) {
      if (matches(item, conditions)) hits.push_back(&item);
    }
    json items = json::array();
    const auto begin = std::min<std::size_t>(static_cast<std::size_t>(page->offset), hits.size());
    const auto end = std::min<std::size_t>(begin + static_cast<std::size_t>(page->limit), hits.size());
    for (auto i = begin; i < end; ++i) items.push_back(*hits[i]);
    json doc = {{"items", items},
                {"count", end - begin},
                {"hasMore", end < hits.size()},
                {"limit", page->limit},
                {"offset", page->offset},
                {"links", json::array({{{"rel", "self"}, {"href", self}, {"name", "self"},
                                         {"kind", "collection"}}})}};
    if (page->total_results) doc["totalResults"] = hits.size();
    return server_response::json(200, adapters::dump_exact(doc));
  }

  server_response item_answer(unsigned status, const json& item) {
    auto res = server_response::json(status, adapters::dump_exact(item));
    res.headers.set("Content-Type", "application/vnd.oracle.adf.resourceitem+json");
    return res;
  }

  // ---- suppliers (§3.1) ----

  json supplier_view(const server_request& req, const supplier_record& s, bool with_sites) {
    json item = s.item;
    const auto self = base_url(req) + "suppliers/" + std::to_string(s.id);
    item["links"] = json::array(
        {{{"rel", "self"}, {"href", self}, {"name", "suppliers"}, {"kind", "item"}},
         {{"rel", "child"}, {"href", self + "/child/sites"}, {"name", "sites"}, {"kind", "collection"}}});
    if (with_sites) item["sites"] = s.sites;
    return item;
  }

  supplier_record* supplier_named(const std::string& name) {
    for (auto& [id, s] : suppliers) {
      if (text_of(s.item, "Supplier") == name) return &s;
    }
    return nullptr;
  }

  supplier_record* supplier_numbered(const std::string& number) {
    for (auto& [id, s] : suppliers) {
      if (text_of(s.item, "SupplierNumber") == number) return &s;
    }
    return nullptr;
  }

  supplier_record* supplier_by_id(std::string_view id) {
    for (auto& [key, s] : suppliers) {
      if (std::to_string(key) == id) return &s;
    }
    return nullptr;
  }

  server_response create_supplier(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    if (auto r = refuse_read_only(req, *body, {"SupplierId", "CreationDate", "CreatedBy"})) return *r;
    const auto name = text_of(*body, "Supplier");
    if (name.empty()) return fail(req, {400, "The attribute Supplier is required.", "", "Supplier"});
    const std::lock_guard lock(mutex);
    if (settings().text(settings::supplier_duplicate_name) == "reject" && supplier_named(name)) {
      return fail(req, {400, "The supplier " + name + " already exists.", "", "Supplier"});
    }
    auto number = text_of(*body, "SupplierNumber");
    if (!number.empty() && supplier_numbered(number)) {
      return fail(req, {400, "The supplier number " + number + " already exists.", "", "SupplierNumber"});
    }
    if (number.empty()) {
      do {
        number = std::to_string(next_supplier_number++);
      } while (supplier_numbered(number));
    }
    supplier_record s;
    s.id = next_id++;
    s.item = *body;
    s.item.erase("sites");
    s.item["SupplierId"] = s.id;
    s.item["SupplierNumber"] = number;
    if (!s.item.contains("Status")) s.item["Status"] = "ACTIVE";
    if (const auto sites = body->find("sites"); sites != body->end()) {
      if (!sites->is_array()) return fail(req, {400, "The child sites must be an array.", "", "sites"});
      for (const auto& site : *sites) {
        auto made = make_site(req, s, site);
        if (!made.first) return made.second;
      }
    }
    auto& stored = suppliers[s.id] = std::move(s);
    context->effects().record_write("suppliers", std::to_string(stored.id), name);
    for (const auto& site : stored.sites) {
      context->effects().record_write("supplierSites", text_of(site, "SupplierSiteId"),
                                      std::to_string(stored.id) + "/" + text_of(site, "SupplierSite"));
    }
    return item_answer(201, supplier_view(req, stored, true));
  }

  std::pair<bool, server_response> make_site(const server_request& req, supplier_record& s,
                                             const json& site) {
    if (!site.is_object()) return {false, fail(req, {400, "A site must be an object.", "", "sites"})};
    const auto name = text_of(site, "SupplierSite");
    const auto bu = text_of(site, "ProcurementBU");
    if (name.empty() || bu.empty()) {
      return {false, fail(req, {400, "The attributes SupplierSite and ProcurementBU are required.",
                                "", name.empty() ? "SupplierSite" : "ProcurementBU"})};
    }
    for (const auto& existing : s.sites) {
      if (text_of(existing, "SupplierSite") == name && text_of(existing, "ProcurementBU") == bu) {
        return {false, fail(req, {400, "The supplier site " + name + " already exists for " + bu + ".",
                                  "", "SupplierSite"})};
      }
    }
    json made = site;
    made["SupplierSiteId"] = next_id++;
    s.sites.push_back(std::move(made));
    return {true, {}};
  }

  server_response create_site(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    const std::lock_guard lock(mutex);
    auto* s = supplier_by_id(req.path_param("id"));
    if (!s) return fail(req, {404, "The supplier " + std::string(req.path_param("id")) + " was not found.", "", ""});
    auto made = make_site(req, *s, *body);
    if (!made.first) return made.second;
    const auto& site = s->sites.back();
    context->effects().record_write("supplierSites", text_of(site, "SupplierSiteId"),
                                    std::to_string(s->id) + "/" + text_of(site, "SupplierSite"));
    return item_answer(201, site);
  }

  server_response list_sites(const server_request& req) {
    const std::lock_guard lock(mutex);
    auto* s = supplier_by_id(req.path_param("id"));
    if (!s) return fail(req, {404, "The supplier " + std::string(req.path_param("id")) + " was not found.", "", ""});
    return collection(req, s->sites, base_url(req) + "suppliers/" + std::to_string(s->id) + "/child/sites");
  }

  server_response list_suppliers(const server_request& req) {
    const std::lock_guard lock(mutex);
    std::vector<json> all;
    for (const auto& [id, s] : suppliers) all.push_back(supplier_view(req, s, expands(req, "sites")));
    return collection(req, all, base_url(req) + "suppliers");
  }

  server_response get_supplier(const server_request& req) {
    const std::lock_guard lock(mutex);
    auto* s = supplier_by_id(req.path_param("id"));
    if (!s) return fail(req, {404, "The supplier " + std::string(req.path_param("id")) + " was not found.", "", ""});
    return item_answer(200, supplier_view(req, *s, expands(req, "sites")));
  }

  server_response patch_supplier(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    if (auto r = refuse_read_only(req, *body, {"SupplierId", "SupplierNumber", "sites"})) return *r;
    const std::lock_guard lock(mutex);
    auto* s = supplier_by_id(req.path_param("id"));
    if (!s) return fail(req, {404, "The supplier " + std::string(req.path_param("id")) + " was not found.", "", ""});
    const auto name = text_of(*body, "Supplier");
    if (!name.empty() && name != text_of(s->item, "Supplier") &&
        settings().text(settings::supplier_duplicate_name) == "reject" && supplier_named(name)) {
      return fail(req, {400, "The supplier " + name + " already exists.", "", "Supplier"});
    }
    for (const auto& [k, v] : body->items()) s->item[k] = v;
    context->effects().record_write("suppliers", std::to_string(s->id), text_of(s->item, "Supplier"));
    return item_answer(200, supplier_view(req, *s, false));
  }

  // ---- invoices (§3.1, §3.3) ----

  json invoice_view(const server_request& req, const invoice_record& inv, bool with_lines) {
    json item = inv.item;
    item["AmountPaid"] = make_decimal(inv.paid);
    const auto self = base_url(req) + "invoices/" + inv.hash_key;
    item["links"] = json::array(
        {{{"rel", "self"}, {"href", self}, {"name", "invoices"}, {"kind", "item"}},
         {{"rel", "canonical"}, {"href", self}, {"name", "invoices"}, {"kind", "item"}},
         {{"rel", "child"}, {"href", self + "/child/invoiceLines"}, {"name", "invoiceLines"},
          {"kind", "collection"}}});
    if (with_lines) item["invoiceLines"] = inv.lines;
    return item;
  }

  invoice_record* invoice_for(std::int64_t supplier_id, const std::string& number) {
    for (auto& [id, inv] : invoices) {
      if (inv.supplier_id == supplier_id && text_of(inv.item, "InvoiceNumber") == number) return &inv;
    }
    return nullptr;
  }

  std::optional<server_response> refuse_site(const server_request& req, const supplier_record& s,
                                             const json& body, const std::string& bu) {
    const auto site = text_of(body, "SupplierSite");
    if (site.empty() || !settings().boolean(settings::check_sites)) return std::nullopt;
    for (const auto& existing : s.sites) {
      if (text_of(existing, "SupplierSite") == site && text_of(existing, "ProcurementBU") == bu) {
        return std::nullopt;
      }
    }
    return fail(req, {400, "The value " + site + " of the attribute SupplierSite is not valid.", "",
                      "SupplierSite"});
  }

  // The supplier a body names (Supplier name, else SupplierNumber), or the refusal.
  std::variant<supplier_record*, server_response> supplier_of(const server_request& req,
                                                              const json& body) {
    const auto name = text_of(body, "Supplier");
    const auto number = text_of(body, "SupplierNumber");
    supplier_record* s = !name.empty() ? supplier_named(name)
                                       : (!number.empty() ? supplier_numbered(number) : nullptr);
    if (s) return s;
    if (name.empty() && number.empty()) {
      return fail(req, {400, "The attribute Supplier is required.", "", "Supplier"});
    }
    return fail(req, {400, "The value " + (name.empty() ? number : name) +
                               " of the attribute Supplier is not valid.",
                      "", "Supplier"});
  }

  server_response create_invoice(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    if (auto r = refuse_read_only(req, *body, {"InvoiceId", "AmountPaid", "ValidationStatus", "PaidStatus"})) return *r;
    for (const char* required : {"InvoiceNumber", "InvoiceCurrency", "InvoiceAmount", "InvoiceDate", "BusinessUnit"}) {
      if (text_of(*body, required).empty()) {
        return fail(req, {400, std::string("The attribute ") + required + " is required.", "", required});
      }
    }
    const auto amount = to_decimal(body->at("InvoiceAmount"));
    if (!amount) return fail(req, {400, "The value of the attribute InvoiceAmount is not a number.", "", "InvoiceAmount"});
    const auto type = body->contains("InvoiceType") ? text_of(*body, "InvoiceType") : std::string("Standard");
    if (type != "Standard" && type != "Credit Memo") {
      return fail(req, {400, "The value " + type + " of the attribute InvoiceType is not valid.", "", "InvoiceType"});
    }
    const bool credit = type == "Credit Memo";
    // BANKING.md: Oracle credit memos carry negative amounts; a standard invoice is not negative.
    if (credit ? !amount->is_negative() : amount->is_negative()) {
      return fail(req, {400, credit ? "The invoice amount of a credit memo must be negative."
                                    : "The invoice amount of a standard invoice cannot be negative.",
                        "", "InvoiceAmount"});
    }
    std::vector<json> lines;
    if (const auto it = body->find("invoiceLines"); it != body->end()) {
      if (!it->is_array()) return fail(req, {400, "The child invoiceLines must be an array.", "", "invoiceLines"});
      std::int64_t n = 0;
      for (const auto& line : *it) {
        ++n;
        const std::string at = "invoiceLines[" + std::to_string(n - 1) + "]";
        if (!line.is_object() || !line.contains("LineAmount") || !to_decimal(line["LineAmount"])) {
          return fail(req, {400, "The attribute LineAmount of line " + std::to_string(n) + " is required and numeric.", "", at + ".LineAmount"});
        }
        const auto line_amount = *to_decimal(line["LineAmount"]);
        if (credit ? line_amount.signum() > 0 : line_amount.is_negative()) {
          return fail(req, {400, "The amount of line " + std::to_string(n) + " has the wrong sign for a " + type + ".", "", at + ".LineAmount"});
        }
        json made = line;
        if (!made.contains("LineNumber")) made["LineNumber"] = n;
        if (!made.contains("LineType")) made["LineType"] = "Item";
        const auto lt = text_of(made, "LineType");
        if (lt != "Item" && lt != "Tax" && lt != "Freight" && lt != "Miscellaneous") {
          return fail(req, {400, "The value " + lt + " of the attribute LineType is not valid.", "", at + ".LineType"});
        }
        for (const auto& other : lines) {
          if (text_of(other, "LineNumber") == text_of(made, "LineNumber")) {
            return fail(req, {400, "The line number " + text_of(made, "LineNumber") + " is used twice.", "", at + ".LineNumber"});
          }
        }
        lines.push_back(std::move(made));
      }
    }
    const std::lock_guard lock(mutex);
    auto supplier = supplier_of(req, *body);
    if (auto* r = std::get_if<server_response>(&supplier)) return *r;
    auto* s = std::get<supplier_record*>(supplier);
    const auto bu = text_of(*body, "BusinessUnit");
    if (auto r = refuse_site(req, *s, *body, bu)) return *r;
    const auto number = text_of(*body, "InvoiceNumber");
    if (auto* existing = invoice_for(s->id, number)) {
      const bool upsert = req.header("Upsert-Mode") == "true" &&
                          settings().text(settings::upsert_mode) == "update_match";
      if (upsert) {
        // §3.3: the server updates the match instead of creating — a silent overwrite, which
        // the effects log shows as an `updated` effect.
        for (const auto& [k, v] : body->items()) {
          if (k != "invoiceLines") existing->item[k] = v;
        }
        if (body->contains("invoiceLines")) existing->lines = lines;
        context->effects().record_write("invoices", std::to_string(existing->id),
                                        text_of(s->item, "Supplier") + "/" + number);
        return item_answer(201, invoice_view(req, *existing, true));
      }
      const auto status = static_cast<unsigned>(settings().integer(settings::duplicate_status));
      return fail(req, {status, settings().text(settings::duplicate_detail),
                        settings().text(settings::duplicate_code), "InvoiceNumber"});
    }
    invoice_record inv;
    inv.id = next_id++;
    inv.hash_key = "00020000000EACED00057708" + hex16(static_cast<std::uint64_t>(inv.id)) +
                   "0000000EACED00057708" + hex16(static_cast<std::uint64_t>(inv.id) * 7919U);
    inv.supplier_id = s->id;
    inv.item = *body;
    inv.item.erase("invoiceLines");
    inv.item["InvoiceId"] = inv.id;
    inv.item["InvoiceType"] = type;
    inv.item["Supplier"] = s->item["Supplier"];
    inv.item["SupplierNumber"] = s->item["SupplierNumber"];
    if (!inv.item.contains("PaymentCurrency")) inv.item["PaymentCurrency"] = inv.item["InvoiceCurrency"];
    if (!inv.item.contains("AccountingDate")) inv.item["AccountingDate"] = inv.item["InvoiceDate"];
    inv.item["ValidationStatus"] = "Not Validated";
    inv.item["PaidStatus"] = "Unpaid";
    for (auto& line : lines) line["InvoiceId"] = inv.id;
    inv.lines = std::move(lines);
    invoice_by_hash[inv.hash_key] = inv.id;
    auto& stored = invoices[inv.id] = std::move(inv);
    context->effects().record_write("invoices", std::to_string(stored.id),
                                    text_of(s->item, "Supplier") + "/" + number);
    return item_answer(201, invoice_view(req, stored, true));
  }

  invoice_record* invoice_by_key(std::string_view key) {
    const auto it = invoice_by_hash.find(std::string(key));
    if (it == invoice_by_hash.end()) return nullptr;
    return &invoices.at(it->second);
  }

  server_response get_invoice(const server_request& req) {
    const std::lock_guard lock(mutex);
    auto* inv = invoice_by_key(req.path_param("id"));
    // §3.1 hash-key rule: an InvoiceId in the path is no key, so it is simply not found.
    if (!inv) return fail(req, {404, "The invoice " + std::string(req.path_param("id")) + " was not found.", "", ""});
    return item_answer(200, invoice_view(req, *inv, expands(req, "invoiceLines")));
  }

  server_response list_invoice_lines(const server_request& req) {
    const std::lock_guard lock(mutex);
    auto* inv = invoice_by_key(req.path_param("id"));
    if (!inv) return fail(req, {404, "The invoice " + std::string(req.path_param("id")) + " was not found.", "", ""});
    return collection(req, inv->lines, base_url(req) + "invoices/" + inv->hash_key + "/child/invoiceLines");
  }

  server_response list_invoices(const server_request& req) {
    const std::lock_guard lock(mutex);
    std::vector<json> all;
    for (const auto& [id, inv] : invoices) all.push_back(invoice_view(req, inv, expands(req, "invoiceLines")));
    return collection(req, all, base_url(req) + "invoices");
  }

  // ---- payables payments (§3.1) ----

  json payment_view(const server_request& req, const payment_record& p, bool with_related) {
    json item = p.item;
    const auto self = base_url(req) + "payablesPayments/" + std::to_string(p.check_id);
    item["links"] = json::array(
        {{{"rel", "self"}, {"href", self}, {"name", "payablesPayments"}, {"kind", "item"}},
         {{"rel", "child"}, {"href", self + "/child/relatedInvoices"}, {"name", "relatedInvoices"},
          {"kind", "collection"}}});
    if (with_related) item["relatedInvoices"] = p.related;
    return item;
  }

  payment_record* payment_numbered(const json& body) {
    for (auto& [id, p] : payments) {
      if (text_of(p.item, "PaymentNumber") == text_of(body, "PaymentNumber") &&
          text_of(p.item, "DisbursementBankAccountName") == text_of(body, "DisbursementBankAccountName") &&
          text_of(p.item, "PaymentDocument") == text_of(body, "PaymentDocument")) {
        return &p;
      }
    }
    return nullptr;
  }

  void apply_payment(const payment_record& p, int sign) {
    for (const auto& rel : p.related) {
      auto* inv = invoices.count(rel.value("InvoiceId", std::int64_t{0}))
                      ? &invoices.at(rel.value("InvoiceId", std::int64_t{0}))
                      : nullptr;
      if (!inv) continue;
      const auto paid = to_decimal(rel["AmountPaid"]).value_or(decimal{});
      const auto disc = rel.contains("DiscountTaken") ? to_decimal(rel["DiscountTaken"]).value_or(decimal{}) : decimal{};
      inv->paid = sign > 0 ? inv->paid + paid + disc : inv->paid - paid - disc;
      const auto total = to_decimal(inv->item["InvoiceAmount"]).value_or(decimal{});
      inv->item["PaidStatus"] = inv->paid.is_zero() ? "Unpaid" : (inv->paid == total ? "Paid" : "Partially paid");
    }
  }

  server_response create_payment(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    if (auto r = refuse_read_only(req, *body, {"CheckId", "PaymentId", "PaymentAmount", "PaymentStatus", "AccountingDate"})) return *r;
    const auto type = text_of(*body, "PaymentType");
    if (type != "Manual") {
      // §3.1: only manual payments are created through REST (Quick/Refund not supported).
      return fail(req, {400, "The value " + (type.empty() ? std::string("(none)") : type) +
                                 " of the attribute PaymentType is not valid. Only Manual payments can be created.",
                        "", "PaymentType"});
    }
    for (const char* required : {"PaymentNumber", "PaymentDate", "PaymentCurrency", "BusinessUnit",
                                 "DisbursementBankAccountName", "PaymentMethodCode"}) {
      if (text_of(*body, required).empty()) {
        return fail(req, {400, std::string("The attribute ") + required + " is required.", "", required});
      }
    }
    const auto rel = body->find("relatedInvoices");
    if (rel == body->end() || !rel->is_array() || rel->empty()) {
      return fail(req, {400, "A manual payment needs at least one related invoice.", "", "relatedInvoices"});
    }
    const std::lock_guard lock(mutex);
    auto supplier = supplier_of(req, *body);
    if (auto* r = std::get_if<server_response>(&supplier)) return *r;
    auto* s = std::get<supplier_record*>(supplier);
    const auto bu = text_of(*body, "BusinessUnit");
    if (auto r = refuse_site(req, *s, *body, bu)) return *r;
    if (auto* existing = payment_numbered(*body)) {
      if (req.header("Upsert-Mode") == "true" && settings().text(settings::upsert_mode) == "update_match") {
        for (const auto& [k, v] : body->items()) {
          if (k != "relatedInvoices") existing->item[k] = v;
        }
        context->effects().record_write("payablesPayments", std::to_string(existing->check_id),
                                        text_of(existing->item, "PaymentNumber"));
        return item_answer(201, payment_view(req, *existing, true));
      }
      if (settings().text(settings::payment_duplicate_number) == "reject") {
        return fail(req, {400, "The payment number " + text_of(*body, "PaymentNumber") +
                                   " is already used for this bank account and payment document.",
                          "", "PaymentNumber"});
      }
    }
    payment_record p;
    decimal total;
    std::map<std::int64_t, decimal> applied;
    for (std::size_t i = 0; i < rel->size(); ++i) {
      const auto& r = (*rel)[i];
      const std::string at = "relatedInvoices[" + std::to_string(i) + "]";
      const auto number = r.is_object() ? text_of(r, "InvoiceNumber") : std::string();
      auto* inv = number.empty() ? nullptr : invoice_for(s->id, number);
      if (!inv || text_of(inv->item, "BusinessUnit") != bu) {
        return fail(req, {400, "The value " + number + " of the attribute InvoiceNumber is not valid.", "", at + ".InvoiceNumber"});
      }
      if (text_of(inv->item, "InvoiceCurrency") != text_of(*body, "PaymentCurrency")) {
        return fail(req, {400, "The invoice " + number + " is not in the payment currency.", "", at + ".InvoiceNumber"});
      }
      const auto paid = r.contains("AmountPaid") ? to_decimal(r["AmountPaid"]) : std::nullopt;
      if (!paid) return fail(req, {400, "The attribute AmountPaid is required and numeric.", "", at + ".AmountPaid"});
      const auto disc = r.contains("DiscountTaken") ? to_decimal(r["DiscountTaken"]).value_or(decimal{}) : decimal{};
      const auto invoice_total = to_decimal(inv->item["InvoiceAmount"]).value_or(decimal{});
      const auto remaining = invoice_total - inv->paid - applied[inv->id];
      const auto applying = *paid + disc;
      // Never more than what is unpaid, in the invoice's own sign (credit memos are negative).
      const bool over = remaining.is_negative() ? (applying < remaining || applying.signum() > 0)
                                                : (applying > remaining || applying.is_negative());
      if (over) {
        return fail(req, {400, "The amount paid exceeds the unpaid amount of invoice " + number + ".", "", at + ".AmountPaid"});
      }
      applied[inv->id] += applying;
      total += *paid;
      json made = r;
      made["InvoiceId"] = inv->id;
      p.related.push_back(std::move(made));
    }
    if (total.is_negative()) {
      return fail(req, {400, "The payment amount cannot be negative.", "", "relatedInvoices"});
    }
    p.check_id = next_id++;
    p.item = *body;
    p.item.erase("relatedInvoices");
    p.item["CheckId"] = p.check_id;
    p.item["PaymentId"] = next_id++;
    p.item["PaymentAmount"] = make_decimal(total);
    p.item["PaymentStatus"] = "Negotiable";
    p.item["AccountingDate"] = p.item["PaymentDate"];
    p.item["Supplier"] = s->item["Supplier"];
    auto& stored = payments[p.check_id] = std::move(p);
    apply_payment(stored, +1);
    context->effects().record_write("payablesPayments", std::to_string(stored.check_id),
                                    text_of(stored.item, "PaymentNumber"));
    return item_answer(201, payment_view(req, stored, true));
  }

  payment_record* payment_by_id(std::string_view id) {
    for (auto& [key, p] : payments) {
      if (std::to_string(key) == id) return &p;
    }
    return nullptr;
  }

  server_response get_payment(const server_request& req) {
    const std::lock_guard lock(mutex);
    auto* p = payment_by_id(req.path_param("id"));
    if (!p) return fail(req, {404, "The payment " + std::string(req.path_param("id")) + " was not found.", "", ""});
    return item_answer(200, payment_view(req, *p, expands(req, "relatedInvoices")));
  }

  server_response list_payments(const server_request& req) {
    const std::lock_guard lock(mutex);
    std::vector<json> all;
    for (const auto& [id, p] : payments) all.push_back(payment_view(req, p, expands(req, "relatedInvoices")));
    return collection(req, all, base_url(req) + "payablesPayments");
  }

  server_response patch_payment(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    const std::lock_guard lock(mutex);
    auto* p = payment_by_id(req.path_param("id"));
    if (!p) return fail(req, {404, "The payment " + std::string(req.path_param("id")) + " was not found.", "", ""});
    for (const auto& [k, v] : body->items()) {
      if (k != "VoidDate" && k != "VoidAccountingDate" && k != "PaymentDescription") {
        return fail(req, {400, "Attribute " + k + " cannot be updated.", "", k});
      }
    }
    if (body->contains("VoidDate") || body->contains("VoidAccountingDate")) {
      if (text_of(p->item, "PaymentStatus") == "Voided") {
        return fail(req, {400, "The payment is already voided.", "", "VoidDate"});
      }
      if (text_of(*body, "VoidDate").empty()) {
        return fail(req, {400, "The attribute VoidDate is required to void a payment.", "", "VoidDate"});
      }
      p->item["PaymentStatus"] = "Voided";
      apply_payment(*p, -1);  // §3.1 / BANKING.md: voiding reopens the invoices it paid
    }
    for (const auto& [k, v] : body->items()) p->item[k] = v;
    context->effects().record_write("payablesPayments", std::to_string(p->check_id),
                                    text_of(p->item, "PaymentNumber"));
    return item_answer(200, payment_view(req, *p, true));
  }
};

oracle_fusion_simulator::oracle_fusion_simulator() : impl_(std::make_unique<impl>()) {}
oracle_fusion_simulator::~oracle_fusion_simulator() = default;

std::vector<setting_spec> oracle_fusion_simulator::settings() const { return fusion_setting_specs(); }

void oracle_fusion_simulator::install(http_router& router, simulator_context& context) {
  impl_->context = &context;
  auto* s = impl_.get();
  router.use([s](const server_request& req, const http_handler& next) {
    if (req.path.rfind("/fscmRestApi/", 0) == 0) {
      if (auto refusal = s->refuse_unauthenticated(req)) return std::move(*refusal);
    }
    return next(req);
  });
  const std::string root(rest_root);
  router.post(std::string(token_path), [s](const server_request& r) { return s->token(r); });
  router.post(root + "suppliers", [s](const server_request& r) { return s->create_supplier(r); });
  router.get(root + "suppliers", [s](const server_request& r) { return s->list_suppliers(r); });
  router.get(root + "suppliers/{id}", [s](const server_request& r) { return s->get_supplier(r); });
  router.add("PATCH", root + "suppliers/{id}", [s](const server_request& r) { return s->patch_supplier(r); });
  router.post(root + "suppliers/{id}/child/sites", [s](const server_request& r) { return s->create_site(r); });
  router.get(root + "suppliers/{id}/child/sites", [s](const server_request& r) { return s->list_sites(r); });
  router.post(root + "invoices", [s](const server_request& r) { return s->create_invoice(r); });
  router.get(root + "invoices", [s](const server_request& r) { return s->list_invoices(r); });
  router.get(root + "invoices/{id}", [s](const server_request& r) { return s->get_invoice(r); });
  router.get(root + "invoices/{id}/child/invoiceLines",
             [s](const server_request& r) { return s->list_invoice_lines(r); });
  router.post(root + "payablesPayments", [s](const server_request& r) { return s->create_payment(r); });
  router.get(root + "payablesPayments", [s](const server_request& r) { return s->list_payments(r); });
  router.get(root + "payablesPayments/{id}", [s](const server_request& r) { return s->get_payment(r); });
  router.add("PATCH", root + "payablesPayments/{id}",
             [s](const server_request& r) { return s->patch_payment(r); });
}

void oracle_fusion_simulator::reset() {
  const std::lock_guard lock(impl_->mutex);
  impl_->suppliers.clear();
  impl_->invoices.clear();
  impl_->invoice_by_hash.clear();
  impl_->payments.clear();
  impl_->tokens.clear();
  impl_->next_supplier_number = 1001;
}

std::unique_ptr<vendor_simulator> make_oracle_fusion_simulator() {
  return std::make_unique<oracle_fusion_simulator>();
}

}  // namespace erpc::sim::oracle_fusion
