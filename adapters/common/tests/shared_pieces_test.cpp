// SPDX-License-Identifier: Apache-2.0
// The header-only pieces of adapters/common every adapter relies on: the HTTP status → class
// table and its effects (vendor_errors.hpp), offset paging of list (list_query.hpp), the
// natural-key read-back (natural_key_match.hpp) and the bundled manifest.
#include <erpc/adapters/bundled_manifest.hpp>
#include <erpc/adapters/list_query.hpp>
#include <erpc/adapters/natural_key_match.hpp>
#include <erpc/adapters/vendor_errors.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using erpc::effect;
using erpc::error_class;
using erpc::adapters::call_kind;

TEST_CASE("an HTTP status alone says the class, a 5xx after a write is OUTCOME_UNKNOWN") {
  using erpc::adapters::class_for_status;
  CHECK(class_for_status(401, call_kind::write) == error_class::authentication);
  CHECK(class_for_status(403, call_kind::read) == error_class::permission);
  CHECK(class_for_status(404, call_kind::read) == error_class::not_found);
  CHECK(class_for_status(409, call_kind::write) == error_class::conflict);
  CHECK(class_for_status(412, call_kind::write) == error_class::conflict);
  CHECK(class_for_status(429, call_kind::write) == error_class::rate_limited);
  CHECK(class_for_status(422, call_kind::write) == error_class::validation);
  CHECK(class_for_status(503, call_kind::write) == error_class::outcome_unknown);
  CHECK(class_for_status(500, call_kind::read) == error_class::unavailable);
  CHECK(class_for_status(302, call_kind::read) == error_class::internal);
  CHECK(erpc::adapters::effect_of(error_class::outcome_unknown, call_kind::write) == effect::possible);
  CHECK(erpc::adapters::effect_of(error_class::internal, call_kind::read) == effect::none);
  CHECK(erpc::adapters::effect_of(error_class::validation, call_kind::write) == effect::none);
}

TEST_CASE("vendor text is clipped to 300 bytes, an unreadable success names the vendor") {
  CHECK(erpc::adapters::clip_vendor_text(std::string(301, 'x')) == std::string(300, 'x') + "…");
  CHECK(erpc::adapters::clip_vendor_text("short") == "short");
  const auto e = erpc::adapters::malformed_response("bc", "Business Central", "its body is not JSON",
                                                    call_kind::write, 201);
  CHECK(e.cls() == error_class::internal);
  CHECK(e.code() == "bc.malformed_response");
  CHECK(e.message() == "Business Central answered HTTP 201 but its body is not JSON");
  CHECK(e.effect() == effect::possible);
}

TEST_CASE("list paging: limit clamped, cursor an offset, an unknown filter refused") {
  using erpc::adapters::read_offset_page;
  const auto page = read_offset_page({{"limit", 5000}, {"cursor", "200"}}, "x", {}, 100, 1000);
  CHECK(page.limit == 1000);
  CHECK(page.offset == 200);
  CHECK(read_offset_page(nlohmann::json::object(), "x", {}, 100, 1000).limit == 100);
  CHECK(read_offset_page({{"document_type", "invoice"}}, "x", {"document_type"}, 100, 1000).offset == 0);
  try {
    (void)read_offset_page({{"changed_since", "2026-01-01"}}, "x", {}, 100, 1000);
    FAIL("an unknown filter must be refused");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == error_class::unsupported);
    CHECK(e.code() == "x.query_unsupported");
  }
  CHECK_THROWS_AS(read_offset_page({{"cursor", "abc"}}, "x", {}, 100, 1000), erpc::error);
}

TEST_CASE("natural-key read-back: a match is a replay, only differing records are key reuse") {
  using nlohmann::json;
  const json expected = {{"number", "V1"}, {"name", "Acme"}, {"email", nullptr}};
  CHECK(erpc::adapters::differing_fields(expected, {{"number", "V1"}, {"name", "Acme"}}).empty());
  CHECK(erpc::adapters::differing_fields(expected, {{"number", "V1"}, {"name", "Other"}}) ==
        std::vector<std::string>{"name"});
  const auto differences = [&](const json& r) { return erpc::adapters::differing_fields(expected, r); };
  const auto id_of = [](const json& r) { return r.at("id").get<std::string>(); };
  const erpc::adapters::key_reuse_wording wording{"x", "V1", "an X supplier"};
  CHECK_FALSE(erpc::adapters::match_natural_key({}, differences, id_of, wording));
  CHECK(erpc::adapters::match_natural_key(
            {{{"id", "1"}, {"number", "V1"}, {"name", "Other"}}, {{"id", "2"}, {"number", "V1"}, {"name", "Acme"}}},
            differences, id_of, wording) == "2");
  try {
    (void)erpc::adapters::match_natural_key({{{"id", "1"}, {"number", "V1"}, {"name", "Other"}}},
                                            differences, id_of, wording);
    FAIL("a differing record must be key reuse");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == error_class::idempotency_key_reuse);
    CHECK(e.code() == "x.key_reuse");
    CHECK(e.message() == "the natural key V1 already names an X supplier record that differs in name");
  }
}

TEST_CASE("a bundled manifest states vendor, version, status and contract once") {
  const auto m = erpc::adapters::bundled_manifest("X", "x-1", {{"Supplier", {"create"}}},
                                                  {{"type", "object"}}, "what it does");
  CHECK(m["vendor"] == "erpconnect");
  CHECK(m["contract"] == nlohmann::json{{"min", "1.0"}, {"max", "1.x"}});
  CHECK(m["objects"]["Supplier"] == nlohmann::json::array({"create"}));
  CHECK(m["capabilities"] == nlohmann::json::array());
}
