// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/netsuite/netsuite_simulator.hpp"

#include "exact_json.hpp"
#include "netsuite_errors.hpp"
#include "netsuite_settings.hpp"
#include "record_query.hpp"
#include "record_store.hpp"

#include <erpc/adapters/oauth1_signer.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace erpc::sim::netsuite {

namespace {

constexpr std::string_view record_prefix = "/services/rest/record/v1/";
constexpr std::string_view job_prefix = "/services/rest/async/v1/job/";
constexpr std::string_view idempotency_detail =
    "A request with the same idempotency key is already submitted. See the \"Location\" header "
    "for the earlier request.";

// One record write, as a synchronous request states it or an async job replays it.
struct write_request {
  std::string method;  // POST | PUT | PATCH
  std::string type;    // canonical record type
  std::string ref;     // "" for POST; internal id or eid:X
  std::string body;
  std::string origin;  // "http://host:port", for Location
};

struct async_job {
  std::uint64_t id = 0;
  write_request request;
  std::chrono::steady_clock::time_point due;
  bool completed = false;
  server_response result;
};

std::string origin_of(const server_request& req) {
  const auto host = req.header("Host");
  return "http://" + std::string(host.empty() ? "127.0.0.1" : host);
}

bool valid_external_id(std::string_view id) {
  if (id.empty()) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

bool prefers(const server_request& req, std::string_view token) {
  return req.header("Prefer").find(token) != std::string_view::npos;
}

server_response no_content(unsigned status, const std::string& location) {
  server_response res;
  res.status = status;
  if (!location.empty()) res.headers.set("Location", location);
  return res;
}

std::string invalid_value_detail(const std::string& value, std::string_view field) {
  return "Error while accessing resource: You have entered an Invalid Field Value " + value +
         " for the following field: " + std::string(field);
}

}  // namespace

struct netsuite_simulator::impl {
  simulator_context* context = nullptr;
  std::atomic<std::size_t> in_flight{0};

  std::mutex mutex;  // guards everything below
  record_store store;
  std::map<std::uint64_t, async_job> jobs;
  std::map<std::string, std::uint64_t> idempotency_keys;
  std::set<std::string> used_nonces;  // "nonce|timestamp"
  std::uint64_t next_job = 1;

  simulator_settings& settings() { return context->settings(); }

  server_response not_found(std::string_view what) {
    return error_body(404, settings().text(settings::not_found_code),
                      std::string(what) + " was not found.");
  }

  // ---- authentication (vendors.md §1.3) ----

  std::optional<server_response> refuse_unauthenticated(const server_request& req) {
    if (settings().text(settings::auth_mode) == "none") return std::nullopt;
    const auto auth = oauth1::parse_authorization(req.header("Authorization"));
    if (!auth || auth->realm != settings().text(settings::account_id) ||
        auth->param("oauth_consumer_key") != settings().text(settings::consumer_key) ||
        auth->param("oauth_token") != settings().text(settings::token_id)) {
      return invalid_login();
    }
    const auto nonce = auth->param("oauth_nonce");
    const auto timestamp = auth->param("oauth_timestamp");
    const auto version = auth->param("oauth_version");
    if (!nonce || nonce->size() < 6 || !timestamp || (version && *version != "1.0")) {
      return invalid_login();
    }
    const bool form = req.header("Content-Type").find("application/x-www-form-urlencoded") !=
                      std::string_view::npos;
    const auto verdict = oauth1::verify_signature(
        *auth, req.method, origin_of(req) + req.target, settings().text(settings::consumer_secret),
        settings().text(settings::token_secret), oauth1::signature_method::hmac_sha256,
        form ? std::string_view(req.body) : std::string_view{});
    if (verdict != oauth1::verdict::ok) return invalid_login();
    // Checked after the signature, so a forged request cannot burn someone's nonce.
    const std::lock_guard lock(mutex);
    if (!used_nonces.insert(*nonce + "|" + *timestamp).second) return invalid_login();
    return std::nullopt;
  }

  // ---- concurrency governance (vendors.md §1.5) ----

