#pragma once
// The store's own schema: idempotency_keys, messages, payload_versions and their helpers.

#include <erpc/host/migration.hpp>

#include <vector>

namespace erpc::detail {

const std::vector<migration>& store_migrations();

}  // namespace erpc::detail
