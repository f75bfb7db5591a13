#include <erpc/host/pay_selection.hpp>

#include <catch2/catch.hpp>

using namespace erpc;
using nlohmann::json;

namespace {

json bill(const std::string& id, const std::string& supplier, const char* payable,
          bool blocked = false, const char* currency = "EUR") {
  json inv = {{"id", id},
              {"external_refs", {{"netsuite", id}}},
              {"source", {{"system", "netsuite"}}},
              {"document_type", "invoice"},
              {"direction", "payable"},
              {"legal_entity", "DE01"},
              {"supplier", {{"external_refs", {{"netsuite", supplier}}}}},
              {"invoice_number", "INV-" + id},
              {"invoice_date", "2026-03-01"},
              {"currency", currency},
              {"amount_payable", {{"amount", payable}, {"currency", currency}}}};
  if (blocked) {
    inv["payment_block"] = true;
    inv["payment_block_reason"] = "approval status 1 (not approved)";
  }
  return inv;
}

pay_flow_config config() {
  return pay_flow_config::from_json(
      {{"erp", "erp"}, {"bank", "bank"}, {"legal_entity", "DE01"}, {"in_transit_account", "1361"},
       {"bank_account", "1200"}, {"charges_account", "6855"},
       {"debtor", {{"name", "Example GmbH"}}},
       {"debtor_account", {{"iban", "DE89370400440532013000"}}}});
}

}  // namespace

TEST_CASE("selection: open approved bills grouped per supplier, in key order", "[flows][selection]") {
  const std::vector<json> invoices = {bill("103", "7", "50.00"), bill("101", "7", "119.00"),
                                      bill("102", "8", "20.00"), bill("104", "8", "0.00"),
                                      bill("105", "8", "30.00", true),
                                      bill("106", "9", "10.00", false, "USD")};
  const auto sel = select_payable(invoices, {}, config(), {"2026-03-10", {}});
  REQUIRE(sel.payments.size() == 2);
  CHECK(sel.payments[0].supplier_key == "netsuite:7");
  REQUIRE(sel.payments[0].invoices.size() == 2);
  CHECK(sel.payments[0].invoices[0].key == "101");
  CHECK(sel.payments[0].total == *decimal::parse("169.00"));
  CHECK(sel.payments[1].supplier_key == "netsuite:8");
  CHECK(sel.payments[1].invoices.size() == 1);  // 104 is paid, 105 blocked
  REQUIRE(sel.skipped.size() == 1);
  CHECK(sel.skipped[0]["invoice"] == "105");
}

TEST_CASE("selection: an invoice in a payment of this flow is never selected again",
          "[flows][selection]") {
  const auto sel = select_payable({bill("101", "7", "119.00")}, {"101"}, config(), {"2026-03-10", {}});
  CHECK(sel.payments.empty());
  REQUIRE(sel.skipped.size() == 1);
}

TEST_CASE("batching: documents are deterministic and sum up", "[flows][selection]") {
  const auto cfg = config();
  const auto sel = select_payable({bill("101", "7", "119.00"), bill("102", "7", "0.50")}, {}, cfg, {"2026-03-10", {}});
  REQUIRE(sel.payments.size() == 1);
  const auto p = bank_payment(sel.payments[0], "R1.p1", "2026-03-10", "Acme", {{"iban", "FR1420041010050500013M02606"}}, cfg);
  CHECK(p["amount"] == json({{"amount", "119.50"}, {"currency", "EUR"}}));
  CHECK(p["remittance"]["unstructured"] == "INV-101 INV-102");
  const auto batch = payment_batch("R1", "2026-03-10", {p}, cfg);
  CHECK(batch["control_sum"] == "119.50");
  CHECK(batch["number_of_transactions"] == 1);
  CHECK(batch == payment_batch("R1", "2026-03-10", {p}, cfg));
  const auto erp = erp_payment(sel.payments[0], "R1.p1", "2026-03-10", "", cfg);
  CHECK(erp["clearing_account"] == "1361");
  REQUIRE(erp["applications"].size() == 2);
  CHECK(erp["applications"][1]["amount"]["amount"] == "0.50");
}

TEST_CASE("configuration errors name the field", "[flows][selection]") {
  try {
    pay_flow_config::from_json({{"erp", "erp"}});
    FAIL("accepted");
  } catch (const error& e) {
    CHECK(e.code() == "flow.bad_config");
    CHECK(std::string(e.message()).find("bank") != std::string::npos);
  }
}

