// SPDX-License-Identifier: Apache-2.0
#include "odata_service.hpp"

#include "odata_query.hpp"
#include "odata_values.hpp"
#include "sap_settings.hpp"

#include <erpc/detail/http_url_encode.hpp>

#include <algorithm>
#include <map>

namespace erpc::sim::sap {

struct odata_service::request_scope {
  const server_request& req;
  entity_store& store;
  effects_log& effects;
  const simulator_settings& settings;
  std::string root_uri;
  overlong_policy overlong = overlong_policy::reject;
};

namespace {

gateway_error not_found(std::string_view what) {
  return gateway_error(404, codes::not_found, "Resource not found for segment '" +
                                                  std::string(what) + "'");
}

gateway_error method_not_allowed(std::string_view method, std::string_view what) {
  return gateway_error(405, codes::method_not_allowed,
                       "Method '" + std::string(method) + "' is not allowed for '" +
                           std::string(what) + "'");
}

server_response odata_json(unsigned status, const nlohmann::json& d) {
  server_response res = server_response::json(status, nlohmann::json{{"d", d}}.dump());
  res.headers.set("Content-Type", "application/json;charset=utf-8");
  res.headers.set("DataServiceVersion", "2.0");
  return res;
}

nlohmann::json parse_body(const std::string& body) {
  try {
    auto doc = nlohmann::json::parse(body);
    if (!doc.is_object()) {
      throw gateway_error(400, codes::malformed_body, "The request body must be a JSON object");
    }
    return doc;
  } catch (const nlohmann::json::exception&) {
    throw gateway_error(400, codes::malformed_body, "The request body is not valid JSON");
  }
}

bool wants_json(const server_request& req) {
  const auto format = req.query("$format");
  if (format) return *format == "json";
  const auto accept = req.header("Accept");
  return accept.find("application/json") != std::string_view::npos;
}

// The effective method: MERGE and PATCH may come as POST with X-HTTP-Method (tunnelling).
std::string effective_method(const server_request& req) {
  const auto tunnelled = req.header("X-HTTP-Method");
  if (req.method == "POST" && !tunnelled.empty()) return std::string(tunnelled);
  return req.method;
}

}  // namespace

std::string service_root_uri(const server_request& req, std::string_view service) {
  const auto host = req.header("Host");
  return "http://" + std::string(host.empty() ? "localhost" : host) + "/sap/opu/odata/sap/" +
         std::string(service) + "/";
}

void record_writer::write(std::string_view set, nlohmann::json record) {
  const auto* type = model_.entity_set(set);
  const auto predicate = key_predicate(*type, record);
  const auto vendor_id = key_text(*type, record);
  const auto natural = rules_.natural_key(set, record);
  store_.put(set, predicate, std::move(record));
  effects_.record_write(std::string(set), vendor_id, natural);
}

odata_service::odata_service(std::string name, std::string_view edmx, gateway_service info,
                             std::vector<navigation_link> navigations, service_rules& rules)
    : name_(std::move(name)),
      edmx_(edmx),
      model_(edm_model::parse(edmx)),
      info_(std::move(info)),
      navigations_(std::move(navigations)),
      rules_(rules) {
  for (const auto& link : navigations_) {
    if (!model_.entity_set(link.from_set) || !model_.entity_set(link.to_set) ||
        !model_.entity_set(link.from_set)->has_navigation(link.name)) {
      throw std::runtime_error("navigation " + link.from_set + "/" + link.name +
                               " is not in the " + name_ + " metadata");
    }
  }
}

const navigation_link* odata_service::navigation(std::string_view set,
                                                 std::string_view name) const {
  for (const auto& link : navigations_) {
    if (link.from_set == set && link.name == name) return &link;
  }
  return nullptr;
}

const edm_entity_type& odata_service::entity_type(std::string_view set) const {
  const auto* type = model_.entity_set(set);
  if (!type) throw not_found(set);
  return *type;
}

server_response odata_service::handle(const server_request& req, std::string_view resource,
                                    entity_store& store, effects_log& effects,
                                    const simulator_settings& settings) {
  request_scope scope{req, store, effects, settings, service_root_uri(req, name_),
                      settings.text(setting::overlong_strings) == "truncate"
                          ? overlong_policy::truncate
                          : overlong_policy::reject};
  try {
    return dispatch(req, resource, scope);
  } catch (const gateway_error& e) {
    return gateway_error_response(e, info_);
  }
}

server_response odata_service::dispatch(const server_request& req, std::string_view raw,
                                      request_scope& scope) {
  const auto decoded = percent_decode(raw, false);
  if (!decoded) throw gateway_error(400, codes::bad_query, "Malformed percent-escape in path");
  std::string_view resource = *decoded;
  if (!resource.empty() && resource.front() == '/') resource.remove_prefix(1);
  const std::string method = effective_method(req);
  const bool reading = method == "GET" || method == "HEAD";

  if (resource.empty()) {
    if (!reading) throw method_not_allowed(method, name_);
    nlohmann::json sets = nlohmann::json::array();
    for (const auto& s : model_.entity_set_names()) sets.push_back(s);
    return odata_json(200, {{"EntitySets", std::move(sets)}});
  }
  if (resource == "$metadata") {
    if (!reading) throw method_not_allowed(method, "$metadata");
    server_response res;
    res.status = 200;
    res.headers.set("Content-Type", "application/xml");
    res.headers.set("DataServiceVersion", "2.0");
    res.body = edmx_;
    return res;
  }

  if (scope.settings.boolean(setting::require_json_request) && !wants_json(req)) {
    throw gateway_error(406, codes::json_only,
                        "The simulator answers OData v2 JSON only: send $format=json or "
                        "Accept: application/json (the real service would answer Atom XML)");
  }

  // <set>[(<key>)][/<navigation> | /$count]
  std::vector<std::string_view> segments;
  for (std::size_t start = 0;;) {
    const auto slash = resource.find('/', start);
    segments.push_back(resource.substr(start, slash - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (segments.size() > 2) throw not_found(resource);
  const auto head = segments[0];
  const auto paren = head.find('(');
  const std::string set(head.substr(0, paren));
  const auto* type = model_.entity_set(set);
  if (!type) {
    if (segments.size() == 1 && paren == std::string_view::npos && method == "POST") {
      record_writer writer(scope.store, scope.effects, model_, rules_);
      if (auto result = rules_.call_function(set, req.query_params, writer)) {
        return odata_json(200, {{set, std::move(*result)}});
      }
    }
    throw not_found(head);
  }

  if (paren == std::string_view::npos) {
    if (segments.size() == 2) {
      if (segments[1] != "$count" || !reading) throw not_found(resource);
      const auto options = parse_query_options(req.query_params, *type);
      std::size_t count = 0;
      for (const auto& [key, row] : scope.store.rows(set)) {
        count += !options.filter || filter_matches(*options.filter, row, *type) ? 1 : 0;
      }
      return server_response::text(200, std::to_string(count));
    }
    if (method == "POST") return create(set, req, scope);
    if (!reading) throw method_not_allowed(method, set);
    std::vector<nlohmann::json> rows;
    for (const auto& [key, row] : scope.store.rows(set)) rows.push_back(row);
    return read_collection(set, std::move(rows), req, scope, set);
  }

  const auto predicate = canonical_predicate(*type, head.substr(paren));
  if (!predicate) {
    throw gateway_error(400, codes::bad_query,
                        "Invalid key predicate '" + std::string(head.substr(paren)) + "'");
  }
  const nlohmann::json* record = scope.store.find(set, *predicate);
  if (segments.size() == 1) {
    if (method == "PUT" || method == "PATCH" || method == "MERGE") {
      return update(set, *predicate, req, scope);
    }
    if (!reading) throw method_not_allowed(method, set);
    if (!record) throw not_found(head);
    const auto options = parse_query_options(req.query_params, *type);
    return odata_json(200, entity_json(set, *record, options.expand, options.select, scope));
  }

  if (!reading) throw method_not_allowed(method, resource);
  if (!record) throw not_found(head);
  const auto* link = navigation(set, segments[1]);
  if (!link) throw not_found(segments[1]);
  auto children = children_of(*link, *record, scope.store);
  if (link->many) {
    return read_collection(link->to_set, std::move(children), req, scope, std::string(resource));
  }
  if (children.empty()) throw not_found(segments[1]);
  const auto options = parse_query_options(req.query_params, entity_type(link->to_set));
  return odata_json(200,
                    entity_json(link->to_set, children.front(), options.expand, options.select,
                                scope));
}

server_response odata_service::read_collection(const std::string& set,
                                             std::vector<nlohmann::json> rows,
                                             const server_request& req, request_scope& scope,
                                             const std::string& self_path) {
  const auto& type = entity_type(set);
  const auto options = parse_query_options(req.query_params, type);
  if (options.filter) {
    std::erase_if(rows, [&](const nlohmann::json& row) {
      return !filter_matches(*options.filter, row, type);
    });
  }
  if (!options.order_by.empty()) {
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
      for (const auto& key : options.order_by) {
        const auto* p = type.property(key.property);
        const auto av = a.contains(key.property) ? a[key.property] : initial_value(*p);
        const auto bv = b.contains(key.property) ? b[key.property] : initial_value(*p);
        const int c = compare_kept_values(*p, av, bv);
        if (c != 0) return key.descending ? c > 0 : c < 0;
      }
      return false;
    });
  }
  const std::size_t total = rows.size();
  const std::size_t page_size =
      static_cast<std::size_t>(scope.settings.integer(setting::page_size));
  const std::size_t start = std::min(options.skip, total);
  std::size_t wanted = total - start;
  if (options.top) wanted = std::min(wanted, *options.top);
  const std::size_t returned = std::min(wanted, page_size);

  nlohmann::json results = nlohmann::json::array();
  for (std::size_t i = start; i < start + returned; ++i) {
    results.push_back(entity_json(set, rows[i], options.expand, options.select, scope));
  }
  nlohmann::json d = nlohmann::json::object();
  if (options.inline_count) d["__count"] = std::to_string(total);
  d["results"] = std::move(results);
  if (returned < wanted) {
    // Server-driven paging (vendors.md §2.5): the next link carries every option but the
    // paging ones, plus $skiptoken (here: the absolute offset) and what is left of $top.
    std::string next = scope.root_uri + self_path + "?";
    for (const auto& [k, v] : req.query_params) {
      if (k == "$skip" || k == "$skiptoken" || k == "$top") continue;
      next += k + "=" + url_encode(v) + "&";
    }
    if (options.top) next += "$top=" + std::to_string(*options.top - returned) + "&";
    next += "$skiptoken=" + std::to_string(start + returned);
    d["__next"] = next;
  }
  return odata_json(200, d);
}

std::vector<nlohmann::json> odata_service::children_of(const navigation_link& link,
                                                       const nlohmann::json& parent,
                                                       const entity_store& store) const {
  std::vector<nlohmann::json> children;
  for (const auto& [key, row] : store.rows(link.to_set)) {
    bool match = true;
    for (const auto& [from, to] : link.keys) {
      match = match && row.contains(to) && parent.contains(from) && row[to] == parent[from];
    }
    if (match) children.push_back(row);
  }
  return children;
}

nlohmann::json odata_service::entity_json(const std::string& set, const nlohmann::json& record,
                                          const std::vector<std::string>& expand,
                                          const std::vector<std::string>& select,
                                          request_scope& scope) const {
  const auto& type = entity_type(set);
  const std::string uri = scope.root_uri + set + key_predicate(type, record);
  nlohmann::json out = {
      {"__metadata",
       {{"id", uri}, {"uri", uri}, {"type", model_.schema_namespace() + "." + type.name}}}};
  const auto selected = [&](const std::string& name) {
    return select.empty() ||
           std::find(select.begin(), select.end(), name) != select.end() ||
           std::find(select.begin(), select.end(), "*") != select.end();
  };
  for (const auto& p : type.properties) {
    if (!selected(p.name)) continue;
    const auto it = record.find(p.name);
    out[p.name] = it == record.end() || it->is_null() ? initial_value(p) : *it;
    if (it != record.end() && it->is_null()) out[p.name] = nullptr;
  }
  for (const auto& nav : type.navigations) {
    std::vector<std::string> below;
    bool expanded = false;
    for (const auto& path : expand) {
      if (path == nav) expanded = true;
      if (path.rfind(nav + "/", 0) == 0) {
        expanded = true;
        below.push_back(path.substr(nav.size() + 1));
      }
    }
    const auto* link = navigation(set, nav);
    if (expanded && link) {
      const auto children = children_of(*link, record, scope.store);
      if (link->many) {
        nlohmann::json results = nlohmann::json::array();
        for (const auto& c : children) {
          results.push_back(entity_json(link->to_set, c, below, {}, scope));
        }
        out[nav] = {{"results", std::move(results)}};
      } else {
        out[nav] = children.empty()
                       ? nlohmann::json(nullptr)
                       : entity_json(link->to_set, children.front(), below, {}, scope);
      }
    } else if (select.empty() || selected(nav)) {
      out[nav] = {{"__deferred", {{"uri", uri + "/" + nav}}}};
    }
  }
  return out;
}

pending_record odata_service::parse_pending(const std::string& set, const nlohmann::json& body,
                                            std::string via, request_scope& scope) const {
  pending_record node;
  node.set = set;
  node.type = &entity_type(set);
  node.via = std::move(via);
  if (!body.is_object()) {
    throw gateway_error(400, codes::malformed_body,
                        "Deep insert of '" + set + "' expects an object per record");
  }
  for (const auto& [name, value] : body.items()) {
    if (name == "__metadata") continue;
    if (const auto* p = node.type->property(name)) {
      // Gateway ignores values of properties the service fills itself (sap:creatable=false).
      if (!p->creatable) continue;
      node.record[name] = accept_property_value(*p, value, set, scope.overlong);
      continue;
    }
    if (node.type->has_navigation(name)) {
      const auto* link = navigation(set, name);
      if (!link) {
        throw gateway_error(400, codes::unknown_property,
                            "Deep insert through '" + name + "' of '" + set +
                                "' is not modelled by the simulator");
      }
      if (value.is_null()) continue;
      std::vector<nlohmann::json> items;
      if (value.is_object() && value.contains("results") && value["results"].is_array()) {
        items = value["results"].get<std::vector<nlohmann::json>>();
      } else if (value.is_array()) {
        items = value.get<std::vector<nlohmann::json>>();
      } else {
        items.push_back(value);
      }
      if (!link->many && items.size() > 1) {
        throw gateway_error(400, codes::malformed_body,
                            "Navigation '" + name + "' takes one record");
      }
      for (const auto& item : items) {
        node.children.push_back(parse_pending(link->to_set, item, name, scope));
      }
      continue;
    }
    throw gateway_error(400, codes::unknown_property,
                        "Property '" + name + "' is invalid for '" + set + "'",
                        {{codes::unknown_property, "Property '" + name + "' is invalid",
                          "error", name}});
  }
  return node;
}

void odata_service::complete_children(pending_record& parent) const {
  std::map<std::string, std::size_t> sequence;  // per navigation
  for (auto& child : parent.children) {
    const auto* link = navigation(parent.set, child.via);
    for (const auto& [from, to] : link->keys) {
      if (parent.record.contains(from)) child.record[to] = parent.record[from];
    }
    // Item keys the client left out are numbered per parent (1, 2, …), as Gateway's
    // deep-insert implementations of these APIs do for item numbers.
    for (const auto& key : child.type->keys) {
      const auto it = child.record.find(key);
      if (it == child.record.end() || *it == "") {
        child.record[key] = std::to_string(++sequence[child.via]);
      }
    }
    complete_children(child);
  }
}

void odata_service::collect_expand(const pending_record& node, const std::string& prefix,
                                   std::vector<std::string>& paths) const {
  for (const auto& child : node.children) {
    const auto path = prefix + child.via;
    if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
    collect_expand(child, path + "/", paths);
  }
}

server_response odata_service::create(const std::string& set, const server_request& req,
                                    request_scope& scope) {
  auto root = parse_pending(set, parse_body(req.body), "", scope);
  std::vector<gateway_message> warnings;
  rules_.before_create(root, scope.store, warnings);
  complete_children(root);

  // Refuse before any write when a key is taken, so a deep insert is all or nothing.
  std::vector<const pending_record*> all{&root};
  for (std::size_t i = 0; i < all.size(); ++i) {
    for (const auto& c : all[i]->children) all.push_back(&c);
  }
  for (const auto* node : all) {
    if (scope.store.find(node->set, key_predicate(*node->type, node->record))) {
      throw gateway_error(400, codes::duplicate_key,
                          "Instance of '" + node->set + "' with key " +
                              key_predicate(*node->type, node->record) + " already exists");
    }
  }
  record_writer writer(scope.store, scope.effects, model_, rules_);
  for (const auto* node : all) writer.write(node->set, node->record);

  std::vector<std::string> expand;
  collect_expand(root, "", expand);
  const auto& stored = *scope.store.find(set, key_predicate(*root.type, root.record));
  server_response res = odata_json(201, entity_json(set, stored, expand, {}, scope));
  res.headers.set("Location", scope.root_uri + set + key_predicate(*root.type, root.record));
  if (!warnings.empty()) res.headers.set("sap-message", sap_message_header(warnings));
  return res;
}

server_response odata_service::update(const std::string& set, const std::string& predicate,
                                    const server_request& req, request_scope& scope) {
  const auto& type = entity_type(set);
  const nlohmann::json* current = scope.store.find(set, predicate);
  if (!current) throw not_found(set + predicate);
  const auto body = parse_body(req.body);
  nlohmann::json updated = *current;
  if (effective_method(req) == "PUT") {
    // PUT replaces: what the body leaves out goes back to its initial value.
    for (const auto& p : type.properties) {
      const bool key = std::find(type.keys.begin(), type.keys.end(), p.name) != type.keys.end();
      if (!key && p.updatable) updated.erase(p.name);
    }
  }
  for (const auto& [name, value] : body.items()) {
    if (name == "__metadata") continue;
    const auto* p = type.property(name);
    if (!p) {
      throw gateway_error(400, codes::unknown_property,
                          "Property '" + name + "' is invalid for '" + set + "'",
                          {{codes::unknown_property, "Property '" + name + "' is invalid",
                            "error", name}});
    }
    const bool key = std::find(type.keys.begin(), type.keys.end(), name) != type.keys.end();
    if (key || !p->updatable) continue;  // Gateway ignores read-only values in an update
    updated[name] = accept_property_value(*p, value, set, scope.overlong);
  }
  rules_.before_update(set, *current, updated);
  record_writer writer(scope.store, scope.effects, model_, rules_);
  writer.write(set, std::move(updated));
  server_response res;
  res.status = 204;
  res.headers.set("DataServiceVersion", "1.0");
  return res;
}

}  // namespace erpc::sim::sap
