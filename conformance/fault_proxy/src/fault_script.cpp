// SPDX-License-Identifier: Apache-2.0
// Strict validation of fault scripts. A script drives a certification run, so a typo must
// stop the run with the member it concerns rather than silently apply no fault: every member
// is checked for presence, type and range, and unknown members are refused.
#include "erpc/conformance/fault_script.hpp"

#include <erpc/error.hpp>
#include <erpc/host/json_pointer_token.hpp>
#include <erpc/host/strict_json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <regex>
#include <set>
#include <sstream>

namespace erpc::conformance {

struct rule_patterns {
  std::optional<std::regex> path;
  std::optional<std::regex> header_value;
};

namespace {

using json = nlohmann::json;

constexpr std::int64_t max_delay_ms = 600'000;       // ten minutes: beyond any call deadline
constexpr std::int64_t max_retry_after_s = 86'400;   // one day
constexpr std::size_t max_body_file_bytes = 16u * 1024u * 1024u;
constexpr std::size_t max_script_bytes = 4u * 1024u * 1024u;

[[noreturn]] void refuse(const char* code, const std::string& pointer, const std::string& what) {
  const std::string shown = pointer.empty() ? "(the script)" : pointer;
  throw error(error_class::validation, code, "fault script: " + shown + ": " + what)
      .with_field(pointer, code, what);
}

std::string member_pointer(const std::string& object_pointer, std::string_view member) {
  return object_pointer + "/" + escape_pointer_token(member);
}

void require_object(const json& value, const std::string& pointer) {
  if (!value.is_object()) refuse("proxy.script_wrong_type", pointer, "must be an object");
}

void only_members(const json& object, const std::string& pointer,
                  std::initializer_list<std::string_view> allowed) {
  for (const auto& [name, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      refuse("proxy.script_unknown_member", member_pointer(pointer, name),
             "is not a member of the fault script format");
    }
  }
}

const json* member(const json& object, std::string_view name) {
  const auto it = object.find(name);
  return it == object.end() ? nullptr : &*it;
}

const json& required(const json& object, const std::string& pointer, std::string_view name) {
  const json* value = member(object, name);
  if (!value) {
    refuse("proxy.script_missing_member", member_pointer(pointer, name), "is required");
  }
  return *value;
}

std::string string_value(const json& value, const std::string& pointer) {
  if (!value.is_string()) refuse("proxy.script_wrong_type", pointer, "must be a string");
  return value.get<std::string>();
}

std::int64_t integer_value(const json& value, const std::string& pointer, std::int64_t min,
                           std::int64_t max) {
  if (!value.is_number_integer()) {
    refuse("proxy.script_wrong_type", pointer, "must be an integer");
  }
  if (value.is_number_unsigned() && value.get<std::uint64_t>() >
                                        static_cast<std::uint64_t>(max)) {
    refuse("proxy.script_bad_value", pointer, "must be at most " + std::to_string(max));
  }
  const auto v = value.get<std::int64_t>();
  if (v < min || v > max) {
    refuse("proxy.script_bad_value", pointer,
           "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return v;
}

template <class Enum>
Enum word_value(const json& value, const std::string& pointer,
                std::initializer_list<std::pair<std::string_view, Enum>> words) {
  const std::string text = string_value(value, pointer);
  std::string allowed;
  for (const auto& [word, e] : words) {
    if (text == word) return e;
    allowed += (allowed.empty() ? "" : ", ") + std::string(word);
  }
  refuse("proxy.script_bad_value", pointer, "must be one of: " + allowed);
}

std::regex compile(const std::string& pattern, const std::string& pointer) {
  try {
    return std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    refuse("proxy.script_bad_regex", pointer, std::string("not an ECMAScript regex: ") + e.what());
  }
}

// An HTTP method is an RFC 9110 token; the proxy compares it case-sensitively, as servers do.
bool is_token(std::string_view text) {
  if (text.empty()) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
  });
}

bool is_field_value(std::string_view text) {
  return std::none_of(text.begin(), text.end(),
                      [](char c) { return c == '\r' || c == '\n' || c == '\0'; });
}

std::string read_body_file(const std::filesystem::path& base_dir, const std::string& name,
                           const std::string& pointer) {
  const std::filesystem::path path = std::filesystem::path(name).is_absolute()
                                         ? std::filesystem::path(name)
                                         : base_dir / name;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > max_body_file_bytes) {
    refuse("proxy.script_body_file", pointer,
           ec ? "cannot read " + path.string() + ": " + ec.message()
              : path.string() + " is larger than 16 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) refuse("proxy.script_body_file", pointer, "cannot read " + path.string());
  return text.str();
}

void parse_match(const json& match, const std::string& pointer, fault_rule& rule,
                 rule_patterns& patterns) {
  require_object(match, pointer);
  only_members(match, pointer, {"method", "path", "header", "occurrence", "count"});
  if (const json* method = member(match, "method")) {
    const std::string at = member_pointer(pointer, "method");
    const auto add = [&](const json& value, const std::string& value_at) {
      std::string text = string_value(value, value_at);
      if (!is_token(text)) refuse("proxy.script_bad_value", value_at, "is not an HTTP method");
      rule.methods.push_back(std::move(text));
    };
    if (method->is_array()) {
      if (method->empty()) refuse("proxy.script_bad_value", at, "must name at least one method");
      for (std::size_t i = 0; i < method->size(); ++i) {
        add((*method)[i], at + "/" + std::to_string(i));
      }
    } else {
      add(*method, at);
    }
  }
  if (const json* path = member(match, "path")) {
    const std::string at = member_pointer(pointer, "path");
    rule.path_regex = string_value(*path, at);
    if (rule.path_regex.empty()) refuse("proxy.script_bad_value", at, "must not be empty");
    patterns.path = compile(rule.path_regex, at);
  }
  if (const json* header = member(match, "header")) {
    const std::string at = member_pointer(pointer, "header");
    require_object(*header, at);
    only_members(*header, at, {"name", "value"});
    const std::string name_at = member_pointer(at, "name");
    rule.header_name = string_value(required(*header, at, "name"), name_at);
    if (!is_token(rule.header_name)) {
      refuse("proxy.script_bad_value", name_at, "is not a header field name");
    }
    if (const json* value = member(*header, "value")) {
      const std::string value_at = member_pointer(at, "value");
      rule.header_value_regex = string_value(*value, value_at);
      patterns.header_value = compile(rule.header_value_regex, value_at);
    }
  }
  if (const json* occurrence = member(match, "occurrence")) {
    rule.occurrence = static_cast<std::uint64_t>(
        integer_value(*occurrence, member_pointer(pointer, "occurrence"), 1, INT64_MAX));
  }
  if (const json* count = member(match, "count")) {
    rule.count = static_cast<std::uint64_t>(
        integer_value(*count, member_pointer(pointer, "count"), 1, INT64_MAX));
  }
}

void parse_respond(const json& fault, const std::string& pointer, fault_rule& rule,
                   const std::filesystem::path& base_dir) {
  rule.status = static_cast<unsigned>(
      integer_value(required(fault, pointer, "status"), member_pointer(pointer, "status"), 200,
                    599));
  if (const json* headers = member(fault, "headers")) {
    const std::string at = member_pointer(pointer, "headers");
    require_object(*headers, at);
    for (const auto& [name, value] : headers->items()) {
      const std::string value_at = member_pointer(at, name);
      if (!is_token(name)) refuse("proxy.script_bad_value", value_at, "is not a header field name");
      std::string text = string_value(value, value_at);
      if (!is_field_value(text)) {
        refuse("proxy.script_bad_value", value_at, "must not contain CR, LF or NUL");
      }
      rule.headers.emplace_back(name, std::move(text));
    }
  }
  const json* body = member(fault, "body");
  const json* body_file = member(fault, "body_file");
  if (body && body_file) {
    refuse("proxy.script_bad_value", member_pointer(pointer, "body_file"),
           "give either body or body_file, not both");
  }
  if (body) rule.body = string_value(*body, member_pointer(pointer, "body"));
  if (body_file) {
    const std::string at = member_pointer(pointer, "body_file");
    rule.body = read_body_file(base_dir, string_value(*body_file, at), at);
  }
  if (const json* retry = member(fault, "retry_after")) {
    const std::string at = member_pointer(pointer, "retry_after");
    require_object(*retry, at);
    only_members(*retry, at, {"seconds", "format"});
    struct retry_after value;
    value.seconds = integer_value(required(*retry, at, "seconds"), member_pointer(at, "seconds"),
                                  0, max_retry_after_s);
    if (const json* format = member(*retry, "format")) {
      value.format = word_value<retry_after_format>(
          *format, member_pointer(at, "format"),
          {{"seconds", retry_after_format::seconds}, {"http-date", retry_after_format::http_date}});
    }
    rule.retry_after_header = value;
  }
}

void parse_fault(const json& fault, const std::string& pointer, fault_rule& rule,
                 const std::filesystem::path& base_dir) {
  require_object(fault, pointer);
  rule.kind = word_value<fault_kind>(required(fault, pointer, "type"),
                                     member_pointer(pointer, "type"),
                                     {{"pass", fault_kind::pass},
                                      {"respond", fault_kind::respond},
                                      {"reset", fault_kind::reset},
                                      {"close", fault_kind::close},
                                      {"drop_reply", fault_kind::drop_reply},
                                      {"late_delivery", fault_kind::late_delivery},
                                      {"truncate", fault_kind::truncate},
                                      {"malformed", fault_kind::malformed}});
  switch (rule.kind) {
    case fault_kind::pass:
    case fault_kind::reset:
    case fault_kind::close: only_members(fault, pointer, {"type", "delay_ms"}); break;
    case fault_kind::respond:
      only_members(fault, pointer,
                   {"type", "delay_ms", "status", "headers", "body", "body_file", "retry_after"});
      parse_respond(fault, pointer, rule, base_dir);
      break;
    case fault_kind::drop_reply: only_members(fault, pointer, {"type", "delay_ms", "client_sees"}); break;
    case fault_kind::late_delivery:
      only_members(fault, pointer, {"type", "delay_ms", "client_sees", "release_after"});
      if (const json* after = member(fault, "release_after")) {
        const std::string at = member_pointer(pointer, "release_after");
        rule.release_after = string_value(*after, at);
        if (rule.release_after.empty()) refuse("proxy.script_bad_value", at, "must not be empty");
      }
      break;
    case fault_kind::truncate:
      only_members(fault, pointer, {"type", "delay_ms", "keep_bytes"});
      if (const json* keep = member(fault, "keep_bytes")) {
        rule.keep_bytes = static_cast<std::size_t>(
            integer_value(*keep, member_pointer(pointer, "keep_bytes"), 0, INT64_MAX));
      }
      break;
    case fault_kind::malformed:
      only_members(fault, pointer, {"type", "delay_ms", "garbage"});
      if (const json* garbage = member(fault, "garbage")) {
        rule.garbage = word_value<garbage_kind>(*garbage, member_pointer(pointer, "garbage"),
                                                {{"bytes", garbage_kind::bytes},
                                                 {"json", garbage_kind::json},
                                                 {"xml", garbage_kind::xml}});
      }
      break;
  }
  if (const json* sees = member(fault, "client_sees")) {
    rule.client_sees = word_value<broken_connection>(
        *sees, member_pointer(pointer, "client_sees"),
        {{"reset", broken_connection::reset}, {"close", broken_connection::close}});
  }
  if (const json* delay = member(fault, "delay_ms")) {
    rule.delay = std::chrono::milliseconds(
        integer_value(*delay, member_pointer(pointer, "delay_ms"), 0, max_delay_ms));
  }
}

bool is_rule_id(std::string_view id) {
  return !id.empty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

fault_script parse_fault_script(std::string_view json_text,
                                const std::filesystem::path& base_dir) {
  json document;
  try {
    json_limits limits;
    limits.max_bytes = max_script_bytes;
    document = parse_strict(json_text, limits);
  } catch (const error& e) {
    throw error(error_class::validation, "proxy.script_not_json",
                "fault script: not strict JSON: " + e.message())
        .with_fields(e.field_errors());
  }
  require_object(document, "");
  only_members(document, "", {"$schema", "version", "description", "rules"});
  fault_script script;
  if (const json* version = member(document, "version")) {
    if (!version->is_number_integer() || version->get<std::int64_t>() != 1) {
      refuse("proxy.script_unsupported_version", "/version", "this proxy reads version 1");
    }
  }
  if (const json* schema = member(document, "$schema")) string_value(*schema, "/$schema");
  if (const json* description = member(document, "description")) {
    script.description = string_value(*description, "/description");
  }
  const json& rules = required(document, "", "rules");
  if (!rules.is_array()) refuse("proxy.script_wrong_type", "/rules", "must be an array");

  std::set<std::string> ids;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const std::string at = "/rules/" + std::to_string(i);
    const json& entry = rules[i];
    require_object(entry, at);
    only_members(entry, at, {"id", "description", "match", "fault"});
    fault_rule rule;
    rule.id = string_value(required(entry, at, "id"), at + "/id");
    if (!is_rule_id(rule.id)) {
      refuse("proxy.script_bad_value", at + "/id",
             "must be 1 to 128 characters of A-Z a-z 0-9 - _ .");
    }
    if (!ids.insert(rule.id).second) {
      refuse("proxy.script_duplicate_rule_id", at + "/id", "another rule has the id " + rule.id);
    }
    if (const json* description = member(entry, "description")) {
      string_value(*description, at + "/description");
    }
    auto patterns = std::make_shared<rule_patterns>();
    if (const json* match = member(entry, "match")) {
      parse_match(*match, at + "/match", rule, *patterns);
    }
    rule.patterns = std::move(patterns);
    parse_fault(required(entry, at, "fault"), at + "/fault", rule, base_dir);
    script.rules.push_back(std::move(rule));
  }
  for (std::size_t i = 0; i < script.rules.size(); ++i) {
    const auto& after = script.rules[i].release_after;
    if (!after.empty() && !ids.count(after)) {
      refuse("proxy.script_unknown_rule", "/rules/" + std::to_string(i) + "/fault/release_after",
             "no rule has the id " + after);
    }
    if (after == script.rules[i].id) {
      refuse("proxy.script_bad_value", "/rules/" + std::to_string(i) + "/fault/release_after",
             "a held request cannot wait for its own rule");
    }
  }
  script.source = document.dump();
  return script;
}

fault_script load_fault_script(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw error(error_class::configuration, "proxy.script_unreadable",
                "cannot read the fault script " + file.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  const auto dir = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
  return parse_fault_script(text.str(), dir);
}

bool criteria_match(const fault_rule& rule, std::string_view method, std::string_view path,
                    const http_headers& headers) {
  if (!rule.methods.empty() &&
      std::find(rule.methods.begin(), rule.methods.end(), method) == rule.methods.end()) {
    return false;
  }
  const rule_patterns* patterns = rule.patterns.get();
  if (patterns && patterns->path &&
      !std::regex_match(path.begin(), path.end(), *patterns->path)) {
    return false;
  }
  if (!rule.header_name.empty()) {
    const auto value = headers.get(rule.header_name);
    if (!value) return false;
    if (patterns && patterns->header_value &&
        !std::regex_match(value->begin(), value->end(), *patterns->header_value)) {
      return false;
    }
  }
  return true;
}

std::string_view to_string(fault_kind kind) noexcept {
  switch (kind) {
    case fault_kind::pass: return "pass";
    case fault_kind::respond: return "respond";
    case fault_kind::reset: return "reset";
    case fault_kind::close: return "close";
    case fault_kind::drop_reply: return "drop_reply";
    case fault_kind::late_delivery: return "late_delivery";
    case fault_kind::truncate: return "truncate";
    case fault_kind::malformed: return "malformed";
  }
  return "pass";
}

std::string_view to_string(broken_connection outcome) noexcept {
  return outcome == broken_connection::reset ? "reset" : "close";
}

}  // namespace erpc::conformance
