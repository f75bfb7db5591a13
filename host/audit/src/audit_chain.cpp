#include <erpc/host/audit_chain.hpp>

#include "audit_encoding.hpp"

#include <erpc/error.hpp>
#include <erpc/host/hmac_sha256.hpp>

#include <openssl/crypto.h>

namespace erpc {

std::string audit_chain::genesis_mac() { return std::string(64, '0'); }

std::string audit_chain::compute_mac(const audit_entry& entry) const {
  const auto prev =
      entry.prev_mac.size() == 64 ? audit_detail::hex_decode(entry.prev_mac) : std::nullopt;
  if (!prev) return {};
  const std::string body = audit_entry_canonical(entry);
  const mac_bytes mac =
      hmac_sha256(key_, {std::span<const unsigned char>(*prev),
                         std::span<const unsigned char>(
                             reinterpret_cast<const unsigned char*>(body.data()), body.size())});
  return audit_detail::hex_encode(mac);
}

void audit_chain::seal(audit_entry& entry, std::string_view prev_mac) const {
  entry.prev_mac = std::string(prev_mac);
  entry.mac = compute_mac(entry);
  if (entry.mac.empty()) {
    throw error(
        error_class::internal, "audit.bad_mac",
        "audit chain head of connection '" + entry.connection + "' is not a 64-digit hex MAC");
  }
}

bool audit_chain::mac_valid(const audit_entry& entry) const {
  std::string expected;
  try {
    expected = compute_mac(entry);
  } catch (const error&) {
    // A detail that can no longer be canonicalised was edited: the MAC cannot match.
    return false;
  }
  return !expected.empty() && expected.size() == entry.mac.size() &&
         CRYPTO_memcmp(expected.data(), entry.mac.data(), expected.size()) == 0;
}

}  // namespace erpc
