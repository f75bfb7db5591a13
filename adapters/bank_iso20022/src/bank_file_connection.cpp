// SPDX-License-Identifier: Apache-2.0
#include "bank_file_connection.hpp"

#include "durable_file.hpp"
#include "inbound_intake.hpp"
#include "sent_archive.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace erpc::bank_file {

namespace {

constexpr std::int64_t default_page = 100;
constexpr std::int64_t max_page = 1000;

struct page_request {
  std::uint64_t after = 0;  // items with a sequence number above this
  std::int64_t limit = default_page;
};

// Cursors are "<prefix>:<n>": the sequence number of the last item the caller has.
page_request read_page_request(const request& req, std::string_view prefix,
                               std::uint64_t available) {
  page_request page;
  if (!req.query.is_object()) return page;
  for (const char* unsupported : {"id", "vendor_id", "natural_key", "changed_since"}) {
    if (req.query.contains(unsupported)) {
      throw error(error_class::unsupported, "bank_file.query_unsupported",
                  std::string("list ") + req.object + " does not offer the filter " + unsupported)
          .with_field(std::string("/query/") + unsupported, "bank_file.query_unsupported",
                      "not offered");
    }
  }
  if (const auto it = req.query.find("limit"); it != req.query.end()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
      throw error(error_class::validation, "bank_file.limit_invalid", "limit must be 1..1000")
          .with_field("/query/limit", "bank_file.limit_invalid", "must be 1..1000");
    }
    page.limit = std::min(it->get<std::int64_t>(), max_page);
  }
  if (const auto it = req.query.find("cursor"); it != req.query.end()) {
    const std::string c = it->is_string() ? it->get<std::string>() : "";
    const std::string head = std::string(prefix) + ":";
    bool ok = c.size() > head.size() && c.compare(0, head.size(), head) == 0 &&
              c.size() - head.size() <= 19;
    for (std::size_t i = head.size(); ok && i < c.size(); ++i) {
      ok = c[i] >= '0' && c[i] <= '9';
    }
    if (ok) page.after = std::stoull(c.substr(head.size()));
    if (!ok || page.after > available) {
      throw error(error_class::validation, "bank_file.cursor_invalid",
                  "the cursor is not one this connection gave for " + req.object)
          .with_field("/query/cursor", "bank_file.cursor_invalid",
                      ok ? "beyond what was taken in" : "malformed");
    }
  }
  return page;
}

std::string sequence_name(std::uint64_t seq) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%010llu.json", static_cast<unsigned long long>(seq));
  return buf;
}

// Items after page.after from a <state_dir>/<folder>/<seq>.json log, and the next cursor.
result read_log_page(const connection_config& config, const char* folder, std::string_view prefix,
                     const page_request& page, std::uint64_t available) {
  nlohmann::json items = nlohmann::json::array();
  std::uint64_t last = page.after;
  while (last < available && static_cast<std::int64_t>(items.size()) < page.limit) {
    ++last;
    auto doc = read_json_file(config.state_dir / folder / sequence_name(last));
    if (!doc) {
      throw error(error_class::internal, "bank_file.state_corrupt",
                  std::string("record ") + std::to_string(last) + " of " + folder +
                      " is missing from the state folder");
    }
    items.push_back(std::move(*doc));
  }
  return {{{"items", std::move(items)},
           {"next_cursor", std::string(prefix) + ":" + std::to_string(last)}},
          false};
}

}  // namespace

result bank_file_connection::execute(const request& req, call_context& ctx) {
  if (req.op == "submit" && req.object == "PaymentBatch") return submit_batch(req, ctx);
  if (req.op == "status" && req.object == "PaymentBatch") return batch_status(req, ctx);
  if (req.op == "list" && req.object == "PaymentStatus") return list_payment_statuses(req, ctx);
  if (req.op == "list" && req.object == "BankStatement") return list_statements(req, ctx);
  throw error(error_class::unsupported, "bank_file.operation_unsupported",
              "the bank file adapter offers submit and status PaymentBatch, list PaymentStatus "
              "and list BankStatement, not " + req.op + " " + req.object);
}

