// The exactly-once algorithm on both backends (docs/design/runtime.md; ARCHITECTURE §6).
#include <erpc/host/idempotency_ledger.hpp>

#include "test_databases.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <set>
#include <thread>

using namespace erpc;
using erpc::test::count_tables;
using erpc::test::test_site;

namespace {

const char* const supplier_payload = R"({"name":"Acme","amount":"100.50","currency":"EUR"})";
const char* const other_payload = R"({"name":"Acme","amount":"999.00","currency":"EUR"})";

accept_request request(const std::string& key, const std::string& payload = supplier_payload,
                       std::optional<std::string> ordering_key = std::nullopt,
                       std::vector<std::string> depends_on = {}) {
  accept_request r;
  r.key = {"hello-eu", "supplier", "create", key};
  r.payload = payload;
  r.ordering_key = std::move(ordering_key);
  r.depends_on = std::move(depends_on);
  return r;
}

claim_request claim_at(std::int64_t now, int limit = 10, std::int64_t lease_ms = 30000,
                       std::string owner = "host-a") {
  claim_request c;
  c.owner = std::move(owner);
  c.now_ms = now;
  c.lease_ms = lease_ms;
  c.limit = limit;
  return c;
}

std::vector<std::string> ids(const std::vector<claimed_message>& claimed) {
  std::vector<std::string> out;
  for (const auto& c : claimed) out.push_back(c.message_id);
  return out;
}

error validation_error() {
  return error(error_class::validation, "vendor.bad_iban", "the IBAN is invalid");
}

error unknown_outcome() {
  return error(error_class::outcome_unknown, "http.timeout_after_send", "no reply");
}

key_scope scope(const std::string& key) { return {"hello-eu", "supplier", "create", key}; }

}  // namespace

TEST_CASE("R1: the same key and payload again replays the stored response", "[ledger]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const accept_result first = ledger.accept(request("k-1"));
  REQUIRE(first.kind == accept_kind::accepted);
  REQUIRE(ledger.key_state_of(scope("k-1")) == key_state::pending);

  const accept_result while_pending = ledger.accept(request("k-1"));
  CHECK(while_pending.kind == accept_kind::existing);
  CHECK(while_pending.message_id == first.message_id);
  CHECK(while_pending.correlation_id == first.correlation_id);

  const auto claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].attempt == 1);
  CHECK_FALSE(claimed[0].prior_outcome);
  CHECK(ledger.accept(request("k-1")).kind == accept_kind::in_progress);

  ledger.record_success(claimed[0].message_id, claimed[0].fencing_token, R"({"id":"V-1"})");
  const accept_result again = ledger.accept(request("k-1"));
  CHECK(again.kind == accept_kind::replay);
  CHECK(again.message_id == first.message_id);
  REQUIRE(again.stored_response);
  CHECK(*again.stored_response == R"({"id":"V-1"})");
  // Amounts are normalised before fingerprinting: "100.5" is the same request as "100.50".
  CHECK(
      ledger.accept(request("k-1", R"({"currency":"EUR","amount":"100.5","name":"Acme"})")).kind ==
      accept_kind::replay);
  CHECK(count_tables(*db).messages == 1);
}

TEST_CASE("R2: the same key with another payload is reuse and writes nothing", "[ledger]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);

  const accept_result first = ledger.accept(request("k-2"));
  const auto before = count_tables(*db);
  const accept_result reused = ledger.accept(request("k-2", other_payload));
  CHECK(reused.kind == accept_kind::reuse);
  CHECK(reused.message_id == first.message_id);
  CHECK(count_tables(*db) == before);

  // Also once completed.
  const auto claimed = ledger.claim(claim_at(site.clock().now_unix_ms()));
  ledger.record_success(claimed.at(0).message_id, claimed.at(0).fencing_token, "{}");
  const auto after_success = count_tables(*db);
  CHECK(ledger.accept(request("k-2", other_payload)).kind == accept_kind::reuse);
  CHECK(count_tables(*db) == after_success);
}

