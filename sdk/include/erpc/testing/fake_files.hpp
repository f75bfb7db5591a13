// SPDX-License-Identifier: Apache-2.0
// "erpc.host.files/1" for tests: an in-memory file tree with the host's path rules (relative,
// no "..") and its write rule (never overwrite unless asked).
#pragma once

#include <erpc/abi.h>
#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace erpc::testing {

class fake_files {
 public:
  fake_files() {
    table_.struct_size = sizeof table_;
    table_.read = [](const erpc_host_files_v1* self, const erpc_call_v1*, const char* path,
                     std::size_t max_bytes, erpc_bytes_sink_v1 sink, void* user,
                     error_sink_fn error_sink) -> std::int32_t {
      auto* me = static_cast<fake_files*>(self->host_data);
      return guarded(error_sink, user, [&] {
        const auto content = me->get(checked(path));
        if (!content) throw error(error_class::not_found, "files.not_found", "no such file");
        if (content->size() > max_bytes) {
          throw error(error_class::validation, "files.too_large", "file exceeds max_bytes");
        }
        if (sink) sink(user, content->data(), content->size());
      });
    };
    table_.write = [](const erpc_host_files_v1* self, const erpc_call_v1*, const char* path,
                      const char* data, std::size_t len, std::int32_t overwrite, void* user,
                      error_sink_fn error_sink) -> std::int32_t {
      auto* me = static_cast<fake_files*>(self->host_data);
      return guarded(error_sink, user, [&] {
        const std::string p = checked(path);
        std::lock_guard lock(me->mutex_);
        if (!overwrite && me->files_.count(p)) {
          throw error(error_class::conflict, "files.exists", "file exists: " + p);
        }
        me->files_[p] = data ? std::string(data, len) : std::string();
      });
    };
    table_.list = [](const erpc_host_files_v1* self, const erpc_call_v1*, const char* directory,
                     erpc_bytes_sink_v1 sink, void* user,
                     error_sink_fn error_sink) -> std::int32_t {
      auto* me = static_cast<fake_files*>(self->host_data);
      return guarded(error_sink, user, [&] {
        std::string dir = directory && *directory && std::string_view(directory) != "."
                              ? checked(directory) + "/"
                              : std::string();
        std::lock_guard lock(me->mutex_);
        for (const auto& [p, content] : me->files_) {  // std::map: sorted by name
          if (p.compare(0, dir.size(), dir) != 0) continue;
          const std::string name = p.substr(dir.size());
          if (name.find('/') == std::string::npos && sink) sink(user, name.data(), name.size());
        }
      });
    };
    table_.host_data = this;
  }
  fake_files(const fake_files&) = delete;
  fake_files& operator=(const fake_files&) = delete;

  void put(std::string path, std::string content) {
    std::lock_guard lock(mutex_);
    files_[std::move(path)] = std::move(content);
  }
  std::optional<std::string> get(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto it = files_.find(path);
    if (it == files_.end()) return std::nullopt;
    return it->second;
  }

  const erpc_host_files_v1* table() const noexcept { return &table_; }

 private:
  using error_sink_fn = void (*)(void*, const erpc_error_v1*);

  static std::string checked(const char* path) {
    const std::string p = path ? path : "";
    const bool bad = p.empty() || p.front() == '/' || p == ".." || p.rfind("../", 0) == 0 ||
                     p.find("/../") != std::string::npos ||
                     (p.size() >= 3 && p.compare(p.size() - 3, 3, "/..") == 0);
    if (bad) throw error(error_class::configuration, "files.invalid_path", "invalid path: " + p);
    return p;
  }

  template <class Fn>
  static std::int32_t guarded(error_sink_fn error_sink, void* user, Fn&& fn) {
    try {
      fn();
      return 0;
    } catch (const error& e) {
      if (error_sink) with_abi_error(e, [&](const erpc_error_v1& abi) { error_sink(user, &abi); });
      return 1;
    }
  }

  mutable std::mutex mutex_;
  std::map<std::string, std::string> files_;
  erpc_host_files_v1 table_{};
};

}  // namespace erpc::testing
