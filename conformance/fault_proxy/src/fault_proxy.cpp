// SPDX-License-Identifier: Apache-2.0
// The proxy's engine: picks a rule per request, applies its fault, forwards through the
// upstream client and keeps the log and the held requests. Connection-level faults (reset,
// EOF, cut-short bodies) are asked of the server base through server_response::delivery.
#include "erpc/conformance/fault_proxy.hpp"

#include "http_date.hpp"
#include "upstream_client.hpp"

#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/host/http_router.hpp>
#include <erpc/host/http_server.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>

namespace erpc::conformance {

namespace {

using json = nlohmann::json;

constexpr std::string_view control_prefix = "/_proxy/";
// The log is for a test run, not an unbounded history: beyond this the oldest entries go.
constexpr std::size_t max_log_entries = 100'000;

std::int64_t now_unix_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string rfc3339_ms(std::int64_t unix_ms) {
  using namespace std::chrono;
  const sys_time<milliseconds> at{milliseconds(unix_ms)};
  const auto day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss<milliseconds> time{at - day};
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()),
                static_cast<int>(time.seconds().count()),
                static_cast<int>(time.subseconds().count()));
  return text;
}

// Recognisably the proxy's doing, and certainly not parseable as what the client expects.
std::string garbage_body(garbage_kind kind) {
  switch (kind) {
    case garbage_kind::bytes:
      return std::string("\xff\xfe\x00\x80garbage\xc3\x28\xa0\xa1\x00\xfe", 17);
    case garbage_kind::json: return R"({"erpc_fault_proxy": "malformed body", "items": [1, 2, )";
    case garbage_kind::xml:
      return R"(<?xml version="1.0" encoding="utf-8"?><erpcFaultProxy><malformed>body</erpcFaultProxy>)";
  }
  return {};
}

server_response no_answer(broken_connection how) {
  server_response r;
  r.delivery = how == broken_connection::reset ? http_delivery::reset : http_delivery::close;
  return r;
}

std::string outcome_for(broken_connection how) {
  return how == broken_connection::reset ? "reset" : "closed";
}

struct held_entry {
  held_request info;
  http_headers headers;
  std::string body;
};

}  // namespace

struct fault_proxy::impl {
  fault_proxy_options options;
  upstream_client upstream;

  mutable std::mutex mutex;
  std::condition_variable stop_signal;  // wakes delayed requests when the proxy stops
  bool stopping = false;
  std::shared_ptr<const fault_script> script = std::make_shared<const fault_script>();
  std::vector<std::uint64_t> matched;  // per rule: requests that met its criteria and reached it
  std::uint64_t next_request = 1;
  std::deque<applied_fault> entries;
  std::vector<held_entry> holding;

  std::unique_ptr<http_server> server;
  std::string self_origin;  // the proxy's base URL once started (under the lock)

  impl(fault_proxy_options o, fault_script s)
      : options(std::move(o)),
        upstream(parse_upstream_url(options.upstream),
                 upstream_client_options{options.upstream_timeout, 64u * 1024u * 1024u,
                                         options.upstream_ca_file,
                                         options.upstream_insecure_skip_verify,
                                         options.preserve_host}) {
    install(std::move(s));
  }

  // Under the lock.
  void install(fault_script s) {
    matched.assign(s.rules.size(), 0);
    script = std::make_shared<const fault_script>(std::move(s));
  }

  void append(applied_fault entry) {
    std::lock_guard lock(mutex);
    entries.push_back(std::move(entry));
    while (entries.size() > max_log_entries) entries.pop_front();
  }

  // Picks the rule for a request and counts it. The script is shared, so a reload while the
  // request is in flight cannot pull the rule from under it.
  std::pair<std::shared_ptr<const fault_script>, const fault_rule*> choose(
      const server_request& request, std::uint64_t& number) {
    std::lock_guard lock(mutex);
    number = next_request++;
    for (std::size_t i = 0; i < script->rules.size(); ++i) {
      const auto& rule = script->rules[i];
      if (!criteria_match(rule, request.method, request.path, request.headers)) continue;
      const std::uint64_t seen = ++matched[i];
      if (seen < rule.occurrence) continue;
      if (rule.count && seen - rule.occurrence >= *rule.count) continue;
      return {script, &rule};
    }
    return {script, nullptr};
  }

  // Waits out a delay; false when the proxy stopped meanwhile.
  bool wait(std::chrono::milliseconds delay) {
    if (delay.count() == 0) return true;
    std::unique_lock lock(mutex);
    return !stop_signal.wait_for(lock, delay, [this] { return stopping; });
  }

