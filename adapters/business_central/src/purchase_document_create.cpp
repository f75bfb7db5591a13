// SPDX-License-Identifier: Apache-2.0
#include "purchase_document_create.hpp"

#include "mapping_support.hpp"

#include <erpc/adapters/exact_json.hpp>

namespace erpc::bc {

namespace {

bool is_draft(const nlohmann::json& d) { return mapping::string_member(d, "status") == "Draft"; }

std::string differing(const nlohmann::json& want, const nlohmann::json& have) {
  std::string out;
  for (const auto& [name, value] : want.items()) {
    if (have.value(name, nlohmann::json()) != value) out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

decimal abs_of(const decimal& d) { return d < decimal{} ? decimal{} - d : d; }

}  // namespace

std::string odata_literal(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::vector<nlohmann::json> purchase_document_create::read_back(const purchase_document& doc,
                                                                call_context& ctx) const {
  const auto& e = *doc.entity;
  std::string filter = std::string(e.reference) + " eq " +
                       odata_literal(mapping::string_member(doc.body, e.reference));
  if (const auto vid = mapping::string_member(doc.body, "vendorId"); !vid.empty()) {
    filter += " and vendorId eq " + vid;
  } else {
    filter += " and vendorNumber eq " + odata_literal(mapping::string_member(doc.body, "vendorNumber"));
  }
  auto url = client_.company_url(std::string("/") + e.entity_set,
                                 url_query({{"$filter", filter}, {"$expand", e.lines}}));
  std::vector<nlohmann::json> out;
  // Server-driven paging (vendors.md §4.5): every page is read.
  for (int pages = 0; !url.empty() && pages < 100; ++pages) {
    const auto page = client_.get_json(url, ctx);
    const auto value = page.find("value");
    if (value == page.end() || !value->is_array()) {
      throw malformed_response("its collection has no value array", call_kind::read, 200);
    }
    for (const auto& d : *value) out.push_back(d);
    url = mapping::string_member(page, "@odata.nextLink");
  }
  return out;
}

void purchase_document_create::delete_draft(const purchase_document& doc,
                                            const nlohmann::json& draft, call_context& ctx) const {
  // Best effort: an undeleted draft is work in progress, never an accounting effect, so a
  // failure here is logged and never turns an outcome into an error.
  const auto id = mapping::string_member(draft, "id");
  const auto etag = mapping::string_member(draft, "@odata.etag");
  int status = 0;
  try {
    status = client_
                 .send("DELETE",
                       client_.company_url(std::string("/") + doc.entity->entity_set + "(" + id + ")"),
                       call_kind::write, ctx, nullptr, etag.empty() ? "*" : etag)
                 .status;
  } catch (const error&) {
  }
  if (status != 204 && status != 200 && status != 404) {
    ctx.log(log_level::warn, std::string("could not delete the Business Central draft ") +
                                 doc.entity->label + " " + id + " (HTTP " + std::to_string(status) +
                                 "); delete it in BC");
  }
}

bool purchase_document_create::post(const purchase_document& doc, const std::string& id,
                                    std::optional<error>& refused, call_context& ctx) const {
  const auto url = client_.company_url(std::string("/") + doc.entity->entity_set + "(" + id +
                                       ")/Microsoft.NAV.post");
  const nlohmann::json empty = nlohmann::json::object();
  http_response res;
  try {
    res = client_.send("POST", url, call_kind::write, ctx, &empty);
  } catch (const error& e) {
    if (e.cls() != error_class::outcome_unknown) throw;
    // The post may have happened: read its status before anything is posted again. If even
    // that read fails, the outcome stays unknown.
    bool posted = false;
    try {
      posted = !is_draft(client_.get_json(
          client_.company_url(std::string("/") + doc.entity->entity_set + "(" + id + ")"), ctx));
    } catch (const error&) {
    }
    if (posted) return true;
    throw;
  }
  if (res.status == 204 || res.status == 200) return true;
  if (res.status >= 500) {
    try {
      if (!is_draft(client_.get_json(
              client_.company_url(std::string("/") + doc.entity->entity_set + "(" + id + ")"), ctx))) {
        return true;
      }
    } catch (const error&) {
    }
  }
  refused = map_odata_error(res, call_kind::write, client_.now_ms(ctx));
  return false;
}

std::optional<result> purchase_document_create::judge(const std::vector<nlohmann::json>& found,
                                                      const purchase_document& doc,
                                                      const request& req,
                                                      call_context& ctx) const {
  const auto& e = *doc.entity;
  const auto want = invoice_compared_fields(doc.body, e, doc.body);
  const nlohmann::json* posted = nullptr;
  for (const auto& d : found) {
    if (!is_draft(d) && !posted) posted = &d;
  }
  auto reuse = [&](const nlohmann::json& d) {
    const auto have = invoice_compared_fields(d, e, doc.body);
    return error(error_class::idempotency_key_reuse, "bc.key_reuse",
                 std::string("Business Central already holds ") + e.label + " " +
                     mapping::string_member(d, "number") + " with this vendor and " + e.reference +
                     ", differing in " + differing(want, have) +
                     " (the same key with another payload, or a second document with the "
                     "vendor's number)")
        .with_effect(effect::none)
        .with_field("/invoice_number", "bc.key_reuse", "already used for this vendor with other fields");
  };
  if (posted) {
    if (invoice_compared_fields(*posted, e, doc.body) != want) throw reuse(*posted);
    // Drafts an earlier attempt left with the same content can never be posted (or would post
    // twice where BC does not check): they go.
    for (const auto& d : found) {
      if (is_draft(d) && invoice_compared_fields(d, e, doc.body) == want) delete_draft(doc, d, ctx);
    }
    const auto id = mapping::string_member(*posted, "id");
    ctx.log(log_level::info, std::string("replayed Business Central ") + e.label + " " + id +
                                 " found by its vendor number and " + e.reference);
    return result{created_document(req.payload, id), true};
  }
  const nlohmann::json* draft = nullptr;
  for (const auto& d : found) {
    if (!draft && invoice_compared_fields(d, e, doc.body) == want) draft = &d;
  }
  if (!draft) {
    if (found.empty()) return std::nullopt;
    throw reuse(found.front());
  }
  // An earlier attempt created the draft and lost its reply before or during the post.
  const auto id = mapping::string_member(*draft, "id");
  check_totals(doc, *draft, req, ctx);
  std::optional<error> refused;
  if (!post(doc, id, refused, ctx)) {
    // Posted by someone else in the meantime (a late-delivered attempt)? The read-back decides.
    const auto again = read_back(doc, ctx);
    for (const auto& d : again) {
      if (!is_draft(d)) return judge(again, doc, req, ctx);
    }
    throw *refused;
  }
  for (const auto& d : found) {
    if (&d != draft && is_draft(d) && invoice_compared_fields(d, e, doc.body) == want) {
      delete_draft(doc, d, ctx);
    }
  }
  ctx.log(log_level::info, std::string("posted the Business Central draft ") + e.label + " " + id +
                               " an earlier attempt created");
  return result{created_document(req.payload, id), true};
}

void purchase_document_create::check_totals(const purchase_document& doc,
                                            const nlohmann::json& draft, const request& req,
                                            call_context& ctx) const {
  const auto& p = req.payload;
  const auto currency = p.value("currency", "");
  decimal tolerance;
  if (const auto t = p.find("rounding_tolerance"); t != p.end() && t->is_string()) {
    tolerance = decimal::parse(t->get<std::string>()).value_or(decimal{});
  }
  const auto gross = mapping::fields.money_amount(p["totals"]["gross"], "/totals/gross", currency);
  const auto bc_gross = mapping::decimal_member(draft, "totalAmountIncludingTax");
  if (abs_of(bc_gross - gross) > tolerance) {
    // BC computed another total (another tax rate, rounding): posting would book an amount the
    // supplier did not invoice. The draft goes; nothing is posted.
    delete_draft(doc, draft, ctx);
    mapping::fields.invalid("/totals/gross", "bc.total_mismatch",
                     "Business Central computes " + bc_gross.to_string() + " " + currency +
                         " for this document, the invoice says " + gross.to_string() +
                         " (tolerance " + tolerance.to_string() + "); check the tax codes");
  }
}

result purchase_document_create::create(const purchase_document& doc, const request& req,
                                        call_context& ctx) const {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "bc.idempotency_key_required",
                "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto& e = *doc.entity;
  if (auto r = judge(read_back(doc, ctx), doc, req, ctx)) return std::move(*r);

  const auto res = client_.send("POST", client_.company_url(std::string("/") + e.entity_set,
                                                            url_query({{"$expand", e.lines}})),
                                call_kind::write, ctx, &doc.body);
  if (res.status != 201 && res.status != 200) {
    auto mapped = map_odata_error(res, call_kind::write, client_.now_ms(ctx));
    if (res.status >= 400 && res.status < 500 && res.status != 401 && res.status != 403 &&
        res.status != 429) {
      // A duplicate refused at create (a late-delivered first attempt, or BC's setup): the
      // read-back decides.
      if (auto r = judge(read_back(doc, ctx), doc, req, ctx)) return std::move(*r);
    }
    throw mapped;
  }
  const auto draft = body_of(res, call_kind::write);
  const auto id = mapping::string_member(draft, "id");
  if (id.empty()) throw malformed_response("its created document has no id", call_kind::write, res.status);
  check_totals(doc, draft, req, ctx);
  std::optional<error> refused;
  if (post(doc, id, refused, ctx)) {
    // A late-delivered earlier attempt may have left a twin draft. Best effort: the document
    // is posted, so a failure here must not turn the answer into an error.
    try {
      for (const auto& d : read_back(doc, ctx)) {
        if (is_draft(d) && mapping::string_member(d, "id") != id &&
            invoice_compared_fields(d, e, doc.body) == invoice_compared_fields(doc.body, e, doc.body)) {
          delete_draft(doc, d, ctx);
        }
      }
    } catch (const error& cleanup) {
      ctx.log(log_level::warn, std::string("posted ") + e.label + " " + id +
                                   "; the check for twin drafts failed: " + cleanup.code());
    }
    return {created_document(req.payload, id), false};
  }
  // Refused at post: a duplicate of a document an earlier attempt posted, or a real refusal.
  const auto again = read_back(doc, ctx);
  for (const auto& d : again) {
    if (!is_draft(d)) return *judge(again, doc, req, ctx);
  }
  delete_draft(doc, draft, ctx);
  throw refused->with_effect(effect::none);
}

}  // namespace erpc::bc
