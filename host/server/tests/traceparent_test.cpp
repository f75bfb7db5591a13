// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/traceparent.hpp>

#include <catch2/catch.hpp>

using erpc::traceparent;

TEST_CASE("traceparent parses the W3C example and round-trips", "[server][trace]") {
  const std::string text = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  const auto t = traceparent::parse(text);
  REQUIRE(t);
  CHECK(t->trace_id() == "4bf92f3577b34da6a3ce929d0e0e4736");
  CHECK(t->parent_id() == "00f067aa0ba902b7");
  CHECK(t->sampled());
  CHECK(t->to_string() == text);
}

TEST_CASE("traceparent refuses what the spec says to ignore", "[server][trace]") {
  const char* bad[] = {
      "",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",        // no flags
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",     // upper case
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01",     // zero trace id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",     // zero parent id
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",     // forbidden version
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x",   // v00 has no extra
      "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",     // separator
      "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01",     // not hex
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01x",    // future, no '-'
  };
  for (const char* text : bad) {
    INFO(text);
    CHECK_FALSE(traceparent::parse(text));
  }
  // A future version with more fields is read as version 00.
  const auto future = traceparent::parse(
      "cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra");
  REQUIRE(future);
  CHECK_FALSE(future->sampled());
  CHECK(future->to_string() == "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");
}

TEST_CASE("generated traceparents are valid and distinct, a child keeps the trace",
          "[server][trace]") {
  const auto a = traceparent::generate();
  const auto b = traceparent::generate();
  REQUIRE(traceparent::parse(a.to_string()));
  CHECK(*traceparent::parse(a.to_string()) == a);
  CHECK(a.trace_id() != b.trace_id());
  const auto child = a.child();
  CHECK(child.trace_id() == a.trace_id());
  CHECK(child.parent_id() != a.parent_id());
  CHECK(traceparent::parse(child.to_string()));
}
