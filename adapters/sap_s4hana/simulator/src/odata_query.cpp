// SPDX-License-Identifier: Apache-2.0
#include "odata_query.hpp"

#include "gateway_error.hpp"
#include "odata_values.hpp"

#include <erpc/decimal.hpp>

#include <cctype>
#include <charconv>

namespace erpc::sim::sap {

namespace {

gateway_error bad_query(const std::string& why) {
  return gateway_error(400, codes::bad_query, why);
}

enum class token_kind { identifier, literal, open, close, end };

struct token {
  token_kind kind = token_kind::end;
  std::string text;  // identifier, or the literal's text without quotes
  std::string literal_type;  // "", "string", "datetime", "datetimeoffset", "guid", "number"
};

class lexer {
 public:
  explicit lexer(std::string_view text) : text_(text) {}

  token next() {
    while (pos_ < text_.size() && text_[pos_] == ' ') ++pos_;
    if (pos_ >= text_.size()) return {};
    const char c = text_[pos_];
    if (c == '(') return ++pos_, token{token_kind::open, "(", ""};
    if (c == ')') return ++pos_, token{token_kind::close, ")", ""};
    if (c == '\'') return {token_kind::literal, quoted(), "string"};
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '-') {
      const std::size_t start = pos_++;
      while (pos_ < text_.size() &&
             (std::isdigit(static_cast<unsigned char>(text_[pos_])) || text_[pos_] == '.')) {
        ++pos_;
      }
      std::string number(text_.substr(start, pos_ - start));
      // Type suffixes of v2 numeric literals: 1.5M (decimal), 2L (int64), 1.5d, 1.5f.
      if (pos_ < text_.size() && std::string_view("MmLlDdFf").find(text_[pos_]) !=
                                     std::string_view::npos) {
        ++pos_;
      }
      return {token_kind::literal, std::move(number), "number"};
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[pos_])) ||
                                     text_[pos_] == '_' || text_[pos_] == '/')) {
        ++pos_;
      }
      std::string word(text_.substr(start, pos_ - start));
      if (pos_ < text_.size() && text_[pos_] == '\'' &&
          (word == "datetime" || word == "datetimeoffset" || word == "guid")) {
        return {token_kind::literal, quoted(), word};
      }
      if (word == "true" || word == "false" || word == "null") {
        return {token_kind::literal, word, word == "null" ? "null" : "boolean"};
      }
      return {token_kind::identifier, std::move(word), ""};
    }
    throw bad_query("$filter: unexpected character '" + std::string(1, c) + "'");
  }

 private:
  std::string quoted() {
    ++pos_;  // the opening quote
    std::string value;
    for (;;) {
      if (pos_ >= text_.size()) throw bad_query("$filter: unterminated string literal");
      const char c = text_[pos_++];
      if (c == '\'') {
        if (pos_ < text_.size() && text_[pos_] == '\'') {
          value += '\'';
          ++pos_;
          continue;
        }
        return value;
      }
      value += c;
    }
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

struct filter_node {
  enum class kind { compare, conjunction, disjunction, negation } node_kind = kind::compare;
  // compare
  const edm_property* property = nullptr;
  std::string op;
  nlohmann::json literal;  // the literal in kept form (null for null)
  // and / or / not
  std::shared_ptr<const filter_node> left, right;
};

namespace {

class filter_parser {
 public:
  filter_parser(std::string_view text, const edm_entity_type& type) : lex_(text), type_(type) {
    advance();
  }

  std::shared_ptr<const filter_node> parse() {
    auto node = parse_or();
    if (current_.kind != token_kind::end) {
      throw bad_query("$filter: unexpected '" + current_.text + "'");
    }
    return node;
  }

 private:
  void advance() { current_ = lex_.next(); }
  bool is_word(std::string_view w) const {
    return current_.kind == token_kind::identifier && current_.text == w;
  }

  std::shared_ptr<const filter_node> parse_or() {
    auto left = parse_and();
    while (is_word("or")) {
      advance();
      auto node = std::make_shared<filter_node>();
      node->node_kind = filter_node::kind::disjunction;
      node->left = left;
      node->right = parse_and();
      left = node;
    }
    return left;
  }

  std::shared_ptr<const filter_node> parse_and() {
    auto left = parse_unary();
    while (is_word("and")) {
      advance();
      auto node = std::make_shared<filter_node>();
      node->node_kind = filter_node::kind::conjunction;
      node->left = left;
      node->right = parse_unary();
      left = node;
    }
    return left;
  }

  std::shared_ptr<const filter_node> parse_unary() {
    if (is_word("not")) {
      advance();
      auto node = std::make_shared<filter_node>();
      node->node_kind = filter_node::kind::negation;
      node->left = parse_unary();
      return node;
    }
    if (current_.kind == token_kind::open) {
      advance();
      auto inner = parse_or();
      if (current_.kind != token_kind::close) throw bad_query("$filter: ')' expected");
      advance();
      return inner;
    }
    return parse_comparison();
  }

  std::shared_ptr<const filter_node> parse_comparison() {
    if (current_.kind != token_kind::identifier) {
      throw bad_query("$filter: a property name is expected");
    }
    const edm_property* property = type_.property(current_.text);
    if (!property) {
      throw bad_query("$filter: property '" + current_.text + "' is not in '" + type_.name +
                      "'");
    }
    advance();
    static constexpr std::string_view ops[] = {"eq", "ne", "gt", "ge", "lt", "le"};
    std::string op;
    for (const auto o : ops) {
      if (is_word(o)) op = o;
    }
    if (op.empty()) {
      throw bad_query("$filter: operator expected after '" + property->name +
                      "' (eq ne gt ge lt le)");
    }
    advance();
    if (current_.kind != token_kind::literal) throw bad_query("$filter: literal expected");
    auto node = std::make_shared<filter_node>();
    node->property = property;
    node->op = op;
    node->literal = literal_for(*property, current_);
    if (node->literal.is_null() && op != "eq" && op != "ne") {
      throw bad_query("$filter: null only compares with eq and ne");
    }
    advance();
    return node;
  }

  static nlohmann::json literal_for(const edm_property& p, const token& t) {
    const auto mismatch = [&] {
      return bad_query("$filter: literal " + t.text + " does not fit property '" + p.name +
                       "' of type " + p.type_name);
    };
    if (t.literal_type == "null") return nullptr;
    switch (p.kind) {
      case edm_kind::string:
      case edm_kind::time:
      case edm_kind::other:
        if (t.literal_type != "string") throw mismatch();
        return t.text;
      case edm_kind::guid:
        if (t.literal_type != "guid" && t.literal_type != "string") throw mismatch();
        return t.text;
      case edm_kind::decimal: {
        if (t.literal_type != "number" && t.literal_type != "string") throw mismatch();
        const auto d = decimal::parse(t.text);
        if (!d) throw mismatch();
        return d->to_string();
      }
      case edm_kind::integer: {
        std::int64_t v = 0;
        const auto [end, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        if (t.literal_type != "number" || ec != std::errc() ||
            end != t.text.data() + t.text.size()) {
          throw mismatch();
        }
        return v;
      }
      case edm_kind::boolean:
        if (t.literal_type != "boolean") throw mismatch();
        return t.text == "true";
      case edm_kind::date_time:
      case edm_kind::date_time_offset: {
        if (t.literal_type != "datetime" && t.literal_type != "datetimeoffset") throw mismatch();
        const auto ms = parse_date_millis(t.text, t.literal_type == "datetimeoffset");
        if (!ms) throw mismatch();
        return p.kind == edm_kind::date_time ? odata_date(*ms) : odata_date_offset(*ms);
      }
    }
    throw mismatch();
  }

  lexer lex_;
  const edm_entity_type& type_;
  token current_;
};

std::optional<std::size_t> count_param(std::string_view name, const std::string& value) {
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size()) {
    throw bad_query("System query option '" + std::string(name) +
                    "' takes a non-negative integer");
  }
  return n;
}

std::vector<std::string> comma_list(const std::string& value) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= value.size()) {
    const auto comma = value.find(',', start);
    std::string item = value.substr(start, comma - start);
    while (!item.empty() && item.front() == ' ') item.erase(0, 1);
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) items.push_back(std::move(item));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return items;
}

