// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/bill/bill_simulator.hpp"

#include "bdc_errors.hpp"
#include "bill_filters.hpp"
#include "bill_settings.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <variant>

namespace erpc::sim::bill {

namespace {

using adapters::make_decimal;
using adapters::parse_exact;
using adapters::to_decimal;
using nlohmann::json;
using clock_type = std::chrono::steady_clock;

constexpr std::string_view api_root = "/connect/v3/";
constexpr std::int64_t default_max = 20;
constexpr std::int64_t largest_max = 100;

std::string text_of(const json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  if (it == obj.end() || it->is_null()) return {};
  return adapters::scalar_text(*it);
}

std::string hex(std::uint64_t v, int digits) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llX", static_cast<unsigned long long>(v));
  return std::string(buf + 16 - digits);
}

std::string random_token() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return hex(rng(), 16) + hex(rng(), 16);
}

std::string utc_now_text() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000+00:00", &tm);
  return buf;
}

// yyyy-MM-dd (vendors.md §10.2), a real calendar day.
bool is_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

struct session_record {
  std::string organization_id;
  std::string issued_under;  // the credentials the session was issued under
  clock_type::time_point last_used;
};

struct mass_item {
  std::string bill_id;
  json amount;
  std::string description;
  std::string status = "PENDING";
  std::string payment_id;
  std::string error;
};

struct mass_batch {
  std::string id;
  std::string process_date;
  json funding_account;
  std::vector<mass_item> items;
  clock_type::time_point due;
  std::string status = "IN_PROGRESS";
};

struct stored_answer {
  unsigned status = 200;
  std::string body;
};

}  // namespace

struct bill_simulator::impl {
  simulator_context* context = nullptr;

  std::mutex mutex;  // guards everything below
  std::map<std::string, json> vendors;  // id → record
  std::map<std::string, json> bills;
  std::map<std::string, json> payments;
  std::map<std::string, mass_batch> batches;
  std::map<std::string, session_record> sessions;
  std::map<std::string, int> in_flight;            // organisation → requests being answered
  std::deque<clock_type::time_point> hour_window;  // request times of the developer key
  std::map<std::string, stored_answer> idempotent_answers;  // "POST path|key" → first answer
  std::uint64_t next_id = 1;

  simulator_settings& settings() { return context->settings(); }

  std::string new_id(const char* prefix) {
    // BILL ids are 20 characters with a type prefix (vendors.md §10.2: vendors 009, vendor
    // credits vcr); the other prefixes are the simulator's.
    return std::string(prefix) + "01SIM" + hex(next_id++, 12);
  }

  std::string credentials_now() {
    return settings().text(settings::username) + "\n" + settings().text(settings::password) +
           "\n" + settings().text(settings::organization_id) + "\n" +
           settings().text(settings::dev_key);
  }

  server_response fail(unsigned status, std::string message, const char* category = "REQUEST") {
    return error_response({status, settings().text(settings::validation_code), std::move(message),
                           category, "ERROR"});
  }

  // ---- authentication (vendors.md §10.2) ----

  server_response login(const server_request& req) {
    json body;
    try {
      body = parse_exact(req.body);
    } catch (const adapters::invalid_json&) {
      return fail(400, "The request body is not valid JSON.");
    }
    std::string dev_key(req.header("devKey"));
    if (dev_key.empty()) dev_key = text_of(body, "devKey");
    if (dev_key != settings().text(settings::dev_key)) {
      return error_response({401, bad_dev_key, "Invalid devKey.", "REQUEST", "ERROR"});
    }
    if (text_of(body, "username") != settings().text(settings::username) ||
        text_of(body, "password") != settings().text(settings::password) ||
        text_of(body, "organizationId") != settings().text(settings::organization_id)) {
      return error_response({401, bad_credentials, "Incorrect user name or password.", "REQUEST", "ERROR"});
    }
    const auto id = random_token();
    {
      const std::lock_guard lock(mutex);
      sessions[id] = {settings().text(settings::organization_id), credentials_now(), clock_type::now()};
    }
    return server_response::json(200, json{{"sessionId", id},
                                           {"organizationId", settings().text(settings::organization_id)},
                                           {"userId", "006" + std::string("01SIMUSER00001")}}
                                          .dump());
  }

