// SPDX-License-Identifier: Apache-2.0
// camt.053 as the simulated bank writes it: elements in XSD order (camt.053.001.08 and .001.02
// in shared/reference/iso20022; vendors.md §6.1 skeleton). The version traps the readers must
// handle are written as each version has them: .02 has a bare <Sts>BOOK</Sts>, parties without
// <Pty>, TxDtls amounts in AmtDtls/TxAmt and the BIC as <BIC>; .08 the newer forms.
// Batch booking (BANKING.md "Batch booking"; docs/bank-file-contract.md): one Ntry per PmtInf with
// NtryDtls/Btch{MsgId, PmtInfId, NbOfTxs, TtlAmt} and one TxDtls per payment (omissible).
#include "statement_writers.hpp"
#include "xml_text.hpp"

#include <erpc/error.hpp>

namespace erpc::sim::bank {
namespace {

struct code_triple {
  const char* domain;
  const char* family;
  const char* subfamily;
};

// ISO 20022 bank transaction codes: SEPA credit transfer issued, charges, payment return.
code_triple transaction_code(const statement_line& l, const std::string& currency) {
  switch (l.kind) {
    case line_kind::charges: return {"PMNT", "MDOP", "CHRG"};
    case line_kind::return_credit: return {"PMNT", "ICDT", "RRTN"};
    case line_kind::payment: break;
  }
  return {"PMNT", "ICDT", currency == "EUR" ? "ESCT" : "DMCT"};
}

std::string amount_attr(const decimal& amount, const std::string& currency) {
  return "<Amt Ccy=\"" + xml_escape(currency) + "\">" + amount.to_string() + "</Amt>";
}

class camt_writer {
 public:
  camt_writer(const statement_content& s, camt053_version v)
      : s_(s), v08_(v == camt053_version::v08) {}

  std::string run() {
    out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += std::string("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.") +
            (v08_ ? "08" : "02") + "\">\n";
    xml_open(out_, 1, "BkToCstmrStmt");
    xml_open(out_, 2, "GrpHdr");
    xml_element(out_, 3, "MsgId", s_.message_id);
    xml_element(out_, 3, "CreDtTm", s_.creation_date_time);
    xml_close(out_, 2, "GrpHdr");
    xml_open(out_, 2, "Stmt");
    xml_element(out_, 3, "Id", s_.statement_id);
    xml_element(out_, 3, "ElctrncSeqNb", std::to_string(s_.sequence_number));
    xml_element(out_, 3, "CreDtTm", s_.creation_date_time);
    xml_open(out_, 3, "FrToDt");
    xml_element(out_, 4, "FrDtTm", s_.business_date + "T00:00:00");
    xml_element(out_, 4, "ToDtTm", s_.business_date + "T23:59:59");
    xml_close(out_, 3, "FrToDt");
    account();
    balance("OPBD", s_.opening_balance);
    balance("CLBD", s_.closing_balance);
    for (const auto& l : s_.lines) entry(l);
    xml_close(out_, 2, "Stmt");
    xml_close(out_, 1, "BkToCstmrStmt");
    out_ += "</Document>\n";
    return std::move(out_);
  }

 private:
  void account() {
    xml_open(out_, 3, "Acct");
    xml_open(out_, 4, "Id");
    xml_element(out_, 5, "IBAN", s_.account.iban);
    xml_close(out_, 4, "Id");
    xml_element(out_, 4, "Ccy", s_.account.currency);
    if (!s_.account.owner_name.empty()) {
      xml_open(out_, 4, "Ownr");
      xml_element(out_, 5, "Nm", s_.account.owner_name);
      xml_close(out_, 4, "Ownr");
    }
    if (!s_.account.bic.empty()) {
      xml_open(out_, 4, "Svcr");
      xml_open(out_, 5, "FinInstnId");
      xml_element(out_, 6, v08_ ? "BICFI" : "BIC", s_.account.bic);
      xml_close(out_, 5, "FinInstnId");
      xml_close(out_, 4, "Svcr");
    }
    xml_close(out_, 3, "Acct");
  }

