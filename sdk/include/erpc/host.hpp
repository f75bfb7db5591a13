// SPDX-License-Identifier: Apache-2.0
// Typed access to the host an adapter was initialised with (abi.h: erpc_host_v1).
#pragma once

#include <erpc/abi.h>

#include <cstddef>
#include <cstring>

namespace erpc {

class host_ref {
 public:
  host_ref() = default;
  explicit host_ref(const erpc_host_v1* host) noexcept : host_(host) {}

  const erpc_host_v1* get() const noexcept { return host_; }
  explicit operator bool() const noexcept { return host_ != nullptr; }

  // Looks up a service by its versioned id and checks the struct is at least as large as the
  // fields this SDK reads (abi.h rule 2: a shorter struct is from an older host).
  template <class Service>
  const Service* service(const char* service_id, std::size_t min_size = sizeof(Service)) const
      noexcept {
    if (host_ == nullptr || host_->get_service == nullptr) return nullptr;
    const auto* s = static_cast<const Service*>(host_->get_service(host_, service_id));
    if (s == nullptr || s->struct_size < min_size) return nullptr;
    return s;
  }

 private:
  const erpc_host_v1* host_ = nullptr;
};

}  // namespace erpc
