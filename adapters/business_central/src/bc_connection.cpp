// SPDX-License-Identifier: Apache-2.0
#include "bc_connection.hpp"

#include "bc_mapping.hpp"
#include "mapping_support.hpp"

#include <erpc/adapters/list_query.hpp>

#include <algorithm>

namespace erpc::bc {

namespace {

constexpr int default_page = 100;
constexpr int max_page = 1000;

bool is_guid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash != (s[i] == '-')) return false;
    if (!dash && !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

error bad_id(const std::string& what) {
  return error(error_class::validation, "bc.query_id",
               what + " needs query.id: a Business Central id (GUID)")
      .with_field("/query/id", "bc.query_id", "not a GUID")
      .with_effect(effect::none);
}

std::string differing(const nlohmann::json& want, const nlohmann::json& have) {
  std::string out;
  for (const auto& [name, value] : want.items()) {
    if (have.value(name, nlohmann::json()) != value) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace

bc_connection::bc_connection(host_ref host, connection_config config, call_context& ctx)
    : client_(host, std::move(config), ctx), documents_(client_), journals_(client_), payments_(client_) {}

result bc_connection::execute(const request& req, call_context& ctx) {
  const auto& o = req.object;
  if (o == "JournalEntry") {
    if (req.op == "create") return journals_.create(req, ctx);
    if (req.op == "get") {
      const auto id = adapters::string_member(req.query, "id");
      if (id.size() != 20 || id.rfind("ERPC", 0) != 0) {
        throw error(error_class::validation, "bc.query_id",
                    "get needs query.id: the journal's document number (ERPC…) a create answered")
            .with_field("/query/id", "bc.query_id", "not a journal document number")
            .with_effect(effect::none);
      }
      const auto entries = journals_.ledger_entries(id, ctx);
      if (entries.empty()) {
        throw error(error_class::not_found, "bc.not_found", "Business Central has no G/L entries of " + id)
            .with_effect(effect::none);
      }
      return {journal_from_ledger(entries, id, client_.config()), false};
    }
  }
  if (o == "Payment") {
    if (req.op == "create") return payments_.create(req, ctx);
    if (req.op == "get") {
      const auto id = adapters::string_member(req.query, "id");
      if (id.size() != 20 || id.rfind("ERPP", 0) != 0) {
        throw error(error_class::validation, "bc.query_id",
                    "get needs query.id: the vendor payment's document number (ERPP…) a create answered")
            .with_field("/query/id", "bc.query_id", "not a vendor payment document number")
            .with_effect(effect::none);
      }
      return payments_.get(id, ctx);
    }
    // Reversing a posted payment (BANKING.md step 3) has no confirmed API (vendors.md §4):
    // the simulator models one behind payments.reversal, which certified behaviour cannot use.
    throw error(error_class::unsupported, "bc.op_unsupported",
                "the Business Central adapter does not offer " + req.op +
                    " on Payment: reversing a posted vendor payment has no confirmed v2.0 API "
                    "(adapters/business_central/README.md)")
        .with_effect(effect::none);
  }
  if (o != "Supplier" && o != "Invoice" && o != "JournalEntry") {
    throw error(error_class::unsupported, "bc.object_unsupported",
                "the Business Central adapter does not offer " + o +
                    " in this version (adapters/business_central/README.md)")
        .with_effect(effect::none);
  }
  if (req.op == "create") {
    if (o == "Supplier") return create_supplier(req, ctx);
    return documents_.create(invoice_to_vendor(req.payload, client_.config()), req, ctx);
  }
  if (req.op == "get") return get(req, ctx);
  if (req.op == "list") return list(req, ctx);
  if (req.op == "update" && o == "Supplier") return update_supplier(req, ctx);
  throw error(error_class::unsupported, "bc.op_unsupported",
              "the Business Central adapter does not offer " + req.op + " on " + o)
      .with_effect(effect::none);
}

std::vector<nlohmann::json> bc_connection::vendors_numbered(const std::string& number,
                                                            call_context& ctx) {
  const auto page = client_.get_json(
      client_.company_url("/vendors", url_query({{"$filter", "number eq " + odata_literal(number)}})),
      ctx);
  const auto value = page.find("value");
  if (value == page.end() || !value->is_array()) {
    throw malformed_response("its collection has no value array", call_kind::read, 200);
  }
  return *value;
}

result bc_connection::create_supplier(const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bc.idempotency_key_required",
                "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto body = supplier_to_vendor(req.payload, client_.config());
  const auto number = body["number"].get<std::string>();
  const auto want = supplier_compared_fields(body);
  // The vendor number is BC's primary key (vendors.md §4.3 Internal_EntityWithSameKeyExists):
  // read back by it before creating, and again when BC refuses the key.
  auto judge = [&](const std::vector<nlohmann::json>& found) -> std::optional<result> {
    if (found.empty()) return std::nullopt;
    const auto& v = found.front();
    const auto id = mapping::string_member(v, "id");
    const auto have = supplier_compared_fields(v);
    if (have != want) {
      throw error(error_class::idempotency_key_reuse, "bc.key_reuse",
                  "Business Central already holds vendor " + number + " (" + id +
                      ") differing in " + differing(want, have))
          .with_effect(effect::none)
          .with_field("/number", "bc.key_reuse", "vendor number already used with other fields");
    }
    ctx.log(log_level::info, "replayed Business Central vendor " + id + " found by its number");
    return result{created_document(req.payload, id), true};
  };
  if (auto r = judge(vendors_numbered(number, ctx))) return std::move(*r);
  const auto res = client_.send("POST", client_.company_url("/vendors"), call_kind::write, ctx, &body);
  if (res.status == 201 || res.status == 200) {
    const auto created = body_of(res, call_kind::write);
    const auto id = mapping::string_member(created, "id");
    if (id.empty()) throw malformed_response("its created vendor has no id", call_kind::write, res.status);
    return {created_document(req.payload, id), false};
  }
  auto mapped = map_odata_error(res, call_kind::write, client_.now_ms(ctx));
  if (mapped.code() == "bc.same_key_exists") {
    if (auto r = judge(vendors_numbered(number, ctx))) return std::move(*r);
  }
  if (mapped.cls() == error_class::validation && mapped.field_errors().empty()) {
    mapped.with_field("/number", "bc." + std::string(mapped.vendor() ? mapped.vendor()->code : ""),
                      "Business Central refused the vendor");
  }
  throw mapped;
}

result bc_connection::update_supplier(const request& req, call_context& ctx) {
  auto id = adapters::string_member(req.query, "id");
  if (id.empty() && req.payload.is_object()) {
    id = req.payload.value("external_refs", nlohmann::json::object()).value(mapping::ref_key, "");
  }
  if (!is_guid(id)) throw bad_id("update");
  const auto url = client_.company_url("/vendors(" + id + ")");
  const auto current = client_.get_json(url, ctx);
  const auto desired = supplier_to_vendor(req.payload, client_.config());
  // The ETag the caller read the supplier with guards its change (vendors.md §4.3 If-Match);
  // without one, the version just read.
  const auto etag = req.payload.is_object() && req.payload.contains("etag") && req.payload["etag"].is_string()
                        ? req.payload["etag"].get<std::string>()
                        : mapping::string_member(current, "@odata.etag");
  nlohmann::json changes = nlohmann::json::object();
  for (const auto& [name, value] : desired.items()) {
    if (current.value(name, nlohmann::json()) != value) changes[name] = value;
  }
  if (changes.empty()) return {created_document(req.payload, id), true};
  const auto res = client_.send("PATCH", url, call_kind::write, ctx, &changes, etag.empty() ? "*" : etag);
  if (res.status != 200 && res.status != 204) {
    throw map_odata_error(res, call_kind::write, client_.now_ms(ctx));
  }
  return {created_document(req.payload, id), false};
}

result bc_connection::get(const request& req, call_context& ctx) {
  const auto& config = client_.config();
  const auto id = adapters::string_member(req.query, "id").empty() ? adapters::string_member(req.query, "vendor_id")
                                                       : adapters::string_member(req.query, "id");
  if (req.object == "Supplier") {
    if (id.empty()) {
      if (const auto number = adapters::string_member(req.query, "number"); !number.empty()) {
        const auto found = vendors_numbered(number, ctx);
        if (found.empty()) {
          throw error(error_class::not_found, "bc.not_found", "Business Central has no vendor " + number)
              .with_effect(effect::none);
        }
        return {supplier_from_vendor(found.front(), config), false};
      }
    }
    if (!is_guid(id)) throw bad_id("get");
    return {supplier_from_vendor(client_.get_json(client_.company_url("/vendors(" + id + ")"), ctx),
                                 config),
            false};
  }
  if (!is_guid(id)) throw bad_id("get");
  // An invoice id may name a purchase invoice or a purchase credit memo.
  for (const auto* e : {&invoice_entity(), &credit_memo_entity()}) {
    const auto url = client_.company_url(std::string("/") + e->entity_set + "(" + id + ")",
                                         url_query({{"$expand", e->lines}}));
    const auto res = client_.send("GET", url, call_kind::read, ctx);
    if (res.status == 404 && e == &invoice_entity()) continue;
    if (res.status != 200) throw map_odata_error(res, call_kind::read, client_.now_ms(ctx));
    const auto doc = body_of(res, call_kind::read);
    if (!doc.is_object()) throw malformed_response("its body is not a JSON object", call_kind::read, 200);
    return {invoice_from_vendor(doc, *e, config), false};
  }
  throw error(error_class::not_found, "bc.not_found", "Business Central has no document " + id)
      .with_effect(effect::none);
}

result bc_connection::list(const request& req, call_context& ctx) {
  const auto& q = req.query.is_object() ? req.query : nlohmann::json::object();
  const auto [limit, offset] = adapters::read_offset_page(
      q, "bc", req.object == "Invoice" ? std::vector<std::string_view>{"document_type"}
                                                         : std::vector<std::string_view>{}, default_page, max_page);
  const bool supplier = req.object == "Supplier";
  const auto* e = adapters::string_member(q, "document_type") == "credit_note" ? &credit_memo_entity() : &invoice_entity();
  std::vector<std::pair<std::string, std::string>> params = {{"$top", std::to_string(limit)},
                                                             {"$skip", std::to_string(offset)}};
  if (!supplier) params.emplace_back("$expand", e->lines);
  const auto page = client_.get_json(
      client_.company_url(supplier ? "/vendors" : std::string("/") + e->entity_set, url_query(params)), ctx);
  const auto value = page.find("value");
  if (value == page.end() || !value->is_array()) {
    throw malformed_response("its collection has no value array", call_kind::read, 200);
  }
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *value) {
    items.push_back(supplier ? supplier_from_vendor(r, client_.config())
                             : invoice_from_vendor(r, *e, client_.config()));
  }
  nlohmann::json doc = {{"items", items}};
  if (static_cast<int>(items.size()) == limit || page.contains("@odata.nextLink")) {
    doc["next_cursor"] = std::to_string(offset + static_cast<std::int64_t>(items.size()));
  }
  return {std::move(doc), false};
}

void bc_connection::verify(call_context& ctx) {
  // The token, the environment and the company: GET companies({id}).
  const auto doc = client_.get_json(client_.company_url(""), ctx);
  ctx.log(log_level::info, "Business Central check: credentials ok, company " +
                               mapping::string_member(doc, "name") + " reachable");
}

}  // namespace erpc::bc