  // The organisation of a valid session, or the refusal.
  std::variant<std::string, server_response> authenticate(const server_request& req) {
    if (req.header("devKey") != settings().text(settings::dev_key)) {
      return error_response({401, bad_dev_key, "Invalid devKey.", "REQUEST", "ERROR"});
    }
    const std::string id(req.header("sessionId"));
    const auto idle = std::chrono::seconds(settings().integer(settings::session_idle));
    const auto credentials = credentials_now();
    const std::lock_guard lock(mutex);
    const auto it = sessions.find(id);
    const auto now = clock_type::now();
    if (it == sessions.end() || it->second.issued_under != credentials || now - it->second.last_used > idle) {
      if (it != sessions.end()) sessions.erase(it);
      return error_response({static_cast<unsigned>(settings().integer(settings::session_status)),
                             session_invalid, session_invalid_text, "REQUEST", "ERROR"});
    }
    it->second.last_used = now;
    return it->second.organization_id;
  }

  // BDC_1144: the developer key's rolling hour (vendors.md §10.2).
  std::optional<server_response> count_hourly() {
    const auto now = clock_type::now();
    const auto limit = static_cast<std::size_t>(settings().integer(settings::hourly_limit));
    const std::lock_guard lock(mutex);
    while (!hour_window.empty() && now - hour_window.front() > std::chrono::hours(1)) hour_window.pop_front();
    if (hour_window.size() >= limit) {
      return error_response({static_cast<unsigned>(settings().integer(settings::hourly_status)), hourly_limit,
                             "Max number of requests per hour reached.", "REQUEST", "ERROR"});
    }
    hour_window.push_back(now);
    return std::nullopt;
  }

