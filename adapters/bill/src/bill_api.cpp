// SPDX-License-Identifier: Apache-2.0
#include "bill_api.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bill {

namespace {

constexpr int read_back_page = 100;
constexpr int read_back_pages = 20;  // 2,000 records sharing one natural key is not a read-back

std::string percent_encode(const std::string& text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

bool is_plain_token(const std::string& text) {
  if (text.empty() || text.size() > 64) return false;
  for (const char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool is_page_token(const std::string& text) {
  if (text.empty() || text.size() > 512) return false;
  for (const char c : text) {
    if (c <= ' ' || c > '~') return false;
  }
  return true;
}

std::string filter_value(const std::string& value, const std::string& pointer) {
  if (value.find('"') != std::string::npos) {
    throw error(error_class::validation, "bill.unsearchable_value",
                "a value with a double quote cannot be read back through a BILL filter")
        .with_field(pointer, "bill.unsearchable_value", "contains a double quote");
  }
  return value;
}

nlohmann::json parse_record(const http_response& res, call_kind kind) {
  nlohmann::json doc;
  try {
    doc = adapters::parse_exact(res.body);
  } catch (const std::exception&) {
    throw malformed_response("the body is not JSON", kind, res.status);
  }
  if (!doc.is_object()) throw malformed_response("the body is not a record", kind, res.status);
  return doc;
}

list_page bill_api::list(const std::string& resource, const filter_list& filters, int max,
                         const std::string& page, call_context& ctx) {
  std::string query = "?max=" + std::to_string(max);
  if (!filters.empty()) {
    std::string f;
    for (const auto& [field, value] : filters) {
      f += (f.empty() ? "" : ",") + field + ":eq:\"" + value + "\"";
    }
    query += "&filters=" + percent_encode(f);
  }
  if (!page.empty()) query += "&page=" + percent_encode(page);
  const auto res = client_.send("GET", resource + query, "", call_kind::read, ctx);
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  const auto doc = parse_record(res, call_kind::read);
  const auto results = doc.find("results");
  if (results == doc.end() || !results->is_array()) {
    throw malformed_response("the list has no results array", call_kind::read, res.status);
  }
  list_page out;
  for (const auto& r : *results) {
    if (!r.is_object()) throw malformed_response("a listed record is not an object", call_kind::read, res.status);
    out.results.push_back(r);
  }
  if (const auto next = doc.find("nextPage"); next != doc.end() && next->is_string()) {
    out.next_page = *next;
  }
  return out;
}

std::vector<nlohmann::json> bill_api::list_all(const std::string& resource, const filter_list& filters,
                                               call_context& ctx) {
  std::vector<nlohmann::json> all;
  std::string page;
  for (int i = 0; i < read_back_pages; ++i) {
    auto got = list(resource, filters, read_back_page, page, ctx);
    for (auto& r : got.results) all.push_back(std::move(r));
    if (got.next_page.empty()) return all;
    page = got.next_page;
  }
  throw error(error_class::internal, "bill.read_back_too_large",
              "more than " + std::to_string(read_back_page * read_back_pages) + " BILL " + resource +
                  " share one natural key; the read-back cannot decide")
      .with_effect(effect::none);
}

std::optional<nlohmann::json> bill_api::get(const std::string& resource, const std::string& id,
                                            call_context& ctx) {
  const auto res = client_.send("GET", resource + "/" + id, "", call_kind::read, ctx);
  if (res.status == 404) return std::nullopt;
  if (res.status != 200) throw map_vendor_error(res, call_kind::read, now_ms(ctx));
  return parse_record(res, call_kind::read);
}

http_response bill_api::post(const std::string& resource, const nlohmann::json& body, call_context& ctx) {
  return client_.send("POST", resource, adapters::dump_exact(body), call_kind::write, ctx);
}

}  // namespace erpc::bill
