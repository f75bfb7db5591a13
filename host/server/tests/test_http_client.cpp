// SPDX-License-Identifier: Apache-2.0
#include "test_http_client.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <cctype>
#include <optional>

namespace erpc::test {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;

// Asio's blocking reads ignore SO_RCVTIMEO (they poll without a limit), so every operation
// here is asynchronous and run for at most the deadline.
struct test_connection::impl {
  asio::io_context io;
  tcp::socket socket{io};
  std::unique_ptr<ssl::context> context;
  std::unique_ptr<ssl::stream<tcp::socket&>> tls;
  std::chrono::milliseconds timeout;
  std::string pending;  // bytes read past the last response

  template <class Start>
  boost::system::error_code run(Start start, std::size_t* transferred = nullptr) {
    std::optional<boost::system::error_code> result;
    start([&](boost::system::error_code ec, std::size_t n) {
      result = ec;
      if (transferred) *transferred = n;
    });
    io.restart();
    io.run_for(timeout);
    if (!result) {
      boost::system::error_code ignored;
      socket.cancel(ignored);
      io.restart();
      io.run();
      return asio::error::timed_out;
    }
    return *result;
  }

  boost::system::error_code read_some(char* data, std::size_t size, std::size_t& n) {
    return run(
        [&](auto handler) {
          if (tls) {
            tls->async_read_some(asio::buffer(data, size), handler);
          } else {
            socket.async_read_some(asio::buffer(data, size), handler);
          }
        },
        &n);
  }

  bool fill() {
    char chunk[8192];
    std::size_t n = 0;
    if (read_some(chunk, sizeof chunk, n) || n == 0) return false;
    pending.append(chunk, n);
    return true;
  }
};

test_connection::test_connection(std::uint16_t port, std::string tls_ca_pem,
                                 std::chrono::milliseconds read_timeout)
    : impl_(std::make_unique<impl>()) {
  impl_->timeout = read_timeout;
  impl_->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  impl_->socket.set_option(tcp::no_delay(true));
  if (!tls_ca_pem.empty()) {
    impl_->context = std::make_unique<ssl::context>(ssl::context::tls_client);
    impl_->context->add_certificate_authority(asio::buffer(tls_ca_pem));
    impl_->context->set_verify_mode(ssl::verify_peer);
    impl_->tls = std::make_unique<ssl::stream<tcp::socket&>>(impl_->socket, *impl_->context);
    impl_->tls->set_verify_callback(ssl::host_name_verification("localhost"));
    const auto ec = impl_->run([&](auto handler) {
      impl_->tls->async_handshake(ssl::stream_base::client,
                                  [handler](boost::system::error_code e) { handler(e, 0); });
    });
    if (ec) throw boost::system::system_error(ec, "TLS handshake");
  }
}

test_connection::~test_connection() = default;

bool test_connection::send(std::string_view bytes) {
  const auto ec = impl_->run([&](auto handler) {
    if (impl_->tls) {
      asio::async_write(*impl_->tls, asio::buffer(bytes.data(), bytes.size()), handler);
    } else {
      asio::async_write(impl_->socket, asio::buffer(bytes.data(), bytes.size()), handler);
    }
  });
  return !ec;
}

std::optional<client_response> test_connection::read_response() {
  auto& p = impl_->pending;
  std::size_t head_end;
  while ((head_end = p.find("\r\n\r\n")) == std::string::npos) {
    if (!impl_->fill()) return std::nullopt;
  }
  client_response r;
  const std::string head = p.substr(0, head_end);
  if (head.rfind("HTTP/1.", 0) != 0 || head.size() < 12) return std::nullopt;
  r.status = static_cast<unsigned>(std::stoul(head.substr(9, 3)));
  std::size_t pos = head.find("\r\n");
  while (pos != std::string::npos && pos < head.size()) {
    const std::size_t next = head.find("\r\n", pos + 2);
    const std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos
                                                                            : next - pos - 2);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      r.headers[name] = value;
    }
    pos = next;
  }
  const std::size_t length =
      r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
  while (p.size() < head_end + 4 + length) {
    if (!impl_->fill()) return std::nullopt;
  }
  r.body = p.substr(head_end + 4, length);
  p.erase(0, head_end + 4 + length);
  return r;
}

bool test_connection::closed_by_peer(std::chrono::milliseconds within) {
  const auto deadline = std::chrono::steady_clock::now() + within;
  const auto saved = impl_->timeout;
  char chunk[4096];
  bool closed = false;
  while (std::chrono::steady_clock::now() < deadline) {
    impl_->timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    std::size_t n = 0;
    const auto ec = impl_->read_some(chunk, sizeof chunk, n);
    if (!ec) continue;  // discard whatever still arrives
    closed = ec != asio::error::timed_out;
    break;
  }
  impl_->timeout = saved;
  return closed;
}

std::string make_request(std::string_view method, std::string_view target, std::string_view body,
                         std::string_view extra_headers) {
  std::string out = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
  out += "Host: 127.0.0.1\r\n";
  out += extra_headers;
  if (!body.empty() || method == "POST" || method == "PUT") {
    out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  out += "\r\n";
  out += body;
  return out;
}

std::optional<client_response> call(std::uint16_t port, std::string_view method,
                                    std::string_view target, std::string_view body,
                                    std::string_view extra_headers) {
  test_connection c(port);
  if (!c.send(make_request(method, target, body, extra_headers))) return std::nullopt;
  return c.read_response();
}

}  // namespace erpc::test
