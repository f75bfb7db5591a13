#include "contract_test_support.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

using namespace erpc::contract_test;

TEST_CASE("an illegal status transition is a finding on /status", "[contract][status]") {
  auto st = load_example("PaymentStatus");
  st["previous_status"] = "settled";
  st["status"] = "accepted";
  const auto errors = validator().validate("PaymentStatus", st);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/status", "payment_status.illegal_transition"));
}

TEST_CASE("legal transitions and repeats pass", "[contract][status]") {
  auto st = load_example("PaymentStatus");
  for (auto [from, to] : {std::pair{"transmitted", "settled"}, std::pair{"accepted", "rejected"},
                          std::pair{"settled", "returned"}, std::pair{"settled", "settled"}}) {
    st["previous_status"] = from;
    st["status"] = to;
    INFO(from << " -> " << to);
    CHECK(validator().validate("PaymentStatus", st).empty());
  }
  st.erase("previous_status");
  CHECK(validator().validate("PaymentStatus", st).empty());
}

TEST_CASE("a state outside the lifecycle is a schema finding", "[contract][status]") {
  auto st = load_example("PaymentStatus");
  st["status"] = "paid";
  CHECK(only_finding(validator().validate("PaymentStatus", st), "/status", "schema.enum"));
}
