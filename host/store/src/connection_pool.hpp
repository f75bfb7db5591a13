#pragma once
// A fixed set of backend connections; a lease blocks until one is free and returns it when
// destroyed.

#include "backend_connection.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace erpc::detail {

class connection_pool {
 public:
  explicit connection_pool(std::vector<std::unique_ptr<backend_connection>> connections);

  backend_connection* acquire();
  void release(backend_connection* connection) noexcept;

 private:
  std::vector<std::unique_ptr<backend_connection>> owned_;
  std::vector<backend_connection*> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
};

class connection_lease {
 public:
  explicit connection_lease(connection_pool& pool) : pool_(pool), connection_(pool.acquire()) {}
  ~connection_lease() { pool_.release(connection_); }
  connection_lease(const connection_lease&) = delete;
  connection_lease& operator=(const connection_lease&) = delete;

  backend_connection& operator*() const noexcept { return *connection_; }
  backend_connection* operator->() const noexcept { return connection_; }

 private:
  connection_pool& pool_;
  backend_connection* connection_;
};

}  // namespace erpc::detail
