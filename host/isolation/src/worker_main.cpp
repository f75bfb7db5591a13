#include "erpc/host/worker_main.hpp"

#include "service_proxies.hpp"
#include "worker_channel.hpp"

#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/host/adapter_library.hpp>
#include <erpc/host/call_state.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/strict_json.hpp>
#include <erpc/host/worker_process.hpp>

#include <nlohmann/json.hpp>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace erpc {
namespace {

constexpr int exit_usage = 2;
constexpr int exit_broken = 3;

struct parsed_arguments {
  worker_limits limits;
  std::string library;
};

std::optional<std::uint64_t> number_after(const std::string& arg, std::string_view prefix) {
  if (!arg.starts_with(prefix)) return std::nullopt;
  const std::string_view digits = std::string_view(arg).substr(prefix.size());
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || end != digits.data() + digits.size() || digits.empty()) {
    return std::nullopt;
  }
  return value;
}

// Options first, then the library; "--" before the library is optional (a CLI in front of
// the worker may consume it).
std::optional<parsed_arguments> parse(const std::vector<std::string>& args) {
  parsed_arguments out;
  std::size_t i = 0;
  for (; i < args.size() && args[i].starts_with("--"); ++i) {
    if (args[i] == "--") {
      ++i;
      break;
    }
    if (auto as = number_after(args[i], "--max-address-space=")) {
      out.limits.max_address_space_bytes = *as;
    } else if (auto files = number_after(args[i], "--max-open-files=")) {
      out.limits.max_open_files = *files;
    } else if (auto bytes = number_after(args[i], "--max-json-bytes="); bytes && *bytes > 0) {
      out.limits.max_json_bytes = static_cast<std::size_t>(*bytes);
    } else {
      return std::nullopt;
    }
  }
  if (i + 1 != args.size() || args[i].empty()) return std::nullopt;
  out.library = args[i];
  return out;
}

// posix_spawn cannot set limits, so the worker sets its own before it loads any adapter code.
bool apply_limits(const worker_limits& limits, std::string& why) {
  auto set = [&](int resource, rlim_t value, const char* name) {
    rlimit r{value, value};
    if (::setrlimit(resource, &r) == 0) return true;
    why = std::string("setrlimit(") + name + "): " + std::strerror(errno);
    return false;
  };
  if (!set(RLIMIT_CORE, 0, "RLIMIT_CORE")) return false;
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer reserves terabytes of shadow address space: an RLIMIT_AS would stop the
  // sanitized worker from starting at all. Production builds keep the limit.
  const bool limit_address_space = false;
#else
  const bool limit_address_space = true;
#endif
  if (limit_address_space && limits.max_address_space_bytes > 0 &&
      !set(RLIMIT_AS, static_cast<rlim_t>(limits.max_address_space_bytes), "RLIMIT_AS")) {
    return false;
  }
  if (limits.max_open_files > 0 &&
      !set(RLIMIT_NOFILE, static_cast<rlim_t>(limits.max_open_files), "RLIMIT_NOFILE")) {
    return false;
  }
  return true;
}

nlohmann::json failure(const error& e) {
  return {{"type", "answer"}, {"outcome", "fail"}, {"error", error_to_json(e)}};
}

class worker {
 public:
  worker(worker_channel& channel, const erpc_adapter_v1& table, std::size_t max_json_bytes)
      : channel_(channel), table_(table), max_json_bytes_(max_json_bytes) {}

  ~worker() {
    if (connection_ != nullptr && table_.close != nullptr) table_.close(connection_);
  }

  int serve() {
    for (;;) {
      auto message = channel_.receive();
      if (!message) return 0;
      const std::string type = (*message)["type"].get<std::string>();
      if (type == "open") {
        open(*message);
      } else if (type == "check") {
        check(*message);
      } else if (type == "execute") {
        execute(*message);
      } else if (type == "close") {
        close();
      } else if (type == "shutdown") {
        return 0;
      } else {
        return exit_broken;
      }
    }
  }

 private:
  std::shared_ptr<call_state> state_for(const nlohmann::json& message) {
    auto& channel = channel_;
    return std::make_shared<call_state>(
        message.value("correlation_id", ""), message.value("traceparent", ""),
        message.value("deadline_unix_ms", std::int64_t{0}),
        [&channel](const std::string&, const std::string& what) {
          channel.notify("log", {{"level", ERPC_LOG_WARN},
                                 {"message", "adapter broke the answer rule: " + what}});
        });
  }

