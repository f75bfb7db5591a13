// SPDX-License-Identifier: Apache-2.0
#include "payment_mapping.hpp"

#include "idempotency_key.hpp"

#include <erpc/error.hpp>

#include <regex>
#include <vector>

namespace erpc::openbanking {

namespace {

using nlohmann::json;

constexpr const char* sort_code_scheme = "UK.OBIE.SortCodeAccountNumber";
constexpr const char* iban_scheme = "UK.OBIE.IBAN";

std::string text(const json& obj, const char* name) {
  if (!obj.is_object()) return {};
  const auto it = obj.find(name);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& member(const json& obj, const char* name) {
  static const json null_value;
  if (!obj.is_object()) return null_value;
  const auto it = obj.find(name);
  return it == obj.end() ? null_value : *it;
}

struct problems {
  std::vector<field_error> invalid;
  std::vector<field_error> unsupported;
  void bad(std::string pointer, std::string code, std::string message) {
    invalid.push_back({std::move(pointer), "openbanking_uk." + code, std::move(message)});
  }
  void not_offered(std::string pointer, std::string message) {
    unsupported.push_back({std::move(pointer), "openbanking_uk.unsupported", std::move(message)});
  }
  void throw_if_any() {
    if (!invalid.empty()) {
      throw error(error_class::validation, "openbanking_uk.payment_invalid",
                  "the payment cannot be initiated as a UK Open Banking domestic payment")
          .with_effect(effect::none)
          .with_fields(std::move(invalid));
    }
    if (!unsupported.empty()) {
      throw error(error_class::unsupported, "openbanking_uk.payment_unsupported",
                  "the payment asks for what a UK Open Banking domestic payment does not offer")
          .with_effect(effect::none)
          .with_fields(std::move(unsupported));
    }
  }
};

// OBCashAccount: IBAN, or another identifier with its scheme (a 14-digit sort code + account
// number when no scheme is named).
json ob_account(const json& account, const std::string& name, const std::string& pointer,
                problems& p) {
  json out;
  if (const auto iban = text(account, "iban"); !iban.empty()) {
    out = {{"SchemeName", iban_scheme}, {"Identification", iban}};
  } else {
    const auto& other = member(account, "other");
    const auto id = text(other, "id");
    auto scheme = text(other, "scheme");
    if (id.empty()) {
      p.bad(pointer, "account_missing", "an account needs iban or other.id");
      return out;
    }
    if (scheme.empty() || scheme == "SortCodeAccountNumber") scheme = sort_code_scheme;
    if (scheme.rfind("UK.OBIE.", 0) != 0) {
      p.bad(pointer + "/other/scheme", "scheme_unknown",
            "scheme must be a UK.OBIE. scheme name (e.g. UK.OBIE.SortCodeAccountNumber)");
    }
    static const std::regex scan("^[0-9]{14}$");
    if (scheme == sort_code_scheme && (id.size() != 14 || !std::regex_match(id, scan))) {
      p.bad(pointer + "/other/id", "sort_code_account_invalid",
            "a sort code and account number is 14 digits");
    }
    out = {{"SchemeName", scheme}, {"Identification", id}};
  }
  if (!name.empty()) out["Name"] = name;
  return out;
}

json account_from_ob(const json& ob) {
  json out = json::object();
  const auto scheme = text(ob, "SchemeName");
  const auto id = text(ob, "Identification");
  if (scheme == iban_scheme) {
    out["iban"] = id;
  } else {
    out["other"] = {{"id", id}, {"scheme", scheme}};
  }
  if (const auto name = text(ob, "Name"); !name.empty() && name.size() <= 70) out["name"] = name;
  return out;
}

}  // namespace

json risk_for(const connection_config& config) {
  return {{"PaymentContextCode", config.payment_context_code}};
}

json initiation_from_payment(const json& payment, const std::string& key,
                             const connection_config& config) {
  problems p;
  if (!payment.is_object()) {
    p.bad("", "payment_not_object", "the payment must be an object");
    p.throw_if_any();
  }
  if (text(payment, "direction") != "outbound") {
    p.not_offered("/direction", "payment initiation sends outbound payments only");
  }
  if (const auto method = text(payment, "method"); !method.empty() && method != "credit_transfer") {
    p.not_offered("/method", "a domestic payment is a credit transfer (FPS/CHAPS/BACS), not " + method);
  }
  for (const char* member_name : {"requested_execution_date", "fx", "debit_amount", "ultimate_debtor",
                                  "ultimate_creditor", "charge_bearer", "purpose_code",
                                  "category_purpose"}) {
    if (payment.contains(member_name)) {
      p.not_offered(std::string("/") + member_name,
                    std::string(member_name) + " is not carried by a v3.1.11 domestic payment "
                    "(scheduled and international payments are not offered by this adapter)");
    }
  }
  json ini;
  const auto& refs = member(payment, "references");
  auto instruction = text(refs, "instruction_id");
  auto end_to_end = text(refs, "end_to_end_id");
  ini["InstructionIdentification"] =
      instruction.empty() ? derived_key(instruction_step, key, identification_max) : instruction;
  ini["EndToEndIdentification"] =
      end_to_end.empty() ? derived_key(end_to_end_step, key, identification_max) : end_to_end;
  if (!config.local_instrument.empty()) ini["LocalInstrument"] = config.local_instrument;
  const auto& amount = member(payment, "amount");
  const auto value = text(amount, "amount");
  static const std::regex ob_amount(R"(^\d{1,13}$|^\d{1,13}\.\d{1,5}$)");
  if (value.size() > 19 || !std::regex_match(value, ob_amount)) {
    p.bad("/amount/amount", "amount_invalid",
          "the bank takes at most 13 integer digits and 5 decimals");
  }
  ini["InstructedAmount"] = {{"Amount", value}, {"Currency", text(amount, "currency")}};
  const auto& creditor_account = member(payment, "creditor_account");
  auto creditor_name = text(creditor_account, "name");
  if (creditor_name.empty()) creditor_name = text(member(payment, "creditor"), "name");
  if (!creditor_account.is_object()) {
    p.bad("/creditor_account", "creditor_account_missing", "the creditor's account is required");
  } else {
    if (creditor_name.empty()) {
      p.bad("/creditor/name", "creditor_name_missing",
            "the creditor's name (creditor_account.name or creditor.name) is required");
    }
    ini["CreditorAccount"] = ob_account(creditor_account, creditor_name, "/creditor_account", p);
  }
  if (const auto& debtor_account = member(payment, "debtor_account"); debtor_account.is_object()) {
    auto debtor_name = text(debtor_account, "name");
    if (debtor_name.empty()) debtor_name = text(member(payment, "debtor"), "name");
    ini["DebtorAccount"] = ob_account(debtor_account, debtor_name, "/debtor_account", p);
  }
  json remittance = json::object();
  const auto& canonical_remittance = member(payment, "remittance");
  if (const auto u = text(canonical_remittance, "unstructured"); !u.empty()) remittance["Unstructured"] = u;
  if (member(canonical_remittance, "structured").is_object()) {
    p.not_offered("/remittance/structured",
                  "v3.1.11 RemittanceInformation carries Unstructured and Reference only; use "
                  "remittance.unstructured and document_number");
  }
  if (const auto reference = text(payment, "document_number"); !reference.empty()) {
    if (reference.size() > identification_max) {
      p.bad("/document_number", "reference_too_long",
            "the bank's Reference holds at most 35 characters; a longer one is not truncated");
    }
    remittance["Reference"] = reference;
  }
  if (!remittance.empty()) ini["RemittanceInformation"] = remittance;
  p.throw_if_any();
  return ini;
}

std::optional<mapped_status> map_status(std::string_view s) {
  // BANKING.md "Lifecycle" and the pain.002 mapping: the OB statuses are the ISO 20022 ones.
  if (s == "Pending") return mapped_status{"pending", "PDNG"};
  if (s == "Rejected") return mapped_status{"rejected", "RJCT"};
  if (s == "AcceptedSettlementInProcess") return mapped_status{"accepted", "ACSP"};
  if (s == "AcceptedWithoutPosting") return mapped_status{"accepted", "ACWP"};
  if (s == "AcceptedSettlementCompleted") return mapped_status{"settled", "ACSC"};
  if (s == "AcceptedCreditSettlementCompleted") return mapped_status{"settled", "ACCC"};
  return std::nullopt;
}

std::string utc_instant(const std::string& t) {
  static const std::regex pattern(
      R"(^([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?)(Z|\+00:00|-00:00)$)");
  std::smatch m;
  if (t.size() > 40 || !std::regex_match(t, m, pattern)) return {};  // bounded: vendor text
  return m[1].str() + "Z";
}

json payment_from_ob(const json& data) {
  const auto id = text(data, "DomesticPaymentId");
  const auto& ini = member(data, "Initiation");
  json out = {{"id", id},
              {"external_refs", {{system_name, id}}},
              {"source", {{"system", system_name}, {"id", id}}},
              {"direction", "outbound"},
              {"method", "credit_transfer"}};
  if (const auto consent = text(data, "ConsentId"); !consent.empty()) {
    out["external_refs"][consent_ref] = consent;
  }
  const auto& amount = member(ini, "InstructedAmount");
  out["amount"] = {{"amount", text(amount, "Amount")}, {"currency", text(amount, "Currency")}};
  if (const auto& creditor = member(ini, "CreditorAccount"); creditor.is_object()) {
    out["creditor_account"] = account_from_ob(creditor);
    if (const auto name = text(creditor, "Name"); !name.empty() && name.size() <= 140) {
      out["creditor"] = {{"name", name}};
    }
  }
  if (const auto& debtor = member(ini, "DebtorAccount"); debtor.is_object()) {
    out["debtor_account"] = account_from_ob(debtor);
  }
  json refs = json::object();
  if (const auto v = text(ini, "InstructionIdentification"); !v.empty()) refs["instruction_id"] = v;
  if (const auto v = text(ini, "EndToEndIdentification"); !v.empty()) refs["end_to_end_id"] = v;
  if (!refs.empty()) out["references"] = refs;
  const auto& remittance = member(ini, "RemittanceInformation");
  if (const auto u = text(remittance, "Unstructured"); !u.empty()) {
    out["remittance"] = {{"unstructured", u}};
  }
  if (const auto r = text(remittance, "Reference"); !r.empty()) out["document_number"] = r;
  if (const auto created = utc_instant(text(data, "CreationDateTime")); !created.empty()) {
    out["created_at"] = created;
  }
  if (const auto updated = utc_instant(text(data, "StatusUpdateDateTime")); !updated.empty()) {
    out["updated_at"] = updated;
  }
  return out;
}

json status_from_ob(const json& data) {
  const auto id = text(data, "DomesticPaymentId");
  const auto ob_status = text(data, "Status");
  const auto mapped = map_status(ob_status);
  if (!mapped) {
    throw error(error_class::internal, "openbanking_uk.status_unknown",
                "the bank reported a payment status the adapter does not know: " +
                    ob_status.substr(0, 64))
        .with_effect(effect::none);
  }
  json out = {{"external_refs", {{system_name, id}}},
              {"source", {{"system", system_name}, {"id", id}}},
              {"payment", {{"external_refs", {{system_name, id}}}}},
              {"level", "transaction"},
              {"status", mapped->state},
              {"bank_status", mapped->iso}};
  const auto& ini = member(data, "Initiation");
  json refs = json::object();
  if (const auto v = text(ini, "InstructionIdentification"); !v.empty()) refs["instruction_id"] = v;
  if (const auto v = text(ini, "EndToEndIdentification"); !v.empty()) refs["end_to_end_id"] = v;
  if (!refs.empty()) out["references"] = refs;
  const auto& amount = member(ini, "InstructedAmount");
  if (amount.is_object()) {
    out["amount"] = {{"amount", text(amount, "Amount")}, {"currency", text(amount, "Currency")}};
  }
  if (const auto at = utc_instant(text(data, "StatusUpdateDateTime")); !at.empty()) {
    out["status_at"] = at;
  }
  return out;
}

std::string payment_pointer(const std::string& ob_path, const json& payment) {
  const std::string ini = "Data.Initiation.";
  if (ob_path.rfind(ini, 0) != 0) return {};
  const auto rest = ob_path.substr(ini.size());
  const auto account = [&](const char* canonical, const std::string& tail) -> std::string {
    const std::string base = std::string("/") + canonical;
    const auto& acct = member(payment, canonical);
    if (tail == "Identification") return base + (acct.contains("iban") ? "/iban" : "/other/id");
    if (tail == "SchemeName") return base + (acct.contains("iban") ? "/iban" : "/other/scheme");
    if (tail == "Name") {
      if (acct.contains("name")) return base + "/name";
      return std::string(canonical) == "creditor_account" ? "/creditor/name" : "/debtor/name";
    }
    return base;
  };
  if (rest == "InstructedAmount.Amount") return "/amount/amount";
  if (rest == "InstructedAmount.Currency") return "/amount/currency";
  if (rest.rfind("InstructedAmount", 0) == 0) return "/amount";
  if (rest.rfind("CreditorAccount", 0) == 0) {
    return account("creditor_account", rest.size() > 16 ? rest.substr(16) : "");
  }
  if (rest.rfind("DebtorAccount", 0) == 0) {
    return account("debtor_account", rest.size() > 14 ? rest.substr(14) : "");
  }
  if (rest == "RemittanceInformation.Reference") return "/document_number";
  if (rest.rfind("RemittanceInformation", 0) == 0) return "/remittance/unstructured";
  if (rest == "InstructionIdentification") return "/references/instruction_id";
  if (rest == "EndToEndIdentification") return "/references/end_to_end_id";
  if (rest == "LocalInstrument") return "/method";
  return {};
}

}  // namespace erpc::openbanking
