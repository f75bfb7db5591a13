// Exception queues: replay (with payload versions and the key re-binding rule) and discard.
#include <erpc/host/exception_queues.hpp>
#include <erpc/host/idempotency_ledger.hpp>

#include "test_databases.hpp"

#include <catch2/catch.hpp>

using namespace erpc;
using erpc::test::count_tables;
using erpc::test::test_site;

namespace {

const char* const bad_payload =
    R"({"name":"Acme","iban":"DE00 BAD","amount":"10.00","currency":"EUR"})";
const char* const fixed_payload =
    R"({"name":"Acme","iban":"DE89370400440532013000","amount":"10.00","currency":"EUR"})";

accept_request request(const std::string& key, const std::string& payload = bad_payload,
                       std::optional<std::string> ordering_key = std::nullopt) {
  accept_request r;
  r.key = {"hello-eu", "supplier", "create", key};
  r.payload = payload;
  r.ordering_key = std::move(ordering_key);
  return r;
}

claim_request claim_at(std::int64_t now) {
  claim_request c;
  c.owner = "host-a";
  c.now_ms = now;
  c.limit = 10;
  return c;
}

key_scope scope(const std::string& key) { return {"hello-eu", "supplier", "create", key}; }

// Accepts `key`, claims it and records `failure` into a queue; returns the message id.
std::string queued(idempotency_ledger& ledger, std::int64_t now, const std::string& key,
                   const error& failure, const std::string& payload = bad_payload) {
  const auto accepted = ledger.accept(request(key, payload));
  for (const auto& c : ledger.claim(claim_at(now))) {
    if (c.message_id == accepted.message_id) {
      ledger.record_failure(c.message_id, c.fencing_token, failure, failure_decision::to_queue());
    }
  }
  return accepted.message_id;
}

error validation_error() {
  return error(error_class::validation, "vendor.bad_iban", "the IBAN is invalid");
}

error unknown_outcome() {
  return error(error_class::outcome_unknown, "http.timeout_after_send", "no reply");
}

template <class Call>
std::string code_of(Call&& call) {
  try {
    call();
  } catch (const error& e) {
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST_CASE("replay with a corrected payload is a new payload version and re-binds a free key",
          "[queues]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  std::vector<std::string> events;
  const ledger_observer observer = [&](transaction&, const ledger_event& e) {
    events.push_back(e.event);
  };
  idempotency_ledger ledger(*db, observer);
  exception_queues queues(*db, observer);
  const std::int64_t now = site.clock().now_unix_ms();

  const std::string id = queued(ledger, now, "q-1", validation_error());
  REQUIRE(ledger.key_state_of(scope("q-1")) == key_state::free);
  CHECK(queues.depth(exception_queue::business) == 1);
  const auto page = queues.list_queue(exception_queue::business, 10);
  REQUIRE(page.items.size() == 1);
  CHECK(page.items[0].id == id);
  REQUIRE(page.items[0].last_error);
  CHECK(page.items[0].last_error->find("vendor.bad_iban") != std::string::npos);

  site.clock().advance_ms(60'000);
  const auto replayed = queues.replay(id, std::string(fixed_payload), "alice");
  CHECK(replayed.payload_version == 2);
  CHECK(replayed.key == key_state::pending);
  CHECK(queues.depth(exception_queue::business) == 0);
  const auto versions = queues.payload_versions(id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[0].payload == bad_payload);
  CHECK(versions[0].reason == "received");
  CHECK(versions[1].payload == fixed_payload);
  CHECK(versions[1].actor == "alice");
  CHECK(versions[1].reason == "replay");
  CHECK(versions[1].fingerprint == replayed.fingerprint);
  CHECK(versions[1].fingerprint != versions[0].fingerprint);

  const auto claimed = ledger.claim(claim_at(now + 60'000));
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].payload == fixed_payload);
  CHECK(claimed[0].payload_version == 2);
  CHECK(claimed[0].attempt == 1);
  ledger.record_success(claimed[0].message_id, claimed[0].fencing_token, R"({"id":"V-1"})");
  // The key now answers for the corrected payload.
  CHECK(ledger.accept(request("q-1", fixed_payload)).kind == accept_kind::replay);
  CHECK(ledger.accept(request("q-1", bad_payload)).kind == accept_kind::reuse);
  CHECK(events == std::vector<std::string>{"received", "claimed", "queued", "payload_version",
                                           "replayed", "claimed", "succeeded"});
}

TEST_CASE("replay refuses a key that was re-bound to another message", "[queues]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  exception_queues queues(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const std::string id = queued(ledger, now, "q-2", validation_error());
  // The client sent the corrected payload itself under the freed key.
  REQUIRE(ledger.accept(request("q-2", fixed_payload)).kind == accept_kind::accepted);
  const auto before = count_tables(*db);
  CHECK(code_of([&] { queues.replay(id, std::nullopt, "alice"); }) == "store.key_reused");
  CHECK(code_of([&] { queues.replay(id, std::string(fixed_payload), "alice"); }) ==
        "store.key_bound_elsewhere");
  CHECK(count_tables(*db) == before);
  CHECK(queues.get_message(id)->state == message_state::queued);
}

TEST_CASE("replay keeps an unresolved key bound to the original payload", "[queues]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  exception_queues queues(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const std::string id = queued(ledger, now, "q-3", unknown_outcome());
  REQUIRE(ledger.key_state_of(scope("q-3")) == key_state::unresolved);
  CHECK(queues.depth(exception_queue::technical) == 1);
  const auto before = count_tables(*db);
  try {
    queues.replay(id, std::string(fixed_payload), "alice");
    FAIL("a corrected payload re-bound an unresolved key");
  } catch (const error& e) {
    CHECK(e.cls() == error_class::idempotency_key_reuse);
    CHECK(e.code() == "store.replay_fingerprint_mismatch");
  }
  CHECK(count_tables(*db) == before);

  const auto replayed = queues.replay(id, std::nullopt, "alice");
  CHECK(replayed.key == key_state::unresolved);
  CHECK(replayed.payload_version == 1);
  const auto claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].prior_outcome == std::optional<std::string>("unknown"));
}

TEST_CASE("discard frees a key with no possible effect, never an unresolved one", "[queues]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  exception_queues queues(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const auto rate_limited = error(error_class::rate_limited, "vendor.429", "slow down");
  const std::string pending_id = queued(ledger, now, "q-4", rate_limited);
  REQUIRE(ledger.key_state_of(scope("q-4")) == key_state::pending);
  CHECK(queues.discard(pending_id, "alice", "duplicate of INV-7") == key_state::free);
  CHECK(queues.get_message(pending_id)->state == message_state::discarded);

  const std::string unknown_id = queued(ledger, now, "q-5", unknown_outcome(), fixed_payload);
  CHECK(queues.discard(unknown_id, "alice", "checked by hand") == key_state::unresolved);
  CHECK(ledger.accept(request("q-5", bad_payload)).kind == accept_kind::reuse);

  CHECK(code_of([&] { queues.discard(unknown_id, "alice", "again"); }) == "store.not_queued");
  CHECK(code_of([&] { queues.discard("msg_nope", "alice", "x"); }) == "store.message_not_found");
  CHECK(code_of([&] { queues.replay(unknown_id, std::nullopt, "alice"); }) == "store.not_queued");
}

TEST_CASE("a discarded head of an ordering key releases the messages behind it", "[queues]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  exception_queues queues(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  const auto head = ledger.accept(request("o-1", bad_payload, "S1"));
  const auto next = ledger.accept(request("o-2", fixed_payload, "S1"));
  auto claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 1);
  ledger.record_failure(head.message_id, claimed[0].fencing_token, validation_error(),
                        failure_decision::to_queue());
  CHECK(ledger.claim(claim_at(now)).empty());
  const auto waiting = queues.get_message(next.correlation_id);
  REQUIRE(waiting);
  CHECK(waiting->id == next.message_id);
  CHECK(waiting->blocked_by == std::vector<std::string>{head.message_id});

  queues.discard(head.message_id, "alice", "supplier exists already");
  claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].message_id == next.message_id);
}

