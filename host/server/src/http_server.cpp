// SPDX-License-Identifier: Apache-2.0
// The only Beast translation unit of the server base. Each connection is a session on its own
// strand; one steady_timer per session bounds every phase (TLS handshake, request head, body,
// write). When it fires the socket's pending operation is cancelled, so a client trickling
// bytes (slowloris) holds a socket for at most that long and never a thread. Requests go to a
// bounded erpc::worker_pool; the answer is posted back to the session's strand.
#include "erpc/host/http_server.hpp"

#include <erpc/host/worker_pool.hpp>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <type_traits>
#include <unordered_map>

namespace erpc {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace ssl = boost::asio::ssl;
using tcp = boost::asio::ip::tcp;

namespace {

error server_error(error_class cls, const char* code, std::string message) {
  return error(cls, code, std::move(message));
}

class session_base {
 public:
  virtual ~session_base() = default;
  virtual void on_stop() = 0;     // on the strand: close if idle, else close after the answer
  virtual void close_now() = 0;   // on the strand
  virtual asio::any_io_executor executor() = 0;
};

}  // namespace

// Everything sessions share; sessions hold it by shared_ptr, so it outlives the last one.
struct server_state {
  http_server_options options;
  http_router router;
  std::unique_ptr<ssl::context> tls;

  std::atomic<bool> stopping{false};
  std::atomic<std::size_t> accepted{0};

  std::mutex mutex;
  std::condition_variable changed;
  std::size_t in_flight = 0;
  std::unordered_map<session_base*, std::weak_ptr<session_base>> sessions;

  // Set by the server before I/O starts and reset only after the I/O threads have joined.
  worker_pool* pool = nullptr;

  server_state(http_server_options o, http_router r)
      : options(std::move(o)), router(std::move(r)) {}

  void request_done() {
    std::lock_guard lock(mutex);
    --in_flight;
    changed.notify_all();
  }
};

namespace {

using parser_type = bhttp::request_parser<bhttp::string_body>;
using response_type = bhttp::response<bhttp::string_body>;

std::string describe(const tcp::endpoint& ep) {
  const auto address = ep.address();
  return (address.is_v6() ? "[" + address.to_string() + "]" : address.to_string()) + ":" +
         std::to_string(ep.port());
}

template <class Stream>
class session final : public session_base,
                      public std::enable_shared_from_this<session<Stream>> {
  static constexpr bool is_tls = !std::is_same_v<Stream, tcp::socket>;
  enum class phase { handshake, reading, handling, writing, closed };

 public:
  template <class... Args>
  session(std::shared_ptr<server_state> state, std::string remote, Args&&... args)
      : state_(std::move(state)),
        stream_(std::forward<Args>(args)...),
        timer_(stream_.get_executor()),
        remote_(std::move(remote)) {}

  ~session() override {
    std::lock_guard lock(state_->mutex);
    state_->sessions.erase(this);
    state_->changed.notify_all();
  }

  asio::any_io_executor executor() override { return stream_.get_executor(); }

  void start() {
    if constexpr (is_tls) {
      phase_ = phase::handshake;
      arm(state_->options.header_timeout);
      stream_.async_handshake(ssl::stream_base::server,
                              [self = this->shared_from_this()](beast::error_code ec) {
                                if (ec) return self->close_now();
                                self->read_head();
                              });
    } else {
      read_head();
    }
  }

  void on_stop() override {
    close_after_answer_ = true;
    // A connection waiting for a request head has nothing in flight: close it now.
    if (phase_ == phase::reading && !head_done_) close_now();
    if (phase_ == phase::handshake) close_now();
  }

  void close_now() override {
    if (phase_ == phase::closed) return;
    phase_ = phase::closed;
    timer_.cancel();
    beast::error_code ignored;
    auto& socket = beast::get_lowest_layer(stream_);
    socket.shutdown(tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
  }

 private:
  // Bounds the current phase; when it fires the pending operation fails with
  // operation_aborted and `timed_out_` says why.
  void arm(std::chrono::milliseconds limit) {
    timed_out_ = false;
    const std::uint64_t generation = ++generation_;
    timer_.expires_after(limit);
    timer_.async_wait([self = this->shared_from_this(), generation](beast::error_code ec) {
      if (ec || generation != self->generation_ || self->phase_ == phase::closed) return;
      self->timed_out_ = true;
      beast::error_code ignored;
      beast::get_lowest_layer(self->stream_).cancel(ignored);
    });
  }

  void disarm() {
    ++generation_;
    timer_.cancel();
  }

  void read_head() {
    if (state_->stopping.load() || close_after_answer_) return close_now();
    phase_ = phase::reading;
    head_done_ = false;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(state_->options.max_header_bytes));
    parser_->body_limit(state_->options.max_body_bytes);
    arm(first_request_ ? state_->options.header_timeout : state_->options.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                               self->on_head(ec);
                             });
  }

