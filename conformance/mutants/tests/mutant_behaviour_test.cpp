// SPDX-License-Identifier: Apache-2.0
// Each mutant really carries its defect, and only where its expect.json says: the built
// libraries (lib/erpconnect/mutants/<name>.so and the bundled netsuite.so) are loaded with
// dlopen and driven through erpc::testing::fake_host, whose HTTP goes through the host's real
// HTTP service to the NetSuite simulator (a child process), with faults injected between the
// two. Every scenario runs on the unmutated adapter first, which must pass it, then on the
// mutant, which must not. certify_mutant.cmake does the same through `erpc certify`.
#include "netsuite_sim_fixture.hpp"

#include <erpc/host/http_service.hpp>
#include <erpc/http_client.hpp>
#include <erpc/testing/fake_host.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <dlfcn.h>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace {

using nlohmann::json;

constexpr const char* token_secret = erpc::netsuite::testing::sim_token_secret.value;

std::string mutant_path(const std::string& name) {
  return std::string(ERPC_MUTANT_DIR) + "/" + name + ".so";
}
const std::string unmutated = ERPC_NETSUITE_MODULE;

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// One dlopen'ed adapter library and its exported entry.
class library {
 public:
  explicit library(const std::string& path)
      : handle_(::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL)) {
    INFO(path << ": " << (handle_ ? "" : ::dlerror()));
    REQUIRE(handle_ != nullptr);
    entry_ = static_cast<const erpc_adapter_entry_v1*>(::dlsym(handle_, ERPC_ADAPTER_ENTRY_SYMBOL));
    REQUIRE(entry_ != nullptr);
  }
  ~library() {
    if (handle_ != nullptr && !leak_) ::dlclose(handle_);
  }
  library(const library&) = delete;
  library& operator=(const library&) = delete;

  const erpc_adapter_entry_v1& entry() const { return *entry_; }
  // For a library with a call that never returns: it must stay mapped.
  void keep_loaded() { leak_ = true; }

 private:
  void* handle_;
  const erpc_adapter_entry_v1* entry_ = nullptr;
  bool leak_ = false;
};

// A fault for the adapter's requests: the canned answer (the fault is then used up), or nullopt
// to forward this request and keep the fault for the next one.
using fault = std::function<std::optional<erpc::http_response>(const erpc::http_request&)>;

erpc::http_response netsuite_error(int status, const std::string& code,
                                   erpc::http_headers headers = {}) {
  erpc::http_response r;
  r.transport = erpc::http_transport::ok;
  r.status = status;
  r.headers = std::move(headers);
  r.headers.emplace_back("Content-Type", "application/vnd.oracle.resource+json; type=error");
  r.body = json{{"type", "https://www.rfc-editor.org/rfc/rfc9110.html"},
                {"title", "Error"},
                {"status", status},
                {"o:errorDetails", {{{"detail", "injected by the test"}, {"o:errorCode", code}}}}}
               .dump();
  return r;
}

// The simulator, the real HTTP service, and one library loaded into a fake host.
class rig {
 public:
  explicit rig(const std::string& path) : lib_(path) { open(); }
  ~rig() { host_.reset(); }

  // A new fake host and connection: nothing remembered (R5b: no ledger, no cache).
  void open() {
    host_.reset();
    host_ = std::make_unique<erpc::testing::fake_host>();
    host_->clock().set(wall_ms());
    erpc::netsuite::testing::give_sim_credentials(host_->secrets());
    host_->http().scripted([this](const erpc::http_request& req, const erpc_call_v1* call) {
      fault next;
      {
        std::lock_guard lock(mutex_);
        next = next_fault_;
      }
      if (next) {
        if (auto canned = next(req)) {
          std::lock_guard lock(mutex_);
          next_fault_ = nullptr;  // applied once
          return *canned;
        }
      }
      return erpc::http_client(http_.table()).send(req, call);
    });
    adapter_ = host_->init(lib_.entry());
    const json config = erpc::netsuite::testing::connection_to_sim(
        sim_.base_url(), {{"subsidiaries", {{"DE01", "1"}}},
                          {"currencies", {{"EUR", "1"}}},
                          {"accounts", {{"5400", "58"}}},
                          {"tax_codes", {{"DE19", "7"}}}});
    connection_ = host_->open(adapter_, config.dump());
  }

  void inject(fault f) {
    std::lock_guard lock(mutex_);
    next_fault_ = std::move(f);
  }

  erpc::testing::call_result call(const std::string& op, const std::string& object,
                                  const std::string& key, const json& payload_or_query) {
    host_->clock().set(wall_ms());
    json envelope = {{"contract", "1.0"}, {"op", op}, {"object", object},
                     {"attempt", 1}, {"correlation_id", "c-" + key}};
    if (!key.empty()) envelope["idempotency_key"] = key;
    envelope[op == "create" ? "payload" : "query"] = payload_or_query;
    auto r = host_->execute(adapter_, connection_, envelope.dump());
    REQUIRE(r.answers == 1);
    return r;
  }

