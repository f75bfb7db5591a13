// SPDX-License-Identifier: Apache-2.0
#include "erpc/sim/simulator_server.hpp"

#include "control_api.hpp"

#include <erpc/host/http_server.hpp>

namespace erpc::sim {

bool is_control_path(std::string_view path) noexcept {
  return path == "/_sim" || path.rfind("/_sim/", 0) == 0;
}

struct simulator_server::impl {
  std::unique_ptr<http_server> server;
};

namespace {

// Outermost middleware: logs every vendor request with the status it finally got (auth
// refusals and throttling included).
http_middleware request_logging(simulator_context& context) {
  return [&context](const server_request& req, const http_handler& next) {
    server_response res = next(req);
    if (!is_control_path(req.path)) {
      logged_request entry;
      entry.method = req.method;
      entry.target = req.target;
      entry.headers = req.headers;
      entry.body = req.body;
      entry.body_bytes = req.body.size();
      entry.status = res.status;
      context.requests().append(std::move(entry));
    }
    return res;
  };
}

}  // namespace

simulator_server::simulator_server(std::unique_ptr<vendor_simulator> vendor,
                                   simulator_options options)
    : vendor_(std::move(vendor)), impl_(std::make_unique<impl>()) {
  context_ = std::make_unique<simulator_context>(vendor_->settings(), options.request_log_capacity);
  http_router router(options.logger);
  router.use(request_logging(*context_));
  add_control_routes(router, *this);
  vendor_->install(router, *context_);

  http_server_options server_options;
  server_options.address = options.address;
  server_options.port = options.port;
  server_options.handler_threads = options.handler_threads;
  server_options.max_queued_requests = options.max_queued_requests;
  server_options.max_body_bytes = options.max_body_bytes;
  impl_->server = std::make_unique<http_server>(server_options, std::move(router));
}

simulator_server::~simulator_server() {
  stop();
  // The vendor goes before the context it was given: a vendor's own background thread (the
  // bank simulator's poll loop) may read settings until the vendor is destroyed.
  vendor_.reset();
}

void simulator_server::start() { impl_->server->start(); }
void simulator_server::stop() { impl_->server->stop(); }
std::uint16_t simulator_server::port() const noexcept { return impl_->server->port(); }
std::string simulator_server::base_url() const { return impl_->server->base_url(); }

std::size_t simulator_server::requests_in_flight() const noexcept {
  return impl_->server->requests_in_flight();
}

void simulator_server::reset(bool restore_default_settings) {
  vendor_->reset();
  context_->effects().clear();
  context_->requests().clear();
  if (restore_default_settings) context_->settings().restore_defaults();
}

}  // namespace erpc::sim
