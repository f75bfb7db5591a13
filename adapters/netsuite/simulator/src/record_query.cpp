// SPDX-License-Identifier: Apache-2.0
#include "record_query.hpp"

#include "exact_json.hpp"

#include <erpc/decimal.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace erpc::sim::netsuite {

namespace {

std::string upper(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Words, quoted strings (quote kept as the first char so callers can tell), and single-char
// punctuation from `punct`.
std::vector<std::string> tokenize(std::string_view text, std::string_view punct) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++i;
    } else if (c == '"' || c == '\'') {
      const auto close = text.find(c, i + 1);
      if (close == std::string_view::npos) throw query_error("unterminated quoted value");
      out.push_back(std::string(1, c) + std::string(text.substr(i + 1, close - i - 1)));
      i = close + 1;
    } else if (punct.find(c) != std::string_view::npos) {
      out.emplace_back(1, c);
      ++i;
    } else {
      const auto start = i;
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])) == 0 &&
             punct.find(text[i]) == std::string_view::npos && text[i] != '"' && text[i] != '\'') {
        ++i;
      }
      out.emplace_back(text.substr(start, i - start));
    }
  }
  return out;
}

bool is_quoted(const std::string& token) {
  return !token.empty() && (token[0] == '"' || token[0] == '\'');
}

std::string unquote(const std::string& token) { return is_quoted(token) ? token.substr(1) : token; }

const std::vector<std::string> no_value_ops = {"EMPTY", "EMPTY_NOT"};
const std::vector<std::string> text_ops = {"IS", "IS_NOT", "CONTAIN", "START_WITH", "END_WITH"};
const std::vector<std::string> number_ops = {"EQUAL", "EQUAL_NOT",    "GREATER", "GREATER_OR_EQUAL",
                                             "LESS",  "LESS_OR_EQUAL"};

bool contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// A field's value as text; nullopt when the record does not have it.
std::optional<std::string> field_text(const ns_record& record, std::string_view field) {
  if (field == "id") return record.id;
  if (field == "externalId") {
    if (record.external_id.empty()) return std::nullopt;
    return record.external_id;
  }
  if (!record.fields.is_object()) return std::nullopt;
  const auto it = record.fields.find(std::string(field));
  if (it == record.fields.end() || it->is_null()) return std::nullopt;
  return scalar_text(*it);
}

bool holds(const std::optional<std::string>& actual, const condition& c) {
  if (c.op == "EMPTY") return !actual || actual->empty();
  if (c.op == "EMPTY_NOT") return actual && !actual->empty();
  if (!actual) return c.op == "IS_NOT" || c.op == "EQUAL_NOT";
  const auto& a = *actual;
  if (c.op == "IS") return a == c.value;
  if (c.op == "IS_NOT") return a != c.value;
  if (c.op == "CONTAIN") return a.find(c.value) != std::string::npos;
  if (c.op == "START_WITH") return a.rfind(c.value, 0) == 0;
  if (c.op == "END_WITH") {
    return a.size() >= c.value.size() &&
           a.compare(a.size() - c.value.size(), c.value.size(), c.value) == 0;
  }
  const auto x = decimal::parse(a);
  const auto y = decimal::parse(c.value);
  if (!x || !y) return c.op == "EQUAL_NOT";
  if (c.op == "EQUAL") return *x == *y;
  if (c.op == "EQUAL_NOT") return *x != *y;
  if (c.op == "GREATER") return *x > *y;
  if (c.op == "GREATER_OR_EQUAL") return *x >= *y;
  if (c.op == "LESS") return *x < *y;
  return *x <= *y;  // LESS_OR_EQUAL
}

std::size_t read_size(const server_request& request, std::string_view name, std::size_t fallback) {
  const auto text = request.query(name);
  if (!text) return fallback;
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (text->empty() || ec != std::errc() || end != text->data() + text->size()) {
    throw query_error("The value of the query parameter '" + std::string(name) +
                      "' is invalid: it must be a non-negative integer.");
  }
  return value;
}

const std::vector<std::pair<std::string, std::string>> transaction_types = {
    {"vendorBill", "VendBill"},
    {"vendorCredit", "VendCred"},
    {"journalEntry", "Journal"},
    {"vendorPayment", "VendPymt"}};

