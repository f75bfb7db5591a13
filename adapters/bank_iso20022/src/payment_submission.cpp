// SPDX-License-Identifier: Apache-2.0
// submit PaymentBatch: one pain.001 into the outbound folder, exactly once per key and
// generation (README "Submitting a batch", "Crash windows").
//
// Order of writes, each durable before the next:
//   1. the archive copy <state_dir>/sent/<MsgId>.xml, then the key record (placement "archived")
//   2. the temp file <outbound>/.<MsgId>.xml.tmp, then the record (placement "staged")
//   3. rename temp → <outbound>/<MsgId>.xml, fsync the folder, then the record ("placed")
// A retry with the same key finds the record and finishes what the crash left: "archived" →
// write the temp again (nothing was visible to the bank); "staged" with the temp still there →
// rename it; "staged" with no temp → the rename happened (the file is in place or the bank took
// it), so nothing is written again. The bank never gets two files for one MsgId from us.
#include "bank_file_connection.hpp"
#include "durable_file.hpp"
#include "inbound_intake.hpp"
#include "sent_archive.hpp"

#include <erpc/banking/pain001_writer.hpp>
#include <erpc/banking/payment_batch.hpp>
#include <erpc/banking/payment_identifiers.hpp>
#include <erpc/contract/common_types_json.hpp>
#include <erpc/host/fingerprint.hpp>

#include <chrono>
#include <ctime>
#include <system_error>

