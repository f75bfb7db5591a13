// SPDX-License-Identifier: Apache-2.0
#include "gateway_error.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

namespace erpc::sim::sap {

namespace {

// 32 upper-case hex digits, the shape of a Gateway transaction id.
std::string transaction_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::string id;
  for (int i = 0; i < 2; ++i) {
    char part[17];
    std::snprintf(part, sizeof part, "%016llX", static_cast<unsigned long long>(rng()));
    id += part;
  }
  return id;
}

// "20260302123946.1330410": UTC, seconds with seven fraction digits.
std::string gateway_timestamp() {
  const auto now = std::chrono::system_clock::now();
  const auto seconds = std::chrono::time_point_cast<std::chrono::seconds>(now);
  const auto ticks =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now - seconds).count() / 100;
  const std::time_t t = std::chrono::system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[96];
  std::snprintf(text, sizeof text, "%04d%02d%02d%02d%02d%02d.%07lld", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<long long>(ticks));
  return text;
}

nlohmann::json detail_json(const gateway_message& m) {
  return {{"code", m.code},         {"message", m.message}, {"propertyref", m.target},
          {"severity", m.severity}, {"target", m.target},   {"transition", false}};
}

}  // namespace

gateway_error::gateway_error(unsigned status, std::string code, std::string message,
                             std::vector<gateway_message> details)
    : std::runtime_error(message),
      status_(status),
      code_(std::move(code)),
      text_(std::move(message)),
      details_(std::move(details)) {
  if (details_.empty()) details_.push_back({code_, text_, "error", ""});
}

nlohmann::json gateway_error_body(const gateway_error& e, const gateway_service& service) {
  nlohmann::json details = nlohmann::json::array();
  for (const auto& d : e.details()) details.push_back(detail_json(d));
  return {{"error",
           {{"code", e.code()},
            {"message", {{"lang", "en"}, {"value", e.text()}}},
            {"innererror",
             {{"application",
               {{"component_id", service.component_id},
                {"service_namespace", "/SAP/"},
                {"service_id", service.service_id},
                {"service_version", "0001"}}},
              {"transactionid", transaction_id()},
              {"timestamp", gateway_timestamp()},
              {"Error_Resolution",
               {{"SAP_Transaction",
                 "For backend administrators: use ADT feed reader \"SAP Gateway Error Log\" or "
                 "run transaction /IWFND/ERROR_LOG on SAP Gateway hub system and search for "
                 "entries with the timestamp above for more details"},
                {"SAP_Note",
                 "See SAP Note 1797736 for error analysis "
                 "(https://service.sap.com/sap/support/notes/1797736)"}}},
              {"errordetails", std::move(details)}}}}}};
}

server_response gateway_error_response(const gateway_error& e, const gateway_service& service) {
  server_response res = server_response::json(e.status(), gateway_error_body(e, service).dump());
  res.headers.set("Content-Type", "application/json;charset=utf-8");
  return res;
}

std::string sap_message_header(const std::vector<gateway_message>& messages) {
  if (messages.empty()) return {};
  const auto& first = messages.front();
  nlohmann::json details = nlohmann::json::array();
  for (std::size_t i = 1; i < messages.size(); ++i) {
    details.push_back({{"code", messages[i].code},
                       {"message", messages[i].message},
                       {"severity", messages[i].severity},
                       {"target", messages[i].target}});
  }
  return nlohmann::json{{"code", first.code},
                        {"message", first.message},
                        {"severity", first.severity},
                        {"target", first.target},
                        {"details", std::move(details)}}
      .dump();
}

}  // namespace erpc::sim::sap
