#include "erpc/host/call_state.hpp"

#include <erpc/error_abi.hpp>
#include <erpc/host/brief_spin.hpp>

namespace erpc {

call_state::call_state(std::string correlation_id, std::string traceparent,
                       std::int64_t deadline_unix_ms, violation_handler on_violation)
    : correlation_id_(std::move(correlation_id)),
      traceparent_(std::move(traceparent)),
      on_violation_(std::move(on_violation)) {
  abi_.struct_size = sizeof(erpc_call_v1);
  abi_.deadline_unix_ms = deadline_unix_ms;
  abi_.correlation_id = correlation_id_.c_str();
  abi_.traceparent = traceparent_.c_str();
  abi_.respond = &call_state::respond_thunk;
  abi_.fail = &call_state::fail_thunk;
  abi_.is_cancelled = &call_state::is_cancelled_thunk;
  abi_.host_data = this;
}

void call_state::respond_thunk(const erpc_call_v1* call, const char* json, size_t len) {
  if (call == nullptr || call->host_data == nullptr) return;
  auto* self = static_cast<call_state*>(call->host_data);
  try {
    self->accept(std::string(json != nullptr ? json : "", json != nullptr ? len : 0));
  } catch (...) {
    // Out of memory copying the answer: the missing answer is reported as INTERNAL.
  }
}

void call_state::fail_thunk(const erpc_call_v1* call, const erpc_error_v1* error) {
  if (call == nullptr || call->host_data == nullptr) return;
  auto* self = static_cast<call_state*>(call->host_data);
  try {
    self->accept(error_from_abi(error));
  } catch (...) {
  }
}

std::int32_t call_state::is_cancelled_thunk(const erpc_call_v1* call) {
  if (call == nullptr || call->host_data == nullptr) return 1;
  return static_cast<const call_state*>(call->host_data)->cancelled() ? 1 : 0;
}

void call_state::accept(call_answer answer) {
  const int n = ++answers_;
  std::string violation;
  {
    std::lock_guard lock(mutex_);
    if (returned_) {
      violation = "answer after the adapter function returned; ignored";
    } else if (cancelled_) {
      violation = "answer after the call was abandoned; ignored";
    } else if (n > 1) {
      violation = "second answer to one call; ignored";
    } else {
      answer_ = std::move(answer);
    }
  }
  if (!violation.empty() && on_violation_) on_violation_(correlation_id_, violation);
}

void call_state::mark_returned() noexcept {
  {
    std::lock_guard lock(mutex_);
    returned_ = true;
    returned_flag_.store(true, std::memory_order_release);
  }
  returned_cv_.notify_all();
}

void call_state::cancel() noexcept { cancelled_ = true; }

bool call_state::wait_returned_until(std::chrono::steady_clock::time_point until) {
  // A quick adapter has returned before the spin ends; then no sleep and no wake-up is paid.
  // The sleeping wait below still ends at `until`, so the deadline is the same either way.
  spin_until([this] { return returned_flag_.load(std::memory_order_acquire); }, until);
  std::unique_lock lock(mutex_);
  return returned_cv_.wait_until(lock, until, [this] { return returned_; });
}

std::optional<call_answer> call_state::take_answer() {
  std::lock_guard lock(mutex_);
  if (!returned_ || cancelled_) return std::nullopt;
  return std::move(answer_);
}

}  // namespace erpc
