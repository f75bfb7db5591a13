// SPDX-License-Identifier: Apache-2.0
#include "sent_archive.hpp"

#include "durable_file.hpp"

#include <erpc/banking/payment_identifiers.hpp>

#include <cctype>
#include <system_error>

namespace erpc::bank_file {

namespace fs = std::filesystem;

batch_key split_generation(std::string_view key) {
  const auto dot = key.rfind(".g");
  if (dot != std::string_view::npos && dot > 0) {
    const auto digits = key.substr(dot + 2);
    bool numeric = !digits.empty() && digits.size() <= 5 && digits.front() != '0';
    for (const char c : digits) numeric = numeric && std::isdigit(static_cast<unsigned char>(c));
    if (numeric) {
      const auto n = static_cast<std::uint32_t>(std::stoul(std::string(digits)));
      if (n >= 2 && n <= banking::max_generation) return {std::string(key.substr(0, dot)), n};
    }
  }
  return {std::string(key), 1};
}

sent_archive::sent_archive(const fs::path& state_dir) : folder_(state_dir / "sent") {
  std::error_code ec;
  fs::create_directories(folder_, ec);
}

std::optional<std::string> sent_archive::tag_of_message(std::string_view message_id) {
  const auto dash = message_id.find('-');
  if (dash != 20) return std::nullopt;
  for (const char c : message_id.substr(0, 20)) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  return std::string(message_id.substr(0, 20));
}

std::optional<nlohmann::json> sent_archive::record(const std::string& tag) const {
  return read_json_file(folder_ / (tag + ".json"));
}

void sent_archive::save(const std::string& tag, const nlohmann::json& record) const {
  write_json_atomically(folder_ / (tag + ".json"), record);
}

fs::path sent_archive::file_of(const std::string& message_id) const {
  return folder_ / (message_id + ".xml");
}

const nlohmann::json* sent_archive::generation_of_message(const nlohmann::json& record,
                                                          std::string_view message_id) {
  const auto it = record.find("generations");
  if (it == record.end()) return nullptr;
  for (const auto& [g, entry] : it->items()) {
    (void)g;
    if (entry.value("message_id", "") == message_id) return &entry;
  }
  return nullptr;
}

}  // namespace erpc::bank_file