  void balance(const char* code, const decimal& signed_amount) {
    xml_open(out_, 3, "Bal");
    out_ += "    <Tp><CdOrPrtry><Cd>" + std::string(code) + "</Cd></CdOrPrtry></Tp>\n";
    out_ += "    " + amount_attr(signed_amount.abs(), s_.account.currency) + "\n";
    xml_element(out_, 4, "CdtDbtInd", signed_amount.is_negative() ? "DBIT" : "CRDT");
    out_ += "    <Dt><Dt>" + s_.business_date + "</Dt></Dt>\n";
    xml_close(out_, 3, "Bal");
  }

  void entry(const statement_line& l) {
    const auto& ccy = s_.account.currency;
    xml_open(out_, 3, "Ntry");
    out_ += "    " + amount_attr(l.amount, ccy) + "\n";
    xml_element(out_, 4, "CdtDbtInd", l.credit ? "CRDT" : "DBIT");
    out_ += v08_ ? "    <Sts><Cd>BOOK</Cd></Sts>\n" : "    <Sts>BOOK</Sts>\n";
    out_ += "    <BookgDt><Dt>" + l.booking_date + "</Dt></BookgDt>\n";
    out_ += "    <ValDt><Dt>" + l.value_date + "</Dt></ValDt>\n";
    xml_element(out_, 4, "AcctSvcrRef", l.account_servicer_reference);
    const auto code = transaction_code(l, ccy);
    out_ += std::string("    <BkTxCd><Domn><Cd>") + code.domain + "</Cd><Fmly><Cd>" + code.family +
            "</Cd><SubFmlyCd>" + code.subfamily + "</SubFmlyCd></Fmly></Domn></BkTxCd>\n";
    const bool details = l.write_transaction_details && !l.transactions.empty();
    if (l.batch || details) {
      xml_open(out_, 4, "NtryDtls");
      if (l.batch) {
        xml_open(out_, 5, "Btch");
        xml_element(out_, 6, "MsgId", l.batch->message_id);
        xml_element(out_, 6, "PmtInfId", l.batch->payment_information_id);
        xml_element(out_, 6, "NbOfTxs", std::to_string(l.batch->number_of_transactions));
        out_ += "      <TtlAmt Ccy=\"" + xml_escape(ccy) + "\">" + l.batch->total.to_string() +
                "</TtlAmt>\n";
        xml_element(out_, 6, "CdtDbtInd", l.credit ? "CRDT" : "DBIT");
        xml_close(out_, 5, "Btch");
      }
      if (details) {
        for (const auto& t : l.transactions) transaction(l, t);
      }
      xml_close(out_, 4, "NtryDtls");
    }
    if (!l.additional_information.empty()) {
      xml_element(out_, 4, "AddtlNtryInf", l.additional_information.substr(0, 500));
    }
    xml_close(out_, 3, "Ntry");
  }

  void party(int indent, const char* role, const std::string& name) {
    xml_open(out_, indent, role);
    if (v08_) {
      out_.append(static_cast<std::size_t>(indent + 1), ' ');
      out_ += "<Pty><Nm>" + xml_escape(name) + "</Nm></Pty>\n";
    } else {
      xml_element(out_, indent + 1, "Nm", name);
    }
    xml_close(out_, indent, role);
  }