  void on_head(beast::error_code ec) {
    if (ec) return on_read_error(ec);
    head_done_ = true;
    first_request_ = false;
    const auto& head = parser_->get();
    if (parser_->is_done()) return dispatch();
    const auto expect = head[bhttp::field::expect];
    if (iequals_ascii(std::string_view(expect.data(), expect.size()), "100-continue")) {
      // Say yes only now that the head passed the limits (an oversize Content-Length fails
      // in the parser before this point).
      auto interim = std::make_shared<bhttp::response<bhttp::empty_body>>(
          bhttp::status::continue_, head.version());
      arm(state_->options.write_timeout);
      bhttp::async_write(stream_, *interim,
                         [self = this->shared_from_this(), interim](beast::error_code wec,
                                                                     std::size_t) {
                           if (wec) return self->close_now();
                           self->read_body();
                         });
      return;
    }
    read_body();
  }

  void read_body() {
    arm(state_->options.body_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                        if (ec) return self->on_read_error(ec);
                        self->dispatch();
                      });
  }

  void on_read_error(beast::error_code ec) {
    if (phase_ == phase::closed) return;
    if (timed_out_) {
      // Nothing of a next request arrived: an idle keep-alive connection just ends.
      const bool started = head_done_ || buffer_.size() > 0 || parser_->got_some();
      if (!started || is_tls) return close_now();
      return refuse(408,
                    server_error(error_class::unavailable, "http.timeout",
                                 "the request did not arrive in time"));
    }
    // Socket errors (reset, eof, aborted by stop) and a client that left mid-message: no one
    // is there to read an answer.
    if (ec.category() != beast::error_code(bhttp::error::body_limit).category() ||
        ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
      return close_now();
    }
    if (ec == bhttp::error::body_limit) {
      return refuse(413, server_error(error_class::validation, "http.body_too_large",
                                      "the request body is larger than " +
                                          std::to_string(state_->options.max_body_bytes) +
                                          " bytes"));
    }
    if (ec == bhttp::error::header_limit) {
      return refuse(431, server_error(error_class::validation, "http.headers_too_large",
                                      "the request head is larger than " +
                                          std::to_string(state_->options.max_header_bytes) +
                                          " bytes"));
    }
    refuse(400, server_error(error_class::validation, "http.malformed",
                             "malformed HTTP request: " + ec.message()));
  }

  // Answers a request the server itself refuses, then closes: the rest of the stream cannot
  // be trusted to start at a message boundary.
  void refuse(unsigned status, const error& e) {
    close_after_answer_ = true;
    linger_ = true;
    write(error_response(status, e), 11, false);
  }

  // After a refusal the client may still be sending; closing with unread bytes would reset
  // the connection and could destroy the answer before the client reads it. So: half-close,
  // discard what arrives for a short, fixed time, then close (nginx's lingering close).
  void linger_close() {
    beast::error_code ignored;
    beast::get_lowest_layer(stream_).shutdown(tcp::socket::shutdown_send, ignored);
    arm(std::chrono::milliseconds(1000));
    discard();
  }

