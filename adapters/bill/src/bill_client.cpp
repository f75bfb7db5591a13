// SPDX-License-Identifier: Apache-2.0
#include "bill_client.hpp"

#include <erpc/adapters/exact_json.hpp>

#include <chrono>

namespace erpc::bill {

namespace {

constexpr std::int64_t wait_without_deadline_ms = 30'000;

}  // namespace

bill_client::bill_client(host_ref host, connection_config config, call_context& ctx)
    : http_(host), config_(std::move(config)),
      limiter_(request_limiter::for_organization(config_.organization_id)) {
  // Resolved now so a broken reference fails open(); the login happens on first use.
  for (const auto* ref : {&config_.username_ref, &config_.password_ref, &config_.dev_key_ref}) {
    (void)ctx.resolve_secret(*ref);
  }
}

std::int64_t bill_client::now_ms(call_context& ctx) const {
  const auto host_now = ctx.now_unix_ms();
  if (host_now != 0) return host_now;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string bill_client::login(call_context& ctx) {
  http_request req;
  req.method = "POST";
  req.url = config_.base_url + api_root + "login";
  req.headers.emplace_back("devKey", ctx.resolve_secret(config_.dev_key_ref));
  req.headers.emplace_back("Content-Type", "application/json");
  req.headers.emplace_back("Accept", "application/json");
  req.body = nlohmann::json{{"username", ctx.resolve_secret(config_.username_ref)},
                            {"password", ctx.resolve_secret(config_.password_ref)},
                            {"organizationId", config_.organization_id}}
                 .dump();
  auto res = http_.send(req, ctx.abi_call());
  if (!res.ok() && res.request_sent) {
    // A login writes nothing: its lost reply is only unavailability.
    throw error(error_class::unavailable, "bill.login_reply_lost",
                "BILL login sent but no complete reply: " + res.transport_message)
        .with_effect(effect::none);
  }
  throw_for_transport(res);
  if (res.status != 200) {
    auto e = map_vendor_error(res, call_kind::read, now_ms(ctx));
    if (res.status == 401 || res.status == 403 || e.cls() == error_class::validation) {
      // BDC_1101 / BDC_1102: the credentials, never echoed.
      throw error(error_class::authentication, e.code(),
                  "BILL refused the login (" + e.code() + "): check the user name, password, "
                  "organisation id and developer key behind the configured references")
          .with_effect(effect::none)
          .with_vendor({res.status, e.vendor() ? e.vendor()->code : "", "", ""});
    }
    throw e;
  }
  nlohmann::json doc;
  try {
    doc = adapters::parse_exact(res.body);
  } catch (const std::exception&) {
    throw malformed_response("the login answer is not JSON", call_kind::read, res.status);
  }
  const auto it = doc.is_object() ? doc.find("sessionId") : doc.end();
  if (!doc.is_object() || it == doc.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw malformed_response("the login answer has no sessionId", call_kind::read, res.status);
  }
  ctx.log(log_level::info, "logged in to BILL organisation " + config_.organization_id);
  return *it;
}

std::string bill_client::session(call_context& ctx, const std::string& stale) {
  {
    const std::lock_guard lock(mutex_);
    if (!session_id_.empty() && session_id_ != stale) return session_id_;
  }
  auto fresh = login(ctx);
  const std::lock_guard lock(mutex_);
  session_id_ = fresh;
  return fresh;
}

http_response bill_client::send(const std::string& method, const std::string& path,
                                const std::string& body, call_kind kind, call_context& ctx) {
  const auto deadline = ctx.deadline_unix_ms();
  const auto wait_ms = deadline > 0 ? deadline - now_ms(ctx) : wait_without_deadline_ms;
  const auto slot = limiter_->acquire(config_.max_concurrent_requests, wait_ms);
  auto attempt = [&](const std::string& session_id) {
    http_request req;
    req.method = method;
    req.url = config_.base_url + api_root + path;
    req.headers.emplace_back("devKey", ctx.resolve_secret(config_.dev_key_ref));
    req.headers.emplace_back("sessionId", session_id);
    req.headers.emplace_back("Accept", "application/json");
    if (!body.empty()) {
      req.headers.emplace_back("Content-Type", "application/json");
      req.body = body;
    }
    auto res = http_.send(req, ctx.abi_call());
    if (!res.ok() && kind == call_kind::read && res.request_sent) {
      throw error(error_class::unavailable, "bill.read_reply_lost",
                  "BILL read sent but no complete reply: " + res.transport_message)
          .with_effect(effect::none);
    }
    throw_for_transport(res);
    return res;
  };
  const auto used = session(ctx);
  auto res = attempt(used);
  if (!is_session_invalid(res)) return res;
  // BDC_1109 wrote nothing, so one re-send after a new login cannot duplicate.
  ctx.log(log_level::info, "BILL answered BDC_1109 (session invalid); logged in again, re-sent once");
  return attempt(session(ctx, used));
}

}  // namespace erpc::bill
