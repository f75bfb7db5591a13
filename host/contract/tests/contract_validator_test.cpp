#include "contract_test_support.hpp"
#include "document_mutations.hpp"
#include "invariants/invariants.hpp"

#include <catch2/catch.hpp>

#include <thread>

using erpc::contract_validator;
using erpc::contract_test::describe;
using erpc::contract_test::has_finding;
using erpc::contract_test::load_example;
using erpc::contract_test::findings_are;
using erpc::contract_test::only_finding;
using erpc::contract_test::validator;
using nlohmann::json;

TEST_CASE("every sample document satisfies its schema and invariants", "[contract]") {
  for (auto name : contract_validator::object_names()) {
    const auto doc = load_example(name);
    const auto errors = validator().validate(name, doc);
    INFO(std::string(name) << ": " << describe(errors));
    CHECK(errors.empty());
  }
}

TEST_CASE("the sample invoice stays small enough for the CLI and benchmark", "[contract]") {
  CHECK(load_example("Invoice").dump().size() < 1536);
}

TEST_CASE("schema findings carry the offending field's pointer and a stable code",
          "[contract]") {
  auto inv = load_example("Invoice");

  SECTION("missing required property points at the property") {
    inv.erase("invoice_number");
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/invoice_number", "schema.required"));
  }
  SECTION("missing required property inside an array item") {
    inv["lines"][0].erase("tax");
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(has_finding(errors, "/lines/0/tax", "schema.required"));
  }
  SECTION("wrong type") {
    inv["payment_block"] = "yes";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/payment_block", "schema.type"));
  }
  SECTION("an amount as a JSON number is a type error") {
    inv["totals"]["gross"]["amount"] = 119;
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/totals/gross/amount", "schema.type"));
  }
  SECTION("an amount as a JSON float is a type error") {
    inv["lines"][0]["net"]["amount"] = 100.0;
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/lines/0/net/amount", "schema.type"));
  }
  SECTION("unknown field is an additional property") {
    inv["lines"][0]["colour"] = "blue";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/lines/0/colour", "schema.additional_property"));
  }
  SECTION("enum") {
    inv["document_type"] = "debit_memo";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/document_type", "schema.enum"));
  }
  SECTION("pattern: a date that is not YYYY-MM-DD") {
    inv["due_date"] = "01.04.2026";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/due_date", "schema.pattern"));
  }
  SECTION("pattern: a negative amount where amounts are positive") {
    inv["amount_payable"]["amount"] = "-119.00";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(has_finding(errors, "/amount_payable/amount", "schema.pattern"));
  }
  SECTION("bank account needs an IBAN or another identifier") {
    inv["remit_to"] = json{{"bic", "COBADEFFXXX"}};
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/remit_to/other", "schema.required"));
  }
  SECTION("an external_refs key must be a lower-case system name") {
    inv["external_refs"]["Net Suite"] = "1";
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/external_refs/Net Suite", "schema.additional_property"));
  }
}

TEST_CASE("a key with '/' or '~' is escaped in the pointer", "[contract]") {
  auto sup = load_example("Supplier");
  sup["a/b~c"] = 1;
  const auto errors = validator().validate("Supplier", sup);
  INFO(describe(errors));
  CHECK(only_finding(errors, "/a~1b~0c", "schema.additional_property"));
}

TEST_CASE("an unknown object name is a finding, not a crash", "[contract]") {
  const auto errors = validator().validate("Banana", json::object());
  CHECK(only_finding(errors, "", "contract.unknown_object"));
}

TEST_CASE("a non-object document is a type error at the root", "[contract]") {
  const auto errors = validator().validate("Invoice", json::array());
  INFO(describe(errors));
  CHECK(only_finding(errors, "", "schema.type"));
}

TEST_CASE("hostile input is refused before any regex runs", "[contract]") {
  auto inv = load_example("Invoice");
  SECTION("a megabyte amount string") {
    inv["totals"]["gross"]["amount"] = std::string(1 << 20, '1');
    const auto errors = validator().validate("Invoice", inv);
    CHECK(only_finding(errors, "/totals/gross/amount", "schema.max_length"));
  }
  SECTION("a 4096-byte amount string still goes through the pattern without harm") {
    inv["totals"]["gross"]["amount"] = std::string(4096, '1');
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(has_finding(errors, "/totals/gross/amount", "schema.pattern"));
  }
  SECTION("nesting deeper than 64 levels") {
    json deep = "x";
    for (int i = 0; i < 100; ++i) deep = json::array({deep});
    inv["notes"] = deep;
    const auto errors = validator().validate("Invoice", inv);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "schema.max_depth");
  }
}