TEST_CASE("queue listing pages with a cursor, depth and state counts", "[queues]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db);
  exception_queues queues(*db);
  const std::int64_t now = site.clock().now_unix_ms();

  std::vector<std::string> expected;
  for (int i = 0; i < 5; ++i) {
    expected.push_back(queued(ledger, now, "p-" + std::to_string(i), validation_error(),
                              R"({"n":)" + std::to_string(i) + "}"));
  }
  queued(ledger, now, "t-1", unknown_outcome());
  ledger.accept(request("still-pending", R"({"n":99})"));

  std::vector<std::string> seen;
  std::optional<std::string> cursor;
  int pages = 0;
  do {
    const auto page = queues.list_queue(exception_queue::business, 2, cursor);
    for (const auto& m : page.items) seen.push_back(m.id);
    cursor = page.next_cursor;
    ++pages;
  } while (cursor);
  CHECK(seen == expected);
  CHECK(pages == 3);
  CHECK(queues.depth(exception_queue::business) == 5);
  CHECK(queues.depth(exception_queue::technical) == 1);
  const auto counts = queues.state_counts();
  CHECK(counts.at("queued") == 6);
  CHECK(counts.at("pending") == 1);
  CHECK(counts.at("succeeded") == 0);
  CHECK(code_of([&] { queues.list_queue(exception_queue::business, 2, std::string("x")); }) ==
        "store.bad_cursor");
  CHECK(code_of([&] { queues.list_queue(exception_queue::business, 0); }) == "store.bad_request");
  CHECK_FALSE(queues.get_message("no-such-id"));
}

