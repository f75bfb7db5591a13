// SPDX-License-Identifier: Apache-2.0
// Wiring: one middleware takes every request under /sap/ — the OAuth token endpoint, the two
// OData services (authentication, then the CSRF guard, then the service) and the journal entry
// SOAP service (authentication only: SOAP web services do not use the Gateway CSRF token).
// Vendor state (records, number ranges) sits behind one mutex: requests run on several
// handler threads, and a simulator needs correctness, not parallel writes.
#include "erpc/sim/sap_s4hana_simulator.hpp"

#include "business_partner_rules.hpp"
#include "csrf_guard.hpp"
#include "embedded_metadata.hpp"
#include "entity_store.hpp"
#include "journal_entry_soap.hpp"
#include "odata_service.hpp"
#include "sap_auth.hpp"
#include "sap_settings.hpp"
#include "supplier_invoice_rules.hpp"

#include <memory>
#include <mutex>

namespace erpc::sim {

namespace {

using namespace erpc::sim::sap;

constexpr std::string_view odata_prefix = "/sap/opu/odata/sap/";

class sap_s4hana_simulator final : public vendor_simulator {
 public:
  std::string_view vendor() const override { return "sap_s4hana"; }

  std::vector<setting_spec> settings() const override { return setting::all(); }

  void install(http_router& router, simulator_context& context) override {
    context_ = &context;
    auth_ = std::make_unique<sap_auth>(context.settings());
    csrf_ = std::make_unique<csrf_guard>(context.settings());
    invoice_rules_ = std::make_unique<supplier_invoice_rules>(context.settings());
    services_.push_back(std::make_unique<odata_service>(
        "API_BUSINESS_PARTNER", business_partner_edmx(),
        gateway_service{"API_BUSINESS_PARTNER", "LO-MD-BP"}, business_partner_navigations(),
        partner_rules_));
    services_.push_back(std::make_unique<odata_service>(
        "API_SUPPLIERINVOICE_PROCESS_SRV", supplier_invoice_edmx(),
        gateway_service{"API_SUPPLIERINVOICE_PROCESS_SRV", "MM-IV-LIV"},
        supplier_invoice_navigations(), *invoice_rules_));
    router.use([this](const server_request& req, const http_handler& next) {
      if (req.path.rfind("/sap/", 0) != 0) return next(req);
      server_response res = route(req);
      if (req.method == "HEAD") res.body.clear();
      return res;
    });
  }

  void reset() override {
    {
      const std::lock_guard lock(mutex_);
      store_.clear();
    }
    auth_->reset();
    csrf_->reset();
  }

 private:
  server_response route(const server_request& req) {
    if (req.path == oauth_token_path) {
      if (req.method != "POST") return method_not_allowed("POST");
      return auth_->issue_token(req);
    }
    if (req.path == journal_entry_soap_path) {
      if (req.method != "POST") return method_not_allowed("POST");
      if (auto refusal = auth_->authenticate(req)) return std::move(*refusal);
      const std::lock_guard lock(mutex_);
      return post_journal_entries(req, store_, context_->effects(), context_->settings());
    }
    if (req.path.rfind(odata_prefix, 0) == 0) return odata(req);
    return gateway_error_response(
        gateway_error(404, codes::not_found, "No service at " + req.path),
        gateway_service{"", ""});
  }

  server_response odata(const server_request& req) {
    // ICF authenticates before Gateway looks the service up.
    if (auto refusal = auth_->authenticate(req)) return std::move(*refusal);
    const std::string_view rest = std::string_view(req.path).substr(odata_prefix.size());
    const auto slash = rest.find('/');
    const std::string_view name = rest.substr(0, slash);
    odata_service* service = nullptr;
    for (const auto& s : services_) {
      if (s->name() == name) service = s.get();
    }
    if (!service) {
      return gateway_error_response(
          gateway_error(404, codes::not_found,
                        "No service found for namespace /SAP/, name " + std::string(name) +
                            ", version 0001"),
          gateway_service{std::string(name), ""});
    }
    auto verdict = csrf_->check(req);
    if (verdict.refusal) return std::move(*verdict.refusal);
    server_response res;
    {
      const std::lock_guard lock(mutex_);
      res = service->handle(req,
                            slash == std::string_view::npos ? std::string_view()
                                                            : rest.substr(slash),
                            store_, context_->effects(), context_->settings());
    }
    for (const auto& [k, v] : verdict.answer_headers) res.headers.add(k, v);
    return res;
  }

  static server_response method_not_allowed(std::string allow) {
    server_response res = server_response::text(405, "Method not allowed");
    res.headers.set("Allow", std::move(allow));
    return res;
  }

  simulator_context* context_ = nullptr;
  std::unique_ptr<sap_auth> auth_;
  std::unique_ptr<csrf_guard> csrf_;
  business_partner_rules partner_rules_;
  std::unique_ptr<supplier_invoice_rules> invoice_rules_;
  std::vector<std::unique_ptr<odata_service>> services_;
  std::mutex mutex_;
  entity_store store_;
};

}  // namespace

std::unique_ptr<vendor_simulator> make_sap_s4hana_simulator() {
  return std::make_unique<sap_s4hana_simulator>();
}

}  // namespace erpc::sim
