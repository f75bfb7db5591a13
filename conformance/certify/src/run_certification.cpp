// SPDX-License-Identifier: Apache-2.0
// The run: load the adapter through the host loader (abi.version), start the target, create
// the profile's samples, run the catalogue in order — the duplicate-sensitive checks once per
// value of every unconfirmed simulator setting — and judge the whole run's outputs last
// (contract, secrets, exceptions).
#include <erpc/certify/certify.hpp>

#include "session.hpp"

#include <erpc/host/adapter_registry.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <map>
#include <random>

namespace erpc::certify {
namespace {

using nlohmann::json;

struct entry {
  std::string_view id;
  level check_level;
  std::string_view summary;
  bool duplicate_sensitive = false;  // repeated per value of an unconfirmed setting
  bool judges_whole_run = false;     // evaluated after every other check
};

const std::vector<entry>& entries() {
  static const std::vector<entry> list = {
      {"abi.version", level::basic, "loads through the host loader; ABI major and contract accepted"},
      {"abi.manifest", level::basic, "manifest offers every profile object/op; mapping_version present"},
      {"contract.outputs_valid", level::basic, "every output of the run validates against schemas/v1", false, true},
      {"errors.http_429_retry_seconds", level::basic, "429 + Retry-After seconds -> RATE_LIMITED, retry_after_ms"},
      {"errors.http_429_retry_date", level::basic, "429 + Retry-After HTTP-date -> RATE_LIMITED"},
      {"errors.http_503", level::basic, "503 -> RATE_LIMITED or UNAVAILABLE"},
      {"errors.http_500_write", level::basic, "500 on a create -> OUTCOME_UNKNOWN"},
      {"errors.http_502_write", level::basic, "502 on a create -> OUTCOME_UNKNOWN"},
      {"errors.http_504_write", level::basic, "504 on a create -> OUTCOME_UNKNOWN"},
      {"errors.reset_before_send", level::basic, "nothing sent -> UNAVAILABLE, effect none"},
      {"errors.reset_after_send", level::basic, "committed, reply dropped -> OUTCOME_UNKNOWN"},
      {"errors.timeout", level::basic, "reply beyond the deadline -> OUTCOME_UNKNOWN in time"},
      {"errors.malformed_body", level::basic, "garbage body -> INTERNAL/OUTCOME_UNKNOWN, never ok"},
      {"errors.truncated_body", level::basic, "truncated body -> INTERNAL/OUTCOME_UNKNOWN, never ok"},
      {"errors.http_401_refresh", level::basic, "one 401 -> credentials refreshed once, ok"},
      {"errors.http_403", level::basic, "403 -> PERMISSION"},
      {"errors.http_404", level::basic, "404 on a get -> NOT_FOUND"},
      {"errors.http_400_field_errors", level::basic, "400 with field detail -> VALIDATION with field_errors"},
      {"errors.vendor_duplicate", level::basic, "vendor duplicate answer -> replay or CONFLICT, one record", true},
      {"concurrency.thread_safety", level::basic, "N parallel calls on one connection"},
      {"secrets.no_leak", level::basic, "no secret in any output or log line, plain or encoded", false, true},
      {"robustness.no_exception_escapes", level::basic, "no exception crosses the ABI", false, true},
      {"robustness.honours_deadline", level::basic, "returns by deadline + grace when the vendor is silent"},
      {"robustness.isolation_mode", level::basic, "works in `erpc __worker`; a worker crash is reported"},
      {"R1.replay", level::idempotent, "same key+payload -> replay, one record (ledger)"},
      {"R2.reuse", level::idempotent, "same key, other payload -> IDEMPOTENCY_KEY_REUSE, zero writes (ledger)"},
      {"R3.concurrency", level::idempotent, "N parallel submits of one key -> one effect (ledger)"},
      {"R4.lost_reply", level::idempotent, "reply lost -> retry replays the first id (ledger)"},
      {"R5a.restart", level::idempotent, "R1, R2, R4 across a host restart"},
      {"R5b.replay", level::native, "replay with the ledger wiped", true},
      {"R5b.reuse", level::native, "reuse detected with the ledger wiped, zero writes", true},
      {"R5b.lost_reply", level::native, "lost reply resolved by natural key, no ledger", true},
      {"native.late_delivery", level::native, "a create landing after the retry's read-back", true},
  };
  return list;
}

check_function function_for(std::string_view id) {
  if (id == "abi.manifest") return abi_manifest_check();
  if (id == "contract.outputs_valid") return contract_outputs_check();
  if (id.rfind("errors.", 0) == 0) return error_check(id);
  if (id == "concurrency.thread_safety") return concurrency_check();
  if (id == "secrets.no_leak") return secrets_check();
  if (id == "robustness.no_exception_escapes") return no_exception_check();
  if (id == "robustness.honours_deadline") return honours_deadline_check();
  if (id == "robustness.isolation_mode") return isolation_check();
  if (id.size() > 1 && id[0] == 'R' && (id[1] == '1' || id[1] == '2' || id[1] == '3' || id[1] == '4' ||
                                        id.rfind("R5a.", 0) == 0)) {
    return idempotency_check(id);
  }
  return native_check(id);
}

std::string new_nonce() {
  std::random_device rd;
  std::uniform_int_distribution<unsigned> hex(0, 15);
  std::string nonce;
  for (int i = 0; i < 6; ++i) nonce += "0123456789abcdef"[hex(rd)];
  return nonce;
}

std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(ms));
  return buf;
}

