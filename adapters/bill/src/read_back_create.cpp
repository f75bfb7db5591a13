// SPDX-License-Identifier: Apache-2.0
#include "read_back_create.hpp"

#include "key_memo.hpp"
#include "mapping_support.hpp"

namespace erpc::bill {

nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id) {
  payload["id"] = vendor_id;
  payload["external_refs"]["bill"] = vendor_id;
  return payload;
}

std::vector<std::string> differing_fields(const record_mapping& mapping, const nlohmann::json& body,
                                          const nlohmann::json& found) {
  const auto expected = mapping.compared_fields(body);
  const auto actual = mapping.compared_fields(found);
  std::vector<std::string> out;
  for (const auto& [name, value] : expected.items()) {
    if (actual.value(name, nlohmann::json()) != value) out.push_back(name);
  }
  return out;
}

namespace {

class create_run {
 public:
  create_run(bill_api& api, const record_mapping& mapping, const nlohmann::json& body,
             const request& req, call_context& ctx)
      : api_(api), mapping_(mapping), body_(body), req_(req), ctx_(ctx) {}

  result run() {
    if (auto found = read_back()) return *found;
    const auto res = api_.post(std::string(mapping_.resource()), body_, ctx_);
    if (res.status == 200 || res.status == 201) {
      // A created record we cannot read leaves the outcome to a retry's read-back, never to a
      // guess: INTERNAL with effect possible.
      const auto record = parse_record(res, call_kind::write);
      const auto id = mapping::text_of(record, "id");
      if (id.empty()) throw malformed_response("the created record has no id", call_kind::write, res.status);
      return {created_document(req_.payload, id), false};
    }
    const auto mapped = map_vendor_error(res, call_kind::write, api_.now_ms(ctx_),
                                         [this](std::string_view f) { return mapping_.pointer_for(f); });
    if (mapped.cls() == error_class::validation || mapped.cls() == error_class::conflict) {
      // A duplicate setting (unconfirmed, §10.2) or a concurrent create of the same record:
      // the refusal is checked against the natural key before it is reported.
      if (auto found = read_back()) return *found;
    }
    throw mapped;
  }

 private:
  std::optional<result> read_back() {
    const auto found = api_.list_all(std::string(mapping_.resource()),
                                     mapping_.natural_filters(body_, api_.client().config()), ctx_);
    std::vector<std::string> first_difference;
    bool carries_key = false;
    for (const auto& record : found) {
      const bool ours = key_in_memo(mapping::text_of(record, "description")) == req_.idempotency_key;
      if (mapping_.bound_to_key() && !ours) continue;
      const auto diff = differing_fields(mapping_, body_, record);
      const auto id = mapping::text_of(record, "id");
      if (diff.empty()) {
        ctx_.log(log_level::info, "replayed BILL " + std::string(mapping_.resource()) + " " + id +
                                      " found by its natural key");
        return result{created_document(req_.payload, id), true};
      }
      if (first_difference.empty() || (ours && !carries_key)) first_difference = diff;
      carries_key = carries_key || ours;
    }
    if (first_difference.empty()) return std::nullopt;
    std::string fields;
    for (const auto& f : first_difference) fields += (fields.empty() ? "" : ", ") + f;
    if (carries_key || mapping_.bound_to_key()) {
      throw error(error_class::idempotency_key_reuse, "bill.key_reuse",
                  "the idempotency key already made a BILL " + std::string(mapping_.resource()) +
                      " record that differs in " + fields)
          .with_effect(effect::none);
    }
    throw error(error_class::conflict, "bill.natural_key_taken",
                "another BILL " + std::string(mapping_.resource()) +
                    " record already holds this natural key and differs in " + fields)
        .with_effect(effect::none);
  }

  bill_api& api_;
  const record_mapping& mapping_;
  const nlohmann::json& body_;
  const request& req_;
  call_context& ctx_;
};

}  // namespace

result create_with_read_back(bill_api& api, const record_mapping& mapping, const nlohmann::json& body,
                             const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bill.idempotency_key_required", "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  return create_run(api, mapping, body, req, ctx).run();
}

}  // namespace erpc::bill
