#include "placeholder_translation.hpp"

namespace erpc::detail {

std::string to_postgres_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  char quote = 0;  // the open quote character, 0 outside quotes
  for (const char c : sql) {
    if (quote != 0) {
      // A doubled quote ('it''s') closes and reopens: the result is the same.
      if (c == quote) quote = 0;
      out += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      out += c;
    } else if (c == '?') {
      out += '$';
      out += std::to_string(next++);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace erpc::detail