TEST_CASE("R3: parallel accepts of one key make exactly one message", "[ledger]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  // SQLite: one host, 8 threads. PostgreSQL: two hosts (two databases), 4 threads each.
  std::vector<std::unique_ptr<database>> hosts;
  hosts.push_back(site.open());
  if (backend == database_backend::postgres) hosts.push_back(site.open());
  std::vector<std::unique_ptr<idempotency_ledger>> ledgers;
  for (auto& h : hosts) ledgers.push_back(std::make_unique<idempotency_ledger>(*h));

  std::atomic<int> ready{0};
  std::atomic<int> accepted{0};
  std::atomic<int> existing{0};
  std::atomic<int> other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      idempotency_ledger& ledger = *ledgers[static_cast<std::size_t>(t) % ledgers.size()];
      ++ready;
      while (ready.load() < 8) std::this_thread::yield();
      const auto r = ledger.accept(request("k-3"));
      if (r.kind == accept_kind::accepted) {
        ++accepted;
      } else if (r.kind == accept_kind::existing) {
        ++existing;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  CHECK(accepted.load() == 1);
  CHECK(existing.load() == 7);
  CHECK(other.load() == 0);
  CHECK(count_tables(*hosts[0]).messages == 1);
  CHECK(count_tables(*hosts[0]).keys == 1);
}

TEST_CASE("a stale fencing token commits nothing", "[ledger][lease]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  ledger.accept(request("k-4"));
  const auto first = ledger.claim(claim_at(now, 1, 1000));
  REQUIRE(first.size() == 1);
  REQUIRE(ledger.expire_leases(now + 1000) == 1);
  const auto second = ledger.claim(claim_at(now + 1000, 1, 1000, "host-b"));
  REQUIRE(second.size() == 1);
  CHECK(second[0].fencing_token > first[0].fencing_token);

  const auto before = count_tables(*db);
  const auto stale = [&](auto&& call) {
    try {
      call();
      FAIL("a stale token was accepted");
    } catch (const error& e) {
      CHECK(e.code() == "store.stale_fencing_token");
      CHECK(e.cls() == error_class::conflict);
    }
  };
  stale([&] { ledger.record_success(first[0].message_id, first[0].fencing_token, "{}"); });
  stale([&] {
    ledger.record_failure(first[0].message_id, first[0].fencing_token, validation_error(),
                          failure_decision::to_queue());
  });
  CHECK(count_tables(*db) == before);
  CHECK(ledger.key_state_of(scope("k-4")) == key_state::in_flight);

  ledger.record_success(second[0].message_id, second[0].fencing_token, R"({"id":"V-4"})");
  CHECK(ledger.key_state_of(scope("k-4")) == key_state::completed);
  // Recording twice with the same token is stale too: the message is no longer in flight.
  stale([&] { ledger.record_success(second[0].message_id, second[0].fencing_token, "{}"); });
}

TEST_CASE("an expired lease is unresolved, claimed again with prior_outcome unknown, never freed",
          "[ledger][lease]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  ledger.accept(request("k-5"));
  REQUIRE(ledger.claim(claim_at(now, 1, 5000)).size() == 1);
  CHECK(ledger.expire_leases(now + 4999) == 0);
  CHECK(ledger.expire_leases(now + 5000) == 1);
  CHECK(ledger.key_state_of(scope("k-5")) == key_state::unresolved);
  CHECK(ledger.accept(request("k-5")).kind == accept_kind::existing);
  CHECK(ledger.accept(request("k-5", other_payload)).kind == accept_kind::reuse);

  const auto again = ledger.claim(claim_at(now + 5000));
  REQUIRE(again.size() == 1);
  CHECK(again[0].attempt == 2);
  CHECK(again[0].prior_outcome == std::optional<std::string>("unknown"));

  // Even a definitive effect-none failure now keeps the key: the first attempt may have posted.
  const auto recorded = ledger.record_failure(again[0].message_id, again[0].fencing_token,
                                              validation_error(), failure_decision::to_queue());
  CHECK(recorded.key == key_state::unresolved);
  CHECK(recorded.queue == exception_queue::business);
  CHECK(ledger.key_state_of(scope("k-5")) == key_state::unresolved);
  CHECK(ledger.accept(request("k-5", other_payload)).kind == accept_kind::reuse);
}

TEST_CASE("a definitive effect-none failure frees the key for the corrected payload",
          "[ledger][failure]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const auto first = ledger.accept(request("k-6"));
  const auto claimed = ledger.claim(claim_at(now));
  const auto recorded = ledger.record_failure(claimed.at(0).message_id, claimed.at(0).fencing_token,
                                              validation_error(), failure_decision::to_queue());
  CHECK(recorded.message == message_state::queued);
  CHECK(recorded.queue == exception_queue::business);
  CHECK(recorded.key == key_state::free);
  CHECK(ledger.key_state_of(scope("k-6")) == key_state::free);

  const auto corrected = ledger.accept(request("k-6", other_payload));
  CHECK(corrected.kind == accept_kind::accepted);
  CHECK(corrected.message_id != first.message_id);
  CHECK(ledger.accept(request("k-6", other_payload)).kind == accept_kind::existing);
  CHECK(ledger.accept(request("k-6")).kind == accept_kind::reuse);
}

TEST_CASE("OUTCOME_UNKNOWN keeps the key bound through retries and the queue",
          "[ledger][failure]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  ledger.accept(request("k-7"));
  auto claimed = ledger.claim(claim_at(now));
  auto recorded = ledger.record_failure(claimed.at(0).message_id, claimed.at(0).fencing_token,
                                        unknown_outcome(), failure_decision::retry_at(now + 2000));
  CHECK(recorded.message == message_state::waiting_retry);
  CHECK(recorded.key == key_state::unresolved);
  CHECK(ledger.claim(claim_at(now + 1999)).empty());
  CHECK(ledger.accept(request("k-7", other_payload)).kind == accept_kind::reuse);

  claimed = ledger.claim(claim_at(now + 2000));
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].attempt == 2);
  CHECK(claimed[0].prior_outcome == std::optional<std::string>("unknown"));
  // A rate limit on the read-back attempt does not make the earlier unknown go away.
  recorded = ledger.record_failure(claimed[0].message_id, claimed[0].fencing_token,
                                   error(error_class::rate_limited, "vendor.429", "slow down"),
                                   failure_decision::to_queue());
  CHECK(recorded.queue == exception_queue::technical);
  CHECK(recorded.key == key_state::unresolved);
}

