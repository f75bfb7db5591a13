// SPDX-License-Identifier: Apache-2.0
#include "random_token.hpp"

#include <erpc/host/base64.hpp>

#include <openssl/rand.h>

#include <stdexcept>

namespace erpc::sim::sap {

std::string random_token(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    throw std::runtime_error("RAND_bytes failed");
  }
  std::string text = base64_encode(raw);
  for (auto& c : text) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

}  // namespace erpc::sim::sap