  server_response over_limit() {
    const auto form = settings().text(settings::concurrency_error_form);
    server_response res;
    if (form == "restlet_400") {
      res = error_body(400, "SSS_REQUEST_LIMIT_EXCEEDED",
                       "The request could not be processed: the account's concurrency limit "
                       "was reached.");
    } else if (form == "invalid_login") {
      res = invalid_login();
    } else {
      res = error_body(429, settings().text(settings::concurrency_error_code),
                       "Too Many Requests: the account's concurrency limit was reached.");
    }
    if (const auto after = settings().integer(settings::concurrency_retry_after); after > 0) {
      res.headers.set("Retry-After", std::to_string(after));
    }
    return res;
  }

  server_response governed(const server_request& req, const http_handler& next) {
    if (auto refusal = refuse_unauthenticated(req)) return std::move(*refusal);
    const std::size_t now = ++in_flight;
    struct slot {
      std::atomic<std::size_t>& count;
      ~slot() { --count; }
    } held{in_flight};
    const auto limit = settings().integer(settings::concurrency_limit);
    if (limit > 0 && now > static_cast<std::size_t>(limit)) return over_limit();
    if (const auto delay = settings().integer(settings::response_delay_ms); delay > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
    }
    {
      const std::lock_guard lock(mutex);
      run_due_jobs_locked();
    }
    return next(req);
  }

  // ---- records (vendors.md §1.1, §1.2) ----

  std::optional<std::string> canonical(const server_request& req) {
    return record_store::canonical_type(req.path_param("type"));
  }

  std::string location_of(const std::string& origin, const ns_record& r) {
    return origin + std::string(record_prefix) + r.type + "/" + r.id;
  }

  // A reference object {"id": …} or {"externalId": …} to a record of one of `types`.
  bool reference_exists(const nlohmann::json& ref, std::initializer_list<const char*> types) {
    for (const char* type : types) {
      if (ref.contains("id") && store.find(type, scalar_text(ref["id"]))) return true;
      if (ref.contains("externalId") &&
          store.find_by_external_id(type, scalar_text(ref["externalId"]))) {
        return true;
      }
    }
    return false;
  }

  std::optional<server_response> refuse_references(const std::string& type,
                                                 const nlohmann::json& body, bool partial) {
    if (!settings().boolean(settings::check_references)) return std::nullopt;
    const bool needs_entity =
        type == "vendorBill" || type == "vendorCredit" || type == "vendorPayment";
    if (needs_entity) {
      if (!body.contains("entity")) {
        if (partial) return std::nullopt;
        return error_body(400, "USER_ERROR", "Please enter value(s) for: Vendor",
                          {"entity", "", ""});
      }
      const auto& entity = body["entity"];
      if (!entity.is_object() || !reference_exists(entity, {"vendor"})) {
        return error_body(400, "INVALID_CONTENT",
                          invalid_value_detail(scalar_text(entity), "entity"), {"entity", "", ""});
      }
    }
    if (type == "vendorPayment" && body.contains("apply")) {
      const auto& items = body["apply"].value("items", nlohmann::json::array());
      for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& doc = items[i].value("doc", nlohmann::json());
        if (!doc.is_object() || !reference_exists(doc, {"vendorBill", "vendorCredit"})) {
          const auto path = "apply.items[" + std::to_string(i) + "].doc";
          return error_body(400, "INVALID_CONTENT", invalid_value_detail(scalar_text(doc), "doc"),
                            {path, "", ""});
        }
      }
    }
    return std::nullopt;
  }

  void merge(ns_record& record, const nlohmann::json& body) {
    if (!record.fields.is_object()) record.fields = nlohmann::json::object();
    for (const auto& [name, value] : body.items()) record.fields[name] = value;
  }

  // ---- payables: open bills, payments applied to them, voids (sim model; vendors.md §1 is
  // silent on all of it, so each choice is a setting in netsuite_settings.cpp) ----

  static decimal field_amount(const nlohmann::json& o, const char* name) {
    if (!o.is_object() || !o.contains(name)) return decimal{};
    return to_decimal(o[name]).value_or(decimal{});
  }

  static const nlohmann::json& sublist(const nlohmann::json& body, const char* name) {
    static const nlohmann::json empty = nlohmann::json::array();
    if (!body.is_object() || !body.contains(name) || !body[name].is_object()) return empty;
    const auto& items = body[name];
    return items.contains("items") && items["items"].is_array() ? items["items"] : empty;
  }

