// SPDX-License-Identifier: Apache-2.0
// Thread-per-connection synchronous Beast server. Shutdown works by shutting down the listening
// and connected sockets (which wakes blocked accept/read calls) and joining every thread.
#include "support/loopback_http_server.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <set>
#include <thread>

namespace erpc::testing {

namespace asio = boost::asio;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

std::string raw_head(const loopback_response& r, std::size_t content_length) {
  std::string head = "HTTP/1.1 " + std::to_string(r.status) + " X\r\n";
  for (const auto& [name, value] : r.headers) {
    if (iequals(name, "content-length")) continue;
    head += name + ": " + value + "\r\n";
  }
  head += "Content-Length: " + std::to_string(content_length) + "\r\n\r\n";
  return head;
}

}  // namespace

std::string loopback_request::header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (iequals(n, name)) return v;
  }
  return {};
}

bool loopback_request::has_header(std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& h) { return iequals(h.first, name); });
}

struct loopback_http_server::impl {
  explicit impl(handler h) : handler_(std::move(h)), acceptor_(io_) {
    tcp::endpoint ep(asio::ip::make_address("127.0.0.1"), 0);
    acceptor_.open(ep.protocol());
    acceptor_.set_option(tcp::acceptor::reuse_address(true));
    acceptor_.bind(ep);
    acceptor_.listen();
    port_ = acceptor_.local_endpoint().port();
    accept_thread_ = std::thread([this] { accept_loop(); });
  }

  ~impl() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      for (int fd : live_fds_) ::shutdown(fd, SHUT_RDWR);
    }
    stop_cv_.notify_all();
    ::shutdown(acceptor_.native_handle(), SHUT_RDWR);
    if (accept_thread_.joinable()) accept_thread_.join();
    std::vector<std::thread> threads;
    {
      std::lock_guard lock(mutex_);
      threads.swap(connection_threads_);
    }
    for (auto& t : threads) t.join();
  }

  void accept_loop() {
    for (;;) {
      auto socket = std::make_shared<tcp::socket>(io_);
      boost::system::error_code ec;
      acceptor_.accept(*socket, ec);
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      if (ec) continue;
      ++connections_;
      live_fds_.insert(socket->native_handle());
      connection_threads_.emplace_back([this, socket] { serve(*socket); });
    }
  }

  // Waits `d` unless the server stops first; returns false when stopping.
  bool wait_for(std::chrono::milliseconds d) {
    std::unique_lock lock(mutex_);
    return !stop_cv_.wait_for(lock, d, [this] { return stopping_; });
  }

  void serve(tcp::socket& socket) {
    const int fd = socket.native_handle();
    bool reset = false;
    {
      std::lock_guard lock(mutex_);
      if (resets_pending_ > 0) {
        --resets_pending_;
        reset = true;
      }
    }
    if (reset) {
      // SO_LINGER 0 makes close() send RST instead of FIN.
      boost::system::error_code ignored;
      socket.set_option(asio::socket_base::linger(true, 0), ignored);
    } else {
      serve_requests(socket);
    }
    std::lock_guard lock(mutex_);
    live_fds_.erase(fd);
    boost::system::error_code ignored;
    socket.close(ignored);
  }

  void serve_requests(tcp::socket& socket) {
    boost::beast::flat_buffer buffer;
    for (;;) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(64u * 1024u * 1024u);
      boost::system::error_code ec;
      http::read(socket, buffer, parser, ec);
      if (ec) return;
      auto& msg = parser.get();
      loopback_request req;
      req.method = std::string(msg.method_string());
      req.target = std::string(msg.target());
      for (const auto& field : msg) {
        req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
      }
      req.body = msg.body();
      {
        std::lock_guard lock(mutex_);
        received_.push_back(req);
      }
      requests_count_.fetch_add(1);

      loopback_response resp;
      try {
        resp = handler_(req);
      } catch (const std::exception& e) {
        resp = loopback_response{500, {}, std::string("handler threw: ") + e.what()};
      }
      if (resp.delay.count() > 0 && !wait_for(resp.delay)) return;
      switch (resp.action) {
        case loopback_action::close_without_answer: return;
        case loopback_action::truncated_body: {
          const std::string out = raw_head(resp, resp.body.size()) +
                                  resp.body.substr(0, resp.body.size() / 2);
          asio::write(socket, asio::buffer(out), ec);
          return;
        }
        case loopback_action::answer: break;
      }
      const std::string out = raw_head(resp, resp.body.size()) + resp.body;
      asio::write(socket, asio::buffer(out), ec);
      if (ec || !msg.keep_alive()) return;
    }
  }

  handler handler_;
  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::uint16_t port_ = 0;
  std::thread accept_thread_;

  mutable std::mutex mutex_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::set<int> live_fds_;
  std::vector<std::thread> connection_threads_;
  std::size_t resets_pending_ = 0;
  std::size_t connections_ = 0;
  std::vector<loopback_request> received_;
  std::atomic<std::size_t> requests_count_{0};
};

loopback_http_server::loopback_http_server(handler h)
    : impl_(std::make_unique<impl>(std::move(h))) {}
loopback_http_server::~loopback_http_server() = default;

std::uint16_t loopback_http_server::port() const noexcept { return impl_->port_; }

std::string loopback_http_server::base_url() const {
  return "http://127.0.0.1:" + std::to_string(impl_->port_);
}

void loopback_http_server::reset_next_connections(std::size_t n) {
  std::lock_guard lock(impl_->mutex_);
  impl_->resets_pending_ += n;
}

std::size_t loopback_http_server::requests_received() const noexcept {
  return impl_->requests_count_.load();
}

std::size_t loopback_http_server::connections_accepted() const noexcept {
  std::lock_guard lock(impl_->mutex_);
  return impl_->connections_;
}

std::vector<loopback_request> loopback_http_server::requests() const {
  std::lock_guard lock(impl_->mutex_);
  return impl_->received_;
}

}  // namespace erpc::testing
