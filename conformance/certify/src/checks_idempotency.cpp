// SPDX-License-Identifier: Apache-2.0
// The idempotent level (ARCHITECTURE §6): R1–R4 and R5a through the host's durable path — the
// dispatcher and the idempotency ledger on SQLite — with the adapter behind it and the vendor
// writes counted at the target. R5a restarts the "host" (dispatcher, ledger and database
// closed and opened again on the same file) between the steps.
#include "session.hpp"

#include <erpc/error_abi.hpp>
#include <erpc/host/database.hpp>
#include <erpc/host/dispatcher.hpp>
#include <erpc/host/exception_queues.hpp>
#include <erpc/host/idempotency_ledger.hpp>
#include <erpc/host/runtime_config.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

namespace erpc::certify {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// One "host": database, ledger, queues and dispatcher over a ledger file.
class durable_host {
 public:
  durable_host(session& s, const fs::path& file) : s_(s) {
    connection_config c;
    c.name = s.prof().adapter;
    c.adapter = s.library().path().string();
    c.settings = s.connection_config();
    c.deadline_ms = s.options().deadline_ms;
    // Retries come quickly so the run stays short; the backoff policy is the host's business.
    c.retry.initial_backoff_ms = 20;
    c.retry.max_backoff_ms = 200;
    c.retry.jitter_percent = 0;
    c.retry.max_attempts = 5;
    config_.connections.emplace(c.name, c);
    database_config db;
    db.path = file.string();
    db_ = std::make_unique<database>(db, s.host().clock());
    ledger_ = std::make_unique<idempotency_ledger>(*db_);
    queues_ = std::make_unique<exception_queues>(*db_);
    auto open = [&s](const connection_config&) -> connection_call {
      auto connection = s.open_connection();
      return [connection, &s](const json& envelope) {
        auto outcome = connection->execute(envelope);
        session::output o;
        o.what = "dispatcher " + envelope.value("op", "") + " " + envelope.value("object", "") + " key " +
                 envelope.value("idempotency_key", "") + " attempt " + std::to_string(envelope.value("attempt", 0));
        o.ok = outcome.ok;
        o.text = outcome.ok ? outcome.response->dump() : error_to_json(*outcome.failure).dump();
        if (!outcome.ok) o.code = outcome.failure->code();
        s.record(std::move(o));
        return outcome;
      };
    };
    auto validate = [&s](const json& envelope) { return s.host().contract().validate_request(envelope); };
    dispatcher_options options;
    options.owner = "erpc-certify-" + s.nonce();
    dispatcher_ = std::make_unique<dispatcher>(config_, *ledger_, s.host().clock(), open, validate,
                                               s.host().logger(), options);
  }

  submit_outcome submit(const std::string& key, const json& payload) {
    const json envelope = {{"connection", s_.prof().adapter},
                           {"op", "create"},
                           {"object", s_.subject_object().name},
                           {"idempotency_key", key},
                           {"attempt", 1},
                           {"prior_outcome", nullptr},
                           {"correlation_id", key},
                           {"payload", payload}};
    return dispatcher_->submit(envelope);
  }