const nlohmann::json& kept(const nlohmann::json& record, const std::string& name) {
  static const nlohmann::json null_value;
  const auto it = record.find(name);
  return it == record.end() ? null_value : *it;
}

}  // namespace

int compare_kept_values(const edm_property& p, const nlohmann::json& a,
                        const nlohmann::json& b) {
  const bool a_null = a.is_null(), b_null = b.is_null();
  if (a_null || b_null) return static_cast<int>(b_null) - static_cast<int>(a_null);
  switch (p.kind) {
    case edm_kind::decimal: {
      const auto da = decimal_value(a), db = decimal_value(b);
      if (!da || !db) return 0;
      return *da < *db ? -1 : (*db < *da ? 1 : 0);
    }
    case edm_kind::date_time:
    case edm_kind::date_time_offset: {
      const auto ma = parse_date_millis(a.get<std::string>(), true);
      const auto mb = parse_date_millis(b.get<std::string>(), true);
      if (!ma || !mb) return 0;
      return *ma < *mb ? -1 : (*ma > *mb ? 1 : 0);
    }
    case edm_kind::boolean:
      return static_cast<int>(a.get<bool>()) - static_cast<int>(b.get<bool>());
    case edm_kind::integer: {
      const auto ia = a.get<std::int64_t>(), ib = b.get<std::int64_t>();
      return ia < ib ? -1 : (ia > ib ? 1 : 0);
    }
    default: {
      const auto sa = a.get<std::string>(), sb = b.get<std::string>();
      return sa.compare(sb) < 0 ? -1 : (sa == sb ? 0 : 1);
    }
  }
}

