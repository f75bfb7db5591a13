// SPDX-License-Identifier: Apache-2.0
#include "coupa_connection.hpp"

#include "export_flag.hpp"
#include "mapping_support.hpp"
#include "natural_key_create.hpp"

#include <algorithm>

namespace erpc::coupa {

namespace {

constexpr int default_page = max_page;

std::string coupa_ref(const nlohmann::json& obj) {
  if (!obj.is_object()) return {};
  const auto refs = obj.find("external_refs");
  if (refs == obj.end() || !refs->is_object()) return {};
  const auto id = refs->find("coupa");
  return id != refs->end() && id->is_string() ? id->get<std::string>() : std::string();
}

}  // namespace

bool is_record_id(const std::string& id) {
  if (id.empty() || id.size() > 18) return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string query_id(const nlohmann::json& q) {
  if (!q.is_object()) return {};
  for (const char* name : {"vendor_id", "id"}) {
    if (const auto it = q.find(name); it != q.end() && it->is_string()) return *it;
  }
  return {};
}

coupa_connection::coupa_connection(host_ref host, connection_config config, call_context& ctx)
    : client_(host, std::move(config), ctx) {
  for (auto* make : {&make_supplier_mapping, &make_invoice_mapping}) {
    auto m = (*make)();
    const std::string name(m->object());
    mappings_.emplace(name, std::move(m));
  }
}

const resource_mapping& coupa_connection::mapping_for(const std::string& object) const {
  const auto it = mappings_.find(object);
  if (it == mappings_.end()) {
    throw error(error_class::unsupported, "coupa.object_unsupported", "the Coupa adapter does not offer " + object);
  }
  return *it->second;
}

result coupa_connection::execute(const request& req, call_context& ctx) {
  const auto& m = mapping_for(req.object);
  if (req.op == "create") return create(m, req, ctx);
  if (req.op == "get") return get(m, req, ctx);
  if (req.op == "list") return list(m, req, ctx);
  if (req.op == "update" && req.object == "Invoice") return mark_exported(client_, m, req, ctx);
  throw error(error_class::unsupported, "coupa.op_unsupported",
              "the Coupa adapter does not offer " + req.op + " on " + req.object);
}

nlohmann::json coupa_connection::resolve_supplier(const nlohmann::json& party, const std::string& pointer,
                                                  call_context& ctx) {
  if (!party.is_object()) {
    throw error(error_class::validation, "coupa.supplier_unidentified", "the supplier must be an object")
        .with_field(pointer, "coupa.supplier_unidentified", "not an object");
  }
  if (auto id = coupa_ref(party); !id.empty()) {
    if (!is_record_id(id)) {
      throw error(error_class::validation, "coupa.supplier_unidentified",
                  "external_refs.coupa of a supplier is its numeric Coupa id")
          .with_field(pointer + "/external_refs/coupa", "coupa.supplier_unidentified", "not a Coupa id");
    }
    auto found = client_.get("suppliers/" + id, ctx);
    if (!found) {
      throw error(error_class::validation, "coupa.supplier_unknown", "no Coupa supplier " + id)
          .with_field(pointer + "/external_refs/coupa", "coupa.supplier_unknown", "no such supplier");
    }
    return *found;
  }
  for (const char* field : {"number", "name"}) {
    const std::string value = party.value(field, "");
    if (value.empty()) continue;
    const auto page = client_.query("suppliers", {{field, value}}, 2, 0, ctx);
    if (page.size() != 1) {
      const bool none = page.empty();
      const std::string code = none ? "coupa.supplier_unknown" : "coupa.supplier_ambiguous";
      const std::string text = std::string(none ? "no" : "more than one") + " Coupa supplier has " + field + " " + value;
      throw error(error_class::validation, code, text).with_field(pointer + "/" + field, code, text);
    }
    return page.front();
  }
  throw error(error_class::validation, "coupa.supplier_unidentified",
              "the supplier needs external_refs.coupa, a number or a name")
      .with_field(pointer, "coupa.supplier_unidentified", "no id, number or name");
}

result coupa_connection::create(const resource_mapping& m, const request& req, call_context& ctx) {
  if (m.object() == "Invoice" && !client_.config().invoice_create) {
    throw error(error_class::unsupported, "coupa.invoice_create_disabled",
                "this connection does not create Coupa invoices: supplier invoices reach Coupa through "
                "cXML, and whether POST /api/invoices is allowed depends on the tenant (vendors.md §10.1); "
                "set invoice_create when it is");
  }
  mapping_context mctx{client_.config(), [this, &ctx](const nlohmann::json& party, const std::string& pointer) {
                         return resolve_supplier(party, pointer, ctx);
                       }};
  auto body = m.to_vendor(req.payload, mctx);
  return create_with_natural_key(client_, m, std::move(body), req, ctx);
}

result coupa_connection::get(const resource_mapping& m, const request& req, call_context& ctx) {
  const auto id = query_id(req.query);
  if (!is_record_id(id)) {
    throw error(error_class::validation, "coupa.query_id",
                "get needs query.id or query.vendor_id: the numeric Coupa id")
        .with_field("/query", "coupa.query_id", "no numeric id");
  }
  auto record = client_.get(std::string(m.resource()) + "/" + id, ctx);
  if (!record) {
    throw error(error_class::not_found, "coupa.not_found", "no Coupa " + std::string(m.object()) + " with id " + id)
        .with_effect(effect::none);
  }
  return {m.from_vendor(*record, client_.config()), false};
}

result coupa_connection::list(const resource_mapping& m, const request& req, call_context& ctx) {
  const auto& q = req.query.is_object() ? req.query : nlohmann::json::object();
  if (q.contains("natural_key")) {
    throw error(error_class::unsupported, "coupa.query_unsupported", "list does not offer the filter natural_key")
        .with_field("/query/natural_key", "coupa.query_unsupported", "not offered");
  }
  const int limit = q.contains("limit") && q["limit"].is_number_integer() ? std::clamp(q["limit"].get<int>(), 1, max_page)
                                                                          : default_page;
  std::int64_t offset = 0;
  if (q.contains("cursor")) {
    const auto& c = q["cursor"];
    if (!c.is_string() || !is_record_id(c.get<std::string>())) {
      throw error(error_class::validation, "coupa.cursor", "the cursor is not one this adapter gave")
          .with_field("/query/cursor", "coupa.cursor", "malformed");
    }
    offset = std::stoll(c.get<std::string>());
  }
  query_params params;
  if (m.object() == "Invoice") {
    // The export-flag pattern (vendors.md §10.1): what is approved and not yet exported.
    params = {{"status[in]", "approved"}, {"exported", "false"}};
  }
  if (const auto since = q.find("changed_since"); since != q.end() && since->is_string()) {
    params.emplace_back("updated-at[gt]", since->get<std::string>());
  }
  const auto page = client_.query(m.resource(), params, limit, offset, ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : page) items.push_back(m.from_vendor(record, client_.config()));
  nlohmann::json doc = {{"items", std::move(items)}};
  // A full page may have a next one; an empty next page ends the walk.
  if (static_cast<int>(page.size()) == limit) doc["next_cursor"] = std::to_string(offset + limit);
  return {std::move(doc), false};
}

}  // namespace erpc::coupa
