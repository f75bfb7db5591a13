// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/signature_verifier.hpp>

#include <erpc/host/base64.hpp>
#include "key_id.hpp"
#include "strict_document.hpp"

#include <erpc/error.hpp>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace erpc {
namespace detail {

bool is_valid_key_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

}  // namespace detail

namespace {

constexpr std::size_t max_signature_file_bytes = 64 * 1024;
constexpr std::size_t ed25519_signature_bytes = 64;

[[noreturn]] void invalid(const std::string& message) {
  throw error(error_class::configuration, "loader.signature_invalid", message);
}

struct pkey_deleter {
  void operator()(EVP_PKEY* key) const noexcept { EVP_PKEY_free(key); }
};
struct md_ctx_deleter {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};

}  // namespace

struct signature_verifier::key {
  std::string id;
  std::unique_ptr<EVP_PKEY, pkey_deleter> pkey;
};

signature_verifier::signature_verifier(const std::vector<trusted_key>& keys) {
  for (const auto& k : keys) {
    const auto refuse = [&](const std::string& why) {
      throw error(error_class::configuration, "loader.invalid_trusted_key",
                  "trusted key '" + k.key_id + "': " + why);
    };
    if (!detail::is_valid_key_id(k.key_id)) refuse("the id must match [A-Za-z0-9_.:-]{1,64}");
    for (const auto& existing : keys_) {
      if (existing->id == k.key_id) refuse("the id is configured twice");
    }
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(k.public_key_pem.data(), static_cast<int>(k.public_key_pem.size())),
        &BIO_free);
    if (!bio) refuse("out of memory");
    std::unique_ptr<EVP_PKEY, pkey_deleter> pkey(
        PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
    if (!pkey) refuse("not a PEM public key");
    if (EVP_PKEY_get_id(pkey.get()) != EVP_PKEY_ED25519) refuse("not an Ed25519 key");
    keys_.push_back(std::make_unique<key>(key{k.key_id, std::move(pkey)}));
  }
}

signature_verifier::~signature_verifier() = default;

std::size_t signature_verifier::key_count() const noexcept { return keys_.size(); }

std::filesystem::path signature_path_for(const std::filesystem::path& library) {
  auto path = library;
  path += ".sig";
  return path;
}

library_signature parse_library_signature(std::string_view text) {
  const auto doc = detail::parse_strict_document(text, max_signature_file_bytes,
                                                 "loader.signature_invalid", "the signature file");
  if (!doc.is_object()) invalid("the signature file is not a JSON object");
  for (const auto& [name, value] : doc.items()) {
    if (name != "key_id" && name != "algorithm" && name != "signature") {
      invalid("the signature file has an unknown field \"" + name + "\"");
    }
    if (!value.is_string()) invalid("the signature file's \"" + name + "\" is not a string");
  }
  for (const char* name : {"key_id", "algorithm", "signature"}) {
    if (!doc.contains(name)) invalid(std::string("the signature file lacks \"") + name + "\"");
  }
  library_signature sig;
  sig.key_id = doc["key_id"].get<std::string>();
  sig.algorithm = doc["algorithm"].get<std::string>();
  if (!detail::is_valid_key_id(sig.key_id)) invalid("the signature's key_id is malformed");
  if (sig.algorithm != "ed25519") {
    invalid("the signature's algorithm is \"" + sig.algorithm + "\", only \"ed25519\" is known");
  }
  const auto raw = base64_decode(doc["signature"].get<std::string>());
  if (!raw || raw->size() != ed25519_signature_bytes) {
    invalid("the signature is not base64 of 64 bytes");
  }
  const auto* first = reinterpret_cast<const std::byte*>(raw->data());
  sig.signature.assign(first, first + raw->size());
  return sig;
}

void signature_verifier::verify(const std::filesystem::path& library_path,
                                std::span<const std::byte> bytes) const {
  const auto sig_path = signature_path_for(library_path);
  std::ifstream in(sig_path, std::ios::binary);
  if (!in) {
    throw error(error_class::configuration, "loader.signature_missing",
                library_path.string() + " has no signature file " + sig_path.string() +
                    " and signatures are required");
  }
  std::string text;
  text.resize(max_signature_file_bytes + 1);
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(in.gcount()));
  library_signature sig;
  try {
    sig = parse_library_signature(text);
  } catch (const error& e) {
    invalid(sig_path.string() + ": " + e.what());
  }
  const key* signer = nullptr;
  for (const auto& k : keys_) {
    if (k->id == sig.key_id) signer = k.get();
  }
  if (signer == nullptr) {
    invalid(library_path.string() + " is signed with key '" + sig.key_id +
            "', which is not a trusted key");
  }
  std::unique_ptr<EVP_MD_CTX, md_ctx_deleter> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, signer->pkey.get()) != 1) {
    throw error(error_class::internal, "loader.signature_invalid",
                "OpenSSL could not set up Ed25519 verification");
  }
  const int ok = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(sig.signature.data()),
      sig.signature.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  if (ok != 1) {
    invalid(library_path.string() + ": the signature by key '" + sig.key_id +
            "' does not match the library's bytes (modified after signing, or signed by "
            "another key)");
  }
}

}  // namespace erpc
