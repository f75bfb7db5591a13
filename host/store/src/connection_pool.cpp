#include "connection_pool.hpp"

namespace erpc::detail {

connection_pool::connection_pool(std::vector<std::unique_ptr<backend_connection>> connections)
    : owned_(std::move(connections)) {
  for (auto& c : owned_) idle_.push_back(c.get());
}

backend_connection* connection_pool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  backend_connection* connection = idle_.back();
  idle_.pop_back();
  return connection;
}

void connection_pool::release(backend_connection* connection) noexcept {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(connection);
  }
  available_.notify_one();
}

}  // namespace erpc::detail
