// SPDX-License-Identifier: Apache-2.0
// The framework over real HTTP, with a toy vendor ("widgets") that creates by POST and upserts
// by PUT — the shape every real simulator has.
#include <erpc/sim/simulator_server.hpp>

#include <support/raw_http.hpp>

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <map>
#include <mutex>
#include <thread>

using namespace erpc::sim;
using erpc::server_request;
using erpc::server_response;
using erpc::testing::raw_http;

namespace {

class widget_simulator final : public vendor_simulator {
 public:
  std::string_view vendor() const override { return "widgets"; }

  std::vector<setting_spec> settings() const override {
    return {
        boolean_setting("widgets.reject_posts", false, "answer every POST with 503", "test knob"),
        integer_setting("widgets.create_status", 204, 200, 299, "status of a successful create",
                        "test knob")};
  }

  void install(erpc::http_router& router, simulator_context& context) override {
    context_ = &context;
    router.post("/widgets", [this](const server_request& req) { return create(req); });
    router.put("/widgets/{key}", [this](const server_request& req) { return upsert(req); });
    router.get("/widgets/{key}", [this](const server_request& req) {
      const std::lock_guard lock(mutex_);
      const auto it = by_key_.find(std::string(req.path_param("key")));
      if (it == by_key_.end()) return server_response::json(404, "{}");
      return server_response::json(200, nlohmann::json{{"id", it->second}}.dump());
    });
  }

  void reset() override {
    const std::lock_guard lock(mutex_);
    by_key_.clear();
  }

 private:
  server_response create(const server_request& req) {
    if (context_->settings().boolean("widgets.reject_posts")) return server_response::json(503, "{}");
    const auto key = nlohmann::json::parse(req.body).at("key").get<std::string>();
    const std::lock_guard lock(mutex_);
    const auto id = std::to_string(++next_id_);
    by_key_[key] = id;
    context_->effects().record_write("widget", id, key);
    server_response res;
    res.status = static_cast<unsigned>(context_->settings().integer("widgets.create_status"));
    res.headers.set("Location", "/widgets/" + key);
    return res;
  }

  server_response upsert(const server_request& req) {
    const std::string key(req.path_param("key"));
    const std::lock_guard lock(mutex_);
    auto it = by_key_.find(key);
    if (it == by_key_.end()) it = by_key_.emplace(key, std::to_string(++next_id_)).first;
    context_->effects().record_write("widget", it->second, key);
    server_response res;
    res.status = 204;
    return res;
  }

  simulator_context* context_ = nullptr;
  std::mutex mutex_;
  std::map<std::string, std::string> by_key_;
  int next_id_ = 0;
};

nlohmann::json get_json(std::uint16_t port, const std::string& target) {
  const auto r = raw_http(port, "GET", target);
  REQUIRE(r.status == 200);
  return nlohmann::json::parse(r.body);
}

const std::vector<std::pair<std::string, std::string>> json_headers = {
    {"Content-Type", "application/json"}};

}  // namespace

TEST_CASE("a simulator starts on an ephemeral port and reports it", "[sim][server]") {
  simulator_server sim(std::make_unique<widget_simulator>());
  sim.start();
  CHECK(sim.port() != 0);
  CHECK(sim.base_url() == "http://127.0.0.1:" + std::to_string(sim.port()));
  CHECK(get_json(sim.port(), "/_sim/health")["vendor"] == "widgets");
  sim.stop();
  sim.stop();  // idempotent
}

TEST_CASE("effects show creates and silent upserts with a version bump", "[sim][server]") {
  simulator_server sim(std::make_unique<widget_simulator>());
  sim.start();
  const auto port = sim.port();
  CHECK(raw_http(port, "POST", "/widgets", json_headers, R"({"key":"W-1"})").status == 204);
  CHECK(raw_http(port, "PUT", "/widgets/W-1", json_headers, "{}").status == 204);
  CHECK(raw_http(port, "PUT", "/widgets/W-2", json_headers, "{}").status == 204);

  const auto all = get_json(port, "/_sim/effects");
  CHECK(all["count"] == 3);
  CHECK(all["created"] == 2);
  CHECK(all["updated"] == 1);
  const auto w1 = get_json(port, "/_sim/effects?natural_key=W-1")["effects"];
  REQUIRE(w1.size() == 2);
  CHECK(w1[0]["action"] == "created");
  CHECK(w1[1]["action"] == "updated");
  CHECK(w1[1]["version"] == 2);
  CHECK(w1[1]["vendor_id"] == w1[0]["vendor_id"]);
  CHECK(w1[1]["record_type"] == "widget");
  CHECK(get_json(port, "/_sim/effects?after=2")["count"] == 1);
  CHECK(raw_http(port, "GET", "/_sim/effects?after=x").status == 400);
}

