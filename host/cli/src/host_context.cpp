#include "host_context.hpp"

#include <erpc/error.hpp>

#include <erpc/host/structured_log.hpp>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace erpc::cli {
namespace fs = std::filesystem;

namespace {

log_format format_named(const std::string& name) {
  if (auto f = log_format_from_string(name)) return *f;
  throw error(error_class::configuration, "cli.bad_log_format", "log format is text or json");
}

// Every line goes through the redactor, whatever logs it (host, dispatcher, adapters).
std::shared_ptr<spdlog::logger> make_logger(const std::string& level, const std::string& format,
                                            std::shared_ptr<const secret_redactor> redactor) {
  return make_host_logger("erpc", format_named(format), std::move(redactor),
                          {std::make_shared<spdlog::sinks::stderr_sink_mt>()},
                          spdlog::level::from_str(level));
}

fs::path executable_path() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec);
}

std::vector<trusted_key> read_trusted_keys(const std::vector<std::string>& specs) {
  std::vector<trusted_key> keys;
  for (const auto& spec : specs) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw error(error_class::configuration, "cli.bad_trusted_key",
                  "--trust-key takes KEY_ID=PATH_TO_PUBLIC_KEY_PEM");
    }
    std::ifstream in(spec.substr(eq + 1));
    if (!in) {
      throw error(error_class::configuration, "cli.bad_trusted_key",
                  "cannot read public key file " + spec.substr(eq + 1));
    }
    std::ostringstream pem;
    pem << in.rdbuf();
    keys.push_back({spec.substr(0, eq), pem.str()});
  }
  return keys;
}

http_service_options http_options(const host_clock& clock) {
  http_service_options options;
  options.now_unix_ms = [&clock] { return clock.now_unix_ms(); };
  return options;
}

}  // namespace

std::vector<fs::path> default_adapter_dirs() {
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("ERPC_ADAPTER_PATH"); env != nullptr && *env != '\0') {
    std::stringstream list(env);
    std::string item;
    while (std::getline(list, item, ':')) {
      if (!item.empty()) dirs.emplace_back(item);
    }
    return dirs;
  }
  const fs::path bin = executable_path().parent_path();
  const fs::path candidate = bin / ".." / "lib" / "erpconnect" / "adapters";
  std::error_code ec;
  if (fs::is_directory(candidate, ec)) dirs.push_back(fs::weakly_canonical(candidate, ec));
  return dirs;
}

host_context::host_context(const host_options& options)
    : logger_(make_logger(options.log_level, options.log_format, redactor_)),
      services_(logger_, clock_, *redactor_),
      http_(http_options(clock_)),
      table_(std::make_shared<host_table>()),
      contract_(std::make_unique<contract_validator>()),
      workers_(4, 256),
      dirs_(options.adapter_dirs.empty() ? default_adapter_dirs() : options.adapter_dirs) {
  for (const auto& [id, ptr] : services_.tables()) table_->register_service(id, ptr);
  table_->register_service(ERPC_HOST_HTTP_V1, http_.table());

  env_.workers = &workers_;
  env_.clock = &clock_;
  env_.logger = logger_;
  env_.max_json_bytes = options.max_json_bytes;
  env_.validate_request = [this](const nlohmann::json& envelope) {
    return contract_->validate_request(envelope);
  };
  env_.validate_object = [this](std::string_view object, const nlohmann::json& document) {
    return contract_->validate(object, document);
  };
  env_.redact = [this](std::string_view text) { return redactor_->redact(text); };

  registry_options_.load.host = table_;
  if (options.require_signatures || !options.trusted_keys.empty()) {
    registry_options_.load.signatures =
        std::make_shared<signature_verifier>(read_trusted_keys(options.trusted_keys));
  }
  if (options.probe_in_child) registry_options_.probe_executable = executable_path();
}

host_context::~host_context() = default;

void host_context::set_log_format(const std::string& format) {
  logger_->set_formatter(make_log_formatter(format_named(format), redactor_));
}

adapter_registry& host_context::registry() {
  if (!registry_) {
    registry_ = std::make_unique<adapter_registry>(registry_options_);
    for (const auto& dir : dirs_) registry_->scan(dir);
  }
  return *registry_;
}

void host_context::add_adapter_dirs(const std::vector<fs::path>& dirs) {
  for (const auto& dir : dirs) {
    if (std::find(dirs_.begin(), dirs_.end(), dir) != dirs_.end()) continue;
    dirs_.push_back(dir);
    if (registry_) registry_->scan(dir);
  }
}

std::shared_ptr<adapter_library> host_context::adapter(const std::string& id_or_path) {
  if (id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".so")) {
    return adapter_library::load(id_or_path, registry_options_.load);
  }
  auto& reg = registry();
  if (auto found = reg.find(id_or_path)) return found;
  for (const auto& refused : reg.refused()) {
    if (refused.path.stem() == id_or_path) throw refused.reason;
  }
  std::string searched;
  for (const auto& d : dirs_) searched += (searched.empty() ? "" : ", ") + d.string();
  throw error(error_class::configuration, "cli.adapter_not_found",
              "no adapter with id '" + id_or_path + "' in " +
                  (searched.empty() ? std::string("(no adapter folders)") : searched));
}

}  // namespace erpc::cli