  // A new bill: its total (the expense lines' gross), open for that amount, approval as set.
  void open_bill(nlohmann::json& body) {
    decimal total;
    for (const auto& item : sublist(body, "expense")) {
      total += item.contains("grossAmt") ? field_amount(item, "grossAmt")
                                         : field_amount(item, "amount") + field_amount(item, "tax1Amt");
    }
    body["total"] = make_decimal(total);
    body["amountRemaining"] = make_decimal(total);
    body["status"] = {{"id", total.is_zero() ? "paidInFull" : "open"},
                      {"refName", total.is_zero() ? "Paid In Full" : "Open"}};
    if (!body.contains("approvalStatus")) {
      const bool approved = settings().text(settings::bill_approval_default) == "approved";
      body["approvalStatus"] = {{"id", approved ? "2" : "1"},
                                {"refName", approved ? "Approved" : "Pending Approval"}};
    }
  }

  static void set_remaining(ns_record& bill, const decimal& remaining) {
    bill.fields["amountRemaining"] = make_decimal(remaining);
    const bool paid = remaining.is_zero();
    bill.fields["status"] = {{"id", paid ? "paidInFull" : "open"},
                             {"refName", paid ? "Paid In Full" : "Open"}};
  }

  ns_record* bill_of(const nlohmann::json& doc) {
    if (!doc.is_object()) return nullptr;
    if (doc.contains("id")) return store.find("vendorBill", scalar_text(doc["id"]));
    if (doc.contains("externalId")) {
      return store.find_by_external_id("vendorBill", scalar_text(doc["externalId"]));
    }
    return nullptr;
  }

