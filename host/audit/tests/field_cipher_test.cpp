#include <erpc/host/field_cipher.hpp>

#include "audit_encoding.hpp"
#include "audit_test_support.hpp"

#include <erpc/host/base64.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using namespace erpc::audit_testing;

namespace {

const std::vector<std::string> pointers = {"/remit_to/iban", "/tax_id", "/amounts/1",
                                           "/absent/field"};

nlohmann::json supplier() {
  return {{"name", "ACME GmbH"},
          {"tax_id", "DE123456789"},
          {"remit_to", {{"iban", "DE89370400440532013000"}, {"bic", "COBADEFFXXX"}}},
          {"amounts", {1, {{"value", "12.50"}, {"currency", "EUR"}}}}};
}

field_cipher cipher(std::string_view hex = master_hex) { return field_cipher(key_from_hex(hex)); }

// "enc:v2:<8 hex key id>:" is 16 characters; the base64 body follows.
constexpr std::size_t header_size = 16;
std::string header_of(const std::string& text) { return text.substr(0, header_size); }
std::string body_of(const std::string& text) { return text.substr(header_size); }

}  // namespace

TEST_CASE("listed fields are encrypted in the enc:v2 format and decrypt to the original") {
  const auto doc = supplier();
  const auto enc = cipher().encrypt(doc, pointers);
  REQUIRE(enc["name"] == "ACME GmbH");
  REQUIRE(enc["remit_to"]["bic"] == "COBADEFFXXX");
  for (const char* p : {"/remit_to/iban", "/tax_id", "/amounts/1"}) {
    const auto& v = enc.at(nlohmann::json::json_pointer(p));
    REQUIRE(field_cipher::is_encrypted(v));
    REQUIRE(header_of(v.get<std::string>()) ==
            "enc:v2:" + field_cipher::key_id_of(key_from_hex(master_hex)) + ":");
    const auto raw = erpc::base64_decode(body_of(v.get<std::string>()));
    REQUIRE(raw.has_value());
    REQUIRE(raw->size() >= 12 + 1 + 16);
  }
  REQUIRE(enc.dump().find("0532013000") == std::string::npos);
  REQUIRE(enc.dump().find("123456789") == std::string::npos);
  REQUIRE(enc.dump().find("12.50") == std::string::npos);
  REQUIRE(cipher().decrypt(enc, pointers) == doc);  // the object at /amounts/1 keeps its type
}

TEST_CASE("each encryption uses a fresh nonce and encrypting twice changes nothing") {
  const auto once = cipher().encrypt(supplier(), pointers);
  const auto again = cipher().encrypt(supplier(), pointers);
  REQUIRE(once["tax_id"] != again["tax_id"]);
  REQUIRE(cipher().encrypt(once, pointers) == once);
}

TEST_CASE("a tampered value is crypto.decrypt_failed") {
  auto enc = cipher().encrypt(supplier(), pointers);
  std::string text = enc["tax_id"].get<std::string>();
  auto raw = *erpc::base64_decode(body_of(text));
  for (const std::size_t at : {std::size_t{0}, std::size_t{14}, raw.size() - 1}) {
    auto bent = raw;
    bent[at] ^= 0x01;
    enc["tax_id"] = header_of(text) + erpc::base64_encode(bent);
    REQUIRE(error_text([&] {
              cipher().decrypt(enc, pointers);
            }).rfind("crypto.decrypt_failed", 0) == 0);
  }
  for (const std::string& bad :
       std::vector<std::string>{"enc:v1:", "enc:v1:!!!!", "enc:v1:AAAA", "enc:v1:" + text,
                                "enc:v2:", header_of(text), header_of(text) + "AAAA",
                                "enc:v2:zzzzzzzz:" + body_of(text), header_of(text) + text}) {
    enc["tax_id"] = bad;
    REQUIRE(error_text([&] {
              cipher().decrypt(enc, pointers);
            }).rfind("crypto.decrypt_failed", 0) == 0);
  }
}

TEST_CASE("a value moved to another field does not decrypt there") {
  auto enc = cipher().encrypt(supplier(), pointers);
  enc["remit_to"]["iban"] = enc["tax_id"];
  const auto text = error_text([&] { cipher().decrypt(enc, pointers); });
  REQUIRE(text.rfind("crypto.decrypt_failed", 0) == 0);
  REQUIRE(text.find("/remit_to/iban") != std::string::npos);
}

TEST_CASE("the wrong key is crypto.unknown_key and no message carries key or plaintext") {
  const auto enc = cipher().encrypt(supplier(), pointers);
  const auto text = error_text([&] { cipher(other_hex).decrypt(enc, pointers); });
  REQUIRE(text.rfind("crypto.unknown_key", 0) == 0);
  REQUIRE(text.find(field_cipher::key_id_of(key_from_hex(master_hex))) != std::string::npos);
  for (const auto& secret : {std::string(master_hex), std::string(other_hex),
                             std::string("DE89370400440532013000"), std::string("DE123456789")}) {
    REQUIRE(text.find(secret) == std::string::npos);
  }
}

TEST_CASE("fields stored before encryption was switched on are left as they are") {
  const auto doc = supplier();
  REQUIRE(cipher().decrypt(doc, pointers) == doc);
}

TEST_CASE("a pointer that is not a field pointer is crypto.bad_pointer") {
  for (const char* bad : {"", "tax_id", "/a/~2"}) {
    REQUIRE(error_text([&] {
              cipher().encrypt(supplier(), {bad});
            }).rfind("crypto.bad_pointer", 0) == 0);
  }
  REQUIRE(cipher().encrypt(supplier(), {"/amounts/x"}) == supplier());  // no such element
}

TEST_CASE("after a key rotation old values still decrypt and re-encrypting moves them") {
  const auto old_enc = cipher(master_hex).encrypt(supplier(), pointers);
  const field_cipher rotated(key_from_hex(other_hex), {key_from_hex(master_hex)});
  REQUIRE(rotated.active_key_id() == field_cipher::key_id_of(key_from_hex(other_hex)));
  REQUIRE(rotated.active_key_id() != field_cipher::key_id_of(key_from_hex(master_hex)));
  REQUIRE(rotated.decrypt(old_enc, pointers) == supplier());

  const auto moved = rotated.encrypt(old_enc, pointers);
  const std::string iban = moved["remit_to"]["iban"].get<std::string>();
  REQUIRE(header_of(iban) == "enc:v2:" + rotated.active_key_id() + ":");
  // Now readable with the new key alone; the old key alone no longer knows it.
  REQUIRE(cipher(other_hex).decrypt(moved, pointers) == supplier());
  REQUIRE(error_text([&] {
            cipher(master_hex).decrypt(moved, pointers);
          }).rfind("crypto.unknown_key", 0) == 0);
}

TEST_CASE("values in the format before key ids decrypt with any configured key") {
  const auto enc = cipher().encrypt(supplier(), {"/tax_id"});
  auto legacy = enc;
  legacy["tax_id"] = "enc:v1:" + body_of(enc["tax_id"].get<std::string>());
  const field_cipher rotated(key_from_hex(other_hex), {key_from_hex(master_hex)});
  REQUIRE(rotated.decrypt(legacy, {"/tax_id"}) == supplier());
  REQUIRE(error_text([&] {
            cipher(other_hex).decrypt(legacy, {"/tax_id"});
          }).rfind("crypto.decrypt_failed", 0) == 0);
}
