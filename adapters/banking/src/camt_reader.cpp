// SPDX-License-Identifier: Apache-2.0
// Element paths: vendors.md §6.1 and the XSDs in shared/reference/iso20022 (camt.053.001.02,
// .04, .08; camt.052/.054 .02/.08).
#include <erpc/banking/camt_reader.hpp>

#include "bank_amount.hpp"
#include "bank_date.hpp"
#include "guarded_xml_stream.hpp"
#include "statement_assembler.hpp"
#include "statement_failure.hpp"

#include <erpc/banking/statement_identity.hpp>
#include <erpc/identifiers.hpp>

#include <algorithm>
#include <cstring>
#include <optional>
#include <sstream>
#include <string>
#include <utility>

namespace erpc::banking {
namespace {

using detail::fail;
using detail::quote;

struct message_kind {
  std::string_view namespace_prefix;
  std::string_view message_element;
  std::string_view statement_element;
  std::string_view kind;
  std::string_view format;
};

constexpr message_kind message_kinds[] = {
    {"urn:iso:std:iso:20022:tech:xsd:camt.053.001.", "BkToCstmrStmt", "Stmt", "statement",
     "camt.053"},
    {"urn:iso:std:iso:20022:tech:xsd:camt.052.001.", "BkToCstmrAcctRpt", "Rpt",
     "intraday_report", "camt.052"},
    {"urn:iso:std:iso:20022:tech:xsd:camt.054.001.", "BkToCstmrDbtCdtNtfctn", "Ntfctn",
     "notification", "camt.054"},
};

constexpr int min_version = 2;
constexpr int max_version = 13;

bool is_code_char(char c) { return ::erpc::detail::is_upper_alnum(c); }

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Where the bytes come from: an istream or a buffer, counted against max_bytes.
struct byte_source {
  std::istream* stream = nullptr;
  std::string_view buffer;
  std::uint64_t consumed = 0;
  std::uint64_t max_bytes = 0;
  bool too_large = false;
  std::string head;  // the first bytes, to recognise a DOCTYPE that libxml2 rejects before
                     // reporting it as a node (an entity loop in the internal subset)

  static int read(void* context, char* out, int len) {
    auto* self = static_cast<byte_source*>(context);
    std::size_t n = 0;
    const auto want = static_cast<std::size_t>(len);
    if (self->stream != nullptr) {
      self->stream->read(out, static_cast<std::streamsize>(want));
      n = static_cast<std::size_t>(self->stream->gcount());
      if (n == 0 && self->stream->bad()) return -1;
    } else {
      n = std::min(want, self->buffer.size() - static_cast<std::size_t>(self->consumed));
      std::memcpy(out, self->buffer.data() + self->consumed, n);
    }
    if (self->head.size() < 4096) {
      self->head.append(out, std::min(n, 4096 - self->head.size()));
    }
    self->consumed += n;
    if (self->consumed > self->max_bytes) {
      self->too_large = true;
      return -1;
    }
    return static_cast<int>(n);
  }
  static int close(void*) { return 0; }
};

// One camt message, streamed. Paths are kept as "A/B/C" relative to the statement element
// (Stmt/Rpt/Ntfctn), which is the same in every version read.
class camt_parser {
 public:
  camt_parser(byte_source& source, statement_sink& sink, const read_options& options)
      : source_(source),
        options_(options),
        assembler_(sink),
        xml_(open_reader(source, options),
             {"camt", "document", options.limits.max_xml_depth, options.limits.max_field_bytes}) {}

  void run() {
    xml_.walk([this] { start_element(); }, [this] { end_element(); },
              [this] { fail_if_doctype_or_too_large(); });
    if (!seen_root_) fail("camt.not_camt", 1, "the file has no XML document element");
  }

 private:
  static std::string too_large_message(const read_options& options) {
    return "the file is larger than the " + std::to_string(options.limits.max_bytes) +
           "-byte limit";
  }

  // A buffer is parsed in place; a stream through the counting callback.
  static xmlTextReaderPtr open_reader(byte_source& source, const read_options& options) {
    if (source.stream == nullptr && source.buffer.size() < (1u << 31)) {
      if (source.buffer.size() > source.max_bytes) {
        fail("statement.too_large", 0, too_large_message(options));
      }
      source.head.assign(source.buffer.substr(0, 4096));
      return detail::open_xml_memory(source.buffer);
    }
    return detail::open_xml_io(&byte_source::read, &byte_source::close, &source);
  }

  std::uint64_t line() const { return xml_.line(); }

