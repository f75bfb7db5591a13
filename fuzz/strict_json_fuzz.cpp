// SPDX-License-Identifier: Apache-2.0
// parse_strict on arbitrary bytes: it must either return a DOM or throw erpc::error, never crash
// or hang. For accepted input the pipeline the host runs must hold its invariants:
// re-serialisation parses back to the same DOM, and canonical JSON is a fixed point.
#include <erpc/error.hpp>
#include <erpc/host/canonical_json.hpp>
#include <erpc/host/fingerprint.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const erpc::json_limits limits{std::size_t{64} * 1024, 64};
  nlohmann::json doc;
  try {
    doc = erpc::parse_strict(text, limits);
  } catch (const erpc::error& e) {
    if (e.code().rfind("json.", 0) != 0) std::abort();  // only the documented codes
    return 0;
  }
  const std::string compact = erpc::serialize_checked(doc, limits);
  if (erpc::parse_strict(compact, limits) != doc) std::abort();
  const std::string canonical = erpc::canonicalize(doc, limits);
  if (erpc::canonicalize(erpc::parse_strict(canonical, limits), limits) != canonical) {
    std::abort();
  }
  if (erpc::payload_fingerprint(doc).size() != 64) std::abort();
  return 0;
}
