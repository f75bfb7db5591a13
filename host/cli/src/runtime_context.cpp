#include "runtime_context.hpp"

#include <erpc/host/adapter_connection.hpp>
#include <erpc/host/audit_keys.hpp>
#include <erpc/host/field_protection.hpp>
#include <erpc/host/isolated_connection.hpp>

#include <nlohmann/json.hpp>

namespace erpc::cli {
namespace fs = std::filesystem;

namespace {

database_config database_settings(const runtime_config& cfg, const fs::path& base,
                                  host_context& host) {
  database_config db;
  if (cfg.ledger.backend == "postgres") {
    db.backend = database_backend::postgres;
    db.conninfo = host.resolver().resolve(cfg.ledger.postgres_conninfo_ref);
  } else {
    db.backend = database_backend::sqlite;
    fs::path path = cfg.ledger.sqlite_path;
    if (path.is_relative()) path = base / path;
    fs::create_directories(path.parent_path());
    db.path = path.string();
  }
  return db;
}

// AES-256-GCM for the fields listed in audit.encrypt. With a key but an empty list nothing new
// is encrypted, yet rows stored encrypted earlier still read back as plaintext.
std::shared_ptr<const document_protection> field_encryption(const audit_config& audit,
                                                            const secret_resolver& resolver) {
  if (audit.encryption_key_ref.empty()) return nullptr;
  std::vector<symmetric_key> previous;
  for (const auto& reference : audit.previous_encryption_key_refs) {
    previous.push_back(resolve_symmetric_key(resolver, reference));
  }
  return std::make_shared<field_protection>(
      field_cipher(resolve_symmetric_key(resolver, audit.encryption_key_ref), std::move(previous)),
      audit.encrypt);
}

}  // namespace

runtime_context::runtime_context(host_context& host, const fs::path& config_file,
                                 dispatcher_options options)
    : host_(host), config_(runtime_config::load(config_file)) {
  const fs::path base = fs::absolute(config_file).parent_path();
  // The file may ask for JSON lines; text is the default the command line already chose.
  if (config_.log_format != "text") host_.set_log_format(config_.log_format);
  std::vector<fs::path> adapter_dirs;
  for (const auto& d : config_.adapter_dirs) adapter_dirs.push_back(d.is_relative() ? base / d : d);
  host_.add_adapter_dirs(adapter_dirs);
  db_ = std::make_unique<database>(database_settings(config_, base, host_), host_.clock());
  ledger_observer observer;
  if (!config_.audit.hmac_key_ref.empty()) {
    fs::path anchor = config_.audit.anchor_path;
    if (anchor.is_relative()) anchor = base / anchor;
    audit_ = std::make_unique<audit_trail>(
        *db_, resolve_audit_keys(host_.resolver(), config_.audit.hmac_key_ref),
        audit_trail_options{anchor, config_.audit.checkpoint_every});
    // Every ledger transition is audited inside the transaction that makes it.
    observer = [this](transaction& tx, const ledger_event& e) {
      audit_appended_ = true;
      audit_->append(tx, e.connection, e.correlation_id, e.event,
                     nlohmann::json::parse(e.detail_json));
    };
  }
  // Payloads and responses are stored with the audit.encrypt fields encrypted.
  const auto protection = field_encryption(config_.audit, host_.resolver());
  ledger_ = std::make_unique<idempotency_ledger>(*db_, observer, protection);
  queues_ = std::make_unique<exception_queues>(*db_, observer, protection);

  auto open_connection = [this](const connection_config& c) { return open_call(c); };
  auto validate = [this](const nlohmann::json& envelope) {
    return host_.contract().validate_request(envelope);
  };
  dispatcher_ = std::make_unique<dispatcher>(config_, *ledger_, host_.clock(), open_connection,
                                             validate, host_.logger(), std::move(options));
}

connection_call runtime_context::open_call(const connection_config& c) {
  auto library = host_.adapter(c.adapter);
  const std::string files_root = c.settings.value("files_root", "");
  std::shared_ptr<connection_handle> connection;
  if (c.isolation == "process") {
    // The adapter runs in `erpc __worker`; a crash or hang there is classified, not fatal.
    isolation_options isolation;
    std::error_code ec;
    isolation.executable = fs::read_symlink("/proc/self/exe", ec);
    isolation.services = host_.services_table();
    isolation.files_root = files_root;
    connection = isolated_connection::open(library->path(), c.name, c.settings,
                                           host_.environment(), std::move(isolation));
  } else {
    connection = adapter_connection::open(library->shared_table(), c.name, c.settings,
                                          host_.environment(), files_root);
  }
  return [connection](const nlohmann::json& envelope) { return connection->execute(envelope); };
}

connection_call runtime_context::open_for_read(const std::string& name) {
  const auto it = config_.connections.find(name);
  if (it == config_.connections.end()) {
    throw error(error_class::configuration, "dispatch.unknown_connection",
                "no connection named '" + name + "' is configured");
  }
  return open_call(it->second);
}

runtime_context::~runtime_context() {
  if (dispatcher_) dispatcher_->stop();
  // Sign the chain heads at shutdown, so a later truncation shows against the anchor — but only
  // when this process wrote to the trail: a read-only command (audit verify, queue list) must
  // never vouch for a head it did not write, or verifying a tampered database would sign it.
  if (audit_ && audit_appended_) audit_->checkpoint_all();
}

audit_trail& runtime_context::audit() {
  if (!audit_) {
    throw error(error_class::configuration, "cli.audit_not_configured",
                "the configuration has no audit.hmac_key");
  }
  return *audit_;
}

}  // namespace erpc::cli
