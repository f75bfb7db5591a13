// SPDX-License-Identifier: Apache-2.0
// The certification report: what `erpc certify` found, one line a check, and the three forms it
// is written in (docs/certification.md "Reading the report"): certification.json
// (format erpc-certification/1), junit.xml (for CI) and certification.md, plus the summary
// table printed on stdout.
#pragma once

#include <erpc/certify/profile.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace erpc::certify {

enum class check_status { passed, failed, skipped };
std::string_view to_string(check_status s) noexcept;

struct check_result {
  std::string id;     // "R5b.replay[records.duplicate_external_id=upsert]"
  std::string check;  // the catalogue id without the setting suffix: "R5b.replay"
  level check_level = level::basic;
  check_status status = check_status::skipped;
  std::string evidence;  // one line
  std::int64_t duration_ms = 0;
};

struct adapter_identity {
  std::string id;
  std::string version;
  std::string mapping_version;
  std::string library;
  std::string sha256;  // of the library bytes the host loaded (empty when it did not load)
};

struct certification_report {
  adapter_identity adapter;
  std::string profile;
  std::string target;
  level requested_level = level::basic;
  std::string nonce;
  std::string started;  // RFC 3339 UTC
  std::int64_t duration_ms = 0;
  std::vector<check_result> checks;

  std::size_t count(check_status s) const;
  // The highest level whose checks (and every lower level's) all ran and none failed;
  // "none" when a basic check failed or none ran.
  std::string level_achieved() const;
};

nlohmann::json to_json(const certification_report& report);
std::string junit_xml(const certification_report& report);
std::string markdown(const certification_report& report);
// Fixed-width columns: check, level, result, evidence (cut to `evidence_width`).
std::string summary_table(const certification_report& report, std::size_t evidence_width = 100);

// Writes certification.json, junit.xml and certification.md into `dir` (created if needed).
// Throws erpc::error(CONFIGURATION, certify.report_unwritable).
void write_reports(const certification_report& report, const std::filesystem::path& dir);

}  // namespace erpc::certify
