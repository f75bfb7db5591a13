// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/fingerprint.hpp>

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>
#include <erpc/host/canonical_json.hpp>
#include <erpc/host/json_limits.hpp>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <string>
#include <utility>
#include <vector>

namespace erpc {

namespace {

using json = nlohmann::json;

bool is_money_object(const json& v) {
  if (!v.is_object()) return false;
  const auto amount = v.find("amount");
  const auto currency = v.find("currency");
  return amount != v.end() && amount->is_string() && currency != v.end() &&
         currency->is_string();
}

// Iterative, so an adapter's DOM of any depth is refused before anything recurses into it
// (copying a json recurses).
void check_depth(const json& root, int max_depth) {
  std::vector<std::pair<const json*, int>> work{{&root, 0}};
  while (!work.empty()) {
    const auto [v, depth] = work.back();
    work.pop_back();
    if (!v->is_structured()) continue;
    if (depth + 1 > max_depth) {
      throw error(error_class::validation, "json.too_deep",
                  "payload nesting deeper than " + std::to_string(max_depth));
    }
    for (const auto& child : *v) work.emplace_back(&child, depth + 1);
  }
}

}  // namespace

std::string sha256_hex(std::string_view bytes) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), md, &len, EVP_sha256(), nullptr) != 1) {
    throw error(error_class::internal, "crypto.digest_failed", "EVP_Digest(SHA-256) failed");
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(hex[md[i] >> 4]);
    out.push_back(hex[md[i] & 0xF]);
  }
  return out;
}

json normalize_money_amounts(const json& payload) {
  check_depth(payload, json_limits{}.max_depth);
  json copy = payload;
  std::vector<json*> work{&copy};
  while (!work.empty()) {
    json* v = work.back();
    work.pop_back();
    if (is_money_object(*v)) {
      auto& amount = (*v)["amount"];
      if (const auto d = decimal::parse(amount.get_ref<const std::string&>())) {
        amount = d->normalized().to_string();
      }
    }
    if (v->is_structured()) {
      for (auto& child : *v) work.push_back(&child);
    }
  }
  return copy;
}

std::string payload_fingerprint(const json& payload) {
  return sha256_hex(canonicalize(normalize_money_amounts(payload)));
}

}  // namespace erpc
