// SPDX-License-Identifier: Apache-2.0
#include "fo_client.hpp"

#include <cctype>

namespace erpc::fo {

namespace {

// A key segment's characters percent-encoded where a URL path needs it (quotes stay readable).
std::string path_encode(const std::string& s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '\'' || c == '=' ||
        c == ',' || c == '(' || c == ')') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

}  // namespace

bool is_own_next_link(std::string_view link, std::string_view base_url) {
  const auto prefix = std::string(base_url) + "/data/";
  return link.size() > prefix.size() && link.substr(0, prefix.size()) == prefix;
}

std::string odata_literal(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

fo_client::fo_client(host_ref host, connection_config config, call_context& ctx)
    : config_(std::move(config)),
      http_(host,
            adapters::entra_client_settings(config_.token_url, config_.client_id_ref,
                                            config_.client_secret_ref, config_.scope, "fo"),
            "fo", "F&O", ctx) {}

std::string fo_client::set_url(std::string_view entity_set, std::string_view query) const {
  std::string url = config_.base_url + "/data/" + std::string(entity_set);
  if (!query.empty()) url += "?" + std::string(query);
  return url;
}

std::string fo_client::entity_url(std::string_view entity_set, const key_fields& key) const {
  std::string segment = std::string(entity_set) + "(dataAreaId=" + odata_literal(config_.company);
  for (const auto& [name, value] : key) segment += "," + name + "=" + odata_literal(value);
  return config_.base_url + "/data/" + path_encode(segment + ")");
}

http_response fo_client::send(const std::string& method, const std::string& url, call_kind kind,
                              call_context& ctx, const nlohmann::json* body) {
  return http_.send(method, url, kind, ctx, body, {{"OData-Version", "4.0"}});
}

nlohmann::json body_of(const http_response& res, call_kind kind) {
  return adapters::exact_json_body(res, kind, "fo", "F&O");
}

nlohmann::json fo_client::get_json(const std::string& url, call_context& ctx) {
  const auto res = send("GET", url, call_kind::read, ctx);
  if (res.status != 200) throw map_odata_error(res, call_kind::read, now_ms(ctx));
  auto doc = body_of(res, call_kind::read);
  if (!doc.is_object()) throw malformed_response("its body is not a JSON object", call_kind::read, 200);
  return doc;
}

std::optional<nlohmann::json> fo_client::get_entity(std::string_view entity_set,
                                                    const key_fields& key, call_context& ctx) {
  const auto res = send("GET", entity_url(entity_set, key), call_kind::read, ctx);
  if (res.status == 404) return std::nullopt;
  if (res.status != 200) throw map_odata_error(res, call_kind::read, now_ms(ctx));
  auto doc = body_of(res, call_kind::read);
  if (!doc.is_object()) throw malformed_response("its body is not a JSON object", call_kind::read, 200);
  return doc;
}

std::vector<nlohmann::json> fo_client::query(std::string_view entity_set, const std::string& filter,
                                             call_context& ctx, int max_pages) {
  const auto full = "dataAreaId eq " + odata_literal(config_.company) + (filter.empty() ? "" : " and " + filter);
  auto url = set_url(entity_set, url_query({{"cross-company", "true"}, {"$filter", full}}));
  std::vector<nlohmann::json> out;
  // Server-driven paging (vendors.md §5.1): every page is read.
  for (int pages = 0; !url.empty(); ++pages) {
    if (pages == max_pages) {
      throw error(error_class::internal, "fo.too_many_pages",
                  "F&O kept answering @odata.nextLink after " + std::to_string(max_pages) + " pages")
          .with_effect(effect::none);
    }
    const auto doc = get_json(url, ctx);
    const auto value = doc.find("value");
    if (value == doc.end() || !value->is_array()) {
      throw malformed_response("its collection has no value array", call_kind::read, 200);
    }
    for (const auto& row : *value) out.push_back(row);
    const auto next = doc.find("@odata.nextLink");
    url = next != doc.end() && next->is_string() ? next->get<std::string>() : std::string();
    if (!url.empty() && !is_own_next_link(url, config_.base_url)) {
      // The bearer token goes with every request: never follow a link to another service.
      throw error(error_class::internal, "fo.foreign_next_link",
                  "F&O answered an @odata.nextLink outside " + config_.base_url + "/data/; not followed")
          .with_effect(effect::none);
    }
  }
  return out;
}

std::vector<nlohmann::json> fo_client::page(std::string_view entity_set, int top, std::int64_t skip,
                                            bool& more, call_context& ctx) {
  const auto doc = get_json(
      set_url(entity_set, url_query({{"cross-company", "true"},
                                     {"$filter", "dataAreaId eq " + odata_literal(config_.company)},
                                     {"$top", std::to_string(top + 1)},
                                     {"$skip", std::to_string(skip)}})),
      ctx);
  const auto value = doc.find("value");
  if (value == doc.end() || !value->is_array()) {
    throw malformed_response("its collection has no value array", call_kind::read, 200);
  }
  std::vector<nlohmann::json> out(value->begin(), value->end());
  more = out.size() > static_cast<std::size_t>(top) || doc.contains("@odata.nextLink");
  if (out.size() > static_cast<std::size_t>(top)) out.resize(static_cast<std::size_t>(top));
  return out;
}

}  // namespace erpc::fo
