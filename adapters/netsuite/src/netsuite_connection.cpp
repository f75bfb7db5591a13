// SPDX-License-Identifier: Apache-2.0
#include "netsuite_connection.hpp"

#include "external_id.hpp"

#include <algorithm>

namespace erpc::netsuite {

namespace {

constexpr int default_page = 100;
constexpr int max_page = 1000;  // NetSuite's maximum limit (vendors.md §1.6)

std::string quoted(const std::string& value, const std::string& pointer) {
  if (value.find('"') != std::string::npos) {
    throw error(error_class::validation, "netsuite.unsearchable_value",
                "a value with a double quote cannot be searched in NetSuite")
        .with_field(pointer, "netsuite.unsearchable_value", "contains '\"'");
  }
  return "\"" + value + "\"";
}

std::string netsuite_ref(const nlohmann::json& obj) {
  if (!obj.is_object()) return {};
  const auto refs = obj.find("external_refs");
  if (refs == obj.end() || !refs->is_object()) return {};
  const auto ns = refs->find("netsuite");
  return ns != refs->end() && ns->is_string() ? ns->get<std::string>() : std::string();
}

bool is_internal_id(const std::string& id) {
  if (id.empty()) return false;
  for (const char c : id) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

netsuite_connection::netsuite_connection(host_ref host, connection_config config,
                                         call_context& ctx)
    : client_(host, std::move(config), ctx), api_(client_) {
  create_options_.mode = client_.config().mode;
  create_options_.async_poll_attempts = client_.config().async_poll_attempts;
  create_options_.read_before_create = client_.config().read_before_create;
  for (auto* make : {&make_supplier_mapping, &make_invoice_mapping, &make_journal_mapping,
                     &make_payment_mapping}) {
    auto m = (*make)();
    const std::string name(m->object());
    mappings_.emplace(name, std::move(m));
  }
}

const record_mapping& netsuite_connection::mapping_for(const std::string& object) const {
  const auto it = mappings_.find(object);
  if (it == mappings_.end()) {
    throw error(error_class::unsupported, "netsuite.object_unsupported",
                "the NetSuite adapter does not offer " + object);
  }
  return *it->second;
}

result netsuite_connection::execute(const request& req, call_context& ctx) {
  return dispatch(req, nullptr, ctx);
}

result netsuite_connection::execute_consuming(request&& req, call_context& ctx) {
  return dispatch(req, &req.payload, ctx);
}

result netsuite_connection::dispatch(const request& req, nlohmann::json* payload,
                                     call_context& ctx) {
  const auto& m = mapping_for(req.object);
  const bool journal_or_payment = req.object == "JournalEntry" || req.object == "Payment";
  if (req.op == "create") return create(m, req, payload, ctx);
  if (req.op == "get") return get(m, req, ctx);
  if (req.op == "list" && !journal_or_payment) return list(m, req, ctx);
  if (req.op == "update" && req.object == "Supplier") return update(m, req, ctx);
  if (req.op == "reverse" && req.object == "Payment") return reverse_payment(m, req, ctx);
  throw error(error_class::unsupported, "netsuite.op_unsupported",
              "the NetSuite adapter does not offer " + req.op + " on " + req.object);
}

mapping_context netsuite_connection::make_mapping_context(call_context& ctx) {
  return {client_.config().maps,
          [this, &ctx](const nlohmann::json& party, const std::string& pointer) {
            return resolve_supplier(party, pointer, ctx);
          },
          [this, &ctx](std::string_view type, const nlohmann::json& doc, const std::string& entity,
                       const std::string& pointer) {
            return resolve_document(type, doc, entity, pointer, ctx);
          }};
}

std::string netsuite_connection::resolve_supplier(const nlohmann::json& party,
                                                  const std::string& pointer, call_context& ctx) {
  if (auto id = netsuite_ref(party); !id.empty()) return id;
  const std::string number = party.is_object() ? party.value("number", "") : "";
  if (number.empty()) {
    throw error(error_class::validation, "netsuite.supplier_unidentified",
                "the supplier needs external_refs.netsuite or a number")
        .with_field(pointer, "netsuite.supplier_unidentified", "no NetSuite id and no number");
  }
  const auto page = api_.query("vendor", "entityId IS " + quoted(number, pointer + "/number"), 2,
                               0, ctx);
  if (page.ids.size() != 1) {
    const bool none = page.ids.empty();
    const std::string code = none ? "netsuite.supplier_unknown" : "netsuite.supplier_ambiguous";
    const std::string text = none ? "no NetSuite vendor has entityId " + number
                                  : "several NetSuite vendors have entityId " + number;
    throw error(error_class::validation, code, text).with_field(pointer + "/number", code, text);
  }
  return page.ids.front();
}

std::string netsuite_connection::resolve_document(std::string_view record_type,
                                                  const nlohmann::json& document,
                                                  const std::string& entity_id,
                                                  const std::string& pointer, call_context& ctx) {
  if (auto id = netsuite_ref(document); !id.empty()) return id;
  const std::string number = document.is_object() ? document.value("number", "") : "";
  if (number.empty()) {
    throw error(error_class::validation, "netsuite.document_unidentified",
                "the document needs external_refs.netsuite or a number")
        .with_field(pointer, "netsuite.document_unidentified", "no NetSuite id and no number");
  }
  const auto page = api_.query(
      record_type, "tranId IS " + quoted(number, pointer + "/number") + " AND entity EQUAL " + entity_id,
      2, 0, ctx);
  if (page.ids.size() != 1) {
    const bool none = page.ids.empty();
    const std::string code = none ? "netsuite.document_unknown" : "netsuite.document_ambiguous";
    const std::string text = std::string(none ? "no" : "more than one") + " NetSuite " +
                             std::string(record_type) + " " + number + " for vendor " + entity_id;
    throw error(error_class::validation, code, text).with_field(pointer + "/number", code, text);
  }
  return page.ids.front();
}

result netsuite_connection::create(const record_mapping& m, const request& req,
                                   nlohmann::json* payload, call_context& ctx) {
  auto mctx = make_mapping_context(ctx);
  auto record = m.to_vendor(req.payload, mctx);
  // The mapping has read the payload; from here on only the answer needs it.
  nlohmann::json answer_base = payload != nullptr ? std::move(*payload) : req.payload;
  return create_with_natural_key(api_, m, std::move(record), req, std::move(answer_base),
                                 create_options_, ctx);
}

result netsuite_connection::get(const record_mapping& m, const request& req, call_context& ctx) {
  const auto& q = req.query;
  std::string id;
  if (q.is_object()) {
    if (q.contains("vendor_id") && q["vendor_id"].is_string()) {
      id = q["vendor_id"];
    } else if (q.contains("id") && q["id"].is_string()) {
      id = q["id"];
    } else if (q.contains("natural_key") && q["natural_key"].is_string()) {
      id = "eid:" + external_id_for_key(q["natural_key"].get<std::string>());
    } else if (q.contains("natural_key") && q["natural_key"].is_object() &&
               q["natural_key"].value("idempotency_key", "") != "") {
      // The contract's form (request.schema.json: natural_key is an object of strings).
      id = "eid:" + external_id_for_key(q["natural_key"]["idempotency_key"].get<std::string>());
    }
  }
  if (id.empty() || (!is_internal_id(id) && id.rfind("eid:", 0) != 0)) {
    throw error(error_class::validation, "netsuite.query_id",
                "get needs query.id / query.vendor_id (a NetSuite internal id) or "
                "query.natural_key.idempotency_key (the idempotency key of the create)")
        .with_field("/query", "netsuite.query_id", "no usable id");
  }
  for (const auto& type : m.record_types()) {
    if (auto record = api_.get(type, id, ctx)) {
      return {m.from_vendor(type, *record, client_.config().maps), false};
    }
  }
  throw error(error_class::not_found, "netsuite.not_found",
              "no NetSuite " + std::string(m.object()) + " with id " + id)
      .with_effect(effect::none);
}

result netsuite_connection::list(const record_mapping& m, const request& req, call_context& ctx) {
  const auto& q = req.query.is_object() ? req.query : nlohmann::json::object();
  for (const char* unsupported_filter : {"changed_since", "natural_key"}) {
    if (q.contains(unsupported_filter)) {
      throw error(error_class::unsupported, "netsuite.query_unsupported",
                  std::string("list does not offer the filter ") + unsupported_filter)
          .with_field(std::string("/query/") + unsupported_filter, "netsuite.query_unsupported",
                      "not offered");
    }
  }
  const int limit = q.contains("limit") && q["limit"].is_number_integer()
                        ? std::clamp(q["limit"].get<int>(), 1, max_page)
                        : default_page;
  // Cursor "<record type index>:<offset>": Invoice lists bills, then vendor credits.
  std::size_t type_index = 0;
  std::int64_t offset = 0;
  if (q.contains("cursor") && q["cursor"].is_string()) {
    const std::string c = q["cursor"];
    const auto colon = c.find(':');
    try {
      if (colon == std::string::npos) throw std::invalid_argument("no colon");
      type_index = std::stoul(c.substr(0, colon));
      offset = std::stoll(c.substr(colon + 1));
    } catch (const std::exception&) {
      throw error(error_class::validation, "netsuite.cursor", "the cursor is not one this adapter gave")
          .with_field("/query/cursor", "netsuite.cursor", "malformed");
    }
    if (type_index >= m.record_types().size() || offset < 0) {
      throw error(error_class::validation, "netsuite.cursor", "the cursor is out of range")
          .with_field("/query/cursor", "netsuite.cursor", "out of range");
    }
  }
  const auto types = m.record_types();
  const auto& type = types[type_index];
  const auto page = api_.query(type, "", limit, offset, ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& id : page.ids) {
    // A record deleted between the page and the read is skipped, not an error.
    if (auto record = api_.get(type, id, ctx)) {
      items.push_back(m.from_vendor(type, *record, client_.config().maps));
    }
  }
  nlohmann::json doc = {{"items", std::move(items)}};
  if (page.has_more) {
    doc["next_cursor"] = std::to_string(type_index) + ":" +
                         std::to_string(offset + static_cast<std::int64_t>(page.ids.size()));
  } else if (type_index + 1 < types.size()) {
    doc["next_cursor"] = std::to_string(type_index + 1) + ":0";
  }
  return {std::move(doc), false};
}

result netsuite_connection::update(const record_mapping& m, const request& req,
                                   call_context& ctx) {
  std::string id;
  if (req.query.is_object() && req.query.contains("id") && req.query["id"].is_string()) {
    id = req.query["id"];
  }
  if (id.empty()) id = netsuite_ref(req.payload);
  if (!is_internal_id(id)) {
    throw error(error_class::validation, "netsuite.query_id",
                "update needs the NetSuite internal id (query.id or external_refs.netsuite)")
        .with_field("/external_refs/netsuite", "netsuite.query_id", "missing");
  }
  auto mctx = make_mapping_context(ctx);
  const auto record = m.to_vendor(req.payload, mctx);
  const auto type = m.record_types().front();
  const auto current = api_.get(type, id, ctx);
  if (!current) {
    throw error(error_class::not_found, "netsuite.not_found",
                "no NetSuite " + type + " with id " + id);
  }
  // An update that already holds is a replay: NetSuite is not written again.
  if (m.compared_fields(*current) == m.compared_fields(record.body)) {
    return {created_document(req.payload, id), true};
  }
  api_.patch(type, id, record.body, ctx, [&m](std::string_view p) { return m.pointer_for(p); });
  return {created_document(req.payload, id), false};
}

// Voids a vendorPayment: PATCH {"voided": true} (vendors.md §1 does not document voiding
// through REST: unconfirmed, the simulator's payables.void_method). NetSuite then returns the
// applied amounts to the bills, which are open for payment again. A payment already voided is
// answered `replayed: true` without a write, so a retry or a second reverse changes nothing.
result netsuite_connection::reverse_payment(const record_mapping& m, const request& req,
                                            call_context& ctx) {
  std::string id;
  if (req.query.is_object()) {
    for (const char* name : {"id", "vendor_id"}) {
      if (req.query.contains(name) && req.query[name].is_string()) id = req.query[name];
    }
  }
  if (!is_internal_id(id)) {
    throw error(error_class::validation, "netsuite.query_id",
                "reverse needs query.id (the NetSuite internal id of the vendorPayment)")
        .with_field("/query/id", "netsuite.query_id", "missing or not an internal id");
  }
  const auto current = api_.get("vendorPayment", id, ctx);
  if (!current) {
    throw error(error_class::not_found, "netsuite.not_found",
                "no NetSuite vendorPayment with id " + id)
        .with_effect(effect::none);
  }
  if (current->value("voided", false) == true) {
    return {m.from_vendor("vendorPayment", *current, client_.config().maps), true};
  }
  api_.patch("vendorPayment", id, nlohmann::json{{"voided", true}}, ctx,
             [](std::string_view) { return std::string("/query/id"); });
  auto after = api_.get("vendorPayment", id, ctx);
  return {m.from_vendor("vendorPayment", after ? *after : *current, client_.config().maps), false};
}

}  // namespace erpc::netsuite
