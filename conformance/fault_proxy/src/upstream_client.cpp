// SPDX-License-Identifier: Apache-2.0
// The fault proxy's only Beast translation unit (ARCHITECTURE §12 keeps Beast out of headers).
// Each exchange runs its asynchronous steps on a private io_context; beast::tcp_stream's
// expiry closes the socket when the deadline passes, so no step can block for longer.
#include "upstream_client.hpp"

#include <erpc/error.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <openssl/ssl.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace erpc::conformance {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

namespace {

[[noreturn]] void bad_upstream(std::string_view url, const std::string& why) {
  throw error(error_class::configuration, "proxy.bad_upstream",
              "the upstream URL " + std::string(url) + " " + why);
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Field names the Connection header lists are hop-by-hop for this message only.
bool listed_in_connection(const http_headers& headers, std::string_view name) {
  const auto value = headers.get("Connection");
  if (!value) return false;
  std::size_t start = 0;
  while (start <= value->size()) {
    std::size_t end = value->find(',', start);
    if (end == std::string_view::npos) end = value->size();
    std::string_view token = value->substr(start, end - start);
    while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.remove_prefix(1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) token.remove_suffix(1);
    if (iequals_ascii(token, name)) return true;
    start = end + 1;
  }
  return false;
}

error unreachable(const std::string& what, const beast::error_code& ec) {
  return error(error_class::unavailable, "proxy.upstream_unreachable",
               "the upstream cannot be reached (" + what + "): " + ec.message());
}

// The request may have reached the upstream when any of these fails.
struct exchange_failure {
  beast::error_code ec;
  std::string step;
};

}  // namespace

std::string upstream_url::origin() const {
  const bool default_port = (tls && port == "443") || (!tls && port == "80");
  return std::string(tls ? "https://" : "http://") + host + (default_port ? "" : ":" + port);
}

std::string upstream_url::host_header() const {
  const bool default_port = (tls && port == "443") || (!tls && port == "80");
  return host + (default_port ? "" : ":" + port);
}

upstream_url parse_upstream_url(std::string_view url) {
  upstream_url out;
  std::string_view rest = url;
  const auto scheme_end = rest.find("://");
  if (scheme_end == std::string_view::npos) bad_upstream(url, "has no scheme");
  const std::string scheme = lower(rest.substr(0, scheme_end));
  if (scheme == "https") {
    out.tls = true;
  } else if (scheme != "http") {
    bad_upstream(url, "must start with http:// or https://");
  }
  rest.remove_prefix(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string_view::npos) {
    bad_upstream(url, "must not carry a query or fragment");
  }
  const auto slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  std::string_view path = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
  if (authority.find('@') != std::string_view::npos) {
    bad_upstream(url, "must not carry user information");
  }
  if (authority.empty()) bad_upstream(url, "has no host");
  std::string_view port;
  if (authority.front() == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) bad_upstream(url, "has an unclosed IPv6 literal");
    out.host = std::string(authority.substr(0, close + 1));
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') bad_upstream(url, "has a malformed authority");
      port = authority.substr(close + 2);
    }
  } else {
    const auto colon = authority.find(':');
    out.host = std::string(authority.substr(0, colon));
    if (colon != std::string_view::npos) port = authority.substr(colon + 1);
  }
  if (out.host.empty()) bad_upstream(url, "has no host");
  if (port.empty()) {
    out.port = out.tls ? "443" : "80";
  } else {
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(),
                                        [](char c) { return c >= '0' && c <= '9'; }) ||
        std::stoul(std::string(port)) == 0 || std::stoul(std::string(port)) > 65535) {
      bad_upstream(url, "has a bad port");
    }
    out.port = std::string(port);
  }
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  out.base_path = std::string(path);
  return out;
}

bool is_hop_by_hop(std::string_view name) noexcept {
  for (std::string_view hop : {"Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate",
                               "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding",
                               "Upgrade", "Content-Length"}) {
    if (iequals_ascii(name, hop)) return true;
  }
  return false;
}

struct upstream_client::impl {
  upstream_client_options options;
  std::unique_ptr<ssl::context> tls;
};

namespace {

using request_type = bhttp::request<bhttp::string_body>;
using parser_type = bhttp::response_parser<bhttp::string_body>;

// Runs one asynchronous step to completion. The stream's expiry bounds it.
template <class Start>
beast::error_code run_step(asio::io_context& io, Start start) {
  beast::error_code result = asio::error::operation_aborted;
  start([&result](beast::error_code ec, auto&&...) { result = ec; });
  io.restart();
  io.run();
  return result;
}

template <class Stream>
std::optional<exchange_failure> exchange(asio::io_context& io, Stream& stream,
                                         request_type& request, parser_type& parser) {
  if (auto ec = run_step(io, [&](auto handler) { bhttp::async_write(stream, request, handler); })) {
    return exchange_failure{ec, "send"};
  }
  beast::flat_buffer buffer;
  if (auto ec = run_step(io, [&](auto handler) {
        bhttp::async_read(stream, buffer, parser, handler);
      })) {
    return exchange_failure{ec, "receive"};
  }
  return std::nullopt;
}

}  // namespace

