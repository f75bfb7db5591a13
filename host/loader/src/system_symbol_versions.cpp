// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/system_symbol_versions.hpp>

#include <erpc/error.hpp>

#include <link.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

namespace erpc {
namespace {

// The baseline an adapter may depend on (ARCHITECTURE §3): the only libraries whose versions
// the host can vouch for, because it has them mapped itself.
constexpr std::array<std::string_view, 4> base_libraries = {"libc.so.6", "libm.so.6",
                                                             "libstdc++.so.6", "libgcc_s.so.1"};

int collect_path(dl_phdr_info* info, std::size_t, void* data) {
  if (info->dlpi_name != nullptr && info->dlpi_name[0] != '\0') {
    static_cast<std::vector<std::string>*>(data)->emplace_back(info->dlpi_name);
  }
  return 0;
}

std::map<std::string, std::set<std::string>> read_process_definitions() {
  std::vector<std::string> paths;
  dl_iterate_phdr(collect_path, &paths);
  std::map<std::string, std::set<std::string>> provided;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) continue;
    const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    try {
      auto info = read_elf_dynamic_info(std::as_bytes(std::span(bytes.data(), bytes.size())));
      const std::string soname =
          info.soname.empty() ? std::filesystem::path(path).filename().string() : info.soname;
      for (const auto& base : base_libraries) {
        if (soname == base) {
          provided[soname].insert(info.version_definitions.begin(),
                                  info.version_definitions.end());
        }
      }
    } catch (const error&) {
      // A mapped object we cannot parse (vdso images have no path; anything else odd) simply
      // contributes nothing: its versions are then judged by dlopen.
    }
  }
  return provided;
}

}  // namespace

system_symbol_versions::system_symbol_versions(
    std::map<std::string, std::set<std::string>> provided)
    : provided_(std::move(provided)) {}

const system_symbol_versions& system_symbol_versions::of_running_process() {
  static const system_symbol_versions instance(read_process_definitions());
  return instance;
}

std::vector<missing_symbol_version> system_symbol_versions::missing(
    const std::vector<elf_version_need>& needs) const {
  std::vector<missing_symbol_version> out;
  for (const auto& need : needs) {
    const auto it = provided_.find(need.file);
    if (it == provided_.end()) continue;
    for (const auto& version : need.versions) {
      if (!it->second.contains(version)) out.push_back({need.file, version});
    }
  }
  return out;
}

}  // namespace erpc
