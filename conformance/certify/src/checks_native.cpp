// SPDX-License-Identifier: Apache-2.0
// The native level (ARCHITECTURE §6 R5b, §8 late delivery): no host ledger, a fresh connection
// for every step, so the adapter has nothing but the vendor's natural key to go by.
#include "session.hpp"

#include <chrono>
#include <thread>

namespace erpc::certify {
namespace {

using nlohmann::json;

verdict r5b_replay(session& s) {
  const auto& object = s.subject_object();
  const auto mark = s.mark();
  const std::string key = s.key("n1");
  const json payload = s.subject_payload();
  auto a = s.open_connection();
  const auto first = s.call(*a, {"create", object.name, key, payload});
  auto b = s.open_connection();
  const auto again = s.call(*b, {"create", object.name, key, payload});
  const auto effects = s.effects_since(mark, {key});
  std::string evidence = "create -> " + first.describe() + "; same key+payload on a fresh connection, no ledger -> " +
                         again.describe() + "; vendor " + effects.describe();
  if (!first.ok) return verdict::fail(evidence + "; the first create failed");
  if (!again.ok || !again.replayed()) return verdict::fail(evidence + "; expected ok, replayed");
  if (again.id() != first.id()) return verdict::fail(evidence + "; the replay names another record");
  if (effects.created != 1 || effects.updated != 0) return verdict::fail(evidence + "; expected exactly one record, no update");
  return verdict::pass(evidence);
}

verdict r5b_reuse(session& s) {
  const auto& object = s.subject_object();
  const std::string key = s.key("n2");
  const json payload = s.subject_payload();
  auto a = s.open_connection();
  const auto first = s.call(*a, {"create", object.name, key, payload});
  if (!first.ok) return verdict::fail("the first create failed: " + first.describe());
  const auto mark = s.mark();
  const json other = changed(s.subject(), payload);
  auto b = s.open_connection();
  const auto reused = s.call(*b, {"create", object.name, key, other});
  auto c = s.open_connection();
  call_request retry{"create", object.name, key, other};
  retry.attempt = 2;
  retry.prior_unknown = true;
  const auto reused_retry = s.call(*c, retry);
  const auto effects = s.effects_since(mark, {key});
  std::string evidence = "same key, changed compared field, no ledger -> " + reused.describe() +
                         "; as a retry (attempt 2, prior unknown) -> " + reused_retry.describe() + "; writes since: " +
                         effects.describe();
  if (!reused.is(error_class::idempotency_key_reuse) || !reused_retry.is(error_class::idempotency_key_reuse)) {
    return verdict::fail(evidence + "; expected IDEMPOTENCY_KEY_REUSE both times");
  }
  if (effects.created != 0 || effects.updated != 0) return verdict::fail(evidence + "; expected zero writes");
  return verdict::pass(evidence);
}

verdict r5b_lost_reply(session& s) {
  const auto& object = s.subject_object();
  s.rig().load_rules(json::array({proxy_rule("R5b.lost_reply", object.create_request,
                                             {{"type", "drop_reply"}, {"client_sees", "reset"}})}));
  const auto mark = s.mark();
  const std::string key = s.key("n3");
  const json payload = s.subject_payload();
  auto a = s.open_connection();
  const auto lost = s.call(*a, {"create", object.name, key, payload});
  s.rig().clear_faults();
  auto b = s.open_connection();
  call_request retry{"create", object.name, key, payload};
  retry.attempt = 2;
  retry.prior_unknown = true;
  const auto again = s.call(*b, retry);
  const auto effects = s.effects_since(mark, {key});
  std::string evidence = "reply lost after the commit -> " + lost.describe() +
                         "; retry (attempt 2, prior unknown) on a fresh connection, no ledger -> " + again.describe() +
                         "; vendor " + effects.describe();
  if (lost.ok) return verdict::fail(evidence + "; the lost reply was reported ok");
  if (!again.ok || !again.replayed()) return verdict::fail(evidence + "; expected ok, replayed");
  if (effects.created != 1 || effects.updated != 0) return verdict::fail(evidence + "; expected exactly one record");
  if (!effects.vendor_ids.empty() && again.id() != effects.vendor_ids.front()) {
    return verdict::fail(evidence + "; not the committed record's id");
  }
  return verdict::pass(evidence);
}

verdict late_delivery(session& s) {
  const auto& object = s.subject_object();
  // Phase 1: the first create is held (reads pass: an adapter may read before it posts).
  // The read-back rule exists only so that the held request can name it; it never matches.
  const json readback_never = {{"id", "readback"},
                               {"match", {{"method", object.read_request.method},
                                          {"path", object.read_request.path},
                                          {"header", {{"name", "X-Erpc-Certify-Never"}}}}},
                               {"fault", {{"type", "pass"}}}};
  s.rig().load_rules(json::array(
      {proxy_rule("hold-first-create", object.create_request,
                  {{"type", "late_delivery"}, {"client_sees", "reset"}, {"release_after", "readback"}}),
       readback_never}));
  const auto mark = s.mark();
  const std::string key = s.key("n4");
  const json payload = s.subject_payload();
  auto a = s.open_connection();
  const auto held = s.call(*a, {"create", object.name, key, payload});
  // Phase 2: the retry's first read-back releases the held create, which lands before the
  // adapter acts on the read-back's (empty) answer.
  s.rig().replace_rules(json::array({proxy_rule("readback", object.read_request, {{"type", "pass"}})}));
  auto b = s.open_connection();
  call_request retry{"create", object.name, key, payload};
  retry.attempt = 2;
  retry.prior_unknown = true;
  const auto again = s.call(*b, retry);
  bool released_during_retry = false;
  for (const auto& e : s.rig().log()) released_during_retry = released_during_retry || e.outcome == "released";
  // Whatever is still held lands now; then the count is final.
  s.rig().proxy().release();
  const auto log = s.rig().log();
  s.rig().clear_faults();
  const auto effects = s.effects_since(mark, {key});
  std::string evidence = "first create held -> " + held.describe() + "; retry (attempt 2, prior unknown, no ledger) -> " +
                         again.describe() + (released_during_retry ? "; the held create landed after the retry's read-back"
                                                                   : "; the held create was released after the retry") +
                         "; vendor " + effects.describe();
  if (held.ok) return verdict::fail(evidence + "; a held request was reported ok");
  if (!again.ok) return verdict::fail(evidence + "; expected the retry to end ok");
  if (effects.created != 1 || effects.updated != 0) return verdict::fail(evidence + "; expected one record, no update");
  if (!effects.vendor_ids.empty() && again.id() != effects.vendor_ids.front()) {
    return verdict::fail(evidence + "; the retry names another record than the one that exists");
  }
  return verdict::pass(evidence);
}

}  // namespace

check_function native_check(std::string_view id) {
  if (id == "R5b.replay") return r5b_replay;
  if (id == "R5b.reuse") return r5b_reuse;
  if (id == "R5b.lost_reply") return r5b_lost_reply;
  if (id == "native.late_delivery") return late_delivery;
  throw error(error_class::internal, "certify.unknown_check", "no native check " + std::string(id));
}

}  // namespace erpc::certify
