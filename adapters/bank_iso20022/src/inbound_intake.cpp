// SPDX-License-Identifier: Apache-2.0
#include "inbound_intake.hpp"

#include "durable_file.hpp"
#include "sent_archive.hpp"

#include <erpc/banking/pain002_reader.hpp>
#include <erpc/banking/payment_status_transition.hpp>
#include <erpc/banking/statement_format.hpp>
#include <erpc/contract/bank_statement_json.hpp>
#include <erpc/contract/payment_status_json.hpp>
#include <erpc/host/fingerprint.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <system_error>
#include <vector>

namespace erpc::bank_file {

namespace fs = std::filesystem;

namespace {

constexpr char source_system[] = "bank_iso20022";

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What an inbound file name says it is; nullopt: not ours to read (temp files start with '.').
enum class inbound_kind { xml, line_statement };
std::optional<inbound_kind> kind_of_name(const std::string& name) {
  if (name.empty() || name.front() == '.') return std::nullopt;
  const auto ext = lower(fs::path(name).extension().string());
  if (ext == ".xml") return inbound_kind::xml;
  if (ext == ".sta" || ext == ".mt940" || ext == ".bai" || ext == ".bai2") {
    return inbound_kind::line_statement;
  }
  return std::nullopt;
}

bool is_pain002(std::string_view bytes) {
  return bytes.substr(0, 4096).find("urn:iso:std:iso:20022:tech:xsd:pain.002") !=
         std::string_view::npos;
}

std::string sequence_name(std::uint64_t seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%010llu.json", static_cast<unsigned long long>(seq));
  return buf;
}

// What makes two deliveries of one statement the same: everything the bank said about the
// account and its entries, not the envelope (file name, GrpHdr/MsgId, creation time) nor the
// copy marker.
std::string statement_content_hash(nlohmann::json statement) {
  for (const char* envelope : {"id", "external_refs", "source", "message_id", "created_at_bank",
                               "copy_duplicate", "created_at", "updated_at"}) {
    statement.erase(envelope);
  }
  return payload_fingerprint(statement);
}

std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
}

}  // namespace

inbound_intake::inbound_intake(const connection_config& config) : config_(config) {
  auto loaded = read_json_file(config_.state_dir / "intake.json");
  state_ = loaded ? std::move(*loaded) : nlohmann::json::object();
  for (const char* map : {"files", "statements", "payment_states"}) {
    if (!state_.contains(map)) state_[map] = nlohmann::json::object();
  }
  if (!state_.contains("problems")) state_["problems"] = nlohmann::json::array();
  std::error_code ec;
  for (const char* folder : {"statements", "statuses", "quarantine"}) {
    fs::create_directories(config_.state_dir / folder, ec);
  }
}

void inbound_intake::save() { write_json_atomically(config_.state_dir / "intake.json", state_); }

void inbound_intake::take_in(call_context& ctx) {
  std::vector<std::string> names;
  std::size_t unreadable_names = 0;
  std::error_code ec;
  for (fs::directory_iterator it(config_.inbound_dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec)) continue;
    auto name = it->path().filename().string();
    // File names go into JSON state and messages: only printable ASCII (bank gateways use
    // nothing else); anything else is left alone, with a warning in the host log.
    const bool printable = std::all_of(name.begin(), name.end(), [](char c) {
      return static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7f;
    });
    if (!printable) {
      ++unreadable_names;
      continue;
    }
    if (kind_of_name(name)) names.push_back(std::move(name));
  }
  if (unreadable_names > 0) {
    ctx.log(log_level::warn, "bank_iso20022: " + std::to_string(unreadable_names) +
                                 " inbound file(s) with names outside printable ASCII are not read");
  }
  if (ec) {
    throw error(error_class::unavailable, "bank_file.io_failed",
                "cannot list the inbound folder " + config_.inbound_dir.string() + ": " +
                    ec.message());
  }
  std::sort(names.begin(), names.end());  // file order is the order of delivery numbers
  for (const auto& name : names) {
    const fs::path path = config_.inbound_dir / name;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) continue;  // gone since the listing
    auto& known = state_["files"][name];
    if (known.is_object() && known.value("size", std::int64_t{-1}) == st.st_size &&
        known.value("mtime_ns", std::int64_t{-1}) == mtime_ns(st)) {
      continue;  // taken in already, unchanged
    }
    bool too_large = false;
    const auto bytes = read_whole_file(path, config_.max_file_bytes, &too_large);
    if (!bytes && !too_large) continue;
    const std::string hash = too_large ? "too-large" : content_hash(*bytes);
    if (!(known.is_object() && known.value("sha256", "") == hash)) {
      if (too_large) {
        add_problem(problem_kind_statement, name, {}, error_class::validation,
                    "bank_file.file_too_large",
                    "larger than the connection's max_file_mib; not read");
      } else {
        take_in_file(name, *bytes, ctx);
      }
    }
    known = {{"sha256", hash}, {"size", st.st_size}, {"mtime_ns", mtime_ns(st)}};
    save();
  }
}

