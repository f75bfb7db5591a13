// SPDX-License-Identifier: Apache-2.0
// The BILL simulator over real HTTP. Each test names the vendors.md §10.2 behaviour or the
// setting it pins down.
#include <erpc/adapters/exact_json.hpp>
#include <erpc/sim/bill/bill_simulator.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <support/raw_http.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <thread>

using erpc::sim::simulator_server;
using erpc::testing::raw_http;
using erpc::testing::raw_http_response;
using nlohmann::json;
using headers = std::vector<std::pair<std::string, std::string>>;

namespace {

const std::string root = "/connect/v3/";

struct bill_fixture {
  simulator_server sim{erpc::sim::bill::make_bill_simulator()};
  std::string session;

  bill_fixture() {
    sim.start();
    session = login();
  }

  std::string login(const std::string& password = "sim-bill-password") {
    const auto r = raw_http(sim.port(), "POST", root + "login",
                            {{"devKey", "sim-bill-dev-key"}, {"Content-Type", "application/json"}},
                            json{{"username", "sim.bill.user"}, {"password", password},
                                 {"organizationId", "00801SIMORG0001"}}.dump());
    if (r.status != 200) return {};
    return json::parse(r.body)["sessionId"];
  }

  raw_http_response send(const std::string& method, const std::string& target,
                         const std::string& body = {}, headers extra = {}) {
    extra.emplace_back("devKey", "sim-bill-dev-key");
    extra.emplace_back("sessionId", session);
    if (!body.empty()) extra.emplace_back("Content-Type", "application/json");
    return raw_http(sim.port(), method, target, extra, body);
  }

  void set(const json& settings) {
    const auto r = raw_http(sim.port(), "PUT", "/_sim/settings",
                            {{"Content-Type", "application/json"}}, settings.dump());
    REQUIRE(r.status == 200);
  }

  json effects(const std::string& record_type) {
    const auto r = raw_http(sim.port(), "GET", "/_sim/effects?record_type=" + record_type);
    REQUIRE(r.status == 200);
    return json::parse(r.body);
  }

  std::string vendor(const std::string& name = "Acme") {
    const auto r = send("POST", root + "vendors", json{{"name", name}}.dump());
    REQUIRE(r.status == 200);
    return json::parse(r.body)["id"];
  }

  raw_http_response bill(const std::string& vendor_id, const std::string& number,
                         const std::string& amount = "119.12") {
    return send("POST", root + "bills",
                R"({"vendorId":")" + vendor_id + R"(","invoiceNumber":")" + number +
                    R"(","invoiceDate":"2026-03-02","dueDate":"2026-04-01","billLineItems":[{"amount":)" +
                    amount + R"(,"description":"Bearings"}]})");
  }
};

json first_error(const raw_http_response& r) {
  const auto doc = json::parse(r.body);
  REQUIRE(doc.is_array());
  REQUIRE(doc.size() == 1);
  for (const char* member : {"timestamp", "code", "severity", "category", "message"}) {
    CHECK(doc[0].contains(member));
  }
  return doc[0];
}

}  // namespace

TEST_CASE("login gives a session - devKey and sessionId are checked on every call (§10.2)",
          "[bill][simulator]") {
  bill_fixture f;
  REQUIRE_FALSE(f.session.empty());
  CHECK(f.send("GET", root + "vendors").status == 200);

  const auto no_session = raw_http(f.sim.port(), "GET", root + "vendors", {{"devKey", "sim-bill-dev-key"}});
  CHECK(no_session.status == 401);
  CHECK(first_error(no_session)["code"] == "BDC_1109");
  CHECK(first_error(no_session)["message"] == "Session is invalid. Please log in.");

  const auto bad_key = raw_http(f.sim.port(), "GET", root + "vendors", {{"devKey", "x"}, {"sessionId", f.session}});
  CHECK(first_error(bad_key)["code"] == "BDC_1102");

  const auto bad_password = raw_http(f.sim.port(), "POST", root + "login", {{"devKey", "sim-bill-dev-key"}},
                                     json{{"username", "sim.bill.user"}, {"password", "wrong"},
                                          {"organizationId", "00801SIMORG0001"}}.dump());
  CHECK(bad_password.status == 401);
  CHECK(first_error(bad_password)["code"] == "BDC_1101");

  const auto unknown = f.send("GET", root + "nothing-here");
  CHECK(unknown.status == 404);
  CHECK(first_error(unknown)["code"] == "BDC_1121");
}

