// SPDX-License-Identifier: Apache-2.0
// A fake erpc_host_v1 for adapter unit tests without network, and a tiny driver that calls an
// adapter's entry directly while checking the exactly-once answer rule (abi.h, erpc_call_v1).
//
//   erpc::testing::fake_host h;
//   h.http().replay_file("fixtures/create_invoice.json");
//   const erpc_adapter_v1* a = h.init(erpc_adapter_entry);
//   erpc_connection* conn = h.open(a, R"({"base_url":"https://x.test"})");
//   auto r = h.execute(a, conn, request_json);   // r.ok, r.json, r.error, r.answers
#pragma once

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/testing/fake_clock.hpp>
#include <erpc/testing/fake_files.hpp>
#include <erpc/testing/fake_http.hpp>
#include <erpc/testing/fake_log.hpp>
#include <erpc/testing/fake_secrets.hpp>

#include <atomic>
#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::testing {

struct call_result {
  bool ok = false;  // exactly one answer, and it was respond()
  std::string json;
  std::optional<erpc::error> error;
  int answers = 0;  // respond() + fail() calls; the rule says exactly 1
};

class fake_host {
 public:
  fake_host() {
    host_.struct_size = sizeof host_;
    host_.abi_major = ERPC_ABI_MAJOR;
    host_.abi_minor = ERPC_ABI_MINOR;
    host_.host_name = "erpc-fake-host";
    host_.host_version = "0.0.0-test";
    host_.get_service = [](const erpc_host_v1* h, const char* id) -> const void* {
      return static_cast<const fake_host*>(h->host_data)->service(id ? id : "");
    };
    host_.host_data = this;
    http_.redact_values([this] { return secrets_.values(); });
  }
  ~fake_host() { deinit(); }
  fake_host(const fake_host&) = delete;
  fake_host& operator=(const fake_host&) = delete;

  const erpc_host_v1* host() const noexcept { return &host_; }
  fake_log& log() noexcept { return log_; }
  fake_secrets& secrets() noexcept { return secrets_; }
  fake_clock& clock() noexcept { return clock_; }
  fake_files& files() noexcept { return files_; }
  fake_http& http() noexcept { return http_; }

  // Makes get_service answer NULL for `id`, to test an adapter's handling of a missing service.
  void withdraw_service(std::string id) { withdrawn_.insert(std::move(id)); }

  // What each call the driver makes carries.
  std::int64_t call_budget_ms = 30000;  // deadline = clock().now_unix_ms() + this
  std::string correlation_id = "test-correlation";
  std::string traceparent;
  std::atomic<bool> cancelled{false};  // is_cancelled() answer

  // Runs the entry's handshake and init(); throws erpc::error when the adapter refuses.
  const erpc_adapter_v1* init(const erpc_adapter_entry_v1& entry) {
    if (entry.struct_size < sizeof(erpc_adapter_entry_v1) || entry.abi_major != ERPC_ABI_MAJOR ||
        entry.abi_minor > ERPC_ABI_MINOR) {
      throw erpc::error(error_class::configuration, "testing.abi_mismatch",
                        "adapter ABI " + std::to_string(entry.abi_major) + "." +
                            std::to_string(entry.abi_minor) + " does not fit host " +
                            std::to_string(ERPC_ABI_MAJOR) + "." + std::to_string(ERPC_ABI_MINOR));
    }
    entry_ = &entry;
    if (entry.init == nullptr || entry.init(&host_) == 0) {
      deinit();
      throw erpc::error(error_class::internal, "testing.init_failed", "adapter init() failed");
    }
    const erpc_adapter_v1* a = entry.get_adapter ? entry.get_adapter() : nullptr;
    if (a == nullptr) {
      throw erpc::error(error_class::internal, "testing.no_adapter", "get_adapter() gave NULL");
    }
    return a;
  }

  call_result check(const erpc_adapter_v1* a, std::string_view config_json) {
    return run([&](const erpc_call_v1* c) { a->check(config_json.data(), config_json.size(), c); });
  }