  server_response guarded(const server_request& req, const http_handler& next) {
    if (auto refused = count_hourly()) return std::move(*refused);
    const bool is_login = req.path == std::string(api_root) + "login";
    if (is_login) return not_supported_if_unrouted(next(req));
    auto who = authenticate(req);
    if (auto* refusal = std::get_if<server_response>(&who)) return std::move(*refusal);
    const auto org = std::get<std::string>(who);
    {
      // BDC_1322: the organisation's requests in flight (vendors.md §10.2).
      const std::lock_guard lock(mutex);
      if (in_flight[org] >= settings().integer(settings::concurrent_limit)) {
        return error_response({static_cast<unsigned>(settings().integer(settings::concurrent_status)),
                               concurrent_limit, concurrent_text, "REQUEST", "ERROR"});
      }
      ++in_flight[org];
    }
    struct release {
      impl* self;
      std::string org;
      ~release() {
        const std::lock_guard lock(self->mutex);
        --self->in_flight[org];
      }
    } done{this, org};
    if (const auto hold = settings().integer(settings::hold_ms); hold > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(hold));
    }
    if (req.method == "POST" && settings().boolean(settings::idempotency_header)) {
      return with_idempotency_key(req, next);
    }
    return not_supported_if_unrouted(next(req));
  }

  // An unknown path or method is BDC_1121 (vendors.md §10.2), not the framework's 404.
  server_response not_supported_if_unrouted(server_response res) {
    if ((res.status == 404 || res.status == 405) && (res.body.empty() || res.body.front() != '[')) {
      return error_response({404, api_not_supported, "API not supported.", "REQUEST", "ERROR"});
    }
    return res;
  }

  server_response with_idempotency_key(const server_request& req, const http_handler& next) {
    const std::string key(req.header("Idempotency-Key"));
    if (key.empty()) return not_supported_if_unrouted(next(req));
    const auto slot = req.path + "|" + key;
    {
      const std::lock_guard lock(mutex);
      if (const auto it = idempotent_answers.find(slot); it != idempotent_answers.end()) {
        return server_response::json(it->second.status, it->second.body);
      }
    }
    auto res = not_supported_if_unrouted(next(req));
    if (res.status < 500) {
      const std::lock_guard lock(mutex);
      idempotent_answers.emplace(slot, stored_answer{res.status, res.body});
    }
    return res;
  }

  // ---- common pieces ----

  std::optional<json> read_body(const server_request& req, server_response& refusal) {
    try {
      auto body = parse_exact(req.body);
      if (!body.is_object()) throw adapters::invalid_json("not an object");
      return body;
    } catch (const adapters::invalid_json&) {
      refusal = fail(400, "The request body is not a valid JSON object.");
      return std::nullopt;
    }
  }

  server_response list(const server_request& req, const std::map<std::string, json>& all) {
    std::int64_t max = default_max;
    std::size_t offset = 0;
    if (const auto m = req.query("max")) {
      try {
        max = std::stoll(std::string(*m));
      } catch (const std::exception&) {
        max = 0;
      }
      if (max < 1 || max > largest_max) return fail(400, "max must be between 1 and 100.");
    }
    if (const auto p = req.query("page")) {
      const auto o = page_offset(*p);
      if (!o) return fail(400, "The page token is not valid.");
      offset = *o;
    }
    std::vector<filter_condition> conditions;
    if (const auto f = req.query("filters")) {
      auto parsed = parse_filters(*f);
      if (!parsed) return fail(400, "The filters parameter is not valid: " + std::string(*f));
      conditions = std::move(*parsed);
    }
    std::vector<const json*> hits;
    for (const auto& [id, record] : all) {
      if (matches(record, conditions)) hits.push_back(&record);
    }
    json results = json::array();
    const auto begin = std::min(offset, hits.size());
    const auto end = std::min(begin + static_cast<std::size_t>(max), hits.size());
    for (auto i = begin; i < end; ++i) results.push_back(*hits[i]);
    json doc = {{"results", results}};
    if (end < hits.size()) doc["nextPage"] = page_token(end);
    if (begin > 0) doc["prevPage"] = page_token(begin > static_cast<std::size_t>(max) ? begin - static_cast<std::size_t>(max) : 0);
    return server_response::json(200, adapters::dump_exact(doc));
  }

  server_response one(const std::map<std::string, json>& all, const server_request& req, const char* what) {
    const std::string id(req.path_param("id"));
    const auto it = all.find(id);
    if (it == all.end()) return fail(404, std::string("No ") + what + " with id " + id + ".");
    return server_response::json(200, adapters::dump_exact(it->second));
  }

  // ---- vendors ----

  server_response create_vendor(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    if (body->contains("id")) return fail(400, "id is read-only.");
    if (text_of(*body, "name").empty()) return fail(400, "name is required.");
    const std::lock_guard lock(mutex);
    json v = *body;
    v["id"] = new_id("009");
    v["archived"] = false;
    v["createdTime"] = v["updatedTime"] = utc_now_text();
    const std::string id = v["id"];
    vendors[id] = v;
    context->effects().record_write("vendors", id, text_of(v, "name"));
    return server_response::json(200, adapters::dump_exact(v));
  }

  // ---- bills ----

  std::string invoice_number_of(const json& bill) const {
    if (const auto inv = bill.find("invoice"); inv != bill.end() && inv->is_object()) {
      return text_of(*inv, "invoiceNumber");
    }
    return text_of(bill, "invoiceNumber");
  }

  std::optional<server_response> check_invoice_fields(const json& body) {
    const bool nested = settings().text(settings::invoice_fields) == "nested";
    const auto inv = body.find("invoice");
    const bool has_nested = inv != body.end();
    const bool has_top = body.contains("invoiceNumber") || body.contains("invoiceDate");
    if (nested && has_top) return fail(400, "invoiceNumber and invoiceDate belong in invoice.");
    if (!nested && has_nested) return fail(400, "invoice is not a field of a bill; use invoiceNumber and invoiceDate.");
    const json& holder = nested ? (has_nested && inv->is_object() ? *inv : json::object()) : body;
    const char* prefix = nested ? "invoice." : "";
    if (text_of(holder, "invoiceNumber").empty()) return fail(400, std::string(prefix) + "invoiceNumber is required.");
    if (!is_date(text_of(holder, "invoiceDate"))) return fail(400, std::string(prefix) + "invoiceDate must be a date yyyy-MM-dd.");
    return std::nullopt;
  }

  server_response create_bill(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    for (const char* read_only : {"id", "amount", "dueAmount", "paymentStatus"}) {
      if (body->contains(read_only)) return fail(400, std::string(read_only) + " is read-only.");
    }
    if (auto r = check_invoice_fields(*body)) return *r;
    if (!is_date(text_of(*body, "dueDate"))) return fail(400, "dueDate must be a date yyyy-MM-dd.");
    const auto lines = body->find("billLineItems");
    if (lines == body->end() || !lines->is_array() || lines->empty()) {
      return fail(400, "billLineItems must hold at least one line item.");
    }
    decimal total;
    json items = json::array();
    for (std::size_t i = 0; i < lines->size(); ++i) {
      json line = (*lines)[i];
      const std::string at = "billLineItems[" + std::to_string(i) + "]";
      std::optional<decimal> amount;
      if (line.is_object() && line.contains("amount")) {
        amount = to_decimal(line["amount"]);
      } else if (line.is_object() && line.contains("quantity") && line.contains("price")) {
        const auto q = to_decimal(line["quantity"]);
        const auto p = to_decimal(line["price"]);
        if (q && p) amount = (*q * *p).round(2, rounding::half_even);
      }
      if (!amount) return fail(400, at + ".amount (or quantity and price) is required and numeric.");
      line["amount"] = make_decimal(*amount);
      total += *amount;
      items.push_back(std::move(line));
    }
    const std::lock_guard lock(mutex);
    const auto vendor_id = text_of(*body, "vendorId");
    if (vendor_id.rfind("009", 0) != 0 || !vendors.count(vendor_id)) {
      return fail(400, "vendorId " + vendor_id + " is not a vendor of this organization.");
    }
    const auto number = invoice_number_of(*body);
    if (settings().text(settings::duplicate_bill) == "reject") {
      for (const auto& [id, b] : bills) {
        if (text_of(b, "vendorId") == vendor_id && invoice_number_of(b) == number) {
          return fail(static_cast<unsigned>(settings().integer(settings::duplicate_status)),
                      "A bill with invoiceNumber " + number + " already exists for this vendor.",
                      "APPLICATION");
        }
      }
    }
    json b = *body;
    b["id"] = new_id("00n");
    for (auto& line : items) line["id"] = new_id("00u");
    b["billLineItems"] = items;
    b["amount"] = make_decimal(total);
    b["dueAmount"] = make_decimal(total);
    b["paymentStatus"] = "UNPAID";
    b["archived"] = false;
    b["createdTime"] = b["updatedTime"] = utc_now_text();
    const std::string id = b["id"];
    bills[id] = b;
    context->effects().record_write("bills", id, vendor_id + "/" + number);
    return server_response::json(200, adapters::dump_exact(b));
  }

  // ---- payments ----

  // Pays `amount` of a bill: the payment record, or the reason it is refused. Holds `mutex`.
  std::variant<json, std::string> pay(const std::string& bill_id, const json& amount_json,
                                      const std::string& process_date, const json& funding,
                                      const std::string& description, const std::string& batch_id) {
    const auto it = bills.find(bill_id);
    if (it == bills.end()) return std::string("billId " + bill_id + " is not a bill of this organization.");
    const auto amount = to_decimal(amount_json);
    if (!amount || amount->signum() <= 0) return std::string("amount must be a positive number.");
    if (!is_date(process_date)) return std::string("processDate must be a date yyyy-MM-dd.");
    const auto type = text_of(funding, "type");
    if (type != "BANK_ACCOUNT" && type != "CARD_ACCOUNT" && type != "WALLET") {
      return std::string("fundingAccount.type must be BANK_ACCOUNT, CARD_ACCOUNT or WALLET.");
    }
    if (text_of(funding, "id").empty()) return std::string("fundingAccount.id is required.");
    auto& b = it->second;
    const auto due = to_decimal(b["dueAmount"]).value_or(decimal{});
    if (*amount > due) return std::string("amount exceeds the dueAmount of bill " + bill_id + ".");
    const auto left = due - *amount;
    b["dueAmount"] = make_decimal(left);
    b["paymentStatus"] = left.is_zero() ? "PAID" : "PARTIALLY_PAID";
    json p = {{"id", new_id("stp")},
              {"billId", bill_id},
              {"vendorId", b["vendorId"]},
              {"amount", make_decimal(*amount)},
              {"processDate", process_date},
              {"fundingAccount", funding},
              {"status", "SCHEDULED"},
              {"createdTime", utc_now_text()}};
    if (!description.empty()) p["description"] = description;
    if (!batch_id.empty()) p["paymentBatchId"] = batch_id;
    const std::string id = p["id"];
    payments[id] = p;
    context->effects().record_write("payments", id, bill_id + "/" + process_date);
    return p;
  }

  server_response create_payment(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    for (const char* read_only : {"id", "status"}) {
      if (body->contains(read_only)) return fail(400, std::string(read_only) + " is read-only.");
    }
    if (!body->contains("amount")) return fail(400, "amount is required.");
    const std::lock_guard lock(mutex);
    auto made = pay(text_of(*body, "billId"), (*body)["amount"], text_of(*body, "processDate"),
                    body->value("fundingAccount", json::object()), text_of(*body, "description"), "");
    if (auto* reason = std::get_if<std::string>(&made)) return fail(400, *reason);
    return server_response::json(200, adapters::dump_exact(std::get<json>(made)));
  }

  // ---- mass payments (vendors.md §10.2: asynchronous, ≤ 2000 bills, status by batch id) ----

  server_response create_mass_payment(const server_request& req) {
    server_response refusal;
    auto body = read_body(req, refusal);
    if (!body) return refusal;
    const auto process_date = text_of(*body, "processDate");
    if (!is_date(process_date)) return fail(400, "processDate must be a date yyyy-MM-dd.");
    const auto funding = body->value("fundingAccount", json::object());
    if (text_of(funding, "id").empty() || text_of(funding, "type").empty()) {
      return fail(400, "fundingAccount.type and fundingAccount.id are required.");
    }
    const auto list = body->find("payments");
    if (list == body->end() || !list->is_array() || list->empty()) {
      return fail(400, "payments must hold at least one bill.");
    }
    if (static_cast<std::int64_t>(list->size()) > settings().integer(settings::mass_max)) {
      return fail(400, "A mass payment holds at most " + std::to_string(settings().integer(settings::mass_max)) + " bills.");
    }
    mass_batch batch;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& item = (*list)[i];
      if (!item.is_object() || text_of(item, "billId").empty() || !item.contains("amount")) {
        return fail(400, "payments[" + std::to_string(i) + "] needs billId and amount.");
      }
      mass_item made;
      made.bill_id = text_of(item, "billId");
      made.amount = item["amount"];
      made.description = text_of(item, "description");
      batch.items.push_back(std::move(made));
    }
    batch.process_date = process_date;
    batch.funding_account = funding;
    batch.due = clock_type::now() + std::chrono::milliseconds(settings().integer(settings::mass_complete_ms));
    const std::lock_guard lock(mutex);
    batch.id = new_id("pbt");
    const auto id = batch.id;
    batches[id] = std::move(batch);
    context->effects().record_write("paymentBatches", id, process_date);
    return server_response::json(200, json{{"paymentBatchId", id}, {"status", "IN_PROGRESS"}}.dump());
  }

  // Processes the batches that are due. Holds `mutex`.
  void process_due_batches() {
    const auto now = clock_type::now();
    for (auto& [id, batch] : batches) {
      if (batch.status != "IN_PROGRESS" || now < batch.due) continue;
      std::size_t paid = 0;
      for (auto& item : batch.items) {
        auto made = pay(item.bill_id, item.amount, batch.process_date, batch.funding_account, item.description, id);
        if (auto* reason = std::get_if<std::string>(&made)) {
          item.status = "FAILED";
          item.error = *reason;
        } else {
          item.status = "SCHEDULED";
          item.payment_id = std::get<json>(made)["id"];
          ++paid;
        }
      }
      batch.status = paid == batch.items.size() ? "COMPLETED" : (paid == 0 ? "FAILED" : "PARTIALLY_COMPLETED");
      context->effects().record_write("paymentBatches", id, batch.process_date);
    }
  }

  server_response get_mass_payment(const server_request& req) {
    const std::lock_guard lock(mutex);
    process_due_batches();
    const std::string id(req.path_param("id"));
    const auto it = batches.find(id);
    if (it == batches.end()) return fail(404, "No payment batch with id " + id + ".");
    json items = json::array();
    for (const auto& item : it->second.items) {
      json j = {{"billId", item.bill_id}, {"amount", item.amount}, {"status", item.status}};
      if (!item.payment_id.empty()) j["paymentId"] = item.payment_id;
      if (!item.description.empty()) j["description"] = item.description;
      if (!item.error.empty()) j["error"] = item.error;
      items.push_back(std::move(j));
    }
    return server_response::json(200, adapters::dump_exact(json{{"paymentBatchId", id},
                                                               {"status", it->second.status},
                                                               {"processDate", it->second.process_date},
                                                               {"payments", items}}));
  }
};

