// SPDX-License-Identifier: Apache-2.0
// Element paths: vendors.md §6.2 and the pain.001 XSDs in shared/reference/iso20022.
#include "pain001_reader.hpp"

#include <erpc/currency.hpp>
#include <erpc/error.hpp>

namespace erpc::sim::bank {
namespace {

constexpr std::string_view namespace_prefix = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.";
constexpr std::string_view supported_versions[] = {"03", "09", "10"};

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

class pain001_parser {
 public:
  explicit pain001_parser(banking::untrusted_xml_reader& xml) : xml_(xml) {}

  pain001_message run() {
    using event = banking::untrusted_xml_reader::event;
    for (event e = xml_.next(); e != event::end_of_document; e = xml_.next()) {
      if (e == event::start) {
        start();
      } else {
        end();
      }
    }
    if (!seen_root_) {
      throw error(error_class::validation, "pain001.not_pain001",
                  "the file has no XML document element");
    }
    if (message_.message_id.empty()) missing("GrpHdr/MsgId");
    if (!seen_count_) missing("GrpHdr/NbOfTxs");
    if (message_.payment_information.empty()) missing("PmtInf");
    std::size_t count = 0;
    decimal sum;
    for (const auto& p : message_.payment_information) {
      if (p.payment_information_id.empty()) missing("PmtInf/PmtInfId");
      if (p.requested_execution_date.empty()) missing("PmtInf/ReqdExctnDt");
      if (p.debtor_account.empty()) missing("PmtInf/DbtrAcct");
      if (p.transactions.empty()) missing("PmtInf/CdtTrfTxInf");
      for (const auto& t : p.transactions) {
        if (t.end_to_end_id.empty()) missing("CdtTrfTxInf/PmtId/EndToEndId");
        if (t.currency.empty()) missing("CdtTrfTxInf/Amt/InstdAmt");
        ++count;
        sum = sum + t.amount;
      }
    }
    if (count != message_.number_of_transactions) {
      throw error(error_class::validation, "pain001.count_mismatch",
                  "GrpHdr/NbOfTxs says " + std::to_string(message_.number_of_transactions) +
                      " but the file has " + std::to_string(count) + " transactions");
    }
    if (message_.control_sum && *message_.control_sum != sum) {
      throw error(error_class::validation, "pain001.control_sum_mismatch",
                  "GrpHdr/CtrlSum is " + message_.control_sum->to_string() +
                      " but the amounts add up to " + sum.to_string());
    }
    return std::move(message_);
  }

 private:
  [[noreturn]] void missing(std::string_view path) {
    throw error(error_class::validation, "pain001.missing_element",
                "the message has no " + std::string(path));
  }

  // The path below Document/CstmrCdtTrfInitn/.
  std::string_view relative() const {
    constexpr std::string_view root = "Document/CstmrCdtTrfInitn/";
    const auto p = xml_.path();
    return starts_with(p, root) ? p.substr(root.size()) : std::string_view{};
  }

  void start() {
    if (!seen_root_) {
      seen_root_ = true;
      const auto ns = xml_.namespace_uri();
      if (xml_.name() != "Document" || !starts_with(ns, namespace_prefix)) {
        xml_.fail("not_pain001", "the document is not a pain.001 message (root " +
                                     std::string(xml_.name()) + ")");
      }
      const auto version = ns.substr(namespace_prefix.size());
      bool known = false;
      for (const auto v : supported_versions) known = known || v == version;
      if (!known) {
        xml_.fail("message_version_unsupported",
                  "pain.001.001." + std::string(version).substr(0, 8) +
                      " is not read (.03, .09, .10 are)");
      }
      namespace_ = std::string(ns);
      message_.message_name = "pain.001.001." + std::string(version);
      return;
    }
    if (xml_.namespace_uri() != namespace_) {
      xml_.fail("not_pain001", "element " + std::string(xml_.name()) +
                                   " is outside the message's namespace");
    }
    if (xml_.depth() == 2 && xml_.name() != "CstmrCdtTrfInitn") {
      xml_.fail("not_pain001", "expected CstmrCdtTrfInitn, found " + std::string(xml_.name()));
    }
    const auto rel = relative();
    if (rel == "PmtInf") {
      message_.payment_information.emplace_back();
    } else if (rel == "PmtInf/CdtTrfTxInf") {
      message_.payment_information.back().transactions.emplace_back();
    } else if (rel == "PmtInf/CdtTrfTxInf/Amt/InstdAmt") {
      tx().currency = xml_.attribute("Ccy");
      if (!is_currency_code(tx().currency)) {
        xml_.fail("currency_invalid", "InstdAmt/@Ccy '" + tx().currency.substr(0, 8) +
                                          "' is not an ISO 4217 code");
      }
    } else if (rel == "PmtInf/CdtTrfTxInf/Amt/EqvtAmt") {
      xml_.fail("amount_invalid", "EqvtAmt is not supported by the simulated bank");
    }
  }

  pain001_payment_information& pmt() { return message_.payment_information.back(); }
  pain001_transaction& tx() { return pmt().transactions.back(); }

