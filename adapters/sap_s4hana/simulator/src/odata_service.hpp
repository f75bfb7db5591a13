// SPDX-License-Identifier: Apache-2.0
// One OData v2 service of the simulator (API_BUSINESS_PARTNER, API_SUPPLIERINVOICE_PROCESS_SRV)
// driven by its EDMX: the service document, $metadata, entity sets read by key, as a collection
// (query options, server-driven paging, $inlinecount, $count), through a navigation property,
// deep insert along the navigations the simulator models, and PUT/PATCH/MERGE updates. The
// vendor's business rules (numbering, the duplicate-invoice check, function imports) come from a
// service_rules object. Answers are OData v2 verbose JSON ({"d": …}, __metadata, __deferred);
// failures are Gateway error bodies (gateway_error.hpp).
#pragma once

#include "edm_model.hpp"
#include "entity_store.hpp"
#include "gateway_error.hpp"

#include <erpc/host/server_request.hpp>
#include <erpc/host/server_response.hpp>
#include <erpc/sim/effects_log.hpp>
#include <erpc/sim/simulator_settings.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::sim::sap {

// A navigation the simulator follows: child[child_property] == parent[parent_property] for
// every pair.
struct navigation_link {
  std::string from_set;
  std::string name;
  std::string to_set;
  std::vector<std::pair<std::string, std::string>> keys;  // parent property → child property
  bool many = true;
};

// A record of a deep insert before it is stored.
struct pending_record {
  std::string set;
  const edm_entity_type* type = nullptr;
  nlohmann::json record = nlohmann::json::object();
  std::string via;  // the navigation from the parent, "" for the root
  std::vector<pending_record> children;
};

class service_rules;

// Stores records and logs each write in the effects log (created, or updated with a version).
class record_writer {
 public:
  record_writer(entity_store& store, effects_log& effects, const edm_model& model,
                const service_rules& rules)
      : store_(store), effects_(effects), model_(model), rules_(rules) {}

  void write(std::string_view set, nlohmann::json record);
  entity_store& store() noexcept { return store_; }
  const edm_model& model() const noexcept { return model_; }

 private:
  entity_store& store_;
  effects_log& effects_;
  const edm_model& model_;
  const service_rules& rules_;
};

class service_rules {
 public:
  virtual ~service_rules() = default;
  // Before a deep insert is stored: assign the root's server-side keys and check the business
  // rules. Throw gateway_error to refuse; push to `warnings` for the sap-message header.
  virtual void before_create(pending_record& root, entity_store& store,
                             std::vector<gateway_message>& warnings) = 0;
  // Before an update of `set` from `current` to `updated`; throw gateway_error to refuse.
  virtual void before_update(std::string_view set, const nlohmann::json& current,
                             const nlohmann::json& updated) const {
    (void)set;
    (void)current;
    (void)updated;
  }
  // The natural key of a record for the effects log, "" when it has none.
  virtual std::string natural_key(std::string_view set, const nlohmann::json& record) const = 0;
  // A function import (POST <service>/<name>?params): the complex result, or nullopt when
  // `name` is not one of this service's.
  virtual std::optional<nlohmann::json> call_function(std::string_view name,
                                                      const http_params& params,
                                                      record_writer& writer) {
    (void)name;
    (void)params;
    (void)writer;
    return std::nullopt;
  }
};

class odata_service {
 public:
  odata_service(std::string name, std::string_view edmx, gateway_service info,
                std::vector<navigation_link> navigations, service_rules& rules);

  const std::string& name() const noexcept { return name_; }
  const gateway_service& info() const noexcept { return info_; }
  const edm_model& model() const noexcept { return model_; }

  // `resource` is the path after /sap/opu/odata/sap/<name>, still percent-encoded ("" or
  // "/A_BusinessPartner('1')/to_Supplier"). The caller holds the state lock.
  server_response handle(const server_request& req, std::string_view resource, entity_store& store,
                       effects_log& effects, const simulator_settings& settings);

 private:
  struct request_scope;

  server_response dispatch(const server_request& req, std::string_view resource,
                         request_scope& scope);
  server_response read_collection(const std::string& set, std::vector<nlohmann::json> rows,
                                const server_request& req, request_scope& scope,
                                const std::string& self_path);
  server_response create(const std::string& set, const server_request& req, request_scope& scope);
  server_response update(const std::string& set, const std::string& predicate,
                       const server_request& req, request_scope& scope);

  pending_record parse_pending(const std::string& set, const nlohmann::json& body,
                               std::string via, request_scope& scope) const;
  void complete_children(pending_record& parent) const;
  void collect_expand(const pending_record& node, const std::string& prefix,
                      std::vector<std::string>& paths) const;
  nlohmann::json entity_json(const std::string& set, const nlohmann::json& record,
                             const std::vector<std::string>& expand,
                             const std::vector<std::string>& select,
                             request_scope& scope) const;
  std::vector<nlohmann::json> children_of(const navigation_link& link,
                                          const nlohmann::json& parent,
                                          const entity_store& store) const;
  const navigation_link* navigation(std::string_view set, std::string_view name) const;
  const edm_entity_type& entity_type(std::string_view set) const;

  std::string name_;
  std::string edmx_;
  edm_model model_;
  gateway_service info_;
  std::vector<navigation_link> navigations_;
  service_rules& rules_;
};

// The service root URI a request sees: "http://<Host>/sap/opu/odata/sap/<service>/".
std::string service_root_uri(const server_request& req, std::string_view service);

}  // namespace erpc::sim::sap
