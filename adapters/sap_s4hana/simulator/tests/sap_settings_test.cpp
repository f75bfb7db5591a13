// SPDX-License-Identifier: Apache-2.0
// Every setting is declared with a default, a description and its source line, is documented
// in docs/simulators-sap.md, and reset restores the defaults and forgets the vendor state.
#include "sap_settings.hpp"
#include "sap_test_client.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace erpc::sim::sap::testing;
using erpc::testing::raw_http;

TEST_CASE("every setting has a description, a source and a row in the docs", "[sap][settings]") {
  std::ifstream doc(std::string(ERPC_SOURCE_DIR) + "/docs/simulators-sap.md");
  REQUIRE(doc.good());
  std::stringstream text;
  text << doc.rdbuf();
  const auto specs = erpc::sim::sap::setting::all();
  CHECK(specs.size() >= 20);
  for (const auto& spec : specs) {
    INFO(spec.name);
    CHECK(!spec.description.empty());
    CHECK(!spec.source.empty());
    CHECK(text.str().find("| `" + spec.name + "` |") != std::string::npos);
  }
  // Constructing the settings validates every default against its own spec.
  CHECK_NOTHROW(erpc::sim::simulator_settings(specs));
}

TEST_CASE("reset forgets records, number ranges, tokens and sessions", "[sap][settings]") {
  sap_fixture f;
  auto& c = *f.client;
  const auto supplier = create_supplier(c, "SUP-1", true);
  REQUIRE(c.get(bp_service + "/A_BusinessPartner('" + supplier + "')").status == 200);
  f.set({{"sap.odata.server_page_size", 5}});

  REQUIRE(raw_http(f.sim->port(), "POST", "/_sim/reset").status == 200);
  CHECK(c.get(bp_service + "/A_BusinessPartner('" + supplier + "')").status == 404);
  CHECK(f.effects()["count"] == 0);
  // The old CSRF token belonged to a forgotten session.
  CHECK(c.post(bp_service + "/A_BusinessPartner", {{"BusinessPartnerCategory", "2"}}).status ==
        403);
  c.cookies.clear();
  c.fetch_csrf();
  // Numbering starts again.
  CHECK(create_supplier(c, "SUP-1", true) == supplier);
  const auto settings = body_json(raw_http(f.sim->port(), "GET", "/_sim/settings"));
  CHECK(settings["settings"]["sap.odata.server_page_size"] == 5);
  REQUIRE(raw_http(f.sim->port(), "POST", "/_sim/reset?settings=defaults").status == 200);
  CHECK(body_json(raw_http(f.sim->port(), "GET", "/_sim/settings"))["settings"]
                 ["sap.odata.server_page_size"] == 1000);
  CHECK(body_json(raw_http(f.sim->port(), "GET", "/_sim/health"))["vendor"] == "sap_s4hana");
}