TEST_CASE("settings are served, validated and take effect on the next request", "[sim][server]") {
  simulator_server sim(std::make_unique<widget_simulator>());
  sim.start();
  const auto port = sim.port();
  const auto doc = get_json(port, "/_sim/settings");
  CHECK(doc["settings"]["widgets.reject_posts"] == false);
  CHECK(doc["definitions"][1]["default"] == 204);

  const auto unknown =
      raw_http(port, "PUT", "/_sim/settings", json_headers, R"({"widgets.nope":true})");
  CHECK(unknown.status == 400);
  CHECK(nlohmann::json::parse(unknown.body)["code"] == "sim.unknown_setting");
  const auto bad =
      raw_http(port, "PUT", "/_sim/settings", json_headers, R"({"widgets.create_status":404})");
  CHECK(bad.status == 400);
  CHECK(nlohmann::json::parse(bad.body)["code"] == "sim.invalid_setting_value");
  CHECK(raw_http(port, "PUT", "/_sim/settings", json_headers, "not json").status == 400);

  const auto ok =
      raw_http(port, "PUT", "/_sim/settings", json_headers, R"({"widgets.create_status":201})");
  CHECK(ok.status == 200);
  CHECK(nlohmann::json::parse(ok.body)["settings"]["widgets.create_status"] == 201);
  CHECK(raw_http(port, "POST", "/widgets", json_headers, R"({"key":"A"})").status == 201);
  raw_http(port, "PUT", "/_sim/settings", json_headers, R"({"widgets.reject_posts":true})");
  CHECK(raw_http(port, "POST", "/widgets", json_headers, R"({"key":"B"})").status == 503);
}

TEST_CASE("reset forgets records, effects and requests, and settings only when asked",
          "[sim][server]") {
  simulator_server sim(std::make_unique<widget_simulator>());
  sim.start();
  const auto port = sim.port();
  raw_http(port, "PUT", "/_sim/settings", json_headers, R"({"widgets.create_status":201})");
  raw_http(port, "POST", "/widgets", json_headers, R"({"key":"A"})");
  CHECK(raw_http(port, "GET", "/widgets/A").status == 200);

  CHECK(raw_http(port, "POST", "/_sim/reset").status == 200);
  CHECK(get_json(port, "/_sim/effects")["count"] == 0);
  CHECK(get_json(port, "/_sim/requests")["total"] == 0);
  CHECK(raw_http(port, "GET", "/widgets/A").status == 404);
  CHECK(get_json(port, "/_sim/settings")["settings"]["widgets.create_status"] == 201);

  CHECK(raw_http(port, "POST", "/_sim/reset?settings=defaults").status == 200);
  CHECK(get_json(port, "/_sim/settings")["settings"]["widgets.create_status"] == 204);
  CHECK(raw_http(port, "POST", "/_sim/reset?settings=maybe").status == 400);
}

TEST_CASE("the request log holds vendor requests with their status, credentials cut",
          "[sim][server]") {
  simulator_server sim(std::make_unique<widget_simulator>());
  sim.start();
  const auto port = sim.port();
  raw_http(port, "POST", "/widgets",
           {{"Content-Type", "application/json"}, {"Authorization", "Bearer top-secret"}},
           R"({"key":"A"})");
  raw_http(port, "GET", "/widgets/none");
  get_json(port, "/_sim/effects");  // control requests are not logged

  const auto log = get_json(port, "/_sim/requests");
  CHECK(log["total"] == 2);
  const auto& first = log["requests"][0];
  CHECK(first["method"] == "POST");
  CHECK(first["status"] == 204);
  CHECK(first["body"] == R"({"key":"A"})");
  CHECK(log.dump().find("top-secret") == std::string::npos);
  CHECK(log["requests"][1]["status"] == 404);
  CHECK(sim.context().requests().snapshot().size() == 2);
}

TEST_CASE("concurrent writers are all counted", "[sim][server]") {
  simulator_server sim(std::make_unique<widget_simulator>());
  sim.start();
  const auto port = sim.port();
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([port, t] {
      for (int i = 0; i < 10; ++i) {
        raw_http(port, "PUT", "/widgets/K" + std::to_string(i), json_headers,
                 "{\"t\":" + std::to_string(t) + "}");
      }
    });
  }
  for (auto& c : clients) c.join();
  const auto effects = get_json(port, "/_sim/effects");
  CHECK(effects["count"] == 40);
  CHECK(effects["created"] == 10);
  CHECK(effects["updated"] == 30);
}
