// SPDX-License-Identifier: Apache-2.0
#include "record_api.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <chrono>

namespace erpc::netsuite {

nlohmann::json parse_record_body(const http_response& res, call_kind kind) {
  try {
    auto doc = adapters::parse_exact(res.body);
    if (!doc.is_object()) throw adapters::invalid_json("not an object");
    return doc;
  } catch (const adapters::invalid_json& e) {
    throw malformed_response(std::string("its body is not a JSON record (") + e.what() + ")",
                             kind, res.status);
  }
}

std::int64_t record_api::now_ms(call_context& ctx) const {
  const auto host_now = ctx.now_unix_ms();
  if (host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::optional<nlohmann::json> record_api::get(std::string_view record_type, std::string_view id,
                                              call_context& ctx) {
  // eid: values are letters, digits, '_' and '-' (§1.2) and internal ids are digits, so the
  // id needs no escaping; expandSubResources returns sublists inline (§1.1).
  return get_url(client_.record_url(record_type, id) + "?expandSubResources=true", ctx);
}

std::optional<nlohmann::json> record_api::get_url(const std::string& url, call_context& ctx) {
  const auto res = client_.send({"GET", url, "", {}}, call_kind::read, ctx);
  if (res.status == 404) return std::nullopt;
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  return parse_record_body(res, call_kind::read);
}

collection_page record_api::query(std::string_view record_type, std::string_view q, int limit,
                                  std::int64_t offset, call_context& ctx) {
  std::vector<std::pair<std::string, std::string>> params;
  if (!q.empty()) params.emplace_back("q", std::string(q));
  params.emplace_back("limit", std::to_string(limit));
  params.emplace_back("offset", std::to_string(offset));
  const auto url = client_.record_url(record_type) + "?" + url_query(params);
  const auto res = client_.send({"GET", url, "", {}}, call_kind::read, ctx);
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  const auto doc = parse_record_body(res, call_kind::read);
  collection_page page;
  const auto items = doc.find("items");
  if (items == doc.end() || !items->is_array()) {
    throw malformed_response("its collection has no items", call_kind::read, res.status);
  }
  for (const auto& item : *items) {
    const auto id = item.find("id");
    if (id == item.end()) throw malformed_response("a collection item has no id", call_kind::read, 200);
    page.ids.push_back(id->is_string() ? id->get<std::string>() : id->dump());
  }
  page.has_more = doc.value("hasMore", false);
  if (const auto t = doc.find("totalResults"); t != doc.end() && t->is_number_integer()) {
    page.total = t->get<std::int64_t>();
  }
  return page;
}

http_response record_api::post(std::string_view record_type, const nlohmann::json& body,
                               const http_headers& extra, call_context& ctx) {
  return client_.send({"POST", client_.record_url(record_type), adapters::dump_exact(body), extra},
                      call_kind::write, ctx);
}

void record_api::patch(std::string_view record_type, std::string_view id,
                       const nlohmann::json& body, call_context& ctx,
                       const path_translator& to_pointer) {
  const auto res = client_.send(
      {"PATCH", client_.record_url(record_type, id), adapters::dump_exact(body), {}},
      call_kind::write, ctx);
  if (res.status != 204 && res.status != 200) {
    throw map_vendor_error(res, call_kind::write, now_ms(ctx), to_pointer);
  }
}

std::optional<std::string> record_api::id_from_location(std::string_view location) {
  while (!location.empty() && location.back() == '/') location.remove_suffix(1);
  const auto slash = location.rfind('/');
  if (slash == std::string_view::npos || slash + 1 >= location.size()) return std::nullopt;
  const auto id = location.substr(slash + 1);
  for (const char c : id) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::string(id);
}

}  // namespace erpc::netsuite