  // Applies a new vendorPayment to its bills: all lines are checked before any bill changes.
  // The bills' amountRemaining is NetSuite's bookkeeping, not a write of the client's: it is
  // not counted as an effect on the bill (the payment is the effect).
  std::optional<server_response> apply_payment(const nlohmann::json& body) {
    const bool strict = settings().text(settings::overapplication) == "reject";
    const auto& items = sublist(body, "apply");
    std::map<ns_record*, decimal> take;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto& item = items[i];
      if (item.is_object() && item.contains("apply") && item["apply"] == false) continue;
      auto* bill = bill_of(item.value("doc", nlohmann::json()));
      if (!bill) continue;  // a vendor credit, or refused earlier by check_references
      take[bill] += field_amount(item, "amount") + field_amount(item, "disc");
      const auto path = "apply.items[" + std::to_string(i) + "].amount";
      const auto approval = bill->fields.value("approvalStatus", nlohmann::json::object());
      if (strict && scalar_text(approval.value("id", nlohmann::json("2"))) != "2") {
        return error_body(400, "INVALID_CONTENT",
                          "The bill " + bill->id + " is not approved for payment.", {path, "", ""});
      }
      if (strict && field_amount(bill->fields, "amountRemaining") - take[bill] < decimal{}) {
        return error_body(400, "INVALID_CONTENT",
                          "The amount applied to bill " + bill->id + " exceeds its amount due.",
                          {path, "", ""});
      }
    }
    for (auto& [bill, amount] : take) {
      auto remaining = field_amount(bill->fields, "amountRemaining") - amount;
      if (remaining < decimal{}) remaining = decimal{};
      set_remaining(*bill, remaining);
    }
    return std::nullopt;
  }

  // PATCH {"voided": true}: the payment's applied amounts return to its bills, once.
  std::optional<server_response> void_payment(ns_record& payment, const nlohmann::json& body) {
    if (!body.contains("voided")) return std::nullopt;
    const bool already = payment.fields.value("voided", false) == true;
    if (settings().text(settings::void_method) == "refuse") {
      return error_body(400, "INVALID_CONTENT", "The field voided cannot be set.",
                        {"voided", "", ""});
    }
    if (body["voided"] != true) {
      if (!already) return std::nullopt;
      return error_body(400, "INVALID_CONTENT", "A voided transaction cannot be restored.",
                        {"voided", "", ""});
    }
    if (already) return std::nullopt;
    for (const auto& item : sublist(payment.fields, "apply")) {
      if (item.is_object() && item.contains("apply") && item["apply"] == false) continue;
      auto* bill = bill_of(item.value("doc", nlohmann::json()));
      if (!bill) continue;
      const auto amount = field_amount(item, "amount") + field_amount(item, "disc");
      auto remaining = field_amount(bill->fields, "amountRemaining") + amount;
      const auto total = field_amount(bill->fields, "total");
      if (total < remaining) remaining = total;
      set_remaining(*bill, remaining);
    }
    payment.fields["status"] = {{"id", "voided"}, {"refName", "Voided"}};
    return std::nullopt;
  }

  // Runs one write with the lock held (synchronous requests and async jobs alike).
  server_response write_locked(const write_request& w) {
    nlohmann::json body;
    try {
      body = parse_exact(w.body.empty() ? std::string_view("{}") : std::string_view(w.body));
    } catch (const invalid_json& e) {
      return error_body(400, "INVALID_CONTENT",
                        std::string("Error while accessing resource: ") + e.what());
    }
    if (!body.is_object()) {
      return error_body(400, "INVALID_CONTENT", "The request body must be a JSON object.");
    }
    if (body.contains("id")) {
      return error_body(400, "INVALID_CONTENT", "The field id is read-only.", {"id", "", ""});
    }
    std::string external_id;
    if (body.contains("externalId")) {
      const auto& e = body["externalId"];
      if (!e.is_string() || !valid_external_id(e.get<std::string>())) {
        return error_body(400, "INVALID_CONTENT",
                          "An external ID takes letters, digits, '_' and '-' only.",
                          {"externalId", "", ""});
      }
      external_id = e.get<std::string>();
      body.erase("externalId");
    }
    body.erase("links");
    if (auto refusal = refuse_references(w.type, body, w.method == "PATCH")) return *refusal;

    if (w.method == "POST") return create(w, external_id, std::move(body));
    if (w.method == "PUT") return upsert(w, external_id, std::move(body));
    return patch(w, external_id, body);
  }

  server_response create(const write_request& w, const std::string& external_id,
                       nlohmann::json body) {
    if (!external_id.empty()) {
      if (auto* existing = store.find_by_external_id(w.type, external_id)) {
        if (settings().text(settings::duplicate_external_id) == "reject") {
          return error_body(400, settings().text(settings::duplicate_error_code),
                            "A record of type " + w.type + " with the external ID " + external_id +
                                " already exists.",
                            {"externalId", "", ""});
        }
        merge(*existing, body);
        context->effects().record_write(w.type, existing->id, external_id);
        return no_content(204, location_of(w.origin, *existing));
      }
    }
    if (auto refusal = prepare_new(w.type, body)) return *refusal;
    auto& r = store.create(w.type, external_id, std::move(body));
    context->effects().record_write(w.type, r.id, external_id);
    return no_content(204, location_of(w.origin, r));
  }

  // A new bill opens; a new payment is applied to its bills (or refused, writing nothing).
  std::optional<server_response> prepare_new(const std::string& type, nlohmann::json& body) {
    if (type != "vendorBill" && type != "vendorPayment") return std::nullopt;
    for (const char* read_only : {"amountRemaining", "total", "status", "voided"}) {
      body.erase(read_only);
    }
    if (type == "vendorBill") open_bill(body);
    if (type == "vendorPayment") {
      if (auto refusal = payment_exchange_rate(body)) return refusal;
      return apply_payment(body);
    }
    return std::nullopt;
  }

  // A payment in a foreign currency carries the rate to the subsidiary's base currency on its
  // date: the one the client sets, else the account's rate table (setting).
  std::optional<server_response> payment_exchange_rate(nlohmann::json& body) {
    if (body.contains("exchangeRate")) {
      const auto given = to_decimal(body["exchangeRate"]);
      if (!given || !(decimal{} < *given)) {
        return error_body(400, "INVALID_CONTENT", "Invalid exchangeRate.",
                          {"exchangeRate", "", ""});
      }
      return std::nullopt;
    }
    const auto currency = body.contains("currency") && body["currency"].is_object()
                              ? scalar_text(body["currency"].value("id", nlohmann::json()))
                              : std::string();
    decimal rate = *decimal::parse("1");
    const auto table = settings().text(settings::exchange_rates);
    std::size_t begin = 0;
    while (begin < table.size()) {
      auto end = table.find(';', begin);
      if (end == std::string::npos) end = table.size();
      const auto item = table.substr(begin, end - begin);
      begin = end + 1;
      const auto eq = item.find('=');
      if (eq == std::string::npos || item.substr(0, eq) != currency) continue;
      const auto parsed = decimal::parse(item.substr(eq + 1));
      if (!parsed || !(decimal{} < *parsed)) {
        return error_body(500, "UNEXPECTED_ERROR",
                          "The simulator's payables.exchange_rates setting is invalid.");
      }
      rate = *parsed;
    }
    body["exchangeRate"] = make_decimal(rate);
    return std::nullopt;
  }

  server_response upsert(const write_request& w, const std::string& body_external_id,
                       nlohmann::json body) {
    if (w.ref.rfind("eid:", 0) != 0) {
      return error_body(400, "INVALID_PARAMETER",
                        "Upsert requires an external ID in the URL (…/eid:<externalId>).");
    }
    const std::string external_id = w.ref.substr(4);
    if (!valid_external_id(external_id)) {
      return error_body(400, "INVALID_PARAMETER",
                        "An external ID takes letters, digits, '_' and '-' only.");
    }
    if (!body_external_id.empty() && body_external_id != external_id) {
      return error_body(400, "INVALID_CONTENT",
                        "The externalId in the body differs from the one in the URL.",
                        {"externalId", "", ""});
    }
    const auto status = static_cast<unsigned>(settings().integer(settings::upsert_status));
    if (auto* existing = store.find_by_external_id(w.type, external_id)) {
      merge(*existing, body);
      context->effects().record_write(w.type, existing->id, external_id);
      return no_content(status, location_of(w.origin, *existing));
    }
    if (auto refusal = refuse_references(w.type, body, false)) return *refusal;
    if (auto refusal = prepare_new(w.type, body)) return *refusal;
    auto& r = store.create(w.type, external_id, std::move(body));
    context->effects().record_write(w.type, r.id, external_id);
    return no_content(status, location_of(w.origin, r));
  }

  server_response patch(const write_request& w, const std::string& external_id,
                      const nlohmann::json& body) {
    auto* record = store.find(w.type, w.ref);
    if (!record) return not_found("The record " + w.type + " " + w.ref);
    if (!external_id.empty() && external_id != record->external_id) {
      // Changing a record's external id is not something an adapter under test needs.
      return error_body(400, "INVALID_CONTENT",
                        "The simulator does not change the external ID of an existing record.",
                        {"externalId", "", ""});
    }
    if (w.type == "vendorPayment") {
      if (auto refusal = void_payment(*record, body)) return *refusal;
    }
    nlohmann::json changes = body;
    if (w.type == "vendorBill" || w.type == "vendorPayment") {
      for (const char* read_only : {"amountRemaining", "total", "status"}) changes.erase(read_only);
    }
    merge(*record, changes);
    context->effects().record_write(w.type, record->id, record->external_id);
    return no_content(204, location_of(w.origin, *record));
  }

  // ---- async (vendors.md §1.2) ----

  server_response duplicate_key(std::uint64_t job_id) {
    // Status 400 with title "Conflict" and the 409 link: odd, but what Oracle documents.
    auto res = error_body(
        400, "IDEMPOTENCY_ERROR", idempotency_detail,
        {"", "Conflict", "https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.10"});
    res.headers.set("Location", std::string(job_prefix) + std::to_string(job_id));
    res.headers.set("Preference-Applied", "respond-async");
    return res;
  }

  void run_due_jobs_locked() {
    const auto now = std::chrono::steady_clock::now();
    for (auto& [id, job] : jobs) {
      if (!job.completed && job.due <= now) {
        job.result = write_locked(job.request);
        job.completed = true;
      }
    }
  }

  server_response write(const server_request& req, write_request w) {
    const std::string key(req.header("X-NetSuite-idempotency-key"));
    const bool async = prefers(req, "respond-async");
    const std::lock_guard lock(mutex);
    if (!async) {
      const bool enforce =
          !key.empty() && settings().text(settings::idempotency_key_sync) == "enforced";
      if (enforce) {
        if (const auto it = idempotency_keys.find(key); it != idempotency_keys.end()) {
          return duplicate_key(it->second);
        }
      }
      auto res = write_locked(w);
      if (enforce) {
        // Remember the synchronous answer as a finished job, so a repeat can point at it.
        const auto id = next_job++;
        jobs[id] = async_job{id, w, std::chrono::steady_clock::now(), true, res};
        idempotency_keys[key] = id;
      }
      return res;
    }
    if (!key.empty()) {
      if (const auto it = idempotency_keys.find(key); it != idempotency_keys.end()) {
        return duplicate_key(it->second);
      }
    }
    const auto id = next_job++;
    const auto delay = std::chrono::milliseconds(settings().integer(settings::async_job_delay_ms));
    auto& job = jobs[id] =
        async_job{id, std::move(w), std::chrono::steady_clock::now() + delay, false, {}};
    if (!key.empty()) idempotency_keys[key] = id;
    if (delay.count() == 0) {
      job.result = write_locked(job.request);
      job.completed = true;
    }
    server_response res;
    res.status = 202;
    res.headers.set("Location", std::string(job_prefix) + std::to_string(id));
    res.headers.set("Preference-Applied", "respond-async");
    return res;
  }

  async_job* find_job(std::string_view text) {
    std::uint64_t id = 0;
    for (const char c : text) {
      if (c < '0' || c > '9' || id > 1'000'000'000'000) return nullptr;
      id = id * 10 + static_cast<std::uint64_t>(c - '0');
    }
    const auto it = jobs.find(id);
    return text.empty() || it == jobs.end() ? nullptr : &it->second;
  }

  server_response job_status(const server_request& req) {
    const std::lock_guard lock(mutex);
    run_due_jobs_locked();
    const auto* job = find_job(req.path_param("job"));
    if (!job) return not_found("The job " + std::string(req.path_param("job")));
    const std::string self = origin_of(req) + std::string(job_prefix) + std::to_string(job->id);
    const bool failed = job->completed && job->result.status >= 400;
    const nlohmann::json body = {
        {"id", std::to_string(job->id)},
        {"completed", job->completed},
        {"progress", !job->completed ? "pending"
                     : failed        ? "failed"
                                     : "succeeded"},
        {"links", {{{"rel", "self"}, {"href", self}}}},
        {"task",
         {{"id", std::to_string(job->id)},
          {"links",
           {{{"rel", "result"},
             {"href", self + "/task/" + std::to_string(job->id) + "/result"}}}}}}};
    return server_response::json(200, body.dump());
  }

  server_response job_result(const server_request& req) {
    const std::lock_guard lock(mutex);
    run_due_jobs_locked();
    const auto* job = find_job(req.path_param("job"));
    if (!job || req.path_param("task") != std::to_string(job->id)) {
      return not_found("The job task " + std::string(req.path_param("task")));
    }
    if (!job->completed) {
      return error_body(400, "INVALID_REQUEST", "The job has not completed yet.");
    }
    return job->result;
  }

  // ---- reads and queries (vendors.md §1.1, §1.6) ----

  server_response get_record(const server_request& req) {
    const auto type = canonical(req);
    if (!type) return not_found("The record type " + std::string(req.path_param("type")));
    const std::lock_guard lock(mutex);
    const auto* r = store.find(*type, req.path_param("id"));
    if (!r) return not_found("The record " + *type + " " + std::string(req.path_param("id")));
    nlohmann::json body = r->fields.is_object() ? r->fields : nlohmann::json::object();
    body["id"] = r->id;
    if (!r->external_id.empty()) body["externalId"] = r->external_id;
    body["links"] = {{{"rel", "self"}, {"href", location_of(origin_of(req), *r)}}};
    auto res = server_response::json(200, dump_exact(body));
    return res;
  }

  server_response list_records(const server_request& req) {
    const auto type = canonical(req);
    if (!type) return not_found("The record type " + std::string(req.path_param("type")));
    try {
      const auto page = read_page(req);
      const auto q = req.query("q");
      const auto conditions = q ? parse_record_filter(*q) : std::vector<condition>{};
      std::vector<nlohmann::json> items;
      const std::string origin = origin_of(req);
      {
        const std::lock_guard lock(mutex);
        for (const auto* r : store.list(*type)) {
          if (!matches(*r, conditions)) continue;
          items.push_back(
              {{"links", {{{"rel", "self"}, {"href", location_of(origin, *r)}}}}, {"id", r->id}});
        }
      }
      const std::string kept = q ? "q=" + oauth1::percent_encode(*q) : "";
      return server_response::json(
          200,
          page_document(items, page, origin + std::string(record_prefix) + *type, kept).dump());
    } catch (const query_error& e) {
      return error_body(400, "INVALID_PARAMETER", e.what());
    }
  }

  server_response suiteql(const server_request& req) {
    if (settings().boolean(settings::suiteql_require_transient) && !prefers(req, "transient")) {
      return error_body(400, "INVALID_PARAMETER",
                        "A SuiteQL query requires the header Prefer: transient.");
    }
    try {
      const auto page = read_page(req);
      nlohmann::json body;
      try {
        body = parse_exact(req.body);
      } catch (const invalid_json& e) {
        return error_body(400, "INVALID_CONTENT", e.what());
      }
      if (!body.is_object() || !body.contains("q") || !body["q"].is_string()) {
        return error_body(400, "INVALID_CONTENT", "The body must be {\"q\": \"SELECT …\"}.");
      }
      const auto query = parse_suiteql(body["q"].get<std::string>());
      std::vector<nlohmann::json> rows;
      {
        const std::lock_guard lock(mutex);
        rows = run_suiteql(query, store);
      }
      return server_response::json(
          200,
          page_document(rows, page, origin_of(req) + "/services/rest/query/v1/suiteql", "").dump());
    } catch (const query_error& e) {
      return error_body(400, "INVALID_PARAMETER", e.what());
    }
  }

  server_response write_route(const server_request& req, std::string method) {
    const auto type = canonical(req);
    if (!type) return not_found("The record type " + std::string(req.path_param("type")));
    return write(req, write_request{std::move(method), *type, std::string(req.path_param("id")),
                                    req.body, origin_of(req)});
  }
};

