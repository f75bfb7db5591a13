// SPDX-License-Identifier: Apache-2.0
#include "control_api.hpp"

#include <erpc/host/strict_json.hpp>
#include <erpc/sim/simulator_server.hpp>

#include <nlohmann/json.hpp>

#include <charconv>

namespace erpc::sim {

namespace {

std::uint64_t sequence_param(const server_request& req, std::string_view name) {
  const auto text = req.query(name);
  if (!text) return 0;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) {
    throw error(error_class::validation, "sim.bad_query",
                "'" + std::string(name) + "' takes a non-negative integer");
  }
  return value;
}

nlohmann::json settings_document(const simulator_settings& settings) {
  return {{"settings", settings.values()}, {"definitions", settings.definitions()}};
}

}  // namespace

void add_control_routes(http_router& router, simulator_server& server) {
  router.get("/_sim/health", [&server](const server_request&) {
    return server_response::json(
        200, nlohmann::json{{"vendor", server.vendor().vendor()}, {"status", "ok"}}.dump());
  });

  router.get("/_sim/effects", [&server](const server_request& req) {
    server.vendor().settle();
    effects_filter filter;
    filter.record_type = std::string(req.query("record_type").value_or(""));
    filter.natural_key = std::string(req.query("natural_key").value_or(""));
    filter.after_sequence = sequence_param(req, "after");
    nlohmann::json list = nlohmann::json::array();
    std::size_t created = 0;
    for (const auto& e : server.context().effects().snapshot(filter)) {
      created += e.action == effect_action::created ? 1 : 0;
      list.push_back(to_json(e));
    }
    const nlohmann::json body = {{"count", list.size()},
                                 {"created", created},
                                 {"updated", list.size() - created},
                                 {"effects", std::move(list)}};
    return server_response::json(200, body.dump());
  });

  router.post("/_sim/reset", [&server](const server_request& req) {
    const auto settings = req.query("settings");
    if (settings && *settings != "defaults" && *settings != "keep") {
      throw error(error_class::validation, "sim.bad_query", "'settings' takes defaults or keep");
    }
    server.reset(settings && *settings == "defaults");
    return server_response::json(200, nlohmann::json{{"reset", true}}.dump());
  });

  router.get("/_sim/settings", [&server](const server_request&) {
    return server_response::json(200, settings_document(server.context().settings()).dump());
  });

  router.put("/_sim/settings", [&server](const server_request& req) {
    server.context().settings().apply(parse_strict(req.body));
    return server_response::json(200, settings_document(server.context().settings()).dump());
  });

  router.get("/_sim/requests", [&server](const server_request&) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : server.context().requests().snapshot()) list.push_back(to_json(r));
    return server_response::json(200, nlohmann::json{{"total", server.context().requests().total()},
                                                   {"requests", std::move(list)}}
                                        .dump());
  });
}

}  // namespace erpc::sim
