// SPDX-License-Identifier: Apache-2.0
#include "erpc/adapters/oauth1_signer.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <memory>
#include <stdexcept>

namespace erpc::oauth1 {

std::string_view to_string(signature_method method) noexcept {
  return method == signature_method::hmac_sha256 ? "HMAC-SHA256" : "HMAC-SHA1";
}

std::optional<signature_method> signature_method_from_string(std::string_view name) noexcept {
  if (name == "HMAC-SHA256") return signature_method::hmac_sha256;
  if (name == "HMAC-SHA1") return signature_method::hmac_sha1;
  return std::nullopt;
}

std::string percent_encode(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 0x0F]);
    }
  }
  return out;
}

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (plus_is_space && text[i] == '+') {
      out.push_back(' ');
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::optional<parameters> form_parameters(std::string_view text) {
  parameters out;
  while (!text.empty()) {
    const auto amp = text.find('&');
    const auto pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    auto name = decode(pair.substr(0, eq), true);
    auto value =
        decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!name || !value) return std::nullopt;
    out.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

std::string base64(const unsigned char* data, std::size_t size) {
  std::string out(4 * ((size + 2) / 3), '\0');
  const int n =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, static_cast<int>(size));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string random_nonce() {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  unsigned char bytes[20];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("RAND_bytes failed");
  std::string nonce;
  for (const unsigned char b : bytes) nonce.push_back(alphabet[b % (sizeof alphabet - 1)]);
  return nonce;
}

parameters oauth_parameters(const credentials& creds, signature_method method,
                            std::string_view nonce, std::int64_t timestamp) {
  return {{"oauth_consumer_key", creds.consumer_key},
          {"oauth_token", creds.token},
          {"oauth_signature_method", std::string(to_string(method))},
          {"oauth_timestamp", std::to_string(timestamp)},
          {"oauth_nonce", std::string(nonce)},
          {"oauth_version", "1.0"}};
}

// Query and form parameters of the request plus the given oauth_* ones; nullopt on a bad URL.
std::optional<parameters> request_parameters(std::string_view url, std::string_view form_body,
                                             parameters oauth) {
  auto query = query_parameters(url);
  auto form = form_parameters(form_body);
  if (!query || !form) return std::nullopt;
  oauth.insert(oauth.end(), query->begin(), query->end());
  oauth.insert(oauth.end(), form->begin(), form->end());
  return oauth;
}

}  // namespace

std::optional<std::string> base_uri(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end == 0) return std::nullopt;
  const std::string scheme = lowercase(url.substr(0, scheme_end));
  auto rest = url.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("?#"));
  const auto slash = rest.find('/');
  std::string authority = lowercase(rest.substr(0, slash));
  const std::string path(slash == std::string_view::npos ? "/" : rest.substr(slash));
  if (authority.empty()) return std::nullopt;
  const auto colon = authority.rfind(':');
  if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
    const auto port = authority.substr(colon + 1);
    if ((scheme == "http" && port == "80") || (scheme == "https" && port == "443")) {
      authority.resize(colon);
    }
  }
  return scheme + "://" + authority + path;
}

std::optional<parameters> query_parameters(std::string_view url) {
  const auto q = url.find('?');
  if (q == std::string_view::npos) return parameters{};
  auto query = url.substr(q + 1);
  query = query.substr(0, query.find('#'));
  return form_parameters(query);
}

std::string signature_base_string(std::string_view method, std::string_view uri,
                                  parameters params) {
  for (auto& [name, value] : params) {
    name = percent_encode(name);
    value = percent_encode(value);
  }
  std::sort(params.begin(), params.end());
  std::string normalized;
  for (const auto& [name, value] : params) {
    if (!normalized.empty()) normalized += '&';
    normalized += name + "=" + value;
  }
  std::string upper(method);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper + "&" + percent_encode(uri) + "&" + percent_encode(normalized);
}

namespace {

// The HMAC algorithm, fetched from the provider once per process (freed when the module is
// unloaded). The one-shot HMAC() fetched it on every signature, which cost more than the MAC.
EVP_MAC* hmac_algorithm() {
  static const std::unique_ptr<EVP_MAC, decltype(&EVP_MAC_free)> mac(
      EVP_MAC_fetch(nullptr, "HMAC", nullptr), EVP_MAC_free);
  if (!mac) throw std::runtime_error("OpenSSL offers no HMAC");
  return mac.get();
}

}  // namespace