upstream_client::upstream_client(upstream_url url, upstream_client_options options)
    : url_(std::move(url)), impl_(std::make_unique<impl>()) {
  impl_->options = std::move(options);
  if (url_.tls) {
    auto context = std::make_unique<ssl::context>(ssl::context::tls_client);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1);
    beast::error_code ec;
    context->set_default_verify_paths(ec);
    if (!impl_->options.ca_file.empty()) {
      context->load_verify_file(impl_->options.ca_file, ec);
      if (ec) {
        throw error(error_class::configuration, "proxy.bad_upstream",
                    "cannot read the upstream CA file " + impl_->options.ca_file + ": " +
                        ec.message());
      }
    }
    context->set_verify_mode(impl_->options.insecure_skip_verify ? ssl::verify_none
                                                                 : ssl::verify_peer);
    impl_->tls = std::move(context);
  }
}

upstream_client::~upstream_client() = default;

upstream_reply upstream_client::send(std::string_view method, std::string_view target,
                                     const http_headers& headers, const std::string& body) const {
  request_type request;
  request.version(11);
  request.method_string(std::string(method));
  request.target(url_.base_path + std::string(target));
  for (const auto& [name, value] : headers) {
    // Expect: 100-continue was the client's business with the proxy, which has the whole
    // body by now; forwarded, it could make the upstream answer 100 first.
    if (is_hop_by_hop(name) || iequals_ascii(name, "Host") || iequals_ascii(name, "Expect") ||
        listed_in_connection(headers, name)) {
      continue;
    }
    request.insert(name, value);
  }
  const auto client_host = headers.get("Host");
  request.set(bhttp::field::host, impl_->options.preserve_host && client_host && !client_host->empty()
                                      ? std::string(*client_host)
                                      : url_.host_header());
  request.set(bhttp::field::connection, "close");
  request.body() = body;
  // A body-less GET carries no Content-Length; anything with a body (or a POST/PUT) does.
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    request.prepare_payload();
  }

  asio::io_context io;
  tcp::resolver resolver(io);
  std::string host = url_.host;
  if (host.size() > 2 && host.front() == '[') host = host.substr(1, host.size() - 2);
  // An IP literal (the usual simulator URL) resolves without a lookup; asio's asynchronous
  // resolver would start a thread per exchange for it.
  beast::error_code ec;
  tcp::resolver::results_type endpoints = resolver.resolve(
      host, url_.port, tcp::resolver::numeric_host | tcp::resolver::numeric_service, ec);
  if (ec) {
    ec = run_step(io, [&](auto handler) {
      resolver.async_resolve(host, url_.port,
                             [&endpoints, handler](beast::error_code e,
                                                   tcp::resolver::results_type r) mutable {
                               endpoints = std::move(r);
                               handler(e);
                             });
    });
  }
  if (ec) throw unreachable("resolve " + url_.host, ec);

  parser_type parser;
  parser.body_limit(impl_->options.max_body_bytes);
  parser.header_limit(64u * 1024u);
  if (method == "HEAD") parser.skip(true);

  std::optional<exchange_failure> failure;
  const auto deadline = impl_->options.timeout;
  if (!url_.tls) {
    beast::tcp_stream stream(io);
    stream.expires_after(deadline);
    ec = run_step(io, [&](auto handler) {
      stream.async_connect(endpoints, [handler](beast::error_code e, const tcp::endpoint&) mutable {
        handler(e);
      });
    });
    if (ec) throw unreachable("connect", ec);
    failure = exchange(io, stream, request, parser);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  } else {
    beast::ssl_stream<beast::tcp_stream> stream(io, *impl_->tls);
    beast::get_lowest_layer(stream).expires_after(deadline);
    if (!impl_->options.insecure_skip_verify) {
      stream.set_verify_callback(ssl::host_name_verification(host));
    }
    // SNI: the name, never an IP literal (RFC 6066 §3).
    SSL_set_tlsext_host_name(stream.native_handle(), host.c_str());
    ec = run_step(io, [&](auto handler) {
      beast::get_lowest_layer(stream).async_connect(
          endpoints,
          [handler](beast::error_code e, const tcp::endpoint&) mutable { handler(e); });
    });
    if (ec) throw unreachable("connect", ec);
    ec = run_step(io, [&](auto handler) {
      stream.async_handshake(ssl::stream_base::client, handler);
    });
    if (ec) throw unreachable("TLS handshake", ec);
    failure = exchange(io, stream, request, parser);
    beast::error_code ignored;
    beast::get_lowest_layer(stream).socket().shutdown(tcp::socket::shutdown_both, ignored);
  }
  if (failure) {
    const bool timed_out = failure->ec == beast::error::timeout;
    throw error(error_class::outcome_unknown,
                timed_out ? "proxy.upstream_timeout" : "proxy.upstream_failed",
                "the upstream gave no complete reply (" + failure->step + "): " +
                    failure->ec.message());
  }

  auto& message = parser.get();
  upstream_reply reply;
  reply.status = message.result_int();
  http_headers received;
  for (const auto& field : message) {
    received.add(std::string(field.name_string()), std::string(field.value()));
  }
  for (const auto& [name, value] : received) {
    if (is_hop_by_hop(name) || listed_in_connection(received, name)) continue;
    reply.headers.add(name, value);
  }
  reply.body = std::move(message.body());
  return reply;
}

}  // namespace erpc::conformance
