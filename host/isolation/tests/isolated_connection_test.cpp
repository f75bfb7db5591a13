#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/http_service.hpp>
#include <erpc/host/isolated_connection.hpp>
#include <erpc/host/worker_pool.hpp>

#include "support/loopback_http_server.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <set>
#include <thread>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

using namespace erpc;
using nlohmann::json;
using std::chrono::milliseconds;
using steady = std::chrono::steady_clock;
namespace fs = std::filesystem;

// A segmentation fault ends the worker with SIGSEGV; under AddressSanitizer its handler
// reports the fault and aborts (abort_on_error=1), so the worker dies by SIGABRT instead.
#if defined(ERPC_SANITIZED)
constexpr const char* crash_signal_name = "SIGABRT";
#else
constexpr const char* crash_signal_name = "SIGSEGV";
#endif

namespace {

const fs::path hello_library = fs::path(ERPC_ADAPTERS) / "hello.so";
const fs::path misbehaving_library =
    fs::path(ERPC_ISOLATION_TEST_ADAPTERS) / "isolation_misbehaving.so";

// A host with the real services: logger into a string, manual clock, secrets with redaction,
// files, outbound HTTP.
struct test_host {
  std::ostringstream log_text;
  std::shared_ptr<spdlog::logger> logger;
  manual_host_clock clock;
  secret_redactor redactor;
  host_services services;
  http_service http;
  std::shared_ptr<host_table> table = std::make_shared<host_table>();
  worker_pool workers{2, 16};
  call_environment env;

