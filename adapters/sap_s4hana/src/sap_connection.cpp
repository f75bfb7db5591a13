// SPDX-License-Identifier: Apache-2.0
#include "sap_connection.hpp"

#include "journal_soap.hpp"
#include "key_marker.hpp"
#include "mapping_support.hpp"
#include "odata_values.hpp"
#include "sap_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/utc_instant.hpp>

#include <algorithm>

namespace erpc::sap {

namespace {

constexpr int default_page = 100;
constexpr int max_page = 1000;  // SAP's usual server page (vendors.md §2.5)

const char* const invoice_expand = "to_SupplierInvoiceItemGLAcct,to_SupplierInvoiceTax";
const char* const partner_expand =
    "to_BusinessPartnerAddress,to_Supplier,to_Supplier/to_SupplierCompany";

bool digits_only(std::string_view s, std::size_t max) {
  if (s.empty() || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

keyed_entity invoice_entity() {
  keyed_entity e;
  e.object = "supplier invoice";
  e.service = invoice_service;
  e.entity_set = "A_SupplierInvoice";
  e.expand = invoice_expand;
  e.marker_field = "DocumentHeaderText";
  e.marker_length = invoice_marker_length;
  e.natural_filter = [](const nlohmann::json& body) {
    return "SupplierInvoiceIDByInvcgParty eq " +
           odata::literal(mapping::string_member(body, "SupplierInvoiceIDByInvcgParty")) +
           " and InvoicingParty eq " + odata::literal(mapping::string_member(body, "InvoicingParty"));
  };
  e.same_natural_key = [](const nlohmann::json& record, const nlohmann::json& body) {
    for (const char* field : {"SupplierInvoiceIDByInvcgParty", "InvoicingParty",
                              "SupplierInvoiceIsCreditMemo"}) {
      if (mapping::string_member(record, field) != mapping::string_member(body, field)) return false;
    }
    return true;
  };
  e.compared_fields = &invoice_compared_fields;
  e.vendor_id = &invoice_vendor_id;
  e.pointer_for = [](std::string_view p) { return invoice_pointer(p); };
  return e;
}

keyed_entity supplier_entity() {
  keyed_entity e;
  e.object = "business partner";
  e.service = partner_service;
  e.entity_set = "A_BusinessPartner";
  e.expand = partner_expand;
  e.marker_field = "BusinessPartnerIDByExtSystem";
  e.marker_length = supplier_marker_length;
  e.compared_fields = &supplier_compared_fields;
  e.vendor_id = [](const nlohmann::json& record) {
    const auto id = mapping::string_member(record, "BusinessPartner");
    if (id.empty()) {
      throw malformed_response("a business partner has no BusinessPartner", call_kind::write, 200);
    }
    return id;
  };
  e.pointer_for = [](std::string_view p) { return supplier_pointer(p); };
  return e;
}

}  // namespace

sap_connection::sap_connection(host_ref host, connection_config config, call_context& ctx)
    : client_(host, std::move(config), ctx),
      invoices_(client_, invoice_entity()),
      suppliers_(client_, supplier_entity()) {}

result sap_connection::execute(const request& req, call_context& ctx) {
  const auto& o = req.object;
  if (o == "Payment") {
    throw error(error_class::unsupported, "sap.payment_unsupported",
                "SAP S/4HANA offers no API to create payments here (vendors.md §2.1: payments "
                "come from the payment run); see adapters/sap_s4hana/README.md")
        .with_effect(effect::none);
  }
  const bool known = o == "Supplier" || o == "Invoice" || o == "JournalEntry";
  if (!known) {
    throw error(error_class::unsupported, "sap.object_unsupported",
                "the SAP S/4HANA adapter does not offer " + o)
        .with_effect(effect::none);
  }
  if (req.op == "create") {
    if (o == "JournalEntry") return create_journal(req, ctx);
    if (o == "Invoice") {
      auto body = invoice_to_vendor(
          req.payload, client_.config().maps,
          [&](const nlohmann::json& party, const std::string& pointer) {
            return resolve_supplier(party, pointer, ctx);
          });
      return invoices_.create(std::move(body), req, ctx);
    }
    return suppliers_.create(supplier_to_vendor(req.payload, client_.config()), req, ctx);
  }
  if (o != "JournalEntry") {
    if (req.op == "get") return get(req, ctx);
    if (req.op == "list") return list(req, ctx);
    if (req.op == "update" && o == "Supplier") return update_supplier(req, ctx);
  }
  throw error(error_class::unsupported, "sap.op_unsupported",
              "the SAP S/4HANA adapter does not offer " + req.op + " on " + o +
                  (o == "JournalEntry" ? " (no journal read API in vendors.md §2.1)" : ""))
      .with_effect(effect::none);
}

std::string sap_connection::resolve_supplier(const nlohmann::json& party,
                                             const std::string& pointer, call_context& ctx) {
  if (auto id = mapping::party_ref(party, pointer); !id.empty()) return id;
  const auto number = mapping::fields.text(party, "number", pointer + "/number").value_or("");
  if (number.empty()) {
    mapping::fields.invalid(pointer, "sap.party_unidentified",
                     "needs external_refs.sap_s4hana or number");
  }
  // The number a supplier was created with is its SearchTerm1 (supplier_mapping.cpp).
  const auto url = client_.odata_url(
      partner_service, "/A_BusinessPartner",
      url_query({{"$filter", "SearchTerm1 eq " + odata::literal(number)},
                 {"$select", "BusinessPartner,Supplier"},
                 {"$top", "2"},
                 {"$format", "json"}}));
  const auto res = client_.send(json_get(url), call_kind::read,
                                ctx);
  if (res.status != 200) throw map_gateway_error(res, call_kind::read, client_.now_ms(ctx));
  std::vector<std::string> suppliers;
  for (const auto& bp : odata::collection_of(res).results) {
    if (const auto s = mapping::string_member(bp, "Supplier"); !s.empty()) suppliers.push_back(s);
  }
  if (suppliers.size() == 1) return suppliers.front();
  if (suppliers.empty() && digits_only(number, 10)) return number;  // SAP's own supplier number
  mapping::fields.invalid(pointer + "/number",
                   suppliers.empty() ? "sap.supplier_unknown" : "sap.supplier_ambiguous",
                   suppliers.empty() ? "no SAP supplier has the search term " + number
                                     : "several SAP suppliers have the search term " + number);
}

nlohmann::json sap_connection::read_entity(const std::string& service, const std::string& path,
                                           const std::string& expand, call_context& ctx) {
  std::vector<std::pair<std::string, std::string>> params = {{"$format", "json"}};
  if (!expand.empty()) params.emplace_back("$expand", expand);
  const auto res = client_.send(
      json_get(client_.odata_url(service, path, url_query(params))),
      call_kind::read, ctx);
  if (res.status == 404) {
    throw error(error_class::not_found, "sap.not_found", "SAP has no " + path)
        .with_effect(effect::none)
        .with_vendor({404, parse_gateway_error(res.body).value_or(gateway_error_body{}).main.code,
                      "", ""});
  }
  if (res.status != 200) throw map_gateway_error(res, call_kind::read, client_.now_ms(ctx));
  return odata::entity_of(res, call_kind::read);
}

result sap_connection::get(const request& req, call_context& ctx) {
  const bool invoice = req.object == "Invoice";
  const auto& maps = client_.config().maps;
  auto from = [&](const nlohmann::json& r) {
    return invoice ? invoice_from_vendor(r, maps) : supplier_from_vendor(r, maps);
  };
  auto id = adapters::string_member(req.query, "vendor_id");
  if (id.empty()) id = adapters::string_member(req.query, "id");
  if (id.empty()) {
    if (const auto key = adapters::string_member(req.query, "natural_key"); !key.empty()) {
      const auto found = (invoice ? invoices_ : suppliers_).find_by_key(key, ctx);
      if (found.empty()) {
        throw error(error_class::not_found, "sap.not_found",
                    "SAP holds no " + req.object + " made with this key")
            .with_effect(effect::none);
      }
      return {from(found.front()), false};
    }
    throw error(error_class::validation, "sap.query_id",
                "get needs query.id / query.vendor_id (SAP id) or query.natural_key (the "
                "idempotency key of the create)")
        .with_field("/query", "sap.query_id", "no usable id")
        .with_effect(effect::none);
  }
  if (invoice) {
    const auto slash = id.find('/');
    const auto number = id.substr(0, slash);
    const auto year = slash == std::string::npos ? std::string() : id.substr(slash + 1);
    if (!digits_only(number, 10) || !digits_only(year, 4) || year.size() != 4) {
      throw error(error_class::validation, "sap.query_id",
                  "an SAP supplier invoice id is <SupplierInvoice>/<FiscalYear>, e.g. "
                  "5105600001/2026")
          .with_field("/query/id", "sap.query_id", "malformed")
          .with_effect(effect::none);
    }
    return {from(read_entity(invoice_service,
                             "/A_SupplierInvoice(SupplierInvoice=" + odata::literal(number) +
                                 ",FiscalYear=" + odata::literal(year) + ")",
                             invoice_expand, ctx)),
            false};
  }
  if (id.size() > 10) {  // A_BusinessPartner.BusinessPartner is Edm.String(10)
    throw error(error_class::validation, "sap.query_id",
                "an SAP business partner id has at most 10 characters")
        .with_field("/query/id", "sap.query_id", "malformed")
        .with_effect(effect::none);
  }
  return {from(read_entity(partner_service, "/A_BusinessPartner(" + odata::literal(id) + ")",
                           partner_expand, ctx)),
          false};
}

result sap_connection::list(const request& req, call_context& ctx) {
  const auto& q = req.query.is_object() ? req.query : nlohmann::json::object();
  for (const auto& [name, value] : q.items()) {
    if (name != "limit" && name != "cursor") {
      throw error(error_class::unsupported, "sap.query_unsupported",
                  "list does not offer the filter " + name)
          .with_field("/query/" + name, "sap.query_unsupported", "not offered")
          .with_effect(effect::none);
    }
  }
  const int limit = q.contains("limit") && q["limit"].is_number_integer()
                        ? std::clamp(q["limit"].get<int>(), 1, max_page)
                        : default_page;
  std::int64_t offset = 0;
  if (const auto c = adapters::string_member(q, "cursor"); !c.empty()) {
    if (!digits_only(c, 12)) {
      throw error(error_class::validation, "sap.cursor", "the cursor is not one this adapter gave")
          .with_field("/query/cursor", "sap.cursor", "malformed")
          .with_effect(effect::none);
    }
    offset = std::stoll(c);
  }
  const bool invoice = req.object == "Invoice";
  std::vector<std::pair<std::string, std::string>> params = {
      {"$top", std::to_string(limit)},
      {"$skip", std::to_string(offset)},
      {"$expand", invoice ? invoice_expand : partner_expand},
      {"$format", "json"}};
  if (invoice) {
    params.emplace_back("$orderby", "FiscalYear,SupplierInvoice");
  } else {
    params.emplace_back("$filter", "Supplier ne ''");
    params.emplace_back("$orderby", "BusinessPartner");
  }
  const auto url = client_.odata_url(invoice ? invoice_service : partner_service,
                                     invoice ? "/A_SupplierInvoice" : "/A_BusinessPartner",
                                     url_query(params));
  const auto res = client_.send(json_get(url), call_kind::read,
                                ctx);
  if (res.status != 200) throw map_gateway_error(res, call_kind::read, client_.now_ms(ctx));
  const auto page = odata::collection_of(res);
  const auto& maps = client_.config().maps;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : page.results) {
    items.push_back(invoice ? invoice_from_vendor(r, maps) : supplier_from_vendor(r, maps));
  }
  nlohmann::json doc = {{"items", items}};
  // A full page, or a server page cut short with __next: there may be more.
  if (static_cast<int>(items.size()) == limit || !page.next.empty()) {
    doc["next_cursor"] = std::to_string(offset + static_cast<std::int64_t>(items.size()));
  }
  return {std::move(doc), false};
}

void sap_connection::patch(const std::string& service, const std::string& path,
                           const nlohmann::json& body, call_context& ctx) {
  outbound o;
  o.method = "PATCH";
  o.url = client_.odata_url(service, path);
  o.body = adapters::dump_exact(body);
  o.csrf_root = client_.service_root(service);
  const auto res = client_.send(o, call_kind::write, ctx);
  if (res.status != 204 && res.status != 200) {
    throw map_gateway_error(res, call_kind::write, client_.now_ms(ctx), {},
                            [](std::string_view p) { return supplier_pointer(p); });
  }
}

result sap_connection::update_supplier(const request& req, call_context& ctx) {
  auto id = adapters::string_member(req.query, "id");
  if (id.empty() && req.payload.is_object()) {
    id = req.payload.value("external_refs", nlohmann::json::object()).value(mapping::ref_key, "");
  }
  if (id.empty() || id.size() > 10) {
    throw error(error_class::validation, "sap.query_id",
                "update needs the SAP business partner id (query.id or external_refs.sap_s4hana)")
        .with_field("/external_refs/sap_s4hana", "sap.query_id", "missing")
        .with_effect(effect::none);
  }
  auto payload = req.payload;
  // A document read from SAP carries the supplier number; it is SAP's, not a change.
  if (payload.is_object() && payload.contains("number") && payload["number"] == id) {
    payload.erase("number");
  }
  const auto desired = supplier_to_vendor(payload, client_.config());
  const auto current = read_entity(partner_service, "/A_BusinessPartner(" + odata::literal(id) + ")",
                                   partner_expand, ctx);
  auto want = supplier_compared_fields(desired);
  auto have = supplier_compared_fields(current);
  want.erase("BusinessPartnerCategory");
  have.erase("BusinessPartnerCategory");
  if (want == have) return {created_document(req.payload, id), true};  // already holds: no write

  // Plan every PATCH before sending any, so an unsupported change writes nothing.
  std::vector<std::pair<std::string, nlohmann::json>> patches;
  const std::string quoted = odata::literal(id);
  if (want["name"] != have["name"] || want["SearchTerm1"] != have["SearchTerm1"]) {
    nlohmann::json names = {{"SearchTerm1", mapping::string_member(desired, "SearchTerm1")}};
    for (const char* f : {"OrganizationBPName1", "OrganizationBPName2", "OrganizationBPName3",
                          "OrganizationBPName4"}) {
      names[f] = mapping::string_member(desired, f);
    }
    patches.emplace_back("/A_BusinessPartner(" + quoted + ")", names);
  }
  nlohmann::json supplier_fields = nlohmann::json::object();
  for (const char* f : {"VATRegistration", "PaymentIsBlockedForSupplier", "PostingIsBlocked"}) {
    if (want[f] != have[f]) supplier_fields[f] = want[f];
  }
  if (!supplier_fields.empty()) patches.emplace_back("/A_Supplier(" + quoted + ")", supplier_fields);
  for (const auto& row : want["to_SupplierCompany"]) {
    const auto& have_rows = have["to_SupplierCompany"];
    const auto it = std::find_if(have_rows.begin(), have_rows.end(), [&](const auto& h) {
      return h["CompanyCode"] == row["CompanyCode"];
    });
    if (it == have_rows.end()) {
      mapping::fields.unsupported("/legal_entity",
                           "extending an SAP supplier to another company code is not offered");
    }
    if ((*it)["PaymentTerms"] != row["PaymentTerms"]) {
      patches.emplace_back("/A_SupplierCompany(Supplier=" + quoted + ",CompanyCode=" +
                               odata::literal(row["CompanyCode"].get<std::string>()) + ")",
                           nlohmann::json{{"PaymentTerms", row["PaymentTerms"]}});
    }
  }
  if (want["address"] != have["address"]) {
    const auto& addresses = mapping::results(current, "to_BusinessPartnerAddress");
    if (addresses.empty()) {
      mapping::fields.unsupported("/postal_address",
                           "adding an address to an SAP business partner is not offered");
    }
    patches.emplace_back("/A_BusinessPartnerAddress(BusinessPartner=" + quoted + ",AddressID=" +
                             odata::literal(mapping::string_member(addresses.front(), "AddressID")) + ")",
                         want["address"]);
  }
  bool wrote = false;
  for (const auto& [path, body] : patches) {
    try {
      patch(partner_service, path, body, ctx);
      wrote = true;
    } catch (error& e) {
      if (wrote && e.effect() == effect::none) e.with_effect(effect::committed);
      throw;
    }
  }
  return {created_document(req.payload, id), false};
}

result sap_connection::create_journal(const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "sap.idempotency_key_required",
                "a create needs an idempotency key (it becomes the journal's DocumentReferenceID)")
        .with_effect(effect::none);
  }
  const auto& config = client_.config();
  const auto marker = key_marker(req.idempotency_key, journal_marker_length);
  const bool maybe_done = req.attempt > 1 || req.prior_outcome == "unknown";
  if (maybe_done && config.journal_reference_check != reference_check::error) {
    // No journal read API (vendors.md §2.1) and no reference check to stop a second posting:
    // re-posting blind could post twice.
    throw error(error_class::conflict, "sap.journal_unverifiable",
                "the journal with reference " + marker +
                    " may already be posted and SAP offers no way to check it here; verify in "
                    "SAP before posting again (README: journal reference check)")
        .with_effect(effect::possible);
  }
  outbound o;
  o.method = "POST";
  o.url = client_.soap_url(journal_soap_path);
  o.body = journal_request(req.payload, config.maps, config.journal_document_type, marker,
                           utc_instant_text(client_.now_ms(ctx)));
  o.content_type = "text/xml; charset=utf-8";
  o.accept = "text/xml";
  o.headers.emplace_back("SOAPAction", journal_soap_action);
  const auto res = client_.send(o, call_kind::write, ctx);
  if (res.status == 500) {
    if (const auto fault = parse_soap_fault(res.body)) {
      // A SOAP fault: SAP refused the message before posting anything.
      throw error(error_class::internal, "sap.soap_fault",
                  "SAP refused the journal SOAP request: " + fault->substr(0, 300))
          .with_effect(effect::none)
          .with_vendor({500, "", fault->substr(0, 300), ""});
    }
  }
  if (res.status != 200) {
    throw map_gateway_error(res, call_kind::write, client_.now_ms(ctx));
  }
  const auto c = parse_journal_confirmation(res.body);
  if (!c) throw malformed_response("its body is not a journal entry confirmation", call_kind::write, 200);
  if (c->posted()) {
    nlohmann::json doc = created_document(req.payload, c->vendor_id());
    doc["document_number"] = c->accounting_document;
    return {std::move(doc), false};
  }
  std::vector<field_error> fields;
  std::string notes;
  for (const auto& item : c->log) {
    if (item.severity < 3) continue;
    if (item.type_id.rfind("117(", 0) == 0) {
      // The reference check (vendors.md §2.3, FI): this key's reference is already posted.
      if (const auto earlier = earlier_journal(item, c->company_code.empty()
                                                         ? std::string()
                                                         : c->company_code)) {
        ctx.log(log_level::info, "replayed SAP journal " + *earlier + " found by its reference");
        nlohmann::json doc = created_document(req.payload, *earlier);
        return {std::move(doc), true};
      }
    }
    fields.push_back({"", "sap.journal_rejected", item.type_id + ": " + item.note.substr(0, 300)});
    notes += (notes.empty() ? "" : "; ") + item.type_id + " " + item.note.substr(0, 200);
  }
  throw error(error_class::validation, "sap.journal_rejected",
              "SAP did not post the journal (HTTP 200, document 0000000000): " + notes)
      .with_fields(std::move(fields))
      .with_effect(effect::none)
      .with_vendor({200, c->log.empty() ? std::string() : c->log.front().type_id, notes.substr(0, 300), ""});
}

