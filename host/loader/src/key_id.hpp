// The shape of a signing key id, shared by the verifier and the signer.
#pragma once

#include <string_view>

namespace erpc::detail {

// [A-Za-z0-9_.:-]{1,64}
bool is_valid_key_id(std::string_view id) noexcept;

}  // namespace erpc::detail
