// SPDX-License-Identifier: Apache-2.0
#include "fo_connection.hpp"

#include "fo_mapping.hpp"
#include "line_writer.hpp"
#include "mapping_support.hpp"

#include <erpc/adapters/list_query.hpp>

#include <algorithm>

namespace erpc::fo {

namespace {

constexpr int default_page = 100;
constexpr int max_page = 1000;

error bad_id(const std::string& what) {
  return error(error_class::validation, "fo.query_id", "get needs query.id: " + what)
      .with_field("/query/id", "fo.query_id", "missing or not an F&O key")
      .with_effect(effect::none);
}

error not_found(const std::string& what) {
  return error(error_class::not_found, "fo.not_found", "F&O has no " + what).with_effect(effect::none);
}

bool plain_key(const std::string& id) {
  return !id.empty() && id.size() <= 40 &&
         std::all_of(id.begin(), id.end(), [](char c) { return c >= 0x20 && c != 0x7f; });
}

}  // namespace

fo_connection::fo_connection(host_ref host, connection_config config, call_context& ctx)
    : client_(host, std::move(config), ctx), invoices_(client_), journals_(client_) {}

result fo_connection::execute(const request& req, call_context& ctx) {
  const auto& o = req.object;
  if (o != "Supplier" && o != "Invoice" && o != "JournalEntry") {
    throw error(error_class::unsupported, "fo.object_unsupported",
                "the F&O adapter does not offer " + o + " in this version (adapters/dynamics_fo/README.md)")
        .with_effect(effect::none);
  }
  if (req.op == "create") {
    if (o == "Supplier") return create_supplier(req, ctx);
    if (o == "Invoice") return invoices_.create(req, ctx);
    return journals_.create(req, ctx);
  }
  if (req.op == "get") return get(req, ctx);
  if (req.op == "list" && o != "JournalEntry") return list(req, ctx);
  throw error(error_class::unsupported, "fo.op_unsupported", "the F&O adapter does not offer " + req.op + " on " + o)
      .with_effect(effect::none);
}

result fo_connection::create_supplier(const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "fo.idempotency_key_required", "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto body = supplier_to_vendor(req.payload, client_.config());
  const auto number = body["VendorAccountNumber"].get<std::string>();
  const auto want = supplier_compared_fields(body);
  // dataAreaId + VendorAccountNumber is the entity key (vendors.md §5.1): read back by it before
  // creating, and again when F&O answers that the record already exists (§5.3).
  auto judge = [&]() -> std::optional<result> {
    const auto found = client_.get_entity("VendorsV2", {{"VendorAccountNumber", number}}, ctx);
    if (!found) return std::nullopt;
    const auto have = supplier_compared_fields(*found);
    if (have != want) {
      throw error(error_class::idempotency_key_reuse, "fo.key_reuse",
                  "F&O already holds vendor account " + number + " in " + client_.config().company +
                      " differing in " + mapping::differing(want, have))
          .with_effect(effect::none)
          .with_field("/number", "fo.key_reuse", "vendor account already used with other fields");
    }
    ctx.log(log_level::info, "replayed F&O vendor " + number + " found by its key");
    return result{mapping::created_document(req.payload, number), true};
  };
  if (auto r = judge()) return std::move(*r);
  if (post_row(client_, "VendorsV2", body, ctx)) return {mapping::created_document(req.payload, number), false};
  if (auto r = judge()) return std::move(*r);
  throw error(error_class::conflict, "fo.record_exists",
              "F&O refused vendor " + number + " as already existing, but it cannot be read back by its key")
      .with_effect(effect::none);
}

result fo_connection::get(const request& req, call_context& ctx) {
  auto id = adapters::string_member(req.query, "id");
  const auto& config = client_.config();
  if (req.object == "Supplier") {
    if (id.empty()) id = adapters::string_member(req.query, "number");
    if (!plain_key(id)) throw bad_id("the vendor account number");
    const auto v = client_.get_entity("VendorsV2", {{"VendorAccountNumber", id}}, ctx);
    if (!v) throw not_found("vendor " + id + " in " + config.company);
    return {supplier_from_vendor(*v, config), false};
  }
  if (req.object == "Invoice") {
    if (!plain_key(id)) throw bad_id("the vendor invoice header reference");
    auto doc = invoices_.get(id, ctx);
    if (!doc) throw not_found("vendor invoice " + id + " in " + config.company);
    return {std::move(*doc), false};
  }
  // JournalEntry: by batch number, or by the idempotency key that created it.
  if (id.empty()) {
    if (const auto key = adapters::string_member(req.query, "natural_key"); !key.empty()) id = journals_.batch_of_key(key, ctx);
    if (id.empty() && !adapters::string_member(req.query, "natural_key").empty()) throw not_found("journal for that key");
  }
  if (!plain_key(id)) throw bad_id("the journal batch number");
  auto doc = journals_.get(id, ctx);
  if (!doc) throw not_found("journal " + id + " in " + config.company);
  return {std::move(*doc), false};
}

result fo_connection::list(const request& req, call_context& ctx) {
  const auto& q = req.query.is_object() ? req.query : nlohmann::json::object();
  const auto [limit, offset] = adapters::read_offset_page(
      q, "fo", {}, default_page, max_page);
  const bool supplier = req.object == "Supplier";
  bool more = false;
  const auto rows = client_.page(supplier ? "VendorsV2" : "VendorInvoiceHeaders", limit, offset, more, ctx);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : rows) {
    if (supplier) {
      items.push_back(supplier_from_vendor(r, client_.config()));
    } else {
      const auto reference = mapping::string_member(r, "HeaderReference");
      const auto lines = client_.query("VendorInvoiceLines", "HeaderReference eq " + odata_literal(reference), ctx);
      items.push_back(invoice_from_vendor(r, lines, client_.config()));
    }
  }
  nlohmann::json doc = {{"items", items}};
  if (more) doc["next_cursor"] = std::to_string(offset + static_cast<std::int64_t>(items.size()));
  return {std::move(doc), false};
}

void fo_connection::verify(call_context& ctx) {
  // The token and the legal entity: one vendor row of the company (an empty page is fine).
  bool more = false;
  (void)client_.page("VendorsV2", 1, 0, more, ctx);
  ctx.log(log_level::info, "F&O check: credentials ok, legal entity " + client_.config().company + " readable");
}

}  // namespace erpc::fo
