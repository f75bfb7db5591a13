// SPDX-License-Identifier: Apache-2.0
#include "ob_sim_settings.hpp"

namespace erpc::sim::openbanking::setting {

std::vector<setting_spec> all() {
  auto secret = text_setting(client_secret, "erpc-ob-secret",
                             "the client secret the token endpoint accepts; changing it revokes "
                             "every token issued under the old one",
                             "vendors.md §8.1 (client-credentials token)", true);
  return {
      text_setting(client_id, "erpc-ob-client", "the client id the token endpoint accepts",
                   "vendors.md §8.1 (client-credentials token, scope payments)"),
      std::move(secret),
      integer_setting(token_ttl, 3600, 1, 86400, "lifetime of an access token (expires_in)",
                      "test knob (RFC 6749 §5.1 expires_in)"),
      choice_setting(psu, "auto_approve", {"auto_approve", "auto_reject", "manual"},
                     "what the PSU does with a new consent: authorises it at once, rejects it, "
                     "or never acts (it stays AwaitingAuthorisation)",
                     "BANKING.md 'UK Open Banking': PSU authorisation is an auto-approve setting"),
      integer_setting(idempotency_validity, 86400, 0, 31536000,
                      "seconds an x-idempotency-key is remembered; after it a request with the "
                      "key is processed as new",
                      "vendors.md §8.2 'The Idempotency Key will be valid for 24 hours'"),
      choice_setting(idempotency_conflict, "consent_mismatch_400",
                     {"consent_mismatch_400", "duplicate_reference_400",
                      "resource_already_exists_409"},
                     "the answer to a known x-idempotency-key with a different body",
                     "vendors.md §8.2: response to same key + different body **unconfirmed** "
                     "(ConsentMismatch, DuplicateReference, 409 ResourceAlreadyExists)"),
      integer_setting(consent_expiry, 0, 0, 31536000,
                      "seconds after creation an unconsumed consent can still be used for a "
                      "payment (0: no expiry); after it the payment is InvalidConsentStatus",
                      "test knob (consent expiry is ASPSP-specific)"),
      choice_setting(progression, "on_get", {"on_get", "timed", "none"},
                     "how a payment's status moves Pending -> AcceptedSettlementInProcess -> "
                     "final: one step on every GET, one step every status_step_seconds, or never",
                     "test knob (vendors.md §8.1 status enum)"),
      integer_setting(step_seconds, 1, 1, 86400, "seconds per status step when timed",
                      "test knob"),
      choice_setting(final_status, "AcceptedSettlementCompleted",
                     {"AcceptedSettlementCompleted", "AcceptedCreditSettlementCompleted",
                      "AcceptedWithoutPosting", "Rejected"},
                     "the status a payment ends in", "vendors.md §8.1 status enum"),
      integer_setting(rate_limit, 0, 0, 1000000,
                      "requests accepted per window under /open-banking/ (0: unlimited); more "
                      "are answered 429 with Retry-After",
                      "vendors.md §8.3 (429, Retry-After in seconds)"),
      integer_setting(rate_window, 1, 1, 3600, "the rate-limit window in seconds", "test knob"),
  };
}

}  // namespace erpc::sim::openbanking::setting