  void transaction(const statement_line& l, const booked_transaction& t) {
    const auto& ccy = s_.account.currency;
    xml_open(out_, 5, "TxDtls");
    xml_open(out_, 6, "Refs");
    if (!t.message_id.empty()) xml_element(out_, 7, "MsgId", t.message_id);
    xml_element(out_, 7, "AcctSvcrRef", l.account_servicer_reference);
    if (!t.payment_information_id.empty()) {
      xml_element(out_, 7, "PmtInfId", t.payment_information_id);
    }
    if (!t.instruction_id.empty()) xml_element(out_, 7, "InstrId", t.instruction_id);
    xml_element(out_, 7, "EndToEndId", t.end_to_end_id.empty() ? "NOTPROVIDED" : t.end_to_end_id);
    xml_close(out_, 6, "Refs");
    if (v08_) {
      out_ += "      " + amount_attr(t.amount, ccy) + "\n";
      xml_element(out_, 6, "CdtDbtInd", l.credit ? "CRDT" : "DBIT");
      if (!t.instructed_currency.empty()) {
        out_ += "      <AmtDtls>" + instructed_amount(t) + "<TxAmt>" + amount_attr(t.amount, ccy) +
                "</TxAmt></AmtDtls>\n";
      }
    } else {
      out_ += "      <AmtDtls>" + (t.instructed_currency.empty() ? std::string() : instructed_amount(t)) +
              "<TxAmt>" + amount_attr(t.amount, ccy) + "</TxAmt></AmtDtls>\n";
    }
    if (!t.counterparty_name.empty() || !t.counterparty_account.empty()) {
      // The payment's creditor; for a returned payment the creditor's bank sends it back, so
      // the same party is the debtor of the return credit.
      const bool returned = l.kind == line_kind::return_credit;
      xml_open(out_, 6, "RltdPties");
      if (!t.counterparty_name.empty()) party(7, returned ? "Dbtr" : "Cdtr", t.counterparty_name);
      if (!t.counterparty_account.empty()) {
        out_ += std::string("       <") + (returned ? "DbtrAcct" : "CdtrAcct") + "><Id><IBAN>" +
                xml_escape(t.counterparty_account) + "</IBAN></Id></" +
                (returned ? "DbtrAcct" : "CdtrAcct") + ">\n";
      }
      xml_close(out_, 6, "RltdPties");
    }
    if (!t.remittance.empty()) {
      xml_open(out_, 6, "RmtInf");
      xml_element(out_, 7, "Ustrd", t.remittance.substr(0, 140));
      xml_close(out_, 6, "RmtInf");
    }
    if (!t.return_reason.empty()) {
      xml_open(out_, 6, "RtrInf");
      out_ += "       <Rsn><Cd>" + xml_escape(t.return_reason) + "</Cd></Rsn>\n";
      xml_close(out_, 6, "RtrInf");
    }
    xml_close(out_, 5, "TxDtls");
  }

  // A converted payment: InstdAmt in its own currency with the bank's rate (CurrencyExchange5:
  // the instructed amount × XchgRate is the account amount, the unit currency the instructed
  // one), then TxAmt in the account's currency.
  std::string instructed_amount(const booked_transaction& t) const {
    const auto& ccy = s_.account.currency;
    return "<InstdAmt>" + amount_attr(t.instructed_amount, t.instructed_currency) +
           "<CcyXchg><SrcCcy>" + xml_escape(t.instructed_currency) + "</SrcCcy><TrgtCcy>" +
           xml_escape(ccy) + "</TrgtCcy><UnitCcy>" + xml_escape(t.instructed_currency) +
           "</UnitCcy><XchgRate>" + t.exchange_rate.to_string() + "</XchgRate></CcyXchg></InstdAmt>";
  }

  const statement_content& s_;
  bool v08_;
  std::string out_;
};

}  // namespace

std::string write_camt053(const statement_content& s, camt053_version version) {
  if (computed_closing(s) != s.closing_balance) {
    throw error(error_class::internal, "bank.statement_unbalanced",
                "statement " + s.statement_id + ": opening + entries is " +
                    computed_closing(s).to_string() + ", closing is " +
                    s.closing_balance.to_string());
  }
  return camt_writer(s, version).run();
}

}  // namespace erpc::sim::bank