  // libxml2 gave up: a DOCTYPE it refused before reporting it as a node (an entity loop in the
  // internal subset) and the byte limit of a stream are ours to name; the rest is the guard's.
  void fail_if_doctype_or_too_large() const {
    const std::uint64_t at = xml_.error_line();
    if (!seen_root_ && source_.head.find("<!DOCTYPE") != std::string::npos) {
      fail("camt.dtd_forbidden", at,
           "the document has a DOCTYPE; ISO 20022 messages have none, and entities are never "
           "expanded");
    }
    if (source_.too_large) fail("statement.too_large", at, too_large_message(options_));
  }

  void start_element() {
    const auto name = xml_.local_name();
    if (!seen_root_) {
      seen_root_ = true;
      check_root(name);
    } else {
      // Every element of a message shares one namespace node, so one comparison of its text
      // covers the whole document.
      const void* ns = xml_.namespace_identity();
      if (ns != checked_namespace_) {
        if (xml_.namespace_uri() != namespace_) {
          fail("camt.unexpected_namespace", line(),
               "element " + quote(name) + " is outside the message's namespace");
        }
        checked_namespace_ = ns;
      }
    }
    if (!has_children_.empty()) has_children_.back() = true;
    has_children_.push_back(false);
    path_lengths_.push_back(path_.size());
    if (!path_.empty()) path_ += '/';
    path_ += name;

    const auto depth = path_lengths_.size();
    if (depth == 2 && name != kind_->message_element) {
      fail("camt.not_camt", line(),
           "expected " + std::string(kind_->message_element) + ", found " + quote(name));
    }
    if (depth == 3 && name == kind_->statement_element) {
      start_statement();
    } else if (in_statement_) {
      const auto rel = relative();
      if (rel == "Ntry") {
        begin_if_needed();
        entry_ = contract::statement_entry{};
        entry_line_ = line();
        entry_status_seen_ = false;
        entry_amount_seen_ = false;
      } else if (rel == "Bal") {
        balance_ = contract::statement_balance{};
        balance_line_ = line();
        balance_known_type_ = false;
        balance_amount_seen_ = false;
      } else if (rel == "Ntry/NtryDtls") {
        details_in_group_ = 0;
        group_details_sum_.reset();
        group_sum_comparable_ = true;
        group_batch_count_.reset();
        group_batch_total_.reset();
      } else if (rel == "Ntry/NtryDtls/TxDtls") {
        tx_ = contract::transaction_details{};
        tx_exchange_owner_.clear();
        tx_exchange_rate_seen_ = false;
      }
    }
    if (name.size() >= 3 && name.substr(name.size() - 3) == "Amt") {
      currency_ = xml_.attribute("Ccy");
    }
  }

  void check_root(std::string_view name) {
    const auto ns = xml_.namespace_uri();
    const auto encoding = xml_.encoding();
    if (encoding && *encoding != "UTF-8") {
      fail("camt.encoding_invalid", line(),
           "the document is encoded as " + quote(*encoding) +
               "; ISO 20022 messages are UTF-8");
    }
    if (name != "Document") {
      fail("camt.not_camt", line(), "the root element is " + quote(name) + ", not Document");
    }
    for (const auto& k : message_kinds) {
      if (!starts_with(ns, k.namespace_prefix)) continue;
      const auto version = ns.substr(k.namespace_prefix.size());
      int v = 0;
      if (version.size() == 2 && version[0] >= '0' && version[0] <= '9' && version[1] >= '0' &&
          version[1] <= '9') {
        v = (version[0] - '0') * 10 + (version[1] - '0');
      }
      if (v < min_version || v > max_version) {
        fail("camt.unsupported_version", line(),
             "message version " + quote(version) + " is not one of .001.02 to .001.13");
      }
      kind_ = &k;
      namespace_ = std::string(ns);
      return;
    }
    fail("camt.not_camt", line(), "namespace " + quote(ns, 80) + " is not camt.052/053/054");
  }

  std::string_view relative() const {
    return std::string_view(path_).substr(std::min(path_.size(), statement_offset_));
  }

  void end_element() {
    const auto depth = path_lengths_.size();
    const std::string_view full = path_;
    const std::string_view value = xml_.text();
    // Only leaves carry values; of the elements with children only these close something.
    const bool container = has_children_.back();
    if (depth >= 3 && in_statement_) {
      const auto rel = relative();
      if (rel.empty()) {
        end_statement();
      } else if (!container || rel == "Ntry" || rel == "Bal" || rel == "Ntry/NtryDtls" ||
                 rel == "Ntry/NtryDtls/TxDtls") {
        statement_field(rel, value);
      }
    } else if (depth >= 3 && !container) {
      header_field(full.substr(full.find('/', full.find('/') + 1) + 1), value);
    }
    path_.resize(path_lengths_.back());
    path_lengths_.pop_back();
    has_children_.pop_back();
  }

