// SPDX-License-Identifier: Apache-2.0
// Method + path-pattern routing for the server base. A pattern is literal segments and
// `{name}` segments ("/v1/connections/{connection}/{object}/{op}"); a `{name}` matches one
// non-empty segment, percent-decoded into request.path_params. Routes are tried in the order
// they were added. No match → 404 http.not_found; the path matches but not the method → 405
// http.method_not_allowed with Allow. Middleware wraps every request, 404/405 included.
//
// dispatch() is also where handler failures become answers: an erpc::error → its canonical
// body with http_status_for(class); any other exception → 500 http.handler_failed (the text
// goes to the log only, since what() may carry anything). It echoes `traceparent` and sets
// the log correlation id (log_context.hpp) while the handler runs.
#pragma once

#include <erpc/host/server_request.hpp>
#include <erpc/host/server_response.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace spdlog {
class logger;
}

namespace erpc {

using http_handler = std::function<server_response(const server_request&)>;
using http_middleware =
    std::function<server_response(const server_request&, const http_handler& next)>;

class http_router {
 public:
  explicit http_router(std::shared_ptr<spdlog::logger> logger = nullptr);

  // Throws erpc::error(CONFIGURATION, "http.bad_route") for a malformed pattern.
  http_router& add(std::string method, std::string_view pattern, http_handler handler);
  http_router& get(std::string_view pattern, http_handler h) { return add("GET", pattern, h); }
  http_router& post(std::string_view pattern, http_handler h) { return add("POST", pattern, h); }
  http_router& put(std::string_view pattern, http_handler h) { return add("PUT", pattern, h); }
  http_router& del(std::string_view pattern, http_handler h) {
    return add("DELETE", pattern, h);
  }
  // The first middleware added is the outermost.
  http_router& use(http_middleware middleware);

  // Routes, runs middleware and handler, maps failures; never throws.
  server_response dispatch(server_request& request) const;

 private:
  struct route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // literal, or "{name}"
    http_handler handler;
  };

  server_response run(const server_request& request, const http_handler& last) const;

  std::shared_ptr<spdlog::logger> logger_;
  std::vector<route> routes_;
  std::vector<http_middleware> middleware_;
};

}  // namespace erpc
