#include <erpc/host/hmac_sha256.hpp>

#include <erpc/error.hpp>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>

namespace erpc {

namespace {

[[noreturn]] void fail(const char* what) {
  throw error(error_class::internal, "crypto.internal", std::string("HMAC-SHA256: ") + what);
}

}  // namespace

mac_bytes hmac_sha256(const symmetric_key& key,
                      std::initializer_list<std::span<const unsigned char>> parts) {
  const std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(
      EVP_MAC_fetch(nullptr, "HMAC", nullptr), &EVP_MAC_free);
  if (!mac) fail("HMAC is not available");
  const std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(mac.get()),
                                                                      &EVP_MAC_CTX_free);
  if (!ctx) fail("out of memory");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_END};
  const auto k = key.bytes();
  if (EVP_MAC_init(ctx.get(), k.data(), k.size(), params) != 1) fail("init failed");
  for (const auto part : parts) {
    if (!part.empty() && EVP_MAC_update(ctx.get(), part.data(), part.size()) != 1) {
      fail("update failed");
    }
  }
  mac_bytes out{};
  std::size_t length = 0;
  if (EVP_MAC_final(ctx.get(), out.data(), &length, out.size()) != 1 || length != out.size()) {
    fail("final failed");
  }
  return out;
}

mac_bytes hmac_sha256(const symmetric_key& key, std::string_view data) {
  return hmac_sha256(key, {std::span<const unsigned char>(
                              reinterpret_cast<const unsigned char*>(data.data()), data.size())});
}

}  // namespace erpc