bill_simulator::bill_simulator() : impl_(std::make_unique<impl>()) {}
bill_simulator::~bill_simulator() = default;

std::vector<setting_spec> bill_simulator::settings() const { return bill_setting_specs(); }

void bill_simulator::install(http_router& router, simulator_context& context) {
  impl_->context = &context;
  auto* s = impl_.get();
  router.use([s](const server_request& req, const http_handler& next) {
    if (req.path.rfind("/connect/", 0) == 0) return s->guarded(req, next);
    return next(req);
  });
  const std::string root(api_root);
  router.post(root + "login", [s](const server_request& r) { return s->login(r); });
  router.post(root + "vendors", [s](const server_request& r) { return s->create_vendor(r); });
  router.get(root + "vendors", [s](const server_request& r) {
    const std::lock_guard lock(s->mutex);
    return s->list(r, s->vendors);
  });
  router.get(root + "vendors/{id}", [s](const server_request& r) {
    const std::lock_guard lock(s->mutex);
    return s->one(s->vendors, r, "vendor");
  });
  router.post(root + "bills", [s](const server_request& r) { return s->create_bill(r); });
  router.get(root + "bills", [s](const server_request& r) {
    const std::lock_guard lock(s->mutex);
    return s->list(r, s->bills);
  });
  router.get(root + "bills/{id}", [s](const server_request& r) {
    const std::lock_guard lock(s->mutex);
    return s->one(s->bills, r, "bill");
  });
  router.post(root + "payments", [s](const server_request& r) { return s->create_payment(r); });
  router.get(root + "payments", [s](const server_request& r) {
    const std::lock_guard lock(s->mutex);
    s->process_due_batches();
    return s->list(r, s->payments);
  });
  router.get(root + "payments/{id}", [s](const server_request& r) {
    const std::lock_guard lock(s->mutex);
    s->process_due_batches();
    return s->one(s->payments, r, "payment");
  });
  router.post(root + "payments/mass", [s](const server_request& r) { return s->create_mass_payment(r); });
  router.get(root + "payments/mass/{id}", [s](const server_request& r) { return s->get_mass_payment(r); });
}

void bill_simulator::reset() {
  const std::lock_guard lock(impl_->mutex);
  impl_->vendors.clear();
  impl_->bills.clear();
  impl_->payments.clear();
  impl_->batches.clear();
  impl_->sessions.clear();
  impl_->hour_window.clear();
  impl_->idempotent_answers.clear();
}

void bill_simulator::settle() {
  const std::lock_guard lock(impl_->mutex);
  impl_->process_due_batches();
}

std::unique_ptr<vendor_simulator> make_bill_simulator() { return std::make_unique<bill_simulator>(); }

}  // namespace erpc::sim::bill
