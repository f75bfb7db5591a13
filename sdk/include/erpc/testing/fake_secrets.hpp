// SPDX-License-Identifier: Apache-2.0
// "erpc.host.secrets/1" for tests: an in-memory map from reference ("env:TOKEN") to value.
// The values are also what record mode redacts from cassettes.
#pragma once

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace erpc::testing {

class fake_secrets {
 public:
  fake_secrets() {
    table_.struct_size = sizeof table_;
    table_.resolve = [](const erpc_host_secrets_v1* self, const char* reference,
                        erpc_secret_sink_v1 sink, void* user,
                        void (*error_sink)(void*, const erpc_error_v1*)) -> std::int32_t {
      auto* me = static_cast<fake_secrets*>(self->host_data);
      const std::string ref = reference ? reference : "";
      std::string value;
      {
        std::lock_guard lock(me->mutex_);
        ++me->resolutions_;
        auto it = me->values_.find(ref);
        if (it != me->values_.end()) value = it->second;
      }
      if (value.empty() && !me->has(ref)) {
        const error e(error_class::configuration, "secrets.unknown_reference",
                      "unknown secret reference: " + ref);
        if (error_sink) {
          with_abi_error(e, [&](const erpc_error_v1& abi) { error_sink(user, &abi); });
        }
        return 1;
      }
      if (sink) sink(user, value.data(), value.size());
      return 0;
    };
    table_.host_data = this;
  }
  fake_secrets(const fake_secrets&) = delete;
  fake_secrets& operator=(const fake_secrets&) = delete;

  void set(std::string reference, std::string value) {
    std::lock_guard lock(mutex_);
    values_[std::move(reference)] = std::move(value);
  }
  bool has(const std::string& reference) const {
    std::lock_guard lock(mutex_);
    return values_.count(reference) != 0;
  }
  std::vector<std::string> values() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [ref, v] : values_) out.push_back(v);
    return out;
  }
  int resolutions() const {
    std::lock_guard lock(mutex_);
    return resolutions_;
  }

  const erpc_host_secrets_v1* table() const noexcept { return &table_; }

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> values_;
  int resolutions_ = 0;
  erpc_host_secrets_v1 table_{};
};

}  // namespace erpc::testing
