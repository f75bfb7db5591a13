#pragma once
// How a message of the outbox or a queue is shown to users, by `erpc queue` and `erpc serve`.

#include <erpc/host/ledger_records.hpp>

#include <nlohmann/json.hpp>

namespace erpc::cli {

nlohmann::json message_json(const message_record& m);

}  // namespace erpc::cli
