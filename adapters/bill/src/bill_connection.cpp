// SPDX-License-Identifier: Apache-2.0
#include "bill_connection.hpp"

#include "mapping_support.hpp"
#include "mass_payment.hpp"
#include "read_back_create.hpp"

#include <algorithm>

namespace erpc::bill {

namespace {

constexpr int default_page = 20;
constexpr int max_page = 100;

std::string bill_ref(const nlohmann::json& obj) {
  if (!obj.is_object()) return {};
  const auto refs = obj.find("external_refs");
  if (refs == obj.end() || !refs->is_object()) return {};
  const auto id = refs->find("bill");
  return id != refs->end() && id->is_string() ? id->get<std::string>() : std::string();
}

std::string query_id(const nlohmann::json& q) {
  if (!q.is_object()) return {};
  for (const char* name : {"vendor_id", "id"}) {
    if (const auto it = q.find(name); it != q.end() && it->is_string()) return *it;
  }
  return {};
}

}  // namespace

bill_connection::bill_connection(host_ref host, connection_config config, call_context& ctx)
    : client_(host, std::move(config), ctx), api_(client_) {
  for (auto* make : {&make_vendor_mapping, &make_bill_mapping, &make_payment_mapping}) {
    auto m = (*make)();
    const std::string name(m->object());
    mappings_.emplace(name, std::move(m));
  }
}

const record_mapping& bill_connection::mapping_for(const std::string& object) const {
  const auto it = mappings_.find(object);
  if (it == mappings_.end()) {
    throw error(error_class::unsupported, "bill.object_unsupported",
                "the BILL adapter does not offer " + object + " (BILL is AP automation, not a ledger)")
        .with_effect(effect::none);
  }
  return *it->second;
}

result bill_connection::execute(const request& req, call_context& ctx) {
  if (req.object == "PaymentBatch" && req.op == "submit") {
    return submit_mass_payment(api_, mapping_for("Payment"), make_mapping_context(req, ctx), req, ctx);
  }
  if (req.object == "PaymentStatus" && req.op == "list") return mass_payment_statuses(api_, req, ctx);
  const auto& m = mapping_for(req.object);
  if (req.op == "create") return create(m, req, ctx);
  if (req.op == "get") return get(m, req, ctx);
  if (req.op == "list" && req.object != "Payment") return list(m, req, ctx);
  throw error(error_class::unsupported, "bill.op_unsupported",
              "the BILL adapter does not offer " + req.op + " on " + req.object)
      .with_effect(effect::none);
}

mapping_context bill_connection::make_mapping_context(const request& req, call_context& ctx) {
  return {client_.config(), req.idempotency_key,
          [this, &ctx](const nlohmann::json& party, const std::string& pointer) {
            return resolve_vendor(party, pointer, ctx);
          },
          [this, &ctx](const nlohmann::json& document, const std::string& vendor_id, const std::string& pointer) {
            return resolve_bill(document, vendor_id, pointer, ctx);
          }};
}

std::string bill_connection::resolve_vendor(const nlohmann::json& party, const std::string& pointer,
                                            call_context& ctx) {
  if (!party.is_object()) mapping::invalid(pointer, "bill.supplier_unidentified", "not an object");
  if (auto id = bill_ref(party); !id.empty()) {
    if (!is_plain_token(id) || id.rfind("009", 0) != 0) {
      mapping::invalid(pointer + "/external_refs/bill", "bill.supplier_unidentified",
                       "not a BILL vendor id (vendors.md §10.2: prefixed 009)");
    }
    if (!api_.get("vendors", id, ctx)) {
      mapping::invalid(pointer + "/external_refs/bill", "bill.supplier_unknown", "no BILL vendor " + id);
    }
    return id;
  }
  const std::string name = party.value("name", "");
  if (name.empty()) {
    mapping::invalid(pointer, "bill.supplier_unidentified", "needs external_refs.bill or a name");
  }
  const auto found = api_.list_all("vendors", {{"name", filter_value(name, pointer + "/name")}}, ctx);
  if (found.size() != 1) {
    mapping::invalid(pointer + "/name", found.empty() ? "bill.supplier_unknown" : "bill.supplier_ambiguous",
                     std::string(found.empty() ? "no" : "more than one") + " BILL vendor is named " + name);
  }
  return mapping::text_of(found.front(), "id");
}

nlohmann::json bill_connection::resolve_bill(const nlohmann::json& document, const std::string& vendor_id,
                                             const std::string& pointer, call_context& ctx) {
  if (!document.is_object()) mapping::invalid(pointer, "bill.bill_unidentified", "not an object");
  if (auto id = bill_ref(document); !id.empty()) {
    if (!is_plain_token(id)) mapping::invalid(pointer + "/external_refs/bill", "bill.bill_unidentified", "not a BILL bill id");
    auto found = api_.get("bills", id, ctx);
    if (!found) mapping::invalid(pointer + "/external_refs/bill", "bill.bill_unknown", "no BILL bill " + id);
    return *found;
  }
  const std::string number = document.value("number", "");
  if (number.empty() || vendor_id.empty()) {
    mapping::invalid(pointer, "bill.bill_unidentified",
                     "needs external_refs.bill, or a number together with the payment's creditor");
  }
  const bool nested = client_.config().invoice_shape == invoice_fields::nested;
  const auto found = api_.list_all("bills", {{"vendorId", vendor_id},
                                             {nested ? "invoice.invoiceNumber" : "invoiceNumber",
                                              filter_value(number, pointer + "/number")}},
                                   ctx);
  if (found.size() != 1) {
    mapping::invalid(pointer + "/number", found.empty() ? "bill.bill_unknown" : "bill.bill_ambiguous",
                     std::string(found.empty() ? "no" : "more than one") + " BILL bill of the creditor has invoice number " + number);
  }
  return found.front();
}

result bill_connection::create(const record_mapping& m, const request& req, call_context& ctx) {
  auto mctx = make_mapping_context(req, ctx);
  const auto body = m.to_vendor(req.payload, mctx);
  return create_with_read_back(api_, m, body, req, ctx);
}

result bill_connection::get(const record_mapping& m, const request& req, call_context& ctx) {
  const auto id = query_id(req.query);
  if (!is_plain_token(id)) {
    throw error(error_class::validation, "bill.query_id",
                "get needs query.id or query.vendor_id: the BILL id of the record")
        .with_field("/query", "bill.query_id", "no BILL id")
        .with_effect(effect::none);
  }
  auto record = api_.get(std::string(m.resource()), id, ctx);
  if (!record) {
    throw error(error_class::not_found, "bill.not_found", "no BILL " + std::string(m.object()) + " with id " + id)
        .with_effect(effect::none);
  }
  return {m.from_vendor(*record, client_.config()), false};
}

result bill_connection::list(const record_mapping& m, const request& req, call_context& ctx) {
  const auto& q = req.query.is_object() ? req.query : nlohmann::json::object();
  for (const char* unsupported_filter : {"changed_since", "natural_key"}) {
    if (q.contains(unsupported_filter)) {
      throw error(error_class::unsupported, "bill.query_unsupported",
                  std::string("list does not offer the filter ") + unsupported_filter)
          .with_field(std::string("/query/") + unsupported_filter, "bill.query_unsupported", "not offered")
          .with_effect(effect::none);
    }
  }
  const int limit = q.contains("limit") && q["limit"].is_number_integer()
                        ? std::clamp(q["limit"].get<int>(), 1, max_page)
                        : default_page;
  std::string page;
  if (q.contains("cursor")) {
    const auto& c = q["cursor"];
    if (!c.is_string() || !is_page_token(c.get<std::string>())) {
      throw error(error_class::validation, "bill.cursor", "the cursor is not one this adapter gave")
          .with_field("/query/cursor", "bill.cursor", "malformed")
          .with_effect(effect::none);
    }
    page = c.get<std::string>();
  }
  const auto got = api_.list(std::string(m.resource()), {}, limit, page, ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : got.results) items.push_back(m.from_vendor(r, client_.config()));
  nlohmann::json doc = {{"items", std::move(items)}};
  if (!got.next_page.empty()) doc["next_cursor"] = got.next_page;
  return {std::move(doc), false};
}

}  // namespace erpc::bill
