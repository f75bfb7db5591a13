#include "conninfo_redaction.hpp"

#include <libpq-fe.h>

#include <string>

namespace erpc::detail {
namespace {

void replace_all(std::string& text, std::string_view needle) {
  if (needle.empty()) return;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 3)) {
    text.replace(at, needle.size(), "***");
  }
}

}  // namespace

std::string redact_conninfo_secrets(std::string_view message, std::string_view conninfo) {
  std::string out(message);
  const std::string info(conninfo);
  replace_all(out, info);
  if (PQconninfoOption* options = PQconninfoParse(info.c_str(), nullptr)) {
    for (PQconninfoOption* o = options; o->keyword != nullptr; ++o) {
      if (o->val != nullptr && std::string_view(o->keyword) == "password") replace_all(out, o->val);
    }
    PQconninfoFree(options);
  }
  return out;
}

std::string redact_quoted(std::string_view message) {
  const std::string out(message);
  std::string cleaned;
  cleaned.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] != '"') {
      cleaned += out[i];
      continue;
    }
    const auto close = out.find('"', i + 1);
    if (close == std::string::npos) {
      cleaned += "\"***";
      break;
    }
    cleaned += "\"***\"";
    i = close;
  }
  return cleaned;
}

}  // namespace erpc::detail