TEST_CASE("a retryable effect-none failure keeps the key pending", "[ledger][failure]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  ledger.accept(request("k-8"));
  auto claimed = ledger.claim(claim_at(now));
  const auto rate_limited = error(error_class::rate_limited, "vendor.429", "slow down");
  auto recorded = ledger.record_failure(claimed.at(0).message_id, claimed.at(0).fencing_token,
                                        rate_limited, failure_decision::retry_at(now + 10));
  CHECK(recorded.key == key_state::pending);
  claimed = ledger.claim(claim_at(now + 10));
  REQUIRE(claimed.size() == 1);
  CHECK_FALSE(claimed[0].prior_outcome);
  // Retries exhausted: queued technical, the key stays bound (not definitive, so not freed).
  recorded = ledger.record_failure(claimed[0].message_id, claimed[0].fencing_token, rate_limited,
                                   failure_decision::to_queue(exception_queue::technical));
  CHECK(recorded.key == key_state::pending);
  CHECK(ledger.accept(request("k-8")).kind == accept_kind::existing);
  // A definitive failure whose adapter says an effect was possible keeps it bound too.
  ledger.accept(request("k-8b"));
  claimed = ledger.claim(claim_at(now + 10));
  recorded = ledger.record_failure(
      claimed.at(0).message_id, claimed.at(0).fencing_token,
      error(error_class::internal, "adapter.bug", "unparseable body").with_effect(effect::possible),
      failure_decision::to_queue());
  CHECK(recorded.key == key_state::unresolved);
}

TEST_CASE("claim honours next_attempt_ms, the limit and the connection filter", "[ledger]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const auto a = ledger.accept(request("k-9a"));
  auto other_connection = request("k-9b");
  other_connection.key.connection = "hello-us";
  const auto b = ledger.accept(other_connection);
  CHECK(ledger.claim(claim_at(now - 1)).empty());  // accepted "now": not due before

  auto only_us = claim_at(now);
  only_us.connection = "hello-us";
  CHECK(ids(ledger.claim(only_us)) == std::vector<std::string>{b.message_id});
  CHECK(ids(ledger.claim(claim_at(now, 1))) == std::vector<std::string>{a.message_id});
  CHECK(ledger.claim(claim_at(now)).empty());
  CHECK(ledger.unfinished_count("hello-eu") == 1);
}

TEST_CASE("FIFO per ordering key: an earlier unfinished message holds later ones",
          "[ledger][ordering]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const auto a1 = ledger.accept(request("a1", supplier_payload, "S1"));
  ledger.accept(request("a2", supplier_payload, "S1"));
  const auto b1 = ledger.accept(request("b1", supplier_payload, "S2"));
  ledger.accept(request("a3", supplier_payload, "S1"));

  auto claimed = ledger.claim(claim_at(now));
  REQUIRE(ids(claimed) == std::vector<std::string>{a1.message_id, b1.message_id});
  // a1 fails into the business queue: still unfinished, so a2 and a3 wait behind it (the
  // exception_queues tests release them with a discard).
  ledger.record_failure(a1.message_id, claimed[0].fencing_token, validation_error(),
                        failure_decision::to_queue());
  CHECK(ledger.claim(claim_at(now)).empty());
  // Another ordering key finishing changes nothing for S1.
  ledger.record_success(b1.message_id, claimed[1].fencing_token, "{}");
  CHECK(ledger.claim(claim_at(now)).empty());
}

