#include "erpc/host/ap_import_flow.hpp"

#include "flow_config_reader.hpp"

#include <erpc/error.hpp>
#include <erpc/error_abi.hpp>
#include <erpc/host/pay_selection.hpp>

#include <set>

namespace erpc {

namespace {

const flow_config_reader config_reader("ap import");

// `<system>:<id>` of the source record: its system (source.system, else the first external
// ref's) and id (that external ref).
std::string source_key_of(const nlohmann::json& inv) {
  const auto refs = inv.value("external_refs", nlohmann::json::object());
  if (!refs.is_object()) return {};
  const auto system = inv.value("source", nlohmann::json::object()).value("system", std::string());
  if (!system.empty()) {
    const auto it = refs.find(system);
    if (it != refs.end() && it->is_string() && !it->get<std::string>().empty()) {
      return system + ":" + it->get<std::string>();
    }
  }
  for (const auto& [name, id] : refs.items()) {
    if (id.is_string() && !id.get<std::string>().empty()) return name + ":" + id.get<std::string>();
  }
  return {};
}

}  // namespace

ap_import_config ap_import_config::from_json(const nlohmann::json& j) {
  if (!j.is_object()) config_reader.bad("", "must be a JSON object");
  ap_import_config c;
  c.source = config_reader.required_text(j, "source");
  c.erp = config_reader.required_text(j, "erp");
  if (c.source == c.erp) config_reader.bad("erp", "must be another connection than source");
  if (const auto it = j.find("legal_entity"); it != j.end()) {
    if (!it->is_string()) config_reader.bad("legal_entity", "must be a string");
    c.legal_entity = it->get<std::string>();
  }
  if (const auto it = j.find("default_account"); it != j.end()) {
    if (!it->is_string()) config_reader.bad("default_account", "must be a string");
    c.default_account = it->get<std::string>();
  }
  const auto suppliers = j.find("suppliers");
  if (suppliers == j.end() || !suppliers->is_object() || suppliers->empty()) {
    config_reader.bad("suppliers", "is required: the ERP supplier party of each source supplier key");
  }
  for (const auto& [k, v] : suppliers->items()) {
    if (!v.is_object() || party_key_of(v).empty()) {
      config_reader.bad("suppliers/" + k, "must be a party with an id, external_refs or number");
    }
    c.suppliers[k] = v;
  }
  return c;
}

ap_import_flow::ap_import_flow(ap_import_config config, flow_gateway& gateway)
    : config_(std::move(config)), gateway_(gateway) {}

nlohmann::json ap_import_flow::erp_invoice(const nlohmann::json& pulled, std::string& why) const {
  if (!pulled.is_object()) {
    why = "not an invoice object";
    return nullptr;
  }
  if (pulled.value("direction", "") != "payable") {
    why = "not a payable invoice";
    return nullptr;
  }
  const auto supplier_key = party_key_of(pulled.value("supplier", nlohmann::json::object()));
  const auto supplier = config_.suppliers.find(supplier_key);
  if (supplier == config_.suppliers.end()) {
    why = "no ERP supplier configured for source supplier " + (supplier_key.empty() ? "(none)" : supplier_key);
    return nullptr;
  }
  nlohmann::json doc = pulled;
  // The source's identity is not the ERP record's: the ERP answers its own id and refs.
  for (const char* field : {"id", "external_refs", "etag", "created_at", "updated_at", "document_number"}) {
    doc.erase(field);
  }
  doc["external_refs"] = nlohmann::json::object();
  doc["supplier"] = supplier->second;
  if (!config_.legal_entity.empty() && !doc.contains("legal_entity")) doc["legal_entity"] = config_.legal_entity;
  if (!config_.default_account.empty() && doc.contains("lines") && doc["lines"].is_array()) {
    for (auto& line : doc["lines"]) {
      if (line.is_object() && !line.contains("account")) line["account"] = config_.default_account;
    }
  }
  return doc;
}

nlohmann::json ap_import_flow::run() {
  nlohmann::json out = {{"imported", nlohmann::json::array()},
                        {"skipped", nlohmann::json::array()},
                        {"failed", nlohmann::json::array()}};
  // Marking shrinks the source's set, so an offset walk taken while marking would skip some:
  // pull again from the start until a pull brings no invoice this pass has not seen.
  std::set<std::string> seen;
  for (int pass = 0; pass < 1000; ++pass) {
    const auto pulled = list_all(gateway_, config_.source, "Invoice", "ap-import-" + config_.source);
    bool new_ones = false;
    for (const auto& inv : pulled) {
      const auto source_key = source_key_of(inv);
      if (source_key.empty()) {
        out["skipped"].push_back({{"source_id", nullptr}, {"reason", "the pulled invoice has no source id"}});
        continue;
      }
      if (!seen.insert(source_key).second) continue;
      new_ones = true;
      const auto correlation = correlation_id_for(source_key);
      std::string why;
      const auto doc = erp_invoice(inv, why);
      if (doc.is_null()) {
        gateway_.note(correlation, "ap_import_skipped", {{"source_id", source_key}, {"reason", why}});
        out["skipped"].push_back({{"source_id", source_key}, {"reason", why}});
        continue;
      }
      std::string step = "erp_create";
      try {
        const auto created = gateway_.write(config_.erp, "Invoice", "create", source_key, doc, correlation);
        const auto erp_id = created_id(created);
        if (erp_id.empty()) {
          throw error(error_class::internal, "flow.erp_id_missing",
                      "the ERP answered the invoice create without an id");
        }
        gateway_.note(correlation, "ap_import_erp_created", {{"source_id", source_key}, {"erp_id", erp_id}});
        // Only now, with the ERP's record committed, is the source told it was exported.
        step = "source_mark_exported";
        nlohmann::json marked = inv;
        if (!marked.contains("external_refs") || !marked["external_refs"].is_object()) {
          marked["external_refs"] = nlohmann::json::object();
        }
        marked["external_refs"][config_.erp] = erp_id;
        gateway_.write(config_.source, "Invoice", "update", source_key + ":exported", marked, correlation);
        gateway_.note(correlation, "ap_import_marked_exported", {{"source_id", source_key}, {"erp_id", erp_id}});
        out["imported"].push_back({{"source_id", source_key}, {"erp_id", erp_id}});
      } catch (const error& e) {
        gateway_.note(correlation, "ap_import_failed",
                      {{"source_id", source_key}, {"step", step}, {"error", error_to_json(e)}});
        out["failed"].push_back({{"source_id", source_key}, {"step", step}, {"error", error_to_json(e)}});
      }
    }
    if (!new_ones) break;
  }
  return out;
}

}  // namespace erpc
