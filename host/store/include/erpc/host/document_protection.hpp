#pragma once
// How the store keeps sensitive fields of the documents it stores unreadable at rest. The
// idempotency ledger and the exception queues call protect() on every payload and response
// before it is written (messages, payload_versions, idempotency_keys) and reveal() on what they
// read back before handing it out (claim, replay answers, queue inspection). host/audit
// implements it with AES-256-GCM field encryption (field_protection); without one, documents
// are stored as given. Implementations must be thread-safe.

#include <string>

namespace erpc {

enum class stored_document {
  payload,   // the canonical record a message carries
  response,  // the adapter's response envelope {"status","replayed","result"}
};

class document_protection {
 public:
  virtual ~document_protection() = default;

  // JSON text in, JSON text out. Throws erpc::error on a document it cannot protect.
  virtual std::string protect(stored_document kind, const std::string& json_text) const = 0;

  // The reverse. A value it cannot reveal (wrong key, damage) throws an erpc::error with a
  // stable code; it never returns undecrypted or garbled text as if it were the document.
  virtual std::string reveal(stored_document kind, const std::string& stored_text) const = 0;
};

}  // namespace erpc
