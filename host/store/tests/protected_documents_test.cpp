// Payloads and responses stored with their sensitive fields encrypted (document_protection,
// implemented by host/audit's field_protection): what the ledger and the queues write is
// ciphertext, what they hand out is the plaintext, and a wrong key gives a stable code.
#include <erpc/host/exception_queues.hpp>
#include <erpc/host/field_protection.hpp>
#include <erpc/host/idempotency_ledger.hpp>
#include <erpc/host/symmetric_key.hpp>

#include "test_databases.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace erpc;
using erpc::test::test_site;

namespace {

const std::string iban = "DE89370400440532013000";
const std::string corrected_iban = "NL91ABNA0417164300";
const char* const key_hex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const char* const other_key_hex =
    "f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff";

std::shared_ptr<const document_protection> protection(const char* hex) {
  return std::make_shared<field_protection>(field_cipher(parse_symmetric_key(hex)),
                                            std::vector<std::string>{"/remit_to/iban"});
}

std::string payload_with(const std::string& account) {
  return nlohmann::json{{"invoice_number", "AC-1"},
                        {"remit_to", {{"iban", account}, {"bic", "COBADEFFXXX"}}}}
      .dump();
}

accept_request request(const std::string& key, const std::string& payload) {
  accept_request r;
  r.key = {"bank-eu", "Invoice", "create", key};
  r.payload = payload;
  return r;
}

claim_request claim_at(std::int64_t now) {
  claim_request c;
  c.owner = "host-a";
  c.now_ms = now;
  c.limit = 10;
  return c;
}

// Every stored text column that holds a payload or a response, as the database has it.
std::string stored_documents(database& db) {
  return db.transact([](transaction& tx) {
    std::string all;
    for (const char* sql : {"SELECT payload FROM messages", "SELECT response FROM messages",
                            "SELECT payload FROM payload_versions",
                            "SELECT response FROM idempotency_keys"}) {
      for (const auto& row : tx.execute(sql).rows) all += row.optional_text(0).value_or("") + "\n";
    }
    return all;
  });
}

std::string code_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const error& e) {
    return e.code();
  }
  return "no error";
}

}  // namespace

TEST_CASE("stored payloads and responses hold ciphertext, the ledger hands out plaintext",
          "[protection]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db, {}, protection(key_hex));
  exception_queues queues(*db, {}, protection(key_hex));
  const std::int64_t now = site.clock().now_unix_ms();

  const std::string payload = payload_with(iban);
  const auto accepted = ledger.accept(request("k-1", payload));
  const auto claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 1);
  REQUIRE_FALSE(claimed[0].payload_unreadable);
  CHECK(nlohmann::json::parse(claimed[0].payload) == nlohmann::json::parse(payload));

  // The adapter's response echoes the record, IBAN included.
  const std::string response =
      nlohmann::json{{"status", "ok"}, {"replayed", false},
                     {"result", nlohmann::json::parse(payload)}}
          .dump();
  ledger.record_success(claimed[0].message_id, claimed[0].fencing_token, response);

  const std::string stored = stored_documents(*db);
  CHECK(stored.find("enc:v2:") != std::string::npos);
  CHECK(stored.find("0532013000") == std::string::npos);
  CHECK(stored.find("COBADEFFXXX") != std::string::npos);  // not listed: stays readable

  const auto replay = ledger.accept(request("k-1", payload));
  REQUIRE(replay.kind == accept_kind::replay);
  REQUIRE(replay.stored_response);
  CHECK(nlohmann::json::parse(*replay.stored_response) == nlohmann::json::parse(response));

  const auto shown = queues.get_message(accepted.message_id);
  REQUIRE(shown);
  CHECK(nlohmann::json::parse(shown->payload) == nlohmann::json::parse(payload));
  REQUIRE(shown->response);
  CHECK(nlohmann::json::parse(*shown->response) == nlohmann::json::parse(response));
  CHECK(queues.payload_versions(accepted.message_id).at(0).payload == shown->payload);
}

TEST_CASE("a corrected payload replayed from a queue is stored encrypted too", "[protection]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  idempotency_ledger ledger(*db, {}, protection(key_hex));
  exception_queues queues(*db, {}, protection(key_hex));
  const std::int64_t now = site.clock().now_unix_ms();

  const auto accepted = ledger.accept(request("k-2", payload_with(iban)));
  const auto claimed = ledger.claim(claim_at(now));
  REQUIRE(claimed.size() == 1);
  ledger.record_failure(claimed[0].message_id, claimed[0].fencing_token,
                        error(error_class::validation, "vendor.bad_iban", "rejected"),
                        failure_decision::to_queue());
  const auto listed = queues.list_queue(exception_queue::business, 10);
  REQUIRE(listed.items.size() == 1);
  CHECK(listed.items[0].payload.find(iban) != std::string::npos);

  queues.replay(accepted.message_id, payload_with(corrected_iban), "ops");
  const std::string stored = stored_documents(*db);
  CHECK(stored.find("0417164300") == std::string::npos);
  CHECK(stored.find("0532013000") == std::string::npos);
  const auto versions = queues.payload_versions(accepted.message_id);
  REQUIRE(versions.size() == 2);
  CHECK(versions[1].payload.find(corrected_iban) != std::string::npos);
  const auto again = ledger.claim(claim_at(now + 1));
  REQUIRE(again.size() == 1);
  CHECK(again[0].payload.find(corrected_iban) != std::string::npos);
}

TEST_CASE("with the wrong key nothing is revealed: crypto.unknown_key, never ciphertext",
          "[protection]") {
  const auto backend = GENERATE(database_backend::sqlite, database_backend::postgres);
  INFO("backend " << test::backend_name(backend));
  test_site site(backend);
  auto db = site.open();
  const auto accepted =
      idempotency_ledger(*db, {}, protection(key_hex)).accept(request("k-3", payload_with(iban)));

  idempotency_ledger wrong(*db, {}, protection(other_key_hex));
  exception_queues wrong_queues(*db, {}, protection(other_key_hex));
  CHECK(code_of([&] { wrong_queues.get_message(accepted.message_id); }) == "crypto.unknown_key");
  CHECK(code_of([&] { wrong_queues.payload_versions(accepted.message_id); }) ==
        "crypto.unknown_key");
  // The claim still happens (one bad message must not block the outbox) but carries the error
  // and no payload, so the dispatcher records the failure instead of sending anything.
  const auto claimed = wrong.claim(claim_at(site.clock().now_unix_ms()));
  REQUIRE(claimed.size() == 1);
  REQUIRE(claimed[0].payload_unreadable);
  CHECK(claimed[0].payload_unreadable->code() == "crypto.unknown_key");
  CHECK(claimed[0].payload.empty());
}
