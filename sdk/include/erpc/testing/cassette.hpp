// SPDX-License-Identifier: Apache-2.0
// A cassette: recorded HTTP interactions as JSON, replayed by fake_http. Format (docs/
// http-and-testing.md): {"version":1,"interactions":[{"request":{method,url,headers,body},
// "response":{status,headers,body} | {transport:"failed"|"timed_out",request_sent,message}}]}.
// Bodies that are not UTF-8 are stored as "body_base64".
#pragma once

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/http_client.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace erpc::testing {

struct cassette_interaction {
  std::string method;
  std::string url;
  http_headers request_headers;             // informational; not used for matching
  std::optional<std::string> request_body;  // when present, replay matches it exactly
  http_response response;
};

namespace detail {

inline bool is_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3
                                     : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

inline std::string base64_encode(const std::string& in) {
  static constexpr char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t buf = 0;
  int bits = 0;
  for (unsigned char c : in) {
    buf = (buf << 8) | c;
    bits += 8;
    while (bits >= 6) out += t[(buf >> (bits -= 6)) & 0x3F];
  }
  if (bits > 0) out += t[(buf << (6 - bits)) & 0x3F];
  while (out.size() % 4) out += '=';
  return out;
}

inline std::string base64_decode(const std::string& in) {
  std::string out;
  std::uint32_t buf = 0;
  int bits = 0;
  for (char c : in) {
    int v = c >= 'A' && c <= 'Z' ? c - 'A' : c >= 'a' && c <= 'z' ? c - 'a' + 26
          : c >= '0' && c <= '9' ? c - '0' + 52 : c == '+' ? 62 : c == '/' ? 63 : -1;
    if (c == '=') break;
    if (v < 0) {
      throw error(error_class::configuration, "testing.cassette_invalid", "bad base64 body");
    }
    buf = (buf << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) out += static_cast<char>((buf >> (bits -= 8)) & 0xFF);
  }
  return out;
}

inline void put_body(nlohmann::json& j, const std::string& body) {
  if (is_utf8(body)) j["body"] = body;
  else j["body_base64"] = base64_encode(body);
}

inline std::optional<std::string> get_body(const nlohmann::json& j) {
  if (auto it = j.find("body"); it != j.end()) return it->get<std::string>();
  if (auto it = j.find("body_base64"); it != j.end()) return base64_decode(it->get<std::string>());
  return std::nullopt;
}

inline nlohmann::json headers_to_json(const http_headers& h) {
  auto j = nlohmann::json::object();
  for (const auto& [n, v] : h) {
    auto& slot = j[n];
    slot = slot.is_string() ? slot.get<std::string>() + ", " + v : v;
  }
  return j;
}

inline http_headers headers_from_json(const nlohmann::json& j) {
  http_headers h;
  if (j.is_object()) {
    for (const auto& [n, v] : j.items()) h.emplace_back(n, v.get<std::string>());
  }
  return h;
}

}  // namespace detail

class cassette {
 public:
  std::vector<cassette_interaction> interactions;

  nlohmann::json to_json() const {
    auto list = nlohmann::json::array();
    for (const auto& i : interactions) {
      nlohmann::json req = {{"method", i.method}, {"url", i.url},
                            {"headers", detail::headers_to_json(i.request_headers)}};
      if (i.request_body) detail::put_body(req, *i.request_body);
      nlohmann::json resp;
      if (i.response.transport == http_transport::ok) {
        resp = {{"status", i.response.status},
                {"headers", detail::headers_to_json(i.response.headers)}};
        detail::put_body(resp, i.response.body);
      } else {
        resp = {{"transport",
                 i.response.transport == http_transport::timed_out ? "timed_out" : "failed"},
                {"request_sent", i.response.request_sent},
                {"message", i.response.transport_message}};
      }
      list.push_back({{"request", std::move(req)}, {"response", std::move(resp)}});
    }
    return {{"version", 1}, {"interactions", std::move(list)}};
  }

  static cassette from_json(const nlohmann::json& j) {
    cassette c;
    try {
      for (const auto& item : j.at("interactions")) {
        cassette_interaction i;
        const auto& req = item.at("request");
        i.method = req.at("method").get<std::string>();
        i.url = req.at("url").get<std::string>();
        i.request_headers = detail::headers_from_json(req.value("headers", nlohmann::json()));
        i.request_body = detail::get_body(req);
        const auto& resp = item.at("response");
        if (auto t = resp.find("transport"); t != resp.end()) {
          const auto name = t->get<std::string>();
          if (name != "failed" && name != "timed_out") {
            throw error(error_class::configuration, "testing.cassette_invalid",
                        "transport must be \"failed\" or \"timed_out\"");
          }
          i.response.transport = name == "failed" ? http_transport::failed
                                                  : http_transport::timed_out;
          i.response.request_sent = resp.value("request_sent", true);
          i.response.transport_message = resp.value("message", "recorded " + name);
        } else {
          i.response.transport = http_transport::ok;
          i.response.request_sent = true;
          i.response.status = resp.at("status").get<int>();
          i.response.headers = detail::headers_from_json(resp.value("headers", nlohmann::json()));
          i.response.body = detail::get_body(resp).value_or("");
        }
        c.interactions.push_back(std::move(i));
      }
    } catch (const nlohmann::json::exception& e) {
      throw error(error_class::configuration, "testing.cassette_invalid",
                  std::string("malformed cassette: ") + e.what());
    }
    return c;
  }

  static cassette load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      throw error(error_class::configuration, "testing.cassette_missing",
                  "cannot read cassette " + path);
    }
    std::stringstream text;
    text << in.rdbuf();
    const auto j = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      throw error(error_class::configuration, "testing.cassette_invalid",
                  "cassette is not JSON: " + path);
    }
    return from_json(j);
  }

  void save(const std::string& path) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << to_json().dump(2) << '\n';
    if (!out) {
      throw error(error_class::configuration, "testing.cassette_unwritable",
                  "cannot write cassette " + path);
    }
  }
};

}  // namespace erpc::testing