  // Sends the call's one answer: what the adapter answered, or that it answered nothing.
  void answer(call_state& state) {
    state.mark_returned();
    auto taken = state.take_answer();
    if (!taken) {
      channel_.send({{"type", "answer"}, {"outcome", "none"}});
      return;
    }
    if (auto* e = std::get_if<error>(&*taken)) {
      channel_.send(failure(*e));
      return;
    }
    const auto& text = std::get<std::string>(*taken);
    try {
      parse_strict(text, json_limits{max_json_bytes_});
    } catch (const error& e) {
      channel_.send({{"type", "answer"}, {"outcome", "invalid"}, {"message", e.message()}});
      return;
    }
    // Checked above, so the adapter's own text can be spliced in without a second dump.
    std::string frame = R"({"type":"answer","outcome":"respond","response":)";
    frame.reserve(frame.size() + text.size() + 1);
    frame += text;
    frame += '}';
    channel_.send_text(frame);
  }

  void open(const nlohmann::json& message) {
    if (connection_ != nullptr) {
      channel_.send(failure(error(error_class::internal, "isolation.already_open",
                                  "this worker already holds an open connection")));
      return;
    }
    auto state = state_for(message);
    const std::string config = message.value("config", nlohmann::json::object()).dump();
    connection_ = table_.open(config.data(), config.size(), state->abi());
    if (connection_ != nullptr) {
      state->mark_returned();
      channel_.send({{"type", "opened"}});
      return;
    }
    answer(*state);
  }

  void check(const nlohmann::json& message) {
    auto state = state_for(message);
    const std::string config = message.value("config", nlohmann::json::object()).dump();
    table_.check(config.data(), config.size(), state->abi());
    answer(*state);
  }

  void execute(const nlohmann::json& message) {
    if (connection_ == nullptr) {
      channel_.send(failure(error(error_class::internal, "isolation.not_open",
                                  "execute before open")
                                .with_effect(effect::none)));
      return;
    }
    auto state = state_for(message);
    const std::string request = message.value("request", nlohmann::json::object()).dump();
    table_.execute(connection_, request.data(), request.size(), state->abi());
    answer(*state);
  }

  void close() {
    if (connection_ != nullptr && table_.close != nullptr) table_.close(connection_);
    connection_ = nullptr;
    channel_.send({{"type", "answer"}, {"outcome", "closed"}});
  }

  worker_channel& channel_;
  const erpc_adapter_v1& table_;
  std::size_t max_json_bytes_;
  erpc_connection* connection_ = nullptr;
};

bool descriptor_open(int fd) { return ::fcntl(fd, F_GETFD) >= 0; }

}  // namespace

std::vector<std::string> worker_arguments(const worker_limits& limits,
                                          const std::filesystem::path& library) {
  return {"--max-address-space=" + std::to_string(limits.max_address_space_bytes),
          "--max-open-files=" + std::to_string(limits.max_open_files),
          "--max-json-bytes=" + std::to_string(limits.max_json_bytes), "--", library.string()};
}

int run_worker_main(const std::vector<std::string>& arguments) {
  const auto args = parse(arguments);
  if (!args || !descriptor_open(worker_request_fd) || !descriptor_open(worker_answer_fd)) {
    // Started by hand, not by isolated_connection: nothing to talk to.
    static constexpr char usage[] =
        "usage: erpc __worker [--max-address-space=BYTES] [--max-open-files=N] "
        "[--max-json-bytes=N] -- LIBRARY (started by the host, pipes on fd 3 and 4)\n";
    [[maybe_unused]] const auto ignored = ::write(2, usage, sizeof usage - 1);
    return exit_usage;
  }
  worker_channel channel(json_limits{args->limits.max_json_bytes + frame_overhead_bytes,
                                     json_limits{}.max_depth + 1});
  std::string why;
  if (!apply_limits(args->limits, why)) {
    channel.send(failure(error(error_class::internal, "isolation.limits_failed", why)
                             .with_effect(effect::none)));
    return exit_usage;
  }
  int status = 0;
  {
    service_proxies proxies(channel);
    auto host = std::make_shared<host_table>();
    for (const auto& [id, table] : proxies.tables()) host->register_service(id, table);
    load_options options;
    options.host = host;
    std::shared_ptr<adapter_library> library;
    try {
      library = adapter_library::load(args->library, options);
    } catch (const error& e) {
      channel.send(failure(e));
      return exit_usage;
    }
    channel.send({{"type", "ready"},
                  {"adapter_id", library->id()},
                  {"pid", static_cast<std::int64_t>(::getpid())}});
    worker w(channel, library->table(), args->limits.max_json_bytes);
    status = w.serve();
  }
  return status;
}

}  // namespace erpc
