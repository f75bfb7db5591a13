// A vendor stand-in for the durability tests that NEVER deduplicates: every POST /records makes
// a new record, so only the host's ledger and the adapter's natural-key read-back can keep a
// message from being posted twice. Runs in its own process, so killing the host cannot touch
// its counts.
//   POST /records {"key": k, "payload": {...}}  -> 201 {"id": "R-n"}
//   GET  /records?key=k                          -> {"items": [{"id","key","payload"}]}
//   GET  /count                                  -> {"total": n, "duplicated_keys": [k...]}
// Prints "port <n>" on stdout once listening; exits when stdin closes.
#include "support/loopback_http_server.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>
#include <mutex>
#include <string>

int main() {
  std::mutex mutex;
  std::vector<nlohmann::json> records;
  std::map<std::string, int> per_key;

  erpc::testing::loopback_http_server server([&](const erpc::testing::loopback_request& req) {
    erpc::testing::loopback_response res;
    res.headers = {{"Content-Type", "application/json"}};
    std::lock_guard lock(mutex);
    if (req.method == "POST" && req.target == "/records") {
      const auto body = nlohmann::json::parse(req.body, nullptr, false);
      if (!body.is_object() || !body.contains("key")) {
        res.status = 400;
        res.body = R"({"error":"key required"})";
        return res;
      }
      const std::string id = "R-" + std::to_string(records.size() + 1);
      records.push_back({{"id", id}, {"key", body["key"]}, {"payload", body.value("payload",
                                                                  nlohmann::json::object())}});
      ++per_key[body["key"].get<std::string>()];
      res.status = 201;
      res.body = nlohmann::json{{"id", id}}.dump();
      return res;
    }
    if (req.method == "GET" && req.target.rfind("/records?key=", 0) == 0) {
      const std::string key = req.target.substr(13);
      nlohmann::json items = nlohmann::json::array();
      for (const auto& r : records) {
        if (r["key"] == key) items.push_back(r);
      }
      res.body = nlohmann::json{{"items", items}}.dump();
      return res;
    }
    if (req.method == "GET" && req.target == "/count") {
      nlohmann::json dup = nlohmann::json::array();
      for (const auto& [k, n] : per_key) {
        if (n > 1) dup.push_back(k);
      }
      res.body = nlohmann::json{{"total", records.size()}, {"keys", per_key.size()},
                                {"duplicated_keys", dup}}
                     .dump();
      return res;
    }
    res.status = 404;
    res.body = R"({"error":"not found"})";
    return res;
  });
  std::cout << "port " << server.port() << std::endl;
  std::string line;
  while (std::getline(std::cin, line)) {
  }
  return 0;
}
