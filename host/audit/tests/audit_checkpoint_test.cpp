#include <erpc/host/audit_checkpoint.hpp>

#include "audit_test_support.hpp"

#include <erpc/host/audit_keys.hpp>
#include <erpc/host/hmac_sha256.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

audit_checkpoint sample() { return {"hello-eu", 100, std::string(64, 'a'), 1'767'225'600'000, ""}; }

}  // namespace

TEST_CASE("a signed checkpoint verifies and changing any field breaks the signature") {
  const audit_checkpoint_signer signer(derive_audit_keys(key_from_hex(master_hex)).checkpoint);
  auto cp = sample();
  signer.sign(cp);
  REQUIRE(cp.signature.size() == 64);
  REQUIRE(signer.signature_valid(cp));

  auto changed = cp;
  changed.seq = 101;
  REQUIRE_FALSE(signer.signature_valid(changed));
  changed = cp;
  changed.head_mac = std::string(64, 'b');
  REQUIRE_FALSE(signer.signature_valid(changed));
  changed = cp;
  changed.connection = "hello-us";
  REQUIRE_FALSE(signer.signature_valid(changed));
  changed = cp;
  changed.ts_ms -= 1;
  REQUIRE_FALSE(signer.signature_valid(changed));
}

TEST_CASE("the checkpoint key, not the chain key or master, signs checkpoints") {
  const auto master = key_from_hex(master_hex);
  const auto keys = derive_audit_keys(master);
  auto cp = sample();
  audit_checkpoint_signer(keys.chain).sign(cp);
  REQUIRE_FALSE(audit_checkpoint_signer(keys.checkpoint).signature_valid(cp));
  audit_checkpoint_signer(master).sign(cp);
  REQUIRE_FALSE(audit_checkpoint_signer(keys.checkpoint).signature_valid(cp));
}

TEST_CASE("a checkpoint round-trips through its anchor-line JSON and bad JSON is refused") {
  const audit_checkpoint_signer signer(derive_audit_keys(key_from_hex(master_hex)).checkpoint);
  auto cp = sample();
  signer.sign(cp);
  const auto back = audit_checkpoint_from_json(nlohmann::json::parse(to_json(cp).dump()));
  REQUIRE(back.has_value());
  REQUIRE(*back == cp);

  auto missing = to_json(cp);
  missing.erase("signature");
  REQUIRE_FALSE(audit_checkpoint_from_json(missing).has_value());
  auto wrong_type = to_json(cp);
  wrong_type["seq"] = "100";
  REQUIRE_FALSE(audit_checkpoint_from_json(wrong_type).has_value());
  REQUIRE_FALSE(audit_checkpoint_from_json(nlohmann::json::array()).has_value());
  auto too_big = to_json(cp);
  too_big["seq"] = std::uint64_t{1} << 63;
  REQUIRE_FALSE(audit_checkpoint_from_json(too_big).has_value());
}
