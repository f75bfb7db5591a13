// SPDX-License-Identifier: Apache-2.0
// Mutant creates_through_upsert: every record create is sent as PUT .../<type>/eid:<externalId>
// (upsert), so a changed replay silently overwrites
// certify must fail R5b.reuse (R2/R5b: a changed payload under the same key must write nothing; an
// upsert writes an update). See ../README.md.
#include "mutant_module.hpp"
#include "netsuite_adapter_entry.hpp"

#include <erpc/adapters/oauth1_signer.hpp>

#include <algorithm>
#include <mutex>
#include <string>
#include <vector>

namespace {

using namespace erpc;

// The adapter signed a POST; the PUT it turns into is signed again with the same TBA
// credentials, as an adapter that really upserted would sign it (vendors.md §1.3). The
// secrets come from what the adapter resolved: consumer key and token id are in its
// Authorization header, the consumer secret and token secret are the other two values, in
// the order the adapter resolves them (netsuite_client.cpp).
class creates_through_upsert final : public mutants::defect {
 public:
  void on_secret(std::string_view value) override {
    std::lock_guard lock(mutex_);
    if (std::find(seen_.begin(), seen_.end(), value) == seen_.end()) seen_.emplace_back(value);
  }

  std::optional<http_response> before_send(http_request& request, const erpc_call_v1*) override {
    if (!mutants::is_record_create(request)) return std::nullopt;
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (!body.is_object() || !body.contains("externalId") || !body["externalId"].is_string()) {
      return std::nullopt;
    }
    const auto query = request.url.find('?');
    const std::string path = request.url.substr(0, query);
    const std::string rest = query == std::string::npos ? "" : request.url.substr(query);
    request.method = "PUT";
    request.url = path + "/eid:" + body["externalId"].get<std::string>() + rest;
    for (auto& [name, value] : request.headers) {
      if (name == "Authorization") value = resigned(value, request.url);
    }
    return std::nullopt;
  }

 private:
  std::string resigned(const std::string& header, const std::string& url) {
    const auto parsed = oauth1::parse_authorization(header);
    if (!parsed) return header;
    oauth1::credentials c;
    c.consumer_key = parsed->param("oauth_consumer_key").value_or("");
    c.token = parsed->param("oauth_token").value_or("");
    std::vector<std::string> others;
    {
      std::lock_guard lock(mutex_);
      for (const auto& v : seen_) {
        if (v != c.consumer_key && v != c.token) others.push_back(v);
      }
    }
    if (others.size() < 2) return header;
    c.consumer_secret = others[others.size() - 2];
    c.token_secret = others.back();
    return oauth1::signer(c, parsed->realm).authorize("PUT", url);
  }

  std::mutex mutex_;
  std::vector<std::string> seen_;
};

}  // namespace

ERPC_MUTANT(creates_through_upsert, ERPC_ABI_MAJOR)