void inbound_intake::take_in_file(const std::string& name, const std::string& bytes,
                                  call_context& ctx) {
  ctx.log(log_level::info, "bank_iso20022: taking in " + name);
  if (kind_of_name(name) == inbound_kind::xml && is_pain002(bytes)) {
    take_in_pain002(name, bytes);
  } else {
    take_in_statements(name, bytes, ctx);
  }
}

void inbound_intake::take_in_pain002(const std::string& name, const std::string& bytes) {
  banking::pain002_options options;
  options.source_system = source_system;
  options.source_id = name;
  options.part_unlisted = config_.part_unlisted;
  try {
    const auto report = banking::read_pain002(bytes, options);
    const sent_archive archive(config_.state_dir);
    const auto tag = sent_archive::tag_of_message(report.original_message_id);
    const auto record = tag ? archive.record(*tag) : std::nullopt;
    const nlohmann::json* generation =
        record ? sent_archive::generation_of_message(*record, report.original_message_id)
               : nullptr;
    if (generation == nullptr) {
      add_problem(problem_kind_status, name, bytes, error_class::validation,
                  "bank_file.pain002_unknown_message",
                  "the report is about message " + report.original_message_id +
                      ", which this connection did not send");
      return;
    }
    // A group RJCT for DUPL says the bank has this MsgId already: the message it has may be
    // executing, so this is not a rejection of the payments (a new generation would pay them
    // twice). A person finds out which copy the bank kept.
    if (report.group.bank_status == "RJCT") {
      for (const auto& reason : report.group.reasons) {
        if (reason.code == "DUPL") {
          add_problem(problem_kind_status, name, bytes, error_class::conflict,
                      "bank_file.pain002_duplicate_message",
                      "the bank rejected message " + report.original_message_id +
                          " as a duplicate (DUPL); the payments' status is unchanged");
          return;
        }
      }
    }
    std::vector<banking::sent_transaction> sent;
    std::map<std::string, nlohmann::json> amounts;
    for (const auto& t : generation->at("transactions")) {
      sent.push_back({t.at("payment_information_id").get<std::string>(),
                      t.at("instruction_id").get<std::string>(),
                      t.at("end_to_end_id").get<std::string>()});
      if (t.contains("amount")) amounts[t.at("end_to_end_id").get<std::string>()] = t["amount"];
    }
    const auto statuses = banking::resolve_transaction_statuses(
        report, report.original_message_id, sent, options);
    std::string conflicts;
    auto& states = state_["payment_states"];
    for (const auto& reported : statuses) {
      if (!reported.references || !reported.references->end_to_end_id) continue;
      const std::string e2e = *reported.references->end_to_end_id;
      std::optional<contract::payment_state> current;
      if (states.contains(e2e)) {
        current = contract::payment_state_from_string(states[e2e].get<std::string>());
      }
      const auto applied = banking::apply_payment_status(current, reported);
      if (applied.outcome == banking::status_outcome::applied) {
        nlohmann::json doc = applied.status;
        if (const auto it = amounts.find(e2e); it != amounts.end()) doc["amount"] = it->second;
        doc["external_refs"][source_system] = report.message_id;
        const std::uint64_t seq = status_count() + 1;
        write_json_atomically(config_.state_dir / "statuses" / sequence_name(seq), doc);
        state_["status_seq"] = seq;
        states[e2e] = std::string(contract::to_string(applied.status.status));
      } else if (applied.outcome == banking::status_outcome::conflict) {
        conflicts += (conflicts.empty() ? "" : "; ") + e2e + " is " +
                     std::string(contract::to_string(*current)) + ", the report says " +
                     reported.bank_status.value_or("?");
      }
    }
    if (!conflicts.empty()) {
      add_problem(problem_kind_status, name, bytes, error_class::conflict,
                  "bank_file.status_conflict",
                  "the report contradicts a final status: " + conflicts);
    }
  } catch (const error& e) {
    if (e.cls() != error_class::validation) throw;
    add_problem(problem_kind_status, name, bytes, e.cls(), e.code(), e.what());
  } catch (const std::exception& e) {
    // A reader fault on this input must not stop the folder on every later call.
    add_problem(problem_kind_status, name, bytes, error_class::internal,
                "bank_file.reader_failed", e.what());
  }
}

