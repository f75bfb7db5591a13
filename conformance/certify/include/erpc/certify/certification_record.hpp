// SPDX-License-Identifier: Apache-2.0
// The verdict of `erpc certify --record`, kept beside the library it judged as
// `<library>.certification.json`, so `erpc adapters list` can show each adapter's level — and
// shows it only while the library's bytes are the ones that were certified (the record names
// their SHA-256; a rebuilt or replaced library reads as `stale`, never as certified).
#pragma once

#include <erpc/certify/report.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace erpc::certify {

struct certification_record {
  std::string adapter;        // adapter id
  std::string version;        // adapter version
  std::string sha256;         // of the library bytes certified
  std::string level;          // level achieved: none | basic | idempotent | native
  std::string requested;      // the level the profile asked for
  std::string profile;        // the profile file as given
  std::string certified_at;   // RFC 3339 UTC, when the run started
  std::size_t passed = 0, failed = 0, skipped = 0;
};

// `<library>.certification.json` (the loader only loads `*.so`, so the record is never taken
// for an adapter).
std::filesystem::path record_path_for(const std::filesystem::path& library);

// Writes the record of `report` beside report.adapter.library (temp file + rename, so a reader
// never sees half a record). CONFIGURATION certify.record_unwritable when the folder is
// read-only; VALIDATION certify.record_without_library when the adapter did not load (there
// are no certified bytes to name).
void write_record(const certification_report& report);

enum class record_state {
  uncertified,  // no record beside the library
  current,      // a record for exactly these bytes
  stale,        // a record for other bytes: the library changed after it was certified
  unreadable,   // a record that is not one (corrupt, hand-edited): shown, never trusted
};

struct record_lookup {
  record_state state = record_state::uncertified;
  std::optional<certification_record> record;  // current and stale only

  // What `adapters list` prints: the level when current, else the state's name.
  std::string level_text() const;
};

// Never throws for a missing or bad record: what is wrong is the state.
record_lookup look_up_record(const std::filesystem::path& library, const std::string& library_sha256);

std::string_view to_string(record_state s) noexcept;

}  // namespace erpc::certify
