#pragma once
// The AP import flow (docs/ap-import.md): approved supplier invoices pulled from an AP system
// (Coupa) are written into the ERP and only then marked exported at the source — the export-flag
// pattern of BANKING.md "Vendor duplicate semantics" (Coupa):
//   pull:   `list Invoice` from the source (Coupa: approved, not yet exported);
//   write:  `create Invoice` in the ERP under the key `<source system>:<source id>` (e.g.
//           `coupa:5001`), so a second pull of the same invoice replays instead of booking it
//           twice — through the durable path (outbox, idempotency ledger, audit);
//   mark:   `update Invoice` at the source with the ERP's id in external_refs, key
//           `<source system>:<source id>:exported` — never before the ERP create has committed.
// A crash between write and mark is harmless: the invoice is pulled again, its ERP create
// replays under the same key, and the mark follows. An invoice the ERP refuses is not marked:
// it stays in the source's next pull and in the host's exception queue with the reason.

#include <erpc/host/flow_gateway.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace erpc {

struct ap_import_config {
  std::string source;        // connection name of the AP system (Coupa)
  std::string erp;           // connection name of the ERP (NetSuite…)
  std::string legal_entity;  // set on each ERP invoice when the source has none
  // The ERP's supplier party by the source supplier's key (party_key_of: canonical id, else
  // `<system>:<id>` of its first external ref, else `number:<n>`), e.g.
  // {"coupa:17": {"external_refs": {"netsuite": "1722"}}}. A supplier not listed is skipped.
  std::map<std::string, nlohmann::json> suppliers;
  std::string default_account;  // GL account for lines that carry none ("" = leave them)

  // Throws CONFIGURATION flow.bad_config naming the field.
  static ap_import_config from_json(const nlohmann::json& j);
};

class ap_import_flow {
 public:
  ap_import_flow(ap_import_config config, flow_gateway& gateway);

  // One import pass: pulls until a pull brings nothing new (marking shrinks the source's set),
  // and returns {imported:[{source_id, erp_id, replayed}], skipped:[{source_id, reason}],
  // failed:[{source_id, step, error}]}. Never throws for one invoice's failure.
  nlohmann::json run();

  // The ERP document of a pulled invoice: the source's fields with the ERP's supplier, the
  // company and default accounts; source-side identity (id, external_refs, etag, timestamps)
  // left out. Empty (null) with `why` set when the invoice cannot be imported.
  nlohmann::json erp_invoice(const nlohmann::json& pulled, std::string& why) const;

  static std::string correlation_id_for(const std::string& source_key) { return "ap-" + source_key; }

 private:
  ap_import_config config_;
  flow_gateway& gateway_;
};

}  // namespace erpc