  std::string rewrite_location(std::string value) const {
    if (!options.rewrite_location) return value;
    std::string proxy_origin;
    {
      std::lock_guard lock(mutex);
      proxy_origin = self_origin;
    }
    const std::string origin = upstream.url().origin() + upstream.url().base_path;
    if (proxy_origin.empty() || value.rfind(origin, 0) != 0) return value;
    const char next = value.size() > origin.size() ? value[origin.size()] : '/';
    if (next != '/' && next != '?') return value;  // http://host:80 must not match :8080
    return proxy_origin + value.substr(origin.size());
  }

  server_response to_response(upstream_reply reply) const {
    server_response out;
    out.status = reply.status;
    for (auto& [name, value] : reply.headers) {
      out.headers.add(name, iequals_ascii(name, "Location") || iequals_ascii(name, "Content-Location")
                                ? rewrite_location(value)
                                : value);
    }
    out.body = std::move(reply.body);
    return out;
  }

  // Forwards a request; the log entry learns what the upstream did.
  std::optional<upstream_reply> forward(std::string_view method, std::string_view target,
                                        const http_headers& headers, const std::string& body,
                                        applied_fault& entry) {
    try {
      auto reply = upstream.send(method, target, headers, body);
      entry.upstream_saw_request = true;
      entry.upstream_status = reply.status;
      return reply;
    } catch (const error& e) {
      entry.upstream_saw_request = e.cls() != error_class::unavailable;
      entry.error_code = e.code();
      return std::nullopt;
    }
  }

  // A gateway's answer when forwarding failed: 502, or 504 when the upstream timed out.
  static server_response gateway_failure(const applied_fault& entry) {
    const bool timeout = entry.error_code == "proxy.upstream_timeout";
    return error_response(timeout ? 504 : 502,
                          error(entry.upstream_saw_request ? error_class::outcome_unknown
                                                           : error_class::unavailable,
                                entry.error_code, "the fault proxy could not reach the upstream"));
  }

  // Held requests waiting for `rule_id` are forwarded now, before the request that released
  // them is answered: when the client sees that answer, the late request has landed.
  void release_waiting_for(const std::string& rule_id) {
    std::vector<held_entry> due;
    {
      std::lock_guard lock(mutex);
      auto it = holding.begin();
      while (it != holding.end()) {
        if (it->info.release_after == rule_id) {
          due.push_back(std::move(*it));
          it = holding.erase(it);
        } else {
          ++it;
        }
      }
    }
    for (auto& h : due) deliver_held(std::move(h));
  }

  applied_fault deliver_held(held_entry h) {
    applied_fault entry;
    entry.request = h.info.request;
    entry.method = h.info.method;
    entry.target = h.info.target;
    entry.rule = h.info.rule;
    entry.fault = fault_kind::late_delivery;
    entry.received_unix_ms = h.info.received_unix_ms;
    auto reply = forward(h.info.method, h.info.target, h.headers, h.body, entry);
    entry.outcome = reply ? "released" : "upstream_failed";
    entry.finished_unix_ms = now_unix_ms();
    append(entry);
    return entry;
  }

