// SPDX-License-Identifier: Apache-2.0
// errors.*: the error mapping of each injected fault (ARCHITECTURE §5, §8). Every fault is
// applied by the fault proxy to the subject's create (or a read), and the adapter's answer is
// judged by class, effect, retry hint and what the target really wrote.
#include "session.hpp"

#include <chrono>
#include <cstdlib>
#include <thread>

#include <sys/socket.h>
#include <netinet/in.h>
#include <unistd.h>

namespace erpc::certify {
namespace {

using nlohmann::json;

struct fault_expectation {
  std::vector<std::string> classes;
  std::optional<std::string> effect;  // required effect, "possible" also accepts committed
};

// The profile may override the catalogue's expectation (its class list and effect).
fault_expectation expected(const session& s, std::string_view id, fault_expectation defaults) {
  if (const auto* f = s.prof().fault_for(id)) {
    if (!f->expect.empty()) defaults.classes = f->expect;
    if (f->expect_effect) defaults.effect = f->expect_effect;
  }
  return defaults;
}

bool effect_ok(const std::optional<std::string>& required, const call_outcome& o) {
  if (!required || o.ok || !o.failure) return true;
  const std::string actual(to_string(o.failure->effect()));
  if (*required == "possible") return actual == "possible" || actual == "committed";
  return actual == *required;
}

// The vendor answer to inject: the profile's status/headers/body, else a plain JSON body.
json respond_fault(const session& s, std::string_view id, unsigned default_status,
                   const std::string& default_body = "") {
  json fault = {{"type", "respond"}, {"status", default_status}};
  json headers = {{"Content-Type", "application/json"}};
  std::string body = default_body.empty()
                         ? json({{"error", "injected by erpc certify"}, {"status", default_status}}).dump()
                         : default_body;
  if (const auto* f = s.prof().fault_for(id)) {
    if (f->status) fault["status"] = *f->status;
    for (const auto& [name, value] : f->headers) headers[name] = value;
    if (f->body) body = *f->body;
  }
  fault["headers"] = headers;
  fault["body"] = body;
  return fault;
}

bool applied_in(const std::vector<conformance::applied_fault>& log, std::string_view rule) {
  for (const auto& e : log) {
    if (e.rule == rule) return true;
  }
  return false;
}

std::optional<verdict> not_applicable(const session& s, std::string_view id) {
  if (const auto* f = s.prof().fault_for(id); f != nullptr && !f->applies) {
    return verdict::skip("not applicable (profile): " + f->why_not);
  }
  return std::nullopt;
}

// The create under `fault`, judged against `want`; `extra` adds a condition of its own
// (returns "" when it holds, else what is wrong).
verdict fault_on_create(session& s, std::string_view id, json fault, fault_expectation want,
                        bool nothing_forwarded,
                        const std::function<std::string(const call_outcome&)>& extra = {},
                        std::int64_t deadline_ms = 0) {
  if (auto na = not_applicable(s, id)) return *na;
  want = expected(s, id, std::move(want));
  const auto& object = s.subject_object();
  s.rig().load_rules(json::array({proxy_rule(std::string(id), object.create_request, fault)}));
  const auto mark = s.mark();
  const std::string key = s.key("e");
  call_request request{"create", object.name, key, s.subject_payload()};
  request.deadline_ms = deadline_ms;
  const auto outcome = s.call(request);
  const auto effects = s.effects_since(mark, {key});
  auto log = s.rig().log();
  // A delayed fault is logged when it acts, which may be after the client gave up.
  for (int i = 0; i < 150 && !applied_in(log, id); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    log = s.rig().log();
  }
  s.rig().clear_faults();
  std::string fault_desc = fault.value("type", "");
  if (fault.contains("status")) fault_desc += " " + std::to_string(fault["status"].get<unsigned>());
  std::string evidence = "create under " + fault_desc + " -> " + outcome.describe() + "; vendor " +
                         effects.describe();
  bool applied = false;
  for (const auto& e : log) applied = applied || e.rule == id;
  if (!applied) return verdict::fail(evidence + "; the fault was never applied (no create reached the proxy)");
  if (!expect_matches(want.classes, outcome)) {
    return verdict::fail(evidence + "; expected " + join(want.classes, " or "));
  }
  if (!effect_ok(want.effect, outcome)) {
    return verdict::fail(evidence + "; expected effect " + *want.effect);
  }
  if (nothing_forwarded && (effects.created != 0 || effects.updated != 0)) {
    return verdict::fail(evidence + "; the vendor never saw the faulted request, yet records were written");
  }
  if (extra) {
    if (auto problem = extra(outcome); !problem.empty()) return verdict::fail(evidence + "; " + problem);
  }
  return verdict::pass(evidence);
}

std::string retry_after_within(const call_outcome& o, std::int64_t low, std::int64_t high) {
  if (o.ok || !o.failure) return "";
  const auto r = o.failure->retry_after_ms();
  if (!r) return "no retry_after_ms (Retry-After dropped)";
  if (*r < low || *r > high) {
    return "retry_after_ms " + std::to_string(*r) + " outside [" + std::to_string(low) + ", " +
           std::to_string(high) + "]";
  }
  return "";
}

// The id of a record the samples phase created of the subject's object, for read faults.
std::optional<std::string> existing_id(session& s) {
  const auto& object = s.subject_object();
  const auto mark = s.mark();
  const auto created = s.call({"create", object.name, s.key("r"), s.subject_payload()});
  (void)mark;
  if (!created.ok || created.id().empty()) return std::nullopt;
  return created.id();
}

verdict fault_on_get(session& s, std::string_view id, json fault, fault_expectation want) {
  if (auto na = not_applicable(s, id)) return *na;
  want = expected(s, id, std::move(want));
  const auto& object = s.subject_object();
  if (!object.offers("get")) return verdict::skip("the subject object offers no get");
  const auto record = existing_id(s);
  if (!record) return verdict::fail("could not create a record to read (see contract.outputs_valid)");
  s.rig().load_rules(json::array({proxy_rule(std::string(id), object.read_request, fault)}));
  const auto outcome = s.call({"get", object.name, "", json{{"id", *record}}});
  const auto log = s.rig().log();
  s.rig().clear_faults();
  std::string evidence = "get under " + fault.value("type", std::string()) +
                         (fault.contains("status") ? " " + std::to_string(fault["status"].get<unsigned>()) : "") +
                         " -> " + outcome.describe();
  bool applied = false;
  for (const auto& e : log) applied = applied || e.rule == id;
  if (!applied) return verdict::fail(evidence + "; the fault was never applied (no read reached the proxy)");
  if (!expect_matches(want.classes, outcome)) {
    return verdict::fail(evidence + "; expected " + join(want.classes, " or "));
  }
  if (!effect_ok(want.effect, outcome)) return verdict::fail(evidence + "; expected effect " + *want.effect);
  return verdict::pass(evidence);
}

// A port nothing listens on: bound, then closed.
std::uint16_t refused_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  std::uint16_t port = 9;
  if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  if (fd >= 0) ::close(fd);
  return port;
}

verdict reset_before_send(session& s) {
  constexpr std::string_view id = "errors.reset_before_send";
  if (auto na = not_applicable(s, id)) return *na;
  const auto want = expected(s, id, {{"UNAVAILABLE"}, "none"});
  // The proxy's `reset` comes after it read the whole request, which a client must treat as
  // sent (OUTCOME_UNKNOWN). A connection that fails before a byte is written is a refused
  // connect: that is what this check gives the adapter.
  const std::string url = "http://127.0.0.1:" + std::to_string(refused_port()) + s.prof().base_path;
  std::shared_ptr<adapter_connection> connection;
  try {
    connection = s.open_connection(json{{s.prof().base_url_member, url}});
  } catch (const error& e) {
    return verdict::fail("open() with an unreachable base URL failed: " + e.code());
  }
  const auto mark = s.mark();
  const std::string key = s.key("e");
  const auto outcome = s.call(*connection, {"create", s.subject_object().name, key, s.subject_payload()});
  const auto effects = s.effects_since(mark, {});
  const std::string evidence = "create with the connection refused before sending -> " +
                               outcome.describe() + "; vendor " + effects.describe();
  if (!expect_matches(want.classes, outcome)) return verdict::fail(evidence + "; expected " + join(want.classes, " or "));
  if (!effect_ok(want.effect, outcome)) return verdict::fail(evidence + "; expected effect " + *want.effect);
  return verdict::pass(evidence);
}

verdict reset_after_send(session& s) {
  constexpr std::string_view id = "errors.reset_after_send";
  if (auto na = not_applicable(s, id)) return *na;
  const auto want = expected(s, id, {{"OUTCOME_UNKNOWN"}, "possible"});
  const auto& object = s.subject_object();
  s.rig().load_rules(json::array(
      {proxy_rule(std::string(id), object.create_request, {{"type", "drop_reply"}, {"client_sees", "reset"}})}));
  const auto mark = s.mark();
  const std::string key = s.key("e");
  const auto outcome = s.call({"create", object.name, key, s.subject_payload()});
  const auto log = s.rig().log();
  s.rig().clear_faults();
  const auto effects = s.effects_since(mark, {key});
  std::string evidence = "create committed, reply dropped -> " + outcome.describe() + "; vendor " +
                         effects.describe();
  bool dropped = false;
  for (const auto& e : log) dropped = dropped || (e.rule == id && e.outcome == "dropped_reply");
  if (!dropped) return verdict::fail(evidence + "; the reply was never dropped (no create reached the proxy)");
  if (outcome.ok) {
    // Resolving the unknown outcome by read-back is allowed, if it found the committed record.
    const bool same = effects.created == 1 && !effects.vendor_ids.empty() &&
                      outcome.id() == effects.vendor_ids.front();
    return same ? verdict::pass(evidence + " (resolved by read-back)")
                : verdict::fail(evidence + "; ok without the committed record's id");
  }
  if (!expect_matches(want.classes, outcome)) {
    return verdict::fail(evidence + "; expected " + join(want.classes, " or ") +
                         " (the vendor committed: never UNAVAILABLE / effect none)");
  }
  if (!effect_ok(want.effect, outcome)) return verdict::fail(evidence + "; expected effect " + *want.effect);
  if (effects.created > 1) return verdict::fail(evidence + "; posted twice");
  return verdict::pass(evidence);
}

verdict http_401_refresh(session& s) {
  constexpr std::string_view id = "errors.http_401_refresh";
  if (auto na = not_applicable(s, id)) return *na;
  const auto& object = s.subject_object();
  // A connection that has used its credentials once (an adapter may resolve them lazily).
  auto connection = s.open_connection();
  const auto warm = s.call(*connection, {"create", object.name, s.key("w"), s.subject_payload()});
  if (!warm.ok) return verdict::fail("a create before the 401 failed: " + warm.describe());
  // Against the simulator the credential is rotated now, behind the adapter's back: the 401
  // is then the real thing, and only a refresh (resolving the reference again) gets past it.
  std::optional<std::pair<std::string, std::string>> restore;  // env name, old value
  const auto& rotation = s.prof().credential_rotation;
  if (s.rig().is_sim() && rotation) {
    const std::string name = rotation->reference.substr(4);
    const char* old_value = std::getenv(name.c_str());
    restore.emplace(name, old_value != nullptr ? old_value : "");
    const std::string rotated = "rotated-" + s.nonce() + "-" + s.unique();
    s.extra_secrets.emplace_back(rotation->reference + " (rotated)", rotated);
    s.rig().apply_settings({{rotation->setting, rotated}});
    ::setenv(name.c_str(), rotated.c_str(), 1);
  }
  // Rotated: the vendor's own 401 meets the first request, whichever it is. Otherwise the
  // proxy answers the create with the profile's 401 once.
  s.rig().load_rules(restore ? json::array()
                             : json::array({proxy_rule(std::string(id), object.create_request,
                                                       respond_fault(s, id, 401))}));
  const auto mark = s.mark();
  const std::string key = s.key("e");
  const auto outcome = s.call(*connection, {"create", object.name, key, s.subject_payload()});
  const auto log = s.rig().log();
  s.rig().clear_faults();
  if (restore) {
    s.rig().apply_settings({{rotation->setting, restore->second}});
    ::setenv(restore->first.c_str(), restore->second.c_str(), 1);
  }
  const auto effects = s.effects_since(mark, {key});
  std::string requests;
  for (const auto& e : log) {
    const auto status = e.client_status ? e.client_status : e.upstream_status;
    requests += (requests.empty() ? "" : ", ") + e.method + " " + (status ? std::to_string(*status) : e.outcome);
  }
  std::string evidence = std::string(restore ? "credential rotated behind the adapter, then a create -> "
                                               : "one 401 on the create -> ") + outcome.describe() + "; requests: " + requests +
                         "; vendor " + effects.describe();
  int refused = 0;
  for (const auto& e : log) {
    if ((e.client_status && *e.client_status == 401) || (e.upstream_status && *e.upstream_status == 401)) ++refused;
  }
  if (refused == 0) return verdict::fail(evidence + "; no request met a 401");
  if (!outcome.ok) return verdict::fail(evidence + "; expected ok after one credential refresh");
  if (refused > 1) return verdict::fail(evidence + "; refreshed more than once, or not at all");
  if (effects.created != 1) return verdict::fail(evidence + "; expected exactly one record");
  return verdict::pass(evidence);
}

verdict field_errors_400(session& s) {
  constexpr std::string_view id = "errors.http_400_field_errors";
  return fault_on_create(
      s, id, respond_fault(s, id, 400), {{"VALIDATION"}, "none"}, true, [](const call_outcome& o) {
        if (o.ok || !o.failure) return std::string();
        if (o.failure->field_errors().empty()) return std::string("VALIDATION without field_errors");
        for (const auto& f : o.failure->field_errors()) {
          if (f.code.empty()) return std::string("a field error without a code");
          if (f.pointer.empty() || f.pointer.front() != '/') {
            return "field error pointer '" + f.pointer + "' does not point into the payload";
          }
        }
        return std::string();
      });
}

verdict vendor_duplicate(session& s) {
  constexpr std::string_view id = "errors.vendor_duplicate";
  if (auto na = not_applicable(s, id)) return *na;
  const auto want = expected(s, id, {{"replay"}, std::nullopt});
  const auto& object = s.subject_object();
  const auto mark = s.mark();
  const std::string key = s.key("d");
  const json payload = s.subject_payload();
  const auto first = s.call({"create", object.name, key, payload});
  if (!first.ok) return verdict::fail("the first create failed: " + first.describe());
  s.rig().load_rules(json::array(
      {proxy_rule(std::string(id), object.create_request, respond_fault(s, id, 400))}));
  // A fresh connection: the adapter has only the vendor's answer to go by.
  auto fresh = s.open_connection();
  const auto again = s.call(*fresh, {"create", object.name, key, payload});
  const auto log = s.rig().log();
  s.rig().clear_faults();
  const auto effects = s.effects_since(mark, {key});
  bool applied = false;
  for (const auto& e : log) applied = applied || e.rule == id;
  std::string evidence = "create " + first.describe() + ", then the vendor's duplicate answer -> " +
                         again.describe() + "; vendor " + effects.describe();
  if (!applied) {
    // An adapter may read back before posting and never meet the duplicate answer: fine if
    // it replays.
    evidence += " (the adapter read back before posting)";
  }
  if (!expect_matches(want.classes, again)) return verdict::fail(evidence + "; expected " + join(want.classes, " or "));
  if (again.ok && again.id() != first.id()) return verdict::fail(evidence + "; replay with another id");
  if (effects.created != 1 || effects.updated != 0) return verdict::fail(evidence + "; expected one record, no update");
  return verdict::pass(evidence);
}

}  // namespace