namespace erpc::bank_file {

namespace fs = std::filesystem;

namespace {

constexpr char refs_key[] = "bank_iso20022";

// The batch as the idempotency comparison sees it: without what the contract marks volatile or
// ignorable, and without what this adapter adds to its result — so sending the result back in
// counts as the same content.
nlohmann::json comparable_batch(nlohmann::json batch) {
  for (const char* field : {"notes", "created_at", "updated_at", "etag", "message_id"}) {
    batch.erase(field);
  }
  if (auto it = batch.find("external_refs"); it != batch.end() && it->is_object()) {
    it->erase(refs_key);
    if (it->empty()) batch.erase(it);
  }
  if (auto it = batch.find("payments"); it != batch.end() && it->is_array()) {
    for (auto& p : *it) {
      if (!p.is_object()) continue;
      for (const char* field : {"notes", "created_at", "updated_at", "etag", "references"}) {
        p.erase(field);
      }
    }
  }
  return batch;
}

// GrpHdr/CreDtTm in UTC (instants are UTC, STYLE), from the host's clock.
std::string creation_time(const call_context& ctx) {
  std::int64_t ms = ctx.now_unix_ms();
  if (ms <= 0) {
    ms = std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
             .count();
  }
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
  return buf;
}

// Finishes steps 2 and 3 for `generation` of `record` from wherever they stopped.
void place_in_outbound(const connection_config& config, const sent_archive& archive,
                       const std::string& tag, nlohmann::json& record, const std::string& generation) {
  auto& entry = record["generations"][generation];
  const std::string message_id = entry.at("message_id");
  const fs::path final_path = config.outbound_dir / (message_id + ".xml");
  const fs::path temp_path = config.outbound_dir / ("." + message_id + ".xml.tmp");
  try {
    if (entry.value("placement", "") == placement_archived) {
      const auto xml = read_whole_file(archive.file_of(message_id));
      if (!xml) {
        throw error(error_class::internal, "bank_file.state_corrupt",
                    "the archived file of " + message_id + " is missing from the state folder");
      }
      write_and_sync(temp_path, *xml);
      entry["placement"] = placement_staged;
      archive.save(tag, record);
    }
    if (entry.value("placement", "") == placement_staged) {
      std::error_code ec;
      if (fs::exists(temp_path, ec)) rename_and_sync(temp_path, final_path);
      entry["placement"] = placement_placed;
      archive.save(tag, record);
    }
  } catch (const error& e) {
    // The archive says the file is being placed; the same key again finishes the job.
    throw error(error_class::outcome_unknown, "bank_file.placement_incomplete",
                "pain.001 " + message_id + " is archived but its placement in the outbound "
                "folder did not finish (" + e.what() + "); submit the same key again")
        .with_effect(effect::possible);
  }
}

}  // namespace

result bank_file_connection::submit_batch(const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bank_file.idempotency_key_missing",
                "submit PaymentBatch needs an idempotency key: the pain.001 identifiers derive "
                "from it");
  }
  if (!req.payload.is_object()) {
    throw error(error_class::validation, "bank_file.payload_invalid",
                "submit PaymentBatch needs the canonical PaymentBatch as payload");
  }
  const batch_key key = split_generation(req.idempotency_key);
  const banking::payment_identifiers ids(key.base, key.generation);
  const std::string message_id = ids.message_id();
  const std::string tag = message_id.substr(0, message_id.find('-'));
  const std::string fingerprint = payload_fingerprint(comparable_batch(req.payload));
  const std::string generation = std::to_string(key.generation);

  std::lock_guard guard(mutex_);
  const state_lock lock(config_.state_dir);
  const sent_archive archive(config_.state_dir);
  nlohmann::json record = archive.record(tag).value_or(
      nlohmann::json{{"batch_key", key.base}, {"generations", nlohmann::json::object()}});
  if (record.value("batch_key", "") != key.base) {
    throw error(error_class::internal, "bank_file.key_tag_collision",
                "two batch keys share the identifier tag " + tag);
  }

  if (auto it = record["generations"].find(generation); it != record["generations"].end()) {
    if (it->value("fingerprint", "") != fingerprint) {
      throw error(error_class::idempotency_key_reuse, "bank_file.idempotency_key_reuse",
                  "idempotency key " + req.idempotency_key + " already wrote pain.001 " +
                      message_id + " with other content; a changed batch needs a new key")
          .with_effect(effect::none);
    }
    place_in_outbound(config_, archive, tag, record, generation);
    ctx.log(log_level::info, "bank_iso20022: replay of " + message_id);
    return {record["generations"][generation].at("result"), true};
  }

  if (key.generation > 1) {
    const auto previous = record["generations"].find(std::to_string(key.generation - 1));
    if (previous == record["generations"].end()) {
      throw error(error_class::validation, "bank_file.generation_out_of_order",
                  "idempotency key " + req.idempotency_key + " asks for generation " +
                      generation + ", but generation " + std::to_string(key.generation - 1) +
                      " of this batch was never written")
          .with_field("/idempotency_key", "bank_file.generation_out_of_order", "no earlier generation");
    }
    inbound_intake intake(config_);
    intake.take_in(ctx);  // a rejection may be waiting in the inbound folder
    if (!intake.generation_rejected(*previous)) {
      throw error(error_class::conflict, "bank_file.generation_not_rejected",
                  "generation " + std::to_string(key.generation - 1) + " of this batch (" +
                      previous->value("message_id", "") +
                      ") is not rejected in full by a pain.002 taken in; a new generation "
                      "could pay twice")
          .with_effect(effect::none);
    }
  }

  nlohmann::json payload = req.payload;
  if (config_.debtor && !payload.contains("debtor")) payload["debtor"] = *config_.debtor;
  if (config_.debtor_account && !payload.contains("debtor_account")) {
    payload["debtor_account"] = *config_.debtor_account;
  }
  const auto batch = banking::payment_batch_from_json(payload);
  banking::pain001_options options;
  options.version = config_.version;
  options.usage = config_.usage;
  options.idempotency_key = key.base;
  options.generation = key.generation;
  options.creation_date_time = creation_time(ctx);
  options.non_business_day = config_.non_business_day;
  const auto written = banking::write_pain001(batch, options);

  nlohmann::json result_doc = req.payload;
  result_doc["message_id"] = written.message_id;
  result_doc["external_refs"][refs_key] = written.message_id;
  // When the file was written (UTC): what a pain.002 time-out counts from (README "Not done").
  result_doc["created_at"] = options.creation_date_time + "Z";
  nlohmann::json transactions = nlohmann::json::array();
  for (const auto& t : written.transactions) {
    nlohmann::json refs = t.references;
    result_doc["payments"][t.payment_index]["references"] = refs;
    transactions.push_back({{"payment_index", t.payment_index},
                            {"payment_information_id", refs.value("payment_information_id", "")},
                            {"instruction_id", refs.value("instruction_id", "")},
                            {"end_to_end_id", refs.value("end_to_end_id", "")},
                            {"amount", payload["payments"][t.payment_index]["amount"]}});
  }

  write_atomically(archive.file_of(written.message_id), written.xml);
  record["generations"][generation] = {{"idempotency_key", req.idempotency_key},
                                       {"generation", key.generation},
                                       {"message_id", written.message_id},
                                       {"message_name", written.message_name},
                                       {"fingerprint", fingerprint},
                                       {"placement", placement_archived},
                                       {"created", options.creation_date_time},
                                       {"transactions", std::move(transactions)},
                                       {"result", result_doc}};
  archive.save(tag, record);
  place_in_outbound(config_, archive, tag, record, generation);
  ctx.log(log_level::info, "bank_iso20022: wrote " + written.message_id + " (" +
                               std::to_string(written.number_of_transactions) + " transactions)");
  return {std::move(result_doc), false};
}

}  // namespace erpc::bank_file
