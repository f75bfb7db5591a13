#include <erpc/host/audit_checkpoint.hpp>

#include "audit_encoding.hpp"

#include <erpc/host/canonical_json.hpp>
#include <erpc/host/hmac_sha256.hpp>

#include <openssl/crypto.h>

#include <cstdint>
#include <limits>

namespace erpc {

std::string audit_checkpoint_signer::signature_of(const audit_checkpoint& checkpoint) const {
  const nlohmann::json body = {{"connection", checkpoint.connection},
                               {"seq", checkpoint.seq},
                               {"head_mac", checkpoint.head_mac},
                               {"ts_ms", checkpoint.ts_ms}};
  return audit_detail::hex_encode(hmac_sha256(key_, canonicalize(body)));
}

bool audit_checkpoint_signer::signature_valid(const audit_checkpoint& checkpoint) const {
  std::string expected;
  try {
    expected = signature_of(checkpoint);
  } catch (const std::exception&) {
    return false;  // a connection name that is not UTF-8 was never signed by us
  }
  return expected.size() == checkpoint.signature.size() &&
         CRYPTO_memcmp(expected.data(), checkpoint.signature.data(), expected.size()) == 0;
}

nlohmann::json to_json(const audit_checkpoint& checkpoint) {
  return {{"connection", checkpoint.connection},
          {"seq", checkpoint.seq},
          {"head_mac", checkpoint.head_mac},
          {"ts_ms", checkpoint.ts_ms},
          {"signature", checkpoint.signature}};
}

std::optional<audit_checkpoint> audit_checkpoint_from_json(const nlohmann::json& value) {
  if (!value.is_object()) return std::nullopt;
  const auto text = [&](const char* name) -> const nlohmann::json* {
    const auto it = value.find(name);
    return it != value.end() && it->is_string() ? &*it : nullptr;
  };
  const auto integer = [&](const char* name) -> const nlohmann::json* {
    const auto it = value.find(name);
    // An unsigned value beyond int64 would wrap on get<std::int64_t>().
    const bool fits = it != value.end() && it->is_number_integer() &&
                      (!it->is_number_unsigned() ||
                       it->get<std::uint64_t>() <=
                           static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()));
    return fits ? &*it : nullptr;
  };
  const auto* connection = text("connection");
  const auto* head_mac = text("head_mac");
  const auto* signature = text("signature");
  const auto* seq = integer("seq");
  const auto* ts_ms = integer("ts_ms");
  if (!connection || !head_mac || !signature || !seq || !ts_ms) return std::nullopt;
  return audit_checkpoint{connection->get<std::string>(), seq->get<std::int64_t>(),
                          head_mac->get<std::string>(), ts_ms->get<std::int64_t>(),
                          signature->get<std::string>()};
}

}  // namespace erpc
