// SPDX-License-Identifier: Apache-2.0
#include "journal_create.hpp"

#include "line_writer.hpp"
#include "mapping_support.hpp"

namespace erpc::fo {

namespace {

lines_target journal_lines(const std::string& batch) {
  return {"LedgerJournalLines", "JournalBatchNumber", batch, &journal_line_compared, "ledger journal"};
}

}  // namespace

std::optional<nlohmann::json> journal_create::get(const std::string& batch, call_context& ctx) const {
  auto header = client_.get_entity("LedgerJournalHeaders", {{"JournalBatchNumber", batch}}, ctx);
  if (!header) return std::nullopt;
  return journal_from_vendor(*header, read_lines(client_, journal_lines(batch), ctx), client_.config());
}

std::string journal_create::batch_of_key(const std::string& key, call_context& ctx) const {
  const auto found = client_.query("LedgerJournalHeaders",
                                   "Description eq " + odata_literal(journal_reference(key)), ctx);
  if (found.size() > 1) {
    ctx.log(log_level::warn, std::to_string(found.size()) + " F&O journals carry the reference of one key "
                                 "(a late-delivered create); the first is the answer, delete the others");
  }
  return found.empty() ? std::string() : mapping::string_member(found.front(), "JournalBatchNumber");
}

result journal_create::create(const request& req, call_context& ctx) const {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "fo.idempotency_key_required", "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto reference = journal_reference(req.idempotency_key);
  const auto journal = journal_to_vendor(req.payload, client_.config(), reference);
  auto done = [&](const std::string& batch, bool replayed) {
    auto doc = mapping::created_document(req.payload, batch);
    doc["document_number"] = batch;
    return result{std::move(doc), replayed};
  };
  if (const auto batch = batch_of_key(req.idempotency_key, ctx); !batch.empty()) {
    const bool complete = complete_lines(client_, journal_lines(batch), journal.lines, ctx);
    ctx.log(log_level::info, "replayed F&O journal " + batch + (complete ? "" : " (its missing lines written now)") +
                                 " found by the key's reference " + reference);
    return done(batch, true);
  }
  const auto created = post_row(client_, "LedgerJournalHeaders", journal.header, ctx);
  if (!created) {
    throw error(error_class::outcome_unknown, "fo.journal_header_exists",
                "F&O refused a new journal header as already existing (its batch number comes from a number sequence)")
        .with_effect(effect::possible);
  }
  const auto batch = mapping::string_member(*created, "JournalBatchNumber");
  if (batch.empty()) throw malformed_response("its created journal has no JournalBatchNumber", call_kind::write, 201);
  try {
    (void)complete_lines(client_, journal_lines(batch), journal.lines, ctx);
  } catch (error& e) {
    // The header is in F&O: this call had an effect; a retry with the same key completes it.
    if (e.effect() == effect::none) {
      e.with_effect(effect::committed);
      ctx.log(log_level::warn, "F&O journal " + batch + " was created but a line was refused (" + e.code() +
                                   "); a retry with the same key completes it");
    }
    throw;
  }
  return done(batch, false);
}

}  // namespace erpc::fo