  server_response handle(const server_request& request) {
    applied_fault entry;
    entry.received_unix_ms = now_unix_ms();
    entry.method = request.method;
    entry.target = request.target;
    auto [held_script, rule] = choose(request, entry.request);
    const fault_rule pass_rule;
    const fault_rule& r = rule ? *rule : pass_rule;
    entry.rule = rule ? rule->id : std::string();
    entry.fault = r.kind;

    if (!wait(r.delay)) {
      entry.outcome = "closed";
      entry.finished_unix_ms = now_unix_ms();
      append(entry);
      return no_answer(broken_connection::close);
    }

    server_response response;
    std::optional<upstream_reply> reply;
    switch (r.kind) {
      case fault_kind::respond: {
        response.status = r.status;
        for (const auto& [name, value] : r.headers) response.headers.add(name, value);
        if (r.retry_after_header) {
          const auto& ra = *r.retry_after_header;
          response.headers.set("Retry-After",
                               ra.format == retry_after_format::seconds
                                   ? std::to_string(ra.seconds)
                                   : format_http_date(now_unix_ms() / 1000 + ra.seconds));
        }
        response.body = r.body;
        entry.outcome = "responded";
        break;
      }
      case fault_kind::reset:
      case fault_kind::close: {
        const auto how =
            r.kind == fault_kind::reset ? broken_connection::reset : broken_connection::close;
        response = no_answer(how);
        entry.outcome = outcome_for(how);
        break;
      }
      case fault_kind::late_delivery: {
        held_entry h;
        h.info = {entry.request, r.id, request.method, request.target, r.release_after,
                  entry.received_unix_ms};
        h.headers = request.headers;
        h.body = request.body;
        {
          std::lock_guard lock(mutex);
          holding.push_back(std::move(h));
        }
        response = no_answer(r.client_sees);
        entry.outcome = "held";
        break;
      }
      case fault_kind::pass:
      case fault_kind::drop_reply:
      case fault_kind::truncate:
      case fault_kind::malformed: {
        reply = forward(request.method, request.target, request.headers, request.body, entry);
        if (!reply) {
          response = r.kind == fault_kind::drop_reply ? no_answer(r.client_sees)
                                                      : gateway_failure(entry);
          entry.outcome = r.kind == fault_kind::drop_reply ? "dropped_reply" : "upstream_failed";
          break;
        }
        if (r.kind == fault_kind::drop_reply) {
          response = no_answer(r.client_sees);
          entry.outcome = "dropped_reply";
          break;
        }
        response = to_response(std::move(*reply));
        const bool bodiless = response.status == 204 || response.status == 304;
        if (r.kind == fault_kind::truncate && bodiless) {
          // Nothing to cut short in an answer that has no body: the client gets no answer.
          response = no_answer(broken_connection::close);
          entry.outcome = "closed";
        } else if (r.kind == fault_kind::truncate) {
          if (response.body.empty()) response.body = " ";  // something to cut short
          response.delivery = http_delivery::truncated_body;
          response.truncated_body_bytes =
              std::min(r.keep_bytes.value_or(response.body.size() / 2), response.body.size() - 1);
          entry.outcome = "truncated";
        } else if (r.kind == fault_kind::malformed) {
          // A 204/304 cannot carry the garbage; a 200 with it is what the client must survive.
          if (bodiless) response.status = 200;
          response.body = garbage_body(r.garbage);
          entry.outcome = "malformed";
        } else {
          entry.outcome = "forwarded";
        }
        break;
      }
    }
    if (response.delivery == http_delivery::normal ||
        response.delivery == http_delivery::truncated_body) {
      entry.client_status = response.status;
    }
    entry.finished_unix_ms = now_unix_ms();
    append(entry);
    if (rule && entry.upstream_status) release_waiting_for(rule->id);
    return response;
  }

  std::vector<applied_fault> release(const std::optional<std::string>& rule_id) {
    std::vector<held_entry> due;
    {
      std::lock_guard lock(mutex);
      auto it = holding.begin();
      while (it != holding.end()) {
        if (!rule_id || it->info.rule == *rule_id) {
          due.push_back(std::move(*it));
          it = holding.erase(it);
        } else {
          ++it;
        }
      }
    }
    std::vector<applied_fault> out;
    for (auto& h : due) out.push_back(deliver_held(std::move(h)));
    return out;
  }

  http_router make_router() {
    http_router router;
    router.use([this](const server_request& request, const http_handler& next) {
      if (std::string_view(request.path).substr(0, control_prefix.size()) == control_prefix) {
        return next(request);
      }
      return handle(request);
    });
    router.get("/_proxy/script", [this](const server_request&) {
      std::lock_guard lock(mutex);
      return server_response::json(200, script->source.empty() ? R"({"rules":[]})" : script->source);
    });
    router.put("/_proxy/script", [this](const server_request& request) {
      auto parsed = parse_fault_script(request.body, options.script_dir);
      const auto rules = parsed.rules.size();
      {
        std::lock_guard lock(mutex);
        install(std::move(parsed));
      }
      return server_response::json(200, json{{"rules", rules}}.dump());
    });
    router.get("/_proxy/log", [this](const server_request&) {
      json items = json::array();
      std::lock_guard lock(mutex);
      for (const auto& e : entries) items.push_back(to_json(e));
      return server_response::json(200, json{{"entries", std::move(items)}}.dump());
    });
    router.get("/_proxy/held", [this](const server_request&) {
      json items = json::array();
      std::lock_guard lock(mutex);
      for (const auto& h : holding) items.push_back(to_json(h.info));
      return server_response::json(200, json{{"held", std::move(items)}}.dump());
    });
    router.post("/_proxy/release", [this](const server_request& request) {
      std::optional<std::string> rule_id;
      if (!request.body.empty()) {
        const auto body = parse_strict(request.body);
        if (!body.is_object() || (body.contains("rule") && !body["rule"].is_string()) ||
            body.size() > (body.contains("rule") ? 1u : 0u)) {
          throw error(error_class::validation, "proxy.bad_release",
                      R"(the release body is {} or {"rule": "<rule id>"})");
        }
        if (body.contains("rule")) rule_id = body["rule"].get<std::string>();
      }
      json items = json::array();
      for (const auto& e : release(rule_id)) items.push_back(to_json(e));
      return server_response::json(200, json{{"released", std::move(items)}}.dump());
    });
    router.post("/_proxy/reset", [this](const server_request&) {
      reset();
      return server_response::json(200, R"({"reset":true})");
    });
    return router;
  }

