#pragma once
// Random identifiers for messages and correlation ids (128 bits from the OpenSSL DRBG).

#include <string>

namespace erpc::detail {

std::string new_random_id(const char* prefix);

}  // namespace erpc::detail