TEST_CASE("a raised message is queued without an attempt, once per key, replay sends it out",
          "[queues][raise]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  std::vector<std::string> events;
  const ledger_observer observer = [&](transaction&, const ledger_event& e) {
    events.push_back(e.event);
  };
  idempotency_ledger ledger(*db, observer);
  exception_queues queues(*db, observer);
  const std::int64_t now = site.clock().now_unix_ms();

  accept_request watch;
  watch.key = {"bank", "PaymentBatch", "status", "R1.status"};
  watch.payload = R"({"natural_key":{"message_id":"M-R1"}})";
  watch.correlation_id = "pay-R1";
  watch.actor = "flow.pay_settle";
  const error overdue = error(error_class::in_progress, "flow.status_overdue", "no pain.002")
                            .with_effect(effect::none);
  const auto raised = ledger.raise(watch, overdue, exception_queue::technical);
  CHECK(raised.kind == accept_kind::accepted);
  CHECK(raised.correlation_id == "pay-R1");
  CHECK(ledger.message_of(watch.key) == raised.message_id);
  CHECK(ledger.key_state_of(watch.key) == key_state::pending);
  CHECK(queues.depth(exception_queue::technical) == 1);
  const auto item = queues.get_message(raised.message_id);
  REQUIRE(item);
  CHECK(item->state == message_state::queued);
  CHECK(item->attempt == 0);
  CHECK(item->last_error.value_or("").find("flow.status_overdue") != std::string::npos);
  // Queued, so no worker takes it until someone replays it.
  CHECK(ledger.claim(claim_at(now + 3'600'000)).empty());

  // Raising the same key again writes nothing.
  const auto again = ledger.raise(watch, overdue, exception_queue::technical);
  CHECK(again.kind == accept_kind::existing);
  CHECK(again.message_id == raised.message_id);
  CHECK(queues.depth(exception_queue::technical) == 1);

  queues.replay(raised.message_id, std::nullopt, "ops");
  const auto claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 1);
  CHECK(claimed[0].key.op == "status");
  CHECK(claimed[0].payload == watch.payload);
  ledger.record_success(claimed[0].message_id, claimed[0].fencing_token,
                        R"({"status":"ok","replayed":false,"result":{}})");
  CHECK(ledger.key_state_of(watch.key) == key_state::completed);
  CHECK(events == std::vector<std::string>{"received", "queued", "replayed", "claimed", "succeeded"});

  // A discarded raised message frees its key (nothing was ever attempted).
  watch.key.idempotency_key = "R2.status";
  const auto second = ledger.raise(watch, overdue, exception_queue::technical);
  CHECK(queues.discard(second.message_id, "flow.pay_settle", "status arrived") == key_state::free);
  CHECK_FALSE(ledger.message_of(watch.key));
}
