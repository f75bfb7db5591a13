// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/library_signing.hpp>

#include <erpc/host/base64.hpp>
#include "key_id.hpp"

#include <erpc/error.hpp>
#include <erpc/host/library_file.hpp>
#include <erpc/host/signature_verifier.hpp>

#include <nlohmann/json.hpp>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdio>
#include <fstream>
#include <memory>

namespace erpc {
namespace {

struct pkey_deleter {
  void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_deleter>;
using bio_ptr = std::unique_ptr<BIO, decltype(&BIO_free)>;

[[noreturn]] void sign_failed(const std::string& why) {
  throw error(error_class::internal, "loader.sign_failed", why);
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

}  // namespace

ed25519_keypair generate_ed25519_keypair() {
  pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  if (!key) sign_failed("OpenSSL could not generate an Ed25519 key");
  bio_ptr priv(BIO_new(BIO_s_mem()), &BIO_free);
  bio_ptr pub(BIO_new(BIO_s_mem()), &BIO_free);
  if (!priv || !pub ||
      PEM_write_bio_PrivateKey(priv.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1 ||
      PEM_write_bio_PUBKEY(pub.get(), key.get()) != 1) {
    sign_failed("OpenSSL could not write the key pair as PEM");
  }
  return {bio_text(priv.get()), bio_text(pub.get())};
}

std::filesystem::path sign_library(const std::filesystem::path& library,
                                   std::string_view private_key_pem, std::string_view key_id) {
  if (!detail::is_valid_key_id(key_id)) {
    throw error(error_class::configuration, "loader.invalid_signing_key",
                "key id '" + std::string(key_id) + "' must match [A-Za-z0-9_.:-]{1,64}");
  }
  bio_ptr bio(BIO_new_mem_buf(private_key_pem.data(), static_cast<int>(private_key_pem.size())),
              &BIO_free);
  pkey_ptr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
  if (!key || EVP_PKEY_get_id(key.get()) != EVP_PKEY_ED25519) {
    throw error(error_class::configuration, "loader.invalid_signing_key",
                "the signing key is not an unencrypted Ed25519 private key in PEM");
  }
  const auto file = library_file::open(library, std::size_t{1} << 30);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::vector<std::byte> signature(64);
  std::size_t length = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(file.bytes().data()),
                     file.bytes().size()) != 1) {
    sign_failed("OpenSSL could not sign " + library.string());
  }
  signature.resize(length);
  const nlohmann::json doc = {{"key_id", std::string(key_id)},
                              {"algorithm", "ed25519"},
                              {"signature", base64_encode(std::string_view(
                                                reinterpret_cast<const char*>(signature.data()),
                                                signature.size()))}};
  const auto target = signature_path_for(library);
  auto temporary = target;
  temporary += ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << doc.dump() << '\n';
    out.close();
    if (!out) sign_failed("cannot write " + temporary.string());
  }
  std::error_code ec;
  std::filesystem::rename(temporary, target, ec);
  if (ec) sign_failed("cannot rename " + temporary.string() + ": " + ec.message());
  return target;
}

}  // namespace erpc