  // Runs rounds until the message is finished (succeeded or queued) or `budget` passes.
  std::optional<message_record> settle(const std::string& message_id,
                                       std::chrono::milliseconds budget = std::chrono::milliseconds(20'000)) {
    const auto until = std::chrono::steady_clock::now() + budget;
    for (;;) {
      const int processed = dispatcher_->run_once();
      auto m = queues_->get_message(message_id);
      if (m && (m->state == message_state::succeeded || m->state == message_state::queued ||
                m->state == message_state::discarded)) {
        return m;
      }
      if (std::chrono::steady_clock::now() > until) return m;
      if (processed == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  // One round only (R5a: stop after the first attempt).
  void run_one_round() { dispatcher_->run_once(); }
  std::optional<message_record> message(const std::string& id) { return queues_->get_message(id); }

 private:
  session& s_;
  runtime_config config_;
  std::unique_ptr<database> db_;
  std::unique_ptr<idempotency_ledger> ledger_;
  std::unique_ptr<exception_queues> queues_;
  std::unique_ptr<dispatcher> dispatcher_;
};

// A private folder for one check's ledger, removed afterwards.
class ledger_dir {
 public:
  explicit ledger_dir(const std::string& nonce) {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("erpc-certify-" + nonce + "-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~ledger_dir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path file() const { return path_ / "ledger.db"; }

 private:
  fs::path path_;
};

std::string response_id(const std::optional<std::string>& text) {
  if (!text) return "";
  const auto j = json::parse(*text, nullptr, false);
  if (!j.is_object()) return "";
  const auto result = j.value("result", json::object());
  const auto it = result.find("id");
  if (it == result.end()) return "";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

std::string describe(const std::optional<message_record>& m) {
  if (!m) return "no message";
  std::string out = std::string(to_string(m->state)) + " after " + std::to_string(m->attempt) + " attempts";
  if (m->last_error) {
    const auto e = json::parse(*m->last_error, nullptr, false);
    if (e.is_object()) out += " (last error " + e.value("class", std::string()) + " " + e.value("code", std::string()) + ")";
  }
  return out;
}

std::string_view kind_name(accept_kind k) {
  switch (k) {
    case accept_kind::accepted: return "accepted";
    case accept_kind::replay: return "replay";
    case accept_kind::reuse: return "reuse";
    case accept_kind::in_progress: return "in_progress";
    case accept_kind::existing: return "existing";
  }
  return "?";
}

verdict r1(session& s) {
  ledger_dir dir(s.nonce());
  durable_host host(s, dir.file());
  const auto mark = s.mark();
  const std::string key = s.key("r1");
  const json payload = s.subject_payload();
  const auto first = host.submit(key, payload);
  if (first.refused) return verdict::fail("submit refused: " + first.refused->code());
  const auto done = host.settle(first.accepted.message_id);
  if (!done || done->state != message_state::succeeded) return verdict::fail("first create: " + describe(done));
  const auto again = host.submit(key, payload);
  const auto effects = s.effects_since(mark, {key});
  std::string evidence = "create " + describe(done) + ", id " + response_id(done->response) + "; same key+payload -> " +
                         std::string(kind_name(again.accepted.kind)) + "; vendor " + effects.describe();
  if (again.refused || again.accepted.kind != accept_kind::replay) return verdict::fail(evidence + "; expected a replay");
  if (response_id(again.accepted.stored_response) != response_id(done->response)) {
    return verdict::fail(evidence + "; the replay carries another id");
  }
  if (effects.created != 1 || effects.updated != 0) return verdict::fail(evidence + "; expected one record");
  return verdict::pass(evidence);
}

verdict r2(session& s) {
  ledger_dir dir(s.nonce());
  durable_host host(s, dir.file());
  const std::string key = s.key("r2");
  const json payload = s.subject_payload();
  const auto first = host.submit(key, payload);
  const auto done = host.settle(first.accepted.message_id);
  if (!done || done->state != message_state::succeeded) return verdict::fail("first create: " + describe(done));
  const auto mark = s.mark();
  s.rig().clear_faults();
  const auto again = host.submit(key, changed(s.subject(), payload));
  const auto effects = s.effects_since(mark, {});
  const auto requests = s.rig().log().size();
  std::string evidence = "changed payload under the same key -> " +
                         (again.refused ? class_name(again.refused->cls()) + " " + again.refused->code()
                                        : std::string(kind_name(again.accepted.kind))) +
                         "; " + std::to_string(requests) + " vendor requests; vendor " + effects.describe();
  if (!again.refused || again.refused->cls() != error_class::idempotency_key_reuse) {
    return verdict::fail(evidence + "; expected IDEMPOTENCY_KEY_REUSE");
  }
  if (effects.created != 0 || effects.updated != 0 || requests != 0) return verdict::fail(evidence + "; expected zero writes");
  return verdict::pass(evidence);
}

verdict r3(session& s) {
  ledger_dir dir(s.nonce());
  durable_host host(s, dir.file());
  const int n = s.prof().concurrent_calls;
  const auto mark = s.mark();
  const std::string key = s.key("r3");
  const json payload = s.subject_payload();
  std::vector<submit_outcome> outcomes(static_cast<std::size_t>(n));
  std::vector<std::thread> threads;
  for (int i = 0; i < n; ++i) {
    threads.emplace_back([&, i] { outcomes[static_cast<std::size_t>(i)] = host.submit(key, payload); });
  }
  for (auto& t : threads) t.join();
  int accepted = 0;
  std::string message_id;
  for (const auto& o : outcomes) {
    if (o.refused) return verdict::fail("a parallel submit was refused: " + o.refused->code());
    if (o.accepted.kind == accept_kind::accepted) ++accepted;
    message_id = o.accepted.message_id;
  }
  const auto done = host.settle(message_id);
  const auto replay = host.submit(key, payload);
  const auto effects = s.effects_since(mark, {key});
  std::string evidence = std::to_string(n) + " parallel submits of one key: " + std::to_string(accepted) +
                         " accepted, message " + describe(done) + ", then " + std::string(kind_name(replay.accepted.kind)) +
                         "; vendor " + effects.describe();
  if (accepted != 1) return verdict::fail(evidence + "; expected exactly one accepted");
  if (!done || done->state != message_state::succeeded) return verdict::fail(evidence);
  if (effects.created != 1 || effects.updated != 0) return verdict::fail(evidence + "; expected one vendor effect");
  return verdict::pass(evidence);
}

verdict r4(session& s) {
  ledger_dir dir(s.nonce());
  durable_host host(s, dir.file());
  const auto& object = s.subject_object();
  s.rig().load_rules(json::array({proxy_rule("R4.lost_reply", object.create_request,
                                             {{"type", "drop_reply"}, {"client_sees", "reset"}})}));
  const auto mark = s.mark();
  const std::string key = s.key("r4");
  const auto first = host.submit(key, s.subject_payload());
  const auto done = host.settle(first.accepted.message_id);
  s.rig().clear_faults();
  const auto effects = s.effects_since(mark, {key});
  const std::string id = done ? response_id(done->response) : "";
  const bool replayed = done && done->response &&
                        json::parse(*done->response, nullptr, false).value("replayed", false);
  std::string evidence = "first reply lost after the commit; message " + describe(done) + ", id " + id +
                         (replayed ? " (replayed)" : "") + "; vendor " + effects.describe();
  if (!done || done->state != message_state::succeeded) return verdict::fail(evidence + "; expected ok on the retry");
  if (done->attempt < 2) return verdict::fail(evidence + "; the lost reply was never retried");
  if (!replayed) return verdict::fail(evidence + "; expected replayed: true");
  if (effects.created != 1 || effects.updated != 0) return verdict::fail(evidence + "; expected one record");
  if (!effects.vendor_ids.empty() && id != effects.vendor_ids.front()) return verdict::fail(evidence + "; not the first id");
  return verdict::pass(evidence);
}

verdict r5a(session& s) {
  ledger_dir dir(s.nonce());
  const auto& object = s.subject_object();
  const auto mark = s.mark();
  const std::string key = s.key("r5a");
  const std::string lost_key = s.key("r5a");
  const json payload = s.subject_payload();
  const json lost_payload = s.subject_payload();
  std::string first_id;
  std::string lost_message;
  {
    durable_host host(s, dir.file());
    const auto first = host.submit(key, payload);
    const auto done = host.settle(first.accepted.message_id);
    if (!done || done->state != message_state::succeeded) return verdict::fail("create before the restart: " + describe(done));
    first_id = response_id(done->response);
    // R4 across the restart: the reply is lost, the host stops before the retry.
    s.rig().load_rules(json::array({proxy_rule("R5a.restart", object.create_request,
                                               {{"type", "drop_reply"}, {"client_sees", "reset"}})}));
    const auto lost = host.submit(lost_key, lost_payload);
    lost_message = lost.accepted.message_id;
    host.run_one_round();
    s.rig().clear_faults();
  }
  durable_host restarted(s, dir.file());
  const auto replay = restarted.submit(key, payload);
  const auto reuse = restarted.submit(key, changed(s.subject(), payload));
  const auto resumed = restarted.settle(lost_message);
  const auto effects = s.effects_since(mark, {key, lost_key});
  const bool resumed_replayed = resumed && resumed->response &&
                                json::parse(*resumed->response, nullptr, false).value("replayed", false);
  std::string evidence = "after a restart: same key+payload -> " + std::string(kind_name(replay.accepted.kind)) +
                         ", changed payload -> " +
                         (reuse.refused ? class_name(reuse.refused->cls()) : std::string(kind_name(reuse.accepted.kind))) +
                         ", the lost reply's message " + describe(resumed) + (resumed_replayed ? " (replayed)" : "") +
                         "; vendor " + effects.describe();
  if (replay.refused || replay.accepted.kind != accept_kind::replay ||
      response_id(replay.accepted.stored_response) != first_id) {
    return verdict::fail(evidence + "; R1 did not hold across the restart");
  }
  if (!reuse.refused || reuse.refused->cls() != error_class::idempotency_key_reuse) {
    return verdict::fail(evidence + "; R2 did not hold across the restart");
  }
  if (!resumed || resumed->state != message_state::succeeded || !resumed_replayed) {
    return verdict::fail(evidence + "; R4 did not hold across the restart");
  }
  if (effects.created != 2 || effects.updated != 0) return verdict::fail(evidence + "; expected two records");
  return verdict::pass(evidence);
}

}  // namespace

check_function idempotency_check(std::string_view id) {
  if (id == "R1.replay") return r1;
  if (id == "R2.reuse") return r2;
  if (id == "R3.concurrency") return r3;
  if (id == "R4.lost_reply") return r4;
  if (id == "R5a.restart") return r5a;
  throw error(error_class::internal, "certify.unknown_check", "no idempotency check " + std::string(id));
}

}  // namespace erpc::certify
