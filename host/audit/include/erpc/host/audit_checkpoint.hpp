#pragma once
// A signed statement "connection C had seq S with head MAC M at time T". Stored in
// audit_checkpoints and, as one JSON line, in the anchor file outside the database.

#include <erpc/host/symmetric_key.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace erpc {

struct audit_checkpoint {
  std::string connection;
  std::int64_t seq = 0;
  std::string head_mac;  // the mac of entry `seq`, 64 hex digits
  std::int64_t ts_ms = 0;
  std::string signature;  // HMAC-SHA256 with the checkpoint key, 64 hex digits

  friend bool operator==(const audit_checkpoint&, const audit_checkpoint&) = default;
};

class audit_checkpoint_signer {
 public:
  explicit audit_checkpoint_signer(symmetric_key checkpoint_key)
      : key_(std::move(checkpoint_key)) {}

  // HMAC over the canonical JSON of {connection, seq, head_mac, ts_ms}.
  std::string signature_of(const audit_checkpoint& checkpoint) const;
  void sign(audit_checkpoint& checkpoint) const { checkpoint.signature = signature_of(checkpoint); }
  bool signature_valid(const audit_checkpoint& checkpoint) const;

 private:
  symmetric_key key_;
};

// The anchor line: {"connection","seq","head_mac","ts_ms","signature"}.
nlohmann::json to_json(const audit_checkpoint& checkpoint);
// nullopt when a member is missing or has the wrong type.
std::optional<audit_checkpoint> audit_checkpoint_from_json(const nlohmann::json& value);

}  // namespace erpc
