// SPDX-License-Identifier: Apache-2.0
// The production HTTP/1.1 server base (Boost.Beast behind a pimpl): `erpc serve` and every
// vendor simulator are an http_router of handlers on it. I/O threads only read and write;
// handlers run on a bounded pool, so a slow handler never stalls accepts or reads. Hostile
// input is answered with a canonical error body and a stable code, then the connection closes:
//   400 http.malformed          not HTTP/1.x (the parser's verdict)
//   400 http.bad_target         a target that is not origin-form or has a bad %-escape
//   408 http.timeout            the head or body did not arrive in time (plain HTTP; TLS closes)
//   413 http.body_too_large     Content-Length or chunked body beyond max_body_bytes
//   431 http.headers_too_large  request head beyond max_header_bytes
//   503 http.overloaded         the handler queue is full (Retry-After; connection kept)
//   503 http.shutting_down      a request read after stop() began
#pragma once

#include <erpc/host/http_router.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace erpc {

struct http_tls_options {
  std::string certificate_pem;  // chain, leaf first; the caller resolves secret references
  std::string private_key_pem;
};

struct http_server_options {
  std::string address = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the OS picks one; http_server::port() tells which
  std::size_t io_threads = 1;
  std::size_t handler_threads = 2;
  std::size_t max_queued_requests = 64;  // waiting for a handler thread, beyond the running
  std::size_t max_body_bytes = 4u * 1024u * 1024u;
  std::size_t max_header_bytes = 16u * 1024u;
  // First request head on a connection must be complete this long after accept (after the
  // TLS handshake, which has the same bound).
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds idle_timeout{30'000};  // keep-alive wait for the next request head
  std::chrono::milliseconds body_timeout{30'000};  // head complete → body complete
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds drain_timeout{10'000};  // stop(): in-flight handlers get this long
  std::chrono::seconds overload_retry_after{1};
  std::optional<http_tls_options> tls;
};

class http_server {
 public:
  http_server(http_server_options options, http_router router);
  ~http_server();  // stop(), then waits for every handler thread to return
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  // Binds, listens and starts the threads. Throws erpc::error(CONFIGURATION) with
  // http.bind_failed or http.tls_invalid (the message never carries key material).
  void start();
  std::uint16_t port() const noexcept;  // the bound port once started
  std::string base_url() const;         // "http://127.0.0.1:8080" or "https://…"

  // Graceful: stop accepting, close idle connections, let in-flight requests finish and be
  // answered (Connection: close) for at most drain_timeout, then close everything. Returns
  // within drain_timeout plus a moment; a handler still running is joined by the destructor.
  // Idempotent.
  void stop();

  std::size_t connections_accepted() const noexcept;
  std::size_t requests_in_flight() const noexcept;  // handed to a handler, not yet answered

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace erpc
