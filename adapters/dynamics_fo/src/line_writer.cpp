// SPDX-License-Identifier: Apache-2.0
#include "line_writer.hpp"

#include "mapping_support.hpp"

#include <map>
#include <set>

namespace erpc::fo {

std::optional<nlohmann::json> post_row(fo_client& client, std::string_view entity_set,
                                       const nlohmann::json& body, call_context& ctx) {
  const auto res = client.send("POST", client.set_url(entity_set), call_kind::write, ctx, &body);
  if (res.status == 201 || res.status == 200) {
    auto row = body_of(res, call_kind::write);
    if (!row.is_object()) throw malformed_response("its created row is not a JSON object", call_kind::write, res.status);
    return row;
  }
  auto mapped = map_odata_error(res, call_kind::write, client.now_ms(ctx));
  if (mapped.code() == "fo.record_exists") return std::nullopt;
  throw mapped;
}

std::vector<nlohmann::json> read_lines(fo_client& client, const lines_target& target, call_context& ctx) {
  return client.query(target.entity_set, target.parent_field + " eq " + odata_literal(target.parent_value), ctx);
}

bool complete_lines(fo_client& client, const lines_target& target, const nlohmann::json& wanted,
                    call_context& ctx) {
  auto reuse = [&](const std::string& why) {
    return error(error_class::idempotency_key_reuse, "fo.key_reuse",
                 "F&O already holds " + target.what + " " + target.parent_value + " for this key with " + why +
                     " (the same key with another payload)")
        .with_effect(effect::none)
        .with_field("/lines", "fo.key_reuse", "differs from the lines F&O holds");
  };
  std::map<std::string, nlohmann::json> held;
  for (const auto& l : read_lines(client, target, ctx)) {
    held[mapping::decimal_member(l, "LineNumber").normalized().to_string()] = l;
  }
  bool all_there = true;
  std::set<std::string> numbers;
  for (auto line : wanted) {
    line[target.parent_field] = target.parent_value;
    const auto number = mapping::decimal_member(line, "LineNumber").normalized().to_string();
    numbers.insert(number);
    auto it = held.find(number);
    if (it == held.end()) {
      all_there = false;
      if (post_row(client, target.entity_set, line, ctx)) continue;
      // Written meanwhile by another attempt: compare what is there.
      for (const auto& l : read_lines(client, target, ctx)) {
        if (mapping::decimal_member(l, "LineNumber").normalized().to_string() == number) it = held.insert_or_assign(number, l).first;
      }
      if (it == held.end()) {
        throw error(error_class::outcome_unknown, "fo.line_unresolved",
                    "F&O said line " + number + " of " + target.what + " " + target.parent_value +
                        " exists but it cannot be read back")
            .with_effect(effect::possible);
      }
    }
    if (target.compared(it->second) != target.compared(line)) {
      throw reuse("another line " + number + " (" +
                  mapping::differing(target.compared(line), target.compared(it->second)) + ")");
    }
  }
  for (const auto& [number, line] : held) {
    if (!numbers.count(number)) throw reuse("a line " + number + " the payload does not have");
  }
  return all_there;
}

}  // namespace erpc::fo
