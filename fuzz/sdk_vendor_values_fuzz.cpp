// SPDX-License-Identifier: Apache-2.0
// The SDK's readers of values every adapter takes from vendors and banks: decimal amounts,
// Retry-After (delay-seconds or an HTTP-date), IBAN/BIC/RF references, and the one-pass JSON
// reader and writer at the ABI boundary (plain_json). None may crash or hang, and each must
// agree with its reference:
//   - a decimal read back from its own text is the same decimal;
//   - a Retry-After is never a negative wait;
//   - whatever plain_json accepts, nlohmann's parser reads to the same document, and what
//     plain_json writes reads back to that document (it declines, never misreads).
#include <erpc/decimal.hpp>
#include <erpc/detail/http_date.hpp>
#include <erpc/detail/http_retry_after.hpp>
#include <erpc/detail/plain_json.hpp>
#include <erpc/identifiers.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

constexpr std::int64_t now_unix_ms = 1'772'323'200'000;  // 2026-03-01T00:00:00Z

void require(bool holds) {
  if (!holds) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  if (const auto d = erpc::decimal::parse(text)) {
    const std::string printed = d->to_string();
    require(erpc::decimal::parse(printed) == *d);
    require(erpc::decimal::parse(printed)->scale() == d->scale());
  }

  if (const auto wait = erpc::parse_retry_after_ms(text, now_unix_ms)) require(*wait >= 0);
  (void)erpc::detail::parse_http_date(text, now_unix_ms / 1000);

  (void)erpc::is_valid_iban(text);
  (void)erpc::is_valid_bic(text);
  (void)erpc::is_valid_rf_creditor_reference(text);

  nlohmann::json fast;
  if (erpc::detail::parse_plain_json(text, erpc::detail::plain_json_max_depth, fast)) {
    const auto reference = nlohmann::json::parse(text, nullptr, false);
    require(!reference.is_discarded());
    require(reference == fast);
    std::string written;
    if (erpc::detail::write_plain_json(fast, erpc::detail::plain_json_max_depth, written)) {
      require(nlohmann::json::parse(written, nullptr, false) == fast);
    }
  }
  return 0;
}
