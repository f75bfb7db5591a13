// SPDX-License-Identifier: Apache-2.0
// abi.manifest: the manifest the loader accepted (schema, ABI and contract versions are the
// loader's own checks, reported as abi.version) offers everything the profile certifies.
#include "session.hpp"

namespace erpc::certify {

check_function abi_manifest_check() {
  return [](session& s) {
    const auto& manifest = s.library().manifest();
    std::vector<std::string> missing;
    if (s.library().id() != s.prof().adapter) {
      return verdict::fail("the library's id is '" + s.library().id() + "', the profile's '" +
                           s.prof().adapter + "'");
    }
    const std::string mapping = manifest.value("mapping_version", "");
    if (mapping.empty()) return verdict::fail("the manifest has no mapping_version");
    const auto objects = manifest.value("objects", nlohmann::json::object());
    std::size_t ops = 0;
    for (const auto& [name, object] : s.prof().objects) {
      const auto offered = objects.find(name);
      for (const auto& op : object.ops) {
        ++ops;
        bool found = false;
        if (offered != objects.end() && offered->is_array()) {
          for (const auto& o : *offered) found = found || (o.is_string() && o.get<std::string>() == op);
        }
        if (!found) missing.push_back(name + "." + op);
      }
    }
    if (!missing.empty()) return verdict::fail("the manifest does not offer " + join(missing));
    return verdict::pass("manifest offers all " + std::to_string(ops) + " ops of " +
                         std::to_string(s.prof().objects.size()) + " profile objects; mapping_version " +
                         mapping + ", version " + manifest.value("version", std::string("?")));
  };
}

}  // namespace erpc::certify
