// SPDX-License-Identifier: Apache-2.0
#include "export_flag.hpp"

#include "coupa_connection.hpp"
#include "mapping_support.hpp"

namespace erpc::coupa {

namespace {

// The fields of a pulled invoice that must still hold when it is marked exported.
nlohmann::json business_fields(const nlohmann::json& doc) {
  auto at = [&](const char* a, const char* b = nullptr) {
    if (!doc.is_object() || !doc.contains(a)) return nlohmann::json();
    if (!b) return doc[a];
    return doc[a].is_object() && doc[a].contains(b) ? doc[a][b] : nlohmann::json();
  };
  return {{"invoice_number", at("invoice_number")},
          {"invoice_date", at("invoice_date")},
          {"currency", at("currency")},
          {"document_type", at("document_type")},
          {"gross", mapping::norm_amount(at("totals").is_object() && at("totals").contains("gross")
                                             ? at("totals")["gross"].value("amount", nlohmann::json())
                                             : nlohmann::json())}};
}

bool exported(const nlohmann::json& record) {
  const auto it = record.find("exported");
  return it != record.end() && ((it->is_boolean() && it->get<bool>()) || (it->is_string() && *it == "true"));
}

// The Coupa document plus the ERP's references the host gave.
nlohmann::json with_erp_refs(nlohmann::json doc, const nlohmann::json& payload) {
  for (const auto& [system, id] : payload["external_refs"].items()) {
    if (system != "coupa") doc["external_refs"][system] = id;
  }
  return doc;
}

}  // namespace

result mark_exported(coupa_client& client, const resource_mapping& invoices, const request& req, call_context& ctx) {
  const auto& p = req.payload;
  std::string id = query_id(req.query);
  if (id.empty() && p.is_object() && p.contains("external_refs") && p["external_refs"].is_object()) {
    id = p["external_refs"].value("coupa", "");
  }
  if (!is_record_id(id)) {
    throw error(error_class::validation, "coupa.query_id",
                "update (mark exported) needs the Coupa invoice id: query.id or external_refs.coupa")
        .with_field("/external_refs/coupa", "coupa.query_id", "no numeric Coupa id");
  }
  bool erp_named = false;
  if (p.is_object() && p.contains("external_refs") && p["external_refs"].is_object()) {
    for (const auto& [system, ref] : p["external_refs"].items()) erp_named = erp_named || system != "coupa";
  }
  if (!erp_named) {
    throw error(error_class::validation, "coupa.erp_ref_required",
                "an invoice is marked exported only after the ERP write committed: external_refs must "
                "name the ERP record (e.g. {\"netsuite\": \"1234\"})")
        .with_field("/external_refs", "coupa.erp_ref_required", "no ERP reference");
  }
  const auto current = client.get("invoices/" + id, ctx);
  if (!current) {
    throw error(error_class::not_found, "coupa.not_found", "no Coupa invoice " + id).with_effect(effect::none);
  }
  const auto config = client.config();
  const auto seen = invoices.from_vendor(*current, config);
  if (business_fields(seen) != business_fields(p)) {
    throw error(error_class::conflict, "coupa.invoice_changed",
                "the Coupa invoice " + id + " differs from the document given (number, date, currency, type "
                "or gross total): it changed after it was pulled, so it is not marked exported")
        .with_effect(effect::none);
  }
  if (exported(*current)) return {with_erp_refs(seen, p), true};
  const bool field_route = config.exported_by == export_route::put_field;
  const auto res = field_route ? client.put("invoices/" + id, {{"exported", true}}, ctx)
                               : client.put("invoices/" + id + "/export", nlohmann::json::object(), ctx);
  if (res.status < 200 || res.status > 299) {
    if (res.status == 404) {
      throw error(error_class::not_found, "coupa.not_found", "no Coupa invoice " + id + " to mark exported")
          .with_effect(effect::none);
    }
    throw map_vendor_error(res, call_kind::write, client.now_ms(ctx));
  }
  const auto after = client.get("invoices/" + id, ctx);
  if (!after || !exported(*after)) {
    throw malformed_response("the invoice is not exported after the export call", call_kind::write, res.status);
  }
  return {with_erp_refs(invoices.from_vendor(*after, config), p), false};
}

}  // namespace erpc::coupa