  json ok(const erpc::testing::call_result& r) {
    INFO((r.error ? std::string(r.error->code()) + ": " + r.error->message() : r.json));
    REQUIRE(r.ok);
    return json::parse(r.json);
  }

  erpc::error failed(const erpc::testing::call_result& r) {
    INFO(r.json);
    REQUIRE(r.error);
    return *r.error;
  }

  json effects(const std::string& record_type) { return sim_.effects(record_type); }
  erpc::netsuite::testing::netsuite_sim& sim() { return sim_; }
  erpc::testing::fake_host& host() { return *host_; }

 private:
  library lib_;
  erpc::netsuite::testing::netsuite_sim sim_;
  erpc::http_service http_{erpc::http_service_options{}};
  std::unique_ptr<erpc::testing::fake_host> host_;
  const erpc_adapter_v1* adapter_ = nullptr;
  erpc_connection* connection_ = nullptr;
  std::mutex mutex_;
  fault next_fault_;
};

json supplier(const std::string& number) {
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"name", "Acme " + number},
          {"number", number},
          {"legal_entity", "DE01"},
          {"default_currency", "EUR"}};
}

json invoice(const std::string& number, const std::string& gross) {
  auto money = [](const std::string& a) { return json{{"amount", a}, {"currency", "EUR"}}; };
  return {{"external_refs", json::object()},
          {"source", {{"system", "test"}}},
          {"document_type", "invoice"},
          {"direction", "payable"},
          {"legal_entity", "DE01"},
          {"supplier", {{"number", "SUP-1"}}},
          {"invoice_number", number},
          {"invoice_date", "2026-03-02"},
          {"currency", "EUR"},
          {"lines",
           {{{"account", "5400"}, {"tax_code", "DE19"}, {"description", "Bearings"},
             {"net", money("100.00")}, {"tax", money("19.00")}, {"gross", money(gross)}}}},
          {"totals", {{"net", money("100.00")}, {"tax", money("19.00")}, {"gross", money(gross)}}}};
}

void create_supplier(rig& r) { r.ok(r.call("create", "Supplier", "sup-1", supplier("SUP-1"))); }

// R5b replay on a fresh connection: {replayed, same id, bills NetSuite holds}.
struct replay_outcome {
  bool replayed;
  bool same_id;
  int bills;
};
replay_outcome replay_without_ledger(const std::string& path) {
  rig r(path);
  create_supplier(r);
  const auto first = r.ok(r.call("create", "Invoice", "inv-r", invoice("AC-R", "119.00")));
  r.open();
  const auto again = r.ok(r.call("create", "Invoice", "inv-r", invoice("AC-R", "119.00")));
  return {again["replayed"] == true, again["result"]["id"] == first["result"]["id"],
          r.effects("vendorBill")["count"].get<int>()};
}

// R5b reuse on a fresh connection: {class (nullopt = ok), writes after the first create}.
struct reuse_outcome {
  std::optional<erpc::error_class> cls;
  int writes;
};
reuse_outcome reuse_without_ledger(const std::string& path) {
  rig r(path);
  create_supplier(r);
  r.ok(r.call("create", "Invoice", "inv-u", invoice("AC-U", "119.00")));
  r.open();
  const auto reused = r.call("create", "Invoice", "inv-u", invoice("AC-U", "119.01"));
  const auto fx = r.effects("vendorBill");
  return {reused.error ? std::optional(reused.error->cls()) : std::nullopt,
          fx["created"].get<int>() + fx["updated"].get<int>() - 1};
}

// The error a fault on the next request turns into, for a create or a get.
erpc::error error_for(const std::string& path, fault f, bool write = true) {
  rig r(path);
  create_supplier(r);
  r.inject(std::move(f));
  if (write) return r.failed(r.call("create", "Invoice", "inv-f", invoice("AC-F", "119.00")));
  return r.failed(r.call("get", "Supplier", "", {{"natural_key", "sup-1"}}));
}

fault answer_429(const char* retry_after) {
  return [retry_after](const erpc::http_request& req) -> std::optional<erpc::http_response> {
    if (req.method == "GET") return std::nullopt;  // the create's POST, not the supplier lookup
    return netsuite_error(429, "CONCURRENCY_LIMIT_EXCEEDED", {{"Retry-After", retry_after}});
  };
}

}  // namespace

