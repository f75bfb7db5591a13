// SPDX-License-Identifier: Apache-2.0
#include "natural_key_create.hpp"

#include <erpc/adapters/natural_key_match.hpp>

namespace erpc::oracle_fusion {

nlohmann::json created_document(nlohmann::json payload, const std::string& vendor_id) {
  payload["id"] = vendor_id;
  payload["external_refs"]["oracle_fusion"] = vendor_id;
  return payload;
}

std::vector<nlohmann::json> find_by_natural_key(resource_api& api, const resource_mapping& mapping,
                                                const nlohmann::json& body, call_context& ctx) {
  // Two are enough to see ambiguity; a natural key should find at most one.
  return api.query(mapping.resource(), mapping.natural_query(body), mapping.child(), 2, 0, ctx).items;
}

std::vector<std::string> differing_fields(const resource_mapping& mapping,
                                          const nlohmann::json& body, const nlohmann::json& found) {
  return adapters::differing_fields(mapping.compared_fields(body), mapping.compared_fields(found));
}

namespace {

class create_run {
 public:
  create_run(resource_api& api, const resource_mapping& mapping, nlohmann::json body,
             const request& req, const create_options& options, call_context& ctx)
      : api_(api), mapping_(mapping), body_(std::move(body)), req_(req), options_(options),
        ctx_(ctx) {}

  result run() {
    const bool maybe_done = req_.attempt > 1 || req_.prior_outcome == "unknown" ||
                            options_.read_before_create;
    if (maybe_done) {
      if (auto found = read_back()) return *found;
    }
    const auto res = api_.post(mapping_.resource(), body_, ctx_);
    if (res.status == 200 || res.status == 201) {
      // The created item is the answer (§3.1); a body we cannot read leaves the outcome to a
      // later retry's read-back, never to a guess.
      const auto item = parse_item_body(res, call_kind::write);
      std::string id;
      try {
        id = vendor_id_of(mapping_, item);
      } catch (const error&) {
        throw malformed_response("the created item has no " + std::string(mapping_.id_attribute()),
                                 call_kind::write, res.status);
      }
      return {created_document(req_.payload, id), false};
    }
    const auto mapped = map_vendor_error(res, call_kind::write, api_.now_ms(ctx_),
                                         [this](std::string_view p) { return mapping_.pointer_for(p); });
    if (res.status >= 400 && res.status <= 499 &&
        (mapped.cls() == error_class::validation || mapped.cls() == error_class::conflict)) {
      // A duplicate's status and text are unconfirmed (vendors.md §3.3): any refusal is checked
      // against the natural key before it is reported.
      if (auto found = read_back()) return *found;
    }
    throw mapped;
  }

 private:
  std::optional<result> read_back() {
    const auto found = find_by_natural_key(api_, mapping_, body_, ctx_);
    const auto id = adapters::match_natural_key(
        found, [this](const nlohmann::json& record) { return differing_fields(mapping_, body_, record); },
        [this](const nlohmann::json& record) { return vendor_id_of(mapping_, record); },
        {"oracle_fusion", mapping_.natural_key(body_),
         "an Oracle Fusion " + std::string(mapping_.resource())});
    if (!id) return std::nullopt;
    ctx_.log(log_level::info, "replayed Oracle Fusion " + std::string(mapping_.resource()) + " " +
                                  *id + " found by its natural key");
    return result{created_document(req_.payload, *id), true};
  }

  resource_api& api_;
  const resource_mapping& mapping_;
  nlohmann::json body_;
  const request& req_;
  const create_options& options_;
  call_context& ctx_;
};

}  // namespace

result create_with_natural_key(resource_api& api, const resource_mapping& mapping,
                               nlohmann::json body, const request& req,
                               const create_options& options, call_context& ctx) {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "oracle_fusion.idempotency_key_required",
                "a create needs an idempotency key");
  }
  return create_run(api, mapping, std::move(body), req, options, ctx).run();
}

}  // namespace erpc::oracle_fusion
