#pragma once
// The per-connection HMAC chain: mac(n) = HMAC-SHA256(chain_key, prev_mac ‖ canonical(entry n))
// where prev_mac is the 32 raw bytes of mac(n-1), and 32 zero bytes for seq 1.

#include <erpc/host/audit_entry.hpp>
#include <erpc/host/symmetric_key.hpp>

#include <string>
#include <string_view>

namespace erpc {

class audit_chain {
 public:
  explicit audit_chain(symmetric_key chain_key) : key_(std::move(chain_key)) {}

  // 64 zeros: the prev_mac of seq 1.
  static std::string genesis_mac();

  // Sets entry.prev_mac = prev_mac and entry.mac. A prev_mac that is not 64 hex digits:
  // erpc::error INTERNAL "audit.bad_mac".
  void seal(audit_entry& entry, std::string_view prev_mac) const;

  // The MAC of `entry` as chained on its stored prev_mac; empty if prev_mac is malformed.
  std::string compute_mac(const audit_entry& entry) const;

  // Whether entry.mac is the MAC of the entry on its stored prev_mac (constant time).
  bool mac_valid(const audit_entry& entry) const;

 private:
  symmetric_key key_;
};

}  // namespace erpc
