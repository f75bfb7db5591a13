// SPDX-License-Identifier: Apache-2.0
// The Coupa Core API simulator (vendors.md §10.1; docs/simulators-coupa.md has every setting).
//
//   POST /oauth2/token             OAuth 2.0 client credentials with scopes (core.invoice.read,
//                                  core.invoice.write, core.supplier.read, core.supplier.write)
//   GET  /api/suppliers            list: bracket query operators, limit (max 50) + offset
//   POST /api/suppliers            create
//   GET  /api/suppliers/{id}       one supplier
//   GET  /api/invoices             list, e.g. ?status[in]=approved&exported=false
//   POST /api/invoices             create, only when invoices.rest_create allows it (unconfirmed)
//   GET  /api/invoices/{id}        one invoice
//   PUT  /api/invoices/{id}        {"exported": true} marks it exported (export.route=put_field)
//   PUT  /api/invoices/{id}/export the alternative export route (export.route=export_action)
// JSON only with `Accept: application/json` (Coupa's default is XML, which the simulator does
// not speak: 406, or JSON anyway per format.without_json_accept). Field names are hyphenated
// (invoice-number, invoice-date, invoice-lines, supplier{id,name,number}, currency{code},
// status, exported). 25 requests/second with a burst of 20 (vendor) → 429.
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim::coupa {

class coupa_simulator final : public vendor_simulator {
 public:
  coupa_simulator();
  ~coupa_simulator() override;

  std::string_view vendor() const override { return "coupa"; }
  std::vector<setting_spec> settings() const override;
  void install(http_router& router, simulator_context& context) override;
  void reset() override;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

std::unique_ptr<vendor_simulator> make_coupa_simulator();

}  // namespace erpc::sim::coupa
