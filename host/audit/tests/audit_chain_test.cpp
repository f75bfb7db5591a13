#include <erpc/host/audit_chain.hpp>

#include "audit_encoding.hpp"
#include "audit_test_support.hpp"

#include <erpc/host/audit_keys.hpp>
#include <erpc/host/canonical_json.hpp>

#include <openssl/evp.h>
#include <catch2/catch.hpp>

#include <vector>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

audit_chain test_chain() { return audit_chain(derive_audit_keys(key_from_hex(master_hex)).chain); }

audit_entry entry(std::int64_t seq, std::string event) {
  audit_entry e;
  e.connection = "hello-eu";
  e.seq = seq;
  e.ts_ms = 1'767'225'600'000 + seq;
  e.correlation_id = "corr-" + std::to_string(seq);
  e.event = std::move(event);
  e.detail = {{"state", {{"from", "pending"}, {"to", "in_flight"}}}, {"adapter", "hello"}};
  return e;
}

std::vector<audit_entry> sealed_chain(const audit_chain& chain, int n) {
  std::vector<audit_entry> out;
  std::string prev = audit_chain::genesis_mac();
  for (int i = 1; i <= n; ++i) {
    auto e = entry(i, i % 2 ? "received" : "validated");
    chain.seal(e, prev);
    prev = e.mac;
    out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("the MAC covers prev_mac bytes then the canonical entry without MACs") {
  const auto keys = derive_audit_keys(key_from_hex(master_hex));
  const audit_chain chain(keys.chain);
  auto e = entry(1, "received");
  chain.seal(e, audit_chain::genesis_mac());

  const std::string canonical = audit_entry_canonical(e);
  REQUIRE(canonical ==
          R"({"connection":"hello-eu","correlation_id":"corr-1","detail":{"adapter":"hello",)"
          R"("state":{"from":"pending","to":"in_flight"}},"event":"received","seq":1,)"
          R"("ts_ms":1767225600001})");
  std::string input(32, '\0');
  input += canonical;
  std::array<unsigned char, 32> expected{};
  std::size_t length = 0;
  const auto k = keys.chain.bytes();
  REQUIRE(EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, k.data(), k.size(),
                    reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                    expected.data(), expected.size(), &length) != nullptr);
  REQUIRE(e.prev_mac == std::string(64, '0'));
  REQUIRE(e.mac == audit_detail::hex_encode(expected));
}

TEST_CASE("sealing is deterministic and every entry links to the one before") {
  const auto a = sealed_chain(test_chain(), 5);
  const auto b = sealed_chain(test_chain(), 5);
  REQUIRE(a == b);
  for (std::size_t i = 1; i < a.size(); ++i) REQUIRE(a[i].prev_mac == a[i - 1].mac);
  const audit_chain other(derive_audit_keys(key_from_hex(other_hex)).chain);
  REQUIRE(sealed_chain(other, 5)[0].mac != a[0].mac);
}

TEST_CASE("any change to an entry invalidates its MAC") {
  const auto chain = test_chain();
  const auto entries = sealed_chain(chain, 3);
  for (const auto& e : entries) REQUIRE(chain.mac_valid(e));

  auto edited = entries[1];
  edited.detail["state"]["to"] = "succeeded";
  REQUIRE_FALSE(chain.mac_valid(edited));
  edited = entries[1];
  edited.ts_ms += 1;
  REQUIRE_FALSE(chain.mac_valid(edited));
  edited = entries[1];
  edited.prev_mac = entries[1].mac;
  REQUIRE_FALSE(chain.mac_valid(edited));
  edited = entries[1];
  edited.prev_mac = "not hex";
  REQUIRE_FALSE(chain.mac_valid(edited));
  edited = entries[1];
  edited.detail = "\xff\xfe not utf-8";
  REQUIRE_FALSE(chain.mac_valid(edited));
}

TEST_CASE("a malformed head MAC refuses to seal with audit.bad_mac") {
  auto e = entry(2, "posted");
  REQUIRE(error_text([&] { test_chain().seal(e, "xyz"); }).rfind("audit.bad_mac", 0) == 0);
}

TEST_CASE("entry fields are validated before anything is written") {
  const auto obj = nlohmann::json::object();
  REQUIRE_NOTHROW(validate_audit_entry("hello-eu", "c-1", "payload_version", obj));
  REQUIRE(error_text([&] {
            validate_audit_entry("", "c", "received", obj);
          }).rfind("audit.bad_connection", 0) == 0);
  REQUIRE(error_text([&] {
            validate_audit_entry("c", std::string(201, 'x'), "received", obj);
          }).rfind("audit.bad_correlation_id", 0) == 0);
  for (const char* bad : {"", "Received", "9lives", "posted!", "a b"}) {
    REQUIRE(error_text([&] {
              validate_audit_entry("c", "c", bad, obj);
            }).rfind("audit.bad_event", 0) == 0);
  }
  REQUIRE(error_text([&] {
            validate_audit_entry("c", "c", "received", nlohmann::json::array());
          }).rfind("audit.bad_detail", 0) == 0);
}
