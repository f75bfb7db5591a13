#include <erpc/contract/payment_state.hpp>

#include <catch2/catch.hpp>

using erpc::contract::is_legal_transition;
using erpc::contract::payment_state;
using S = payment_state;

TEST_CASE("payment status moves forward along the main chain", "[contract][status]") {
  CHECK(is_legal_transition(S::initiated, S::approved));
  CHECK(is_legal_transition(S::approved, S::transmitted));
  CHECK(is_legal_transition(S::transmitted, S::accepted));
  CHECK(is_legal_transition(S::accepted, S::settled));
  CHECK(is_legal_transition(S::transmitted, S::settled));  // ACSC without an earlier ACCP
  CHECK_FALSE(is_legal_transition(S::settled, S::accepted));  // late ACTC after ACSC
  CHECK_FALSE(is_legal_transition(S::accepted, S::transmitted));
  CHECK_FALSE(is_legal_transition(S::approved, S::initiated));
}

TEST_CASE("pending and partially_accepted sit between transmission and settlement",
          "[contract][status]") {
  CHECK(is_legal_transition(S::transmitted, S::pending));
  CHECK(is_legal_transition(S::pending, S::accepted));
  CHECK(is_legal_transition(S::pending, S::partially_accepted));
  CHECK(is_legal_transition(S::partially_accepted, S::settled));
  CHECK_FALSE(is_legal_transition(S::accepted, S::pending));
  CHECK_FALSE(is_legal_transition(S::accepted, S::partially_accepted));
  CHECK_FALSE(is_legal_transition(S::partially_accepted, S::accepted));
}

TEST_CASE("rejected and cancelled before settlement only", "[contract][status]") {
  for (auto from : {S::initiated, S::approved, S::transmitted, S::pending, S::accepted,
                    S::partially_accepted}) {
    CHECK(is_legal_transition(from, S::rejected));
    CHECK(is_legal_transition(from, S::cancelled));
  }
  CHECK_FALSE(is_legal_transition(S::settled, S::rejected));
  CHECK_FALSE(is_legal_transition(S::settled, S::cancelled));
}

TEST_CASE("returned and reversed only after settlement, final states stay", "[contract][status]") {
  CHECK(is_legal_transition(S::settled, S::returned));
  CHECK(is_legal_transition(S::settled, S::reversed));
  CHECK_FALSE(is_legal_transition(S::accepted, S::returned));
  CHECK_FALSE(is_legal_transition(S::transmitted, S::reversed));
  for (auto final_state : {S::rejected, S::cancelled, S::returned, S::reversed}) {
    CHECK(is_legal_transition(final_state, final_state));  // the same report twice
    CHECK_FALSE(is_legal_transition(final_state, S::settled));
    CHECK_FALSE(is_legal_transition(final_state, S::initiated));
  }
  CHECK_FALSE(is_legal_transition(S::rejected, S::cancelled));
}

TEST_CASE("every state round-trips through its name", "[contract][status]") {
  for (std::size_t i = 0; i < erpc::contract::payment_state_names.size(); ++i) {
    const auto s = static_cast<S>(i);
    CHECK(erpc::contract::payment_state_from_string(to_string(s)) == s);
  }
  CHECK_FALSE(erpc::contract::payment_state_from_string("paid").has_value());
}
