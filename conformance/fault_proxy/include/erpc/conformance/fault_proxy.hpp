// SPDX-License-Identifier: Apache-2.0
// The fault-injecting HTTP/1.1 proxy of the conformance suite (docs/fault-proxy.md). It sits
// between an adapter and its target (a simulator or a vendor sandbox), forwards every request
// to one upstream base URL and applies, per request, the fault of the first matching rule of
// its script (fault_script.hpp). `erpc certify` runs it in-process; `erpc proxy` runs it alone.
//
// The control API lives on the same port under /_proxy/ and mirrors the member functions:
//   GET  /_proxy/script    the current script           PUT /_proxy/script    load_script
//   GET  /_proxy/log       log()                         GET /_proxy/held      held()
//   POST /_proxy/release   release() ({"rule": id} to release one rule's requests only)
//   POST /_proxy/reset     reset()
// Requests under /_proxy/ are never forwarded and never counted by a rule.
//
// Thread safety: every member function may be called from any thread while the proxy runs.
#pragma once

#include <erpc/conformance/fault_script.hpp>

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace erpc::conformance {

struct fault_proxy_options {
  // http(s)://host[:port][/base]; every forwarded target is appended to it.
  std::string upstream;
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the OS picks one; port() tells which
  std::chrono::milliseconds upstream_timeout{30'000};
  std::size_t max_body_bytes = 16u * 1024u * 1024u;
  // Requests handled at once; a delayed request occupies one for its delay.
  std::size_t handler_threads = 16;
  // Where a script loaded through PUT /_proxy/script finds relative body_file paths.
  std::filesystem::path script_dir = ".";
  // TLS upstreams: extra trusted CA bundle, or no verification at all (sandboxes under test).
  std::string upstream_ca_file;
  bool upstream_insecure_skip_verify = false;
  // Rewrite a Location header that points at the upstream so that it points at the proxy,
  // so a client following it stays behind the proxy.
  bool rewrite_location = true;
  // Forward the client's Host header instead of the upstream's. For a simulator that checks a
  // signature over the URL the client signed (OAuth 1.0a TBA, vendors.md §1.3): the client
  // signed the proxy's URL, so the simulator must see the proxy's host.
  bool preserve_host = false;
};

// What happened to one request, appended when the proxy is done with it. A held request
// (late delivery) gets a second entry, outcome "released", when it is finally forwarded.
struct applied_fault {
  std::uint64_t request = 0;  // 1, 2, … in arrival order since start or reset()
  std::string method;
  std::string target;
  std::string rule;        // the id of the rule that applied, "" when none did
  fault_kind fault = fault_kind::pass;
  // forwarded | responded | reset | closed | dropped_reply | held | released | truncated |
  // malformed | upstream_failed
  std::string outcome;
  bool upstream_saw_request = false;           // the request was (or may have been) sent on
  std::optional<unsigned> upstream_status;     // the upstream's answer, when one came
  std::optional<unsigned> client_status;       // the status the client was sent, if any
  std::string error_code;                      // proxy.upstream_* when forwarding failed
  std::int64_t received_unix_ms = 0;
  std::int64_t finished_unix_ms = 0;
};

struct held_request {
  std::uint64_t request = 0;
  std::string rule;
  std::string method;
  std::string target;
  std::string release_after;  // the rule whose forwarded request releases it, "" for none
  std::int64_t received_unix_ms = 0;
};

class fault_proxy {
 public:
  // Throws erpc::error(CONFIGURATION, "proxy.bad_upstream") for an unusable upstream URL.
  explicit fault_proxy(fault_proxy_options options, fault_script script = {});
  ~fault_proxy();  // stop()
  fault_proxy(const fault_proxy&) = delete;
  fault_proxy& operator=(const fault_proxy&) = delete;

  // Binds and starts serving. Throws erpc::error(CONFIGURATION, "http.bind_failed").
  void start();
  // Stops serving; delayed requests are cut short and held requests are dropped unforwarded.
  void stop();
  std::uint16_t port() const noexcept;
  std::string base_url() const;  // where the client under test sends its requests

  // Replaces the script. Rule counters restart; the log and held requests stay.
  void load_script(fault_script script);
  std::string script_json() const;  // the current script's JSON ("" before any)

  std::vector<applied_fault> log() const;
  std::vector<held_request> held() const;

  // Forwards every held request (only those of `rule` when given), oldest first, and returns
  // their "released" log entries. The upstream's answers go nowhere: the client is long gone.
  std::vector<applied_fault> release(const std::optional<std::string>& rule = std::nullopt);

  // Drops held requests unforwarded, clears the log, restarts request numbers and rule
  // counters. The script stays.
  void reset();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

nlohmann::json to_json(const applied_fault& entry);
nlohmann::json to_json(const held_request& entry);

}  // namespace erpc::conformance
