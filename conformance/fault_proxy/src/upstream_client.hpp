// SPDX-License-Identifier: Apache-2.0
// The proxy's way to the target: one HTTP/1.1 exchange per forwarded request on a fresh
// connection (plain or TLS), with the whole exchange bounded by a timeout. No retries and no
// pooling: the proxy must forward exactly what the client sent, exactly once.
#pragma once

#include <erpc/host/http_headers.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace erpc::conformance {

struct upstream_url {
  bool tls = false;
  std::string host;
  std::string port;
  std::string base_path;  // "" or "/prefix" (no trailing slash): put before every target

  std::string origin() const;  // "http://host:port" as written in Location headers
  std::string host_header() const;
};

// Throws erpc::error(CONFIGURATION, "proxy.bad_upstream") unless `url` is
// http(s)://host[:port][/path] with no query, fragment or user info.
upstream_url parse_upstream_url(std::string_view url);

struct upstream_client_options {
  std::chrono::milliseconds timeout{30'000};  // connect + send + receive
  std::size_t max_body_bytes = 64u * 1024u * 1024u;
  std::string ca_file;  // TLS: trusted in addition to the system store
  bool insecure_skip_verify = false;  // TLS: no certificate check (test sandboxes only)
  bool preserve_host = false;  // forward the client's Host instead of the upstream's
};

struct upstream_reply {
  unsigned status = 0;
  http_headers headers;  // hop-by-hop fields removed
  std::string body;
};

class upstream_client {
 public:
  upstream_client(upstream_url url, upstream_client_options options);
  ~upstream_client();
  upstream_client(const upstream_client&) = delete;
  upstream_client& operator=(const upstream_client&) = delete;

  // Sends one request (hop-by-hop headers dropped, Host set to the upstream's) and reads the
  // reply. Throws erpc::error:
  //   UNAVAILABLE     proxy.upstream_unreachable  nothing was sent (resolve/connect/TLS failed)
  //   OUTCOME_UNKNOWN proxy.upstream_failed       sent, but no complete reply came back
  //   OUTCOME_UNKNOWN proxy.upstream_timeout      sent, no reply within the timeout
  upstream_reply send(std::string_view method, std::string_view target,
                      const http_headers& headers, const std::string& body) const;

  const upstream_url& url() const noexcept { return url_; }

 private:
  struct impl;
  upstream_url url_;
  std::unique_ptr<impl> impl_;
};

// RFC 9110 §7.6.1 hop-by-hop fields, which a proxy never forwards.
bool is_hop_by_hop(std::string_view name) noexcept;

}  // namespace erpc::conformance