std::string sign(signature_method method, std::string_view base_string,
                 std::string_view consumer_secret, std::string_view token_secret) {
  const std::string key = percent_encode(consumer_secret) + "&" + percent_encode(token_secret);
  const std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(
      EVP_MAC_CTX_new(hmac_algorithm()), EVP_MAC_CTX_free);
  char digest[] = "SHA256";
  char digest_sha1[] = "SHA1";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(
          OSSL_MAC_PARAM_DIGEST, method == signature_method::hmac_sha256 ? digest : digest_sha1, 0),
      OSSL_PARAM_construct_end()};
  unsigned char mac[EVP_MAX_MD_SIZE];
  std::size_t mac_size = 0;
  if (!ctx ||
      EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                   params) != 1 ||
      EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(base_string.data()),
                     base_string.size()) != 1 ||
      EVP_MAC_final(ctx.get(), mac, &mac_size, sizeof mac) != 1) {
    throw std::runtime_error("HMAC failed");
  }
  return base64(mac, mac_size);
}

std::optional<std::string> authorization::param(std::string_view name) const {
  for (const auto& [n, v] : params) {
    if (n == name) return v;
  }
  return std::nullopt;
}

std::optional<authorization> parse_authorization(std::string_view header) {
  constexpr std::string_view scheme = "OAuth ";
  if (header.size() < scheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(scheme[i]))) {
      return std::nullopt;
    }
  }
  authorization out;
  bool has_realm = false;
  std::string_view rest = header.substr(scheme.size());
  for (;;) {
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == ',')) rest.remove_prefix(1);
    if (rest.empty()) break;
    const auto eq = rest.find('=');
    if (eq == std::string_view::npos || eq + 1 >= rest.size() || rest[eq + 1] != '"') {
      return std::nullopt;
    }
    const auto name_text = rest.substr(0, eq);
    const auto close = rest.find('"', eq + 2);
    if (close == std::string_view::npos) return std::nullopt;
    auto name = decode(name_text, false);
    auto value = decode(rest.substr(eq + 2, close - eq - 2), false);
    if (!name || !value) return std::nullopt;
    rest.remove_prefix(close + 1);
    if (*name == "realm") {
      if (has_realm) return std::nullopt;
      has_realm = true;
      out.realm = std::move(*value);
      continue;
    }
    if (out.param(*name)) return std::nullopt;
    out.params.emplace_back(std::move(*name), std::move(*value));
  }
  return out;
}

signer::signer(credentials creds, std::string realm, signature_method method)
    : creds_(std::move(creds)), realm_(std::move(realm)), method_(method) {}

std::string signer::authorize(std::string_view http_method, std::string_view url,
                              std::string_view form_body) const {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return authorize(http_method, url, random_nonce(), now, form_body);
}

std::string signer::authorize(std::string_view http_method, std::string_view url,
                              std::string_view nonce, std::int64_t timestamp,
                              std::string_view form_body) const {
  const auto uri = base_uri(url);
  const auto oauth = oauth_parameters(creds_, method_, nonce, timestamp);
  const auto params = request_parameters(url, form_body, oauth);
  if (!uri || !params) throw std::invalid_argument("oauth1: the request URL is malformed");
  const auto signature = sign(method_, signature_base_string(http_method, *uri, *params),
                              creds_.consumer_secret, creds_.token_secret);
  std::string header = "OAuth realm=\"" + percent_encode(realm_) + "\"";
  for (const auto& [name, value] : oauth)
    header += ", " + name + "=\"" + percent_encode(value) + "\"";
  header += ", oauth_signature=\"" + percent_encode(signature) + "\"";
  return header;
}

verdict verify_signature(const authorization& auth, std::string_view http_method,
                         std::string_view url, std::string_view consumer_secret,
                         std::string_view token_secret, signature_method expected,
                         std::string_view form_body) {
  const auto given = auth.param("oauth_signature");
  const auto method_name = auth.param("oauth_signature_method");
  if (!given || !method_name || !auth.param("oauth_consumer_key") || !auth.param("oauth_nonce") ||
      !auth.param("oauth_timestamp")) {
    return verdict::malformed;
  }
  if (signature_method_from_string(*method_name) != expected) return verdict::unsupported_method;
  parameters oauth;
  for (const auto& p : auth.params) {
    if (p.first != "oauth_signature") oauth.push_back(p);
  }
  const auto uri = base_uri(url);
  const auto params = request_parameters(url, form_body, std::move(oauth));
  if (!uri || !params) return verdict::malformed;
  const auto expected_signature = sign(expected, signature_base_string(http_method, *uri, *params),
                                       consumer_secret, token_secret);
  if (expected_signature.size() != given->size() ||
      CRYPTO_memcmp(expected_signature.data(), given->data(), given->size()) != 0) {
    return verdict::bad_signature;
  }
  return verdict::ok;
}

}  // namespace erpc::oauth1