TEST_CASE("FIFO per ordering key releases the next message when the earlier one succeeds",
          "[ledger][ordering]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const auto a1 = ledger.accept(request("a1", supplier_payload, "S1"));
  const auto a2 = ledger.accept(request("a2", supplier_payload, "S1"));
  const auto a3 = ledger.accept(request("a3", supplier_payload, "S1"));

  auto claimed = ledger.claim(claim_at(now));
  REQUIRE(ids(claimed) == std::vector<std::string>{a1.message_id});
  // A retry of a1 keeps its place: a2 does not overtake it.
  ledger.record_failure(a1.message_id, claimed[0].fencing_token,
                        error(error_class::unavailable, "http.connect_refused", "down"),
                        failure_decision::retry_at(now + 100));
  CHECK(ledger.claim(claim_at(now + 50)).empty());
  claimed = ledger.claim(claim_at(now + 100));
  REQUIRE(ids(claimed) == std::vector<std::string>{a1.message_id});
  ledger.record_success(a1.message_id, claimed[0].fencing_token, "{}");
  claimed = ledger.claim(claim_at(now + 100));
  REQUIRE(ids(claimed) == std::vector<std::string>{a2.message_id});
  ledger.record_success(a2.message_id, claimed[0].fencing_token, "{}");
  CHECK(ids(ledger.claim(claim_at(now + 100))) == std::vector<std::string>{a3.message_id});
}

TEST_CASE("depends_on: a message waits until every listed key is completed", "[ledger][ordering]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  auto invoice = request("inv-1", R"({"number":"INV-1"})", std::nullopt, {"sup-1", "sup-2"});
  invoice.key.object = "invoice";
  const auto inv = ledger.accept(invoice);
  CHECK(ledger.claim(claim_at(now)).empty());  // neither supplier exists yet

  const auto s1 = ledger.accept(request("sup-1"));
  const auto s2 = ledger.accept(request("sup-2", other_payload));
  auto claimed = ledger.claim(claim_at(now));
  REQUIRE(ids(claimed) == std::vector<std::string>{s1.message_id, s2.message_id});
  ledger.record_success(s1.message_id, claimed[0].fencing_token, "{}");
  CHECK(ledger.claim(claim_at(now)).empty());  // sup-2 still in flight
  ledger.record_success(s2.message_id, claimed[1].fencing_token, "{}");
  CHECK(ids(ledger.claim(claim_at(now))) == std::vector<std::string>{inv.message_id});
}

TEST_CASE("two hosts claiming concurrently never get the same message", "[ledger][claim]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  // PostgreSQL: two databases = two hosts. SQLite is one host per file (lock file): two
  // workers of that host share it.
  std::vector<std::unique_ptr<database>> hosts;
  hosts.push_back(site.open());
  if (backend == database_backend::postgres) hosts.push_back(site.open());
  idempotency_ledger loader(*hosts[0]);
  const std::int64_t now = site.clock().now_unix_ms();
  constexpr int total = 1000;

  const auto accept_start = std::chrono::steady_clock::now();
  for (int i = 0; i < total; ++i) loader.accept(request("bulk-" + std::to_string(i)));
  const auto accept_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - accept_start)
                             .count();

  std::vector<std::vector<std::string>> got(2);
  const auto claim_start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int w = 0; w < 2; ++w) {
    workers.emplace_back([&, w] {
      idempotency_ledger ledger(*hosts[static_cast<std::size_t>(w) % hosts.size()]);
      for (;;) {
        const auto claimed = ledger.claim(claim_at(now, 10, 60000, "host-" + std::to_string(w)));
        if (claimed.empty()) return;
        for (const auto& c : claimed) got[static_cast<std::size_t>(w)].push_back(c.message_id);
      }
    });
  }
  for (auto& t : workers) t.join();
  const auto claim_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - claim_start)
                            .count();
  WARN(test::backend_name(backend)
       << ": " << total << " accepts in " << accept_ms << " ms; claimed by two hosts in "
       << claim_ms << " ms (" << got[0].size() << " + " << got[1].size() << ")");

  std::set<std::string> unique;
  for (const auto& list : got) unique.insert(list.begin(), list.end());
  CHECK(got[0].size() + got[1].size() == static_cast<std::size_t>(total));
  CHECK(unique.size() == static_cast<std::size_t>(total));
}

