#include <erpc/host/dispatcher.hpp>

#include <erpc/host/database.hpp>
#include <erpc/host/exception_queues.hpp>
#include <erpc/host/host_clock.hpp>

#include <catch2/catch.hpp>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <deque>
#include <filesystem>
#include <unistd.h>

using namespace erpc;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A scripted vendor: answers each call with the next scripted outcome (ok by default) and
// remembers every envelope it was given.
struct scripted_vendor {
  std::deque<std::optional<error>> script;
  std::vector<json> calls;

  execute_outcome operator()(const json& envelope) {
    calls.push_back(envelope);
    execute_outcome out;
    std::optional<error> next;
    if (!script.empty()) {
      next = script.front();
      script.pop_front();
    }
    if (next) {
      out.failure = std::make_shared<const error>(*next);
      return out;
    }
    out.ok = true;
    out.response = std::make_shared<const json>(
        json{{"status", "ok"}, {"replayed", false},
             {"result", {{"id", "V-" + std::to_string(calls.size())}}}});
    return out;
  }
};

struct fixture {
  fs::path dir;
  manual_host_clock clock;
  std::unique_ptr<database> db;
  std::unique_ptr<idempotency_ledger> ledger;
  std::unique_ptr<exception_queues> queues;
  runtime_config config;
  scripted_vendor vendor;
  std::unique_ptr<dispatcher> d;

  explicit fixture(json connection = json::object()) {
    dir = fs::temp_directory_path() /
          ("erpc_dispatcher_test_" + std::to_string(::getpid()) + "_" +
           std::to_string(counter()++));
    fs::remove_all(dir);
    fs::create_directories(dir);
    database_config dbc;
    dbc.path = (dir / "ledger.db").string();
    db = std::make_unique<database>(dbc, clock);
    ledger = std::make_unique<idempotency_ledger>(*db);
    queues = std::make_unique<exception_queues>(*db);
    connection["adapter"] = "scripted";
    if (!connection.contains("retry")) {
      connection["retry"] = {{"max_attempts", 3}, {"initial_backoff_ms", 100},
                             {"max_backoff_ms", 1000}, {"jitter_percent", 0}};
    }
    config = runtime_config::parse(json{{"connections", {{"c1", connection}}}});
    d = std::make_unique<dispatcher>(
        config, *ledger, clock,
        [this](const connection_config&) -> connection_call {
          return [this](const json& e) { return vendor(e); };
        },
        dispatcher::request_validator{},
        std::make_shared<spdlog::logger>("t", std::make_shared<spdlog::sinks::null_sink_mt>()));
  }
  ~fixture() {
    d.reset();
    queues.reset();
    ledger.reset();
    db.reset();
    fs::remove_all(dir);
  }
  static int& counter() {
    static int n = 0;
    return n;
  }

  submit_outcome submit(const std::string& key, json payload = {{"amount", "1.00"}},
                        json extra = json::object()) {
    json envelope = {{"contract", "1.0"}, {"op", "create"}, {"object", "Invoice"},
                     {"idempotency_key", key}, {"connection", "c1"},
                     {"payload", std::move(payload)}};
    envelope.update(extra);
    return d->submit(envelope);
  }
  message_state state_of(const std::string& message_id) {
    return queues->get_message(message_id)->state;
  }
};

error unavailable() {
  return error(error_class::unavailable, "v.down", "down").with_effect(effect::none);
}

}  // namespace

TEST_CASE("a write is accepted first, attempted by a worker, and replayed afterwards") {
  fixture f;
  auto first = f.submit("inv-1");
  REQUIRE_FALSE(first.refused);
  REQUIRE(first.accepted.kind == accept_kind::accepted);
  REQUIRE(f.vendor.calls.empty());  // durable before attempted
  REQUIRE(f.d->run_once() == 1);
  REQUIRE(f.vendor.calls.size() == 1);
  REQUIRE(f.vendor.calls[0]["attempt"] == 1);
  REQUIRE(f.vendor.calls[0]["prior_outcome"].is_null());
  REQUIRE(f.state_of(first.accepted.message_id) == message_state::succeeded);

  auto again = f.submit("inv-1");
  REQUIRE(again.accepted.kind == accept_kind::replay);
  REQUIRE(json::parse(*again.accepted.stored_response)["result"]["id"] == "V-1");
  REQUIRE(f.d->run_once() == 0);
  REQUIRE(f.vendor.calls.size() == 1);
}

TEST_CASE("the same key with another payload is refused and writes nothing") {
  fixture f;
  f.submit("inv-1", {{"total", {{"amount", "1.00"}, {"currency", "EUR"}}}});
  const auto before = f.ledger->unfinished_count("c1");
  auto reuse = f.submit("inv-1", {{"total", {{"amount", "2.00"}, {"currency", "EUR"}}}});
  REQUIRE(reuse.refused);
  REQUIRE(reuse.refused->cls() == error_class::idempotency_key_reuse);
  REQUIRE(f.ledger->unfinished_count("c1") == before);
  // Amounts are normalised before fingerprinting: 1.0 and 1.00 are the same payload.
  REQUIRE_FALSE(f.submit("inv-1", {{"total", {{"amount", "1.0"}, {"currency", "EUR"}}}}).refused);
}