void sap_connection::verify(call_context& ctx) {
  const auto& config = client_.config();
  // Credentials and the CSRF handshake: a GET of the service document with X-CSRF-Token: Fetch.
  outbound fetch;
  fetch.url = client_.service_root(invoice_service);
  fetch.headers.emplace_back("X-CSRF-Token", "Fetch");
  const auto res = client_.send(fetch, call_kind::read, ctx);
  if (res.status != 200) throw map_gateway_error(res, call_kind::read, client_.now_ms(ctx));
  if (!res.header("X-CSRF-Token")) {
    ctx.log(log_level::warn, "SAP check: the service answered no CSRF token");
  }
  // The native level needs SAP's duplicate-invoice check as an error for every supplier
  // (IsToBeCheckedForDuplicates), so a late-delivered first request cannot post twice.
  const auto url = client_.odata_url(
      partner_service, "/A_SupplierCompany",
      url_query({{"$filter", "IsToBeCheckedForDuplicates eq false"},
                 {"$select", "Supplier,CompanyCode"},
                 {"$top", "5"},
                 {"$inlinecount", "allpages"},
                 {"$format", "json"}}));
  const auto unchecked = client_.send(json_get(url),
                                      call_kind::read, ctx);
  if (unchecked.status != 200) {
    throw map_gateway_error(unchecked, call_kind::read, client_.now_ms(ctx));
  }
  const auto d = odata::entity_of(unchecked, call_kind::read);
  const auto count = d.value("__count", std::string("0"));
  const bool native = count == "0" && config.duplicate_check_is_error;
  ctx.log(native ? log_level::info : log_level::warn,
          std::string("SAP check: credentials and CSRF handshake ok; ") + count +
              " supplier company record(s) without IsToBeCheckedForDuplicates; duplicate check "
              "declared as " +
              (config.duplicate_check_is_error ? "error" : "warning") + "; level " +
              (native ? "native" : "idempotent (native needs the duplicate check as an error "
                                   "for every supplier)"));
}

}  // namespace erpc::sap
