// SPDX-License-Identifier: Apache-2.0
#include "fusion_connection.hpp"

#include "mapping_support.hpp"

#include <erpc/utc_instant.hpp>

#include <algorithm>

namespace erpc::oracle_fusion {

namespace {

constexpr int default_page = 100;
constexpr int max_page = 500;  // vendors.md §3.5

std::string fusion_ref(const nlohmann::json& obj) {
  if (!obj.is_object()) return {};
  const auto refs = obj.find("external_refs");
  if (refs == obj.end() || !refs->is_object()) return {};
  const auto id = refs->find("oracle_fusion");
  return id != refs->end() && id->is_string() ? id->get<std::string>() : std::string();
}

bool is_numeric_id(const std::string& id) {
  if (id.empty() || id.size() > 20) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string query_id(const nlohmann::json& q) {
  if (!q.is_object()) return {};
  for (const char* name : {"vendor_id", "id"}) {
    if (const auto it = q.find(name); it != q.end() && it->is_string()) return *it;
  }
  return {};
}

}  // namespace

fusion_connection::fusion_connection(host_ref host, connection_config config, call_context& ctx)
    : client_(host, std::move(config), ctx), api_(client_) {
  create_options_.read_before_create = client_.config().read_before_create;
  for (auto* make : {&make_supplier_mapping, &make_invoice_mapping, &make_payment_mapping}) {
    auto m = (*make)();
    const std::string name(m->object());
    mappings_.emplace(name, std::move(m));
  }
}

const resource_mapping& fusion_connection::mapping_for(const std::string& object) const {
  if (object == "JournalEntry") {
    throw error(error_class::unsupported, "oracle_fusion.journal_unsupported",
                "Oracle Fusion has no REST create for a single journal; the bulk route "
                "(erpintegrations importBulkData with an FBDI file) needs the GL journal import "
                "job name, which is unconfirmed (vendors.md §3.1)");
  }
  const auto it = mappings_.find(object);
  if (it == mappings_.end()) {
    throw error(error_class::unsupported, "oracle_fusion.object_unsupported",
                "the Oracle Fusion adapter does not offer " + object);
  }
  return *it->second;
}

result fusion_connection::execute(const request& req, call_context& ctx) {
  const auto& m = mapping_for(req.object);
  if (req.op == "create") return create(m, req, ctx);
  if (req.op == "get") return get(m, req, ctx);
  if (req.op == "list" && req.object != "Payment") return list(m, req, ctx);
  if (req.op == "update" && req.object == "Supplier") return update(m, req, ctx);
  if (req.op == "cancel" && req.object == "Payment") return void_payment(m, req, ctx);
  throw error(error_class::unsupported, "oracle_fusion.op_unsupported",
              "the Oracle Fusion adapter does not offer " + req.op + " on " + req.object);
}

mapping_context fusion_connection::make_mapping_context(call_context& ctx) {
  return {client_.config(), [this, &ctx](const nlohmann::json& party, const std::string& pointer) {
            return resolve_supplier(party, pointer, ctx);
          }};
}

nlohmann::json fusion_connection::resolve_supplier(const nlohmann::json& party,
                                                   const std::string& pointer, call_context& ctx) {
  if (!party.is_object()) {
    throw error(error_class::validation, "oracle_fusion.supplier_unidentified", "the supplier must be an object")
        .with_field(pointer, "oracle_fusion.supplier_unidentified", "not an object");
  }
  if (auto id = fusion_ref(party); !id.empty()) {
    if (!is_numeric_id(id)) {
      throw error(error_class::validation, "oracle_fusion.supplier_unidentified",
                  "external_refs.oracle_fusion of a supplier is its numeric SupplierId")
          .with_field(pointer + "/external_refs/oracle_fusion", "oracle_fusion.supplier_unidentified", "not a SupplierId");
    }
    auto found = api_.get("suppliers/" + id, "", ctx);
    if (!found) {
      throw error(error_class::validation, "oracle_fusion.supplier_unknown", "no Oracle Fusion supplier " + id)
          .with_field(pointer + "/external_refs/oracle_fusion", "oracle_fusion.supplier_unknown", "no such supplier");
    }
    return *found;
  }
  const std::string number = party.value("number", "");
  if (!number.empty()) {
    const auto page = api_.query("suppliers", "SupplierNumber=" + q_value(number, pointer + "/number"), "", 2, 0, ctx);
    if (page.items.size() != 1) {
      const bool none = page.items.empty();
      const std::string code = none ? "oracle_fusion.supplier_unknown" : "oracle_fusion.supplier_ambiguous";
      const std::string text = std::string(none ? "no" : "more than one") +
                               " Oracle Fusion supplier has SupplierNumber " + number;
      throw error(error_class::validation, code, text).with_field(pointer + "/number", code, text);
    }
    return page.items.front();
  }
  const std::string name = party.value("name", "");
  if (name.empty()) {
    throw error(error_class::validation, "oracle_fusion.supplier_unidentified",
                "the supplier needs external_refs.oracle_fusion, a number or a name")
        .with_field(pointer, "oracle_fusion.supplier_unidentified", "no id, number or name");
  }
  // Fusion validates the name itself on the POST.
  return {{"Supplier", name}};
}

std::optional<nlohmann::json> fusion_connection::read(const resource_mapping& m, const std::string& id,
                                                      call_context& ctx) {
  if (m.object() == "Invoice") {
    // §3.1 hash-key rule: an invoice item's key is opaque; find it through the collection.
    auto page = api_.query("invoices", "InvoiceId=" + id, "invoiceLines", 1, 0, ctx);
    if (page.items.empty()) return std::nullopt;
    return page.items.front();
  }
  return api_.get(std::string(m.resource()) + "/" + id, m.child(), ctx);
}

void fusion_connection::ensure_site(const std::string& supplier_id, const nlohmann::json& body,
                                    call_context& ctx) {
  const auto sites = body.find("sites");
  if (sites == body.end() || !sites->is_array()) return;
  for (const auto& site : *sites) {
    const auto q = "SupplierSite=" + q_value(mapping::text_of(site, "SupplierSite"), "") +
                   ";ProcurementBU=" + q_value(mapping::text_of(site, "ProcurementBU"), "/legal_entity");
    if (!api_.query("suppliers/" + supplier_id + "/child/sites", q, "", 1, 0, ctx).items.empty()) continue;
    const auto res = api_.post("suppliers/" + supplier_id + "/child/sites", site, ctx);
    if (res.status != 200 && res.status != 201) {
      // The supplier exists; only its site is missing. A retry of the same create adds it.
      throw map_vendor_error(res, call_kind::write, api_.now_ms(ctx),
                             [](std::string_view) { return std::string("/legal_entity"); })
          .with_effect(effect::committed);
    }
  }
}

result fusion_connection::create(const resource_mapping& m, const request& req, call_context& ctx) {
  auto mctx = make_mapping_context(ctx);
  auto body = m.to_vendor(req.payload, mctx);
  auto out = create_with_natural_key(api_, m, body, req, create_options_, ctx);
  if (m.object() == "Supplier" && out.replayed) {
    // The first create may have been answered before its site was added (an older adapter, or
    // a site added by hand is missing): a replay makes sure the site exists.
    ensure_site(out.document.value("id", ""), body, ctx);
  }
  return out;
}

result fusion_connection::get(const resource_mapping& m, const request& req, call_context& ctx) {
  const auto id = query_id(req.query);
  if (!is_numeric_id(id)) {
    throw error(error_class::validation, "oracle_fusion.query_id",
                "get needs query.id or query.vendor_id: the numeric SupplierId, InvoiceId or "
                "CheckId (a natural key is found by a create's read-back, not by get)")
        .with_field("/query", "oracle_fusion.query_id", "no numeric id");
  }
  auto record = read(m, id, ctx);
  if (!record) {
    throw error(error_class::not_found, "oracle_fusion.not_found",
                "no Oracle Fusion " + std::string(m.object()) + " with id " + id)
        .with_effect(effect::none);
  }
  return {m.from_vendor(*record, client_.config()), false};
}

result fusion_connection::list(const resource_mapping& m, const request& req, call_context& ctx) {
  const auto& q = req.query.is_object() ? req.query : nlohmann::json::object();
  for (const char* unsupported_filter : {"changed_since", "natural_key"}) {
    if (q.contains(unsupported_filter)) {
      throw error(error_class::unsupported, "oracle_fusion.query_unsupported",
                  std::string("list does not offer the filter ") + unsupported_filter)
          .with_field(std::string("/query/") + unsupported_filter, "oracle_fusion.query_unsupported",
                      "not offered");
    }
  }
  const int limit = q.contains("limit") && q["limit"].is_number_integer()
                        ? std::clamp(q["limit"].get<int>(), 1, max_page)
                        : default_page;
  std::int64_t offset = 0;
  if (q.contains("cursor")) {
    const auto& c = q["cursor"];
    bool ok = c.is_string() && !c.get<std::string>().empty() && c.get<std::string>().size() < 19;
    if (ok) {
      for (const char ch : c.get<std::string>()) ok = ok && ch >= '0' && ch <= '9';
    }
    if (!ok) {
      throw error(error_class::validation, "oracle_fusion.cursor", "the cursor is not one this adapter gave")
          .with_field("/query/cursor", "oracle_fusion.cursor", "malformed");
    }
    offset = std::stoll(c.get<std::string>());
  }
  const auto page = api_.query(m.resource(), "", m.child(), limit, offset, ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) items.push_back(m.from_vendor(item, client_.config()));
  nlohmann::json doc = {{"items", std::move(items)}};
  if (page.has_more) doc["next_cursor"] = std::to_string(offset + static_cast<std::int64_t>(page.items.size()));
  return {std::move(doc), false};
}

result fusion_connection::update(const resource_mapping& m, const request& req, call_context& ctx) {
  std::string id = query_id(req.query);
  if (id.empty()) id = fusion_ref(req.payload);
  if (!is_numeric_id(id)) {
    throw error(error_class::validation, "oracle_fusion.query_id",
                "update needs the SupplierId (query.id or external_refs.oracle_fusion)")
        .with_field("/external_refs/oracle_fusion", "oracle_fusion.query_id", "missing");
  }
  auto mctx = make_mapping_context(ctx);
  auto body = m.to_vendor(req.payload, mctx);
  const auto current = api_.get("suppliers/" + id, "", ctx);
  if (!current) {
    throw error(error_class::not_found, "oracle_fusion.not_found", "no Oracle Fusion supplier " + id);
  }
  // An update that already holds is a replay: Fusion is not written again.
  if (differing_fields(m, body, *current).empty()) return {created_document(req.payload, id), true};
  if (body.contains("SupplierNumber") &&
      mapping::text_of(body, "SupplierNumber") != mapping::text_of(*current, "SupplierNumber")) {
    mapping::fields.unsupported("/number", "a Fusion supplier number is not changed by this adapter");
  }
  nlohmann::json patch = nlohmann::json::object();
  for (const char* name : {"Supplier", "TaxpayerId", "Status"}) {
    if (body.contains(name)) patch[name] = body[name];
  }
  const auto res = api_.patch("suppliers/" + id, patch, ctx);
  if (res.status != 200 && res.status != 204) {
    throw map_vendor_error(res, call_kind::write, api_.now_ms(ctx),
                           [&m](std::string_view p) { return m.pointer_for(p); });
  }
  return {created_document(req.payload, id), false};
}

result fusion_connection::void_payment(const resource_mapping& m, const request& req,
                                       call_context& ctx) {
  const auto id = query_id(req.query);
  if (!is_numeric_id(id)) {
    throw error(error_class::validation, "oracle_fusion.query_id",
                "cancel needs query.id: the payment's CheckId")
        .with_field("/query/id", "oracle_fusion.query_id", "no numeric CheckId");
  }
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "oracle_fusion.idempotency_key_required",
                "a cancel needs an idempotency key");
  }
  const auto current = read(m, id, ctx);
  if (!current) {
    throw error(error_class::not_found, "oracle_fusion.not_found", "no Oracle Fusion payment " + id)
        .with_effect(effect::none);
  }
  // Voiding twice is refused by Fusion; a payment already void is this cancel's replay.
  if (mapping::text_of(*current, "PaymentStatus") == "Voided") {
    return {m.from_vendor(*current, client_.config()), true};
  }
  const auto today = utc_date_text(client_.now_ms(ctx));
  const auto res = api_.patch("payablesPayments/" + id,
                              {{"VoidDate", today}, {"VoidAccountingDate", today}}, ctx);
  if (res.status != 200 && res.status != 204) {
    const auto mapped = map_vendor_error(res, call_kind::write, api_.now_ms(ctx));
    if (mapped.cls() == error_class::validation) {
      // Another call may have voided it meanwhile: read once more before refusing.
      if (const auto again = read(m, id, ctx); again && mapping::text_of(*again, "PaymentStatus") == "Voided") {
        return {m.from_vendor(*again, client_.config()), true};
      }
    }
    throw mapped;
  }
  const auto after = read(m, id, ctx);
  if (!after) throw malformed_response("the voided payment is gone", call_kind::write, res.status);
  return {m.from_vendor(*after, client_.config()), false};
}

}  // namespace erpc::oracle_fusion
