// SPDX-License-Identifier: Apache-2.0
#include <erpc/banking/payment_batch.hpp>

#include <erpc/contract/payment_json.hpp>

#include <nlohmann/json.hpp>

namespace erpc::banking {

payment_batch payment_batch_from_json(const nlohmann::json& document) {
  namespace io = contract::json_io;
  if (!document.is_object()) io::decode_error("", "a PaymentBatch is a JSON object");
  payment_batch b;
  io::read(document, "id", b.id);
  if (document.contains("external_refs")) io::read(document, "external_refs", b.external_refs);
  io::read(document, "source", b.source);
  io::read(document, "legal_entity", b.legal_entity);
  io::read(document, "message_id", b.message_id);
  io::read(document, "requested_execution_date", b.requested_execution_date);
  io::read(document, "batch_booking", b.batch_booking);
  io::read(document, "debtor", b.debtor);
  io::read(document, "debtor_account", b.debtor_account);
  io::read(document, "charge_bearer", b.charge_bearer);
  io::read(document, "number_of_transactions", b.number_of_transactions);
  io::read(document, "control_sum", b.control_sum);
  io::read(document, "payments", b.payments);
  return b;
}

}  // namespace erpc::banking
