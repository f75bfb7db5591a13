// SPDX-License-Identifier: Apache-2.0
#include "bank_file_config.hpp"

#include <erpc/error.hpp>

#include <unistd.h>

#include <string>
#include <system_error>
#include <vector>

namespace erpc::bank_file {

namespace fs = std::filesystem;

nlohmann::json config_schema() {
  const nlohmann::json folder = {{"type", "string"}, {"minLength", 1}, {"maxLength", 4096}};
  return {{"type", "object"},
          {"required", {"outbound_dir", "inbound_dir", "state_dir"}},
          {"additionalProperties", false},
          {"properties",
           {{"outbound_dir", folder},
            {"inbound_dir", folder},
            {"state_dir", folder},
            {"pain001_version",
             {{"enum", {"pain.001.001.03", "pain.001.001.09", "pain.001.001.10"}}}},
            {"pain001_usage", {{"enum", {"sepa", "cgi_mp"}}}},
            {"non_business_day", {{"enum", {"next_business_day", "reject"}}}},
            {"part_unlisted", {{"enum", {"unchanged", "accepted"}}}},
            {"debtor", {{"type", "object"}}},
            {"debtor_account", {{"type", "object"}}},
            {"max_file_mib", {{"type", "integer"}, {"minimum", 1}, {"maximum", 1024}}}}}};
}

namespace {

bool is_writable_dir(const fs::path& p) { return ::access(p.c_str(), W_OK | X_OK) == 0; }

}  // namespace

connection_config parse_config(const nlohmann::json& config) {
  if (!config.is_object()) {
    throw error(error_class::configuration, "bank_file.config",
                "the connection configuration must be a JSON object");
  }
  std::vector<field_error> problems;
  auto problem = [&](std::string pointer, std::string message) {
    problems.push_back({std::move(pointer), "bank_file.config", std::move(message)});
  };
  for (const auto& [name, value] : config.items()) {
    (void)value;
    if (!config_schema()["properties"].contains(name)) problem("/" + name, "unknown setting");
  }
  auto text = [&](const char* name, bool required) -> std::optional<std::string> {
    const auto it = config.find(name);
    if (it == config.end()) {
      if (required) problem(std::string("/") + name, "required");
      return std::nullopt;
    }
    if (!it->is_string() || it->get<std::string>().empty()) {
      problem(std::string("/") + name, "must be a non-empty string");
      return std::nullopt;
    }
    return it->get<std::string>();
  };

  connection_config out;
  auto folder = [&](const char* name, fs::path& target, bool create) {
    const auto value = text(name, true);
    if (!value) return;
    target = fs::path(*value);
    if (!target.is_absolute()) {
      problem(std::string("/") + name, "must be an absolute path");
      return;
    }
    std::error_code ec;
    if (create) fs::create_directories(target, ec);
    if (!fs::is_directory(target, ec)) {
      problem(std::string("/") + name, create ? "cannot be created as a folder"
                                              : "is not an existing folder");
    } else if (!is_writable_dir(target)) {
      problem(std::string("/") + name, "is not writable by this process");
    }
  };
  folder("outbound_dir", out.outbound_dir, false);
  folder("inbound_dir", out.inbound_dir, false);
  folder("state_dir", out.state_dir, true);
  if (!out.outbound_dir.empty() && !out.state_dir.empty()) {
    std::error_code ec;
    const auto a = fs::weakly_canonical(out.outbound_dir, ec);
    const auto b = fs::weakly_canonical(out.inbound_dir, ec);
    const auto c = fs::weakly_canonical(out.state_dir, ec);
    // The archive must not be the outbound folder (BANKING.md "Identifiers"), and a pain.001 of
    // ours must never be read back as an inbound file.
    if (a == b || a == c || b == c) {
      problem("/state_dir", "outbound_dir, inbound_dir and state_dir must be three folders");
    }
  }

  if (const auto v = text("pain001_version", false)) {
    try {
      out.version = banking::pain001_version_from_name(*v);
    } catch (const error& e) {
      problem("/pain001_version", e.what());
    }
  }
  if (const auto v = text("pain001_usage", false)) {
    try {
      out.usage = banking::pain001_usage_from_name(*v);
    } catch (const error& e) {
      problem("/pain001_usage", e.what());
    }
  }
  if (const auto v = text("non_business_day", false)) {
    if (*v == "next_business_day") {
      out.non_business_day = banking::non_business_day_policy::next_business_day;
    } else if (*v == "reject") {
      out.non_business_day = banking::non_business_day_policy::reject;
    } else {
      problem("/non_business_day", "must be next_business_day or reject");
    }
  }
  if (const auto v = text("part_unlisted", false)) {
    if (*v == "unchanged") {
      out.part_unlisted = banking::unlisted_under_part::unchanged;
    } else if (*v == "accepted") {
      out.part_unlisted = banking::unlisted_under_part::accepted;
    } else {
      problem("/part_unlisted", "must be unchanged or accepted");
    }
  }
  for (const char* name : {"debtor", "debtor_account"}) {
    const auto it = config.find(name);
    if (it == config.end()) continue;
    if (!it->is_object() || it->empty()) {
      problem(std::string("/") + name, "must be a non-empty object (canonical party / bank_account)");
      continue;
    }
    (std::string(name) == "debtor" ? out.debtor : out.debtor_account) = *it;
  }
  if (const auto it = config.find("max_file_mib"); it != config.end()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1 || it->get<std::int64_t>() > 1024) {
      problem("/max_file_mib", "must be an integer from 1 to 1024");
    } else {
      out.max_file_bytes = static_cast<std::size_t>(it->get<std::int64_t>()) << 20;
    }
  }
  if (!problems.empty()) {
    std::string message = "bank file connection configuration: ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      message += (i ? "; " : "") + problems[i].pointer + " " + problems[i].message;
    }
    throw error(error_class::configuration, "bank_file.config", message)
        .with_fields(std::move(problems));
  }
  return out;
}

}  // namespace erpc::bank_file
