// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/adapter_registry.hpp>

#include <erpc/host/child_probe.hpp>

#include <algorithm>
#include <exception>
#include <system_error>

namespace erpc {

adapter_registry::adapter_registry(registry_options options) : options_(std::move(options)) {}

void adapter_registry::scan(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> libraries;
  std::error_code ec;
  std::filesystem::directory_iterator it(folder, ec);
  for (; !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
    const auto& path = it->path();
    std::error_code type_ec;
    if (path.extension() == ".so" && it->is_regular_file(type_ec)) libraries.push_back(path);
  }
  if (ec) {
    refused_.push_back({folder, error(error_class::configuration, "loader.folder_unreadable",
                                      "cannot read adapter folder " + folder.string() + ": " +
                                          ec.message())});
    return;
  }
  std::sort(libraries.begin(), libraries.end());
  for (const auto& library : libraries) add(library);
}

std::shared_ptr<adapter_library> adapter_registry::add(const std::filesystem::path& library) {
  try {
    if (options_.probe_executable) {
      probe_in_child(*options_.probe_executable, library, options_.probe_timeout);
    }
    auto loaded = adapter_library::load(library, options_.load);
    if (const auto existing = find(loaded->id())) {
      // The same file twice is the same instance; refuse it too, the list names it once.
      throw error(error_class::configuration, "loader.duplicate_id",
                  library.string() + ": adapter id '" + loaded->id() + "' is already loaded from " +
                      existing->path().string());
    }
    loaded_.push_back(loaded);
    return loaded;
  } catch (const error& e) {
    refused_.push_back({library, e});
  } catch (const std::exception& e) {
    refused_.push_back({library, error(error_class::internal, "loader.load_failed",
                                       library.string() + ": " + e.what())});
  }
  return nullptr;
}

std::shared_ptr<adapter_library> adapter_registry::find(std::string_view id) const {
  for (const auto& library : loaded_) {
    if (library->id() == id) return library;
  }
  return nullptr;
}

}  // namespace erpc
