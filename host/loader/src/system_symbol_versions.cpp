// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/system_symbol_versions.hpp>

#include <erpc/error.hpp>

#include <fcntl.h>
#include <link.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <span>
#include <string_view>

namespace erpc {
namespace {

// The baseline an adapter may depend on (ARCHITECTURE §3): the only libraries whose versions
// the host can vouch for, because it has them mapped itself.
constexpr std::array<std::string_view, 4> base_libraries = {"libc.so.6", "libm.so.6",
                                                             "libstdc++.so.6", "libgcc_s.so.1"};

// A file mapped read-only for the ELF parser. Mapped, not read into a string: the parser touches
// only the headers and the dynamic sections, and nothing lands on the heap — reading every
// library of the process (libcrypto alone is megabytes) into growing strings left ~12 MB in the
// malloc arena of whichever thread loaded the first adapter, for the life of the process
// (docs/benchmarks.md "Host memory"). Package upgrades replace libraries by rename, never by
// truncating them in place, so the mapping stays readable while it is parsed.
class read_only_mapping {
 public:
  explicit read_only_mapping(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* at = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE,
                        fd, 0);
      if (at != MAP_FAILED) {
        data_ = at;
        size_ = static_cast<std::size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~read_only_mapping() {
    if (data_ != nullptr) ::munmap(data_, size_);
  }
  read_only_mapping(const read_only_mapping&) = delete;
  read_only_mapping& operator=(const read_only_mapping&) = delete;

  std::span<const std::byte> bytes() const {
    return {static_cast<const std::byte*>(data_), data_ ? size_ : 0};
  }

 private:
  void* data_ = nullptr;
  std::size_t size_ = 0;
};

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
    const read_only_mapping file(path);
    if (file.bytes().empty()) continue;
    try {
      auto info = read_elf_dynamic_info(file.bytes());
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