netsuite_simulator::netsuite_simulator() : impl_(std::make_unique<impl>()) {}
netsuite_simulator::~netsuite_simulator() = default;

std::vector<setting_spec> netsuite_simulator::settings() const { return netsuite_setting_specs(); }

void netsuite_simulator::install(http_router& router, simulator_context& context) {
  impl_->context = &context;
  impl* s = impl_.get();
  router.use([s](const server_request& req, const http_handler& next) {
    if (req.path.rfind("/services/rest/", 0) != 0) return next(req);
    return s->governed(req, next);
  });
  const std::string records(record_prefix);
  router.post(records + "{type}", [s](const server_request& r) { return s->write_route(r, "POST"); });
  router.get(records + "{type}", [s](const server_request& r) { return s->list_records(r); });
  router.get(records + "{type}/{id}", [s](const server_request& r) { return s->get_record(r); });
  router.put(records + "{type}/{id}",
             [s](const server_request& r) { return s->write_route(r, "PUT"); });
  router.add("PATCH", records + "{type}/{id}",
             [s](const server_request& r) { return s->write_route(r, "PATCH"); });
  router.post("/services/rest/query/v1/suiteql",
              [s](const server_request& r) { return s->suiteql(r); });
  router.get(std::string(job_prefix) + "{job}",
             [s](const server_request& r) { return s->job_status(r); });
  router.get(std::string(job_prefix) + "{job}/task/{task}/result",
             [s](const server_request& r) { return s->job_result(r); });
}

void netsuite_simulator::reset() {
  const std::lock_guard lock(impl_->mutex);
  impl_->store.clear();
  impl_->jobs.clear();
  impl_->idempotency_keys.clear();
  impl_->used_nonces.clear();
  impl_->next_job = 1;
}

void netsuite_simulator::settle() {
  const std::lock_guard lock(impl_->mutex);
  impl_->run_due_jobs_locked();
}

std::size_t netsuite_simulator::requests_in_flight() const noexcept {
  return impl_->in_flight.load();
}

std::unique_ptr<vendor_simulator> make_netsuite_simulator() {
  return std::make_unique<netsuite_simulator>();
}

}  // namespace erpc::sim::netsuite