void inbound_intake::take_in_statements(const std::string& name, const std::string& bytes,
                                        call_context& ctx) {
  banking::line_format_options options;
  options.common.source_system = source_system;
  options.common.source_id = name;
  std::vector<banking::parsed_statement> parsed;
  try {
    parsed = banking::read_statement_file(bytes, options);
  } catch (const error& e) {
    if (e.cls() != error_class::validation) throw;
    add_problem(problem_kind_statement, name, bytes, e.cls(), e.code(), e.what());
    return;
  } catch (const std::exception& e) {
    // A reader fault on this input must not stop the folder on every later call.
    add_problem(problem_kind_statement, name, bytes, error_class::internal,
                "bank_file.reader_failed", e.what());
    return;
  }
  std::string conflicts;
  auto& known = state_["statements"];
  for (auto& s : parsed) {
    const std::string label = s.statement.statement_id.empty() ? "(no id)" : s.statement.statement_id;
    if (s.disposition == banking::statement_disposition::test) {
      ctx.log(log_level::info, "bank_iso20022: " + name + ": test statement " + label +
                                   " (BAI2 group status 4) is not delivered");
      continue;
    }
    if (s.disposition == banking::statement_disposition::needs_review) {
      conflicts += (conflicts.empty() ? "" : "; ") + std::string("statement ") + label +
                   " is a BAI2 deletion or correction (group status 2/3)";
      continue;
    }
    nlohmann::json doc = s.statement;
    const std::string hash = statement_content_hash(doc);
    if (known.contains(s.identity)) {
      const auto& earlier = known[s.identity];
      if (s.disposition == banking::statement_disposition::copy ||
          earlier.value("sha256", "") == hash) {
        ctx.log(log_level::info, "bank_iso20022: " + name + ": statement " + label +
                                     " was delivered before (" + earlier.value("file", "") +
                                     "); not again");
        continue;
      }
      conflicts += (conflicts.empty() ? "" : "; ") + std::string("statement ") + label +
                   " has the identity of the one delivered from " + earlier.value("file", "") +
                   " but other content";
      continue;
    }
    // A copy whose original never arrived is delivered once, as the only copy we have; its
    // identity is the original's, so the original arriving later is not delivered again.
    const std::uint64_t seq = statement_count() + 1;
    write_json_atomically(config_.state_dir / "statements" / sequence_name(seq), doc);
    state_["statement_seq"] = seq;
    known[s.identity] = {{"sha256", hash}, {"seq", seq}, {"file", name}};
  }
  if (!conflicts.empty()) {
    add_problem(problem_kind_statement, name, bytes, error_class::conflict,
                "bank_file.statement_conflict", conflicts);
  }
}

void inbound_intake::add_problem(std::string_view kind, const std::string& file,
                                 const std::string& bytes, error_class cls,
                                 const std::string& code, const std::string& message) {
  const fs::path folder = config_.state_dir / "quarantine";
  if (!bytes.empty()) write_atomically(folder / file, bytes);
  const nlohmann::json problem = {{"kind", kind},       {"file", file},
                                  {"class", to_string(cls)}, {"code", code},
                                  {"message", message}, {"raised", false}};
  write_json_atomically(folder / (file + ".error.json"), problem);
  state_["problems"].push_back(problem);
}

void inbound_intake::raise_new_problems(std::string_view kind) {
  std::vector<nlohmann::json*> fresh;
  for (auto& p : state_["problems"]) {
    if (p.value("kind", "") == kind && !p.value("raised", false)) fresh.push_back(&p);
  }
  if (fresh.empty()) return;
  const auto& first = *fresh.front();
  std::string message = std::to_string(fresh.size()) + " inbound file(s) need a person: ";
  std::vector<field_error> fields;
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    auto& p = *fresh[i];
    message += (i ? "; " : "") + p.value("file", "") + ": " + p.value("code", "") + " " +
               p.value("message", "");
    fields.push_back({"/inbound/" + p.value("file", ""), p.value("code", ""),
                      p.value("message", "")});
    p["raised"] = true;
  }
  save();
  throw error(error_class_from_string(first.value("class", "")).value_or(error_class::validation),
              first.value("code", ""), message)
      .with_fields(std::move(fields))
      .with_effect(effect::none);
}

bool inbound_intake::generation_rejected(const nlohmann::json& generation) const {
  const auto& states = state_["payment_states"];
  const auto& txs = generation.at("transactions");
  if (txs.empty()) return false;
  for (const auto& t : txs) {
    const auto e2e = t.value("end_to_end_id", "");
    if (!states.contains(e2e)) return false;
    const auto s = states[e2e].get<std::string>();
    if (s != "rejected" && s != "cancelled") return false;
  }
  return true;
}

}  // namespace erpc::bank_file