std::optional<std::string> column_text(const ns_record& record, const std::string& column,
                                       const std::string& table) {
  if (column == "id") return record.id;
  if (column == "externalid") return field_text(record, "externalId");
  if (column == "type" && table == "transaction") {
    for (const auto& [type, code] : transaction_types) {
      if (type == record.type) return code;
    }
  }
  if (record.fields.is_object()) {
    for (const auto& [name, value] : record.fields.items()) {
      if (lower(name) == column && !value.is_null()) return scalar_text(value);
    }
  }
  return std::nullopt;
}

}  // namespace

std::vector<condition> parse_record_filter(std::string_view q) {
  const auto tokens = tokenize(q, "()");
  std::vector<condition> out;
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (tokens[i] == "(" || tokens[i] == ")" || upper(tokens[i]) == "OR") {
      throw query_error("The simulator supports conditions joined with AND only.");
    }
    if (i + 1 >= tokens.size())
      throw query_error("Invalid search query: '" + std::string(q) + "'.");
    condition c{tokens[i], upper(tokens[i + 1]), ""};
    i += 2;
    if (!contains(no_value_ops, c.op)) {
      if (!contains(text_ops, c.op) && !contains(number_ops, c.op)) {
        throw query_error("Invalid search query: unknown operator '" + c.op + "'.");
      }
      if (i >= tokens.size())
        throw query_error("Invalid search query: '" + c.op + "' takes a value.");
      c.value = unquote(tokens[i++]);
    }
    out.push_back(std::move(c));
    if (i < tokens.size()) {
      if (upper(tokens[i]) == "OR") {
        throw query_error("The simulator supports conditions joined with AND only.");
      }
      if (upper(tokens[i]) != "AND") throw query_error("Invalid search query: expected AND.");
      ++i;
      if (i >= tokens.size()) throw query_error("Invalid search query: nothing after AND.");
    }
  }
  return out;
}

bool matches(const ns_record& record, const std::vector<condition>& conditions) {
  return std::all_of(conditions.begin(), conditions.end(),
                     [&](const condition& c) { return holds(field_text(record, c.field), c); });
}

page_request read_page(const server_request& request) {
  page_request page;
  page.limit = read_size(request, "limit", 1000);
  page.offset = read_size(request, "offset", 0);
  if (page.limit == 0 || page.limit > 1000) {
    throw query_error("The value of the query parameter 'limit' must be between 1 and 1000.");
  }
  return page;
}

nlohmann::json page_document(const std::vector<nlohmann::json>& all_items, const page_request& page,
                             const std::string& link_base, const std::string& kept_query) {
  const std::size_t total = all_items.size();
  const std::size_t begin = std::min(page.offset, total);
  const std::size_t end = std::min(begin + page.limit, total);
  const auto link = [&](std::string rel, std::size_t offset) {
    std::string href = link_base + "?" + (kept_query.empty() ? "" : kept_query + "&") +
                       "limit=" + std::to_string(page.limit) + "&offset=" + std::to_string(offset);
    return nlohmann::json{{"rel", std::move(rel)}, {"href", std::move(href)}};
  };
  const std::size_t last_offset = total == 0 ? 0 : ((total - 1) / page.limit) * page.limit;
  nlohmann::json links = nlohmann::json::array();
  if (page.offset > 0)
    links.push_back(link("previous", page.offset > page.limit ? page.offset - page.limit : 0));
  links.push_back(link("first", 0));
  if (end < total) links.push_back(link("next", end));
  links.push_back(link("last", last_offset));
  links.push_back(link("self", page.offset));
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = begin; i < end; ++i) items.push_back(all_items[i]);
  return {{"links", links}, {"count", end - begin},  {"hasMore", end < total},
          {"items", items}, {"offset", page.offset}, {"totalResults", total}};
}

