#pragma once
// The audit trail's keys. One master key comes from configuration (audit.hmac_key); HKDF-SHA256
// derives one key for the entry chain and another for checkpoint signatures, so a MAC made for
// one purpose can never be replayed as the other.

#include <erpc/host/symmetric_key.hpp>

#include <string>

namespace erpc {

class secret_resolver;

struct audit_keys {
  symmetric_key chain;
  symmetric_key checkpoint;
};

// HKDF (RFC 5869, OpenSSL EVP_KDF "HKDF") with SHA-256, a fixed salt and the info labels
// "erpc.audit.chain.v1" and "erpc.audit.checkpoint.v1".
audit_keys derive_audit_keys(const symmetric_key& master);

// resolve_symmetric_key(resolver, reference), then derive_audit_keys.
audit_keys resolve_audit_keys(const secret_resolver& resolver, const std::string& reference);

}  // namespace erpc
