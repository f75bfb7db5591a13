// SPDX-License-Identifier: Apache-2.0
// Element order and cardinalities: the XSDs in shared/reference/iso20022 (pain.001.001.03,
// the EPC SCT restriction of pain.001.001.09, pain.001.001.10) and vendors.md §6.2. Rules:
// BANKING.md "Payments out (pain.001)".
#include <erpc/banking/pain001_writer.hpp>

#include "text_encoding.hpp"

#include <erpc/banking/payment_identifiers.hpp>
#include <erpc/banking/sepa_rules.hpp>
#include <erpc/banking/target_calendar.hpp>
#include <erpc/currency.hpp>
#include <erpc/error.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace erpc::banking {
namespace {

const decimal sepa_max_amount = *decimal::parse("999999999.99");
constexpr std::size_t sepa_max_name = 70;
constexpr std::size_t max_name = 140;
constexpr std::size_t max_unstructured = 140;
constexpr int max_amount_digits = 18;  // ActiveOrHistoricCurrencyAndAmount totalDigits

class violations {
 public:
  void add(std::string pointer, std::string code, std::string message) {
    items_.push_back({std::move(pointer), std::move(code), std::move(message)});
  }
  bool empty() const noexcept { return items_.empty(); }
  std::size_t size() const noexcept { return items_.size(); }
  [[noreturn]] void raise() {
    std::string text = std::to_string(items_.size()) +
                       (items_.size() == 1 ? " problem" : " problems") +
                       " in the payment batch; first: " + items_.front().pointer + ": " +
                       items_.front().message;
    const std::string code = items_.front().code;
    throw error(error_class::validation, code, std::move(text)).with_fields(std::move(items_));
  }

