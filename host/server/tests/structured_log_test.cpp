// SPDX-License-Identifier: Apache-2.0
#include <erpc/call_context.hpp>
#include <erpc/host/call_state.hpp>
#include <erpc/host/host_clock.hpp>
#include <erpc/host/host_services.hpp>
#include <erpc/host/log_context.hpp>
#include <erpc/host/structured_log.hpp>

#include <nlohmann/json.hpp>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>

#include <catch2/catch.hpp>

#include <regex>
#include <sstream>
#include <thread>
#include <vector>

using namespace erpc;

namespace {

struct captured_log {
  std::ostringstream out;
  std::shared_ptr<secret_redactor> redactor = std::make_shared<secret_redactor>();
  std::shared_ptr<spdlog::logger> logger;

  explicit captured_log(log_format format) {
    logger = make_host_logger("erpc", format, redactor,
                              {std::make_shared<spdlog::sinks::ostream_sink_st>(out)},
                              spdlog::level::debug);
  }

  std::vector<std::string> lines() const {
    std::vector<std::string> result;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) result.push_back(line);
    return result;
  }
};

std::string base64(std::string_view in) {
  static constexpr char table[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += table[(v >> s) & 63];
  }
  return out;  // the full groups are what must never appear
}

}  // namespace

TEST_CASE("json log lines parse and carry ts, level, correlation id, logger, msg, fields",
          "[server][log]") {
  captured_log log(log_format::json);
  correlated_logger request(log.logger, "4bf92f3577b34da6a3ce929d0e0e4736");
  request.info("accepted", {{"connection", "hello-eu"}, {"op", "create"}});
  request.warn("retrying \"soon\"\nnext line");
  log.logger->info("no scope");

  const auto lines = log.lines();
  REQUIRE(lines.size() == 3);
  const auto first = nlohmann::json::parse(lines[0]);
  CHECK(first["level"] == "info");
  CHECK(first["correlation_id"] == "4bf92f3577b34da6a3ce929d0e0e4736");
  CHECK(first["logger"] == "erpc");
  CHECK(first["msg"] == "accepted");
  CHECK(first["fields"]["connection"] == "hello-eu");
  CHECK(first["fields"]["op"] == "create");
  CHECK(std::regex_match(first["ts"].get<std::string>(),
                         std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)")));
  const auto second = nlohmann::json::parse(lines[1]);
  CHECK(second["level"] == "warning");
  CHECK(second["msg"] == "retrying \"soon\"\nnext line");
  CHECK_FALSE(second.contains("fields"));
  CHECK(nlohmann::json::parse(lines[2])["correlation_id"] == "");
}

TEST_CASE("text log lines: UTC timestamp, level, [correlation id], message, fields",
          "[server][log]") {
  captured_log log(log_format::text);
  {
    log_context_scope scope("corr-1", {{"connection", "c1"}});
    log.logger->info("posted {} lines", 3);
    log.logger->error("forged\nline");
  }
  log.logger->debug("outside");
  const auto lines = log.lines();
  REQUIRE(lines.size() == 3);
  CHECK(std::regex_match(
      lines[0], std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z info \[corr-1\] )"
                           R"(posted 3 lines connection=c1)")));
  CHECK(lines[1].find("error [corr-1] forged line") != std::string::npos);
  CHECK(std::regex_match(lines[2], std::regex(R"(\S+Z debug outside)")));
}

TEST_CASE("a planted secret never reaches the log, plain or base64, in either format",
          "[server][log]") {
  const std::string secret = "s3cr\"et-T0ken\\value";
  for (const auto format : {log_format::text, log_format::json}) {
    captured_log log(format);
    log.redactor->remember(secret);
    correlated_logger request(log.logger, "corr-" + secret);
    request.info("token=" + secret, {{"authorization", "Bearer " + secret},
                                     {"encoded", base64(secret)},
                                     {secret, "as a key"}});
    log.logger->warn("basic {}", base64(secret));
    log.logger->set_pattern("%v");  // another formatter later: the sink still redacts
    log.logger->error("after set_pattern {}", secret);

    const std::string text = log.out.str();
    INFO(text);
    CHECK(text.find(secret) == std::string::npos);
    CHECK(text.find(base64(secret)) == std::string::npos);
    CHECK(text.find("s3cr") == std::string::npos);
    CHECK(text.find(secret_redactor::mask) != std::string::npos);
    if (format == log_format::json) {
      const auto lines = log.lines();
      REQUIRE(lines.size() == 3);
      for (std::size_t i = 0; i < 2; ++i) CHECK_NOTHROW(nlohmann::json::parse(lines[i]));
      CHECK(nlohmann::json::parse(lines[0])["fields"]["authorization"] == "Bearer ***");
    }
  }
}