  test_host()
      : logger(std::make_shared<spdlog::logger>(
            "isolation-test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text))),
        services(logger, clock, redactor),
        http(http_options(clock)) {
    logger->set_level(spdlog::level::trace);
    for (const auto& [id, ptr] : services.tables()) table->register_service(id, ptr);
    table->register_service(ERPC_HOST_HTTP_V1, http.table());
    env.workers = &workers;
    env.clock = &clock;
    env.logger = logger;
    env.redact = [this](std::string_view text) { return redactor.redact(text); };
  }

  static http_service_options http_options(const host_clock& clock) {
    http_service_options o;
    o.now_unix_ms = [&clock] { return clock.now_unix_ms(); };
    return o;
  }

  isolation_options options(std::string files_root = {}) const {
    isolation_options o;
    o.executable = ERPC_TEST_WORKER;
    o.executable_arguments = {};
    o.services = table;
    o.files_root = std::move(files_root);
    o.limits.max_address_space_bytes = std::uint64_t{1} << 30;
    o.limits.max_open_files = 32;
    return o;
  }

  std::shared_ptr<isolated_connection> open(const fs::path& library, json config = json::object(),
                                            std::string files_root = {}) {
    return isolated_connection::open(library, "test", std::move(config), env,
                                     options(std::move(files_root)));
  }

  std::string log() {
    logger->flush();
    return log_text.str();
  }
};

json invoice() {
  std::ifstream in(std::string(ERPC_SOURCE_DIR) + "/schemas/examples/v1/Invoice.json");
  return json::parse(in);
}

json envelope(json payload, std::string op = "create", std::int64_t deadline_ms = 10'000,
              std::string key = "k-1") {
  json e = {{"contract", "1.0"}, {"op", op}, {"object", "Invoice"},
            {"idempotency_key", std::move(key)}, {"attempt", 1}, {"deadline_ms", deadline_ms},
            {"correlation_id", "corr-iso"}};
  if (op == "get") {
    e["query"] = std::move(payload);
  } else {
    e["payload"] = std::move(payload);
  }
  return e;
}

json mode(std::string m, json extra = json::object()) {
  extra["mode"] = std::move(m);
  return extra;
}

bool process_exists(pid_t pid) { return pid > 0 && (::kill(pid, 0) == 0 || errno != ESRCH); }

const json& result_of(const execute_outcome& out) {
  if (!out.ok) FAIL("the call failed: " << out.failure->code() << ": " << out.failure->what());
  return (*out.response)["result"];
}

}  // namespace

TEST_CASE("hello answers the same in a worker as in this process") {
  test_host h;
  load_options load;
  load.host = h.table;
  auto library = adapter_library::load(hello_library, load);
  auto local = adapter_connection::open(library->shared_table(), "local", json::object(), h.env);
  auto isolated = h.open(hello_library);
  REQUIRE(isolated->worker_pid() > 0);
  REQUIRE(isolated->worker_pid() != ::getpid());

  const std::vector<json> calls = {envelope(invoice()), envelope(invoice()),
                                   envelope({{"id", "HELLO-1"}}, "get"),
                                   envelope({{"id", "HELLO-9"}}, "get"),
                                   envelope(invoice(), "update")};
  for (const auto& call : calls) {
    connection_handle& a = *local;
    connection_handle& b = *isolated;
    const auto x = a.execute(call);
    const auto y = b.execute(call);
    INFO(call.dump());
    REQUIRE(x.ok == y.ok);
    if (x.ok) {
      REQUIRE(*x.response == *y.response);
    } else {
      REQUIRE(error_to_json(*x.failure) == error_to_json(*y.failure));
    }
  }
  REQUIRE((*isolated->execute(calls[1]).response)["replayed"] == true);
  REQUIRE(isolated->workers_started() == 1);
  isolated_connection::check(hello_library, json::object(), h.env, h.options());
}

TEST_CASE("a crash fails the call by its op, names the signal, and the next call restarts") {
  test_host h;
  auto c = h.open(misbehaving_library);
  const pid_t first = c->worker_pid();

  const auto segv = c->execute(envelope(mode("segv")));
  REQUIRE_FALSE(segv.ok);
  REQUIRE(segv.failure->code() == "isolation.worker_crashed");
  REQUIRE(segv.failure->cls() == error_class::outcome_unknown);
  REQUIRE(segv.failure->effect() == effect::possible);
  REQUIRE_THAT(segv.failure->message(), Catch::Contains(crash_signal_name));
  REQUIRE_FALSE(process_exists(first));
  REQUIRE(c->worker_pid() == -1);

  const auto again = c->execute(envelope(mode("pid")));
  REQUIRE(result_of(again).contains("pid"));
  REQUIRE(result_of(again)["pid"].get<pid_t>() == c->worker_pid());
  REQUIRE(c->worker_pid() != first);
  REQUIRE(c->workers_started() == 2);

  const auto aborted = c->execute(envelope(mode("abort"), "get"));
  REQUIRE(aborted.failure->code() == "isolation.worker_crashed");
  REQUIRE(aborted.failure->cls() == error_class::internal);
  REQUIRE(aborted.failure->effect() == effect::none);
  REQUIRE_THAT(aborted.failure->message(), Catch::Contains("SIGABRT"));

  const auto exited = c->execute(envelope(mode("exit")));
  REQUIRE(exited.failure->code() == "isolation.worker_crashed");
  REQUIRE_THAT(exited.failure->message(), Catch::Contains("exited with status 7"));

  REQUIRE(c->execute(envelope(mode("ok"))).ok);
  REQUIRE(c->workers_started() == 4);
  REQUIRE_THAT(h.log(), Catch::Contains("[corr-iso]") && Catch::Contains("restarts"));
}

TEST_CASE("a hung worker is killed at the deadline and the next call works") {
  test_host h;
  auto c = h.open(misbehaving_library);
  const pid_t pid = c->worker_pid();
  const auto start = steady::now();
  const auto hung = c->execute(envelope(mode("hang"), "create", 300));
  const auto took = steady::now() - start;
  REQUIRE_FALSE(hung.ok);
  REQUIRE(hung.failure->code() == "isolation.worker_hung");
  REQUIRE(hung.failure->cls() == error_class::outcome_unknown);
  REQUIRE(hung.failure->effect() == effect::possible);
  REQUIRE(took >= milliseconds(300));
  REQUIRE(took < milliseconds(2000));
  REQUIRE_FALSE(process_exists(pid));

  const auto read = c->execute(envelope(mode("hang"), "get", 200));
  REQUIRE(read.failure->code() == "isolation.worker_hung");
  REQUIRE(read.failure->cls() == error_class::internal);
  REQUIRE(read.failure->effect() == effect::none);
  REQUIRE(c->execute(envelope(mode("ok"))).ok);
}

TEST_CASE("garbage on the worker's pipe is a bad frame, the worker is killed and replaced") {
  test_host h;
  auto c = h.open(misbehaving_library);
  for (const char* m : {"garbage_length", "garbage_json"}) {
    INFO(m);
    const pid_t pid = c->worker_pid();
    const auto bad = c->execute(envelope(mode(m)));
    REQUIRE_FALSE(bad.ok);
    REQUIRE(bad.failure->code() == "isolation.bad_frame");
    REQUIRE(bad.failure->cls() == error_class::outcome_unknown);
    REQUIRE_FALSE(process_exists(pid));
    REQUIRE(c->execute(envelope(mode("ok"))).ok);
  }
}

TEST_CASE("adapter errors cross the pipe with class, retry hint, fields and vendor detail") {
  test_host h;
  auto c = h.open(misbehaving_library);
  const auto out = c->execute(envelope(mode("fail")));
  REQUIRE_FALSE(out.ok);
  const auto& e = *out.failure;
  REQUIRE(e.cls() == error_class::rate_limited);
  REQUIRE(e.code() == "vendor.throttled");
  REQUIRE(e.retry_after_ms() == 1500);
  REQUIRE(e.field_errors() == std::vector<field_error>{{"/amount", "vendor.amount", "too big"}});
  REQUIRE(e.vendor() == vendor_detail{429, "TOO_MANY", "slow down", "req-7"});
  REQUIRE(c->workers_started() == 1);
}

TEST_CASE("secrets resolve through the parent and are redacted in the parent's log") {
  test_host h;
  ::setenv("ERPC_ISOLATION_TEST_TOKEN", "tok-5up3r-s3cret", 1);
  auto c = h.open(misbehaving_library, {{"open_secret", "env:ERPC_ISOLATION_TEST_TOKEN"}});
  const auto out = c->execute(
      envelope(mode("log_secret", {{"reference", "env:ERPC_ISOLATION_TEST_TOKEN"}})));
  REQUIRE(result_of(out)["secret_length"] == std::string("tok-5up3r-s3cret").size());
  const auto log = h.log();
  REQUIRE_THAT(log, Catch::Contains("[corr-iso] adapter: the token is ***"));
  REQUIRE_THAT(log, !Catch::Contains("tok-5up3r-s3cret"));

  const auto missing = c->execute(envelope(mode("log_secret", {{"reference", "env:ERPC_NOPE_X"}})));
  REQUIRE_FALSE(missing.ok);
  REQUIRE(missing.failure->code() == "secrets.env_unset");
}

TEST_CASE("HTTP goes through the parent's service and reports whether it was sent") {
  test_host h;
  testing::loopback_http_server server([](const testing::loopback_request& r) {
    testing::loopback_response out;
    if (r.target == "/lost") out.action = testing::loopback_action::close_without_answer;
    out.body = "pong:" + r.header("X-Test");
    return out;
  });
  auto c = h.open(misbehaving_library);
  const auto ok = result_of(c->execute(envelope(mode("http", {{"url", server.base_url() + "/ping"}}))));
  REQUIRE(ok["ok"] == true);
  REQUIRE(ok["status"] == 200);
  REQUIRE(ok["body"] == "pong:isolated");
  REQUIRE(ok["request_sent"] == true);

  const auto lost = result_of(c->execute(envelope(
      mode("http", {{"method", "POST"}, {"url", server.base_url() + "/lost"}, {"body", "x"}}))));
  REQUIRE(lost["ok"] == false);
  REQUIRE(lost["request_sent"] == true);

  const auto bad = result_of(c->execute(envelope(mode("http", {{"url", "not a url"}}))));
  REQUIRE(bad["ok"] == false);
  REQUIRE(bad["request_sent"] == false);
  REQUIRE(server.requests_received() == 2);
}

TEST_CASE("files are served from the connection's root in the parent") {
  test_host h;
  const fs::path root = fs::temp_directory_path() / ("erpc-iso-files-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root);
  auto c = h.open(misbehaving_library, json::object(), root.string());
  const auto out =
      result_of(c->execute(envelope(mode("files", {{"name", "pay.xml"}, {"content", "<a/>"}}))));
  REQUIRE(out["names"] == json::array({"pay.xml"}));
  REQUIRE(out["read_back"] == "<a/>");
  REQUIRE_FALSE(out["escape_failure"].get<std::string>().empty());
  std::ifstream written(root / "pay.xml");
  std::string content((std::istreambuf_iterator<char>(written)), {});
  REQUIRE(content == "<a/>");
  fs::remove_all(root);
}

TEST_CASE("the clock the worker reads is the parent's") {
  test_host h;
  h.clock.advance_ms(12'345);
  auto c = h.open(misbehaving_library);
  REQUIRE(result_of(c->execute(envelope(mode("clock"))))["now"] == h.clock.now_unix_ms());
}

TEST_CASE("resource limits apply inside the worker") {
  test_host h;
  auto c = h.open(misbehaving_library);
  const auto limits = result_of(c->execute(envelope(mode("limits"))));
  REQUIRE(limits["core"] == 0);
  REQUIRE(limits["nofile"] == 32);
#if defined(ERPC_SANITIZED)
  WARN("RLIMIT_AS is not checked under sanitizers (they reserve terabytes of address space)");
#else
  REQUIRE(limits["as"] == std::uint64_t{1} << 30);
  const auto big = result_of(
      c->execute(envelope(mode("allocate", {{"bytes", std::uint64_t{3} << 30}}))));
  REQUIRE(big["allocated"] == false);
  REQUIRE(result_of(c->execute(envelope(mode("allocate", {{"bytes", 1 << 20}}))))["allocated"] ==
          true);
#endif
  REQUIRE(c->workers_started() == 1);
}

TEST_CASE("the worker inherits its two pipes and nothing else of the host") {
  test_host h;
  // A descriptor the host leaks (no O_CLOEXEC) must still not reach the worker.
  const int leaked = ::open("/dev/zero", O_RDONLY);
  REQUIRE(leaked >= 0);
  auto c = h.open(misbehaving_library);
  const auto out = result_of(c->execute(envelope(mode("fds"))));
  ::close(leaked);
  std::set<int> fds;
  for (const auto& entry : out["fds"]) {
    const auto target = entry["target"].get<std::string>();
    if (target.starts_with("/proc/")) continue;  // the listing's own directory handle
    // The loader keeps the verified library open (docs/abi.md): the worker's own, not a leak.
    if (fs::path(target) == fs::canonical(misbehaving_library)) continue;
    fds.insert(entry["fd"].get<int>());
    if (entry["fd"] <= 2) REQUIRE(target == "/dev/null");
    if (entry["fd"] == 3 || entry["fd"] == 4) REQUIRE(target.starts_with("pipe:"));
  }
  INFO(out.dump());
  REQUIRE(fds == std::set<int>{0, 1, 2, 3, 4});
}

TEST_CASE("open failures are typed: refusal, bad library, crash while opening") {
  test_host h;
  try {
    h.open(misbehaving_library, {{"refuse", true}});
    FAIL("opened");
  } catch (const error& e) {
    REQUIRE(e.code() == "misbehaving.refused");
    REQUIRE(e.cls() == error_class::configuration);
  }
  try {
    h.open(fs::path(ERPC_ISOLATION_TEST_ADAPTERS) / "missing.so");
    FAIL("opened");
  } catch (const error& e) {
    REQUIRE(e.code().starts_with("loader."));
  }
  try {
    h.open(misbehaving_library, {{"crash_on_open", true}});
    FAIL("opened");
  } catch (const error& e) {
    REQUIRE(e.code() == "isolation.worker_crashed");
    REQUIRE(e.effect() == effect::none);
    REQUIRE_THAT(e.message(), Catch::Contains(crash_signal_name));
  }
}

TEST_CASE("a worker killed between calls is restarted before the next call is sent") {
  test_host h;
  auto c = h.open(misbehaving_library);
  const pid_t pid = c->worker_pid();
  REQUIRE(::kill(pid, SIGKILL) == 0);
  // Give the kernel a moment to deliver it; the next call must not be lost in the dead pipe.
  std::this_thread::sleep_for(milliseconds(50));
  const auto out = c->execute(envelope(mode("pid")));
  REQUIRE(result_of(out)["pid"].get<pid_t>() != pid);
  REQUIRE(c->workers_started() == 2);
}
