// SPDX-License-Identifier: Apache-2.0
#include <erpc/certify/certification_record.hpp>

#include <erpc/error.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include <unistd.h>

namespace erpc::certify {

namespace {

constexpr const char* record_format = "erpc-certification-record/1";

bool is_sha256_hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::optional<certification_record> parse_record(const std::string& text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("format", nlohmann::json()) != record_format) return std::nullopt;
  certification_record r;
  try {
    r.adapter = j.at("adapter").get<std::string>();
    r.version = j.value("version", std::string());
    r.sha256 = j.at("sha256").get<std::string>();
    r.level = j.at("level").get<std::string>();
    r.requested = j.value("requested_level", std::string());
    r.profile = j.value("profile", std::string());
    r.certified_at = j.value("certified_at", std::string());
    const auto& summary = j.at("summary");
    r.passed = summary.at("passed").get<std::size_t>();
    r.failed = summary.at("failed").get<std::size_t>();
    r.skipped = summary.at("skipped").get<std::size_t>();
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  static const char* const levels[] = {"none", "basic", "idempotent", "native"};
  bool known_level = false;
  for (const auto* l : levels) known_level = known_level || r.level == l;
  if (!known_level || !is_sha256_hex(r.sha256)) return std::nullopt;
  return r;
}

}  // namespace

std::filesystem::path record_path_for(const std::filesystem::path& library) {
  auto p = library;
  p += ".certification.json";
  return p;
}

void write_record(const certification_report& report) {
  if (report.adapter.sha256.empty() || report.adapter.library.empty()) {
    throw error(error_class::validation, "certify.record_without_library",
                "the adapter did not load, so there is no certified library to record a verdict beside");
  }
  const nlohmann::json j = {
      {"format", record_format},
      {"adapter", report.adapter.id},
      {"version", report.adapter.version},
      {"sha256", report.adapter.sha256},
      {"level", report.level_achieved()},
      {"requested_level", std::string(to_string(report.requested_level))},
      {"profile", report.profile},
      {"certified_at", report.started},
      {"summary",
       {{"passed", report.count(check_status::passed)},
        {"failed", report.count(check_status::failed)},
        {"skipped", report.count(check_status::skipped)}}}};
  const auto target = record_path_for(report.adapter.library);
  auto temp = target;
  temp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << j.dump(2) << "\n";
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temp, ignored);
      throw error(error_class::configuration, "certify.record_unwritable",
                  "cannot write the certification record beside " + report.adapter.library);
    }
  }
  std::error_code ec;
  std::filesystem::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    throw error(error_class::configuration, "certify.record_unwritable",
                "cannot place the certification record " + target.string() + ": " + ec.message());
  }
}

std::string_view to_string(record_state s) noexcept {
  switch (s) {
    case record_state::uncertified: return "uncertified";
    case record_state::current: return "current";
    case record_state::stale: return "stale";
    case record_state::unreadable: return "unreadable";
  }
  return "unreadable";
}

std::string record_lookup::level_text() const {
  if (state == record_state::current && record) return record->level;
  return std::string(to_string(state));
}

record_lookup look_up_record(const std::filesystem::path& library, const std::string& library_sha256) {
  const auto path = record_path_for(library);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return {};
  // A record is a few hundred bytes; anything large is not one.
  constexpr std::uintmax_t max_record_bytes = 64 * 1024;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > max_record_bytes) return {record_state::unreadable, std::nullopt};
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof()) return {record_state::unreadable, std::nullopt};
  auto record = parse_record(text.str());
  if (!record) return {record_state::unreadable, std::nullopt};
  const auto state = record->sha256 == library_sha256 ? record_state::current : record_state::stale;
  return {state, std::move(record)};
}

}  // namespace erpc::certify
