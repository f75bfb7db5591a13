// SPDX-License-Identifier: Apache-2.0
#include "erpc/host/http_router.hpp"

#include "erpc/host/log_context.hpp"

#include <spdlog/logger.h>

#include <algorithm>
#include <exception>

namespace erpc {

namespace {

bool is_param(std::string_view segment) noexcept {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// "/a/b/" → {"a", "b", ""}; "/" → {""}. The caller ensures a leading '/'.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> segments;
  path.remove_prefix(1);
  for (;;) {
    const auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

error bad_route(std::string_view pattern, std::string_view why) {
  return error(error_class::configuration, "http.bad_route",
               "route pattern '" + std::string(pattern) + "': " + std::string(why));
}

}  // namespace

http_router::http_router(std::shared_ptr<spdlog::logger> logger) : logger_(std::move(logger)) {}

http_router& http_router::add(std::string method, std::string_view pattern,
                              http_handler handler) {
  if (method.empty()) throw bad_route(pattern, "empty method");
  if (!handler) throw bad_route(pattern, "no handler");
  if (pattern.empty() || pattern.front() != '/') throw bad_route(pattern, "must start with '/'");
  route r{std::move(method), std::string(pattern), {}, std::move(handler)};
  std::vector<std::string_view> names;
  for (const auto segment : split_path(pattern)) {
    const bool has_brace = segment.find_first_of("{}") != std::string_view::npos;
    if (has_brace && !is_param(segment)) {
      throw bad_route(pattern, "a parameter must be a whole segment '{name}'");
    }
    if (is_param(segment)) {
      const auto name = segment.substr(1, segment.size() - 2);
      if (std::find(names.begin(), names.end(), name) != names.end()) {
        throw bad_route(pattern, "parameter '" + std::string(name) + "' appears twice");
      }
      names.push_back(name);
    }
    r.segments.emplace_back(segment);
  }
  routes_.push_back(std::move(r));
  return *this;
}

http_router& http_router::use(http_middleware middleware) {
  middleware_.push_back(std::move(middleware));
  return *this;
}

server_response http_router::run(const server_request& request, const http_handler& last) const {
  // Middleware i calls next = middleware i+1 … and finally the handler.
  std::function<server_response(std::size_t)> step = [&](std::size_t i) -> server_response {
    if (i == middleware_.size()) return last(request);
    const http_handler next = [&step, i](const server_request&) { return step(i + 1); };
    return middleware_[i](request, next);
  };
  return step(0);
}

server_response http_router::dispatch(server_request& request) const {
  if (auto incoming = traceparent::parse(request.header("traceparent"))) {
    request.trace = std::move(*incoming);
  }
  const std::string correlation_id = request.correlation_id();
  log_context_scope log_scope(correlation_id);

  const auto guarded = [&](const http_handler& handler) -> http_handler {
    return [&, handler](const server_request& r) -> server_response {
      try {
        return handler(r);
      } catch (const error& e) {
        return error_response(e, correlation_id);
      } catch (const std::exception& e) {
        if (logger_) logger_->error("handler for {} {} threw: {}", r.method, r.route, e.what());
      } catch (...) {
        if (logger_) logger_->error("handler for {} {} threw a non-exception", r.method, r.route);
      }
      return error_response(500,
                            error(error_class::internal, "http.handler_failed",
                                  "the request handler failed; the server log has the detail"),
                            correlation_id);
    };
  };

  http_handler last;
  const auto segments = split_path(request.path.empty() ? std::string_view("/")
                                                      : std::string_view(request.path));
  std::vector<std::string> allowed;
  bool bad_escape = false;
  for (const auto& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    http_params params;
    bool match = true;
    for (std::size_t i = 0; i < segments.size() && match; ++i) {
      if (is_param(r.segments[i])) {
        auto value = percent_decode(segments[i], false);
        if (!value) bad_escape = true;
        match = value && !value->empty();
        if (match) {
          params.emplace_back(r.segments[i].substr(1, r.segments[i].size() - 2),
                              std::move(*value));
        }
      } else {
        match = r.segments[i] == segments[i];
      }
    }
    if (!match) continue;
    if (r.method != request.method) {
      if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end()) {
        allowed.push_back(r.method);
      }
      continue;
    }
    request.route = r.pattern;
    request.path_params = std::move(params);
    last = r.handler;
    break;
  }
  if (!last) {
    if (bad_escape && allowed.empty()) {
      last = [&](const server_request&) {
        return error_response(400,
                              error(error_class::validation, "http.bad_target",
                                    "the request path has a malformed percent-escape"),
                              correlation_id);
      };
    } else if (!allowed.empty()) {
      std::string allow;
      for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
      last = [&, allow](const server_request& r) {
        auto response = error_response(
            405,
            error(error_class::unsupported, "http.method_not_allowed",
                  "method " + r.method + " is not allowed here; allowed: " + allow),
            correlation_id);
        response.headers.set("Allow", allow);
        return response;
      };
    } else {
      last = [&](const server_request&) {
        return error_response(
            404, error(error_class::not_found, "http.not_found", "no such resource"),
            correlation_id);
      };
    }
  }

  server_response response = guarded([&](const server_request& r) { return run(r, guarded(last)); })(
      request);
  response.headers.set("traceparent", request.trace.to_string());
  return response;
}

}  // namespace erpc