  // GrpHdr fields (path relative to the message element).
  void header_field(std::string_view rel, std::string_view value) {
    if (rel == "GrpHdr/MsgId") {
      message_id_ = text(value, 35, "GrpHdr/MsgId");
    } else if (rel == "GrpHdr/MsgPgntn/PgNb") {
      message_page_ = page_number(value);
    } else if (rel == "GrpHdr/MsgPgntn/LastPgInd") {
      message_last_page_ = boolean(value);
    }
  }

  void start_statement() {
    in_statement_ = true;
    statement_offset_ = path_.size() + 1;
    statement_ = contract::bank_statement{};
    statement_.kind = std::string(kind_->kind);
    statement_.format = std::string(kind_->format);
    statement_.source.system = options_.source_system;
    if (!options_.source_id.empty()) statement_.source.id = options_.source_id;
    if (!message_id_.empty()) statement_.message_id = message_id_;
    balance_lines_.clear();
    statement_line_ = line();
    begun_ = false;
  }

  // The header goes to the sink when the first entry starts (every balance precedes it).
  void begin_if_needed() {
    if (begun_) return;
    begun_ = true;
    if (statement_.statement_id.empty()) {
      fail("camt.missing_element", statement_line_,
           std::string(kind_->statement_element) + "/Id is missing");
    }
    if (!statement_.account.iban && !statement_.account.other) {
      fail("camt.missing_element", statement_line_,
           std::string(kind_->statement_element) + "/Acct/Id is missing");
    }
    if (statement_.account.other && statement_.account.other->id.empty()) {
      fail("camt.missing_element", statement_line_, "Acct/Id/Othr without Id");
    }
    if (!statement_.page && message_page_) {
      statement_.page = contract::statement_page{*message_page_, message_last_page_};
    }
    assembler_.begin(statement_, balance_lines_, statement_line_);
  }

  void end_statement() {
    begin_if_needed();
    auto& s = assembler_.header();
    std::string sequence = s.electronic_sequence_number.value_or("");
    const std::string page = s.page ? std::to_string(s.page->number) : std::string();
    auto identity = join_identity({std::string_view(kind_->format), account_key(s.account),
                                   s.statement_id, sequence, page});
    const auto disposition =
        s.copy_duplicate ? statement_disposition::copy : statement_disposition::book;
    assembler_.end(std::move(identity), disposition, line());
    in_statement_ = false;
  }

  // ---- values -----------------------------------------------------------------------------

  std::string text(std::string_view value, std::size_t max, std::string_view what) const {
    if (value.empty()) fail("camt.missing_element", line(), std::string(what) + " is empty");
    // Characters, not bytes: count UTF-8 lead bytes.
    std::size_t chars = 0;
    for (const char c : value) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    if (chars > max) {
      fail("camt.value_too_long", line(),
           std::string(what) + " has " + std::to_string(chars) + " characters; at most " +
               std::to_string(max));
    }
    return std::string(value);
  }

  std::string code4(std::string_view value, std::string_view what) const {
    if (value.size() != 4 ||
        !std::all_of(value.begin(), value.end(), is_code_char)) {
      fail("camt.code_invalid", line(), std::string(what) + " " + quote(value) +
                                            " is not a four-character code");
    }
    return std::string(value);
  }

  std::string credit_debit(std::string_view value) const {
    if (value != "CRDT" && value != "DBIT") {
      fail("camt.code_invalid", line(), "CdtDbtInd " + quote(value) + " is not CRDT or DBIT");
    }
    return std::string(value);
  }

  bool boolean(std::string_view value) const {
    if (value == "true" || value == "1") return true;
    if (value == "false" || value == "0") return false;
    fail("camt.code_invalid", line(), quote(value) + " is not a boolean");
  }

  std::int64_t page_number(std::string_view value) const {
    std::int64_t n = 0;
    if (value.empty() || value.size() > 5) fail("camt.code_invalid", line(), "bad page number");
    for (const char c : value) {
      if (c < '0' || c > '9') fail("camt.code_invalid", line(), "bad page number");
      n = n * 10 + (c - '0');
    }
    if (n < 1) fail("camt.code_invalid", line(), "page numbers start at 1");
    return n;
  }

  std::string sequence_number(std::string_view value) const {
    if (value.empty() || value.size() > 18 ||
        !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      fail("camt.code_invalid", line(), "sequence number " + quote(value) + " is not 1-18 digits");
    }
    return std::string(value);
  }

  money amount(std::string_view value) const {
    const auto d = detail::parse_camt_amount(value, line());
    if (currency_.empty()) fail("camt.missing_element", line(), "amount without a Ccy attribute");
    if (!is_currency_code(currency_)) {
      fail("statement.currency_invalid", line(), quote(currency_) + " is not an ISO 4217 code");
    }
    return money{d, currency_};
  }

