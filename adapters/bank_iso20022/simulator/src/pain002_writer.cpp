// SPDX-License-Identifier: Apache-2.0
// Element order: pain.002.001.11 XSD (shared/reference/iso20022); .001.03 and .001.10 have the
// same order for every element written here (vendors.md §6.3).
#include "pain002_writer.hpp"

#include "xml_text.hpp"

#include <erpc/error.hpp>

namespace erpc::sim::bank {
namespace {

void reason_block(std::string& out, int indent, const status_reason& r) {
  xml_open(out, indent, "StsRsnInf");
  xml_open(out, indent + 1, "Rsn");
  xml_element(out, indent + 2, "Cd", r.code);
  xml_close(out, indent + 1, "Rsn");
  if (!r.additional_information.empty()) {
    xml_element(out, indent + 1, "AddtlInf", r.additional_information.substr(0, 105));
  }
  xml_close(out, indent, "StsRsnInf");
}

}  // namespace

std::string write_pain002(const pain002_content& r) {
  if (r.version != "pain.002.001.03" && r.version != "pain.002.001.10" &&
      r.version != "pain.002.001.11") {
    throw error(error_class::configuration, "bank.pain002_version_unsupported",
                "pain.002 version '" + r.version.substr(0, 32) +
                    "' is not written (pain.002.001.03, .10, .11 are)");
  }
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + r.version + "\">\n";
  xml_open(out, 1, "CstmrPmtStsRpt");
  xml_open(out, 2, "GrpHdr");
  xml_element(out, 3, "MsgId", r.message_id);
  xml_element(out, 3, "CreDtTm", r.creation_date_time);
  xml_close(out, 2, "GrpHdr");
  xml_open(out, 2, "OrgnlGrpInfAndSts");
  xml_element(out, 3, "OrgnlMsgId", r.original_message_id);
  xml_element(out, 3, "OrgnlMsgNmId", r.original_message_name);
  if (!r.original_creation_date_time.empty()) {
    xml_element(out, 3, "OrgnlCreDtTm", r.original_creation_date_time);
  }
  if (r.original_number_of_transactions) {
    xml_element(out, 3, "OrgnlNbOfTxs", std::to_string(*r.original_number_of_transactions));
  }
  if (r.original_control_sum) {
    xml_element(out, 3, "OrgnlCtrlSum", r.original_control_sum->to_string());
  }
  if (!r.group_status.empty()) xml_element(out, 3, "GrpSts", r.group_status);
  if (r.group_reason) reason_block(out, 3, *r.group_reason);
  xml_close(out, 2, "OrgnlGrpInfAndSts");
  for (const auto& p : r.payment_information) {
    xml_open(out, 2, "OrgnlPmtInfAndSts");
    xml_element(out, 3, "OrgnlPmtInfId", p.original_payment_information_id);
    if (p.original_number_of_transactions) {
      xml_element(out, 3, "OrgnlNbOfTxs", std::to_string(*p.original_number_of_transactions));
    }
    if (p.original_control_sum) {
      xml_element(out, 3, "OrgnlCtrlSum", p.original_control_sum->to_string());
    }
    if (!p.status.empty()) xml_element(out, 3, "PmtInfSts", p.status);
    if (p.reason) reason_block(out, 3, *p.reason);
    for (const auto& t : p.transactions) {
      xml_open(out, 3, "TxInfAndSts");
      if (!t.original_instruction_id.empty()) {
        xml_element(out, 4, "OrgnlInstrId", t.original_instruction_id);
      }
      xml_element(out, 4, "OrgnlEndToEndId", t.original_end_to_end_id);
      xml_element(out, 4, "TxSts", t.status);
      if (t.reason) reason_block(out, 4, *t.reason);
      if (!t.acceptance_date_time.empty()) {
        xml_element(out, 4, "AccptncDtTm", t.acceptance_date_time);
      }
      if (!t.account_servicer_reference.empty()) {
        xml_element(out, 4, "AcctSvcrRef", t.account_servicer_reference);
      }
      xml_close(out, 3, "TxInfAndSts");
    }
    xml_close(out, 2, "OrgnlPmtInfAndSts");
  }
  xml_close(out, 1, "CstmrPmtStsRpt");
  out += "</Document>\n";
  return out;
}

}  // namespace erpc::sim::bank