  void discard() {
    buffer_.consume(buffer_.size());
    beast::get_lowest_layer(stream_).async_read_some(
        buffer_.prepare(4096),
        [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
          if (ec) return self->close_now();
          self->discard();
        });
  }

  void dispatch() {
    auto& message = parser_->get();
    server_request request;
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    const auto question = request.target.find('?');
    request.path = request.target.substr(0, question);
    const bool keep_alive = message.keep_alive();
    const unsigned version = message.version();
    for (const auto& field : message) {
      request.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
    request.body = std::move(message.body());
    request.remote_address = remote_;

    std::optional<http_params> query;
    if (question != std::string::npos) {
      query = parse_query(std::string_view(request.target).substr(question + 1));
    } else {
      query.emplace();
    }
    if (request.path.empty() || request.path.front() != '/' || !query) {
      close_after_answer_ = true;
      return write(error_response(400, server_error(error_class::validation, "http.bad_target",
                                                    "the request target must be an origin-form "
                                                    "path with valid percent-escapes")),
                   version, false);
    }
    request.query_params = std::move(*query);

    if (state_->stopping.load()) {
      close_after_answer_ = true;
      return write(error_response(503, server_error(error_class::unavailable,
                                                    "http.shutting_down",
                                                    "the server is shutting down")),
                   version, false);
    }

    phase_ = phase::handling;
    disarm();
    {
      std::lock_guard lock(state_->mutex);
      ++state_->in_flight;
    }
    auto job = [self = this->shared_from_this(), request = std::move(request), keep_alive,
                version]() mutable {
      server_response response = self->state_->router.dispatch(request);
      asio::post(self->stream_.get_executor(),
                 [self, response = std::move(response), keep_alive, version]() mutable {
                   self->answered_ = true;
                   self->write(std::move(response), version, keep_alive);
                 });
    };
    if (!state_->pool->submit(std::move(job))) {
      state_->request_done();
      auto e = server_error(error_class::unavailable, "http.overloaded",
                            "the server is busy; retry later");
      using std::chrono::milliseconds;
      e.with_retry_after_ms(
          std::chrono::duration_cast<milliseconds>(state_->options.overload_retry_after).count());
      return write(error_response(503, e), version, keep_alive);
    }
  }

  // An abortive close: SO_LINGER with a zero timeout makes close() send RST instead of FIN,
  // so the client's next read fails with ECONNRESET.
  void reset_now() {
    if (phase_ == phase::closed) return;
    phase_ = phase::closed;
    timer_.cancel();
    beast::error_code ignored;
    auto& socket = beast::get_lowest_layer(stream_);
    socket.set_option(asio::socket_base::linger(true, 0), ignored);
    socket.close(ignored);
  }

  void write(server_response response, unsigned version, bool keep_alive) {
    if (phase_ == phase::closed) return finish_request();
    if (response.delivery == http_delivery::reset) {
      finish_request();
      return reset_now();
    }
    if (response.delivery == http_delivery::close) {
      finish_request();
      return close_now();
    }
    phase_ = phase::writing;
    auto out = std::make_shared<response_type>();
    out->version(version == 10 ? 10 : 11);
    // A status outside 100–599 is a handler bug; Beast would throw on it.
    out->result(response.status >= 100 && response.status <= 599 ? response.status : 500u);
    for (const auto& [name, value] : response.headers) {
      if (iequals_ascii(name, "Content-Length") || iequals_ascii(name, "Connection") ||
          iequals_ascii(name, "Transfer-Encoding")) {
        continue;
      }
      out->insert(name, value);
    }
    // RFC 9110 §6.4.1: a 1xx, 204 or 304 answer has no body (and Beast throws on one).
    const unsigned status = out->result_int();
    if (status < 200 || status == 204 || status == 304) response.body.clear();
    out->body() = std::move(response.body);
    const bool truncate = response.delivery == http_delivery::truncated_body;
    out->keep_alive(keep_alive && !truncate && !close_after_answer_ &&
                    !state_->stopping.load());
    out->prepare_payload();
    arm(state_->options.write_timeout);
    if (truncate) return write_truncated(std::move(out), response.truncated_body_bytes);
    bhttp::async_write(stream_, *out,
                       [self = this->shared_from_this(), out](beast::error_code ec, std::size_t) {
                         self->finish_request();
                         if (!ec && self->linger_) return self->linger_close();
                         if (ec || !out->keep_alive()) return self->close_now();
                         self->read_head();
                       });
  }

  // The head announces the whole body (prepare_payload ran on it), but only `keep` bytes of
  // the body follow before the close: the client sees a message cut short.
  void write_truncated(std::shared_ptr<response_type> out, std::size_t keep) {
    keep = std::min(keep, out->body().size() == 0 ? std::size_t{0} : out->body().size() - 1);
    auto serializer = std::make_shared<bhttp::response_serializer<bhttp::string_body>>(*out);
    bhttp::async_write_header(
        stream_, *serializer,
        [self = this->shared_from_this(), out, serializer, keep](beast::error_code ec,
                                                                 std::size_t) {
          if (ec) {
            self->finish_request();
            return self->close_now();
          }
          asio::async_write(self->stream_, asio::buffer(out->body().data(), keep),
                            [self, out, serializer](beast::error_code, std::size_t) {
                              self->finish_request();
                              self->close_now();
                            });
        });
  }

  // The answer to a handled request is out (or cannot be): it no longer counts as in flight.
  void finish_request() {
    if (!answered_) return;
    answered_ = false;
    state_->request_done();
  }

  std::shared_ptr<server_state> state_;
  Stream stream_;
  asio::steady_timer timer_;
  std::string remote_;
  beast::flat_buffer buffer_;
  std::optional<parser_type> parser_;
  phase phase_ = phase::reading;
  std::uint64_t generation_ = 0;
  bool timed_out_ = false;
  bool head_done_ = false;
  bool first_request_ = true;
  bool close_after_answer_ = false;
  bool answered_ = false;  // a handler's answer is being written
  bool linger_ = false;
};

}  // namespace