  void reset() {
    std::lock_guard lock(mutex);
    holding.clear();
    entries.clear();
    next_request = 1;
    matched.assign(script->rules.size(), 0);
  }
};

fault_proxy::fault_proxy(fault_proxy_options options, fault_script script)
    : impl_(std::make_unique<impl>(std::move(options), std::move(script))) {}

fault_proxy::~fault_proxy() { stop(); }

void fault_proxy::start() {
  if (impl_->server) return;
  http_server_options server_options;
  server_options.address = impl_->options.address;
  server_options.port = impl_->options.port;
  server_options.handler_threads = impl_->options.handler_threads;
  server_options.max_body_bytes = impl_->options.max_body_bytes;
  // A client under test may pause as long as the faults it is being fed.
  server_options.idle_timeout = std::chrono::minutes(5);
  server_options.drain_timeout = std::chrono::seconds(2);
  auto server = std::make_unique<http_server>(server_options, impl_->make_router());
  server->start();
  std::lock_guard lock(impl_->mutex);
  impl_->self_origin = server->base_url();
  impl_->server = std::move(server);
}

void fault_proxy::stop() {
  if (!impl_->server) return;
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
    impl_->holding.clear();
  }
  impl_->stop_signal.notify_all();
  impl_->server->stop();
}

std::uint16_t fault_proxy::port() const noexcept {
  return impl_->server ? impl_->server->port() : 0;
}

std::string fault_proxy::base_url() const {
  return impl_->server ? impl_->server->base_url() : std::string();
}

void fault_proxy::load_script(fault_script script) {
  std::lock_guard lock(impl_->mutex);
  impl_->install(std::move(script));
}

std::string fault_proxy::script_json() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->script->source;
}

std::vector<applied_fault> fault_proxy::log() const {
  std::lock_guard lock(impl_->mutex);
  return {impl_->entries.begin(), impl_->entries.end()};
}

std::vector<held_request> fault_proxy::held() const {
  std::lock_guard lock(impl_->mutex);
  std::vector<held_request> out;
  for (const auto& h : impl_->holding) out.push_back(h.info);
  return out;
}

std::vector<applied_fault> fault_proxy::release(const std::optional<std::string>& rule) {
  return impl_->release(rule);
}

void fault_proxy::reset() { impl_->reset(); }

json to_json(const applied_fault& e) {
  json out = {{"request", e.request},
              {"method", e.method},
              {"target", e.target},
              {"rule", e.rule.empty() ? json(nullptr) : json(e.rule)},
              {"fault", std::string(to_string(e.fault))},
              {"outcome", e.outcome},
              {"upstream_saw_request", e.upstream_saw_request},
              {"upstream_status", e.upstream_status ? json(*e.upstream_status) : json(nullptr)},
              {"client_status", e.client_status ? json(*e.client_status) : json(nullptr)},
              {"received_at", rfc3339_ms(e.received_unix_ms)},
              {"received_unix_ms", e.received_unix_ms},
              {"finished_at", rfc3339_ms(e.finished_unix_ms)},
              {"finished_unix_ms", e.finished_unix_ms}};
  if (!e.error_code.empty()) out["error_code"] = e.error_code;
  return out;
}

json to_json(const held_request& h) {
  return {{"request", h.request},
          {"rule", h.rule},
          {"method", h.method},
          {"target", h.target},
          {"release_after", h.release_after.empty() ? json(nullptr) : json(h.release_after)},
          {"received_at", rfc3339_ms(h.received_unix_ms)},
          {"received_unix_ms", h.received_unix_ms}};
}

}  // namespace erpc::conformance
