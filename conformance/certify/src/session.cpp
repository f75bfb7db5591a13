// SPDX-License-Identifier: Apache-2.0
#include "session.hpp"

#include <erpc/conformance/fault_script.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/sim/simulator_registry.hpp>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace erpc::certify {
namespace {

using nlohmann::json;

// An spdlog sink that keeps every formatted line in a log_capture.
class capture_sink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit capture_sink(std::shared_ptr<log_capture> capture) : capture_(std::move(capture)) {}

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    std::string line(formatted.data(), formatted.size());
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    capture_->add(std::move(line));
  }
  void flush_() override {}

 private:
  std::shared_ptr<log_capture> capture_;
};

std::shared_ptr<spdlog::logger> capturing_logger(std::shared_ptr<log_capture> capture) {
  auto logger = std::make_shared<spdlog::logger>(
      "erpc-certify", std::make_shared<capture_sink>(std::move(capture)));
  logger->set_level(spdlog::level::trace);
  logger->set_pattern("%l %v");
  return logger;
}

http_service_options http_options(const host_clock& clock) {
  http_service_options options;
  options.now_unix_ms = [&clock] { return clock.now_unix_ms(); };
  return options;
}

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

void log_capture::add(std::string line) {
  std::lock_guard lock(mutex_);
  lines_.push_back(std::move(line));
}

std::vector<std::string> log_capture::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

certify_host::certify_host(std::int64_t grace_ms)
    : logger_(capturing_logger(capture_)),
      services_(logger_, clock_, redactor_),
      http_(http_options(clock_)),
      table_(std::make_shared<host_table>()),
      workers_(8, 256) {
  for (const auto& [id, ptr] : services_.tables()) table_->register_service(id, ptr);
  table_->register_service(ERPC_HOST_HTTP_V1, http_.table());
  env_.workers = &workers_;
  env_.clock = &clock_;
  env_.logger = logger_;
  env_.validate_request = [this](const json& envelope) {
    return contract_.validate_request(envelope);
  };
  env_.validate_object = [this](std::string_view object, const json& document) {
    return contract_.validate(object, document);
  };
  // No env_.redact: certify must see what the adapter produced.
  env_.abandon_grace_ms = grace_ms;
}

certify_host::~certify_host() = default;

std::string effect_count::describe() const {
  std::string out = std::to_string(created) + " created";
  out += updates_observable ? ", " + std::to_string(updated) + " updated" : " (updates not observable)";
  return out;
}