struct http_server::impl {
  // Destruction order matters: the pool (whose jobs hold sessions) goes before the
  // io_context their sockets belong to.
  asio::io_context io;
  std::shared_ptr<server_state> state;
  std::unique_ptr<worker_pool> pool;
  tcp::acceptor acceptor{asio::make_strand(io)};
  asio::steady_timer accept_retry{acceptor.get_executor()};
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::vector<std::thread> threads;
  std::uint16_t port = 0;
  bool started = false;
  bool stopped = false;

  impl(http_server_options options, http_router router)
      : state(std::make_shared<server_state>(std::move(options), std::move(router))) {}

  ~impl() {
    stop();
    pool.reset();  // joins handler threads; answers they post are dropped with the io_context
  }

  void make_tls() {
    const auto& tls = *state->options.tls;
    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    beast::error_code ec;
    context->use_certificate_chain(asio::buffer(tls.certificate_pem), ec);
    if (!ec) context->use_private_key(asio::buffer(tls.private_key_pem), ssl::context::pem, ec);
    if (ec) {
      // OpenSSL's reason string names the problem, never the key bytes.
      throw server_error(error_class::configuration, "http.tls_invalid",
                         "the TLS certificate or private key cannot be used: " + ec.message());
    }
    state->tls = std::move(context);
  }