namespace {

json with_gross(json inv, const char* gross) {
  inv["totals"] = {{"net", {{"amount", gross}, {"currency", "EUR"}}},
                   {"tax", {{"amount", "0.00"}, {"currency", "EUR"}}},
                   {"gross", {{"amount", gross}, {"currency", "EUR"}}}};
  return inv;
}

json credit_note(const std::string& id, const std::string& supplier, const char* amount) {
  auto cn = bill(id, supplier, amount);
  cn["document_type"] = "credit_note";
  cn["invoice_number"] = "CN-" + id;
  return cn;
}

const json* application_for(const json& erp, const std::string& number) {
  for (const auto& a : erp["applications"]) {
    if (a.value("invoice_number", "") == number) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("BANKING.md: 3 invoices minus 1 credit note in one payment with Strd", "[flows][selection]") {
  auto cfg = config();
  const std::vector<json> docs = {bill("101", "7", "100.00"), bill("102", "7", "200.00"),
                                  bill("103", "7", "300.00"), credit_note("104", "7", "50.00")};
  const auto sel = select_payable(docs, {}, cfg, {"2026-03-10", {}});
  REQUIRE(sel.payments.size() == 1);
  const auto& p = sel.payments[0];
  CHECK(p.total == *decimal::parse("550.00"));
  REQUIRE(p.invoices.size() == 4);
  CHECK(p.invoices[3].credit_note);

  // The ERP payment applies the three bills and the vendor credit: it closes all four.
  const auto erp = erp_payment(p, "R1.p1", "2026-03-10", "", cfg);
  CHECK(erp["amount"]["amount"] == "550.00");
  REQUIRE(erp["applications"].size() == 4);
  CHECK(erp["applications"][3]["document_type"] == "credit_note");
  CHECK(erp["applications"][3]["amount"]["amount"] == "50.00");

  // SEPA: one Ustrd of at most 140 characters, each document with its amount.
  const json iban = {{"iban", "FR1420041010050500013M02606"}};
  const auto sepa = bank_payment(p, "R1.p1", "2026-03-10", "Acme", iban, cfg);
  CHECK(sepa["remittance"]["unstructured"] == "INV-101 100.00 INV-102 200.00 INV-103 300.00 CN-104 -50.00");

  // CGI-MP: one referred document per invoice and credit note, adding up to the amount paid.
  cfg.method = "credit_transfer";
  const auto cgi = bank_payment(p, "R1.p1", "2026-03-10", "Acme", iban, cfg);
  const auto& docs_out = cgi["remittance"]["structured"]["referred_documents"];
  REQUIRE(docs_out.size() == 4);
  CHECK(docs_out[0] == json({{"type", "CINV"}, {"number", "INV-101"}, {"date", "2026-03-01"},
                             {"amount", {{"amount", "100.00"}, {"currency", "EUR"}}}}));
  CHECK(docs_out[3]["type"] == "CREN");
  CHECK(docs_out[3]["amount"]["amount"] == "50.00");
  CHECK_FALSE(cgi["remittance"].contains("unstructured"));
}

TEST_CASE("selection: credit notes that reach the invoices pay nothing and stay open",
          "[flows][selection]") {
  const auto sel = select_payable({bill("101", "7", "40.00"), credit_note("104", "7", "50.00"),
                                   credit_note("105", "8", "10.00")},
                                  {}, config(), {"2026-03-10", {}});
  CHECK(sel.payments.empty());
  REQUIRE(sel.skipped.size() == 3);
  CHECK(sel.skipped[0]["reason"].get<std::string>().find("reach its invoices") != std::string::npos);
  CHECK(sel.skipped[2]["reason"].get<std::string>().find("no open invoice") != std::string::npos);
}

TEST_CASE("BANKING.md: a 2/10 net 30 discount taken inside the window only", "[flows][selection]") {
  auto inv = with_gross(bill("101", "7", "1190.00"), "1190.00");
  inv["invoice_date"] = "2026-03-01";
  inv["payment_terms"] = {{"code", "2/10N30"}, {"discount_percent", "2"}, {"discount_days", 10},
                          {"net_days", 30}};
  const auto cfg = config();
  SECTION("paid on day 10: 2 % of the gross amount is taken") {
    const auto sel = select_payable({inv}, {}, cfg, {"2026-03-11", {}});
    REQUIRE(sel.payments.size() == 1);
    CHECK(sel.payments[0].total == *decimal::parse("1166.20"));
    const auto erp = erp_payment(sel.payments[0], "R1.p1", "2026-03-11", "", cfg);
    const auto* app = application_for(erp, "INV-101");
    REQUIRE(app);
    CHECK((*app)["amount"]["amount"] == "1166.20");
    CHECK((*app)["discount_taken"]["amount"] == "23.80");
  }
  SECTION("paid on day 11: the full amount") {
    const auto sel = select_payable({inv}, {}, cfg, {"2026-03-12", {}});
    REQUIRE(sel.payments.size() == 1);
    CHECK(sel.payments[0].total == *decimal::parse("1190.00"));
    CHECK_FALSE(erp_payment(sel.payments[0], "R1.p1", "2026-03-12", "", cfg)["applications"][0].contains("discount_taken"));
  }
  SECTION("an explicit discount date wins over the days") {
    inv["payment_terms"]["discount_date"] = "2026-03-20";
    const auto sel = select_payable({inv}, {}, cfg, {"2026-03-20", {}});
    REQUIRE(sel.payments.size() == 1);
    CHECK(sel.payments[0].total == *decimal::parse("1166.20"));
  }
  SECTION("the discount rounds half-even to the currency's minor units") {
    inv = with_gross(bill("101", "7", "100.25"), "100.25");
    inv["payment_terms"] = {{"discount_percent", "2"}, {"discount_days", 10}};
    const auto sel = select_payable({inv}, {}, cfg, {"2026-03-05", {}});
    REQUIRE(sel.payments.size() == 1);
    CHECK(sel.payments[0].invoices[0].discount == *decimal::parse("2.00"));  // 2.005 → 2.00
    CHECK(sel.payments[0].total == *decimal::parse("98.25"));
  }
}

TEST_CASE("BANKING.md: a short payment leaves the disputed part open", "[flows][selection]") {
  const auto cfg = config();
  const std::vector<json> docs = {bill("101", "7", "500.00"), bill("102", "7", "80.00")};
  std::map<std::string, short_payment> shorts{{"INV-101", {*decimal::parse("120.00"), "DAMAGED", "2 items damaged"}}};
  const auto sel = select_payable(docs, {}, cfg, {"2026-03-10", shorts});
  REQUIRE(sel.payments.size() == 1);
  CHECK(sel.payments[0].total == *decimal::parse("460.00"));
  const auto erp = erp_payment(sel.payments[0], "R1.p1", "2026-03-10", "", cfg);
  const auto* app = application_for(erp, "INV-101");
  REQUIRE(app);
  CHECK((*app)["amount"]["amount"] == "380.00");
  CHECK((*app)["short_payment"] == json({{"amount", {{"amount", "120.00"}, {"currency", "EUR"}}},
                                         {"reason_code", "DAMAGED"}, {"reason", "2 items damaged"}}));
  const auto bank = bank_payment(sel.payments[0], "R1.p1", "2026-03-10", "Acme", {{"iban", "FR1420041010050500013M02606"}}, cfg);
  CHECK(bank["remittance"]["unstructured"] == "INV-101 380.00 INV-102 80.00");

  SECTION("a short payment of the whole amount is refused, the invoice is not paid") {
    shorts["INV-101"].amount = *decimal::parse("500.00");
    const auto refused = select_payable(docs, {}, cfg, {"2026-03-10", shorts});
    REQUIRE(refused.payments.size() == 1);
    CHECK(refused.payments[0].total == *decimal::parse("80.00"));
    REQUIRE(refused.skipped.size() == 1);
    CHECK(refused.skipped[0]["invoice"] == "101");
  }
}

TEST_CASE("BANKING.md: 10 % withholding reduces what is paid, not the gross", "[flows][selection]") {
  auto inv = with_gross(bill("101", "7", "900.00"), "1000.00");
  inv["withholding"] = json::array({{{"tax_code", "WHT10"}, {"rate_percent", "10"},
                                     {"amount", {{"amount", "100.00"}, {"currency", "EUR"}}}}});
  const auto cfg = config();
  const auto sel = select_payable({inv}, {}, cfg, {"2026-03-10", {}});
  REQUIRE(sel.payments.size() == 1);
  CHECK(sel.payments[0].total == *decimal::parse("900.00"));
  const auto erp = erp_payment(sel.payments[0], "R1.p1", "2026-03-10", "", cfg);
  CHECK(erp["applications"][0]["amount"]["amount"] == "900.00");
  CHECK(erp["applications"][0]["withholding"]["amount"] == "100.00");
  CHECK(erp["amount"]["amount"] == "900.00");
}

TEST_CASE("partly paid (amount_open, contract 1.1): the open rest is paid, without discount "
          "or withholding", "[flows][selection]") {
  const auto cfg = config();
  auto eur = [](const char* a) { return json{{"amount", a}, {"currency", "EUR"}}; };
  auto partly = with_gross(bill("101", "7", "1190.00"), "1190.00");
  partly["amount_open"] = eur("400.00");
  partly["invoice_date"] = "2026-03-01";
  partly["payment_terms"] = {{"discount_percent", "2"}, {"discount_days", 10}};  // inside the window
  auto whole = with_gross(bill("102", "7", "100.00"), "100.00");
  whole["amount_open"] = eur("100.00");  // nothing paid yet: as without amount_open
  auto paid = with_gross(bill("103", "7", "50.00"), "50.00");
  paid["amount_open"] = eur("0.00");  // paid in full: nothing owed
  const auto sel = select_payable({partly, whole, paid}, {}, cfg, {"2026-03-05", {}});
  REQUIRE(sel.payments.size() == 1);
  REQUIRE(sel.payments[0].invoices.size() == 2);
  CHECK(sel.skipped.empty());
  const auto& first = sel.payments[0].invoices[0];
  CHECK(first.key == "101");
  CHECK(first.partly_paid);
  CHECK(first.amount == *decimal::parse("400.00"));
  CHECK(first.discount.is_zero());
  CHECK_FALSE(sel.payments[0].invoices[1].partly_paid);
  CHECK(sel.payments[0].total == *decimal::parse("500.00"));
  const auto erp = erp_payment(sel.payments[0], "R1.p1", "2026-03-05", "", cfg);
  const auto* app = application_for(erp, "INV-101");
  REQUIRE(app);
  CHECK((*app)["amount"] == eur("400.00"));
  CHECK_FALSE(app->contains("discount_taken"));
  CHECK_FALSE(app->contains("withholding"));
  CHECK(erp["amount"] == eur("500.00"));
  // The creditor sees what each invoice is paid (the first one only in part).
  const auto bank = bank_payment(sel.payments[0], "R1.p1", "2026-03-05", "Acme",
                                 {{"iban", "FR1420041010050500013M02606"}}, cfg);
  CHECK(bank["remittance"]["unstructured"] == "INV-101 400.00 INV-102 100.00");

  SECTION("a short payment applies to the open rest") {
    std::map<std::string, short_payment> shorts{{"INV-101", {*decimal::parse("50.00"), "DAMAGED", ""}}};
    const auto s2 = select_payable({partly}, {}, cfg, {"2026-03-05", shorts});
    REQUIRE(s2.payments.size() == 1);
    CHECK(s2.payments[0].total == *decimal::parse("350.00"));
  }
  SECTION("withholding is not withheld again from the rest") {
    auto wht = with_gross(bill("104", "7", "900.00"), "1000.00");
    wht["withholding"] = json::array({{{"rate_percent", "10"}, {"amount", eur("100.00")}}});
    wht["amount_open"] = eur("300.00");
    const auto s2 = select_payable({wht}, {}, cfg, {"2026-03-10", {}});
    REQUIRE(s2.payments.size() == 1);
    CHECK(s2.payments[0].total == *decimal::parse("300.00"));
    CHECK(s2.payments[0].invoices[0].withholding.is_zero());
  }
  SECTION("an amount_open above what is owed, or in another currency, is skipped with the reason") {
    partly["amount_open"] = eur("1190.01");
    auto other = with_gross(bill("105", "7", "10.00"), "10.00");
    other["amount_open"] = {{"amount", "10.00"}, {"currency", "USD"}};
    const auto s2 = select_payable({partly, other}, {}, cfg, {"2026-03-05", {}});
    CHECK(s2.payments.empty());
    REQUIRE(s2.skipped.size() == 2);
    CHECK_THAT(s2.skipped[0]["reason"].get<std::string>(), Catch::Contains("amount_open"));
  }
  SECTION("a payment block still wins") {
    partly["payment_block"] = true;
    CHECK(select_payable({partly}, {}, cfg, {"2026-03-05", {}}).payments.empty());
  }
}

TEST_CASE("short payments file: entries are checked and named", "[flows][selection]") {
  const auto ok = short_payments_from_json(json::parse(
      R"([{"invoice": "INV-1", "amount": "10.00", "reason_code": "PRICE", "reason": "price differs"}])"));
  REQUIRE(ok.count("INV-1") == 1);
  CHECK(ok.at("INV-1").amount == *decimal::parse("10.00"));
  for (const auto* bad : {R"({"invoice": "INV-1"})", R"([{"amount": "1.00"}])",
                          R"([{"invoice": "INV-1", "amount": 10}])", R"([{"invoice": "INV-1", "amount": "-1"}])",
                          R"([{"invoice": "INV-1", "amount": "1"}, {"invoice": "INV-1", "amount": "2"}])"}) {
    CAPTURE(bad);
    try {
      short_payments_from_json(json::parse(bad));
      FAIL("accepted");
    } catch (const error& e) {
      CHECK(e.code() == "flow.bad_short_payments");
    }
  }
}