  std::string iban(std::string_view value) const {
    if (!is_valid_iban(value)) {
      fail("statement.iban_invalid", line(),
           "IBAN " + mask_account(value) + " fails its format or check digits");
    }
    return std::string(value);
  }

  std::string uetr(std::string_view value) const {
    std::string lower(value);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
    bool shape = lower.size() == 36 && lower[8] == '-' && lower[13] == '-' &&
                 lower[14] == '4' && lower[18] == '-' && lower[23] == '-' &&
                 std::string_view("89ab").find(lower[19]) != std::string_view::npos;
    // Every other character a hex digit (fuzz/camt_statement found "1b4e=8ba-…" accepted).
    for (std::size_t i = 0; shape && i < lower.size(); ++i) {
      const char c = lower[i];
      const bool dash_position = i == 8 || i == 13 || i == 18 || i == 23;
      shape = dash_position || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
    if (!shape) fail("camt.code_invalid", line(), "UETR " + quote(value) + " is not a UUID v4");
    return lower;
  }

  std::string date_choice(std::string_view leaf, std::string_view value) const {
    return leaf == "Dt" ? detail::parse_iso_date(value, line())
                        : detail::date_of_iso_date_time(value, line());
  }

  // ---- statement-level elements ------------------------------------------------------------

  void statement_field(std::string_view rel, std::string_view v) {
    if (starts_with(rel, "Ntry/")) return entry_field(rel.substr(5), v);
    if (rel == "Ntry") return end_entry();
    if (starts_with(rel, "Bal/")) return balance_field(rel.substr(4), v);
    if (rel == "Bal") return end_balance();
    auto& s = statement_;
    if (begun_ && !starts_with(rel, "AddtlStmtInf")) return;  // after the entries: nothing read
    if (rel == "Id") {
      s.statement_id = text(v, 35, "Stmt/Id");
    } else if (rel == "ElctrncSeqNb") {
      s.electronic_sequence_number = sequence_number(v);
    } else if (rel == "LglSeqNb") {
      s.legal_sequence_number = sequence_number(v);
    } else if (rel == "FrToDt/FrDtTm") {
      s.from_date = detail::date_of_iso_date_time(v, line());
    } else if (rel == "FrToDt/ToDtTm") {
      s.to_date = detail::date_of_iso_date_time(v, line());
    } else if (rel == "CpyDplctInd") {
      if (v != "CODU" && v != "COPY" && v != "DUPL") {
        fail("camt.code_invalid", line(), "CpyDplctInd " + quote(v) + " is not CODU/COPY/DUPL");
      }
      s.copy_duplicate = std::string(v);
    } else if (rel == "StmtPgntn/PgNb" || rel == "RptPgntn/PgNb") {
      if (!s.page) s.page = contract::statement_page{};
      s.page->number = page_number(v);
    } else if (rel == "StmtPgntn/LastPgInd" || rel == "RptPgntn/LastPgInd") {
      if (!s.page) s.page = contract::statement_page{};
      s.page->last = boolean(v);
    } else if (rel == "Acct/Id/IBAN") {
      s.account.iban = iban(v);
    } else if (rel == "Acct/Id/Othr/Id") {
      if (!s.account.other) s.account.other = contract::other_account_id{};
      s.account.other->id = text(v, 34, "Acct/Id/Othr/Id");
    } else if (rel == "Acct/Id/Othr/SchmeNm/Cd" || rel == "Acct/Id/Othr/SchmeNm/Prtry") {
      if (!s.account.other) s.account.other = contract::other_account_id{};
      s.account.other->scheme = text(v, 35, "Acct/Id/Othr/SchmeNm");
    } else if (rel == "Acct/Ccy") {
      if (!is_currency_code(v)) {
        fail("statement.currency_invalid", line(), quote(v) + " is not an ISO 4217 code");
      }
      s.account.currency = std::string(v);
    } else if (rel == "Acct/Nm") {
      s.account.name = text(v, 70, "Acct/Nm");
    } else if (rel == "Acct/Svcr/FinInstnId/BIC" || rel == "Acct/Svcr/FinInstnId/BICFI") {
      if (!is_valid_bic(v)) fail("camt.code_invalid", line(), "BIC " + quote(v) + " is invalid");
      s.account.bic = std::string(v);
    } else if (rel == "Acct/Svcr/FinInstnId/Nm") {
      s.account.bank_name = text(v, 140, "Acct/Svcr/FinInstnId/Nm");
    } else if (rel == "Acct/Ownr/Nm" || rel == "Acct/Ownr/Pty/Nm") {
      if (!s.account_owner) s.account_owner = contract::party{};
      s.account_owner->name = text(v, 140, "Acct/Ownr/Nm");
    } else if (rel == "AddtlStmtInf" || rel == "AddtlRptInf" || rel == "AddtlNtfctnInf") {
      assembler_or_statement().additional_information = text(v, 500, "AddtlStmtInf");
    }
  }

  contract::bank_statement& assembler_or_statement() {
    return begun_ ? assembler_.header() : statement_;
  }

  void balance_field(std::string_view rel, std::string_view v) {
    if (begun_) {
      fail("camt.unexpected_element", line(), "a balance after the first entry");
    }
    if (rel == "Tp/CdOrPrtry/Cd") {
      static constexpr std::string_view known[] = {"OPBD", "PRCD", "CLBD", "ITBD", "CLAV",
                                                   "FWAV", "OPAV", "ITAV", "INFO", "XPCD"};
      balance_known_type_ = std::find(std::begin(known), std::end(known), v) != std::end(known);
      balance_.type = std::string(v);
    } else if (rel == "Amt") {
      balance_.amount = amount(v);
      balance_amount_seen_ = true;
    } else if (rel == "CdtDbtInd") {
      balance_.credit_debit = credit_debit(v);
    } else if (rel == "Dt/Dt" || rel == "Dt/DtTm") {
      balance_.date = date_choice(rel.substr(3), v);
    }
  }

  void end_balance() {
    // A proprietary or unlisted balance type is informational for us: it is neither an opening
    // nor a closing balance, so leaving it out cannot change a number that is checked.
    if (!balance_known_type_) return;
    if (!balance_amount_seen_ || balance_.credit_debit.empty() || balance_.date.empty()) {
      fail("camt.missing_element", balance_line_,
           "balance " + balance_.type + " lacks Amt, CdtDbtInd or Dt");
    }
    statement_.balances.push_back(std::move(balance_));
    balance_lines_.push_back(balance_line_);
  }

  // ---- entries -----------------------------------------------------------------------------

  void entry_field(std::string_view rel, std::string_view v) {
    auto& e = entry_;
    if (starts_with(rel, "NtryDtls/")) return details_field(rel.substr(9), v);
    if (rel == "NtryDtls") return end_details_group();
    if (rel == "NtryRef") {
      e.entry_reference = text(v, 35, "NtryRef");
    } else if (rel == "Amt") {
      e.amount = amount(v);
      entry_amount_seen_ = true;
    } else if (rel == "CdtDbtInd") {
      e.credit_debit = credit_debit(v);
    } else if (rel == "RvslInd") {
      e.reversal = boolean(v);
    } else if (rel == "Sts" || rel == "Sts/Cd") {
      // .02: <Sts>BOOK</Sts>; .08: <Sts><Cd>BOOK</Cd></Sts> (its container end is not a leaf).
      if (v != "BOOK" && v != "PDNG" && v != "INFO" && v != "FUTR") {
        fail("camt.entry_status_unsupported", line(),
             "entry status " + quote(v) + " is not BOOK, PDNG, INFO or FUTR");
      }
      e.status = std::string(v);
      entry_status_seen_ = true;
    } else if (rel == "Sts/Prtry") {
      fail("camt.entry_status_unsupported", line(),
           "proprietary entry status " + quote(v) + "; only BOOK, PDNG, INFO and FUTR are read");
    } else if (rel == "BookgDt/Dt" || rel == "BookgDt/DtTm") {
      e.booking_date = date_choice(rel.substr(8), v);
    } else if (rel == "ValDt/Dt" || rel == "ValDt/DtTm") {
      e.value_date = date_choice(rel.substr(6), v);
    } else if (rel == "AcctSvcrRef") {
      e.account_servicer_reference = text(v, 35, "AcctSvcrRef");
    } else if (rel == "BkTxCd/Domn/Cd") {
      code_slot().domain = code4(v, "BkTxCd/Domn/Cd");
    } else if (rel == "BkTxCd/Domn/Fmly/Cd") {
      code_slot().family = code4(v, "BkTxCd/Domn/Fmly/Cd");
    } else if (rel == "BkTxCd/Domn/Fmly/SubFmlyCd") {
      code_slot().subfamily = code4(v, "BkTxCd/Domn/Fmly/SubFmlyCd");
    } else if (rel == "BkTxCd/Prtry/Cd") {
      if (!code_slot().proprietary) code_slot().proprietary = contract::proprietary_code{};
      code_slot().proprietary->code = text(v, 35, "BkTxCd/Prtry/Cd");
    } else if (rel == "BkTxCd/Prtry/Issr") {
      if (!code_slot().proprietary) code_slot().proprietary = contract::proprietary_code{};
      code_slot().proprietary->issuer = text(v, 35, "BkTxCd/Prtry/Issr");
    } else if (rel == "AddtlNtryInf") {
      e.additional_information = text(v, 500, "AddtlNtryInf");
    }
  }

  contract::bank_transaction_code& code_slot() {
    if (!entry_.bank_transaction_code) entry_.bank_transaction_code.emplace();
    return *entry_.bank_transaction_code;
  }

  void end_entry() {
    if (!entry_amount_seen_ || entry_.credit_debit.empty() || !entry_status_seen_) {
      fail("camt.missing_element", entry_line_, "entry lacks Amt, CdtDbtInd or Sts");
    }
    if (entry_.bank_transaction_code && entry_.bank_transaction_code->proprietary &&
        entry_.bank_transaction_code->proprietary->code.empty()) {
      fail("camt.missing_element", entry_line_, "BkTxCd/Prtry without Cd");
    }
    assembler_.add_entry(std::move(entry_), entry_line_);
    entry_ = contract::statement_entry{};
  }

  void details_field(std::string_view rel, std::string_view v) {
    if (starts_with(rel, "TxDtls/")) return transaction_field(rel.substr(7), v);
    if (rel == "TxDtls") return end_transaction();
    auto batch = [this]() -> contract::entry_batch& {
      if (!entry_.batch) entry_.batch.emplace();
      return *entry_.batch;
    };
    if (rel == "Btch/MsgId") {
      batch().message_id = text(v, 35, "Btch/MsgId");
    } else if (rel == "Btch/PmtInfId") {
      batch().payment_information_id = text(v, 35, "Btch/PmtInfId");
    } else if (rel == "Btch/NbOfTxs") {
      if (v.empty() || v.size() > 15 ||
          !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        fail("camt.code_invalid", line(), "Btch/NbOfTxs " + quote(v) + " is not a count");
      }
      const auto n = std::stoll(std::string(v));
      if (n < 1) fail("camt.code_invalid", line(), "Btch/NbOfTxs must be at least 1");
      batch().number_of_transactions = n;
      group_batch_count_ = n;
      batch_line_ = line();
    } else if (rel == "Btch/TtlAmt") {
      batch().total_amount = amount(v);
      group_batch_total_ = batch().total_amount;
      batch_line_ = line();
    }
  }

  // One NtryDtls: a batch's declared count and total against the TxDtls it lists.
  void end_details_group() {
    if (group_batch_count_ && details_in_group_ > 0 &&
        static_cast<std::int64_t>(details_in_group_) != *group_batch_count_) {
      fail("camt.batch_count_mismatch", batch_line_,
           "Btch/NbOfTxs says " + std::to_string(*group_batch_count_) + " but " +
               std::to_string(details_in_group_) + " TxDtls follow");
    }
    if (group_batch_total_ && group_details_sum_ && group_sum_comparable_ &&
        details_in_group_ > 0 &&
        group_details_sum_->amount.abs() != group_batch_total_->amount) {
      fail("camt.batch_total_mismatch", batch_line_,
           "Btch/TtlAmt is " + group_batch_total_->amount.to_string() +
               " but the TxDtls amounts add up to " +
               group_details_sum_->amount.abs().to_string());
    }
  }

  contract::party& party(std::optional<contract::party>& slot) {
    if (!slot) slot.emplace();
    return *slot;
  }
  contract::bank_account& account(std::optional<contract::bank_account>& slot) {
    if (!slot) slot.emplace();
    return *slot;
  }
  contract::entry_references& refs() {
    if (!tx_.references) tx_.references.emplace();
    return *tx_.references;
  }

  void transaction_field(std::string_view rel, std::string_view v) {
    auto& t = tx_;
    if (starts_with(rel, "Refs/")) {
      const auto f = rel.substr(5);
      if (f == "MsgId") refs().message_id = text(v, 35, "Refs/MsgId");
      if (f == "AcctSvcrRef") refs().account_servicer_reference = text(v, 35, "Refs/AcctSvcrRef");
      if (f == "PmtInfId") refs().payment_information_id = text(v, 35, "Refs/PmtInfId");
      if (f == "InstrId") refs().instruction_id = text(v, 35, "Refs/InstrId");
      if (f == "EndToEndId") refs().end_to_end_id = text(v, 35, "Refs/EndToEndId");
      if (f == "UETR") refs().uetr = uetr(v);
      if (f == "MndtId") refs().mandate_id = text(v, 35, "Refs/MndtId");
      if (f == "ChqNb") refs().cheque_number = text(v, 35, "Refs/ChqNb");
      return;
    }
    if (rel == "Amt" || (rel == "AmtDtls/TxAmt/Amt" && !t.amount)) {
      t.amount = amount(v);
    } else if (rel == "AmtDtls/InstdAmt/Amt") {
      // A converted payment: what it instructed, in its own currency (the amount above is in
      // the account's currency).
      t.instructed_amount = amount(v);
    } else if (starts_with(rel, "AmtDtls/InstdAmt/CcyXchg/") ||
               starts_with(rel, "AmtDtls/TxAmt/CcyXchg/")) {
      currency_exchange_field(rel, v);
    } else if (rel == "CdtDbtInd") {
      t.credit_debit = credit_debit(v);
    } else if (starts_with(rel, "RltdPties/")) {
      related_party(rel.substr(10), v);
    } else if (rel == "RmtInf/Ustrd") {
      // The first Ustrd is the remittance line; further ones (rare) follow it while they fit.
      if (!t.remittance) t.remittance.emplace();
      append_remittance_text(*t.remittance, text(v, 140, "RmtInf/Ustrd"));
    } else if (rel == "RmtInf/Strd/CdtrRefInf/Ref") {
      if (!t.remittance) t.remittance.emplace();
      const auto reference = text(v, 35, "CdtrRefInf/Ref");
      if (starts_with(v, "RF") && !is_valid_rf_creditor_reference(reference)) {
        // The bank reports what the payer typed; a reference that claims ISO 11649 but fails its
        // check digits is kept as remittance text, so the entry is not lost and nothing matches
        // on a reference the contract would call invalid.
        append_remittance_text(*t.remittance, reference);
        return;
      }
      if (!t.remittance->structured) t.remittance->structured.emplace();
      auto& s = *t.remittance->structured;
      if (!s.creditor_reference) s.creditor_reference.emplace();
      s.creditor_reference->reference = reference;
      if (starts_with(v, "RF")) s.creditor_reference->type = "SCOR";
    } else if (rel == "RtrInf/Rsn/Cd") {
      if (v.empty() || v.size() > 4 ||
          !std::all_of(v.begin(), v.end(), is_code_char)) {
        fail("camt.code_invalid", line(), "return reason " + quote(v) + " is not a code");
      }
      t.return_reason = std::string(v);
    } else if (rel == "AddtlTxInf") {
      t.additional_information = text(v, 500, "AddtlTxInf");
    }
  }

  // CcyXchg of InstdAmt, else of TxAmt (the first one a transaction gives is kept whole).
  void currency_exchange_field(std::string_view rel, std::string_view v) {
    const auto slash = rel.find("/CcyXchg/");
    const auto owner = rel.substr(0, slash);
    const auto f = rel.substr(slash + 9);
    if (!tx_exchange_owner_.empty() && tx_exchange_owner_ != owner) return;
    tx_exchange_owner_ = std::string(owner);
    if (!tx_.currency_exchange) tx_.currency_exchange.emplace();
    auto& x = *tx_.currency_exchange;
    auto code = [&](const char* what) {
      if (!is_currency_code(v)) {
        fail("statement.currency_invalid", line(),
             std::string(what) + " " + quote(v) + " is not an ISO 4217 code");
      }
      return std::string(v);
    };
    if (f == "SrcCcy") {
      x.source_currency = code("CcyXchg/SrcCcy");
    } else if (f == "TrgtCcy") {
      x.target_currency = code("CcyXchg/TrgtCcy");
    } else if (f == "UnitCcy") {
      x.unit_currency = code("CcyXchg/UnitCcy");
    } else if (f == "XchgRate") {
      // BaseOneRate: up to 11 digits with 10 after the point; never negative.
      const auto rate = decimal::parse(v);
      if (!rate || rate->is_negative() || v.size() > 24) {
        fail("statement.amount_invalid", line(),
             "exchange rate " + quote(v) + " is not a non-negative decimal");
      }
      x.rate = *rate;
      tx_exchange_rate_seen_ = true;
    } else if (f == "CtrctId") {
      x.contract_id = text(v, 35, "CcyXchg/CtrctId");
    }
  }

  // The unstructured remittance line holds 140 characters; later parts follow while they fit.
  static void append_remittance_text(contract::remittance& r, const std::string& part) {
    auto& u = r.unstructured;
    if (!u) {
      u = part;
    } else if (u->size() + 1 + part.size() <= 140) {
      *u += " " + part;
    }
  }

  // Dbtr/Nm (.02) or Dbtr/Pty/Nm (.08, Party40Choice); accounts by IBAN or Othr/Id.
  void related_party(std::string_view rel, std::string_view v) {
    auto& t = tx_;
    struct party_slot {
      std::string_view name;
      std::optional<contract::party> contract::transaction_details::*member;
    };
    static constexpr party_slot parties[] = {
        {"Dbtr", &contract::transaction_details::debtor},
        {"Cdtr", &contract::transaction_details::creditor},
        {"UltmtDbtr", &contract::transaction_details::ultimate_debtor},
        {"UltmtCdtr", &contract::transaction_details::ultimate_creditor}};
    for (const auto& p : parties) {
      if (!starts_with(rel, p.name) || rel.size() <= p.name.size() || rel[p.name.size()] != '/')
        continue;
      const auto f = rel.substr(p.name.size() + 1);
      if (f == "Nm" || f == "Pty/Nm") party(t.*p.member).name = text(v, 140, "party name");
      return;
    }
    struct account_slot {
      std::string_view name;
      std::optional<contract::bank_account> contract::transaction_details::*member;
    };
    static constexpr account_slot accounts[] = {
        {"DbtrAcct", &contract::transaction_details::debtor_account},
        {"CdtrAcct", &contract::transaction_details::creditor_account}};
    for (const auto& a : accounts) {
      if (!starts_with(rel, a.name) || rel.size() <= a.name.size() || rel[a.name.size()] != '/')
        continue;
      const auto f = rel.substr(a.name.size() + 1);
      if (f == "Id/IBAN") {
        account(t.*a.member).iban = iban(v);
      } else if (f == "Id/Othr/Id") {
        auto& acct = account(t.*a.member);
        if (!acct.other) acct.other.emplace();
        acct.other->id = text(v, 34, "Othr/Id");
      }
      return;
    }
  }

  void end_transaction() {
    ++details_in_group_;
    if (tx_.currency_exchange &&
        (tx_.currency_exchange->source_currency.empty() || !tx_exchange_rate_seen_)) {
      fail("camt.missing_element", line(), "CcyXchg lacks SrcCcy or XchgRate");
    }
    tx_exchange_owner_.clear();
    tx_exchange_rate_seen_ = false;
    if (tx_.amount) {
      const auto& entry_ccy = entry_.amount.currency;
      const bool credit = tx_.credit_debit.value_or(entry_.credit_debit) == "CRDT";
      const decimal signed_amount = credit ? tx_.amount->amount : -tx_.amount->amount;
      if (!group_details_sum_) group_details_sum_ = money{decimal{}, tx_.amount->currency};
      if (tx_.amount->currency != group_details_sum_->currency ||
          (entry_amount_seen_ && tx_.amount->currency != entry_ccy)) {
        group_sum_comparable_ = false;
      } else {
        group_details_sum_->amount += signed_amount;
      }
    } else {
      group_sum_comparable_ = false;
    }
    entry_.details.push_back(std::move(tx_));
    tx_ = contract::transaction_details{};
  }

  byte_source& source_;
  const read_options& options_;
  detail::statement_assembler assembler_;
  detail::guarded_xml_stream xml_;

  const message_kind* kind_ = nullptr;
  std::string namespace_;
  bool seen_root_ = false;
  std::string path_;
  std::vector<std::size_t> path_lengths_;
  std::vector<bool> has_children_;
  const void* checked_namespace_ = nullptr;
  std::string currency_;

  std::string message_id_;
  std::optional<std::int64_t> message_page_;
  bool message_last_page_ = false;

  bool in_statement_ = false;
  bool begun_ = false;
  std::size_t statement_offset_ = 0;
  std::uint64_t statement_line_ = 0;
  contract::bank_statement statement_;
  std::vector<std::uint64_t> balance_lines_;

  contract::statement_balance balance_;
  std::uint64_t balance_line_ = 0;
  bool balance_known_type_ = false;
  bool balance_amount_seen_ = false;

  contract::statement_entry entry_;
  std::uint64_t entry_line_ = 0;
  bool entry_status_seen_ = false;
  bool entry_amount_seen_ = false;

  contract::transaction_details tx_;
  std::string tx_exchange_owner_;  // "AmtDtls/InstdAmt" or "AmtDtls/TxAmt": whose CcyXchg
  bool tx_exchange_rate_seen_ = false;
  std::size_t details_in_group_ = 0;
  std::optional<money> group_details_sum_;
  bool group_sum_comparable_ = true;
  std::optional<std::int64_t> group_batch_count_;
  std::optional<money> group_batch_total_;
  std::uint64_t batch_line_ = 0;
};

}  // namespace

void read_camt(std::istream& in, statement_sink& sink, const read_options& options) {
  byte_source source;
  source.stream = &in;
  source.max_bytes = options.limits.max_bytes;
  camt_parser(source, sink, options).run();
}

void read_camt(std::string_view bytes, statement_sink& sink, const read_options& options) {
  byte_source source;
  source.buffer = bytes;
  source.max_bytes = options.limits.max_bytes;
  camt_parser(source, sink, options).run();
}

std::vector<parsed_statement> read_camt(std::string_view bytes, const read_options& options) {
  collecting_sink sink;
  read_camt(bytes, sink, options);
  return std::move(sink.statements());
}

}  // namespace erpc::banking
