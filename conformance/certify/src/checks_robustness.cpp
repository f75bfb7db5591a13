// SPDX-License-Identifier: Apache-2.0
// robustness.*: a misbehaving adapter never takes the host (or certify) down. An exception that
// crosses the ABI becomes INTERNAL adapter.threw at the host's boundary catch; a call that never
// returns is abandoned at deadline + grace on its worker thread (certify leaves without
// unloading the library); a worker process that dies costs one call.
#include "session.hpp"

#include <erpc/host/isolated_connection.hpp>

#include <chrono>
#include <csignal>
#include <future>
#include <thread>

namespace erpc::certify {

using nlohmann::json;

check_function no_exception_check() {
  return [](session& s) {
    const auto outputs = s.outputs();
    for (const auto& o : outputs) {
      if (o.code == "adapter.threw") return verdict::fail("an exception crossed the ABI boundary in " + o.what);
    }
    for (const auto& line : s.host().logs().lines()) {
      if (line.find("adapter.threw") != std::string::npos) {
        return verdict::fail("an exception crossed the ABI boundary (after the adapter had answered)");
      }
    }
    return verdict::pass("no exception crossed the ABI boundary in " + std::to_string(outputs.size()) + " calls");
  };
}

check_function honours_deadline_check() {
  return [](session& s) {
    constexpr std::int64_t deadline = 1500;
    const std::int64_t grace = s.options().grace_ms;
    const auto& object = s.subject_object();
    // The vendor never answers: the proxy holds the request past deadline + grace, then closes.
    s.rig().load_rules(json::array({proxy_rule("robustness.honours_deadline", object.create_request,
                                               {{"type", "close"}, {"delay_ms", deadline + grace + 3000}})}));
    call_request request{"create", object.name, s.key("h"), s.subject_payload()};
    request.deadline_ms = deadline;
    const auto outcome = s.call(request);
    s.rig().clear_faults();
    const std::string evidence = "vendor silent, deadline " + std::to_string(deadline) + " ms -> " +
                                 outcome.describe() + " after " + std::to_string(outcome.elapsed_ms) + " ms";
    if (!outcome.ok && outcome.failure && outcome.failure->code() == "host.deadline_exceeded") {
      return verdict::fail(evidence + "; the adapter did not return within deadline + " + std::to_string(grace) +
                           " ms grace (the host abandoned the call)");
    }
    if (outcome.elapsed_ms > deadline + grace) return verdict::fail(evidence + "; later than deadline + grace");
    if (outcome.ok) return verdict::fail(evidence + "; ok although the vendor never answered");
    // A silent vendor leaves the outcome open; any other answer means the call never waited.
    if (!outcome.is(error_class::outcome_unknown) && !outcome.is(error_class::unavailable)) {
      return verdict::fail(evidence + "; expected OUTCOME_UNKNOWN (or UNAVAILABLE) from a silent vendor");
    }
    return verdict::pass(evidence);
  };
}

check_function isolation_check() {
  return [](session& s) {
    if (s.options().worker_executable.empty()) {
      return verdict::fail("no erpc executable to run `erpc __worker` from");
    }
    isolation_options options;
    options.executable = s.options().worker_executable;
    options.services = s.host().table();
    options.start_timeout = std::chrono::milliseconds(15'000);
    std::shared_ptr<isolated_connection> connection;
    try {
      connection = isolated_connection::open(s.library().path(), s.prof().adapter, s.connection_config(),
                                             s.host().environment(), options);
    } catch (const error& e) {
      return verdict::fail("the worker could not open the connection: " + class_name(e.cls()) + " " + e.code());
    }
    const auto& object = s.subject_object();
    const auto created = s.call(*connection, {"create", object.name, s.key("i"), s.subject_payload()});
    if (!created.ok) return verdict::fail("create in the worker: " + created.describe());
    if (object.offers("get")) {
      const auto got = s.call(*connection, {"get", object.name, "", json{{"id", created.id()}}});
      if (!got.ok) return verdict::fail("get in the worker: " + got.describe());
    }
    // Kill the worker in the middle of a call whose vendor is silent.
    s.rig().load_rules(json::array({proxy_rule("robustness.isolation_mode", object.create_request,
                                               {{"type", "close"}, {"delay_ms", 10'000}})}));
    const pid_t before = connection->worker_pid();
    auto pending = std::async(std::launch::async, [&] {
      return s.call(*connection, {"create", object.name, s.key("i"), s.subject_payload()});
    });
    // Give the worker time to send the request (the proxy logs a request only when done).
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    if (before > 0) ::kill(before, SIGKILL);
    const auto crashed = pending.get();
    s.rig().clear_faults();
    const auto after = s.call(*connection, {"create", object.name, s.key("i"), s.subject_payload()});
    const std::string evidence = "create + get in `erpc __worker` ok; worker killed mid-call -> " +
                                 crashed.describe() + "; next call -> " + after.describe() + " (" +
                                 std::to_string(connection->workers_started()) + " workers started)";
    if (crashed.ok) return verdict::fail(evidence + "; the killed call reported ok");
    if (!after.ok) return verdict::fail(evidence + "; the worker was not restarted");
    return verdict::pass(evidence);
  };
}

}  // namespace erpc::certify
