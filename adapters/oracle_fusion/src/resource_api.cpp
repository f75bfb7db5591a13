// SPDX-License-Identifier: Apache-2.0
#include "resource_api.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::oracle_fusion {

nlohmann::json parse_item_body(const http_response& res, call_kind kind) {
  try {
    auto doc = adapters::parse_exact(res.body);
    if (!doc.is_object()) throw adapters::invalid_json("not an object");
    return doc;
  } catch (const adapters::invalid_json& e) {
    throw malformed_response(std::string("its body is not a JSON resource (") + e.what() + ")",
                             kind, res.status);
  }
}

std::string q_value(const std::string& value, const std::string& pointer) {
  if (value.find_first_of("';") != std::string::npos) {
    throw error(error_class::validation, "oracle_fusion.unsearchable_value",
                "a value with a quote or ';' cannot be searched in Oracle Fusion")
        .with_field(pointer, "oracle_fusion.unsearchable_value", "contains ' or ;");
  }
  return "'" + value + "'";
}

collection_page resource_api::query(std::string_view resource, std::string_view q,
                                    std::string_view expand, int limit, std::int64_t offset,
                                    call_context& ctx) {
  std::vector<std::pair<std::string, std::string>> params;
  if (!q.empty()) params.emplace_back("q", std::string(q));
  if (!expand.empty()) params.emplace_back("expand", std::string(expand));
  params.emplace_back("limit", std::to_string(limit));
  params.emplace_back("offset", std::to_string(offset));
  params.emplace_back("onlyData", "false");
  const auto url = client_.resource_url(resource) + "?" + url_query(params);
  const auto res = client_.send({"GET", url, "", {}}, call_kind::read, ctx);
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  const auto doc = parse_item_body(res, call_kind::read);
  const auto items = doc.find("items");
  if (items == doc.end() || !items->is_array()) {
    throw malformed_response("its collection has no items", call_kind::read, res.status);
  }
  collection_page page;
  for (const auto& item : *items) {
    if (!item.is_object()) throw malformed_response("a collection item is not an object", call_kind::read, 200);
    page.items.push_back(item);
  }
  if (const auto h = doc.find("hasMore"); h != doc.end() && h->is_boolean()) page.has_more = *h;
  return page;
}

std::optional<nlohmann::json> resource_api::get(std::string_view path, std::string_view expand,
                                                call_context& ctx) {
  auto url = client_.resource_url(path);
  if (!expand.empty()) url += "?expand=" + url_encode(expand);
  const auto res = client_.send({"GET", url, "", {}}, call_kind::read, ctx);
  if (res.status == 404) return std::nullopt;
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  return parse_item_body(res, call_kind::read);
}

http_response resource_api::post(std::string_view path, const nlohmann::json& body,
                                 call_context& ctx) {
  return client_.send({"POST", client_.resource_url(path), adapters::dump_exact(body), {}},
                      call_kind::write, ctx);
}

http_response resource_api::patch(std::string_view path, const nlohmann::json& body,
                                  call_context& ctx) {
  return client_.send({"PATCH", client_.resource_url(path), adapters::dump_exact(body), {}},
                      call_kind::write, ctx);
}

}  // namespace erpc::oracle_fusion
