// SPDX-License-Identifier: Apache-2.0
// Element paths: vendors.md §6.3 and the pain.002.001.11 XSD in shared/reference/iso20022; the
// paths read here are the same in .001.03 and .001.10. Status mapping and precedence: BANKING.md
// "pain.002".
#include <erpc/banking/pain002_reader.hpp>

#include "guarded_xml_stream.hpp"
#include "statement_failure.hpp"

#include <erpc/banking/target_calendar.hpp>

#include <erpc/error.hpp>

#include <map>
#include <string>
#include <utility>

namespace erpc::banking {
namespace {

using contract::payment_state;
using detail::fail;
using detail::quote;

constexpr std::string_view namespace_prefix = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.";
constexpr std::string_view supported_versions[] = {"03", "10", "11"};

bool is_status_code(std::string_view s) {
  if (s.size() != 4) return false;
  for (const char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

bool is_reason_code(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (const char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

class pain002_parser {
 public:
  pain002_parser(std::string_view xml, const pain002_options& options)
      : options_(options),
        xml_(detail::open_checked_xml_memory(xml, options.limits.max_bytes, guard(options)),
             guard(options)) {}

  pain002_report run() {
    xml_.walk([this] { start_element(); }, [this] { end_element(); });
    if (!seen_root_) fail("pain002.not_pain002", 1, "the file has no XML document element");
    if (report_.message_id.empty()) missing("GrpHdr/MsgId");
    if (report_.original_message_id.empty()) missing("OrgnlGrpInfAndSts/OrgnlMsgId");
    return std::move(report_);
  }

 private:
  static detail::xml_guard_settings guard(const pain002_options& options) {
    return {"pain002", "report", options.limits.max_xml_depth, options.limits.max_field_bytes};
  }

  std::uint64_t line() const { return xml_.line(); }

  [[noreturn]] void missing(std::string_view path) {
    fail("pain002.missing_element", line(), "the report has no " + std::string(path));
  }

  void start_element() {
    const auto name = xml_.local_name();
    const auto ns = xml_.namespace_uri();
    if (!seen_root_) {
      seen_root_ = true;
      check_root(name, ns);
    } else if (ns != namespace_) {
      fail("pain002.unexpected_namespace", line(),
           "element " + quote(name) + " is outside the report's namespace");
    }
    lengths_.push_back(path_.size());
    if (!path_.empty()) path_ += '/';
    path_ += name;
    if (lengths_.size() == 2 && name != "CstmrPmtStsRpt") {
      fail("pain002.not_pain002", line(), "expected CstmrPmtStsRpt, found " + quote(name));
    }
    const auto rel = relative();
    if (rel == "OrgnlPmtInfAndSts") {
      report_.payment_information.emplace_back();
    } else if (rel == "OrgnlPmtInfAndSts/TxInfAndSts") {
      if (++transactions_ > options_.limits.max_transactions) {
        fail("pain002.too_many_transactions", line(),
             "the report lists more than " + std::to_string(options_.limits.max_transactions) +
                 " transactions");
      }
      report_.payment_information.back().transactions.emplace_back();
      report_.payment_information.back().transactions.back().line = line();
    } else if (ends_with(rel, "/StsRsnInf")) {
      auto& owner = block_for(rel.substr(0, rel.size() - 10));
      if (&owner != &ignored_) owner.reasons.emplace_back();
    }
  }

  static bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
  }

  void check_root(std::string_view name, std::string_view ns) {
    const auto encoding = xml_.encoding();
    if (encoding && *encoding != "UTF-8") {
      fail("pain002.encoding_invalid", line(),
           "the report is encoded as " + quote(*encoding) + "; ISO 20022 messages are UTF-8");
    }
    if (name != "Document") {
      fail("pain002.not_pain002", line(), "the root element is " + quote(name) + ", not Document");
    }
    if (ns.substr(0, namespace_prefix.size()) != namespace_prefix) {
      fail("pain002.not_pain002", line(), "namespace " + quote(ns, 80) + " is not pain.002");
    }
    const auto version = ns.substr(namespace_prefix.size());
    bool known = false;
    for (const auto v : supported_versions) known = known || v == version;
    if (!known) {
      fail("pain002.unsupported_version", line(),
           "pain.002 version " + quote(version) + " is not one of .001.03, .001.10, .001.11");
    }
    namespace_ = std::string(ns);
    report_.version = "pain.002.001." + std::string(version);
  }

  // Path below CstmrPmtStsRpt.
  std::string_view relative() const {
    constexpr std::string_view root = "Document/CstmrPmtStsRpt";
    const std::string_view p = path_;
    return p.size() > root.size() ? p.substr(root.size() + 1) : std::string_view{};
  }

  // The status block a path ("OrgnlGrpInfAndSts", "OrgnlPmtInfAndSts",
  // "OrgnlPmtInfAndSts/TxInfAndSts") belongs to.
  pain002_status_block& block_for(std::string_view owner) {
    if (owner == "OrgnlGrpInfAndSts") return report_.group;
    if (owner == "OrgnlPmtInfAndSts" && !report_.payment_information.empty()) {
      return report_.payment_information.back().status;
    }
    if (owner == "OrgnlPmtInfAndSts/TxInfAndSts" && !report_.payment_information.empty() &&
        !report_.payment_information.back().transactions.empty()) {
      return report_.payment_information.back().transactions.back().status;
    }
    return ignored_;
  }

  std::string bounded(std::string_view value, std::size_t max, std::string_view what) {
    if (value.empty() || value.size() > max) {
      fail("pain002.value_invalid", line(),
           std::string(what) + " must be 1 to " + std::to_string(max) + " characters");
    }
    return std::string(value);
  }

  void status_code(std::string_view value, std::string_view level,
                   pain002_status_block& block) {
    if (!is_status_code(value)) {
      fail("pain002.status_invalid", line(), quote(value) + " is not a status code");
    }
    if (!payment_state_for_bank_status(value)) {
      fail("pain002.status_unsupported", line(),
           "status " + quote(value) +
               " has no canonical mapping (BANKING.md); the report needs a person");
    }
    if (value == "PART" && level == "transaction") {
      fail("pain002.part_at_transaction", line(),
           "PART is a group or payment-information status, not a transaction status");
    }
    block.bank_status = std::string(value);
  }

  void reason_field(std::string_view leaf, std::string_view value, pain002_status_block& block) {
    if (block.reasons.empty()) return;
    auto& r = block.reasons.back();
    if (leaf == "Rsn/Cd") {
      if (!is_reason_code(value)) {
        fail("pain002.reason_invalid", line(), quote(value) + " is not a reason code");
      }
      r.code = std::string(value);
    } else if (leaf == "Rsn/Prtry") {
      r.proprietary = bounded(value, 35, "a proprietary reason");
    } else if (leaf == "AddtlInf") {
      r.additional_information.push_back(bounded(value, 105, "AddtlInf"));
    }
  }

  void end_element() {
    const auto rel = relative();
    if (!rel.empty()) field(rel, xml_.text());
    path_.resize(lengths_.back());
    lengths_.pop_back();
  }

  void field(std::string_view rel, std::string_view value) {
    if (rel == "GrpHdr/MsgId") {
      report_.message_id = bounded(value, 35, "MsgId");
    } else if (rel == "GrpHdr/CreDtTm") {
      report_.creation_date_time = bounded(value, 35, "CreDtTm");
    } else if (rel == "OrgnlGrpInfAndSts/OrgnlMsgId") {
      report_.original_message_id = bounded(value, 35, "OrgnlMsgId");
    } else if (rel == "OrgnlGrpInfAndSts/OrgnlMsgNmId") {
      report_.original_message_name = bounded(value, 35, "OrgnlMsgNmId");
    } else if (rel == "OrgnlGrpInfAndSts/GrpSts") {
      status_code(value, "group", report_.group);
    } else if (rel == "OrgnlPmtInfAndSts/OrgnlPmtInfId") {
      report_.payment_information.back().original_payment_information_id =
          bounded(value, 35, "OrgnlPmtInfId");
    } else if (rel == "OrgnlPmtInfAndSts/PmtInfSts") {
      status_code(value, "payment_information", report_.payment_information.back().status);
    } else if (rel == "OrgnlPmtInfAndSts/TxInfAndSts") {
      const auto& t = report_.payment_information.back().transactions.back();
      if (!t.original_end_to_end_id && !t.original_instruction_id) {
        fail("pain002.transaction_unidentified", t.line,
             "a TxInfAndSts has neither OrgnlEndToEndId nor OrgnlInstrId");
      }
    } else if (rel == "OrgnlPmtInfAndSts") {
      if (report_.payment_information.back().original_payment_information_id.empty()) {
        missing("OrgnlPmtInfAndSts/OrgnlPmtInfId");
      }
    } else if (rel.size() > 30 && rel.substr(0, 30) == "OrgnlPmtInfAndSts/TxInfAndSts/") {
      transaction_field(rel.substr(30), value);
    } else {
      for (const std::string_view owner :
           {std::string_view("OrgnlGrpInfAndSts"), std::string_view("OrgnlPmtInfAndSts")}) {
        const std::string prefix = std::string(owner) + "/StsRsnInf/";
        if (rel.substr(0, prefix.size()) == prefix) {
          reason_field(rel.substr(prefix.size()), value, block_for(owner));
        }
      }
    }
  }

  void transaction_field(std::string_view leaf, std::string_view value) {
    auto& t = report_.payment_information.back().transactions.back();
    if (leaf == "StsId") {
      t.status_id = bounded(value, 35, "StsId");
    } else if (leaf == "OrgnlInstrId") {
      t.original_instruction_id = bounded(value, 35, "OrgnlInstrId");
    } else if (leaf == "OrgnlEndToEndId") {
      t.original_end_to_end_id = bounded(value, 35, "OrgnlEndToEndId");
    } else if (leaf == "OrgnlUETR") {
      t.original_uetr = bounded(value, 36, "OrgnlUETR");
    } else if (leaf == "TxSts") {
      status_code(value, "transaction", t.status);
    } else if (leaf == "AccptncDtTm") {
      t.acceptance_date_time = bounded(value, 35, "AccptncDtTm");
    } else if (leaf == "AcctSvcrRef") {
      t.account_servicer_reference = bounded(value, 35, "AcctSvcrRef");
    } else if (leaf.substr(0, 10) == "StsRsnInf/") {
      reason_field(leaf.substr(10), value, t.status);
    }
  }

  const pain002_options& options_;
  detail::guarded_xml_stream xml_;
  bool seen_root_ = false;
  std::string namespace_;
  std::string path_;
  std::vector<std::size_t> lengths_;
  std::size_t transactions_ = 0;
  pain002_report report_;
  pain002_status_block ignored_;
};

// An RFC 3339 UTC instant as the canonical schema wants it ("...Z"); bank times with an offset
// or none are not converted here (their zone is the bank's, not ours).
bool is_utc_instant(std::string_view s) {
  if (s.size() < 20 || s.back() != 'Z' || s[10] != 'T' || s[4] != '-' || s[7] != '-' ||
      s[13] != ':' || s[16] != ':') {
    return false;
  }
  if (parse_calendar_date(s.substr(0, 10)).year == 0) return false;
  const auto two = [&](std::size_t at, int max) {
    if (s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
    return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
  };
  if (!two(11, 23) || !two(14, 59) || !two(17, 60)) return false;
  if (s.size() == 20) return true;
  if (s[19] != '.' || s.size() < 22 || s.size() > 30) return false;
  for (std::size_t k = 20; k + 1 < s.size(); ++k) {
    if (s[k] < '0' || s[k] > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<payment_state> payment_state_for_bank_status(std::string_view code) {
  static const std::map<std::string_view, payment_state> mapping{
      {"RCVD", payment_state::transmitted}, {"ACTC", payment_state::transmitted},
      {"ACCP", payment_state::accepted},    {"ACFC", payment_state::accepted},
      {"ACSP", payment_state::accepted},    {"ACWC", payment_state::accepted},
      {"PDNG", payment_state::accepted},    {"ACSC", payment_state::settled},
      {"ACCC", payment_state::settled},     {"RJCT", payment_state::rejected},
      {"CANC", payment_state::cancelled},   {"PART", payment_state::partially_accepted}};
  const auto it = mapping.find(code);
  if (it == mapping.end()) return std::nullopt;
  return it->second;
}

pain002_report read_pain002(std::string_view xml, const pain002_options& options) {
  return pain002_parser(xml, options).run();
}

std::vector<contract::payment_status> resolve_transaction_statuses(
    const pain002_report& report, std::string_view sent_message_id,
    const std::vector<sent_transaction>& sent, const pain002_options& options) {
  if (report.original_message_id != sent_message_id) {
    throw error(error_class::validation, "pain002.original_message_mismatch",
                "the report is about message " + quote(report.original_message_id) +
                    ", not " + quote(sent_message_id));
  }
  // Where each listed transaction is, by EndToEndId and by InstrId.
  std::map<std::string, const pain002_transaction*> by_end_to_end;
  std::map<std::string, const pain002_transaction*> by_instruction;
  std::map<std::string, const pain002_payment_information*> blocks;
  for (const auto& b : report.payment_information) {
    blocks.emplace(b.original_payment_information_id, &b);
    for (const auto& t : b.transactions) {
      if (t.original_end_to_end_id) by_end_to_end.emplace(*t.original_end_to_end_id, &t);
      if (t.original_instruction_id) by_instruction.emplace(*t.original_instruction_id, &t);
    }
  }
  // Every transaction the report lists must be one that was sent.
  std::map<std::string, bool> sent_end_to_end;
  std::map<std::string, bool> sent_instruction;
  for (const auto& s : sent) {
    sent_end_to_end[s.end_to_end_id] = true;
    if (s.instruction_id) sent_instruction[*s.instruction_id] = true;
  }
  for (const auto& b : report.payment_information) {
    for (const auto& t : b.transactions) {
      const std::string id = t.original_end_to_end_id
                                 ? *t.original_end_to_end_id
                                 : t.original_instruction_id.value_or(std::string());
      const bool known = t.original_end_to_end_id ? sent_end_to_end.count(id) > 0
                                                  : sent_instruction.count(id) > 0;
      if (!known) {
        fail("pain002.unknown_transaction", t.line,
             "the report lists transaction " + quote(id) + ", which message " +
                 quote(sent_message_id) + " did not contain");
      }
    }
  }

  std::vector<contract::payment_status> out;
  for (const auto& s : sent) {
    const pain002_transaction* listed = nullptr;
    if (auto it = by_end_to_end.find(s.end_to_end_id); it != by_end_to_end.end()) {
      listed = it->second;
    } else if (s.instruction_id) {
      if (auto i = by_instruction.find(*s.instruction_id); i != by_instruction.end()) {
        listed = i->second;
      }
    }
    const auto b = blocks.find(s.payment_information_id);
    const pain002_payment_information* block = b != blocks.end() ? b->second : nullptr;

    const pain002_status_block* source = nullptr;
    std::string level;
    if (listed != nullptr && listed->status.bank_status) {
      source = &listed->status;
      level = "transaction";
    } else if (block != nullptr && block->status.bank_status) {
      source = &block->status;
      level = "payment_information";
    } else if (report.group.bank_status) {
      source = &report.group;
      level = "group";
    }
    if (source == nullptr) continue;

    contract::payment_status st;
    st.source.system = options.source_system;
    st.source.id = options.source_id.empty() ? report.message_id : options.source_id;
    contract::payment_references refs;
    refs.message_id = std::string(sent_message_id);
    refs.payment_information_id = s.payment_information_id;
    refs.instruction_id = s.instruction_id;
    refs.end_to_end_id = s.end_to_end_id;
    st.references = refs;
    st.level = level;
    st.bank_status = source->bank_status;
    if (*source->bank_status == "PART") {
      // A PART status stands for the transactions it lists; this one is not listed with a
      // status of its own, so it follows the bank setting.
      if (options.part_unlisted == unlisted_under_part::unchanged) continue;
      st.status = payment_state::accepted;
    } else {
      st.status = *payment_state_for_bank_status(*source->bank_status);
      st.reasons = source->reasons;
    }
    if (listed != nullptr) {
      if (listed->account_servicer_reference) {
        st.account_servicer_reference = listed->account_servicer_reference;
      }
      if (listed->acceptance_date_time && is_utc_instant(*listed->acceptance_date_time)) {
        st.status_at = listed->acceptance_date_time;
      }
    }
    if (!st.status_at && is_utc_instant(report.creation_date_time)) {
      st.status_at = report.creation_date_time;
    }
    out.push_back(std::move(st));
  }
  return out;
}

}  // namespace erpc::banking
