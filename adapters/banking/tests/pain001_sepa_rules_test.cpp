// Every SEPA batch rule of BANKING.md, broken one at a time: VALIDATION with a stable code and
// a pointer into the canonical batch. And a batch breaking several at once reports them all.
#include <erpc/banking/pain001_writer.hpp>

#include "payment_test_support.hpp"

using namespace erpc;
using namespace erpc::banking;
using erpc::banking::test::batch_fixture;
using erpc::banking::test::has_field;
using erpc::banking::test::validation_error;

namespace {

pain001_options sepa09() {
  pain001_options o;
  o.version = pain001_version::v09;
  o.usage = pain001_usage::sepa;
  o.idempotency_key = "netsuite:payment-run:PR-2026-0301";
  o.creation_date_time = "2026-03-01T10:15:00";
  return o;
}

void expect_violation(const payment_batch& batch, std::string_view pointer,
                      std::string_view code, const pain001_options& options = sepa09()) {
  const auto e = validation_error([&] { write_pain001(batch, options); }, code);
  CHECK(has_field(e, pointer, code));
}

}  // namespace

TEST_CASE("SEPA rules, one at a time") {
  auto b = batch_fixture("pain/batch_supplier_run.json");
  auto& p = b.payments[0];

  SECTION("EUR only") {
    p.amount = money::parse("119.00", "USD");
    b.control_sum.reset();
    expect_violation(b, "/payments/0/amount/currency", "pain001.sepa_currency");
  }
  SECTION("ChrgBr SLEV") {
    p.charge_bearer = "DEBT";
    expect_violation(b, "/payments/0/charge_bearer", "pain001.sepa_charge_bearer");
    p.charge_bearer.reset();
    b.charge_bearer = "SHAR";
    expect_violation(b, "/charge_bearer", "pain001.sepa_charge_bearer");
  }
  SECTION("2 decimals, never rounded") {
    p.amount = money::parse("119.001", "EUR");
    b.control_sum.reset();
    expect_violation(b, "/payments/0/amount/amount", "pain001.amount_precision");
  }
  SECTION("at most 999999999.99 a transaction") {
    p.amount = money::parse("1000000000.00", "EUR");
    b.control_sum.reset();
    expect_violation(b, "/payments/0/amount/amount", "pain001.sepa_amount_too_large");
    p.amount = money::parse("999999999.99", "EUR");
    CHECK_NOTHROW(write_pain001(b, sepa09()));
  }
  SECTION("a positive amount") {
    p.amount = money::parse("0.00", "EUR");
    b.control_sum.reset();
    expect_violation(b, "/payments/0/amount/amount", "pain001.amount_not_positive");
  }
  SECTION("names ≤ 70 characters after transliteration") {
    // 35 umlauts are 35 characters in UTF-8 text but 70 after ü → ue; one more is too many.
    std::string name;
    for (int k = 0; k < 35; ++k) name += "ü";
    p.creditor->name = name;
    CHECK_NOTHROW(write_pain001(b, sepa09()));
    p.creditor->name = name + "x";
    expect_violation(b, "/payments/0/creditor/name", "pain001.name_too_long");
  }
  SECTION("one Ustrd or one Strd, not both") {
    p.remittance->structured = contract::structured_remittance{};
    p.remittance->structured->creditor_reference =
        contract::creditor_reference{"SCOR", std::nullopt, "RF18539007547034"};
    expect_violation(b, "/payments/0/remittance", "pain001.sepa_remittance_both");
  }
  SECTION("Ustrd ≤ 140 after transliteration") {
    p.remittance->unstructured = std::string(69, 'x') + "ßß";  // 69 + 4 fine
    CHECK_NOTHROW(write_pain001(b, sepa09()));
    std::string long_text(137, 'x');
    long_text += "ää";  // 137 + 4 = 141
    p.remittance->unstructured = long_text;
    expect_violation(b, "/payments/0/remittance/unstructured", "pain001.remittance_too_long");
  }
  SECTION("RF creditor references checked mod-97") {
    auto& r = b.payments[1].remittance->structured->creditor_reference->reference;
    r = "RF19539007547034";
    expect_violation(b, "/payments/1/remittance/structured/creditor_reference/reference",
                     "pain001.creditor_reference_invalid");
    r = "RF18 5390 0754 7034";  // ISO 11649 print form; the check ignores spaces
    CHECK_NOTHROW(write_pain001(b, sepa09()));
    r = "12345/ÄB";  // not RF, but still passed on unchanged, so SEPA characters only
    expect_violation(b, "/payments/1/remittance/structured/creditor_reference/reference",
                     "pain001.reference_characters");
  }
  SECTION("SEPA Latin character set: what cannot be transliterated is refused") {
    p.creditor->name = "Ελληνικά Τρόφιμα ΑΕ";
    expect_violation(b, "/payments/0/creditor/name", "pain001.text_not_latin");
  }
  SECTION("IBAN required, and checked") {
    p.creditor_account = contract::bank_account{};
    p.creditor_account->other = contract::other_account_id{"12345678", "BBAN"};
    expect_violation(b, "/payments/0/creditor_account", "pain001.sepa_iban_required");
    p.creditor_account = contract::bank_account{};
    p.creditor_account->iban = "DE89370400440532013001";
    expect_violation(b, "/payments/0/creditor_account/iban", "pain001.iban_invalid");
  }
  SECTION("structured or hybrid address, not unstructured") {
    contract::postal_address a;
    a.address_lines = {"Rheinufer 7", "50667 Koeln"};
    p.creditor->postal_address = a;
    expect_violation(b, "/payments/0/creditor/postal_address", "pain001.address_unstructured");
    a.town_name = "Koeln";
    a.country = "DE";
    a.address_lines = {"Rheinufer 7"};  // hybrid: town + country + a line
    p.creditor->postal_address = a;
    const auto doc = write_pain001(b, sepa09());
    REQUIRE_XSD_VALID(doc.xml, "pain.001.001.09-EPC132-08-2023-SCT.xsd");
    a.address_lines = {"1", "2", "3"};
    p.creditor->postal_address = a;
    expect_violation(b, "/payments/0/creditor/postal_address/address_lines",
                     "pain001.address_too_many_lines");
  }
  SECTION("debtor account and execution date must be somewhere") {
    b.debtor_account.reset();
    expect_violation(b, "/debtor_account", "pain001.debtor_account_missing");
  }
  SECTION("execution date") {
    b.requested_execution_date.reset();
    expect_violation(b, "/requested_execution_date", "pain001.execution_date_missing");
  }
  SECTION("batch totals that disagree with the payments") {
    b.control_sum = *decimal::parse("1454.41");
    expect_violation(b, "/control_sum", "pain001.batch_control_sum_mismatch");
    b.control_sum.reset();
    b.number_of_transactions = 5;
    expect_violation(b, "/number_of_transactions", "pain001.batch_count_mismatch");
  }
  SECTION("payments in, not out") {
    p.direction = "inbound";
    expect_violation(b, "/payments/0/direction", "pain001.not_outbound");
  }
}

