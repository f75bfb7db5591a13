// SPDX-License-Identifier: Apache-2.0
// Reading canonical payloads and writing them back, shared by every ERP/AP adapter's mapping
// files: members read with JSON-pointer-precise errors, vendor field lengths refused (never
// cut), value-map lookups both ways, exact money, and the normalisation read-back comparisons
// use. Each adapter names its own error codes (`<prefix>.required`, …) through one
// `mapping_errors` value; everything else is the same code for every adapter.
//
// Specification — the errors, for a vendor prefix P and vendor name V:
//   invalid(ptr, code, msg)   VALIDATION `code`, one field error {ptr, code, msg}.
//   unsupported(ptr, msg)     UNSUPPORTED `P.field_unsupported`, one field error at ptr.
//                             In the odata dialect both messages end in " (<ptr>)"; the field
//                             error's message never does. Effect: none (nothing was sent).
//   text                      a present non-string member: `P.not_text` (rest_json) or
//                             `P.type` (odata), "must be a string".
//   required_text             absent, null or "": `P.required`, "required".
//   date_text                 not YYYY-MM-DD: `P.date`, "must be a date YYYY-MM-DD".
//   decimal_text              not decimal text: `P.decimal`, "must be a decimal string".
//   fits                      more UTF-8 code points than the vendor field holds: `P.too_long`
//                             (BANKING.md: a longer value is refused, never truncated).
//   mapped / reference        a code the connection's value map does not hold:
//                             VALIDATION `P.unmapped_value` at the pointer of the code.
//   code_for                  a vendor value the value map has no code for: CONFIGURATION
//                             `P.unmapped_vendor_value` (a read never invents a code). In the
//                             odata dialect an empty vendor value reads as "" (absent).
//   money_amount              {"amount": "12.50", "currency": "EUR"}: not an object
//                             `P.required` at ptr; a missing member `P.required` at
//                             ptr/amount or ptr/currency; a currency other than the document's
//                             `P.currency_mismatch` at ptr/currency; an amount that is not a
//                             decimal `P.amount` (rest_json) or `P.decimal` (odata) at
//                             ptr/amount. rest_json checks the currency first, odata the amount.
//   read_amount               a vendor amount that is neither a JSON number nor decimal text:
//                             INTERNAL `P.malformed_response` ("V answered HTTP 200 but …",
//                             vendor status 200, effect none).
// The messages are the ones each adapter wrote before this file existed; the two dialects keep
// the two wordings the adapters had (the OData adapters name the pointer in the message).
#pragma once

#include <erpc/decimal.hpp>
#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::adapters {

// Which wording an adapter's mapping errors use.
enum class mapping_dialect {
  rest_json,  // NetSuite, Oracle Fusion, Coupa: short messages, pointer only in the field error
  odata,      // SAP S/4HANA, Business Central: messages end in " (<pointer>)"
};

// What the vendor's values in a value map are, for the unmapped-value messages:
// internal ids (NetSuite: "has no NetSuite id", "… currency id 7") or names/codes
// (Oracle Fusion: "has no Oracle Fusion value", "… currency 'EUR'").
enum class vendor_values { names, ids };

struct mapping_errors {
  std::string prefix;       // error-code prefix: "netsuite" → "netsuite.required"
  std::string vendor_name;  // in messages: "NetSuite"
  mapping_dialect dialect = mapping_dialect::rest_json;
  vendor_values values = vendor_values::names;
};

// The readers and checks that raise the adapter's coded errors. Immutable; an adapter keeps one
// (`inline const canonical_fields fields{mapping_errors{…}}`) and calls it from every mapping.
class canonical_fields {
 public:
  explicit canonical_fields(mapping_errors errors);

  const mapping_errors& errors() const noexcept { return errors_; }
  // "<prefix>.<suffix>": the adapter's own code for a failure.
  std::string code(std::string_view suffix) const;

  [[noreturn]] void invalid(const std::string& pointer, const std::string& code,
                            const std::string& message) const;
  [[noreturn]] void unsupported(const std::string& pointer, const std::string& message) const;
  // UNSUPPORTED for the first of `names` that `obj` holds with a value (null, false, [] and
  // {} are the defaults and carry nothing), at "<pointer>/<name>", message "<name> <why>":
  // a field the vendor cannot take is refused, never silently dropped.
  void refuse_present(const nlohmann::json& obj, std::initializer_list<const char*> names,
                      const std::string& pointer, const std::string& why) const;
  // UNSUPPORTED for the first member of `obj` not in `allowed`, at "<pointer>/<member>".
  void refuse_unknown(const nlohmann::json& obj, std::initializer_list<std::string_view> allowed,
                      const std::string& pointer, std::string_view why) const;