target_rig::target_rig(const profile& p, const std::string& target) : base_path_(p.base_path) {
  conformance::fault_proxy_options options;
  if (target == "sim") {
    if (!p.simulator_vendor) {
      throw error(error_class::configuration, "certify.no_simulator",
                  "the profile names no simulator; certify against a URL with --target");
    }
    sim_ = std::make_unique<sim::simulator_server>(sim::make_simulator(*p.simulator_vendor));
    sim_->context().settings().apply(p.simulator_settings);
    sim_->start();
    options.upstream = sim_->base_url();
  } else {
    options.upstream = target;
  }
  options.upstream_timeout = std::chrono::milliseconds(20'000);
  // The simulator checks signatures over the URL the adapter signed: the proxy's.
  options.preserve_host = sim_ != nullptr;
  proxy_ = std::make_unique<conformance::fault_proxy>(options);
  proxy_->start();
}

target_rig::~target_rig() {
  if (proxy_) proxy_->stop();
  if (sim_) sim_->stop();
}

std::string target_rig::adapter_base_url() const { return proxy_->base_url() + base_path_; }

void target_rig::load_rules(const json& rules) {
  const json script = {{"version", 1}, {"rules", rules}};
  proxy_->load_script(conformance::parse_fault_script(script.dump(), "."));
  proxy_->reset();
}

void target_rig::clear_faults() { load_rules(json::array()); }

void target_rig::replace_rules(const json& rules) {
  const json script = {{"version", 1}, {"rules", rules}};
  proxy_->load_script(conformance::parse_fault_script(script.dump(), "."));
}

void target_rig::apply_settings(const json& settings) {
  if (sim_) sim_->context().settings().apply(settings);
}

std::uint64_t target_rig::mark() {
  sim_->vendor().settle();
  const auto all = sim_->context().effects().snapshot();
  return all.empty() ? 0 : all.back().sequence;
}

effect_count target_rig::effects_since(std::uint64_t mark, const object_profile& object) {
  sim_->vendor().settle();
  effect_count count;
  sim::effects_filter filter;
  filter.after_sequence = mark;
  for (const auto& e : sim_->context().effects().snapshot(filter)) {
    if (std::find(object.record_types.begin(), object.record_types.end(), e.record_type) ==
        object.record_types.end()) {
      continue;
    }
    if (e.action == sim::effect_action::created) {
      ++count.created;
    } else {
      ++count.updated;
    }
    count.vendor_ids.push_back(e.vendor_id);
  }
  return count;
}

std::string call_outcome::id() const {
  if (!ok) return "";
  const auto& result = response.value("result", json::object());
  const auto it = result.find("id");
  if (it == result.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string call_outcome::describe() const {
  if (ok) {
    std::string out = replayed() ? "ok (replayed" : "ok (new";
    const std::string i = id();
    if (!i.empty()) out += ", id " + i;
    return out + ")";
  }
  if (!failure) return "no answer";
  std::string out = class_name(failure->cls()) + " " + failure->code() + " effect " +
                    std::string(to_string(failure->effect()));
  if (failure->retry_after_ms()) out += " retry_after_ms " + std::to_string(*failure->retry_after_ms());
  if (!failure->field_errors().empty()) {
    const auto& f = failure->field_errors().front();
    out += " (" + f.code + " at " + (f.pointer.empty() ? std::string("/") : f.pointer) + ")";
  }
  return out;
}

session::session(const profile& p, const certify_options& options, certify_host& host,
                 target_rig& rig, std::shared_ptr<adapter_library> library, std::string nonce)
    : profile_(p),
      options_(options),
      host_(host),
      rig_(rig),
      library_(std::move(library)),
      nonce_(std::move(nonce)) {}

json session::connection_config() const {
  json config = profile_.connection_config;
  config[profile_.base_url_member] = rig_.adapter_base_url();
  for (const auto& [k, v] : extras_.items()) config[k] = v;
  return config;
}

std::shared_ptr<adapter_connection> session::open_connection(const json& override_config) {
  json config = connection_config();
  for (const auto& [k, v] : override_config.items()) config[k] = v;
  return adapter_connection::open(library_->shared_table(), profile_.adapter, config,
                                  host_.environment());
}

adapter_connection& session::main() {
  if (!main_) main_ = open_connection();
  return *main_;
}

call_outcome session::call(connection_handle& connection, const call_request& request) {
  const int n = ++counter_;
  json envelope = {{"contract", "1.0"},
                   {"op", request.op},
                   {"object", request.object},
                   {"attempt", request.attempt},
                   {"deadline_ms", request.deadline_ms > 0 ? request.deadline_ms : options_.deadline_ms},
                   {"correlation_id", nonce_ + "-c" + std::to_string(n)},
                   {"connection", connection.name()}};
  envelope["prior_outcome"] = request.prior_unknown ? json("unknown") : json(nullptr);
  if (!request.key.empty()) envelope["idempotency_key"] = request.key;
  const bool write = request.op == "create" || request.op == "update";
  envelope[write ? "payload" : "query"] = request.payload_or_query;
  const auto start = steady_ms();
  const auto raw = connection.execute(envelope);
  call_outcome out;
  out.elapsed_ms = steady_ms() - start;
  out.ok = raw.ok;
  output record;
  record.what = request.op + " " + request.object + (request.key.empty() ? "" : " key " + request.key) +
                (request.attempt > 1 ? " attempt " + std::to_string(request.attempt) : "");
  record.ok = raw.ok;
  if (raw.ok) {
    out.response = *raw.response;
    record.text = out.response.dump();
  } else {
    out.failure = raw.failure;
    record.text = error_to_json(*raw.failure).dump();
    record.code = raw.failure->code();
  }
  this->record(std::move(record));
  return out;
}

std::string session::unique() { return nonce_ + std::to_string(++counter_); }

std::string session::key(std::string_view tag) {
  return nonce_ + "-" + std::string(tag) + "-" + std::to_string(++counter_);
}

json session::subject_payload() { return instantiate(subject().payload, nonce_, unique()); }

effect_count session::effects_since(std::uint64_t mark, const std::vector<std::string>& keys) {
  if (rig_.is_sim()) return rig_.effects_since(mark, subject_object());
  // A real target: what exists under each natural key, read through the adapter itself.
  effect_count count;
  count.updates_observable = false;
  for (const auto& k : keys) {
    const auto got = call({"get", subject_object().name, "", json{{"natural_key", k}}});
    if (got.ok) {
      ++count.created;
      count.vendor_ids.push_back(got.id());
    }
  }
  return count;
}

std::vector<session::output> session::outputs() const {
  std::lock_guard lock(outputs_mutex_);
  return outputs_;
}

void session::record(output o) {
  std::lock_guard lock(outputs_mutex_);
  outputs_.push_back(std::move(o));
}

std::string class_name(error_class c) {
  std::string name(to_string(c));
  for (auto& ch : name) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return name;
}

bool expect_matches(const std::vector<std::string>& expected, const call_outcome& outcome) {
  for (const auto& e : expected) {
    if (e == "replay" && outcome.replayed()) return true;
    if (!outcome.ok && outcome.failure && class_name(outcome.failure->cls()) == e) return true;
  }
  return false;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(separator)) + i;
  return out;
}

json proxy_rule(std::string id, const request_pattern& match, json fault, std::uint64_t count) {
  json m = {{"method", match.method}, {"path", match.path}};
  if (count > 0) m["count"] = count;
  return {{"id", std::move(id)}, {"match", std::move(m)}, {"fault", std::move(fault)}};
}

}  // namespace erpc::certify
