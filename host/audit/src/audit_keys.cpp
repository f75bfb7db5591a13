#include <erpc/host/audit_keys.hpp>

#include <erpc/error.hpp>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <array>
#include <memory>
#include <string_view>

namespace erpc {

namespace {

// Fixed, public salt: the master key is already uniformly random (RFC 5869 §3.1 allows it);
// the salt only separates erpconnect's use of the key from any other.
constexpr std::string_view hkdf_salt = "erpconnect.audit.hkdf.salt.v1";

symmetric_key hkdf_sha256(const symmetric_key& master, std::string_view info) {
  const std::unique_ptr<EVP_KDF, decltype(&EVP_KDF_free)> kdf(
      EVP_KDF_fetch(nullptr, "HKDF", nullptr), &EVP_KDF_free);
  if (!kdf) throw error(error_class::internal, "crypto.internal", "HKDF is not available");
  const std::unique_ptr<EVP_KDF_CTX, decltype(&EVP_KDF_CTX_free)> ctx(EVP_KDF_CTX_new(kdf.get()),
                                                                      &EVP_KDF_CTX_free);
  if (!ctx) throw error(error_class::internal, "crypto.internal", "HKDF: out of memory");
  char digest[] = "SHA256";
  const auto ikm = master.bytes();
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<unsigned char*>(ikm.data()),
                                        ikm.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(hkdf_salt.data()),
                                        hkdf_salt.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(info.data()),
                                        info.size()),
      OSSL_PARAM_END};
  std::array<unsigned char, symmetric_key::size> out{};
  if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1) {
    throw error(error_class::internal, "crypto.internal", "HKDF derivation failed");
  }
  const symmetric_key key(out);
  OPENSSL_cleanse(out.data(), out.size());
  return key;
}

}  // namespace

audit_keys derive_audit_keys(const symmetric_key& master) {
  return audit_keys{hkdf_sha256(master, "erpc.audit.chain.v1"),
                    hkdf_sha256(master, "erpc.audit.checkpoint.v1")};
}

audit_keys resolve_audit_keys(const secret_resolver& resolver, const std::string& reference) {
  return derive_audit_keys(resolve_symmetric_key(resolver, reference));
}

}  // namespace erpc