TEST_CASE("every violation of a batch is reported at once, first one as the code") {
  auto b = batch_fixture("pain/batch_supplier_run.json");
  b.payments[0].amount = money::parse("5.00", "USD");
  b.payments[2].creditor->name = "Ελληνικά";
  b.payments[3].creditor_account->iban = "DE00370400440532013000";
  b.control_sum.reset();
  const auto e =
      validation_error([&] { write_pain001(b, sepa09()); }, "pain001.sepa_currency");
  CHECK(e.field_errors().size() == 3);
  CHECK(has_field(e, "/payments/2/creditor/name", "pain001.text_not_latin"));
  CHECK(has_field(e, "/payments/3/creditor_account/iban", "pain001.iban_invalid"));
  // No secret and no raw input beyond the field's own value in the message.
  CHECK(std::string(e.what()).find("3 problems") == 0);
}

TEST_CASE("options: a missing idempotency key or creation time is refused") {
  const auto b = batch_fixture("pain/batch_supplier_run.json");
  auto o = sepa09();
  o.idempotency_key.clear();
  validation_error([&] { write_pain001(b, o); }, "pain001.idempotency_key_missing");
  o = sepa09();
  o.creation_date_time = "yesterday";
  validation_error([&] { write_pain001(b, o); }, "pain001.creation_time_invalid");
}

TEST_CASE("connection settings name the version and usage") {
  CHECK(pain001_version_from_name("pain.001.001.03") == pain001_version::v03);
  CHECK(pain001_version_from_name("pain.001.001.09") == pain001_version::v09);
  CHECK(pain001_version_from_name("pain.001.001.10") == pain001_version::v10);
  CHECK(pain001_usage_from_name("sepa") == pain001_usage::sepa);
  CHECK(pain001_usage_from_name("cgi_mp") == pain001_usage::cgi_mp);
  for (const auto* bad : {"pain.001.001.08", "09", ""}) {
    try {
      pain001_version_from_name(bad);
      FAIL("accepted " << bad);
    } catch (const erpc::error& e) {
      CHECK(e.cls() == erpc::error_class::configuration);
      CHECK(e.code() == "pain001.version_unsupported");
    }
  }
  CHECK_THROWS_AS(pain001_usage_from_name("SEPA"), erpc::error);
}