  // Throws the adapter's error when open() fails, or INTERNAL when it breaks the answer rule.
  erpc_connection* open(const erpc_adapter_v1* a, std::string_view config_json) {
    erpc_connection* conn = nullptr;
    auto r = run(
        [&](const erpc_call_v1* c) { conn = a->open(config_json.data(), config_json.size(), c); });
    const bool rule_kept = conn ? r.answers == 0 : (r.answers == 1 && r.error.has_value());
    if (!rule_kept) {
      if (conn) a->close(conn);
      throw erpc::error(error_class::internal, "testing.answer_rule",
                        "open() must call fail() exactly once iff it returns NULL; answers=" +
                            std::to_string(r.answers));
    }
    if (!conn) throw *r.error;
    open_.emplace_back(a, conn);
    return conn;
  }

  call_result execute(const erpc_adapter_v1* a, erpc_connection* conn,
                      std::string_view request_json) {
    return run([&](const erpc_call_v1* c) {
      a->execute(conn, request_json.data(), request_json.size(), c);
    });
  }

  void close(const erpc_adapter_v1* a, erpc_connection* conn) {
    for (auto it = open_.begin(); it != open_.end(); ++it) {
      if (it->second == conn) {
        open_.erase(it);
        break;
      }
    }
    a->close(conn);
  }

  // Closes what the driver opened, then calls the entry's deinit(). Idempotent.
  void deinit() {
    while (!open_.empty()) close(open_.back().first, open_.back().second);
    if (entry_ != nullptr && entry_->deinit != nullptr) entry_->deinit();
    entry_ = nullptr;
  }

 private:
  struct call_state {
    erpc_call_v1 call{};
    call_result result;
    const fake_host* host = nullptr;
  };

  const void* service(std::string_view id) const {
    if (withdrawn_.count(std::string(id))) return nullptr;
    if (id == ERPC_HOST_LOG_V1) return log_.table();
    if (id == ERPC_HOST_SECRETS_V1) return secrets_.table();
    if (id == ERPC_HOST_CLOCK_V1) return clock_.table();
    if (id == ERPC_HOST_FILES_V1) return files_.table();
    if (id == ERPC_HOST_HTTP_V1) return http_.table();
    return nullptr;
  }

  template <class Fn>
  call_result run(Fn&& fn) {
    call_state s;
    s.host = this;
    s.call.struct_size = sizeof s.call;
    s.call.deadline_unix_ms = clock_.now_unix_ms() + call_budget_ms;
    s.call.correlation_id = correlation_id.c_str();
    s.call.traceparent = traceparent.c_str();
    s.call.respond = [](const erpc_call_v1* c, const char* json, std::size_t len) {
      auto& st = *static_cast<call_state*>(c->host_data);
      if (++st.result.answers == 1) st.result.json.assign(json ? json : "", json ? len : 0);
    };
    s.call.fail = [](const erpc_call_v1* c, const erpc_error_v1* e) {
      auto& st = *static_cast<call_state*>(c->host_data);
      if (++st.result.answers == 1) st.result.error = error_from_abi(e);
    };
    s.call.is_cancelled = [](const erpc_call_v1* c) -> std::int32_t {
      return static_cast<call_state*>(c->host_data)->host->cancelled.load() ? 1 : 0;
    };
    s.call.host_data = &s;
    fn(&s.call);
    auto& r = s.result;
    if (r.answers == 0 && !r.error) {
      // abi.h: a missing answer reads as INTERNAL with effect POSSIBLE.
      r.error = erpc::error(error_class::internal, "host.no_answer", "the adapter did not answer")
                    .with_effect(effect::possible);
    }
    r.ok = r.answers == 1 && !r.error.has_value();
    return std::move(r);
  }

  erpc_host_v1 host_{};
  fake_log log_;
  fake_secrets secrets_;
  fake_clock clock_;
  fake_files files_;
  fake_http http_;
  std::set<std::string> withdrawn_;
  const erpc_adapter_entry_v1* entry_ = nullptr;
  std::vector<std::pair<const erpc_adapter_v1*, erpc_connection*>> open_;
};

}  // namespace erpc::testing