TEST_CASE("duplicates_on_replay: a replay without a ledger makes a second bill", "[mutants]") {
  const auto good = replay_without_ledger(unmutated);
  CHECK(good.replayed);
  CHECK(good.same_id);
  CHECK(good.bills == 1);
  const auto bad = replay_without_ledger(mutant_path("duplicates_on_replay"));
  CHECK_FALSE(bad.replayed);
  CHECK(bad.bills == 2);
}

TEST_CASE("new_id_on_replay: the replay answers another vendor id", "[mutants]") {
  const auto bad = replay_without_ledger(mutant_path("new_id_on_replay"));
  CHECK(bad.replayed);
  CHECK_FALSE(bad.same_id);
  CHECK(bad.bills == 1);
}

TEST_CASE("no_reuse_detection: a changed payload under the key is answered as a replay",
          "[mutants]") {
  const auto good = reuse_without_ledger(unmutated);
  CHECK(good.cls == erpc::error_class::idempotency_key_reuse);
  CHECK(good.writes == 0);
  const auto bad = reuse_without_ledger(mutant_path("no_reuse_detection"));
  CHECK_FALSE(bad.cls.has_value());
  CHECK(bad.writes == 0);  // the defect is the answer, not a write
}

TEST_CASE("creates_through_upsert: a changed payload under the key overwrites the bill",
          "[mutants]") {
  const auto bad = reuse_without_ledger(mutant_path("creates_through_upsert"));
  CHECK_FALSE(bad.cls.has_value());
  CHECK(bad.writes == 1);
}

TEST_CASE("rate_limit_as_internal and retry_after_dropped: 429 + Retry-After: 7", "[mutants]") {
  const auto good = error_for(unmutated, answer_429("7"));
  CHECK(good.cls() == erpc::error_class::rate_limited);
  CHECK(good.retry_after_ms() == 7000);
  CHECK(good.effect() == erpc::effect::none);

  const auto internal = error_for(mutant_path("rate_limit_as_internal"), answer_429("7"));
  CHECK(internal.cls() == erpc::error_class::internal);

  const auto dropped = error_for(mutant_path("retry_after_dropped"), answer_429("7"));
  CHECK(dropped.cls() == erpc::error_class::rate_limited);
  CHECK_FALSE(dropped.retry_after_ms().has_value());
}

TEST_CASE("unavailable_not_retryable: a 503 becomes a final class", "[mutants]") {
  const auto answer_503 = [](const erpc::http_request&) {
    return std::optional(netsuite_error(503, "", {{"Retry-After", "3"}}));
  };
  const auto good = error_for(unmutated, answer_503, /*write=*/false);
  CHECK(erpc::is_retryable(good.cls()));
  const auto bad = error_for(mutant_path("unavailable_not_retryable"), answer_503, false);
  CHECK_FALSE(erpc::is_retryable(bad.cls()));
}

TEST_CASE("lost_reply_as_unavailable: a committed write with a lost reply is UNAVAILABLE",
          "[mutants]") {
  auto run = [](const std::string& path) {
    rig r(path);
    create_supplier(r);
    erpc::http_service direct{erpc::http_service_options{}};
    r.inject([&direct](const erpc::http_request& req) -> std::optional<erpc::http_response> {
      if (req.method == "GET") return std::nullopt;  // the create's POST, not the lookup
      (void)erpc::http_client(direct.table()).send(req, nullptr);
      erpc::http_response lost;
      lost.transport = erpc::http_transport::failed;
      lost.request_sent = true;
      lost.transport_message = "connection reset while reading the reply";
      return lost;
    });
    auto e = r.failed(r.call("create", "Invoice", "inv-l", invoice("AC-L", "119.00")));
    CHECK(r.effects("vendorBill")["count"] == 1);  // it did happen at NetSuite
    return e;
  };
  const auto good = run(unmutated);
  CHECK(good.cls() == erpc::error_class::outcome_unknown);
  CHECK(good.effect() == erpc::effect::possible);
  const auto bad = run(mutant_path("lost_reply_as_unavailable"));
  CHECK(bad.cls() == erpc::error_class::unavailable);
  CHECK(bad.effect() == erpc::effect::none);
}

TEST_CASE("no_token_refresh: rotated credentials are never used after the 401", "[mutants]") {
  auto run = [](const std::string& path) {
    rig r(path);
    // NetSuite now expects a rotated consumer secret, and the secret store holds it: the
    // first request (old signature) is refused with 401, the re-signed retry must go out.
    r.sim().apply_settings({{"auth.consumer_secret", "rotated-consumer-secret"}});
    r.host().secrets().set("env:NS_CONSUMER_SECRET", "rotated-consumer-secret");
    return r.call("create", "Supplier", "sup-rot", supplier("SUP-ROT"));
  };
  const auto good = run(unmutated);
  CHECK(good.ok);
  const auto bad = run(mutant_path("no_token_refresh"));
  REQUIRE(bad.error);
  CHECK(bad.error->cls() == erpc::error_class::authentication);
}