TEST_CASE("reverse and cancel carry their target query through the outbox, keyed by it") {
  fixture f;
  const json reverse = {{"contract", "1.0"}, {"op", "reverse"}, {"object", "Payment"},
                        {"idempotency_key", "void-1"}, {"connection", "c1"},
                        {"query", {{"id", "4711"}}}};
  const auto first = f.d->submit(reverse);
  REQUIRE_FALSE(first.refused);
  REQUIRE(f.d->run_once() == 1);
  REQUIRE(f.vendor.calls.size() == 1);
  CHECK(f.vendor.calls[0]["query"] == json({{"id", "4711"}}));
  CHECK_FALSE(f.vendor.calls[0].contains("payload"));
  CHECK(f.d->submit(reverse).accepted.kind == accept_kind::replay);
  auto other = reverse;
  other["query"]["id"] = "4712";
  const auto reuse = f.d->submit(other);
  REQUIRE(reuse.refused);
  CHECK(reuse.refused->cls() == error_class::idempotency_key_reuse);
}

TEST_CASE("retryable failures wait for their backoff and the vendor's Retry-After") {
  fixture f;
  f.vendor.script.push_back(
      error(error_class::rate_limited, "v.429", "slow").with_retry_after_ms(5000));
  auto s = f.submit("inv-1");
  REQUIRE(f.d->run_once() == 1);
  REQUIRE(f.state_of(s.accepted.message_id) == message_state::waiting_retry);
  f.clock.advance_ms(4999);
  REQUIRE(f.d->run_once() == 0);
  f.clock.advance_ms(1);
  REQUIRE(f.d->run_once() == 1);
  REQUIRE(f.vendor.calls.size() == 2);
  REQUIRE(f.vendor.calls[1]["attempt"] == 2);
  REQUIRE(f.state_of(s.accepted.message_id) == message_state::succeeded);
}

TEST_CASE("an unknown outcome is retried only as a read-back (prior_outcome unknown)") {
  fixture f;
  f.vendor.script.push_back(
      error(error_class::outcome_unknown, "v.timeout", "lost").with_effect(effect::possible));
  auto s = f.submit("inv-1");
  f.d->run_once();
  f.clock.advance_ms(1000);
  f.d->run_once();
  REQUIRE(f.vendor.calls.size() == 2);
  REQUIRE(f.vendor.calls[1]["prior_outcome"] == "unknown");
  REQUIRE(f.state_of(s.accepted.message_id) == message_state::succeeded);
}

TEST_CASE("retries run out into the technical queue, the key stays bound") {
  fixture f;
  for (int i = 0; i < 3; ++i) {
    f.vendor.script.push_back(
        error(error_class::outcome_unknown, "v.timeout", "lost").with_effect(effect::possible));
  }
  auto s = f.submit("inv-1");
  for (int i = 0; i < 5; ++i) {
    f.d->run_once();
    f.clock.advance_ms(2000);
  }
  REQUIRE(f.vendor.calls.size() == 3);
  const auto m = f.queues->get_message(s.accepted.message_id);
  REQUIRE(m->state == message_state::queued);
  REQUIRE(m->queue == exception_queue::technical);
  REQUIRE(f.ledger->key_state_of({"c1", "Invoice", "create", "inv-1"}) == key_state::unresolved);
  // A corrected payload cannot take the key over: an effect may have happened.
  REQUIRE(f.submit("inv-1", {{"amount", "9.00"}}).refused);
}

TEST_CASE("a definitive VALIDATION failure goes to the business queue and frees the key") {
  fixture f;
  f.vendor.script.push_back(error(error_class::validation, "v.400", "bad tax code")
                                .with_field("/lines/0/tax_code", "v.tax", "unknown")
                                .with_effect(effect::none));
  auto s = f.submit("inv-1");
  f.d->run_once();
  const auto m = f.queues->get_message(s.accepted.message_id);
  REQUIRE(m->queue == exception_queue::business);
  REQUIRE(f.ledger->key_state_of({"c1", "Invoice", "create", "inv-1"}) == key_state::free);
  auto corrected = f.submit("inv-1", {{"amount", "1.00"}, {"tax_code", "DE19"}});
  REQUIRE_FALSE(corrected.refused);
  REQUIRE(corrected.accepted.kind == accept_kind::accepted);
  f.d->run_once();
  REQUIRE(f.state_of(corrected.accepted.message_id) == message_state::succeeded);
}

TEST_CASE("an invoice never overtakes the supplier it depends on, nor its ordering key") {
  fixture f;
  f.vendor.script.push_back(unavailable());  // the supplier's first attempt fails
  auto supplier = f.submit("sup-1", {{"name", "Acme"}}, {{"object", "Supplier"},
                                                         {"ordering_key", "supplier:SUP-1"}});
  auto invoice = f.submit("inv-1", {{"amount", "1.00"}},
                          {{"ordering_key", "supplier:SUP-1"}, {"depends_on", {"sup-1"}}});
  REQUIRE(f.d->run_once() == 1);  // only the supplier was due
  REQUIRE(f.vendor.calls.size() == 1);
  f.clock.advance_ms(1000);
  REQUIRE(f.d->run_once() == 2);  // supplier retried and done, then the invoice
  REQUIRE(f.vendor.calls[1]["object"] == "Supplier");
  REQUIRE(f.vendor.calls[2]["object"] == "Invoice");
  REQUIRE(f.state_of(invoice.accepted.message_id) == message_state::succeeded);
  REQUIRE(f.state_of(supplier.accepted.message_id) == message_state::succeeded);
}

