// pain.002 → canonical PaymentStatus: the BANKING.md cases (ACSC then a late ACTC; a group RJCT
// with no transactions; PART with AM04 + AC04; resubmission after FF01), precedence, mapping,
// reasons, and applying a report twice. The reports answer the pain.001 the writer tests write
// (golden_supplier_run_v09_sepa.xml), so identifiers line up as they would in production.
#include <erpc/banking/pain001_writer.hpp>
#include <erpc/banking/pain002_reader.hpp>
#include <erpc/banking/payment_status_transition.hpp>
#include <erpc/contract/payment_status_json.hpp>

#include "payment_test_support.hpp"

#include <map>

using namespace erpc;
using namespace erpc::banking;
using contract::payment_state;
using erpc::banking::test::batch_fixture;
using erpc::banking::test::read_data;
using erpc::banking::test::validation_error;
using erpc::banking::test::validator;

namespace {

pain001_options options(std::uint32_t generation = 1) {
  pain001_options o;
  o.version = pain001_version::v09;
  o.usage = pain001_usage::sepa;
  o.idempotency_key = "netsuite:payment-run:PR-2026-0301";
  o.generation = generation;
  o.creation_date_time = "2026-03-01T10:15:00";
  return o;
}

struct sent_message {
  pain001_document document;
  std::vector<sent_transaction> transactions;
};

sent_message send(std::uint32_t generation = 1) {
  sent_message m{write_pain001(batch_fixture("pain/batch_supplier_run.json"),
                               options(generation)),
                 {}};
  for (const auto& t : m.document.transactions) {
    m.transactions.push_back({*t.references.payment_information_id,
                              t.references.instruction_id, *t.references.end_to_end_id});
  }
  return m;
}

void require_valid(const contract::payment_status& s) {
  const auto findings = validator().validate("PaymentStatus", nlohmann::json(s));
  for (const auto& f : findings) UNSCOPED_INFO(f.pointer << " " << f.code << " " << f.message);
  REQUIRE(findings.empty());
}

// The status on record per EndToEndId, as a consumer keeps it.
struct status_book {
  std::map<std::string, payment_state> state;
  std::map<status_outcome, int> outcomes;

  void apply(const std::vector<contract::payment_status>& statuses) {
    for (const auto& s : statuses) {
      const auto& key = *s.references->end_to_end_id;
      const auto it = state.find(key);
      const auto current =
          it == state.end() ? std::optional<payment_state>{} : std::optional(it->second);
      const auto applied = apply_payment_status(current, s);
      require_valid(applied.status);  // previous_status → status is a legal transition
      ++outcomes[applied.outcome];
      if (applied.outcome == status_outcome::applied) state[key] = applied.status.status;
    }
  }
};

}  // namespace

TEST_CASE("pain.002 fixtures are shaped like the real thing (.11 XSD)") {
  REQUIRE_XSD_VALID(read_data("pain/pain002_v11_acsc.xml"), "pain.002.001.11.xsd");
  REQUIRE_XSD_VALID(read_data("pain/pain002_v11_actc_late.xml"), "pain.002.001.11.xsd");
  // The .10 and .03 fixtures use the same element paths; checked against .11 with the
  // namespace swapped.
  for (const char* name : {"pain/pain002_v10_part_am04_ac04.xml",
                           "pain/pain002_v03_group_rjct_ff01.xml"}) {
    std::string xml = read_data(name);
    const auto at = xml.find("pain.002.001.");
    xml.replace(at, 15, "pain.002.001.11");
    REQUIRE_XSD_VALID(xml, "pain.002.001.11.xsd");
  }
}

TEST_CASE("pain.002 status code mapping (BANKING.md)") {
  const std::pair<const char*, payment_state> table[] = {
      {"RCVD", payment_state::transmitted}, {"ACTC", payment_state::transmitted},
      {"ACCP", payment_state::accepted},    {"ACFC", payment_state::accepted},
      {"ACSP", payment_state::accepted},    {"ACWC", payment_state::accepted},
      {"PDNG", payment_state::accepted},    {"ACSC", payment_state::settled},
      {"ACCC", payment_state::settled},     {"RJCT", payment_state::rejected},
      {"CANC", payment_state::cancelled},   {"PART", payment_state::partially_accepted}};
  for (const auto& [code, state] : table) CHECK(payment_state_for_bank_status(code) == state);
  CHECK_FALSE(payment_state_for_bank_status("BLCK"));
  CHECK_FALSE(payment_state_for_bank_status("acsc"));
}