TEST_CASE("log scopes nest and restore", "[server][log]") {
  CHECK(current_correlation_id().empty());
  {
    log_context_scope outer("a");
    {
      log_context_scope inner("b", {{"k", "v"}});
      CHECK(current_correlation_id() == "b");
      CHECK(current_log_fields().size() == 1);
    }
    CHECK(current_correlation_id() == "a");
    CHECK(current_log_fields().empty());
  }
  CHECK(current_correlation_id().empty());
  CHECK(log_format_from_string("json") == log_format::json);
  CHECK(log_format_from_string("text") == log_format::text);
  CHECK_FALSE(log_format_from_string("xml"));
}

TEST_CASE("an adapter's line through the host log service carries correlation_id as a field",
          "[server][log]") {
  captured_log log(log_format::json);
  manual_host_clock clock;
  secret_redactor redactor;
  host_services services(log.logger, clock, redactor);
  erpc_host_v1 abi{};
  abi.struct_size = sizeof abi;
  abi.abi_major = ERPC_ABI_MAJOR;
  abi.abi_minor = ERPC_ABI_MINOR;
  abi.host_data = &services;
  abi.get_service = [](const erpc_host_v1* h, const char* id) -> const void* {
    for (const auto& [name, table] : static_cast<host_services*>(h->host_data)->tables()) {
      if (name == id) return table;
    }
    return nullptr;
  };
  call_state state("corr-adapter-7", "", 0);
  call_context ctx(host_ref(&abi), state.abi());
  {
    // The dispatcher's scope around the message: its fields stay on the adapter's line.
    log_context_scope scope("corr-adapter-7", {{"connection", "c1"}});
    ctx.log(log_level::info, "posting the invoice");
  }
  ctx.log(log_level::warn, "outside any host scope");
  const auto lines = log.lines();
  REQUIRE(lines.size() == 2);
  for (const auto& line : lines) {
    const auto j = nlohmann::json::parse(line);
    CHECK(j["correlation_id"] == "corr-adapter-7");
  }
  const auto first = nlohmann::json::parse(lines[0]);
  CHECK(first["msg"].get<std::string>().find("adapter: posting the invoice") != std::string::npos);
  CHECK(first["fields"]["connection"] == "c1");
}

TEST_CASE("values a scope names as sensitive are masked in every line inside it, both formats",
          "[server][log]") {
  const std::string iban = "DE89370400440532013000";
  for (const auto format : {log_format::text, log_format::json}) {
    captured_log log(format);
    {
      log_context_scope outer("corr-9", {}, {iban, "abc"});
      log_context_scope inner("corr-9", {{"account", iban}});
      log.logger->info("paying to {} ref abc", iban);
    }
    log.logger->info("after {}", iban);
    const auto lines = log.lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].find(iban) == std::string::npos);
    CHECK(lines[0].find("paying to **** ref abc") != std::string::npos);  // "abc" is too short
    CHECK(lines[1].find(iban) != std::string::npos);  // the scope ended
  }
}

TEST_CASE("a captured log context carries correlation id, fields and masked values to another "
          "thread", "[server][log]") {
  const std::string iban = "NL91ABNA0417164300";
  captured_log log(log_format::json);
  log_context_snapshot snapshot;
  {
    log_context_scope outer("corr-w", {}, {iban});
    log_context_scope inner("corr-w", {{"connection", "c2"}});
    snapshot = capture_log_context();
  }
  std::thread worker([&] {
    const log_context_scope scope(snapshot);
    log.logger->info("adapter: paying {}", iban);
  });
  worker.join();
  const auto lines = log.lines();
  REQUIRE(lines.size() == 1);
  const auto j = nlohmann::json::parse(lines[0]);
  CHECK(j["correlation_id"] == "corr-w");
  CHECK(j["fields"]["connection"] == "c2");
  CHECK(j["msg"] == "adapter: paying ****");
  CHECK(capture_log_context().correlation_id.empty());  // nothing leaked into this thread
}