 private:
  std::vector<field_error> items_;
};

std::size_t code_points(std::string_view utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

class xml_writer {
 public:
  void open(std::string_view name) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += ">\n";
    ++depth_;
  }
  void close(std::string_view name) {
    --depth_;
    indent();
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  void leaf(std::string_view name, std::string_view text) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += '>';
    escape(text);
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  void amount(std::string_view name, std::string_view currency, std::string_view value) {
    indent();
    out_ += '<';
    out_ += name;
    out_ += " Ccy=\"";
    escape(currency);
    out_ += "\">";
    out_ += value;
    out_ += "</";
    out_ += name;
    out_ += ">\n";
  }
  void raw(std::string_view text) { out_ += text; }
  std::string take() { return std::move(out_); }

 private:
  void indent() { out_.append(static_cast<std::size_t>(depth_), ' '); }
  void escape(std::string_view text) {
    for (const char c : text) {
      switch (c) {
        case '&': out_ += "&amp;"; break;
        case '<': out_ += "&lt;"; break;
        case '>': out_ += "&gt;"; break;
        case '"': out_ += "&quot;"; break;
        default: out_ += c;
      }
    }
  }
  std::string out_;
  int depth_ = 0;
};

// A postal address ready to write (texts already in the message's character set).
struct address_out {
  std::optional<std::string> street, building, postcode, town, subdivision, country;
  std::vector<std::string> lines;
};

struct party_out {
  std::string name;
  std::optional<address_out> address;
};

struct account_out {
  std::optional<std::string> iban;
  std::optional<std::string> other_id;
  std::optional<std::string> other_scheme;
  std::optional<std::string> currency;  // CGI-MP: the account's currency (e.g. a EUR account paying USD)
  std::string key;  // for PmtInf splitting
};

struct document_out {
  std::optional<std::string> type;
  std::string number;
  std::optional<std::string> date;
  std::optional<std::string> amount;  // formatted
  bool credit_note = false;
};

struct remittance_out {
  std::optional<std::string> unstructured;
  bool structured = false;
  std::optional<std::string> creditor_reference;
  std::optional<std::string> creditor_reference_type;
  std::optional<std::string> creditor_reference_issuer;
  std::vector<document_out> documents;
  std::optional<std::string> additional;
};

struct transaction_out {
  std::size_t index = 0;
  std::string amount;  // formatted to the currency's minor digits
  decimal amount_value;
  std::string currency;
  party_out creditor;
  account_out creditor_account;
  std::optional<std::string> creditor_bic;
  std::optional<std::string> ultimate_debtor;
  std::optional<std::string> ultimate_creditor;
  std::optional<std::string> purpose;
  std::optional<remittance_out> remittance;
};

struct block_key {
  std::string debtor_account;
  std::string execution_date;
  std::string service_level;
  std::string charge_bearer;
  std::string category_purpose;
  int batch_booking = -1;
  auto tie() const {
    return std::tie(debtor_account, execution_date, service_level, charge_bearer,
                    category_purpose, batch_booking);
  }
  friend bool operator<(const block_key& a, const block_key& b) { return a.tie() < b.tie(); }
};

struct block_out {
  block_key key;
  std::optional<std::string> moved_from;
  party_out debtor;
  account_out debtor_account;
  std::optional<std::string> debtor_bic;
  std::vector<transaction_out> transactions;
};

class batch_reader {
 public:
  batch_reader(const payment_batch& batch, const pain001_options& options)
      : batch_(batch), options_(options), sepa_(options.usage == pain001_usage::sepa) {}

  std::vector<block_out> read() {
    if (batch_.payments.empty()) {
      v_.add("/payments", "pain001.no_payments", "the batch has no payments");
    }
    if (batch_.payments.size() > max_transactions) {
      v_.add("/payments", "pain001.too_many_transactions",
             "a pain.001 written here holds at most " + std::to_string(max_transactions) +
                 " payments; split the batch");
    }
    std::vector<block_out> blocks;
    std::map<block_key, std::size_t> index;
    decimal sum;
    for (std::size_t i = 0; i < batch_.payments.size() && i < max_transactions; ++i) {
      block_out head;
      auto tx = read_payment(i, head);
      if (!tx) continue;
      sum += tx->amount_value;
      const auto [it, inserted] = index.emplace(head.key, blocks.size());
      if (inserted) blocks.push_back(std::move(head));
      blocks[it->second].transactions.push_back(std::move(*tx));
    }
    if (blocks.size() > max_payment_information_blocks) {
      v_.add("/payments", "pain001.too_many_blocks",
             "the payments split into more than " +
                 std::to_string(max_payment_information_blocks) + " PmtInf blocks");
    }
    check_batch_totals(sum);
    if (!v_.empty()) v_.raise();
    return blocks;
  }

 private:
  static std::string at(std::size_t i) { return "/payments/" + std::to_string(i); }

  // Free text in the message's character set: SEPA transliterates, CGI keeps UTF-8.
  std::optional<std::string> text(std::string_view value, const std::string& pointer,
                                  std::size_t max_chars, std::string_view too_long_code) {
    std::string out(value);
    if (sepa_) {
      auto t = transliterate_to_sepa(value);
      if (!t) {
        v_.add(pointer, "pain001.text_not_latin",
               "has characters with no Latin transliteration; SEPA allows only the Latin "
               "character set, so give this text in Latin script");
        return std::nullopt;
      }
      out = std::move(*t);
    } else {
      if (!detail::is_utf8(value)) {
        v_.add(pointer, "pain001.text_not_utf8", "is not UTF-8 text");
        return std::nullopt;
      }
      for (const char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          v_.add(pointer, "pain001.text_control_character", "has a control character");
          return std::nullopt;
        }
      }
    }
    if (code_points(out) > max_chars) {
      v_.add(pointer, std::string(too_long_code),
             "is " + std::to_string(code_points(out)) + " characters long; at most " +
                 std::to_string(max_chars) + " are allowed" +
                 (sepa_ ? " (after transliteration to the SEPA character set)" : ""));
      return std::nullopt;
    }
    return out;
  }

  // References travel to the creditor unchanged: never transliterated.
  bool reference(std::string_view value, const std::string& pointer) {
    if (sepa_ && !is_sepa_text(value)) {
      v_.add(pointer, "pain001.reference_characters",
             "has characters outside the SEPA character set; a reference is passed on "
             "unchanged, so it is not transliterated");
      return false;
    }
    return true;
  }

  std::optional<party_out> party(const contract::party& p, const std::string& pointer,
                                 std::string_view missing_code) {
    party_out out;
    if (!p.name) {
      v_.add(pointer + "/name", std::string(missing_code), "the party has no name");
      return std::nullopt;
    }
    const auto name = text(*p.name, pointer + "/name", sepa_ ? sepa_max_name : max_name,
                           "pain001.name_too_long");
    if (!name) return std::nullopt;
    out.name = *name;
    if (p.postal_address) {
      const auto a = address(*p.postal_address, pointer + "/postal_address");
      if (!a) return std::nullopt;
      out.address = *a;
    }
    return out;
  }

  std::optional<address_out> address(const contract::postal_address& a,
                                     const std::string& pointer) {
    address_out out;
    bool ok = true;
    const auto field = [&](const std::optional<std::string>& v, const char* name, std::size_t max,
                           std::optional<std::string>& dest) {
      if (!v) return;
      auto t = text(*v, pointer + "/" + name, max, "pain001.text_too_long");
      if (t) {
        dest = std::move(*t);
      } else {
        ok = false;
      }
    };
    field(a.street_name, "street_name", 70, out.street);
    field(a.building_number, "building_number", 16, out.building);
    field(a.postal_code, "postal_code", 16, out.postcode);
    field(a.town_name, "town_name", 35, out.town);
    field(a.country_sub_division, "country_sub_division", 35, out.subdivision);
    out.country = a.country;
    for (std::size_t k = 0; k < a.address_lines.size(); ++k) {
      auto t = text(a.address_lines[k], pointer + "/address_lines/" + std::to_string(k), 70,
                    "pain001.text_too_long");
      if (t) {
        out.lines.push_back(std::move(*t));
      } else {
        ok = false;
      }
    }
    if (sepa_) {
      // EPC 2023: structured (town + country) or hybrid (the same plus at most two lines);
      // unstructured-only addresses are no longer accepted.
      if (!a.town_name || !a.country) {
        v_.add(pointer, "pain001.address_unstructured",
               "a SEPA address needs at least town_name and country (structured or hybrid "
               "address); address lines alone are not accepted");
        ok = false;
      } else if (a.address_lines.size() > 2) {
        v_.add(pointer + "/address_lines", "pain001.address_too_many_lines",
               "a hybrid SEPA address has at most 2 address lines");
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<account_out> account(const contract::bank_account& a, const std::string& pointer) {
    account_out out;
    if (a.iban) {
      if (!is_valid_iban(*a.iban)) {
        v_.add(pointer + "/iban", "pain001.iban_invalid",
               "is not a valid IBAN (ISO 13616 check digits)");
        return std::nullopt;
      }
      out.iban = a.iban;
      out.key = "IBAN:" + *a.iban;
    } else if (a.other) {
      if (sepa_) {
        v_.add(pointer, "pain001.sepa_iban_required", "SEPA credit transfers need an IBAN");
        return std::nullopt;
      }
      out.other_id = a.other->id;
      out.other_scheme = a.other->scheme;
      out.key = "OTHR:" + a.other->id + "|" + a.other->scheme.value_or("");
    } else {
      v_.add(pointer, "pain001.account_missing", "the account has neither iban nor other");
      return std::nullopt;
    }
    // Outside SEPA an account may name its currency (CashAccount Ccy), which tells the bank a
    // payment in another currency is to be converted from it (CGI-MP foreign-currency payments).
    if (a.currency && !sepa_) {
      if (!currency_minor_units(*a.currency)) {
        v_.add(pointer + "/currency", "pain001.currency_unknown",
               "'" + a.currency->substr(0, 8) + "' is not a currency with minor units");
        return std::nullopt;
      }
      out.currency = a.currency;
    }
    return out;
  }

  std::optional<std::string> service_level(const contract::payment& p) const {
    if (sepa_) return std::string("SEPA");
    if (p.method == "sepa_credit_transfer") return std::string("SEPA");
    if (p.method == "wire") return std::string("URGP");
    return std::nullopt;
  }

  std::optional<std::string> execution_date(const contract::payment& p, const std::string& ptr,
                                            std::optional<std::string>& moved_from) {
    const auto& given = p.requested_execution_date ? p.requested_execution_date
                                                   : batch_.requested_execution_date;
    const std::string pointer =
        p.requested_execution_date ? ptr + "/requested_execution_date"
                                   : std::string("/requested_execution_date");
    if (!given) {
      v_.add(pointer, "pain001.execution_date_missing",
             "neither the payment nor the batch has a requested_execution_date");
      return std::nullopt;
    }
    const calendar_date d = parse_calendar_date(*given);
    if (d.year == 0) {
      v_.add(pointer, "pain001.execution_date_invalid", "is not a calendar date YYYY-MM-DD");
      return std::nullopt;
    }
    if (!sepa_ && !options_.target_calendar_for_cgi) return *given;
    if (is_target_business_day(d)) return *given;
    if (options_.non_business_day == non_business_day_policy::reject) {
      v_.add(pointer, "pain001.execution_date_not_business_day",
             *given + " is not a TARGET business day (weekend, 1 January, Good Friday, Easter "
                      "Monday, 1 May, 25 or 26 December)");
      return std::nullopt;
    }
    moved_from = *given;
    return to_string(next_target_business_day(d));
  }

  std::optional<std::string> amount(const money& m, const std::string& pointer) {
    const auto minor = currency_minor_units(m.currency);
    if (!minor) {
      v_.add(pointer + "/currency", "pain001.currency_unknown",
             "'" + m.currency + "' is not a currency with minor units");
      return std::nullopt;
    }
    if (sepa_ && m.currency != "EUR") {
      v_.add(pointer + "/currency", "pain001.sepa_currency",
             "SEPA credit transfers are in EUR only, not " + m.currency);
      return std::nullopt;
    }
    if (m.amount.signum() <= 0) {
      v_.add(pointer + "/amount", "pain001.amount_not_positive",
             "a credit transfer amount must be greater than zero");
      return std::nullopt;
    }
    const auto exact = m.amount.rescale(*minor);
    if (!exact) {
      v_.add(pointer + "/amount", "pain001.amount_precision",
             m.amount.to_string() + " has more fraction digits than " + m.currency + "'s " +
                 std::to_string(*minor) + "; amounts are never rounded");
      return std::nullopt;
    }
    if (sepa_ && *exact > sepa_max_amount) {
      v_.add(pointer + "/amount", "pain001.sepa_amount_too_large",
             m.amount.to_string() + " is above the SEPA maximum of 999999999.99 a transaction");
      return std::nullopt;
    }
    const std::string formatted = exact->to_string();
    std::size_t digits = 0;
    for (const char c : formatted) digits += c >= '0' && c <= '9' ? 1 : 0;
    if (digits > max_amount_digits) {
      v_.add(pointer + "/amount", "pain001.amount_too_large",
             "has more than 18 digits, the most an ISO 20022 amount has");
      return std::nullopt;
    }
    return formatted;
  }

  std::optional<remittance_out> remittance(const contract::remittance& r, const money& paid,
                                           const std::string& pointer) {
    remittance_out out;
    bool ok = true;
    if (r.unstructured) {
      out.unstructured = text(*r.unstructured, pointer + "/unstructured", max_unstructured,
                              "pain001.remittance_too_long");
      ok = ok && out.unstructured.has_value();
    }
    if (!r.structured) return ok ? std::optional(out) : std::nullopt;
    const auto& s = *r.structured;
    out.structured = true;
    if (sepa_ && r.unstructured) {
      v_.add(pointer, "pain001.sepa_remittance_both",
             "SEPA allows one unstructured text or one structured reference, not both");
      return std::nullopt;
    }
    if (sepa_ && (!s.referred_documents.empty() || s.additional_information)) {
      v_.add(pointer + "/structured", "pain001.sepa_structured_documents",
             "SEPA structured remittance carries only a creditor reference; list the "
             "documents in the unstructured text or pay them with the cgi_mp usage");
      return std::nullopt;
    }
    if (s.creditor_reference) {
      const auto& c = *s.creditor_reference;
      const std::string p = pointer + "/structured/creditor_reference/reference";
      const bool rf = c.reference.size() >= 2 && c.reference.compare(0, 2, "RF") == 0;
      if (rf && !is_valid_rf_reference(c.reference)) {
        v_.add(p, "pain001.creditor_reference_invalid",
               "'" + c.reference.substr(0, 35) +
                   "' is not a valid ISO 11649 RF creditor reference (mod-97 check)");
        ok = false;
      } else if (!reference(c.reference, p)) {
        ok = false;
      }
      out.creditor_reference = c.reference;
      out.creditor_reference_type = c.type.value_or("SCOR");
      if (c.issuer) {
        out.creditor_reference_issuer =
            text(*c.issuer, pointer + "/structured/creditor_reference/issuer", 35,
                 "pain001.text_too_long");
        ok = ok && out.creditor_reference_issuer.has_value();
      }
    }
    if (s.additional_information) {
      out.additional = text(*s.additional_information,
                            pointer + "/structured/additional_information", 140,
                            "pain001.remittance_too_long");
      ok = ok && out.additional.has_value();
    }
    // Invoices minus credit notes must make the amount paid, when every document says how much.
    std::optional<decimal> documents_total = decimal{};
    for (std::size_t k = 0; k < s.referred_documents.size(); ++k) {
      const auto& d = s.referred_documents[k];
      const std::string p = pointer + "/structured/referred_documents/" + std::to_string(k);
      document_out doc;
      doc.type = d.type;
      doc.credit_note = d.type == "CREN";
      if (!reference(d.number, p + "/number")) ok = false;
      doc.number = d.number;
      doc.date = d.date;
      if (d.amount) {
        if (d.amount->currency != paid.currency) {
          v_.add(p + "/amount/currency", "pain001.remittance_currency_mismatch",
                 "a referred document's amount is in " + d.amount->currency +
                     ", the payment in " + paid.currency);
          ok = false;
        } else if (const auto f = amount_of_document(*d.amount, p + "/amount")) {
          doc.amount = f;
          if (documents_total) {
            *documents_total += doc.credit_note ? -d.amount->amount : d.amount->amount;
          }
        } else {
          ok = false;
        }
      } else {
        documents_total.reset();
      }
      out.documents.push_back(std::move(doc));
    }
    if (ok && documents_total && !s.referred_documents.empty() &&
        *documents_total != paid.amount) {
      v_.add(pointer + "/structured/referred_documents", "pain001.remittance_total_mismatch",
             "the documents add up to " + documents_total->to_string() +
                 " (invoices minus credit notes), the payment is " + paid.amount.to_string());
      ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  std::optional<std::string> amount_of_document(const money& m, const std::string& pointer) {
    const auto minor = currency_minor_units(m.currency);
    const auto exact = minor ? m.amount.rescale(*minor) : std::nullopt;
    if (!exact) {
      v_.add(pointer + "/amount", "pain001.amount_precision",
             "has more fraction digits than the currency allows");
      return std::nullopt;
    }
    return exact->to_string();
  }

  std::optional<transaction_out> read_payment(std::size_t i, block_out& head) {
    const auto& p = batch_.payments[i];
    const std::string ptr = at(i);
    const std::size_t before = error_count();
    if (p.direction != "outbound") {
      v_.add(ptr + "/direction", "pain001.not_outbound",
             "a pain.001 pays suppliers: direction must be outbound");
    }
    transaction_out tx;
    tx.index = i;
    tx.currency = p.amount.currency;
    tx.amount_value = p.amount.amount;
    if (auto a = amount(p.amount, ptr + "/amount")) tx.amount = *a;

    // Debtor side: the payment's own, else the batch's.
    const auto* debtor = p.debtor ? &*p.debtor : batch_.debtor ? &*batch_.debtor : nullptr;
    const std::string debtor_ptr = p.debtor ? ptr + "/debtor" : "/debtor";
    if (debtor == nullptr) {
      v_.add(debtor_ptr, "pain001.debtor_missing",
             "neither the payment nor the batch names a debtor");
    } else if (auto d = party(*debtor, debtor_ptr, "pain001.debtor_name_missing")) {
      head.debtor = *d;
    }
    const auto* dacct = p.debtor_account ? &*p.debtor_account
                        : batch_.debtor_account ? &*batch_.debtor_account : nullptr;
    const std::string dacct_ptr = p.debtor_account ? ptr + "/debtor_account" : "/debtor_account";
    if (dacct == nullptr) {
      v_.add(dacct_ptr, "pain001.debtor_account_missing",
             "neither the payment nor the batch has a debtor_account");
    } else if (auto a = account(*dacct, dacct_ptr)) {
      head.debtor_account = *a;
      head.debtor_bic = dacct->bic;
      head.key.debtor_account = a->key;
    }

    // Creditor side.
    if (!p.creditor) {
      v_.add(ptr + "/creditor", "pain001.creditor_missing", "the payment has no creditor");
    } else if (auto c = party(*p.creditor, ptr + "/creditor", "pain001.creditor_name_missing")) {
      tx.creditor = *c;
    }
    if (!p.creditor_account) {
      v_.add(ptr + "/creditor_account", "pain001.creditor_account_missing",
             "the payment has no creditor_account");
    } else if (auto a = account(*p.creditor_account, ptr + "/creditor_account")) {
      tx.creditor_account = *a;
      tx.creditor_bic = p.creditor_account->bic;
    }
    const auto ultimate = [&](const std::optional<contract::party>& u, const char* name,
                              std::optional<std::string>& dest) {
      if (!u || !u->name) return;
      dest = text(*u->name, ptr + "/" + name + "/name", sepa_ ? sepa_max_name : max_name,
                  "pain001.name_too_long");
    };
    ultimate(p.ultimate_debtor, "ultimate_debtor", tx.ultimate_debtor);
    ultimate(p.ultimate_creditor, "ultimate_creditor", tx.ultimate_creditor);
    tx.purpose = p.purpose_code;

    // Block key: debtor account, execution date, service level, charge bearer, category
    // purpose, batch booking (BANKING.md).
    const auto& bearer = p.charge_bearer ? p.charge_bearer : batch_.charge_bearer;
    if (sepa_ && bearer && *bearer != "SLEV") {
      v_.add(p.charge_bearer ? ptr + "/charge_bearer" : "/charge_bearer",
             "pain001.sepa_charge_bearer",
             "SEPA credit transfers share charges under the scheme (SLEV), not " + *bearer);
    }
    head.key.charge_bearer = sepa_ ? "SLEV" : bearer.value_or("");
    head.key.service_level = service_level(p).value_or("");
    head.key.category_purpose = p.category_purpose.value_or("");
    head.key.batch_booking = batch_.batch_booking ? (*batch_.batch_booking ? 1 : 0) : -1;
    if (auto d = execution_date(p, ptr, head.moved_from)) head.key.execution_date = *d;

    if (p.remittance) {
      if (auto r = remittance(*p.remittance, p.amount, ptr + "/remittance")) tx.remittance = *r;
    }
    if (error_count() != before) return std::nullopt;
    return tx;
  }

  void check_batch_totals(const decimal& sum) {
    if (batch_.number_of_transactions &&
        *batch_.number_of_transactions != static_cast<std::int64_t>(batch_.payments.size())) {
      v_.add("/number_of_transactions", "pain001.batch_count_mismatch",
             "says " + std::to_string(*batch_.number_of_transactions) + ", the batch has " +
                 std::to_string(batch_.payments.size()) + " payments");
    }
    if (batch_.control_sum && v_.empty() && *batch_.control_sum != sum) {
      v_.add("/control_sum", "pain001.batch_control_sum_mismatch",
             "says " + batch_.control_sum->to_string() + ", the payments add up to " +
                 sum.to_string());
    }
  }

  std::size_t error_count() const noexcept { return v_.size(); }

  const payment_batch& batch_;
  const pain001_options& options_;
  bool sepa_;
  violations v_;
};

class message_renderer {
 public:
  explicit message_renderer(const pain001_options& options) : options_(options) {}

  void address(const address_out& a) {
    x_.open("PstlAdr");
    if (a.street) x_.leaf("StrtNm", *a.street);
    if (a.building) x_.leaf("BldgNb", *a.building);
    if (a.postcode) x_.leaf("PstCd", *a.postcode);
    if (a.town) x_.leaf("TwnNm", *a.town);
    if (a.subdivision) x_.leaf("CtrySubDvsn", *a.subdivision);
    if (a.country) x_.leaf("Ctry", *a.country);
    for (const auto& l : a.lines) x_.leaf("AdrLine", l);
    x_.close("PstlAdr");
  }

  void party(std::string_view element, const party_out& p) {
    x_.open(element);
    x_.leaf("Nm", p.name);
    if (p.address) address(*p.address);
    x_.close(element);
  }

  void account(std::string_view element, const account_out& a) {
    x_.open(element);
    x_.open("Id");
    if (a.iban) {
      x_.leaf("IBAN", *a.iban);
    } else {
      x_.open("Othr");
      x_.leaf("Id", *a.other_id);
      if (a.other_scheme) {
        x_.open("SchmeNm");
        x_.leaf("Prtry", *a.other_scheme);
        x_.close("SchmeNm");
      }
      x_.close("Othr");
    }
    x_.close("Id");
    if (a.currency) x_.leaf("Ccy", *a.currency);
    x_.close(element);
  }

  // BIC is optional in SEPA; DbtrAgt is mandatory in the message, so without a BIC it says
  // NOTPROVIDED (EPC implementation guidelines).
  void agent(std::string_view element, const std::optional<std::string>& bic) {
    x_.open(element);
    x_.open("FinInstnId");
    if (bic) {
      x_.leaf(options_.version == pain001_version::v03 ? "BIC" : "BICFI", *bic);
    } else {
      x_.open("Othr");
      x_.leaf("Id", "NOTPROVIDED");
      x_.close("Othr");
    }
    x_.close("FinInstnId");
    x_.close(element);
  }

  void creditor_reference(const remittance_out& r) {
    x_.open("CdtrRefInf");
    x_.open("Tp");
    x_.open("CdOrPrtry");
    x_.leaf("Cd", r.creditor_reference_type.value_or("SCOR"));
    x_.close("CdOrPrtry");
    if (r.creditor_reference_issuer) x_.leaf("Issr", *r.creditor_reference_issuer);
    x_.close("Tp");
    x_.leaf("Ref", *r.creditor_reference);
    x_.close("CdtrRefInf");
  }

  // SEPA: one Ustrd or one Strd (with only the creditor reference). Otherwise (CGI-MP) one Strd
  // per referred document, each with its remitted or credit-note amount, so 3 invoices minus a
  // credit note are 4 blocks that add up to the amount paid.
  void remittance(const remittance_out& r, const std::string& currency) {
    x_.open("RmtInf");
    if (r.unstructured) x_.leaf("Ustrd", *r.unstructured);
    if (r.structured) {
      const std::size_t blocks = std::max<std::size_t>(1, r.documents.size());
      for (std::size_t k = 0; k < blocks; ++k) {
        x_.open("Strd");
        if (k < r.documents.size()) {
          const auto& d = r.documents[k];
          x_.open("RfrdDocInf");
          if (d.type) {
            x_.open("Tp");
            x_.open("CdOrPrtry");
            x_.leaf("Cd", *d.type);
            x_.close("CdOrPrtry");
            x_.close("Tp");
          }
          x_.leaf("Nb", d.number);
          if (d.date) x_.leaf("RltdDt", *d.date);
          x_.close("RfrdDocInf");
          if (d.amount) {
            x_.open("RfrdDocAmt");
            x_.amount(d.credit_note ? "CdtNoteAmt" : "RmtdAmt", currency, *d.amount);
            x_.close("RfrdDocAmt");
          }
        }
        if (k == 0 && r.creditor_reference) creditor_reference(r);
        if (k == 0 && r.additional) x_.leaf("AddtlRmtInf", *r.additional);
        x_.close("Strd");
      }
    }
    x_.close("RmtInf");
  }

  void transaction(const transaction_out& t, const payment_identifiers& ids) {
    x_.open("CdtTrfTxInf");
    x_.open("PmtId");
    x_.leaf("InstrId", ids.instruction_id(t.index + 1));
    x_.leaf("EndToEndId", ids.end_to_end_id(t.index + 1));
    x_.close("PmtId");
    x_.open("Amt");
    x_.amount("InstdAmt", t.currency, t.amount);
    x_.close("Amt");
    if (t.ultimate_debtor) party("UltmtDbtr", {*t.ultimate_debtor, std::nullopt});
    if (t.creditor_bic) agent("CdtrAgt", t.creditor_bic);
    party("Cdtr", t.creditor);
    account("CdtrAcct", t.creditor_account);
    if (t.ultimate_creditor) party("UltmtCdtr", {*t.ultimate_creditor, std::nullopt});
    if (t.purpose) {
      x_.open("Purp");
      x_.leaf("Cd", *t.purpose);
      x_.close("Purp");
    }
    if (t.remittance) remittance(*t.remittance, t.currency);
    x_.close("CdtTrfTxInf");
  }

  void block(const block_out& b, const std::string& id, const decimal& sum,
             const payment_identifiers& ids) {
    x_.open("PmtInf");
    x_.leaf("PmtInfId", id);
    x_.leaf("PmtMtd", "TRF");
    if (b.key.batch_booking >= 0) x_.leaf("BtchBookg", b.key.batch_booking ? "true" : "false");
    x_.leaf("NbOfTxs", std::to_string(b.transactions.size()));
    x_.leaf("CtrlSum", sum.to_string());
    if (!b.key.service_level.empty() || !b.key.category_purpose.empty()) {
      x_.open("PmtTpInf");
      if (!b.key.service_level.empty()) {
        x_.open("SvcLvl");
        x_.leaf("Cd", b.key.service_level);
        x_.close("SvcLvl");
      }
      if (!b.key.category_purpose.empty()) {
        x_.open("CtgyPurp");
        x_.leaf("Cd", b.key.category_purpose);
        x_.close("CtgyPurp");
      }
      x_.close("PmtTpInf");
    }
    if (options_.version == pain001_version::v03) {
      x_.leaf("ReqdExctnDt", b.key.execution_date);  // ISODate in .03
    } else {
      x_.open("ReqdExctnDt");  // DateAndDateTime2Choice from .09
      x_.leaf("Dt", b.key.execution_date);
      x_.close("ReqdExctnDt");
    }
    party("Dbtr", b.debtor);
    account("DbtrAcct", b.debtor_account);
    agent("DbtrAgt", b.debtor_bic);
    if (!b.key.charge_bearer.empty()) x_.leaf("ChrgBr", b.key.charge_bearer);
    for (const auto& t : b.transactions) transaction(t, ids);
    x_.close("PmtInf");
  }

  pain001_document render(const payment_batch& batch, std::vector<block_out> blocks) {
    const payment_identifiers ids(options_.idempotency_key, options_.generation);
    if (options_.creation_date_time.size() < 19 || options_.creation_date_time[10] != 'T') {
      throw error(error_class::validation, "pain001.creation_time_invalid",
                  "creation_date_time must be an ISO date-time like 2026-03-01T10:15:00");
    }
    pain001_document doc;
    doc.message_id = ids.message_id();
    doc.message_name = std::string(message_name(options_.version));
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      written_payment_information w;
      w.payment_information_id = ids.payment_information_id(k + 1);
      w.requested_execution_date = blocks[k].key.execution_date;
      w.date_moved_from = blocks[k].moved_from;
      for (const auto& t : blocks[k].transactions) {
        w.control_sum += *decimal::parse(t.amount);
        written_transaction wt;
        wt.payment_index = t.index;
        wt.references.message_id = doc.message_id;
        wt.references.payment_information_id = w.payment_information_id;
        wt.references.instruction_id = ids.instruction_id(t.index + 1);
        wt.references.end_to_end_id = ids.end_to_end_id(t.index + 1);
        wt.requested_execution_date = w.requested_execution_date;
        doc.transactions.push_back(std::move(wt));
      }
      w.number_of_transactions = blocks[k].transactions.size();
      doc.control_sum += w.control_sum;
      doc.number_of_transactions += w.number_of_transactions;
      doc.payment_information.push_back(std::move(w));
    }

    x_.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x_.open("Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + doc.message_name + "\"");
    x_.open("CstmrCdtTrfInitn");
    x_.open("GrpHdr");
    x_.leaf("MsgId", doc.message_id);
    x_.leaf("CreDtTm", options_.creation_date_time.substr(0, 19));
    x_.leaf("NbOfTxs", std::to_string(doc.number_of_transactions));
    x_.leaf("CtrlSum", doc.control_sum.to_string());
    const auto& initiator = options_.initiating_party
                                ? options_.initiating_party
                                : batch.debtor ? batch.debtor : batch.payments.front().debtor;
    party_out init{blocks.front().debtor.name, std::nullopt};
    if (initiator && initiator->name) {
      if (options_.usage == pain001_usage::sepa) {
        const auto t = transliterate_to_sepa(*initiator->name);
        if (t && t->size() <= sepa_max_name) init.name = *t;
      } else if (code_points(*initiator->name) <= max_name) {
        init.name = *initiator->name;
      }
    }
    party("InitgPty", init);
    x_.close("GrpHdr");
    for (std::size_t k = 0; k < blocks.size(); ++k) {
      block(blocks[k], doc.payment_information[k].payment_information_id,
            doc.payment_information[k].control_sum, ids);
    }
    x_.close("CstmrCdtTrfInitn");
    x_.close("Document");
    doc.xml = x_.take();
    return doc;
  }

 private:
  const pain001_options& options_;
  xml_writer x_;
};

}  // namespace

std::string_view message_name(pain001_version version) noexcept {
  switch (version) {
    case pain001_version::v03: return "pain.001.001.03";
    case pain001_version::v09: return "pain.001.001.09";
    case pain001_version::v10: return "pain.001.001.10";
  }
  return "pain.001.001.09";
}

pain001_version pain001_version_from_name(std::string_view name) {
  for (const auto v : {pain001_version::v03, pain001_version::v09, pain001_version::v10}) {
    if (message_name(v) == name) return v;
  }
  throw error(error_class::configuration, "pain001.version_unsupported",
              "pain.001 version '" + std::string(name.substr(0, 40)) +
                  "' is not one of pain.001.001.03, pain.001.001.09, pain.001.001.10");
}

pain001_usage pain001_usage_from_name(std::string_view name) {
  if (name == "sepa") return pain001_usage::sepa;
  if (name == "cgi_mp") return pain001_usage::cgi_mp;
  throw error(error_class::configuration, "pain001.usage_unknown",
              "pain.001 usage '" + std::string(name.substr(0, 40)) + "' is not sepa or cgi_mp");
}

pain001_document write_pain001(const payment_batch& batch, const pain001_options& options) {
  // Identifiers first: a missing key is a configuration error, whatever the batch holds.
  const payment_identifiers check(options.idempotency_key, options.generation);
  (void)check;
  auto blocks = batch_reader(batch, options).read();
  return message_renderer(options).render(batch, std::move(blocks));
}

}  // namespace erpc::banking
