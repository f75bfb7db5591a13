// SPDX-License-Identifier: Apache-2.0
// concurrency.thread_safety: N calls at once on one connection, each with its own key, all
// end ok with N distinct records (execute is [any-thread] and reentrant, ARCHITECTURE §3).
#include "session.hpp"

#include <set>
#include <thread>

namespace erpc::certify {

check_function concurrency_check() {
  return [](session& s) {
    const int n = s.prof().concurrent_calls;
    const auto& object = s.subject_object();
    auto& connection = s.main();
    std::vector<std::string> keys;
    std::vector<nlohmann::json> payloads;
    for (int i = 0; i < n; ++i) {
      keys.push_back(s.key("t"));
      payloads.push_back(s.subject_payload());
    }
    const auto mark = s.mark();
    std::vector<call_outcome> outcomes(static_cast<std::size_t>(n));
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        const auto u = static_cast<std::size_t>(i);
        outcomes[u] = s.call(connection, {"create", object.name, keys[u], payloads[u]});
      });
    }
    for (auto& t : threads) t.join();
    const auto effects = s.effects_since(mark, keys);
    std::set<std::string> ids;
    int ok = 0;
    std::string first_failure;
    for (const auto& o : outcomes) {
      if (o.ok) {
        ++ok;
        ids.insert(o.id());
      } else if (first_failure.empty()) {
        first_failure = o.describe();
      }
    }
    std::string evidence = std::to_string(n) + " parallel creates on one connection: " + std::to_string(ok) +
                           " ok, " + std::to_string(ids.size()) + " distinct ids; vendor " + effects.describe();
    if (ok != n) return verdict::fail(evidence + "; first failure " + first_failure);
    if (static_cast<int>(ids.size()) != n) return verdict::fail(evidence + "; ids repeat");
    if (effects.created != n || effects.updated != 0) return verdict::fail(evidence + "; expected " + std::to_string(n) + " records");
    return verdict::pass(evidence);
  };
}

}  // namespace erpc::certify