TEST_CASE("a changed password ends the sessions - the BDC_1109 status is a setting",
          "[bill][simulator]") {
  bill_fixture f;
  f.set({{"auth.password", "rotated"}, {"errors.session_invalid_status", 400}});
  const auto refused = f.send("GET", root + "vendors");
  CHECK(refused.status == 400);
  CHECK(first_error(refused)["code"] == "BDC_1109");
  f.session = f.login("rotated");
  CHECK(f.send("GET", root + "vendors").status == 200);
}

TEST_CASE("sessions expire after the idle setting (§10.2: 35 minutes)", "[bill][simulator]") {
  bill_fixture f;
  f.set({{"auth.session_idle_seconds", 1}});
  CHECK(f.send("GET", root + "vendors").status == 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  CHECK(first_error(f.send("GET", root + "vendors"))["code"] == "BDC_1109");
}

TEST_CASE("vendors are prefixed 009 - bills need a vendor - dates and line items - amounts exact",
          "[bill][simulator]") {
  bill_fixture f;
  const auto v = f.vendor();
  CHECK(v.rfind("009", 0) == 0);
  const auto made = f.bill(v, "INV-1", "100.10");
  REQUIRE(made.status == 200);
  const auto b = erpc::adapters::parse_exact(made.body);
  CHECK(erpc::adapters::dump_exact(b["amount"]) == "100.10");
  CHECK(b["paymentStatus"] == "UNPAID");
  CHECK(f.effects("bills")["created"] == 1);

  CHECK(f.bill("00900000000000000000", "INV-2").status == 400);
  const auto no_lines = f.send("POST", root + "bills",
                               json{{"vendorId", v}, {"invoiceNumber", "X"}, {"invoiceDate", "2026-03-02"},
                                    {"dueDate", "2026-04-01"}}.dump());
  CHECK(no_lines.status == 400);
  CHECK(first_error(no_lines)["message"].get<std::string>().find("billLineItems") != std::string::npos);
  const auto bad_date = f.send("POST", root + "bills",
                               json{{"vendorId", v}, {"invoiceNumber", "X"}, {"invoiceDate", "2026-02-30"},
                                    {"dueDate", "2026-04-01"}, {"billLineItems", {{{"amount", 1}}}}}.dump());
  CHECK(bad_date.status == 400);

  const auto got = f.send("GET", root + "bills?filters=vendorId:eq:%22" + v + "%22,invoiceNumber:eq:%22INV-1%22");
  REQUIRE(got.status == 200);
  CHECK(json::parse(got.body)["results"].size() == 1);
  const auto none = f.send("GET", root + "bills?filters=invoiceNumber:eq:%22INV-9%22");
  CHECK(json::parse(none.body)["results"].empty());
}

TEST_CASE("no duplicate-bill detection by default - a setting rejects one (§10.2 unconfirmed)",
          "[bill][simulator]") {
  bill_fixture f;
  const auto v = f.vendor();
  REQUIRE(f.bill(v, "INV-1").status == 200);
  REQUIRE(f.bill(v, "INV-1").status == 200);
  CHECK(f.effects("bills")["created"] == 2);
  f.set({{"bills.duplicate_invoice_number", "reject"}, {"bills.duplicate_status", 409}});
  CHECK(f.bill(v, "INV-1").status == 409);
  CHECK(f.effects("bills")["created"] == 2);
}

TEST_CASE("invoice fields top level or nested is a setting (§10.2 unconfirmed)", "[bill][simulator]") {
  bill_fixture f;
  const auto v = f.vendor();
  f.set({{"bills.invoice_fields", "nested"}});
  CHECK(f.bill(v, "INV-1").status == 400);
  const auto nested = f.send("POST", root + "bills",
                             json{{"vendorId", v}, {"invoice", {{"invoiceNumber", "N-1"}, {"invoiceDate", "2026-03-02"}}},
                                  {"dueDate", "2026-04-01"}, {"billLineItems", {{{"amount", 5}}}}}.dump());
  REQUIRE(nested.status == 200);
  const auto found = f.send("GET", root + "bills?filters=invoice.invoiceNumber:eq:%22N-1%22");
  CHECK(json::parse(found.body)["results"].size() == 1);
}

TEST_CASE("an Idempotency-Key header is ignored unless the setting honours it", "[bill][simulator]") {
  bill_fixture f;
  const auto body = json{{"name", "Keyed"}}.dump();
  f.send("POST", root + "vendors", body, {{"Idempotency-Key", "k1"}});
  f.send("POST", root + "vendors", body, {{"Idempotency-Key", "k1"}});
  CHECK(f.effects("vendors")["created"] == 2);
  f.set({{"idempotency.key_header", true}});
  const auto a = f.send("POST", root + "vendors", body, {{"Idempotency-Key", "k2"}});
  const auto b = f.send("POST", root + "vendors", body, {{"Idempotency-Key", "k2"}});
  CHECK(a.body == b.body);
  CHECK(f.effects("vendors")["created"] == 3);
}

TEST_CASE("a payment never exceeds what the bill still owes", "[bill][simulator]") {
  bill_fixture f;
  const auto v = f.vendor();
  const std::string bill_id = json::parse(f.bill(v, "INV-1", "100.00").body)["id"];
  auto pay = [&](const std::string& amount) {
    return f.send("POST", root + "payments",
                  R"({"billId":")" + bill_id + R"(","amount":)" + amount +
                      R"(,"processDate":"2026-03-10","fundingAccount":{"type":"BANK_ACCOUNT","id":"bac01"},"description":"erpc:k"})");
  };
  const auto first = pay("60.00");
  REQUIRE(first.status == 200);
  CHECK(json::parse(first.body)["description"] == "erpc:k");
  CHECK(pay("40.01").status == 400);
  CHECK(pay("40.00").status == 200);
  const auto b = f.send("GET", root + "bills/" + bill_id);
  CHECK(json::parse(b.body)["paymentStatus"] == "PAID");
  CHECK(f.effects("payments")["created"] == 2);
  const auto listed = f.send("GET", root + "payments?filters=billId:eq:%22" + bill_id + "%22&max=1");
  const auto page = json::parse(listed.body);
  CHECK(page["results"].size() == 1);
  REQUIRE(page.contains("nextPage"));
  const auto next = json::parse(f.send("GET", root + "payments?filters=billId:eq:%22" + bill_id +
                                                  "%22&max=1&page=" + page["nextPage"].get<std::string>()).body);
  CHECK(next["results"].size() == 1);
  CHECK_FALSE(next.contains("nextPage"));
}

TEST_CASE("mass payments run asynchronously and report per bill (§10.2)", "[bill][simulator]") {
  bill_fixture f;
  f.set({{"mass_payments.complete_after_ms", 300}});
  const auto v = f.vendor();
  const std::string b1 = json::parse(f.bill(v, "INV-1", "10.00").body)["id"];
  const std::string b2 = json::parse(f.bill(v, "INV-2", "20.00").body)["id"];
  const auto submitted = f.send("POST", root + "payments/mass",
                                json{{"processDate", "2026-03-10"},
                                     {"fundingAccount", {{"type", "BANK_ACCOUNT"}, {"id", "bac01"}}},
                                     {"payments", {{{"billId", b1}, {"amount", 10}},
                                                   {{"billId", b2}, {"amount", 25}}}}}.dump());
  REQUIRE(submitted.status == 200);
  const std::string batch = json::parse(submitted.body)["paymentBatchId"];
  CHECK(json::parse(f.send("GET", root + "payments/mass/" + batch).body)["status"] == "IN_PROGRESS");
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  const auto done = json::parse(f.send("GET", root + "payments/mass/" + batch).body);
  CHECK(done["status"] == "PARTIALLY_COMPLETED");
  CHECK(done["payments"][0]["status"] == "SCHEDULED");
  CHECK(done["payments"][1]["status"] == "FAILED");
  CHECK(f.effects("payments")["created"] == 1);
}

TEST_CASE("BDC_1322: a fourth concurrent request of one organisation is refused - BDC_1144 hourly",
          "[bill][simulator]") {
  bill_fixture f;
  f.set({{"limits.hold_ms", 600}, {"limits.concurrent_status", 400}});
  std::vector<std::thread> held;
  std::vector<int> statuses(3);
  for (int i = 0; i < 3; ++i) {
    held.emplace_back([&f, &statuses, i] { statuses[static_cast<std::size_t>(i)] = f.send("GET", root + "vendors").status; });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(250));
  const auto fourth = f.send("GET", root + "vendors");
  for (auto& t : held) t.join();
  CHECK(fourth.status == 400);
  CHECK(first_error(fourth)["code"] == "BDC_1322");
  CHECK(first_error(fourth)["message"] == "Max number of concurrent requests per organization reached.");
  CHECK(statuses == std::vector<int>{200, 200, 200});

  f.set({{"limits.hold_ms", 0}, {"limits.hourly_requests", 1}});
  const auto over = f.send("GET", root + "vendors");
  CHECK(over.status == 429);
  CHECK(first_error(over)["code"] == "BDC_1144");
}