TEST_CASE("R5a: after a host restart R1-R3 and the lease rules still hold", "[ledger][restart]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  const std::int64_t now = site.clock().now_unix_ms();
  std::string completed_id;
  {
    auto db = site.open();
    idempotency_ledger ledger(*db);
    completed_id = ledger.accept(request("r-done")).message_id;
    auto claimed = ledger.claim(claim_at(now, 1));
    ledger.record_success(claimed.at(0).message_id, claimed.at(0).fencing_token, R"({"id":"V-9"})");
    ledger.accept(request("r-pending"));
    ledger.accept(request("r-inflight", other_payload));
    claimed = ledger.claim(claim_at(now, 1, 1000));  // r-pending, in accept order
    REQUIRE(claimed.size() == 1);
    // The host dies here, holding the lease.
  }
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const auto replay = ledger.accept(request("r-done"));
  CHECK(replay.kind == accept_kind::replay);
  CHECK(replay.message_id == completed_id);
  CHECK(replay.stored_response == std::optional<std::string>(R"({"id":"V-9"})"));
  const auto before = count_tables(*db);
  CHECK(ledger.accept(request("r-done", other_payload)).kind == accept_kind::reuse);
  CHECK(count_tables(*db) == before);
  CHECK(ledger.accept(request("r-pending")).kind == accept_kind::in_progress);

  CHECK(ledger.expire_leases(now + 1000) == 1);
  CHECK(ledger.key_state_of(scope("r-pending")) == key_state::unresolved);
  const auto claimed = ledger.claim(claim_at(now + 1000));
  REQUIRE(claimed.size() == 2);
  CHECK(claimed[0].prior_outcome == std::optional<std::string>("unknown"));
  CHECK_FALSE(claimed[1].prior_outcome);
}

TEST_CASE("retention deletes old completed keys and succeeded messages, never unresolved ones",
          "[ledger][retention]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  ledger.accept(request("old-done"));
  ledger.accept(request("old-unknown", other_payload));
  auto claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 2);
  ledger.record_success(claimed[0].message_id, claimed[0].fencing_token, "{}");
  ledger.record_failure(claimed[1].message_id, claimed[1].fencing_token, unknown_outcome(),
                        failure_decision::to_queue());
  ledger.accept(request("old-pending", R"({"n":1})"));
  site.clock().advance_ms(10'000);
  ledger.accept(request("new-done", R"({"n":2})"));
  claimed = ledger.claim(claim_at(now + 10'000));
  REQUIRE(claimed.size() == 2);  // old-pending and new-done
  ledger.record_success(claimed[1].message_id, claimed[1].fencing_token, "{}");

  const auto removed = ledger.retention(now + 10'000, 5'000);
  CHECK(removed.keys_deleted == 1);
  CHECK(removed.messages_deleted == 1);
  CHECK_FALSE(ledger.key_state_of(scope("old-done")));
  CHECK(ledger.key_state_of(scope("old-unknown")) == key_state::unresolved);
  CHECK(ledger.key_state_of(scope("old-pending")) == key_state::in_flight);
  CHECK(ledger.key_state_of(scope("new-done")) == key_state::completed);
  // Far in the future: still only completed keys go.
  const auto later = ledger.retention(now + 1'000'000'000, 0);
  CHECK(later.keys_deleted == 1);
  CHECK(ledger.key_state_of(scope("old-unknown")) == key_state::unresolved);
  CHECK(count_tables(*db).messages == 2);
}

TEST_CASE("accept refuses a malformed request with a typed error", "[ledger]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  const auto code_of = [&](const accept_request& r) {
    try {
      ledger.accept(r);
    } catch (const error& e) {
      CHECK(e.cls() == error_class::validation);
      return e.code();
    }
    return std::string("accepted");
  };
  CHECK(code_of(request("has space")) == "store.bad_request");
  CHECK(code_of(request(std::string(65, 'k'))) == "store.bad_request");
  CHECK(code_of(request("ok", "{\"a\":1.5}")) == "json.non_integer_number");
  CHECK(code_of(request("ok", "{oops")) == "json.malformed");
  CHECK(code_of(request("ok", supplier_payload, std::nullopt, {"bad key"})) == "store.bad_request");
  CHECK(count_tables(*db) == test::table_counts{});
}