std::int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::string value_text(const json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

bool is_selected(const certify_options& o, std::string_view id, std::string_view full_id) {
  if (o.selected_checks.empty()) return true;
  for (const auto& s : o.selected_checks) {
    if (s == id || s == full_id) return true;
  }
  return false;
}

std::shared_ptr<adapter_library> load_adapter(const certify_options& o, std::shared_ptr<const host_table> table) {
  registry_options options;
  options.load.host = std::move(table);
  if (o.adapter.find('/') != std::string::npos || o.adapter.ends_with(".so")) {
    return adapter_library::load(o.adapter, options.load);
  }
  adapter_registry registry(options);
  for (const auto& d : o.adapter_dirs) registry.scan(d);
  if (auto found = registry.find(o.adapter)) return found;
  for (const auto& refused : registry.refused()) {
    if (refused.path.stem() == o.adapter) throw refused.reason;
  }
  throw error(error_class::configuration, "certify.adapter_not_found",
              "no adapter with id '" + o.adapter + "' in the adapter folders");
}

// The samples, created in order; every call's output joins the run's record.
void create_samples(session& s) {
  for (const auto& sample : s.prof().samples) {
    const auto& object = s.prof().object_of(sample);
    const auto created = s.call({"create", object.name, s.key("s"), instantiate(sample.payload, s.nonce(), s.unique())});
    if (!created.ok) {
      s.setup_problems.push_back("create " + sample.name + ": " + created.describe());
      if (created.failure && created.failure->code() == "host.deadline_exceeded") return;
      continue;
    }
    if (object.offers("get") && !created.id().empty()) {
      const auto got = s.call({"get", object.name, "", json{{"id", created.id()}}});
      if (!got.ok) s.setup_problems.push_back("get " + sample.name + ": " + got.describe());
    }
  }
  for (const auto& [name, object] : s.prof().objects) {
    if (!object.offers("list")) continue;
    const auto listed = s.call({"list", name, "", json{{"limit", 2}}});
    if (!listed.ok) s.setup_problems.push_back("list " + name + ": " + listed.describe());
  }
}

}  // namespace