TEST_CASE("no_token_refresh: one 401 without rotation is not re-sent", "[mutants]") {
  // What `erpc certify` does (errors.http_401_refresh): one 401 on the create, then NetSuite
  // answers normally.
  auto run = [](const std::string& path) {
    rig r(path);
    r.inject([](const erpc::http_request& req) -> std::optional<erpc::http_response> {
      if (req.method == "GET") return std::nullopt;
      return netsuite_error(401, "INVALID_LOGIN");
    });
    auto result = r.call("create", "Supplier", "sup-401", supplier("SUP-401"));
    return std::make_pair(result, r.effects("vendor")["count"].get<int>());
  };
  const auto [good, good_records] = run(unmutated);
  CHECK(good.ok);
  CHECK(good_records == 1);
  const auto [bad, bad_records] = run(mutant_path("no_token_refresh"));
  REQUIRE(bad.error);
  CHECK(bad.error->cls() == erpc::error_class::authentication);
  CHECK(bad_records == 0);
}

TEST_CASE("secret_in_error: an error message carries the token secret", "[mutants]") {
  auto run = [](const std::string& path) {
    rig r(path);
    return r.failed(r.call("get", "Supplier", "", {{"id", "99999"}})).message();
  };
  CHECK_THAT(run(unmutated), !Catch::Contains(token_secret));
  CHECK_THAT(run(mutant_path("secret_in_error")), Catch::Contains(token_secret));
}

TEST_CASE("float_amount: money in a result is a JSON number", "[mutants]") {
  auto run = [](const std::string& path) {
    rig r(path);
    create_supplier(r);
    return r.ok(r.call("create", "Invoice", "inv-m", invoice("AC-M", "119.00")))["result"];
  };
  CHECK(run(unmutated)["totals"]["gross"]["amount"] == "119.00");
  const auto bad = run(mutant_path("float_amount"));
  CHECK(bad["totals"]["gross"]["amount"].is_number_float());
  CHECK(bad["lines"][0]["net"]["amount"].is_number_float());
}

TEST_CASE("wrong_abi_major: the entry declares the next major, which a host refuses", "[mutants]") {
  library good(unmutated);
  CHECK(good.entry().abi_major == ERPC_ABI_MAJOR);
  library bad(mutant_path("wrong_abi_major"));
  CHECK(bad.entry().abi_major == ERPC_ABI_MAJOR + 1);
  erpc::testing::fake_host host;
  CHECK_THROWS_WITH(host.init(bad.entry()), Catch::Contains("does not fit"));
}

TEST_CASE("throws_across_boundary: execute lets a C++ exception out", "[mutants]") {
  rig good(unmutated);
  CHECK_NOTHROW(good.call("get", "Supplier", "", {{"id", "1"}}));
  rig bad(mutant_path("throws_across_boundary"));
  CHECK_THROWS_WITH(bad.call("get", "Supplier", "", {{"id", "1"}}),
                    Catch::Contains("thrown out of execute"));
}

TEST_CASE("never_returns: execute is still running long after its deadline", "[mutants]") {
  // The hung call keeps its host, call and library forever: they are never freed, and stay
  // reachable from this static (so LeakSanitizer does not count them as leaks). A vector that
  // is never destroyed, not two pointer statics: an optimiser may drop a store to a static that
  // is never read, and a static vector would be freed before LeakSanitizer looks at exit.
  static auto* kept_forever = new std::vector<void*>();
  auto* lib = new library(mutant_path("never_returns"));
  kept_forever->push_back(lib);
  lib->keep_loaded();
  auto* host = new erpc::testing::fake_host();
  kept_forever->push_back(host);
  host->clock().set(wall_ms());
  host->call_budget_ms = 100;
  for (const char* ref : {"env:A", "env:B", "env:C", "env:D"}) host->secrets().set(ref, "x");
  const auto* adapter = host->init(lib->entry());
  auto* conn = host->open(adapter, json{{"account_id", "1234567_SB1"},
                                        {"base_url", "http://127.0.0.1:9"},
                                        {"consumer_key", "env:A"},
                                        {"consumer_secret", "env:B"},
                                        {"token_id", "env:C"},
                                        {"token_secret", "env:D"}}
                                       .dump());
  auto returned = std::make_shared<std::atomic<bool>>(false);
  std::thread([host, adapter, conn, returned] {
    (void)host->execute(adapter, conn,
                        R"({"contract":"1.0","op":"get","object":"Supplier","query":{"id":"1"}})");
    *returned = true;
  }).detach();
  std::this_thread::sleep_for(std::chrono::milliseconds(600));  // 6x the call budget
  CHECK_FALSE(returned->load());
}
