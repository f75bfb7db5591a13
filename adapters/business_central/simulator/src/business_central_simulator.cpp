// SPDX-License-Identifier: Apache-2.0
// Wiring and the vendor and company resources. One middleware takes the token endpoint
// (/{tenant}/oauth2/v2.0/token) and everything under /v2.0/: authentication and the rate
// limit (bc_auth), then the OData resource path
//   /v2.0/{environment}/api/v2.0/companies[({id})/{entitySet}[({id})[/{navigation|action}]]]
// Vendor state sits behind one mutex: handlers run on several threads.
#include "erpc/sim/business_central_simulator.hpp"

#include "bc_auth.hpp"
#include "bc_settings.hpp"
#include "general_journals.hpp"
#include "odata_error.hpp"
#include "odata_query.hpp"
#include "purchase_documents.hpp"
#include "request_fields.hpp"
#include "vendor_payments.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <mutex>
#include <set>

namespace erpc::sim {

namespace {

using namespace erpc::sim::bc;

// "name(key)" → {name, key}; key "" when there is no parenthesis. Quotes around the key are
// dropped (OData allows companies('…') as well as companies(…)).
std::pair<std::string, std::string> segment(std::string_view s) {
  const auto open = s.find('(');
  if (open == std::string_view::npos || s.back() != ')') return {std::string(s), ""};
  auto key = std::string(s.substr(open + 1, s.size() - open - 2));
  if (key.size() >= 2 && key.front() == '\'' && key.back() == '\'') key = key.substr(1, key.size() - 2);
  return {std::string(s.substr(0, open)), key};
}

std::vector<std::string> split(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    out.emplace_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos
                                                                        : slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

server_response json_answer(unsigned status, const nlohmann::json& body) {
  return server_response::json(status, adapters::dump_exact(body));
}

const std::set<std::string>& vendor_writable() {
  static const std::set<std::string> fields = {
      "number", "displayName", "addressLine1", "addressLine2", "city", "state", "country",
      "postalCode", "phoneNumber", "email", "website", "taxRegistrationNumber", "currencyId",
      "currencyCode", "irs1099Code", "paymentTermsId", "paymentMethodId", "taxLiable", "blocked"};
  return fields;
}

// Field lengths of table 23 Vendor (BC refuses a longer value; it does not cut it).
std::size_t vendor_max_length(const std::string& field) {
  if (field == "number") return 20;
  if (field == "displayName" || field == "addressLine1" || field == "addressLine2" ||
      field == "email") {
    return field == "email" ? 80 : 100;
  }
  if (field == "city" || field == "state" || field == "phoneNumber" || field == "postalCode") {
    return 30;
  }
  if (field == "taxRegistrationNumber") return 20;
  if (field == "country") return 10;
  return 250;
}

class business_central_simulator final : public vendor_simulator {
 public:
  std::string_view vendor() const override { return "business_central"; }

  std::vector<setting_spec> settings() const override { return setting::all(); }

  void install(http_router& router, simulator_context& context) override {
    context_ = &context;
    auth_ = std::make_unique<bc_auth>(context.settings());
    invoices_ = std::make_unique<purchase_documents>(invoice_kind(), context.settings(),
                                                     context.effects());
    credit_memos_ = std::make_unique<purchase_documents>(credit_memo_kind(), context.settings(),
                                                         context.effects());
    journals_ = std::make_unique<general_journals>(context.settings(), context.effects());
    payments_ = std::make_unique<vendor_payments>(context.settings(), context.effects(), *journals_,
                                                  *invoices_);
    router.use([this](const server_request& req, const http_handler& next) {
      if (is_control_path(req.path)) return next(req);
      if (req.path == auth_->token_path()) {
        if (req.method != "POST") return odata_error(405, "BadRequest_MethodNotAllowed", "POST only");
        return auth_->issue_token(req);
      }
      if (req.path.rfind("/v2.0/", 0) != 0) return next(req);
      if (auto refusal = auth_->admit(req)) return std::move(*refusal);
      try {
        const std::lock_guard lock(mutex_);
        return route(req);
      } catch (const odata_refusal& r) {
        return odata_error(r.status, r.code, r.message);
      } catch (const adapters::invalid_json& e) {
        return odata_error(400, "BadRequest", std::string("Invalid JSON: ") + e.what());
      }
    });
  }

  void reset() override {
    {
      const std::lock_guard lock(mutex_);
      vendors_.clear();
      invoices_->clear();
      credit_memos_->clear();
      journals_->clear();
      payments_->clear();
      vendor_counter_ = 0;
    }
    auth_->reset();
  }

 private:
  server_response route(const server_request& req) {
    const auto& settings = context_->settings();
    const std::string prefix = "/v2.0/" + settings.text(setting::environment) + "/api/v2.0/";
    if (req.path.rfind(prefix, 0) != 0) {
      refuse(404, "BadRequest_ResourceNotFound", "No API at " + req.path + ".");
    }
    const auto parts = split(std::string_view(req.path).substr(prefix.size()));
    const auto [root, company] = segment(parts[0]);
    if (root != "companies") refuse(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + root + "'.");
    if (parts.size() == 1 && company.empty()) {
      if (req.method != "GET") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      return json_answer(200, {{"value", nlohmann::json::array({company_view()})}});
    }
    if (company != settings.text(setting::company_id)) {
      refuse(404, "Internal_CompanyNotFound", "Cannot open company " + company + ".");
    }
    if (parts.size() == 1) return json_answer(200, company_view());
    const auto [set, id] = segment(parts[1]);
    const std::string tail = parts.size() > 2 ? parts[2] : "";
    if (parts.size() > 3) refuse(404, "BadRequest_ResourceNotFound", "Resource not found.");
    if (set == "vendors" && tail.empty()) return vendors(req, id);
    if (set == "journals") return journals(req, id, tail);
    if (set == "vendorPaymentJournals") return payment_journals(req, id, tail);
    if (set == "vendorPayments" && id.empty() && tail.empty()) {
      if (req.method == "GET") return payment_lines(req, "");
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      const auto body = parse_body(req);
      const auto journal = body.is_object() ? text_of(body, "journalId") : std::string();
      if (journal.empty()) {
        refuse(400, "BadRequest_RequiredParamNotProvided", "journalId must have a value.");
      }
      return json_answer(201, payments_->add_line(journal, body, [this](const nlohmann::json& b) { return find_vendor(b); }));
    }
    if (set == "generalLedgerEntries" && id.empty() && tail.empty()) {
      if (req.method != "GET") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      const auto q = query_of(req);
      std::vector<nlohmann::json> matched;
      for (const auto& e : journals_->ledger()) {
        if (matches(e, q.filter)) matched.push_back(e);
      }
      return page(req, q, matched);
    }
    purchase_documents* docs = set == "purchaseInvoices"      ? invoices_.get()
                               : set == "purchaseCreditMemos" ? credit_memos_.get()
                                                              : nullptr;
    if (!docs) refuse(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + set + "'.");
    return documents(req, *docs, id, tail);
  }

  nlohmann::json company_view() const {
    return {{"id", context_->settings().text(setting::company_id)},
            {"systemVersion", "24.0.16410.18056"},
            {"name", "CRONUS International Ltd."},
            {"displayName", "CRONUS International Ltd."}};
  }

  static nlohmann::json parse_body(const server_request& req) {
    if (req.body.empty()) refuse(400, "BadRequest", "The request body is empty.");
    return adapters::parse_exact(req.body);
  }

  odata_query query_of(const server_request& req) const {
    std::string why;
    auto q = parse_odata_query(req.query_params, why);
    if (!q) refuse(400, "BadRequest", why);
    return *q;
  }

  // A collection page with @odata.nextLink (vendors.md §4.5).
  server_response page(const server_request& req, const odata_query& q,
                       const std::vector<nlohmann::json>& matched) const {
    const auto page_size = static_cast<std::size_t>(context_->settings().integer(setting::page_size));
    const std::size_t limit = q.top ? std::min(*q.top, matched.size()) : matched.size();
    const std::size_t start = std::min(q.skip, limit);
    const std::size_t count = std::min(page_size, limit - start);
    nlohmann::json value = nlohmann::json::array();
    for (std::size_t i = start; i < start + count; ++i) value.push_back(select(matched[i], q.select));
    nlohmann::json body = {{"value", std::move(value)}};
    if (start + count < limit) {
      std::vector<std::pair<std::string, std::string>> params;
      for (const auto& [k, v] : req.query_params) {
        if (k != "$skip" && k != "$skiptoken" && k != "$top") params.emplace_back(k, v);
      }
      if (q.top) params.emplace_back("$top", std::to_string(*q.top));
      params.emplace_back("$skiptoken", std::to_string(start + count));
      std::string query;
      for (const auto& [k, v] : params) {
        query += (query.empty() ? "?" : "&") + url_encode_component(k) + "=" + url_encode_component(v);
      }
      body["@odata.nextLink"] = "http://" + std::string(req.header("Host")) + req.path + query;
    }
    return json_answer(200, body);
  }

  static std::string url_encode_component(const std::string& s) {
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

  static nlohmann::json select(const nlohmann::json& entity, const std::vector<std::string>& fields) {
    if (fields.empty()) return entity;
    nlohmann::json out = {{"@odata.etag", entity.value("@odata.etag", "")}};
    for (const auto& f : fields) {
      if (entity.contains(f)) out[f] = entity[f];
    }
    return out;
  }

  void check_if_match(const server_request& req, const std::string& id, std::uint64_t version) const {
    const auto if_match = std::string(req.header("If-Match"));
    if (if_match.empty()) {
      if (context_->settings().boolean(setting::require_if_match)) {
        refuse(400, "BadRequest_InvalidToken",
               "Could not validate the client concurrency token required by the service. Please "
               "provide a valid token in the client request.");
      }
      return;
    }
    if (if_match != "*" && if_match != etag_of(id, version)) {
      refuse(static_cast<unsigned>(context_->settings().integer(setting::entity_changed_status)),
             "Request_EntityChanged", "Another user has already changed the record.");
    }
  }

  nlohmann::json vendor_view(const stored_entity& e) const {
    auto out = e.fields;
    out["@odata.etag"] = etag_of(e.fields.value("id", ""), e.version);
    return out;
  }

  void check_vendor_fields(const nlohmann::json& body, const std::string& self_id) {
    if (!body.is_object()) refuse(400, "BadRequest", "The request body must be a JSON object.");
    for (const auto& [name, value] : body.items()) {
      if (name == "id" || name == "balance" || name == "lastModifiedDateTime") {
        refuse(400, "BadRequest_InvalidOperation", "The field " + name + " of Vendor is read-only.");
      }
      if (vendor_writable().count(name) == 0) {
        refuse(400, "BadRequest", "The property '" + name + "' does not exist on type 'Microsoft.NAV.vendor'.");
      }
      if (name == "taxLiable") {
        if (!value.is_boolean()) refuse(400, "BadRequest", "taxLiable must be true or false.");
        continue;
      }
      if (!value.is_string()) refuse(400, "BadRequest", "Cannot convert the value of " + name + " to 'Edm.String'.");
      refuse_too_long(value.get<std::string>(), vendor_max_length(name));
      if (name == "blocked") {
        const auto b = value.get<std::string>();
        if (b != " " && b != "" && b != "Payment" && b != "All") {
          refuse(400, "Application_EvaluateException", "Cannot convert '" + b + "' to an option of the field Blocked.");
        }
      }
    }
    if (const auto n = text_of(body, "number"); !n.empty()) {
      for (const auto* v : vendors_.all()) {
        if (text_of(v->fields, "number") == n && text_of(v->fields, "id") != self_id) {
          refuse(static_cast<unsigned>(context_->settings().integer(setting::same_key_status)),
                 "Internal_EntityWithSameKeyExists",
                 "The record in table Vendor already exists. Identification fields and values: "
                 "No.='" + n + "'");
        }
      }
    }
  }

  server_response vendors(const server_request& req, const std::string& id) {
    if (id.empty()) {
      if (req.method == "GET") {
        const auto q = query_of(req);
        std::vector<nlohmann::json> matched;
        for (const auto* v : vendors_.all()) {
          auto view = vendor_view(*v);
          if (matches(view, q.filter)) matched.push_back(std::move(view));
        }
        return page(req, q, matched);
      }
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      const auto body = parse_body(req);
      check_vendor_fields(body, "");
      nlohmann::json v = {{"id", new_guid()},
                          {"number", text_of(body, "number")},
                          {"displayName", ""}, {"addressLine1", ""}, {"addressLine2", ""},
                          {"city", ""}, {"state", ""}, {"country", ""}, {"postalCode", ""},
                          {"phoneNumber", ""}, {"email", ""}, {"website", ""},
                          {"taxRegistrationNumber", ""}, {"currencyCode", ""},
                          {"irs1099Code", ""}, {"taxLiable", false}, {"blocked", " "},
                          {"balance", adapters::make_decimal(decimal{})}};
      if (text_of(v, "number").empty()) v["number"] = "V" + std::to_string(10000 + 10 * ++vendor_counter_);
      for (const auto& [name, value] : body.items()) v[name] = value;
      v["lastModifiedDateTime"] = "2026-01-01T00:00:00Z";
      const auto vid = v["id"].get<std::string>();
      auto& stored = vendors_.insert(vid, std::move(v));
      context_->effects().record_write("vendor", vid, text_of(stored.fields, "number"));
      return json_answer(201, vendor_view(stored));
    }
    auto* v = vendors_.find(id);
    if (!v) refuse(404, "BadRequest_NotFound", "The Vendor does not exist. Identification fields and values: Id='" + id + "'");
    if (req.method == "GET") return json_answer(200, vendor_view(*v));
    if (req.method != "PATCH") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
    check_if_match(req, id, v->version);
    const auto body = parse_body(req);
    check_vendor_fields(body, id);
    for (const auto& [name, value] : body.items()) v->fields[name] = value;
    ++v->version;
    context_->effects().record_write("vendor", id, text_of(v->fields, "number"));
    return json_answer(200, vendor_view(*v));
  }

  const stored_entity* find_vendor(const nlohmann::json& body) {
    if (const auto vid = text_of(body, "vendorId"); !vid.empty()) return vendors_.find(vid);
    const auto number = text_of(body, "vendorNumber");
    for (const auto* v : vendors_.all()) {
      if (!number.empty() && text_of(v->fields, "number") == number) return v;
    }
    return nullptr;
  }

  server_response documents(const server_request& req, purchase_documents& docs,
                            const std::string& id, const std::string& tail) {
    const auto& kind = docs.kind();
    if (id.empty()) {
      if (!tail.empty()) refuse(404, "BadRequest_ResourceNotFound", "Resource not found.");
      if (req.method == "GET") {
        const auto q = query_of(req);
        if (!q.expand.empty() && q.expand != kind.lines) {
          refuse(400, "BadRequest", "Could not find a property named '" + q.expand + "'.");
        }
        std::vector<nlohmann::json> matched;
        for (const auto* d : docs.table().all()) {
          auto view = docs.view(*d, !q.expand.empty());
          if (matches(view, q.filter)) matched.push_back(std::move(view));
        }
        return page(req, q, matched);
      }
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      const auto& created = docs.create(parse_body(req), [this](const nlohmann::json& b) { return find_vendor(b); });
      const bool expand = req.query("$expand").has_value();
      return json_answer(201, docs.view(created, expand));
    }
    auto* doc = docs.table().find(id);
    if (!doc) refuse(404, "BadRequest_NotFound", "The " + kind.label + " does not exist. Identification fields and values: Id='" + id + "'");
    if (tail == "Microsoft.NAV.post") {
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      docs.post(id);
      return server_response{204, {}, "", http_delivery::normal, 0};
    }
    if (tail == kind.lines) {
      if (req.method == "GET") {
        return json_answer(200, {{"value", doc->fields[kind.lines]}});
      }
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      return json_answer(201, docs.add_line(id, parse_body(req)));
    }
    if (!tail.empty()) refuse(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + tail + "'.");
    if (req.method == "GET") {
      const auto q = query_of(req);
      return json_answer(200, docs.view(*doc, q.expand == kind.lines));
    }
    if (req.method == "DELETE") {
      docs.remove(id, std::string(req.header("If-Match")));
      return server_response{204, {}, "", http_delivery::normal, 0};
    }
    refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
  }

  server_response journals(const server_request& req, const std::string& id, const std::string& tail) {
    if (id.empty()) {
      if (!tail.empty()) refuse(404, "BadRequest_ResourceNotFound", "Resource not found.");
      if (req.method == "GET") {
        const auto q = query_of(req);
        std::vector<nlohmann::json> matched;
        for (const auto* j : journals_->journals().all()) {
          auto view = journal_view(*j);
          if (matches(view, q.filter)) matched.push_back(std::move(view));
        }
        return page(req, q, matched);
      }
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      return json_answer(201, journal_view(journals_->create_journal(parse_body(req))));
    }
    auto* j = journals_->journals().find(id);
    if (!j) refuse(404, "BadRequest_NotFound", "The journal does not exist. Identification fields and values: Id='" + id + "'");
    if (tail == "Microsoft.NAV.post") {
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      journals_->post(id);
      return server_response{204, {}, "", http_delivery::normal, 0};
    }
    if (tail == "journalLines") {
      if (req.method == "GET") {
        const auto q = query_of(req);
        std::vector<nlohmann::json> matched;
        for (const auto& l : journals_->lines(id)) {
          if (matches(l, q.filter)) matched.push_back(l);
        }
        return page(req, q, matched);
      }
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      return json_answer(201, journals_->add_line(id, parse_body(req)));
    }
    if (!tail.empty()) refuse(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + tail + "'.");
    if (req.method != "GET") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
    return json_answer(200, journal_view(*j));
  }

  server_response payment_lines(const server_request& req, const std::string& journal_id) {
    const auto q = query_of(req);
    std::vector<nlohmann::json> matched;
    for (const auto& l : payments_->lines(journal_id)) {
      if (matches(l, q.filter)) matched.push_back(l);
    }
    return page(req, q, matched);
  }

  // vendorPaymentJournals: batches of vendor payments (vendor_payments.hpp).
  server_response payment_journals(const server_request& req, const std::string& id, const std::string& tail) {
    if (id.empty()) {
      if (!tail.empty()) refuse(404, "BadRequest_ResourceNotFound", "Resource not found.");
      if (req.method == "GET") {
        const auto q = query_of(req);
        std::vector<nlohmann::json> matched;
        for (const auto* j : payments_->journals().all()) {
          auto view = journal_view(*j);
          if (matches(view, q.filter)) matched.push_back(std::move(view));
        }
        return page(req, q, matched);
      }
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      return json_answer(201, journal_view(payments_->create_journal(parse_body(req))));
    }
    auto* j = payments_->journals().find(id);
    if (!j) refuse(404, "BadRequest_NotFound", "The vendor payment journal does not exist. Identification fields and values: Id='" + id + "'");
    if (tail == "Microsoft.NAV.post" || tail == "Microsoft.NAV.reverse") {
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      if (tail == "Microsoft.NAV.post") {
        payments_->post(id);
      } else {
        payments_->reverse(id, req.body.empty() ? nlohmann::json::object() : parse_body(req));
      }
      return server_response{204, {}, "", http_delivery::normal, 0};
    }
    if (tail == "vendorPayments") {
      if (req.method == "GET") return payment_lines(req, id);
      if (req.method != "POST") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
      return json_answer(201, payments_->add_line(id, parse_body(req), [this](const nlohmann::json& b) { return find_vendor(b); }));
    }
    if (!tail.empty()) refuse(404, "BadRequest_ResourceNotFound", "Resource not found for the segment '" + tail + "'.");
    if (req.method != "GET") refuse(405, "BadRequest_MethodNotAllowed", "'" + req.method + "' is not allowed.");
    return json_answer(200, journal_view(*j));
  }

  static nlohmann::json journal_view(const stored_entity& j) {
    nlohmann::json out = {{"@odata.etag", etag_of(j.fields.value("id", ""), j.version)}};
    for (const auto& [name, value] : j.fields.items()) {
      if (name != "journalLines" && name != "vendorPayments") out[name] = value;
    }
    return out;
  }

  simulator_context* context_ = nullptr;
  std::unique_ptr<bc_auth> auth_;
  std::mutex mutex_;
  entity_table vendors_;
  std::uint64_t vendor_counter_ = 0;
  std::unique_ptr<purchase_documents> invoices_;
  std::unique_ptr<purchase_documents> credit_memos_;
  std::unique_ptr<general_journals> journals_;
  std::unique_ptr<vendor_payments> payments_;
};

}  // namespace

std::unique_ptr<vendor_simulator> make_business_central_simulator() {
  return std::make_unique<business_central_simulator>();
}

}  // namespace erpc::sim