  // A string member: nullopt when `obj` is not an object or the member is absent or null.
  std::optional<std::string> text(const nlohmann::json& obj, const char* name,
                                  const std::string& pointer) const;
  // A string member that must be there and non-empty.
  std::string required_text(const nlohmann::json& obj, const char* name,
                            const std::string& pointer) const;
  // A date member YYYY-MM-DD (its shape: digits and dashes; the vendor checks the calendar);
  // "" when absent and not `required` (`P.required` when required), `P.date` "must be a date
  // YYYY-MM-DD" otherwise.
  std::string date_text(const nlohmann::json& obj, const char* name, const std::string& pointer,
                        bool required) const;
  // A decimal-text member (a quantity, a unit price); nullopt when absent or null, `P.decimal`
  // "must be a decimal string" when it is not decimal text.
  std::optional<decimal> decimal_text(const nlohmann::json& obj, const char* name,
                                      const std::string& pointer) const;
  // `value` unchanged when it has at most `max_chars` UTF-8 code points; `P.too_long` naming
  // `vendor_field` otherwise.
  std::string fits(const std::string& value, std::size_t max_chars, const std::string& pointer,
                   const char* vendor_field) const;

  // The vendor value for `code`, already looked up in the value map `map_name` (nullopt: the
  // map has none) — each adapter's value map type answers differently, so it looks up.
  std::string mapped(const std::string& map_name, const std::string& code,
                     const std::optional<std::string>& vendor_value,
                     const std::string& pointer) const;
  // Reads: the code for `vendor_value`, already looked up in `map_name`; `what` names the
  // vendor field in the message ("currency", "account").
  std::string code_for(const std::string& map_name, const std::string& vendor_value,
                       const std::optional<std::string>& code, const char* what) const;

  // The amount of a canonical money object, checked to be in `currency` when that is not "".
  decimal money_amount(const nlohmann::json& money, const std::string& pointer,
                       const std::string& currency = {}) const;
  // The currency of a canonical money object (which must be an object).
  std::string money_currency(const nlohmann::json& money, const std::string& pointer) const;
  // The "amount" member alone as an exact decimal, without checking the object around it.
  decimal amount_member(const nlohmann::json& money, const std::string& pointer) const;

  // Reads: an amount member as an exact decimal (a JSON number or decimal text); nullopt when
  // absent or null.
  std::optional<decimal> read_amount(const nlohmann::json& obj, const char* name) const;

 private:
  std::string located(const std::string& message, const std::string& pointer) const;

  mapping_errors errors_;
};

// Prefix-free pieces.

// The amount with at least its currency's minor digits (ISO 4217, 2 when unknown): "12.50".
std::string money_text(const decimal& amount, const std::string& currency);
// A canonical money object {"amount": money_text, "currency": currency}.
nlohmann::json money_json(const decimal& amount, const std::string& currency);
// Reads: a scalar member as text (numbers in their exact text, true/false as "T"/"F"); "" when
// absent, null, an object or an array.
std::string text_of(const nlohmann::json& obj, const char* name);

// Reads: a string member; "" when `record` is not an object or the member is absent or not a
// string.
std::string string_member(const nlohmann::json& record, const char* name);
// Reads: a number member (an exact JSON number: an OData Edm.Decimal) as a decimal; 0 when
// `record` is not an object or the member is absent or not a number.
decimal decimal_member(const nlohmann::json& record, const char* name);

// Normalisation for read-back comparisons.
// A JSON number or decimal text as decimal text without trailing zeros; null otherwise.
nlohmann::json norm_amount(const nlohmann::json& value);
// A scalar as text (as text_of); null for null, objects and arrays.
nlohmann::json norm_text(const nlohmann::json& value);

// The line index in a vendor path: "invoiceLines[3].LineAmount" after "invoiceLines[" → 3;
// nullopt when the path does not start with `prefix` followed by digits and ']'.
std::optional<std::size_t> item_index(std::string_view path, std::string_view prefix);

// The number of UTF-8 code points in `value` (continuation bytes are not counted).
std::size_t utf8_length(std::string_view value) noexcept;

}  // namespace erpc::adapters