TEST_CASE("pain.002 PART with AM04 + AC04") {
  const auto sent = send();
  const auto report = read_pain002(read_data("pain/pain002_v10_part_am04_ac04.xml"));
  CHECK(report.version == "pain.002.001.10");
  CHECK(report.original_message_id == sent.document.message_id);
  CHECK(report.group.bank_status == "PART");
  REQUIRE(report.group.reasons.size() == 1);
  CHECK(report.group.reasons[0].proprietary == "BANK-PART-7");
  CHECK(report.group.reasons[0].additional_information ==
        std::vector<std::string>{"2 of 4 transactions rejected"});

  SECTION("unlisted transactions: no news (bank setting 'unchanged')") {
    const auto statuses =
        resolve_transaction_statuses(report, sent.document.message_id, sent.transactions);
    REQUIRE(statuses.size() == 2);
    CHECK(statuses[0].references->end_to_end_id == sent.transactions[0].end_to_end_id);
    CHECK(statuses[0].status == payment_state::rejected);
    CHECK(statuses[0].level == "transaction");
    CHECK(statuses[0].bank_status == "RJCT");
    REQUIRE(statuses[0].reasons.size() == 1);
    CHECK(statuses[0].reasons[0].code == "AM04");
    CHECK(statuses[0].reasons[0].additional_information ==
          std::vector<std::string>{"Insufficient funds"});
    CHECK(statuses[1].reasons[0].code == "AC04");
    CHECK(statuses[1].reasons[0].additional_information.size() == 2);
    CHECK(statuses[1].references->message_id == sent.document.message_id);
    CHECK(statuses[1].references->payment_information_id ==
          sent.transactions[1].payment_information_id);
    for (const auto& s : statuses) require_valid(s);
  }
  SECTION("unlisted transactions: accepted (bank setting 'accepted')") {
    pain002_options o;
    o.part_unlisted = unlisted_under_part::accepted;
    o.source_id = "pain002_v10_part_am04_ac04.xml";
    const auto statuses =
        resolve_transaction_statuses(report, sent.document.message_id, sent.transactions, o);
    REQUIRE(statuses.size() == 4);
    CHECK(statuses[2].status == payment_state::accepted);
    CHECK(statuses[2].level == "group");
    CHECK(statuses[2].bank_status == "PART");
    CHECK(statuses[2].reasons.empty());
    CHECK(statuses[3].status == payment_state::accepted);
    CHECK(statuses[3].source.id == "pain002_v10_part_am04_ac04.xml");
    for (const auto& s : statuses) require_valid(s);
  }
}

TEST_CASE("pain.002 group RJCT with no transactions listed, then resubmission after FF01") {
  const auto first = send(1);
  const auto report = read_pain002(read_data("pain/pain002_v03_group_rjct_ff01.xml"));
  const auto statuses =
      resolve_transaction_statuses(report, first.document.message_id, first.transactions);
  REQUIRE(statuses.size() == 4);  // every transaction of the message
  for (const auto& s : statuses) {
    CHECK(s.status == payment_state::rejected);
    CHECK(s.level == "group");
    REQUIRE(s.reasons.size() == 1);
    CHECK(s.reasons[0].code == "FF01");
    CHECK(s.status_at == "2026-03-01T09:16:00Z");
    require_valid(s);
  }
  status_book book;
  for (const auto& t : first.transactions) book.state[t.end_to_end_id] = payment_state::transmitted;
  book.apply(statuses);
  CHECK(book.outcomes[status_outcome::applied] == 4);

  // The resubmission is a new generation: a new MsgId and new transaction identifiers, never a
  // reused one (the bank would answer DUPL).
  const auto second = send(2);
  CHECK(second.document.message_id != first.document.message_id);
  for (std::size_t k = 0; k < first.transactions.size(); ++k) {
    CHECK(second.transactions[k].end_to_end_id != first.transactions[k].end_to_end_id);
  }
  // The old rejection never touches the new message.
  validation_error(
      [&] {
        resolve_transaction_statuses(report, second.document.message_id, second.transactions);
      },
      "pain002.original_message_mismatch");
}

