// SPDX-License-Identifier: Apache-2.0
// The NetSuite SuiteTalk REST simulator (vendors.md §1; docs/simulators.md has every setting).
//
//   /services/rest/record/v1/{vendor|vendorBill|vendorCredit|journalEntry|vendorPayment}
//     POST            create → 204 + Location (absolute, from the Host header); externalId
//                     unique per record type
//     GET             collection: q filter, limit/offset paging
//   /services/rest/record/v1/{type}/{id | eid:externalId}
//     GET             the record (amounts exact), 404 when absent
//     PUT  …/eid:X    upsert: creates or updates (an `updated` effect with a version bump)
//     PATCH           update an existing record
//   /services/rest/query/v1/suiteql          POST {"q": "SELECT …"}, Prefer: transient
//   /services/rest/async/v1/job/{job}        async job status
//   /services/rest/async/v1/job/{job}/task/{job}/result   the job's response
// Writes with `Prefer: respond-async` become jobs (202 + Location); a repeated
// X-NetSuite-idempotency-key answers 400 IDEMPOTENCY_ERROR with the earlier job's Location.
// Every /services/rest/ request passes OAuth 1.0a TBA verification (HMAC-SHA256) and the
// account concurrency limit first.
#pragma once

#include <erpc/sim/vendor_simulator.hpp>

#include <memory>

namespace erpc::sim::netsuite {

class netsuite_simulator final : public vendor_simulator {
 public:
  netsuite_simulator();
  ~netsuite_simulator() override;

  std::string_view vendor() const override { return "netsuite"; }
  std::vector<setting_spec> settings() const override;
  void install(http_router& router, simulator_context& context) override;
  void reset() override;
  void settle() override;

  std::size_t requests_in_flight() const noexcept;  // vendor requests holding a slot

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

std::unique_ptr<vendor_simulator> make_netsuite_simulator();

}  // namespace erpc::sim::netsuite
