// SPDX-License-Identifier: Apache-2.0
#include <erpc/sim/effects_log.hpp>
#include <erpc/sim/request_log.hpp>

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using namespace erpc::sim;

TEST_CASE("a second write of the same record is an update with the next version",
          "[sim][effects]") {
  effects_log log;
  const auto first = log.record_write("vendorBill", "101", "BILL-1");
  const auto other = log.record_write("vendorBill", "102", "BILL-2");
  const auto again = log.record_write("vendorBill", "101", "BILL-1");
  CHECK(first.action == effect_action::created);
  CHECK(first.version == 1);
  CHECK(other.action == effect_action::created);
  CHECK(again.action == effect_action::updated);
  CHECK(again.version == 2);
  CHECK(again.sequence == 3);
  CHECK(log.version_of("vendorBill", "101") == 2);
  CHECK(log.version_of("vendor", "101") == 0);  // versions are per record type
}

TEST_CASE("effects can be filtered by type, key and sequence", "[sim][effects]") {
  effects_log log;
  log.record_write("vendor", "1", "SUP-1");
  log.record_write("vendorBill", "1", "BILL-1");
  log.record_write("vendorBill", "1", "BILL-1");
  CHECK(log.snapshot({"vendorBill", "", 0}).size() == 2);
  CHECK(log.snapshot({"", "SUP-1", 0}).size() == 1);
  CHECK(log.snapshot({"", "", 2}).size() == 1);
  log.clear();
  CHECK(log.size() == 0);
  CHECK(log.record_write("vendorBill", "1", "BILL-1").version == 1);
}

TEST_CASE("concurrent writes are all counted", "[sim][effects]") {
  effects_log log;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&log, t] {
      for (int i = 0; i < 250; ++i)
        log.record_write("vendor", std::to_string(i % 10), "k" + std::to_string(t));
    });
  }
  for (auto& th : threads) th.join();
  CHECK(log.size() == 1000);
  std::uint64_t versions = 0;
  for (int i = 0; i < 10; ++i) versions += log.version_of("vendor", std::to_string(i));
  CHECK(versions == 1000);
}

TEST_CASE("the request log keeps credentials out and stays bounded", "[sim][requests]") {
  request_log log(2);
  for (int i = 0; i < 3; ++i) {
    logged_request r;
    r.method = "POST";
    r.target = "/x/" + std::to_string(i);
    r.headers.add("Authorization", "OAuth realm=\"1\", oauth_signature=\"abc\"");
    r.headers.add("X-CSRF-Token", "Fetch");
    r.headers.add("Content-Type", "application/json");
    log.append(std::move(r));
  }
  const auto entries = log.snapshot();
  REQUIRE(entries.size() == 2);
  CHECK(log.total() == 3);
  CHECK(entries[0].target == "/x/1");
  CHECK(entries[1].sequence == 3);
  CHECK(entries[1].headers.value_or("Authorization", "") == "OAuth <redacted>");
  CHECK(entries[1].headers.value_or("X-CSRF-Token", "") == "Fetch");
  CHECK(entries[1].headers.value_or("Content-Type", "") == "application/json");
  CHECK(request_log::redact("Cookie", "session=abc") == "<redacted>");
}
