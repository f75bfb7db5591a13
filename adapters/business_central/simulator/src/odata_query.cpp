// SPDX-License-Identifier: Apache-2.0
#include "odata_query.hpp"

#include <erpc/adapters/exact_json.hpp>
#include <erpc/decimal.hpp>

#include <cctype>

namespace erpc::sim::bc {

namespace {

bool parse_size(const std::string& text, std::size_t& out) {
  if (text.empty() || text.size() > 9) return false;
  for (const char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  out = static_cast<std::size_t>(std::stoul(text));
  return true;
}

class filter_parser {
 public:
  explicit filter_parser(std::string_view text) : text_(text) {}

  std::optional<std::vector<comparison>> parse(std::string& why) {
    std::vector<comparison> out;
    for (;;) {
      skip_spaces();
      comparison c;
      c.property = identifier();
      if (c.property.empty()) return fail(why, "a property name");
      skip_spaces();
      const auto op = identifier();
      if (op != "eq" && op != "ne") return fail(why, "eq or ne after " + c.property);
      c.equal = op == "eq";
      skip_spaces();
      if (!literal(c.value)) return fail(why, "a literal after " + c.property + " " + op);
      out.push_back(std::move(c));
      skip_spaces();
      if (pos_ == text_.size()) return out;
      if (identifier() != "and") return fail(why, "'and' between comparisons");
    }
  }

 private:
  std::optional<std::vector<comparison>> fail(std::string& why, const std::string& wanted) {
    why = "The $filter expression is not supported here: expected " + wanted + " at position " +
          std::to_string(pos_) + ".";
    return std::nullopt;
  }
  void skip_spaces() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
  }
  std::string identifier() {
    const auto start = pos_;
    while (pos_ < text_.size() &&
           (std::isalnum(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '_')) {
      ++pos_;
    }
    return std::string(text_.substr(start, pos_ - start));
  }
  bool literal(nlohmann::json& out) {
    if (pos_ < text_.size() && text_[pos_] == '\'') {
      std::string value;
      for (++pos_; pos_ < text_.size(); ++pos_) {
        if (text_[pos_] == '\'') {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
            value += '\'';
            ++pos_;
            continue;
          }
          ++pos_;
          out = value;
          return true;
        }
        value += text_[pos_];
      }
      return false;  // unterminated
    }
    const auto start = pos_;
    while (pos_ < text_.size() && text_[pos_] != ' ') ++pos_;
    const auto word = std::string(text_.substr(start, pos_ - start));
    if (word == "true" || word == "false") {
      out = word == "true";
      return true;
    }
    if (const auto d = decimal::parse(word)) {
      out = adapters::make_decimal(*d);
      return true;
    }
    // A GUID literal (vendorId eq 5b3c…) compares as text.
    if (word.size() == 36 && word[8] == '-') {
      out = word;
      return true;
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

bool same_value(const nlohmann::json& have, const nlohmann::json& want) {
  if (want.is_string()) return have.is_string() && have.get<std::string>() == want.get<std::string>();
  if (want.is_boolean()) return have.is_boolean() && have.get<bool>() == want.get<bool>();
  const auto a = adapters::to_decimal(have);
  const auto b = adapters::to_decimal(want);
  return a && b && *a == *b;
}

}  // namespace

std::optional<odata_query> parse_odata_query(
    const std::vector<std::pair<std::string, std::string>>& params, std::string& why) {
  odata_query q;
  for (const auto& [name, value] : params) {
    if (name == "$filter") {
      auto f = filter_parser(value).parse(why);
      if (!f) return std::nullopt;
      q.filter = std::move(*f);
    } else if (name == "$top") {
      std::size_t n = 0;
      if (!parse_size(value, n)) {
        why = "Invalid value for $top: " + value;
        return std::nullopt;
      }
      q.top = n;
    } else if (name == "$skip" || name == "$skiptoken") {
      std::size_t n = 0;
      if (!parse_size(value, n)) {
        why = "Invalid value for " + name + ": " + value;
        return std::nullopt;
      }
      q.skip = n;
    } else if (name == "$expand") {
      q.expand = value;
    } else if (name == "$select") {
      std::size_t start = 0;
      while (start <= value.size()) {
        const auto comma = value.find(',', start);
        const auto item = value.substr(start, comma == std::string::npos ? std::string::npos
                                                                         : comma - start);
        if (!item.empty()) q.select.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    } else if (name == "$orderby" || name == "$count" || name == "company") {
      // $orderby: the simulator answers in entry order (document numbers ascend).
    } else if (!name.empty() && name.front() == '$') {
      why = "The query option " + name + " is not supported.";
      return std::nullopt;
    }
  }
  return q;
}

bool matches(const nlohmann::json& entity, const std::vector<comparison>& filter) {
  for (const auto& c : filter) {
    const auto it = entity.find(c.property);
    const bool same = it != entity.end() && same_value(*it, c.value);
    if (same != c.equal) return false;
  }
  return true;
}

}  // namespace erpc::sim::bc