suiteql_query parse_suiteql(std::string_view text) {
  const auto tokens = tokenize(text, ",=*");
  suiteql_query q;
  std::size_t i = 0;
  const auto expect = [&](std::string_view word) {
    if (i >= tokens.size() || upper(tokens[i]) != word) {
      throw query_error("Invalid or unsupported search: expected " + std::string(word) + ".");
    }
    ++i;
  };
  expect("SELECT");
  if (i < tokens.size() && tokens[i] == "*") {
    ++i;
  } else {
    for (;;) {
      if (i >= tokens.size() || is_quoted(tokens[i]))
        throw query_error("Invalid or unsupported search: a column is missing.");
      q.columns.push_back(lower(tokens[i++]));
      if (i < tokens.size() && tokens[i] == ",") {
        ++i;
        continue;
      }
      break;
    }
  }
  expect("FROM");
  if (i >= tokens.size()) throw query_error("Invalid or unsupported search: no table.");
  q.table = lower(tokens[i++]);
  if (q.table != "vendor" && q.table != "transaction") {
    throw query_error(
        "Invalid or unsupported search: the simulator has the tables vendor and transaction.");
  }
  if (i < tokens.size() && upper(tokens[i]) == "WHERE") {
    ++i;
    for (;;) {
      if (i + 2 >= tokens.size()) {
        throw query_error("Invalid or unsupported search: WHERE takes column = value.");
      }
      if (tokens[i + 1] != "=")
        throw query_error("Invalid or unsupported search: only = is supported.");
      q.equals.emplace_back(lower(tokens[i]), unquote(tokens[i + 2]));
      i += 3;
      if (i < tokens.size() && upper(tokens[i]) == "AND") {
        ++i;
        continue;
      }
      break;
    }
  }
  if (i < tokens.size() && upper(tokens[i]) == "ORDER") {
    ++i;
    expect("BY");
    if (i >= tokens.size())
      throw query_error("Invalid or unsupported search: ORDER BY takes a column.");
    q.order_by = lower(tokens[i++]);
    if (i < tokens.size() && (upper(tokens[i]) == "ASC" || upper(tokens[i]) == "DESC")) {
      q.descending = upper(tokens[i++]) == "DESC";
    }
  }
  if (i != tokens.size())
    throw query_error("Invalid or unsupported search near '" + tokens[i] + "'.");
  return q;
}

std::vector<nlohmann::json> run_suiteql(const suiteql_query& query, const record_store& store) {
  std::vector<const ns_record*> rows;
  if (query.table == "vendor") {
    rows = store.list("vendor");
  } else {
    for (const auto& [type, code] : transaction_types) {
      const auto part = store.list(type);
      rows.insert(rows.end(), part.begin(), part.end());
    }
  }
  std::vector<const ns_record*> kept;
  for (const auto* r : rows) {
    const bool ok = std::all_of(query.equals.begin(), query.equals.end(), [&](const auto& eq) {
      return column_text(*r, eq.first, query.table) == eq.second;
    });
    if (ok) kept.push_back(r);
  }
  const auto key = [&](const ns_record* r) {
    return column_text(*r, query.order_by, query.table).value_or("");
  };
  std::stable_sort(kept.begin(), kept.end(), [&](const ns_record* a, const ns_record* b) {
    const auto ka = key(a);
    const auto kb = key(b);
    const auto da = decimal::parse(ka);
    const auto db = decimal::parse(kb);
    const bool less = da && db ? *da < *db : ka < kb;
    const bool greater = da && db ? *db < *da : kb < ka;
    return query.descending ? greater : less;
  });
  std::vector<nlohmann::json> out;
  for (const auto* r : kept) {
    nlohmann::json row = {{"links", nlohmann::json::array()}};
    if (query.columns.empty()) {
      row["id"] = r->id;
      if (const auto e = column_text(*r, "externalid", query.table)) row["externalid"] = *e;
      if (const auto t = column_text(*r, "type", query.table); t && query.table == "transaction")
        row["type"] = *t;
      for (const auto& [name, value] : r->fields.items()) {
        if (!value.is_array() && !value.is_null() &&
            !(value.is_object() && !value.contains("id"))) {
          row[lower(name)] = scalar_text(value);
        }
      }
    } else {
      for (const auto& c : query.columns) {
        const auto v = column_text(*r, c, query.table);
        row[c] = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
      }
    }
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace erpc::sim::netsuite