TEST_CASE("a full connection refuses new work instead of queueing without bound") {
  fixture f(json{{"max_queued", 2}});
  REQUIRE_FALSE(f.submit("a").refused);
  REQUIRE_FALSE(f.submit("b").refused);
  auto third = f.submit("c");
  REQUIRE(third.refused);
  REQUIRE(third.refused->cls() == error_class::rate_limited);
  REQUIRE(third.refused->retry_after_ms());
  f.d->run_once();
  REQUIRE_FALSE(f.submit("c").refused);
}

TEST_CASE("the rate limit spaces calls on the host clock") {
  fixture f(json{{"rate_limit", {{"per_second", 1}, {"burst", 1}}}});
  f.submit("a");
  f.submit("b");
  REQUIRE(f.d->run_once() == 1);
  REQUIRE(f.d->run_once() == 0);
  f.clock.advance_ms(1000);
  REQUIRE(f.d->run_once() == 1);
}

TEST_CASE("the circuit breaker stops calls to a failing connection, then probes") {
  fixture f(json{{"circuit_breaker", {{"failure_threshold", 2}, {"open_ms", 10000}}},
                 {"retry", {{"max_attempts", 10}, {"initial_backoff_ms", 1},
                            {"max_backoff_ms", 1}, {"jitter_percent", 0}}}});
  f.vendor.script = {unavailable(), unavailable()};
  f.submit("a");
  f.d->run_once();
  f.clock.advance_ms(5);
  f.d->run_once();
  REQUIRE(f.vendor.calls.size() == 2);
  f.clock.advance_ms(5000);
  REQUIRE(f.d->run_once() == 0);  // open: no call although the retry is due
  f.clock.advance_ms(5000);
  REQUIRE(f.d->run_once() == 1);  // half-open probe succeeds
  REQUIRE(f.vendor.calls.size() == 3);
}

TEST_CASE("submit refuses what cannot be a durable write") {
  fixture f;
  json read = {{"op", "get"}, {"object", "Invoice"}, {"connection", "c1"}};
  REQUIRE(f.d->submit(read).refused->code() == "dispatch.not_a_write");
  json unknown = {{"op", "create"}, {"object", "Invoice"}, {"connection", "nope"},
                  {"idempotency_key", "k"}, {"payload", json::object()}};
  REQUIRE(f.d->submit(unknown).refused->code() == "dispatch.unknown_connection");
}

TEST_CASE("a raised status is queued without a call, even on a full connection, replay asks "
          "the adapter with its query") {
  fixture f(json{{"max_queued", 1}});
  REQUIRE_FALSE(f.submit("a").refused);  // the connection is full
  const error overdue = error(error_class::in_progress, "flow.status_overdue", "no pain.002")
                            .with_effect(effect::none);
  const json watch = {{"op", "status"}, {"object", "PaymentBatch"}, {"connection", "c1"},
                      {"idempotency_key", "R1.status"}, {"correlation_id", "pay-R1"},
                      {"query", {{"natural_key", {{"message_id", "M-R1"}}}}}};
  const auto raised = f.d->raise(watch, overdue, exception_queue::technical);
  REQUIRE_FALSE(raised.refused);
  CHECK(f.state_of(raised.accepted.message_id) == message_state::queued);
  CHECK(f.d->message_of({"c1", "PaymentBatch", "status", "R1.status"}) == raised.accepted.message_id);
  f.d->run_once();
  REQUIRE(f.vendor.calls.size() == 1);  // only the write "a"; the raised status waits for a person
  CHECK(f.vendor.calls[0]["op"] == "create");

  f.queues->replay(raised.accepted.message_id, std::nullopt, "ops");
  f.d->run_once();
  REQUIRE(f.vendor.calls.size() == 2);
  CHECK(f.vendor.calls[1]["op"] == "status");
  CHECK(f.vendor.calls[1]["query"] == watch["query"]);
  CHECK_FALSE(f.vendor.calls[1].contains("payload"));
  CHECK(f.state_of(raised.accepted.message_id) == message_state::succeeded);

  // Only a status (or a write) can be raised; a connection must exist.
  json read = watch;
  read["op"] = "get";
  CHECK(f.d->raise(read, overdue, exception_queue::technical).refused->code() == "dispatch.not_a_write");
  json nowhere = watch;
  nowhere["connection"] = "nope";
  CHECK(f.d->raise(nowhere, overdue, exception_queue::technical).refused->code() ==
        "dispatch.unknown_connection");
  // submit still refuses a status: it is a read.
  CHECK(f.d->submit(watch).refused->code() == "dispatch.not_a_write");
}
