#pragma once
// The store's document_protection done with field_cipher: the fields at the configured JSON
// pointers (audit.encrypt, pointers into the canonical record) are encrypted in every stored
// payload, and at the same pointers under /result in every stored response, because the
// response envelope {"status","replayed","result"} carries the record the vendor returned.

#include <erpc/host/document_protection.hpp>
#include <erpc/host/field_cipher.hpp>

#include <string>
#include <vector>

namespace erpc {

class field_protection final : public document_protection {
 public:
  // Pointers are checked here: a malformed one is erpc::error CONFIGURATION
  // "crypto.bad_pointer" at start-up rather than on the first message. With no pointers
  // nothing is encrypted any more, but values stored encrypted earlier are still revealed.
  field_protection(field_cipher cipher, std::vector<std::string> payload_pointers);

  // Text that is not JSON (never produced by the host) is erpc::error INTERNAL
  // "crypto.bad_document"; it is not stored in the clear instead.
  std::string protect(stored_document kind, const std::string& json_text) const override;
  // Decrypts the listed fields, and any other value encrypted under a configured key (one
  // stored at a pointer since removed from the list). crypto.unknown_key (a listed field under
  // a key id that is not configured) or crypto.decrypt_failed.
  std::string reveal(stored_document kind, const std::string& stored_text) const override;

  const std::vector<std::string>& pointers(stored_document kind) const {
    return kind == stored_document::payload ? payload_pointers_ : response_pointers_;
  }

 private:
  field_cipher cipher_;
  std::vector<std::string> payload_pointers_;
  std::vector<std::string> response_pointers_;
};

}  // namespace erpc
