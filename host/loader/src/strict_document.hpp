// Strict parsing of the small JSON documents the loader reads (manifests, .sig files):
// no duplicate keys, depth <= 64, a size limit, integers only: erpc::parse_strict (host/json),
// its refusals re-coded for the loader.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace erpc::detail {

// Throws erpc::error (class CONFIGURATION) with `code` and a message starting with `what`.
nlohmann::json parse_strict_document(std::string_view text, std::size_t max_bytes,
                                     const std::string& code, const std::string& what);

}  // namespace erpc::detail
