#pragma once
// The host side of one erpc_call_v1: collects the adapter's single answer, enforces the
// exactly-once rule, and outlives an abandoned call so a late answer is harmless.

#include <erpc/abi.h>
#include <erpc/error.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

namespace erpc {

// What the adapter answered: JSON text (not yet checked) or an error.
using call_answer = std::variant<std::string, error>;

class call_state : public std::enable_shared_from_this<call_state> {
 public:
  // Reported when an adapter breaks the answer rules (second answer, answer after return).
  using violation_handler = std::function<void(const std::string& correlation_id,
                                               const std::string& what)>;

  call_state(std::string correlation_id, std::string traceparent, std::int64_t deadline_unix_ms,
             violation_handler on_violation = {});
  call_state(const call_state&) = delete;
  call_state& operator=(const call_state&) = delete;

  // The struct handed to the adapter; valid while this object lives.
  const erpc_call_v1* abi() const noexcept { return &abi_; }

  // Marks the adapter function as returned: answers after this are violations.
  void mark_returned() noexcept;
  // Abandons the call (deadline passed or shutdown): is_cancelled() turns true, and any
  // answer that still arrives is logged and ignored.
  void cancel() noexcept;
  bool cancelled() const noexcept { return cancelled_.load(); }

  // The answer, if exactly one arrived before return. Waits until the adapter returned or
  // the wait deadline passes; nullopt then.
  std::optional<call_answer> take_answer();
  int answer_count() const noexcept { return answers_.load(); }

  // Waits until mark_returned() or `until`; true if returned.
  bool wait_returned_until(std::chrono::steady_clock::time_point until);

  const std::string& correlation_id() const noexcept { return correlation_id_; }

  // Directory that "erpc.host.files/1" confines this call's connection to ("" = no files).
  void set_files_root(std::string root) { files_root_ = std::move(root); }
  const std::string& files_root() const noexcept { return files_root_; }

  static const call_state* from_abi(const erpc_call_v1* call) noexcept {
    return call != nullptr ? static_cast<const call_state*>(call->host_data) : nullptr;
  }

 private:
  static void respond_thunk(const erpc_call_v1* call, const char* json, size_t len);
  static void fail_thunk(const erpc_call_v1* call, const erpc_error_v1* error);
  static std::int32_t is_cancelled_thunk(const erpc_call_v1* call);
  void accept(call_answer answer);

  std::string correlation_id_;
  std::string traceparent_;
  std::string files_root_;
  erpc_call_v1 abi_{};
  violation_handler on_violation_;

  mutable std::mutex mutex_;
  std::condition_variable returned_cv_;
  bool returned_ = false;
  std::atomic<bool> returned_flag_{false};  // returned_, readable without the mutex (spinning)
  std::optional<call_answer> answer_;
  std::atomic<int> answers_{0};
  std::atomic<bool> cancelled_{false};
};

}  // namespace erpc
