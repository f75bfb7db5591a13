// SPDX-License-Identifier: Apache-2.0
#include "ob_errors.hpp"

namespace erpc::openbanking {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::string text_member(const nlohmann::json& obj, const char* name) {
  const auto it = obj.find(name);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool is_key_conflict_code(const std::string& code) {
  return code == "UK.OBIE.Resource.ConsentMismatch" || code == "UK.OBIE.Rules.DuplicateReference" ||
         code == "UK.OBIE.Rules.ResourceAlreadyExists";
}

}  // namespace

std::optional<ob_error_response> parse_ob_error(const std::string& body) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(body);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (!doc.is_object()) return std::nullopt;
  const auto errors = doc.find("Errors");
  if (errors == doc.end() || !errors->is_array() || errors->empty()) return std::nullopt;
  ob_error_response out;
  out.code = text_member(doc, "Code");
  out.id = text_member(doc, "Id");
  out.message = text_member(doc, "Message");
  for (const auto& e : *errors) {
    if (!e.is_object()) continue;
    out.errors.push_back({text_member(e, "ErrorCode"), text_member(e, "Message"),
                          text_member(e, "Path")});
  }
  if (out.errors.empty() || out.errors.front().error_code.empty()) return std::nullopt;
  return out;
}

error malformed_answer(const std::string& what, call_step step, int status) {
  return error(error_class::internal, "openbanking_uk.malformed_response",
               "the bank answered HTTP " + std::to_string(status) + " but " + what)
      .with_effect(step == call_step::read ? effect::none : effect::possible)
      .with_vendor({status, "", "", ""});
}

error map_ob_error(const http_response& res, call_step step, std::int64_t now_ms,
                   const pointer_mapper& pointers) {
  const int status = res.status;
  const auto body = parse_ob_error(res.body);
  const std::string first = body ? body->errors.front().error_code : std::string();
  const std::string request_id =
      body && !body->id.empty() ? body->id : res.header("x-fapi-interaction-id").value_or("");
  const std::string vendor_message = body ? body->errors.front().message : std::string();
  const std::string code =
      "openbanking_uk." + (first.empty() ? "http_" + std::to_string(status) : first);
  const vendor_detail vendor{status, first, vendor_message, request_id};
  const bool write = step != call_step::read;
  const auto make = [&](error_class cls, std::string message, effect eff) {
    return error(cls, code, std::move(message)).with_effect(eff).with_vendor(vendor);
  };
  const auto with_fields = [&](error e) {
    if (!body) return e;
    for (const auto& item : body->errors) {
      auto pointer = pointers && !item.path.empty() ? pointers(item.path) : std::string();
      e.with_field(std::move(pointer), "openbanking_uk." + item.error_code,
                   item.message.empty() ? item.error_code : item.message);
    }
    return e;
  };
  const auto retry_after = [&](error e) {
    if (const auto after = res.header("Retry-After")) {
      if (const auto ms = parse_retry_after_ms(*after, now_ms)) e.with_retry_after_ms(*ms);
    }
    return e;
  };

  if (status == 429) {
    return retry_after(make(error_class::rate_limited,
                            "the bank is rate limiting (HTTP 429)", effect::none));
  }
  if (status == 503) {
    if (res.header("Retry-After")) {
      return retry_after(make(error_class::rate_limited,
                              "the bank is unavailable for now (HTTP 503, Retry-After)",
                              effect::none));
    }
    return make(error_class::unavailable, "the bank is unavailable (HTTP 503)", effect::none);
  }
  if (status >= 500) {
    if (write) {
      return make(error_class::outcome_unknown,
                  "the bank answered HTTP " + std::to_string(status) +
                      " to a payment request; it may have been processed",
                  effect::possible);
    }
    return make(error_class::unavailable,
                "the bank answered HTTP " + std::to_string(status) + " to a read", effect::none);
  }
  if (status == 401 || first == "UK.OBIE.Reauthenticate") {
    return make(error_class::authentication,
                "the bank refused the access token (HTTP " + std::to_string(status) + ")",
                effect::none);
  }
  if (status == 403) {
    return make(error_class::permission,
                "the bank refused the request (HTTP 403)" +
                    (vendor_message.empty() ? "" : ": " + vendor_message),
                effect::none);
  }
  if (status == 404 || first == "UK.OBIE.Resource.NotFound") {
    return make(error_class::not_found, "the bank holds no such resource", effect::none);
  }
  if (status == 400 || status == 409) {
    if (is_key_conflict_code(first)) {
      if (step == call_step::consent) {
        return make(error_class::idempotency_key_reuse,
                    "the bank already processed this idempotency key with another payment (" +
                        first + ")",
                    effect::none);
      }
      return make(error_class::conflict, "the bank refused the payment: " + first, effect::none);
    }
    if (first == "UK.OBIE.Resource.InvalidConsentStatus") {
      return make(error_class::conflict,
                  "the consent cannot be used for a payment (not authorised, consumed or "
                  "expired)",
                  effect::none);
    }
    if (starts_with(first, "UK.OBIE.Field.") || first == "UK.OBIE.Rules.AfterCutOffDateTime") {
      return with_fields(make(error_class::validation,
                              "the bank refused the payment's content (" + first + ")",
                              effect::none));
    }
    if (starts_with(first, "UK.OBIE.Unsupported.")) {
      return with_fields(make(error_class::unsupported,
                              "the bank does not support what the payment asks for (" + first +
                                  ")",
                              effect::none));
    }
    if (starts_with(first, "UK.OBIE.Header.") || starts_with(first, "UK.OBIE.Signature.") ||
        first == "UK.OBIE.Resource.InvalidFormat") {
      return make(error_class::configuration,
                  "the bank refused how the request was made (" + first +
                      "); check the connection and signing setup",
                  effect::none);
    }
    if (status == 409) {
      return make(error_class::conflict, "the bank answered HTTP 409", effect::none);
    }
    return with_fields(make(error_class::validation,
                            "the bank refused the request (HTTP 400" +
                                (first.empty() ? std::string() : ", " + first) + ")",
                            effect::none));
  }
  return make(error_class::internal,
              "the bank answered HTTP " + std::to_string(status) + ", which the adapter does "
              "not expect",
              write ? effect::possible : effect::none);
}

}  // namespace erpc::openbanking
