// SPDX-License-Identifier: Apache-2.0
#include <erpc/banking/mt940_information.hpp>

#include <algorithm>
#include <array>
#include <vector>

namespace erpc::banking {
namespace {

// Line breaks inside :86: are layout, not content.
std::string without_line_breaks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c != '\n' && c != '\r') out += c;
  }
  return out;
}

std::string trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

void set(std::optional<std::string>& slot, std::string value) {
  value = trimmed(value);
  if (!value.empty()) slot = std::move(value);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// SEPA keywords inside the DK purpose lines: "EREF+…", "SVWZ+…"; each runs to the next keyword.
void read_sepa_keywords(const std::string& purpose, mt940_information& info) {
  static constexpr std::array<std::string_view, 9> keys{"EREF+", "KREF+", "MREF+", "CRED+",
                                                        "SVWZ+", "ABWA+", "ABWE+", "DEBT+",
                                                        "IBAN+"};
  struct hit {
    std::size_t at;
    std::string_view key;
  };
  std::vector<hit> hits;
  for (const auto key : keys) {
    for (auto p = purpose.find(key); p != std::string::npos; p = purpose.find(key, p + 1)) {
      hits.push_back({p, key});
    }
  }
  if (hits.empty()) {
    set(info.remittance, purpose);
    return;
  }
  std::sort(hits.begin(), hits.end(), [](const hit& a, const hit& b) { return a.at < b.at; });
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto begin = hits[i].at + hits[i].key.size();
    const auto end = i + 1 < hits.size() ? hits[i + 1].at : purpose.size();
    std::string value = purpose.substr(begin, end - begin);
    const auto key = hits[i].key;
    if (key == "EREF+") set(info.end_to_end_id, value);
    if (key == "KREF+") set(info.customer_reference, value);
    if (key == "MREF+") set(info.mandate_id, value);
    if (key == "CRED+") set(info.creditor_id, value);
    if (key == "SVWZ+") set(info.remittance, value);
  }
}

void read_dk(const std::string& text, mt940_information& info) {
  info.format = mt940_information::layout::dk_subfields;
  std::string purpose, name;
  std::size_t p = text.find('?');
  if (p >= 3 && is_digit(text[0]) && is_digit(text[1]) && is_digit(text[2])) {
    info.transaction_code = text.substr(0, 3);
  }
  while (p != std::string::npos && p + 2 < text.size()) {
    const auto next = text.find('?', p + 3);
    const std::string code = text.substr(p + 1, 2);
    const std::string value =
        text.substr(p + 3, (next == std::string::npos ? text.size() : next) - (p + 3));
    if (code == "00") set(info.booking_text, value);
    if (code >= "20" && code <= "29") purpose += value;
    if (code >= "60" && code <= "63") purpose += value;
    if (code == "30") set(info.counterparty_bic, value);
    if (code == "31") set(info.counterparty_account, value);
    if (code == "32" || code == "33") name += value;
    p = next;
  }
  set(info.counterparty_name, name);
  if (!purpose.empty()) read_sepa_keywords(purpose, info);
}

// "/KEY/value/KEY/value": keys are 2–4 capital letters; values run to the next known key, so a
// '/' inside a remittance line stays in it.
void read_swift_keys(const std::string& text, mt940_information& info) {
  static constexpr std::array<std::string_view, 12> keys{
      "/EREF/", "/REMI/", "/NAME/", "/IBAN/", "/BIC/", "/MARF/",
      "/CSID/", "/TRTP/", "/ORDP/", "/BENM/", "/KREF/", "/PREF/"};
  struct hit {
    std::size_t at;
    std::string_view key;
  };
  std::vector<hit> hits;
  for (const auto key : keys) {
    for (auto p = text.find(key); p != std::string::npos; p = text.find(key, p + 1)) {
      hits.push_back({p, key});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const hit& a, const hit& b) { return a.at < b.at; });
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const auto begin = hits[i].at + hits[i].key.size();
    const auto end = i + 1 < hits.size() ? hits[i + 1].at : text.size();
    if (end < begin) continue;
    std::string value = text.substr(begin, end - begin);
    while (!value.empty() && value.back() == '/') value.pop_back();
    const auto key = hits[i].key;
    if (key == "/EREF/") set(info.end_to_end_id, value);
    if (key == "/KREF/") set(info.customer_reference, value);
    if (key == "/REMI/") {
      // "/REMI/USTD//text" or "/REMI/STRD/CUR/RF18…": keep what follows the qualifier.
      for (const std::string_view q : {"USTD//", "STRD/CUR/", "STRD//"}) {
        if (value.rfind(q, 0) == 0) value.erase(0, q.size());
      }
      set(info.remittance, value);
    }
    if (key == "/NAME/") set(info.counterparty_name, value);
    if (key == "/IBAN/") set(info.counterparty_account, value);
    if (key == "/BIC/") set(info.counterparty_bic, value);
    if (key == "/MARF/") set(info.mandate_id, value);
    if (key == "/CSID/") set(info.creditor_id, value);
  }
}

}  // namespace

mt940_information parse_mt940_information(std::string_view text) {
  mt940_information info;
  const std::string flat = without_line_breaks(text);
  const bool dk = flat.size() >= 4 && is_digit(flat[0]) && is_digit(flat[1]) &&
                  is_digit(flat[2]) && flat[3] == '?';
  if (dk || flat.find("?20") != std::string::npos) {
    read_dk(flat, info);
  } else if (flat.find("/EREF/") != std::string::npos || flat.find("/REMI/") != std::string::npos ||
             flat.find("/NAME/") != std::string::npos) {
    info.format = mt940_information::layout::swift_keys;
    read_swift_keys(flat, info);
  }
  // "NOTPROVIDED" is the SEPA placeholder for "no EndToEndId", never a matching key.
  if (info.end_to_end_id && *info.end_to_end_id == "NOTPROVIDED") info.end_to_end_id.reset();
  return info;
}

}  // namespace erpc::banking
