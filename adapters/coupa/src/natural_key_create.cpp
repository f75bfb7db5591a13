// SPDX-License-Identifier: Apache-2.0
#include "natural_key_create.hpp"

#include <erpc/adapters/natural_key_match.hpp>

namespace erpc::coupa {

nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id) {
  payload["id"] = vendor_id;
  payload["external_refs"]["coupa"] = vendor_id;
  return payload;
}

std::vector<std::string> differing_fields(const resource_mapping& mapping, const nlohmann::json& body,
                                          const nlohmann::json& found) {
  return adapters::differing_fields(mapping.compared_fields(body), mapping.compared_fields(found));
}

namespace {

class create_run {
 public:
  create_run(coupa_client& client, const resource_mapping& mapping, nlohmann::json body, const request& req,
             call_context& ctx)
      : client_(client), mapping_(mapping), body_(std::move(body)), req_(req), ctx_(ctx) {}

  result run() {
    const bool maybe_done =
        req_.attempt > 1 || req_.prior_outcome == "unknown" || client_.config().read_before_create;
    if (maybe_done) {
      if (auto found = read_back()) return *found;
    }
    const auto res = client_.post(mapping_.resource(), body_, ctx_);
    if (res.status == 200 || res.status == 201) {
      // A body we cannot read leaves the outcome to a later retry's read-back, never to a guess.
      const auto record = parse_record(res, call_kind::write);
      std::string id;
      try {
        id = vendor_id_of(record);
      } catch (const error&) {
        throw malformed_response("the created record has no id", call_kind::write, res.status);
      }
      return {created_document(req_.payload, id), false};
    }
    const auto mapped = map_vendor_error(res, call_kind::write, client_.now_ms(ctx_),
                                         [this](std::string_view f) { return mapping_.pointer_for(f); });
    if (res.status >= 400 && res.status <= 499 &&
        (mapped.cls() == error_class::validation || mapped.cls() == error_class::conflict)) {
      // A duplicate's status and body are unconfirmed (vendors.md §10.1): any refusal is checked
      // against the natural key before it is reported.
      if (auto found = read_back()) return *found;
    }
    throw mapped;
  }

 private:
  std::optional<result> read_back() {
    // Two are enough to see ambiguity; a natural key should find at most one.
    const auto found = client_.query(mapping_.resource(), mapping_.natural_query(body_), 2, 0, ctx_);
    const auto id = adapters::match_natural_key(
        found, [this](const nlohmann::json& record) { return differing_fields(mapping_, body_, record); },
        [](const nlohmann::json& record) { return vendor_id_of(record); },
        {"coupa", mapping_.natural_key(body_), "a Coupa " + std::string(mapping_.resource())});
    if (!id) return std::nullopt;
    ctx_.log(log_level::info, "replayed Coupa " + std::string(mapping_.resource()) + " " + *id +
                                  " found by its natural key");
    return result{created_document(req_.payload, *id), true};
  }

  coupa_client& client_;
  const resource_mapping& mapping_;
  nlohmann::json body_;
  const request& req_;
  call_context& ctx_;
};

}  // namespace

result create_with_natural_key(coupa_client& client, const resource_mapping& mapping, nlohmann::json body,
                               const request& req, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "coupa.idempotency_key_required", "a create needs an idempotency key");
  }
  return create_run(client, mapping, std::move(body), req, ctx).run();
}

}  // namespace erpc::coupa
