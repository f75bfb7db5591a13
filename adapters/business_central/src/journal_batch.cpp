// SPDX-License-Identifier: Apache-2.0
#include "journal_batch.hpp"

#include "mapping_support.hpp"
#include "purchase_document_create.hpp"

#include <erpc/adapters/key_digest.hpp>

namespace erpc::bc {

using namespace mapping;

namespace {

error key_reuse(const journal_batch_kind& kind, const std::string& what) {
  return error(error_class::idempotency_key_reuse, "bc.key_reuse",
               std::string("the ") + kind.what + " this key made differs: " + what)
      .with_effect(effect::none);
}

}  // namespace

journal_keys keys_for(std::string_view key, char batch_prefix) {
  const std::string b32 = adapters::sha256_base32(key, 16);
  const std::string document_prefix = batch_prefix == 'E' ? "ERPC" : std::string("ERP") + batch_prefix;
  return {std::string(1, batch_prefix) + b32.substr(0, 9), document_prefix + b32.substr(0, 16)};
}

nlohmann::json ledger_entries(bc_client& client, const std::string& document_number, call_context& ctx) {
  auto url = client.company_url("/generalLedgerEntries",
                                url_query({{"$filter", "documentNumber eq " + odata_literal(document_number)}}));
  nlohmann::json out = nlohmann::json::array();
  for (int pages = 0; !url.empty() && pages < 100; ++pages) {
    const auto page = client.get_json(url, ctx);
    const auto value = page.find("value");
    if (value == page.end() || !value->is_array()) {
      throw malformed_response("its collection has no value array", call_kind::read, 200);
    }
    for (const auto& e : *value) out.push_back(e);
    url = string_member(page, "@odata.nextLink");
  }
  return out;
}

bool post_batch_once(bc_client& client, call_context& ctx, const journal_batch_kind& kind,
                     const journal_keys& keys, const nlohmann::json& batch_body,
                     const nlohmann::json& lines) {
  // 1. Posted already?
  if (const auto entries = ledger_entries(client, keys.document_number, ctx); !entries.empty()) {
    if (!kind.ledger_equal(entries)) throw key_reuse(kind, "its G/L entries have other accounts, amounts or dates");
    return true;
  }
  // 2. The batch of this key (an earlier attempt may have made it, and some lines).
  auto find_batch = [&]() -> std::string {
    const auto page = client.get_json(
        client.company_url(kind.journals_path, url_query({{"$filter", "code eq " + odata_literal(keys.batch_code)}})),
        ctx);
    const auto value = page.find("value");
    if (value == page.end() || !value->is_array() || value->empty()) return {};
    return string_member(value->front(), "id");
  };
  auto batch = find_batch();
  bool resumed = !batch.empty();
  if (batch.empty()) {
    const auto res = client.send("POST", client.company_url(kind.journals_path), call_kind::write, ctx, &batch_body);
    if (res.status == 201 || res.status == 200) {
      batch = string_member(body_of(res, call_kind::write), "id");
    } else {
      auto mapped = map_odata_error(res, call_kind::write, client.now_ms(ctx));
      if (mapped.code() != "bc.same_key_exists") throw mapped;
      batch = find_batch();  // made concurrently by a late-delivered attempt
      resumed = true;
    }
    if (batch.empty()) throw malformed_response("its journal has no id", call_kind::write, res.status);
  }
  auto existing_lines = [&] {
    const auto page = client.get_json(kind.lines_url(batch), ctx);
    const auto value = page.find("value");
    return value != page.end() && value->is_array() ? *value : nlohmann::json::array();
  };
  auto present = resumed ? existing_lines() : nlohmann::json::array();
  auto line_of = [&](const nlohmann::json& have, std::int64_t number) -> const nlohmann::json* {
    for (const auto& l : have) {
      if (l.value("lineNumber", std::int64_t{0}) == number) return &l;
    }
    return nullptr;
  };
  auto check_present = [&](const nlohmann::json& have) {
    for (const auto& l : have) {
      const nlohmann::json* mine = line_of(lines, l.value("lineNumber", std::int64_t{0}));
      if (!mine || kind.line_signature(*mine) != kind.line_signature(l)) {
        throw key_reuse(kind, "its unposted batch " + keys.batch_code + " holds other lines");
      }
    }
  };
  check_present(present);
  // 3. The missing lines.
  for (const auto& l : lines) {
    if (line_of(present, l["lineNumber"].get<std::int64_t>())) continue;
    const auto body = kind.line_body(l, batch);
    const auto res = client.send("POST", kind.line_post_url(batch), call_kind::write, ctx, &body);
    if (res.status == 201 || res.status == 200) continue;
    auto mapped = map_odata_error(res, call_kind::write, client.now_ms(ctx));
    if (mapped.code() != "bc.same_key_exists") throw mapped;
    present = existing_lines();  // a late-delivered attempt added it
    check_present(present);
  }
  // 4. Post the batch: only this key's lines are in it.
  const nlohmann::json empty = nlohmann::json::object();
  http_response res;
  try {
    res = client.send("POST", client.company_url(std::string(kind.journals_path) + "(" + batch + ")/Microsoft.NAV.post"),
                      call_kind::write, ctx, &empty);
  } catch (const error& e) {
    if (e.cls() != error_class::outcome_unknown) throw;
    // The post may have happened: the G/L entries decide; if they cannot be read, the outcome
    // stays unknown.
    bool posted = false;
    try {
      posted = !ledger_entries(client, keys.document_number, ctx).empty();
    } catch (const error&) {
    }
    if (posted) return resumed;
    throw;
  }
  if (res.status == 204 || res.status == 200) return resumed;
  auto mapped = map_odata_error(res, call_kind::write, client.now_ms(ctx));
  if (const auto entries = ledger_entries(client, keys.document_number, ctx); !entries.empty()) {
    if (!kind.ledger_equal(entries)) throw key_reuse(kind, "its G/L entries have other accounts, amounts or dates");
    return true;  // posted by a concurrent or late-delivered attempt
  }
  throw mapped;
}

}  // namespace erpc::bc
