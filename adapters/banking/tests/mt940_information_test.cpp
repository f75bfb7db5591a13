#include <erpc/banking/mt940_information.hpp>

#include <catch2/catch.hpp>

using namespace erpc::banking;

TEST_CASE(":86: DK sub-fields with SEPA keywords") {
  const auto info = parse_mt940_information(
      "166?00SEPA-UEBERWEISUNG?109310?20EREF+E2E-1?21KREF+K-7?22MREF+M-9?23CRED+DE98ZZZ0999999"
      "9999?24SVWZ+Invoice 42?30COBADEFFXXX?31DE89370400440532013000?32Acme ?33GmbH");
  CHECK(info.format == mt940_information::layout::dk_subfields);
  CHECK(info.transaction_code == "166");
  CHECK(info.booking_text == "SEPA-UEBERWEISUNG");
  CHECK(info.end_to_end_id == "E2E-1");
  CHECK(info.customer_reference == "K-7");
  CHECK(info.mandate_id == "M-9");
  CHECK(info.creditor_id == "DE98ZZZ09999999999");
  CHECK(info.remittance == "Invoice 42");
  CHECK(info.counterparty_bic == "COBADEFFXXX");
  CHECK(info.counterparty_account == "DE89370400440532013000");
  CHECK(info.counterparty_name == "Acme GmbH");
}

TEST_CASE(":86: SWIFT-style keys, with '/' inside a value") {
  const auto info = parse_mt940_information(
      "/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/Beta B.V./REMI/USTD//"
      "Invoice 2026/0042/EREF/E2E-77");
  CHECK(info.format == mt940_information::layout::swift_keys);
  CHECK(info.end_to_end_id == "E2E-77");
  CHECK(info.counterparty_account == "NL91ABNA0417164300");
  CHECK(info.counterparty_bic == "ABNANL2A");
  CHECK(info.counterparty_name == "Beta B.V.");
  CHECK(info.remittance == "Invoice 2026/0042");
}

TEST_CASE(":86: NOTPROVIDED is never an end-to-end key, free text stays free text") {
  CHECK_FALSE(parse_mt940_information("/EREF/NOTPROVIDED/REMI/x").end_to_end_id);
  CHECK_FALSE(parse_mt940_information("?20EREF+NOTPROVIDED").end_to_end_id);
  const auto free = parse_mt940_information("Acme GmbH INV-2026-0042");
  CHECK(free.format == mt940_information::layout::free_text);
  CHECK_FALSE(free.remittance);
}
