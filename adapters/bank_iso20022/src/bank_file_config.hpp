// SPDX-License-Identifier: Apache-2.0
// The bank file connection's configuration (adapters/bank_iso20022/README.md "Configuration"):
// the three folders of the file exchange (helpers' BANK_CONTRACT.md), the pain.001 version and
// usage, debtor defaults for batches that leave them out, and the pain.002 bank setting for
// transactions a PART status does not list (BANKING.md "pain.002").
#pragma once

#include <erpc/banking/pain001_writer.hpp>
#include <erpc/banking/pain002_reader.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>

namespace erpc::bank_file {

inline constexpr char adapter_id[] = "bank_iso20022";

struct connection_config {
  std::filesystem::path outbound_dir;  // pain.001 out; the bank moves files away once read
  std::filesystem::path inbound_dir;   // pain.002 and statements in; never deleted by us
  std::filesystem::path state_dir;     // archive of sent files, intake index, logs, quarantine
  banking::pain001_version version = banking::pain001_version::v09;
  banking::pain001_usage usage = banking::pain001_usage::sepa;
  banking::non_business_day_policy non_business_day =
      banking::non_business_day_policy::next_business_day;
  banking::unlisted_under_part part_unlisted = banking::unlisted_under_part::unchanged;
  std::optional<nlohmann::json> debtor;          // canonical party, used when a batch has none
  std::optional<nlohmann::json> debtor_account;  // canonical bank_account, likewise
  std::size_t max_file_bytes = std::size_t{256} << 20;  // one inbound file
};

// JSON Schema (draft-07) of the configuration, published in the manifest.
nlohmann::json config_schema();

// Checks the configuration and the folders (outbound and inbound must exist; state_dir is
// created); every problem is one field error of CONFIGURATION "bank_file.config".
connection_config parse_config(const nlohmann::json& config);

}  // namespace erpc::bank_file
