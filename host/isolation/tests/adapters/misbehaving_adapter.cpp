// A test adapter for isolation mode: the request payload's "mode" picks what it does, from
// answering properly to crashing, hanging, writing garbage on the worker's pipe, leaking a
// secret into a log line, or reporting what the process looks like from inside.
#include <erpc/adapter.hpp>
#include <erpc/http_client.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

namespace {

using nlohmann::json;

[[noreturn]] void hang() {
  for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
}

std::uint64_t limit_of(int resource) {
  rlimit r{};
  getrlimit(resource, &r);
  return r.rlim_cur == RLIM_INFINITY ? 0 : static_cast<std::uint64_t>(r.rlim_cur);
}

json open_descriptors() {
  json out = json::array();
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(entry.path(), ec);
    out.push_back({{"fd", std::stoi(entry.path().filename().string())},
                   {"target", ec ? std::string() : target.string()}});
  }
  return out;
}

void write_raw(const std::string& bytes) {
  // fd 4 is the worker's answer pipe: this is exactly what a careless library could do.
  [[maybe_unused]] const auto n = ::write(4, bytes.data(), bytes.size());
}

const erpc_host_files_v1& files(erpc::call_context& ctx) {
  const auto* f = ctx.host().service<erpc_host_files_v1>(ERPC_HOST_FILES_V1);
  if (f == nullptr) throw erpc::error(erpc::error_class::configuration, "test.no_files", "no files");
  return *f;
}

json use_files(const json& payload, erpc::call_context& ctx) {
  const auto& f = files(ctx);
  std::string failure;
  auto on_error = [](void* user, const erpc_error_v1* e) {
    *static_cast<std::string*>(user) = e != nullptr && e->code != nullptr ? e->code : "?";
  };
  const std::string name = payload.value("name", "out.txt");
  const std::string content = payload.value("content", "");
  if (f.write(&f, ctx.abi_call(), name.c_str(), content.data(), content.size(), 0, &failure,
              on_error) != 0) {
    return {{"failure", failure}};
  }
  std::vector<std::string> names;
  f.list(&f, ctx.abi_call(), "", [](void* user, const char* d, size_t len) {
    static_cast<std::vector<std::string>*>(user)->emplace_back(d, len);
  }, &names, on_error);
  std::string read_back;
  f.read(&f, ctx.abi_call(), name.c_str(), 1 << 20, [](void* user, const char* d, size_t len) {
    static_cast<std::string*>(user)->assign(d, len);
  }, &read_back, on_error);
  std::string escape_failure;
  f.read(&f, ctx.abi_call(), "../outside", 1 << 20, [](void*, const char*, size_t) {},
         &escape_failure, on_error);
  return {{"names", names}, {"read_back", read_back}, {"escape_failure", escape_failure}};
}

class misbehaving_connection final : public erpc::connection {
 public:
  erpc::result execute(const erpc::request& req, erpc::call_context& ctx) override {
    const json& p = req.payload.is_object() ? req.payload : req.query;
    const std::string mode = p.is_object() ? p.value("mode", "ok") : "ok";
    if (mode == "segv") std::raise(SIGSEGV);
    if (mode == "abort") std::abort();
    if (mode == "exit") std::_Exit(7);
    if (mode == "hang") hang();
    if (mode == "garbage_length") {
      write_raw(std::string("\xff\xff\xff\xff", 4) + "garbage");
      hang();
    }
    if (mode == "garbage_json") {
      write_raw(std::string("\0\0\0\x09", 4) + "not json!");
      hang();
    }
    if (mode == "pid") return {json{{"pid", ::getpid()}}, false};
    if (mode == "fds") return {json{{"fds", open_descriptors()}}, false};
    if (mode == "limits") {
      return {json{{"as", limit_of(RLIMIT_AS)}, {"nofile", limit_of(RLIMIT_NOFILE)},
                   {"core", limit_of(RLIMIT_CORE)}},
              false};
    }
    if (mode == "allocate") {
      const auto bytes = p.value("bytes", std::uint64_t{0});
      void* block = std::malloc(static_cast<std::size_t>(bytes));
      const bool got = block != nullptr;
      std::free(block);
      return {json{{"allocated", got}}, false};
    }
    if (mode == "log_secret") {
      const std::string secret = ctx.resolve_secret(p.value("reference", ""));
      ctx.log(erpc::log_level::info, "the token is " + secret);
      return {json{{"secret_length", secret.size()}}, false};
    }
    if (mode == "clock") return {json{{"now", ctx.now_unix_ms()}}, false};
    if (mode == "http") {
      erpc::http_client client(ctx.host());
      erpc::http_request r;
      r.method = p.value("method", "GET");
      r.url = p.value("url", "");
      r.body = p.value("body", "");
      r.headers = {{"X-Test", "isolated"}};
      const auto response = client.send(r, ctx.abi_call());
      return {json{{"ok", response.ok()}, {"status", response.status},
                   {"request_sent", response.request_sent}, {"body", response.body},
                   {"transport_message", response.transport_message}},
              false};
    }
    if (mode == "files") return {use_files(p, ctx), false};
    if (mode == "fail") {
      throw erpc::error(erpc::error_class::rate_limited, "vendor.throttled", "slow down")
          .with_retry_after_ms(1500)
          .with_field("/amount", "vendor.amount", "too big")
          .with_vendor({429, "TOO_MANY", "slow down", "req-7"});
    }
    return {json{{"echo", req.payload}, {"op", req.op}}, false};
  }
};

class misbehaving_adapter final : public erpc::adapter {
 public:
  static constexpr char adapter_id[] = "misbehaving";

  json describe() const override {
    return {{"id", adapter_id}, {"name", "Misbehaving test adapter"}, {"vendor", "erpconnect"},
            {"version", "1.0.0"}, {"status", "alpha"}, {"mapping_version", "1"},
            {"contract", {{"min", "1.0"}, {"max", "1.0"}}},
            {"objects", {{"Invoice", {"create", "get"}}}},
            {"capabilities", json::array()},
            {"config_schema", {{"type", "object"}}}};
  }

  std::unique_ptr<erpc::connection> open(const json& config, erpc::call_context& ctx) override {
    if (config.value("refuse", false)) {
      throw erpc::error(erpc::error_class::configuration, "misbehaving.refused",
                        "refused by configuration");
    }
    if (config.value("crash_on_open", false)) std::raise(SIGSEGV);
    if (config.contains("open_secret")) {
      ctx.resolve_secret(config["open_secret"].get<std::string>());
    }
    return std::make_unique<misbehaving_connection>();
  }
};

}  // namespace

ERPC_ADAPTER(misbehaving_adapter)
