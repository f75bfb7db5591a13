// SPDX-License-Identifier: Apache-2.0
// Record collections and SuiteQL (vendors.md §1.6): the `q` filter, limit/offset paging and the
// page document {links, count, hasMore, items, offset, totalResults}.
//
// Supported `q`: `<field> <OP> [<value>]` joined with AND; OP one of IS, IS_NOT, CONTAIN,
// START_WITH, END_WITH, EMPTY, EMPTY_NOT (no value), EQUAL, EQUAL_NOT, GREATER,
// GREATER_OR_EQUAL, LESS, LESS_OR_EQUAL (decimal comparison); values bare or "quoted". A
// reference field ({"id": …}) compares by id. OR and parentheses are refused as unsupported.
// Supported SuiteQL: SELECT <*|col, …> FROM <vendor|transaction> [WHERE col = 'v' [AND …]]
// [ORDER BY col [ASC|DESC]]; `transaction` has a `type` column (VendBill, VendCred, Journal,
// VendPymt). Anything else is refused as unsupported.
#pragma once

#include "record_store.hpp"

#include <erpc/host/server_request.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::netsuite {

// A query the simulator refuses; answered 400 INVALID_PARAMETER with what() as the detail.
struct query_error : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

struct condition {
  std::string field;
  std::string op;
  std::string value;
};

std::vector<condition> parse_record_filter(std::string_view q);
bool matches(const ns_record& record, const std::vector<condition>& conditions);

struct page_request {
  std::size_t limit = 1000;  // default and maximum (§1.6)
  std::size_t offset = 0;
};

page_request read_page(const server_request& request);

// `link_base` is the absolute URL of the collection; `kept_query` the query parameters other
// than limit/offset, already encoded ("q=entity%20EQUAL%201722"), repeated in every link.
nlohmann::json page_document(const std::vector<nlohmann::json>& all_items, const page_request& page,
                             const std::string& link_base, const std::string& kept_query);

struct suiteql_query {
  std::vector<std::string> columns;  // lowercase; empty = *
  std::string table;                 // vendor | transaction
  std::vector<std::pair<std::string, std::string>> equals;
  std::string order_by = "id";
  bool descending = false;
};

suiteql_query parse_suiteql(std::string_view text);
// One row object a record: {column: text}; ordered and filtered, not yet paged.
std::vector<nlohmann::json> run_suiteql(const suiteql_query& query, const record_store& store);

}  // namespace erpc::sim::netsuite