// The newest status taken in for one sent message (any level: a report may answer for the
// whole group or per transaction). Reading takes new inbound files in, as list does, but raises
// no problem: problems stay for the list call that acts on statuses. The status log is read
// newest first, so the answer is the latest report's word.
result bank_file_connection::batch_status(const request& req, call_context& ctx) {
  const nlohmann::json* natural_key = nullptr;
  if (req.query.is_object() && req.query.size() == 1 && req.query.contains("natural_key")) {
    natural_key = &req.query["natural_key"];
  }
  if (natural_key == nullptr || !natural_key->is_object() || natural_key->size() != 1 ||
      !natural_key->contains("message_id") || !(*natural_key)["message_id"].is_string()) {
    throw error(error_class::validation, "bank_file.status_query_invalid",
                "status PaymentBatch needs exactly {\"natural_key\": {\"message_id\": …}}")
        .with_field("/query/natural_key/message_id", "bank_file.status_query_invalid",
                    "required, and the only filter");
  }
  const std::string message_id = (*natural_key)["message_id"].get<std::string>();
  std::lock_guard guard(mutex_);
  const state_lock lock(config_.state_dir);
  const sent_archive archive(config_.state_dir);
  const auto tag = sent_archive::tag_of_message(message_id);
  const auto record = tag ? archive.record(*tag) : std::nullopt;
  if (!record || sent_archive::generation_of_message(*record, message_id) == nullptr) {
    throw error(error_class::not_found, "bank_file.message_unknown",
                "no pain.001 with MsgId " + message_id + " was sent through this connection")
        .with_effect(effect::none);
  }
  inbound_intake intake(config_);
  intake.take_in(ctx);
  for (std::uint64_t seq = intake.status_count(); seq > 0; --seq) {
    auto doc = read_json_file(config_.state_dir / "statuses" / sequence_name(seq));
    if (!doc) {
      throw error(error_class::internal, "bank_file.state_corrupt",
                  "record " + std::to_string(seq) + " of statuses is missing from the state folder");
    }
    const auto refs = doc->find("references");
    if (refs != doc->end() && refs->is_object() && refs->value("message_id", "") == message_id) {
      return {std::move(*doc), false};
    }
  }
  // Not an error of the request: the bank has not answered yet. Retryable, so a replayed
  // status watch is asked again by the connection's retry policy and queued when it runs out.
  throw error(error_class::in_progress, "bank_file.status_not_received",
              "no pain.002 for MsgId " + message_id + " has arrived in the inbound folder yet")
      .with_effect(effect::none)
      .with_retry_after_ms(60'000);
}

result bank_file_connection::list_payment_statuses(const request& req, call_context& ctx) {
  std::lock_guard guard(mutex_);
  const state_lock lock(config_.state_dir);
  inbound_intake intake(config_);
  (void)read_page_request(req, "pst", intake.status_count());  // a bad query takes nothing in
  intake.take_in(ctx);
  intake.raise_new_problems(problem_kind_status);
  const auto page = read_page_request(req, "pst", intake.status_count());
  return read_log_page(config_, "statuses", "pst", page, intake.status_count());
}

result bank_file_connection::list_statements(const request& req, call_context& ctx) {
  std::lock_guard guard(mutex_);
  const state_lock lock(config_.state_dir);
  inbound_intake intake(config_);
  (void)read_page_request(req, "stm", intake.statement_count());
  intake.take_in(ctx);
  intake.raise_new_problems(problem_kind_statement);
  const auto page = read_page_request(req, "stm", intake.statement_count());
  return read_log_page(config_, "statements", "stm", page, intake.statement_count());
}

}  // namespace erpc::bank_file