check_function error_check(std::string_view check_id) {
  const std::string name(check_id);
  if (name == "errors.http_429_retry_seconds") {
    return [](session& s) {
      constexpr std::string_view id = "errors.http_429_retry_seconds";
      auto fault = respond_fault(s, id, 429);
      fault["retry_after"] = {{"seconds", 7}};
      return fault_on_create(s, id, fault, {{"RATE_LIMITED"}, "none"}, true,
                             [](const call_outcome& o) { return retry_after_within(o, 7000, 7000); });
    };
  }
  if (name == "errors.http_429_retry_date") {
    return [](session& s) {
      constexpr std::string_view id = "errors.http_429_retry_date";
      auto fault = respond_fault(s, id, 429);
      fault["retry_after"] = {{"seconds", 30}, {"format", "http-date"}};
      // An HTTP-date has whole seconds: now + 30 s reads back as 29–31 s, less the call time.
      return fault_on_create(s, id, fault, {{"RATE_LIMITED"}, "none"}, true,
                             [](const call_outcome& o) { return retry_after_within(o, 25'000, 31'000); });
    };
  }
  if (name == "errors.http_503") {
    return [](session& s) {
      constexpr std::string_view id = "errors.http_503";
      auto fault = respond_fault(s, id, 503, "<html><body><h1>503 Service Unavailable</h1></body></html>");
      if (!s.prof().fault_for(id) || !s.prof().fault_for(id)->body) {
        fault["headers"]["Content-Type"] = "text/html";
      }
      fault["retry_after"] = {{"seconds", 5}};
      return fault_on_get(s, id, fault, {{"RATE_LIMITED", "UNAVAILABLE"}, "none"});
    };
  }
  for (const unsigned status : {500u, 502u, 504u}) {
    if (name == "errors.http_" + std::to_string(status) + "_write") {
      return [status, name](session& s) {
        return fault_on_create(s, name, respond_fault(s, name, status), {{"OUTCOME_UNKNOWN"}, "possible"}, true);
      };
    }
  }
  if (name == "errors.reset_before_send") return reset_before_send;
  if (name == "errors.reset_after_send") return reset_after_send;
  if (name == "errors.timeout") {
    return [](session& s) {
      constexpr std::string_view id = "errors.timeout";
      constexpr std::int64_t deadline = 1500;
      const std::int64_t grace = s.options().grace_ms;
      // Held past the deadline, then closed unforwarded: the vendor never saw it.
      const json fault = {{"type", "close"}, {"delay_ms", deadline + 500}};
      return fault_on_create(s, id, fault, {{"OUTCOME_UNKNOWN"}, "possible"}, true,
                             [deadline, grace](const call_outcome& o) {
                               if (o.elapsed_ms > deadline + grace) {
                                 return "answered after " + std::to_string(o.elapsed_ms) +
                                        " ms, deadline " + std::to_string(deadline) + " ms + grace " +
                                        std::to_string(grace) + " ms";
                               }
                               return std::string();
                             },
                             deadline);
    };
  }
  if (name == "errors.malformed_body") {
    return [](session& s) {
      // A garbage body where the adapter must read one: the record of a get. (A create's 2xx
      // answer may carry nothing the adapter needs, e.g. NetSuite's 204 + Location.)
      return fault_on_get(s, "errors.malformed_body", {{"type", "malformed"}, {"garbage", "json"}},
                          {{"INTERNAL"}, std::nullopt});
    };
  }
  if (name == "errors.truncated_body") {
    return [](session& s) {
      // The vendor committed before the answer broke off: the effect is at least possible.
      return fault_on_create(s, "errors.truncated_body", {{"type", "truncate"}},
                             {{"INTERNAL", "OUTCOME_UNKNOWN"}, "possible"}, false,
                             [](const call_outcome& o) {
                               return o.ok ? std::string("ok on an answer that broke off") : std::string();
                             });
    };
  }
  if (name == "errors.http_401_refresh") return http_401_refresh;
  if (name == "errors.http_403") {
    return [](session& s) {
      constexpr std::string_view id = "errors.http_403";
      return fault_on_create(s, id, respond_fault(s, id, 403), {{"PERMISSION"}, "none"}, true);
    };
  }
  if (name == "errors.http_404") {
    return [](session& s) {
      constexpr std::string_view id = "errors.http_404";
      return fault_on_get(s, id, respond_fault(s, id, 404), {{"NOT_FOUND"}, "none"});
    };
  }
  if (name == "errors.http_400_field_errors") return field_errors_400;
  if (name == "errors.vendor_duplicate") return vendor_duplicate;
  throw error(error_class::internal, "certify.unknown_check", "no error check " + name);
}

}  // namespace erpc::certify
