// SPDX-License-Identifier: Apache-2.0
// A fault script: the data that tells the fault proxy what to do to which request
// (docs/fault-proxy.md; schema in conformance/fault_proxy/scripts/fault-script.schema.json).
// Rules are tried in order; the first whose match applies decides the request's fault.
//
// Every refusal of a script is erpc::error(VALIDATION) with one field error whose pointer
// (RFC 6901) names the offending member of the script:
//   proxy.script_not_json           not strict JSON (the parser's field error is kept)
//   proxy.script_unknown_member     a member the format does not define (typos are not ignored)
//   proxy.script_missing_member     a required member is absent
//   proxy.script_wrong_type         a member has the wrong JSON type
//   proxy.script_bad_value          a value out of range or not one of the allowed words
//   proxy.script_bad_regex          a path or header pattern is not an ECMAScript regex
//   proxy.script_duplicate_rule_id  two rules share an id
//   proxy.script_unknown_rule       release_after names no rule of the script
//   proxy.script_body_file          a body_file cannot be read
//   proxy.script_unsupported_version  "version" is not 1
#pragma once

#include <erpc/host/http_headers.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace erpc::conformance {

enum class fault_kind {
  pass,           // forward unchanged (also what a request no rule matches gets)
  respond,        // answer with a scripted status, headers and body; nothing is forwarded
  reset,          // RST before forwarding: the upstream never sees the request
  close,          // orderly close (EOF) before forwarding, no answer
  drop_reply,     // forward, the upstream commits, then the client sees reset or EOF
  late_delivery,  // hold the request, break the client's connection, forward it on release
  truncate,       // forward, then send the upstream's head and only part of its body
  malformed,      // forward, then replace the upstream's body with garbage
};

// What a client sees when the proxy gives it no answer.
enum class broken_connection { reset, close };

enum class garbage_kind {
  bytes,  // bytes that are not UTF-8
  json,   // text that starts as JSON and never finishes
  xml,    // an XML document with unclosed elements
};

enum class retry_after_format {
  seconds,    // Retry-After: 3
  http_date,  // Retry-After: Thu, 26 Nov 2026 05:00:03 GMT (now + seconds, IMF-fixdate)
};

struct retry_after {
  std::int64_t seconds = 0;
  retry_after_format format = retry_after_format::seconds;
};

// The compiled regular expressions of a rule (defined where they are used).
struct rule_patterns;

struct fault_rule {
  std::string id;

  // --- match ---
  std::vector<std::string> methods;  // empty: any method
  std::string path_regex;            // ECMAScript, must match the whole path; empty: any path
  std::string header_name;           // empty: no header condition
  std::string header_value_regex;    // with header_name: must match the whole value; empty:
                                     // the header only has to be present
  std::uint64_t occurrence = 1;      // the first matching request (1-based) the fault hits
  std::optional<std::uint64_t> count;  // how many matching requests from there; none: all
  std::shared_ptr<const rule_patterns> patterns;

  // --- fault ---
  fault_kind kind = fault_kind::pass;
  std::chrono::milliseconds delay{0};  // waited before the fault acts (and before forwarding)
  // respond
  unsigned status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // from "body" or the contents of "body_file"
  std::optional<retry_after> retry_after_header;
  // drop_reply, late_delivery
  broken_connection client_sees = broken_connection::reset;
  // late_delivery: besides POST /_proxy/release, the held request is forwarded right after a
  // request this rule matched has been forwarded and answered by the upstream.
  std::string release_after;
  // truncate: body bytes sent before the close; none: half of the body
  std::optional<std::size_t> keep_bytes;
  // malformed
  garbage_kind garbage = garbage_kind::json;
};

struct fault_script {
  std::string description;
  std::vector<fault_rule> rules;
  std::string source;  // the script's JSON text, compact; "" for the empty script
};

// Parses and validates a script. `base_dir` resolves relative "body_file" paths.
fault_script parse_fault_script(std::string_view json_text, const std::filesystem::path& base_dir);

// Reads a script file (body_file paths relative to the file's folder). A file that cannot be
// read is erpc::error(CONFIGURATION, "proxy.script_unreadable").
fault_script load_fault_script(const std::filesystem::path& file);

// Whether the rule's method, path and header conditions hold for a request (the occurrence
// window is the proxy's business: it counts).
bool criteria_match(const fault_rule& rule, std::string_view method, std::string_view path,
                    const http_headers& headers);

std::string_view to_string(fault_kind kind) noexcept;
std::string_view to_string(broken_connection outcome) noexcept;

}  // namespace erpc::conformance
