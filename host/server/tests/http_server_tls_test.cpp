// SPDX-License-Identifier: Apache-2.0
// TLS on the server base with a throwaway self-signed certificate made here with OpenSSL EVP.
#include <erpc/host/http_server.hpp>

#include "test_http_client.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>

using namespace erpc;

namespace {

struct self_signed {
  std::string certificate_pem;
  std::string private_key_pem;
};

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(n));
}

// P-256 key, CN=localhost, valid for a day.
self_signed make_self_signed() {
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(EVP_EC_gen("P-256"), EVP_PKEY_free);
  if (!key) throw std::runtime_error("EVP_EC_gen failed");
  std::unique_ptr<X509, decltype(&X509_free)> cert(X509_new(), X509_free);
  X509_set_version(cert.get(), 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 24 * 3600);
  X509_set_pubkey(cert.get(), key.get());
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) == 0) {
    throw std::runtime_error("X509_sign failed");
  }
  std::unique_ptr<BIO, decltype(&BIO_free)> cert_bio(BIO_new(BIO_s_mem()), BIO_free);
  std::unique_ptr<BIO, decltype(&BIO_free)> key_bio(BIO_new(BIO_s_mem()), BIO_free);
  PEM_write_bio_X509(cert_bio.get(), cert.get());
  PEM_write_bio_PrivateKey(key_bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  return {bio_text(cert_bio.get()), bio_text(key_bio.get())};
}

}  // namespace

TEST_CASE("TLS round trip with a self-signed certificate", "[server][tls]") {
  const auto pki = make_self_signed();
  http_router router;
  router.post("/v1/echo", [](const http_request& r) { return http_response::text(200, r.body); });
  http_server_options options;
  options.tls = http_tls_options{pki.certificate_pem, pki.private_key_pem};
  http_server server(options, std::move(router));
  server.start();
  CHECK(server.base_url().rfind("https://127.0.0.1:", 0) == 0);

  test::test_connection c(server.port(), pki.certificate_pem);
  for (int i = 0; i < 3; ++i) {
    const std::string body = "secure-" + std::to_string(i);
    REQUIRE(c.send(test::make_request("POST", "/v1/echo", body)));
    auto r = c.read_response();
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(r->body == body);
  }
  auto nf = [&] {
    c.send(test::make_request("GET", "/nope"));
    return c.read_response();
  }();
  REQUIRE(nf);
  CHECK(nf->status == 404);

  // A plain-text client on the TLS port gets nowhere and does not hurt the server.
  {
    test::test_connection plain(server.port());
    plain.send(test::make_request("GET", "/v1/echo"));
    CHECK_FALSE(plain.read_response());
  }
  test::test_connection again(server.port(), pki.certificate_pem);
  again.send(test::make_request("POST", "/v1/echo", "still"));
  auto r = again.read_response();
  REQUIRE(r);
  CHECK(r->body == "still");
}

TEST_CASE("unusable TLS material is a configuration error that names no key bytes",
          "[server][tls]") {
  const auto pki = make_self_signed();
  const auto other = make_self_signed();
  struct bad_case {
    const char* what;
    http_tls_options tls;
  };
  const bad_case cases[] = {
      {"garbage certificate", {"not a pem", pki.private_key_pem}},
      {"garbage key", {pki.certificate_pem, "-----BEGIN PRIVATE KEY-----\nAAAA\n"}},
      {"key of another certificate", {pki.certificate_pem, other.private_key_pem}},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    http_server_options options;
    options.tls = c.tls;
    http_server server(options, http_router{});
    try {
      server.start();
      FAIL("started with unusable TLS material");
    } catch (const error& e) {
      CHECK(e.code() == "http.tls_invalid");
      CHECK(std::string(e.what()).find("PRIVATE KEY") == std::string::npos);
      CHECK(std::string(e.what()).find(pki.private_key_pem.substr(30, 20)) == std::string::npos);
    }
  }
}