TEST_CASE("request envelope and its payload are validated together", "[contract][envelope]") {
  json req = {{"contract", "1.0"},        {"op", "create"},
              {"object", "Invoice"},      {"idempotency_key", "inv-2026-0001"},
              {"attempt", 1},             {"prior_outcome", nullptr},
              {"deadline_ms", 30000},     {"correlation_id", "c-1"},
              {"traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"},
              {"ordering_key", "supplier:SUP-1"}, {"depends_on", json::array()},
              {"connection", "netsuite-eu"},      {"payload", load_example("Invoice")}};

  SECTION("valid") {
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    CHECK(errors.empty());
  }
  SECTION("payload findings are prefixed with /payload") {
    req["payload"]["totals"]["gross"]["amount"] = 119;
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/payload/totals/gross/amount", "schema.type"));
  }
  SECTION("payload invariants are prefixed too") {
    req["payload"]["lines"][0]["gross"]["amount"] = "120.00";
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    CHECK(has_finding(errors, "/payload/lines/0/gross", "invoice.line_gross_mismatch"));
  }
  SECTION("idempotency key pattern") {
    req["idempotency_key"] = "has space";
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/idempotency_key", "schema.pattern"));
  }
  SECTION("a write without an idempotency key") {
    req.erase("idempotency_key");
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/idempotency_key", "schema.required"));
  }
  SECTION("prior_outcome outside its set") {
    req["prior_outcome"] = "maybe";
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/prior_outcome", "schema.enum"));
  }
  SECTION("a get carries a query instead of a payload") {
    json get = {{"contract", "1.0"},  {"op", "get"},         {"object", "Invoice"},
                {"deadline_ms", 5000}, {"connection", "ns"},
                {"query", {{"natural_key", {{"supplier", "SUP-1"}, {"invoice_number", "A-1"}}}}}};
    CHECK(validator().validate_request(get).empty());
    get.erase("query");
    const auto errors = validator().validate_request(get);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/query", "schema.required"));
  }
  SECTION("list paging limit") {
    json list = {{"contract", "1.0"},  {"op", "list"}, {"object", "Supplier"},
                 {"deadline_ms", 5000},
                 {"query", {{"changed_since", "2026-01-01T00:00:00Z"}, {"limit", 5000}}}};
    const auto errors = validator().validate_request(list);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/query/limit", "schema.maximum"));
  }
}

TEST_CASE("response envelope", "[contract][envelope]") {
  const json ok = {{"status", "ok"}, {"replayed", true}, {"result", {{"id", "inv-1"}}}};
  CHECK(validator().validate_response(ok).empty());

  const json err = {{"status", "error"},
                    {"error",
                     {{"class", "VALIDATION"},
                      {"code", "contract.invalid"},
                      {"message", "bad"},
                      {"effect", "none"},
                      {"field_errors",
                       {{{"pointer", "/lines/0"}, {"code", "schema.required"}, {"message", "m"}}}},
                      {"vendor", {{"http_status", 400}, {"request_id", "r-1"}}}}}};
  CHECK(validator().validate_response(err).empty());

  json bad = err;
  bad["error"]["class"] = "TEAPOT";
  const auto errors = validator().validate_response(bad);
  INFO(describe(errors));
  CHECK(has_finding(errors, "/error/class", "schema.enum"));

  const json ok_without_replayed = {{"status", "ok"}, {"result", json::object()}};
  CHECK(has_finding(validator().validate_response(ok_without_replayed), "/replayed",
                    "schema.required"));
}

TEST_CASE("throw_if_invalid raises VALIDATION contract.invalid with every finding",
          "[contract]") {
  auto inv = load_example("Invoice");
  REQUIRE_NOTHROW(erpc::throw_if_invalid(validator(), "Invoice", inv));
  inv.erase("currency");
  inv["lines"][0]["net"]["amount"] = 100;
  try {
    erpc::throw_if_invalid(validator(), "Invoice", inv);
    FAIL("expected erpc::error");
  } catch (const erpc::error& e) {
    CHECK(e.cls() == erpc::error_class::validation);
    CHECK(e.code() == "contract.invalid");
    CHECK(e.effect() == erpc::effect::none);
    CHECK(has_finding(e.field_errors(), "/currency", "schema.required"));
    CHECK(has_finding(e.field_errors(), "/lines/0/net/amount", "schema.type"));
  }
}