TEST_CASE("pain.002 ACSC followed by a late ACTC, precedence TxSts > PmtInfSts > GrpSts") {
  const auto sent = send();
  const auto settled = read_pain002(read_data("pain/pain002_v11_acsc.xml"));
  const auto statuses =
      resolve_transaction_statuses(settled, sent.document.message_id, sent.transactions);
  REQUIRE(statuses.size() == 4);
  CHECK(statuses[0].status == payment_state::settled);  // PmtInfSts ACSC
  CHECK(statuses[0].level == "payment_information");
  CHECK(statuses[1].status == payment_state::settled);  // its own TxSts
  CHECK(statuses[1].level == "transaction");
  CHECK(statuses[1].account_servicer_reference == "2026030212345");
  CHECK(statuses[1].status_at == "2026-03-02T08:59:00Z");
  CHECK(statuses[2].status == payment_state::accepted);  // GrpSts ACCP
  CHECK(statuses[2].level == "group");
  CHECK(statuses[3].status == payment_state::accepted);
  CHECK(statuses[3].status_at == "2026-03-02T09:05:00Z");  // the report's CreDtTm

  // A time that is not one (hour 29, 30 February) is left out, never passed on.
  for (const char* bad : {"2026-03-02T29:05:00Z", "2026-02-30T09:05:00Z", "2026-03-02T09:05Z"}) {
    std::string xml = read_data("pain/pain002_v11_acsc.xml");
    xml.replace(xml.find("2026-03-02T09:05:00Z"), 20, bad);
    const auto odd =
        resolve_transaction_statuses(read_pain002(xml), sent.document.message_id,
                                     sent.transactions);
    CHECK_FALSE(odd[3].status_at);
    for (const auto& s : odd) require_valid(s);
  }

  status_book book;
  for (const auto& t : sent.transactions) book.state[t.end_to_end_id] = payment_state::transmitted;
  book.apply(statuses);
  CHECK(book.outcomes[status_outcome::applied] == 4);

  // The ACTC sent before the ACSC arrives after it: nothing moves back.
  const auto late = read_pain002(read_data("pain/pain002_v11_actc_late.xml"));
  book.apply(resolve_transaction_statuses(late, sent.document.message_id, sent.transactions));
  CHECK(book.outcomes[status_outcome::stale] == 4);
  CHECK(book.state[sent.transactions[0].end_to_end_id] == payment_state::settled);
  CHECK(book.state[sent.transactions[2].end_to_end_id] == payment_state::accepted);

  // Reading the same report twice changes nothing.
  const auto before = book.state;
  book.apply(statuses);
  CHECK(book.outcomes[status_outcome::unchanged] == 4);
  CHECK(book.state == before);

  // A later RJCT for an accepted (not yet settled) payment is applied.
  auto rejected = statuses[2];
  rejected.status = payment_state::rejected;
  rejected.bank_status = "RJCT";
  book.apply({rejected});
  CHECK(book.state[sent.transactions[2].end_to_end_id] == payment_state::rejected);
}

TEST_CASE("pain.002 reports about transactions that were not sent, or odd statuses") {
  const auto sent = send();
  std::string xml = read_data("pain/pain002_v10_part_am04_ac04.xml");
  SECTION("an unknown EndToEndId") {
    const auto at = xml.find("-E2<");
    xml.replace(at, 3, "-E9");
    const auto report = read_pain002(xml);
    validation_error(
        [&] { resolve_transaction_statuses(report, sent.document.message_id, sent.transactions); },
        "pain002.unknown_transaction");
  }
  SECTION("a status outside the mapping needs a person") {
    xml.replace(xml.find("<TxSts>RJCT"), 11, "<TxSts>BLCK");
    validation_error([&] { read_pain002(xml); }, "pain002.status_unsupported");
  }
  SECTION("PART is not a transaction status") {
    xml.replace(xml.find("<TxSts>RJCT"), 11, "<TxSts>PART");
    validation_error([&] { read_pain002(xml); }, "pain002.part_at_transaction");
  }
  SECTION("a reason code that is not one") {
    xml.replace(xml.find("<Cd>AM04"), 8, "<Cd>AM-4");
    validation_error([&] { read_pain002(xml); }, "pain002.reason_invalid");
  }
  SECTION("a transaction without identifiers") {
    const auto from = xml.find("<OrgnlEndToEndId>", xml.find("ST-2"));
    const auto to = xml.find("</OrgnlEndToEndId>", from) + 18;
    xml.erase(from, to - from);
    validation_error([&] { read_pain002(xml); }, "pain002.transaction_unidentified");
  }
  SECTION("no OrgnlMsgId") {
    const auto from = xml.find("<OrgnlMsgId>");
    xml.erase(from, xml.find("</OrgnlMsgId>") + 13 - from);
    validation_error([&] { read_pain002(xml); }, "pain002.missing_element");
  }
}
