// SPDX-License-Identifier: Apache-2.0
#include "natural_key_create.hpp"

#include "key_marker.hpp"
#include "mapping_support.hpp"
#include "odata_values.hpp"
#include "sap_mapping.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::sap {

namespace {

bool flag(const nlohmann::json& record, const char* name) {
  const auto it = record.find(name);
  return it != record.end() && it->is_boolean() && it->get<bool>();
}

// vendors.md §2.3 / BANKING.md: a cancelled-then-re-entered invoice is not a duplicate, so the
// reversed original and its reversal document are not the record a key made.
bool counts(const nlohmann::json& record) {
  return !flag(record, "IsReversed") && !flag(record, "IsReversal");
}

std::string differing_fields(const nlohmann::json& expected, const nlohmann::json& actual) {
  std::string out;
  for (const auto& [name, value] : expected.items()) {
    if (actual.value(name, nlohmann::json()) != value) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

}  // namespace

natural_key_create::natural_key_create(sap_client& client, keyed_entity entity)
    : client_(client), entity_(std::move(entity)) {}

natural_key_create::found natural_key_create::read_back(const std::string& marker,
                                                        const nlohmann::json& body,
                                                        call_context& ctx) const {
  std::string filter = entity_.marker_field + " eq " + odata::literal(marker);
  if (entity_.natural_filter) {
    if (const auto natural = entity_.natural_filter(body); !natural.empty()) {
      filter = "(" + filter + ") or (" + natural + ")";
    }
  }
  std::vector<std::pair<std::string, std::string>> params = {{"$filter", filter},
                                                             {"$format", "json"}};
  if (!entity_.expand.empty()) params.emplace_back("$expand", entity_.expand);
  auto url = client_.odata_url(entity_.service, "/" + entity_.entity_set, url_query(params));
  found f;
  // Follow server-driven paging: a reference is rarely reused, but every page is read.
  for (int pages = 0; !url.empty() && pages < 100; ++pages) {
    const auto res = client_.send(json_get(url),
                                  call_kind::read, ctx);
    if (res.status != 200) throw map_gateway_error(res, call_kind::read, client_.now_ms(ctx));
    auto page = odata::collection_of(res);
    for (auto& record : page.results) {
      if (!counts(record)) continue;
      if (mapping::string_member(record, entity_.marker_field.c_str()) == marker) {
        if (!f.ours) f.ours = std::move(record);
      } else if (!f.other && entity_.same_natural_key && entity_.same_natural_key(record, body)) {
        f.other = std::move(record);
      }
    }
    url = page.next;
  }
  return f;
}

std::vector<nlohmann::json> natural_key_create::find_by_key(const std::string& key,
                                                            call_context& ctx) const {
  const auto marker = key_marker(key, entity_.marker_length);
  std::vector<std::pair<std::string, std::string>> params = {
      {"$filter", entity_.marker_field + " eq " + odata::literal(marker)}, {"$format", "json"}};
  if (!entity_.expand.empty()) params.emplace_back("$expand", entity_.expand);
  const auto res = client_.send(
      json_get(client_.odata_url(entity_.service, "/" + entity_.entity_set, url_query(params))),
      call_kind::read, ctx);
  if (res.status != 200) throw map_gateway_error(res, call_kind::read, client_.now_ms(ctx));
  std::vector<nlohmann::json> out;
  for (auto& record : odata::collection_of(res).results) {
    if (counts(record) && mapping::string_member(record, entity_.marker_field.c_str()) == marker) {
      out.push_back(std::move(record));
    }
  }
  return out;
}

result natural_key_create::judge(const found& f, const nlohmann::json& expected,
                                 const request& req, call_context& ctx) const {
  if (f.ours) {
    const auto id = entity_.vendor_id(*f.ours);
    const auto actual = entity_.compared_fields(*f.ours);
    if (actual != expected) {
      throw error(error_class::idempotency_key_reuse, "sap.key_reuse",
                  "idempotency key reused with another payload: the SAP " + entity_.object + " " +
                      id + " made with this key differs in " + differing_fields(expected, actual))
          .with_effect(effect::none);
    }
    ctx.log(log_level::info, "replayed SAP " + entity_.object + " " + id + " found by its key");
    return {created_document(req.payload, id), true};
  }
  const auto id = entity_.vendor_id(*f.other);
  throw error(error_class::conflict, "sap.duplicate_invoice",
              "SAP already holds " + entity_.object + " " + id +
                  " with this supplier reference and invoicing party, not made with this key")
      .with_effect(effect::none)
      .with_field("/invoice_number", "sap.duplicate_invoice", "already used for this supplier");
}

result natural_key_create::create(nlohmann::json body, const request& req,
                                  call_context& ctx) const {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "sap.idempotency_key_required",
                "a create needs an idempotency key (SAP finds the record through it)")
        .with_effect(effect::none);
  }
  const auto marker = key_marker(req.idempotency_key, entity_.marker_length);
  body[entity_.marker_field] = marker;
  const auto expected = entity_.compared_fields(body);

  if (const auto f = read_back(marker, body, ctx); f.ours || f.other) {
    return judge(f, expected, req, ctx);
  }
  outbound post;
  post.method = "POST";
  post.url = client_.odata_url(entity_.service, "/" + entity_.entity_set);
  post.body = adapters::dump_exact(body);
  post.csrf_root = client_.service_root(entity_.service);
  const auto res = client_.send(post, call_kind::write, ctx);
  if (res.status == 201 || res.status == 200) {
    const auto created = odata::entity_of(res, call_kind::write);
    const auto id = entity_.vendor_id(created);
    for (const auto& m : parse_sap_message(res)) {
      const auto& codes = client_.config().duplicate_codes;
      if (std::find(codes.begin(), codes.end(), m.code) != codes.end()) {
        // The check is configured as a warning (vendors.md §2.3): SAP posted anyway.
        ctx.log(log_level::warn, "SAP posted " + entity_.object + " " + id +
                                     " with a duplicate warning: " + m.message);
      }
    }
    return {created_document(req.payload, id), false};
  }
  auto mapped = map_gateway_error(res, call_kind::write, client_.now_ms(ctx),
                                  client_.config().duplicate_codes, entity_.pointer_for);
  if (mapped.code() == "sap.duplicate_invoice") {
    // A first request that arrived late, or a concurrent call with this key, may have posted
    // it in the meantime: the read-back decides.
    if (const auto f = read_back(marker, body, ctx); f.ours || f.other) {
      return judge(f, expected, req, ctx);
    }
  }
  throw mapped;
}

}  // namespace erpc::sap