const std::vector<catalogue_entry>& catalogue() {
  static const std::vector<catalogue_entry> list = [] {
    std::vector<catalogue_entry> out;
    for (const auto& e : entries()) out.push_back({e.id, e.check_level, e.summary});
    return out;
  }();
  return list;
}

certification_report run_certification(const certify_options& options, int* abandoned_calls) {
  const auto started = steady_ms();
  const profile prof = load_profile(options.profile);
  certification_report report;
  report.profile = options.profile.string();
  report.target = options.target;
  report.requested_level = options.requested_level.value_or(prof.claimed_level);
  report.nonce = new_nonce();
  report.started = utc_now();
  if (options.target != "sim" && options.target.rfind("http://", 0) != 0 &&
      options.target.rfind("https://", 0) != 0) {
    throw error(error_class::configuration, "certify.bad_target", "--target is sim or an http(s) base URL");
  }
  for (const auto& id : options.selected_checks) {
    bool known = false;
    for (const auto& e : entries()) known = known || e.id == id || id.rfind(std::string(e.id) + "[", 0) == 0;
    if (!known) throw error(error_class::configuration, "certify.unknown_check", "no check '" + id + "' in the catalogue");
  }
  // In sim mode the simulator's own credentials stand behind the profile's references.
  if (options.target == "sim") {
    for (const auto& [reference, value] : prof.simulator_secrets) {
      ::setenv(reference.substr(4).c_str(), value.c_str(), 1);
    }
  }

  std::map<std::string, check_result> results;  // by full id
  auto record = [&](const entry& e, std::string full_id, verdict v, std::int64_t ms) {
    results[full_id] = {full_id, std::string(e.id), e.check_level, v.status, std::move(v.evidence), ms};
  };
  auto skip_all = [&](const std::string& why) {
    for (const auto& e : entries()) {
      if (!results.count(std::string(e.id))) record(e, std::string(e.id), verdict::skip(why), 0);
    }
  };

  auto host = std::make_unique<certify_host>(options.grace_ms);
  // A sample the contract refuses would fail every check for the profile's fault, not the
  // adapter's: refuse the profile instead.
  for (std::size_t i = 0; i < prof.samples.size(); ++i) {
    const auto& sample = prof.samples[i];
    auto problems = host->contract().validate(sample.object, instantiate(sample.payload, "ab12cd", "ab12cd1"));
    if (problems.empty() && !sample.changes.empty()) {
      problems = host->contract().validate(sample.object, changed(sample, instantiate(sample.payload, "ab12cd", "ab12cd1")));
    }
    if (!problems.empty()) {
      const std::string pointer = "/samples/" + std::to_string(i) + "/payload" + problems[0].pointer;
      throw error(error_class::configuration, "certify.profile_invalid",
                  "conformance profile: " + pointer + ": not a valid " + sample.object + " (" + problems[0].code + ")")
          .with_field(pointer, "certify.profile_invalid", problems[0].code);
    }
  }
  std::shared_ptr<adapter_library> library;
  const entry& abi_entry = entries().front();
  {
    const auto t0 = steady_ms();
    try {
      library = load_adapter(options, host->table());
      const auto abi = library->abi();
      const auto contract = library->manifest().value("contract", json::object());
      record(abi_entry, "abi.version",
             verdict::pass("loaded through the host loader: ABI " + std::to_string(abi.major) + "." +
                           std::to_string(abi.minor) + " (host 1.0), contract " + contract.value("min", "?") +
                           ".." + contract.value("max", "?")),
             steady_ms() - t0);
      report.adapter = {library->id(), library->manifest().value("version", ""),
                        library->manifest().value("mapping_version", ""), library->path().string(),
                        library->sha256()};
    } catch (const error& e) {
      record(abi_entry, "abi.version", verdict::fail("refused by the host loader: " + e.code() + ": " + e.message()),
             steady_ms() - t0);
      report.adapter = {prof.adapter, "", "", options.adapter, ""};
      skip_all("the adapter did not load (abi.version)");
    }
  }

  std::unique_ptr<target_rig> rig;
  std::unique_ptr<session> s;
  if (library) {
    try {
      rig = std::make_unique<target_rig>(prof, options.target);
    } catch (const error& e) {
      throw error(error_class::configuration, "certify.target_failed",
                  "the target could not start: " + e.code() + ": " + e.message());
    }
    s = std::make_unique<session>(prof, options, *host, *rig, library, report.nonce);
    try {
      s->main();
    } catch (const error& e) {
      // An adapter that cannot open a connection to its target fails every check that calls it.
      for (const auto& e2 : entries()) {
        if (results.count(std::string(e2.id))) continue;
        record(e2, std::string(e2.id),
               e2.id == "abi.manifest" ? abi_manifest_check()(*s)
                                       : verdict::fail("open() failed: " + class_name(e.cls()) + " " + e.code() +
                                                       ": " + e.message()),
               0);
      }
      s.reset();
    }
  }

  if (s) {
    create_samples(*s);
    auto run_one = [&](const entry& e, const std::string& full_id) {
      if (!is_selected(options, e.id, full_id)) {
        record(e, full_id, verdict::skip("not selected"), 0);
        return;
      }
      if (e.check_level > report.requested_level) {
        record(e, full_id, verdict::skip("above the requested level (" + std::string(to_string(report.requested_level)) + ")"), 0);
        return;
      }
      const auto t0 = steady_ms();
      verdict v;
      try {
        v = function_for(e.id)(*s);
      } catch (const error& err) {
        v = verdict::fail("the check stopped: " + err.code() + ": " + err.message());
      } catch (const std::exception& err) {
        v = verdict::fail(std::string("the check stopped: ") + err.what());
      }
      try {
        rig->clear_faults();
      } catch (const std::exception&) {
      }
      record(e, full_id, std::move(v), steady_ms() - t0);
    };
    const bool vary = rig->is_sim() && !prof.unconfirmed_settings.empty();
    for (const auto& e : entries()) {
      if (e.id == "abi.version" || e.judges_whole_run) continue;
      if (!e.duplicate_sensitive || !vary) {
        run_one(e, std::string(e.id));
        continue;
      }
      for (const auto& setting : prof.unconfirmed_settings) {
        const json before = rig->simulator()->context().settings().values()[setting.setting];
        for (const auto& value : setting.values) {
          const std::string full_id = std::string(e.id) + "[" + setting.setting + "=" + value_text(value) + "]";
          rig->apply_settings({{setting.setting, value}});
          const auto extras = setting.connection.find(value_text(value));
          s->set_config_extras(extras == setting.connection.end() ? json::object() : extras->second);
          s->reset_main();
          run_one(e, full_id);
        }
        rig->apply_settings({{setting.setting, before}});
        s->set_config_extras(json::object());
        s->reset_main();
      }
    }
    for (const auto& e : entries()) {
      if (e.judges_whole_run) run_one(e, std::string(e.id));
    }
  }

  // Report order: the catalogue's, each check's setting variants together.
  for (const auto& e : entries()) {
    for (const auto& [id, r] : results) {
      if (r.check == e.id) report.checks.push_back(r);
    }
  }
  report.duration_ms = steady_ms() - started;

  if (!options.log_file.empty()) {
    std::ofstream log(options.log_file, std::ios::trunc);
    for (const auto& line : host->logs().lines()) log << line << "\n";
  }
  const int stuck = host->abandoned_calls();
  if (abandoned_calls != nullptr) *abandoned_calls = stuck;
  s.reset();
  rig.reset();
  if (stuck > 0) {
    // A call that never returned still runs adapter code on a worker thread: joining the pool
    // or unloading the library under it would hang or crash. Leave both to the process exit.
    (void)host.release();
    new std::shared_ptr<adapter_library>(std::move(library));
  }
  return report;
}

}  // namespace erpc::certify