  void end() {
    const auto rel = relative();
    const auto& v = xml_.text();
    if (rel == "GrpHdr/MsgId") {
      message_.message_id = v;
    } else if (rel == "GrpHdr/CreDtTm") {
      message_.creation_date_time = v;
    } else if (rel == "GrpHdr/NbOfTxs") {
      if (v.empty() || v.size() > 15 || v.find_first_not_of("0123456789") != std::string::npos) {
        xml_.fail("count_mismatch", "GrpHdr/NbOfTxs '" + v.substr(0, 20) + "' is not a count");
      }
      message_.number_of_transactions = std::stoull(v);
      seen_count_ = true;
    } else if (rel == "GrpHdr/CtrlSum") {
      message_.control_sum = amount(v, "GrpHdr/CtrlSum");
    } else if (rel == "GrpHdr/InitgPty/Nm") {
      message_.initiating_party_name = v;
    } else if (starts_with(rel, "PmtInf/CdtTrfTxInf/")) {
      transaction_field(rel.substr(19), v);
    } else if (starts_with(rel, "PmtInf/")) {
      payment_information_field(rel.substr(7), v);
    }
  }

  void payment_information_field(std::string_view f, const std::string& v) {
    auto& p = pmt();
    if (f == "PmtInfId") {
      p.payment_information_id = v;
    } else if (f == "BtchBookg") {
      if (v != "true" && v != "false" && v != "1" && v != "0") {
        xml_.fail("xml_malformed", "BtchBookg '" + v.substr(0, 8) + "' is not a boolean");
      }
      p.batch_booking = v == "true" || v == "1";
    } else if (f == "ReqdExctnDt" || f == "ReqdExctnDt/Dt" || f == "ReqdExctnDt/DtTm") {
      if (!v.empty()) p.requested_execution_date = v.substr(0, 10);
    } else if (f == "Dbtr/Nm") {
      p.debtor_name = v;
    } else if (f == "DbtrAcct/Id/IBAN" || f == "DbtrAcct/Id/Othr/Id") {
      p.debtor_account = v;
    } else if (f == "DbtrAgt/FinInstnId/BICFI" || f == "DbtrAgt/FinInstnId/BIC") {
      p.debtor_bic = v;
    } else if (f == "ChrgBr") {
      p.charge_bearer = v;
    }
  }

  void transaction_field(std::string_view f, const std::string& v) {
    auto& t = tx();
    if (f == "PmtId/InstrId") {
      t.instruction_id = v;
    } else if (f == "PmtId/EndToEndId") {
      t.end_to_end_id = v;
    } else if (f == "PmtId/UETR") {
      t.uetr = v;
    } else if (f == "Amt/InstdAmt") {
      t.amount = amount(v, "InstdAmt");
    } else if (f == "Cdtr/Nm") {
      t.creditor_name = v;
    } else if (f == "CdtrAcct/Id/IBAN" || f == "CdtrAcct/Id/Othr/Id") {
      t.creditor_account = v;
    } else if (f == "CdtrAgt/FinInstnId/BICFI" || f == "CdtrAgt/FinInstnId/BIC") {
      t.creditor_bic = v;
    } else if (f == "RmtInf/Ustrd") {
      if (t.remittance_unstructured.empty()) t.remittance_unstructured = v;
    } else if (f == "RmtInf/Strd/CdtrRefInf/Ref") {
      t.remittance_reference = v;
    }
  }

  decimal amount(const std::string& v, std::string_view what) {
    const auto d = decimal::parse(v);
    if (!d || d->is_negative() || d->scale() > 5) {
      xml_.fail("amount_invalid", std::string(what) + " '" + v.substr(0, 40) +
                                      "' is not an amount (at most 5 decimals, not negative)");
    }
    return *d;
  }

  banking::untrusted_xml_reader& xml_;
  pain001_message message_;
  std::string namespace_;
  bool seen_root_ = false;
  bool seen_count_ = false;
};

}  // namespace

decimal pain001_payment_information::total() const {
  decimal sum;
  for (const auto& t : transactions) sum = sum + t.amount;
  return sum;
}

pain001_message read_pain001(std::string_view xml, const banking::untrusted_xml_limits& limits) {
  banking::untrusted_xml_reader reader(xml, "pain001", limits);
  return pain001_parser(reader).run();
}

std::optional<pain001_header> read_pain001_header(std::string_view xml,
                                                 const banking::untrusted_xml_limits& limits) {
  using event = banking::untrusted_xml_reader::event;
  try {
    banking::untrusted_xml_reader reader(xml, "pain001", limits);
    pain001_header h;
    for (event e = reader.next(); e != event::end_of_document; e = reader.next()) {
      if (e == event::start && reader.depth() == 1) {
        const auto ns = reader.namespace_uri();
        if (reader.name() != "Document" || !starts_with(ns, namespace_prefix)) return std::nullopt;
        h.message_name = "pain.001.001." + std::string(ns.substr(namespace_prefix.size()));
      }
      if (e != event::end) continue;
      const auto p = reader.path();
      if (p == "Document/CstmrCdtTrfInitn/GrpHdr/MsgId") h.message_id = reader.text();
      if (p == "Document/CstmrCdtTrfInitn/GrpHdr/CreDtTm") h.creation_date_time = reader.text();
      if (p == "Document/CstmrCdtTrfInitn/GrpHdr") break;
    }
    if (h.message_id.empty() || h.message_id.size() > 35) return std::nullopt;
    return h;
  } catch (const error&) {
    return std::nullopt;
  }
}

}  // namespace erpc::sim::bank