bool filter_matches(const filter_node& node, const nlohmann::json& record,
                    const edm_entity_type& type) {
  switch (node.node_kind) {
    case filter_node::kind::conjunction:
      return filter_matches(*node.left, record, type) && filter_matches(*node.right, record, type);
    case filter_node::kind::disjunction:
      return filter_matches(*node.left, record, type) || filter_matches(*node.right, record, type);
    case filter_node::kind::negation:
      return !filter_matches(*node.left, record, type);
    case filter_node::kind::compare:
      break;
  }
  nlohmann::json value = kept(record, node.property->name);
  if (value.is_null() && !node.literal.is_null()) value = initial_value(*node.property);
  if (node.literal.is_null()) {
    const bool is_null = value.is_null();
    return node.op == "eq" ? is_null : !is_null;
  }
  if (value.is_null()) return node.op == "ne";
  const int c = compare_kept_values(*node.property, value, node.literal);
  if (node.op == "eq") return c == 0;
  if (node.op == "ne") return c != 0;
  if (node.op == "gt") return c > 0;
  if (node.op == "ge") return c >= 0;
  if (node.op == "lt") return c < 0;
  return c <= 0;
}

query_options parse_query_options(const http_params& params, const edm_entity_type& type) {
  query_options options;
  std::size_t skip = 0, skiptoken = 0;
  for (const auto& [name, value] : params) {
    if (name.empty() || name.front() != '$') continue;  // sap-client and the like
    if (name == "$top") {
      options.top = count_param(name, value);
    } else if (name == "$skip") {
      skip = *count_param(name, value);
    } else if (name == "$skiptoken") {
      skiptoken = *count_param(name, value);
    } else if (name == "$inlinecount") {
      if (value != "allpages" && value != "none") {
        throw bad_query("System query option '$inlinecount' takes allpages or none");
      }
      options.inline_count = value == "allpages";
    } else if (name == "$filter") {
      options.filter = filter_parser(value, type).parse();
    } else if (name == "$select") {
      options.select = comma_list(value);
      for (const auto& s : options.select) {
        if (s != "*" && !type.property(s) && !type.has_navigation(s)) {
          throw bad_query("$select: property '" + s + "' is not in '" + type.name + "'");
        }
      }
    } else if (name == "$expand") {
      options.expand = comma_list(value);
    } else if (name == "$orderby") {
      for (const auto& item : comma_list(value)) {
        order_key key;
        const auto space = item.find(' ');
        key.property = item.substr(0, space);
        if (space != std::string::npos) {
          const auto dir = item.substr(space + 1);
          if (dir != "asc" && dir != "desc") throw bad_query("$orderby: asc or desc expected");
          key.descending = dir == "desc";
        }
        if (!type.property(key.property)) {
          throw bad_query("$orderby: property '" + key.property + "' is not in '" + type.name +
                          "'");
        }
        options.order_by.push_back(std::move(key));
      }
    } else if (name == "$format") {
      options.format = value;
    } else {
      throw bad_query("System query option '" + name + "' is not supported");
    }
  }
  options.skip = skip + skiptoken;
  return options;
}

}  // namespace erpc::sim::sap