TEST_CASE("one validator serves many threads", "[contract]") {
  const auto good = load_example("Payment");
  auto bad = good;
  bad["amount"]["amount"] = "1.000";
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        if (!validator().validate("Payment", good).empty()) ++wrong;
        if (!has_finding(validator().validate("Payment", bad), "/amount/amount",
                         "money.minor_units")) {
          ++wrong;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(wrong == 0);
}

TEST_CASE("a field faulted by the schema is not reported again by an invariant", "[contract]") {
  auto inv = load_example("Invoice");
  SECTION("schema and invariant at the same pointer: once, the schema's") {
    inv["remit_to"]["iban"] = "de89370400440532013000";  // lower case: pattern and mod-97 fail
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/remit_to/iban", "schema.pattern"));
  }
  SECTION("invariant findings alone come through in their order") {
    inv["remit_to"]["iban"] = "DE89370400440532013001";   // mod-97 fails, shape fine
    inv["lines"][0]["net"]["currency"] = "USD";            // not the invoice's currency
    inv["totals"]["gross"]["amount"] = "119.05";           // total gross != net + tax
    inv["amount_payable"]["amount"] = "119.05";            // = gross: no finding of its own
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(findings_are(errors, {{"/remit_to/iban", "bank_account.invalid_iban"},
                                {"/lines/0/net/currency", "money.currency_mismatch"},
                                {"/totals/gross", "invoice.gross_mismatch"}}));
  }
  SECTION("schema findings first, then invariant findings at other pointers") {
    inv["invoice_number"] = "";                            // schema.min_length
    inv["remit_to"]["iban"] = "DE89370400440532013001";    // bank_account.invalid_iban
    const auto errors = validator().validate("Invoice", inv);
    INFO(describe(errors));
    CHECK(findings_are(errors, {{"/invoice_number", "schema.min_length"},
                                {"/remit_to/iban", "bank_account.invalid_iban"}}));
  }
}

TEST_CASE("check_invoice_totals is the currency rule then the amounts, as the validator runs them",
          "[contract][invoice]") {
  auto inv = load_example("Invoice");
  inv["lines"][0]["tax"]["currency"] = "USD";
  inv["totals"]["gross"]["amount"] = "119.05";
  inv["amount_payable"]["amount"] = "119.05";
  erpc::contract_detail::findings direct;
  erpc::contract_detail::check_invoice_totals(inv, "", direct);
  INFO(describe(direct));
  REQUIRE(direct.size() == 2);
  CHECK(direct[0].code == "money.currency_mismatch");
  CHECK(direct[1].code == "invoice.gross_mismatch");
  const auto through_validator = validator().validate("Invoice", inv);
  INFO(describe(through_validator));
  REQUIRE(through_validator.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    CHECK(through_validator[i].pointer == direct[i].pointer);
    CHECK(through_validator[i].code == direct[i].code);
    CHECK(through_validator[i].message == direct[i].message);
  }
}

TEST_CASE("a request's payload checks cover the payload only", "[contract][envelope]") {
  auto req = erpc::contract_test::request_for("Invoice", load_example("Invoice"));
  SECTION("an identifier outside the payload is the envelope schema's business") {
    req["iban"] = "DE00";
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    CHECK(only_finding(errors, "/iban", "schema.additional_property"));
  }
  SECTION("the payload's invariant findings, in the order validate gives them") {
    req["payload"]["remit_to"]["iban"] = "DE89370400440532013001";
    req["payload"]["lines"][0]["net"]["currency"] = "USD";
    const auto errors = validator().validate_request(req);
    const auto alone = validator().validate("Invoice", req["payload"]);
    INFO(describe(errors));
    REQUIRE(errors.size() == alone.size());
    REQUIRE(errors.size() == 2);
    for (std::size_t i = 0; i < errors.size(); ++i) {
      CHECK(errors[i].pointer == "/payload" + alone[i].pointer);
      CHECK(errors[i].code == alone[i].code);
      CHECK(errors[i].message == alone[i].message);
    }
  }
  SECTION("too deep for the envelope but not for the payload: the envelope's limit, then the "
          "payload's own checks") {
    json deep = "x";
    for (int i = 0; i < 63; ++i) deep = json::array({deep});
    req["payload"]["notes"] = deep;  // "x" is at depth 64 in the payload, 65 in the envelope
    const auto errors = validator().validate_request(req);
    INFO(describe(errors));
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].code == "schema.max_depth");
    CHECK(errors[0].pointer.starts_with("/payload/notes/0/0/"));
    CHECK(errors[1].pointer == "/payload/notes");
    CHECK(errors[1].code == "schema.type");
  }
}
