// SPDX-License-Identifier: Apache-2.0
#include "invoice_create.hpp"

#include "line_writer.hpp"
#include "mapping_support.hpp"

namespace erpc::fo {

namespace {

lines_target invoice_lines(const std::string& header_reference) {
  return {"VendorInvoiceLines", "HeaderReference", header_reference, &invoice_line_compared, "vendor invoice"};
}

}  // namespace

std::vector<nlohmann::json> invoice_create::read_back(const vendor_invoice& invoice,
                                                      call_context& ctx) const {
  return client_.query("VendorInvoiceHeaders",
                       "InvoiceAccount eq " + odata_literal(mapping::string_member(invoice.header, "InvoiceAccount")) +
                           " and InvoiceNumber eq " + odata_literal(mapping::string_member(invoice.header, "InvoiceNumber")),
                       ctx);
}

std::optional<nlohmann::json> invoice_create::get(const std::string& header_reference,
                                                  call_context& ctx) const {
  auto header = client_.get_entity("VendorInvoiceHeaders", {{"HeaderReference", header_reference}}, ctx);
  if (!header) return std::nullopt;
  const auto lines = read_lines(client_, invoice_lines(header_reference), ctx);
  return invoice_from_vendor(*header, lines, client_.config());
}

void invoice_create::write_lines(const std::string& header_reference, const vendor_invoice& invoice,
                                 call_context& ctx) const {
  (void)complete_lines(client_, invoice_lines(header_reference), invoice.lines, ctx);
}

std::optional<result> invoice_create::judge(const std::vector<nlohmann::json>& found,
                                            const vendor_invoice& invoice, const request& req,
                                            call_context& ctx) const {
  if (found.empty()) return std::nullopt;
  const auto want = invoice_header_compared(invoice.header);
  for (const auto& h : found) {
    if (invoice_header_compared(h) != want) continue;
    const auto reference = mapping::string_member(h, "HeaderReference");
    if (reference.empty()) throw malformed_response("a vendor invoice header has no HeaderReference", call_kind::read, 200);
    write_lines(reference, invoice, ctx);
    ctx.log(log_level::info, "replayed F&O vendor invoice " + reference + " found by its vendor account and invoice number");
    return result{mapping::created_document(req.payload, reference), true};
  }
  const auto& h = found.front();
  throw error(error_class::idempotency_key_reuse, "fo.key_reuse",
              "F&O already holds vendor invoice " + mapping::string_member(h, "HeaderReference") + " of vendor " +
                  mapping::string_member(h, "InvoiceAccount") + " with invoice number " + mapping::string_member(h, "InvoiceNumber") +
                  ", differing in " + mapping::differing(want, invoice_header_compared(h)) +
                  " (the same key with another payload, or a second invoice with the vendor's number)")
      .with_effect(effect::none)
      .with_field("/invoice_number", "fo.key_reuse", "already used for this vendor with other fields");
}

result invoice_create::create(const request& req, call_context& ctx) const {
  if (req.idempotency_key.empty()) {
    throw error(error_class::validation, "fo.idempotency_key_required", "a create needs an idempotency key")
        .with_effect(effect::none);
  }
  const auto invoice = invoice_to_vendor(req.payload, client_.config());
  if (auto r = judge(read_back(invoice, ctx), invoice, req, ctx)) return std::move(*r);
  const auto created = post_row(client_, "VendorInvoiceHeaders", invoice.header, ctx);
  if (!created) {
    // A late-delivered earlier attempt (or a concurrent one) wrote it first: the read-back decides.
    if (auto r = judge(read_back(invoice, ctx), invoice, req, ctx)) return std::move(*r);
    throw error(error_class::conflict, "fo.record_exists",
                "F&O refused the vendor invoice as already existing, but no header with this vendor "
                "account and invoice number can be read back")
        .with_effect(effect::none);
  }
  const auto reference = mapping::string_member(*created, "HeaderReference");
  if (reference.empty()) throw malformed_response("its created vendor invoice header has no HeaderReference", call_kind::write, 201);
  try {
    write_lines(reference, invoice, ctx);
  } catch (error& e) {
    // The header is in F&O: whatever refused a line, this call had an effect. A retry with the
    // same key (and a corrected payload) finds the header and completes the lines.
    if (e.effect() == effect::none) {
      e.with_effect(effect::committed);
      ctx.log(log_level::warn, "F&O vendor invoice header " + reference + " was created but a line was refused (" +
                                   e.code() + "); a retry with the same key completes it");
    }
    throw;
  }
  return {mapping::created_document(req.payload, reference), false};
}

}  // namespace erpc::fo