  void start() {
    if (started) return;
    auto& options = state->options;
    if (options.tls) make_tls();
    beast::error_code ec;
    const auto address = asio::ip::make_address(options.address, ec);
    if (ec) {
      throw server_error(error_class::configuration, "http.bind_failed",
                         "not an IP address: " + options.address);
    }
    const tcp::endpoint endpoint(address, options.port);
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor.bind(endpoint, ec);
    if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
      throw server_error(error_class::configuration, "http.bind_failed",
                         "cannot listen on " + describe(endpoint) + ": " + ec.message());
    }
    port = acceptor.local_endpoint().port();
    pool = std::make_unique<worker_pool>(options.handler_threads, options.max_queued_requests);
    state->pool = pool.get();
    work.emplace(io.get_executor());
    started = true;
    accept();
    const std::size_t n = options.io_threads == 0 ? 1 : options.io_threads;
    for (std::size_t i = 0; i < n; ++i) threads.emplace_back([this] { io.run(); });
  }

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (state->stopping.load() || ec == asio::error::operation_aborted) return;
      if (ec) {
        // Out of descriptors and the like: back off briefly rather than spin.
        accept_retry.expires_after(std::chrono::milliseconds(50));
        accept_retry.async_wait([this](beast::error_code wec) {
          if (!wec) accept();
        });
        return;
      }
      ++state->accepted;
      beast::error_code ignored;
      std::string remote = describe(socket.remote_endpoint(ignored));
      std::shared_ptr<session_base> created;
      if (state->tls) {
        auto s = std::make_shared<session<ssl::stream<tcp::socket>>>(state, std::move(remote),
                                                                     std::move(socket),
                                                                     *state->tls);
        register_session(s);
        s->start();
      } else {
        auto s = std::make_shared<session<tcp::socket>>(state, std::move(remote),
                                                        std::move(socket));
        register_session(s);
        s->start();
      }
      accept();
    });
  }

  void register_session(const std::shared_ptr<session_base>& s) {
    std::lock_guard lock(state->mutex);
    state->sessions.emplace(s.get(), s);
  }

  std::vector<std::shared_ptr<session_base>> live_sessions() {
    std::vector<std::shared_ptr<session_base>> out;
    std::lock_guard lock(state->mutex);
    for (auto& [ptr, weak] : state->sessions) {
      if (auto s = weak.lock()) out.push_back(std::move(s));
    }
    return out;
  }

  void stop() {
    if (!started || stopped) return;
    stopped = true;
    state->stopping.store(true);
    asio::post(acceptor.get_executor(), [this] {
      beast::error_code ignored;
      acceptor.close(ignored);
      accept_retry.cancel();
    });
    for (auto& s : live_sessions()) asio::post(s->executor(), [s] { s->on_stop(); });

    {
      std::unique_lock lock(state->mutex);
      state->changed.wait_for(lock, state->options.drain_timeout,
                              [this] { return state->in_flight == 0; });
    }
    // Whatever is left (a handler past the drain timeout, a half-read request) is cut off.
    for (auto& s : live_sessions()) asio::post(s->executor(), [s] { s->close_now(); });
    work.reset();
    {
      // Closed sessions end once their cancelled operations have completed; a session whose
      // handler still runs stays registered, so this wait is bounded.
      std::unique_lock lock(state->mutex);
      state->changed.wait_for(lock, std::chrono::seconds(1), [this] {
        for (auto& [ptr, weak] : state->sessions) {
          if (!weak.expired()) return false;
        }
        return true;
      });
    }
    io.stop();
    for (auto& t : threads) t.join();
    threads.clear();
  }
};

http_server::http_server(http_server_options options, http_router router)
    : impl_(std::make_unique<impl>(std::move(options), std::move(router))) {}

http_server::~http_server() = default;

void http_server::start() { impl_->start(); }

std::uint16_t http_server::port() const noexcept { return impl_->port; }

std::string http_server::base_url() const {
  const auto& options = impl_->state->options;
  const bool v6 = options.address.find(':') != std::string::npos;
  return std::string(options.tls ? "https://" : "http://") + (v6 ? "[" : "") + options.address +
         (v6 ? "]" : "") + ":" + std::to_string(impl_->port);
}

void http_server::stop() { impl_->stop(); }

std::size_t http_server::connections_accepted() const noexcept {
  return impl_->state->accepted.load();
}

std::size_t http_server::requests_in_flight() const noexcept {
  std::lock_guard lock(impl_->state->mutex);
  return impl_->state->in_flight;
}

}  // namespace erpc
