#include "message_ids.hpp"

#include <erpc/error.hpp>

#include <openssl/rand.h>

#include <array>

namespace erpc::detail {

std::string new_random_id(const char* prefix) {
  std::array<unsigned char, 16> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw error(error_class::internal, "store.random_failed", "no random bytes for an id");
  }
  static constexpr char hex[] = "0123456789abcdef";
  std::string id = prefix;
  for (const unsigned char b : bytes) {
    id += hex[b >> 4];
    id += hex[b & 0xf];
  }
  return id;
}

}  // namespace erpc::detail
