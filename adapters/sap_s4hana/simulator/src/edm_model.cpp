// SPDX-License-Identifier: Apache-2.0
#include "edm_model.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace erpc::sim::sap {

namespace {

struct xml_doc_deleter {
  void operator()(xmlDoc* doc) const noexcept { xmlFreeDoc(doc); }
};

bool named(const xmlNode* node, std::string_view local_name) {
  return node->type == XML_ELEMENT_NODE &&
         std::string_view(reinterpret_cast<const char*>(node->name)) == local_name;
}

// An attribute by local name and namespace URI (nullptr: no namespace); "" when absent.
std::string attribute(const xmlNode* node, const char* name, const char* ns_uri = nullptr) {
  xmlChar* value = ns_uri ? xmlGetNsProp(node, reinterpret_cast<const xmlChar*>(name),
                                         reinterpret_cast<const xmlChar*>(ns_uri))
                          : xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string text(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return text;
}

int int_attribute(const xmlNode* node, const char* name) {
  const auto text = attribute(node, name);
  if (text.empty()) return 0;
  try {
    return std::stoi(text);
  } catch (const std::exception&) {
    return 0;  // "max" and the like: no limit the simulator enforces
  }
}

constexpr const char* sap_ns = "http://www.sap.com/Protocols/SAPData";

edm_kind kind_of(std::string_view type) {
  if (type == "Edm.String") return edm_kind::string;
  if (type == "Edm.Decimal") return edm_kind::decimal;
  if (type == "Edm.DateTime") return edm_kind::date_time;
  if (type == "Edm.DateTimeOffset") return edm_kind::date_time_offset;
  if (type == "Edm.Time") return edm_kind::time;
  if (type == "Edm.Boolean") return edm_kind::boolean;
  if (type == "Edm.Guid") return edm_kind::guid;
  if (type == "Edm.Byte" || type == "Edm.Int16" || type == "Edm.Int32") return edm_kind::integer;
  return edm_kind::other;
}

edm_entity_type read_entity_type(const xmlNode* node) {
  edm_entity_type type;
  type.name = attribute(node, "Name");
  for (const xmlNode* child = node->children; child; child = child->next) {
    if (named(child, "Key")) {
      for (const xmlNode* ref = child->children; ref; ref = ref->next) {
        if (named(ref, "PropertyRef")) type.keys.push_back(attribute(ref, "Name"));
      }
    } else if (named(child, "Property")) {
      edm_property p;
      p.name = attribute(child, "Name");
      p.type_name = attribute(child, "Type");
      p.kind = kind_of(p.type_name);
      p.max_length = int_attribute(child, "MaxLength");
      p.precision = int_attribute(child, "Precision");
      p.scale = int_attribute(child, "Scale");
      p.nullable = attribute(child, "Nullable") != "false";
      p.creatable = attribute(child, "creatable", sap_ns) != "false";
      p.updatable = attribute(child, "updatable", sap_ns) != "false";
      type.properties.push_back(std::move(p));
    } else if (named(child, "NavigationProperty")) {
      type.navigations.push_back(attribute(child, "Name"));
    }
  }
  return type;
}

std::string_view local_type_name(std::string_view qualified) {
  const auto dot = qualified.rfind('.');
  return dot == std::string_view::npos ? qualified : qualified.substr(dot + 1);
}

}  // namespace

const edm_property* edm_entity_type::property(std::string_view wanted) const noexcept {
  for (const auto& p : properties) {
    if (p.name == wanted) return &p;
  }
  return nullptr;
}

bool edm_entity_type::has_navigation(std::string_view wanted) const noexcept {
  return std::find(navigations.begin(), navigations.end(), wanted) != navigations.end();
}

edm_model edm_model::parse(std::string_view edmx) {
  std::unique_ptr<xmlDoc, xml_doc_deleter> doc(
      xmlReadMemory(edmx.data(), static_cast<int>(edmx.size()), "metadata.edmx", nullptr,
                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE));
  if (!doc) throw std::runtime_error("EDMX: not well-formed XML");
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (!root || !named(root, "Edmx")) throw std::runtime_error("EDMX: root is not edmx:Edmx");

  edm_model model;
  for (const xmlNode* ds = root->children; ds; ds = ds->next) {
    if (!named(ds, "DataServices")) continue;
    for (const xmlNode* schema = ds->children; schema; schema = schema->next) {
      if (!named(schema, "Schema")) continue;
      model.namespace_ = attribute(schema, "Namespace");
      for (const xmlNode* item = schema->children; item; item = item->next) {
        if (named(item, "EntityType")) {
          auto type = read_entity_type(item);
          auto name = type.name;
          model.types_.emplace(std::move(name), std::move(type));
        } else if (named(item, "EntityContainer")) {
          for (const xmlNode* set = item->children; set; set = set->next) {
            if (named(set, "EntitySet")) {
              model.set_to_type_.emplace(
                  attribute(set, "Name"),
                  std::string(local_type_name(attribute(set, "EntityType"))));
            }
          }
        }
      }
    }
  }
  if (model.namespace_.empty() || model.set_to_type_.empty()) {
    throw std::runtime_error("EDMX: no schema with entity sets");
  }
  return model;
}

const edm_entity_type* edm_model::entity_set(std::string_view set_name) const noexcept {
  const auto set = set_to_type_.find(set_name);
  if (set == set_to_type_.end()) return nullptr;
  const auto type = types_.find(set->second);
  return type == types_.end() ? nullptr : &type->second;
}

std::vector<std::string> edm_model::entity_set_names() const {
  std::vector<std::string> names;
  for (const auto& [name, type] : set_to_type_) names.push_back(name);
  return names;
}

}  // namespace erpc::sim::sap
