// RFC 6901 pointer building: "~" is written "~0" and "/" is written "~1" in a token.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace erpc::contract_detail {

std::string pointer_append(std::string_view base, std::string_view token);
std::string pointer_append(std::string_view base, std::size_t index);

}  // namespace erpc::contract_detail
