// SPDX-License-Identifier: Apache-2.0
#include <erpc/host/adapter_library.hpp>

#include <erpc/error.hpp>
#include <erpc/host/adapter_manifest.hpp>
#include <erpc/host/elf_symbol_versions.hpp>
#include <erpc/host/host_table.hpp>
#include <erpc/host/library_file.hpp>
#include <erpc/host/signature_verifier.hpp>
#include <erpc/host/system_symbol_versions.hpp>

#include <boost/dll/shared_library.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

#include <dlfcn.h>
#include <unistd.h>

namespace erpc {
namespace {

[[noreturn]] void refuse(const std::string& code, const std::string& message) {
  throw error(error_class::configuration, code, message);
}

// Prefixes an error raised on the file's bytes with the path, keeping code and field errors.
[[noreturn]] void refuse_at(const std::filesystem::path& path, const error& e) {
  throw error(error_class::configuration, e.code(), path.string() + ": " + e.what())
      .with_fields(e.field_errors());
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// dlerror text is the only information Boost.DLL carries (toolchain.md pitfall 6): classify it.
[[noreturn]] void refuse_dlopen(const std::filesystem::path& path, const std::string& proc_path,
                                const std::string& what) {
  const auto text = replace_all(what, proc_path, path.string());
  if (text.find("undefined symbol") != std::string::npos) {
    refuse("loader.undefined_symbol",
           path.string() +
               " refers to a symbol nothing provides (it was linked without "
               "--no-undefined): " +
               text);
  }
  if (text.find("version `") != std::string::npos) refuse("loader.symbol_versions", text);
  if (text.find("wrong ELF class") != std::string::npos ||
      text.find("ELF file's phentsize") != std::string::npos) {
    refuse("loader.wrong_architecture", text);
  }
  if (text.find("invalid ELF header") != std::string::npos ||
      text.find("file too short") != std::string::npos) {
    refuse("loader.not_a_shared_library", text);
  }
  refuse("loader.load_failed", path.string() + " could not be loaded: " + text);
}

std::string join_missing(const std::vector<missing_symbol_version>& missing) {
  std::string out;
  for (const auto& m : missing) {
    out += (out.empty() ? "" : ", ") + m.version + " (from " + m.file + ")";
  }
  return out;
}

struct file_identity {
  dev_t device;
  ino_t inode;
  auto operator<=>(const file_identity&) const = default;
};

// Libraries already mapped, by file identity: glibc itself returns the existing mapping for the
// same inode, so a second adapter_library for it would call init() twice on one adapter.
std::mutex loaded_mutex;
std::map<file_identity, std::weak_ptr<adapter_library>> loaded_files;

}  // namespace

struct adapter_library::impl {
  std::filesystem::path path;
  std::shared_ptr<const host_table> host;
  std::optional<boost::dll::shared_library> library;
  int descriptor = -1;
  std::string descriptor_path;
  file_identity identity{};
  std::string sha256;
  erpc_adapter_entry_v1 entry{};
  erpc_adapter_v1 table{};
  std::string id;
  nlohmann::json manifest;
  bool initialised = false;

  impl() = default;
  impl(const impl&) = delete;
  impl& operator=(const impl&) = delete;

  // Runs on every exit path, including a refusal half-way through load().
  ~impl() {
    if (initialised && entry.deinit != nullptr) entry.deinit();
    library.reset();
    if (descriptor >= 0) {
      // glibc matches a later dlopen("/proc/self/fd/N") by name against mappings still alive;
      // if the library stayed mapped (NODELETE), keep N open forever so N is never reused.
      void* still = ::dlopen(descriptor_path.c_str(), RTLD_NOW | RTLD_NOLOAD);
      if (still != nullptr) {
        ::dlclose(still);
      } else {
        ::close(descriptor);
      }
    }
  }
};

adapter_library::adapter_library(std::unique_ptr<impl> state) : impl_(std::move(state)) {}

adapter_library::~adapter_library() {
  {
    std::lock_guard lock(loaded_mutex);
    const auto it = loaded_files.find(impl_->identity);
    if (it != loaded_files.end() && it->second.expired()) loaded_files.erase(it);
  }
  impl_.reset();
}

std::shared_ptr<adapter_library> adapter_library::load(const std::filesystem::path& path,
                                                       const load_options& options) {
  auto file = library_file::open(path, options.max_library_bytes);

  // Trust first: when signatures are required, nothing else reads untrusted bytes.
  if (options.signatures) options.signatures->verify(path, file.bytes());

  const file_identity identity{file.device(), file.inode()};
  {
    std::lock_guard lock(loaded_mutex);
    if (const auto it = loaded_files.find(identity); it != loaded_files.end()) {
      if (auto existing = it->second.lock()) {
        if (existing->sha256() == file.sha256()) return existing;
        refuse("loader.already_loaded",
               path.string() + " is already loaded from " + existing->path().string() +
                   " and its bytes changed since; restart the host to load the new build");
      }
    }
  }

  try {
    const auto elf = read_elf_dynamic_info(file.bytes());
    const auto missing = system_symbol_versions::of_running_process().missing(elf.version_needs);
    if (!missing.empty()) {
      refuse("loader.symbol_versions",
             path.string() + " needs " + join_missing(missing) +
                 " which this system does not provide (baseline: Debian 12, glibc 2.36, GCC 12)");
    }
  } catch (const error& e) {
    if (e.code() == "loader.symbol_versions") throw;
    refuse_at(path, e);
  }

  if (options.before_map) options.before_map(path);

  auto state = std::make_unique<impl>();
  state->path = path;
  state->host = options.host ? options.host : std::make_shared<const host_table>();
  state->identity = identity;
  state->sha256 = file.sha256();
  state->descriptor_path = file.descriptor_path();
  state->descriptor = file.release();
  try {
    state->library.emplace(state->descriptor_path,
                           boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const boost::dll::fs::system_error& e) {
    refuse_dlopen(path, state->descriptor_path, e.what());
  }

  if (!state->library->has(ERPC_ADAPTER_ENTRY_SYMBOL)) {
    refuse("loader.missing_entry",
           path.string() + " does not export `" + ERPC_ADAPTER_ENTRY_SYMBOL +
               "` (not an erpconnect adapter, or built without ERPC_ADAPTER)");
  }
  const auto& exported =
      state->library->get<const erpc_adapter_entry_v1>(ERPC_ADAPTER_ENTRY_SYMBOL);

  // abi.h rule 2: read struct_size first, copy no more than both sides know, zero the rest.
  auto& entry = state->entry;
  std::memcpy(&entry, &exported, sizeof(std::uint32_t));
  const std::uint32_t entry_size = entry.struct_size;
  if (entry_size < 3 * sizeof(std::uint32_t)) {
    refuse("loader.entry_too_small", path.string() + ": erpc_adapter_entry.struct_size is " +
                                         std::to_string(entry_size) +
                                         ", too small to hold even the ABI version");
  }
  std::memcpy(&entry, &exported, std::min<std::size_t>(entry_size, sizeof(entry)));
  if (entry_size < sizeof(entry)) {
    std::memset(reinterpret_cast<char*>(&entry) + entry_size, 0, sizeof(entry) - entry_size);
  }
  const std::string theirs =
      std::to_string(entry.abi_major) + "." + std::to_string(entry.abi_minor);
  const std::string ours = std::to_string(ERPC_ABI_MAJOR) + "." + std::to_string(ERPC_ABI_MINOR);
  if (entry.abi_major != ERPC_ABI_MAJOR) {
    refuse("loader.abi_major_mismatch",
           path.string() + ": adapter built for ABI " + theirs + ", this host speaks " + ours);
  }
  if (entry.abi_minor > ERPC_ABI_MINOR) {
    refuse("loader.abi_minor_too_new", path.string() + ": adapter built for ABI " + theirs +
                                           ", newer than this host's " + ours +
                                           "; upgrade the host");
  }
  if (entry_size < entry_v1_0_size) {
    refuse("loader.entry_too_small", path.string() + ": erpc_adapter_entry.struct_size is " +
                                         std::to_string(entry_size) + ", ABI 1.0 needs " +
                                         std::to_string(entry_v1_0_size));
  }
  if (entry.adapter_id == nullptr || entry.init == nullptr || entry.deinit == nullptr ||
      entry.get_adapter == nullptr) {
    refuse("loader.invalid_entry", path.string() +
                                       ": erpc_adapter_entry lacks adapter_id, init, deinit or "
                                       "get_adapter");
  }
  const std::string entry_id(entry.adapter_id, strnlen(entry.adapter_id, 64));

  state->initialised = true;  // from here on deinit() runs on every exit, as abi.h requires
  if (entry.init(state->host->get()) == 0) {
    refuse("loader.init_failed", path.string() + ": adapter '" + entry_id + "' init() failed");
  }
  const erpc_adapter_v1* table = entry.get_adapter();
  if (table == nullptr) {
    refuse("loader.no_adapter_table", path.string() + ": get_adapter() returned NULL");
  }
  if (table->struct_size < adapter_v1_0_size) {
    refuse("loader.adapter_table_too_small", path.string() + ": erpc_adapter_v1.struct_size is " +
                                                 std::to_string(table->struct_size) +
                                                 ", ABI 1.0 needs " +
                                                 std::to_string(adapter_v1_0_size));
  }
  std::memcpy(&state->table, table, sizeof(state->table));
  const auto& t = state->table;
  if (t.manifest_json == nullptr || t.check == nullptr || t.open == nullptr || t.close == nullptr ||
      t.execute == nullptr) {
    refuse("loader.invalid_adapter_table",
           path.string() +
               ": erpc_adapter_v1 lacks one of manifest_json, check, open, close, "
               "execute");
  }
  const char* manifest_text = t.manifest_json();
  if (manifest_text == nullptr) {
    refuse("loader.invalid_manifest", path.string() + ": manifest_json() returned NULL");
  }
  try {
    const std::string_view text(manifest_text,
                                strnlen(manifest_text, options.max_manifest_bytes + 1));
    state->manifest = parse_adapter_manifest(text, entry_id, options.max_manifest_bytes);
  } catch (const error& e) {
    refuse_at(path, e);
  }
  state->id = entry_id;

  std::shared_ptr<adapter_library> loaded(new adapter_library(std::move(state)));
  std::lock_guard lock(loaded_mutex);
  loaded_files[identity] = loaded;
  return loaded;
}

const std::string& adapter_library::id() const noexcept { return impl_->id; }
const std::filesystem::path& adapter_library::path() const noexcept { return impl_->path; }
const nlohmann::json& adapter_library::manifest() const noexcept { return impl_->manifest; }
const std::string& adapter_library::sha256() const noexcept { return impl_->sha256; }
abi_version adapter_library::abi() const noexcept {
  return {impl_->entry.abi_major, impl_->entry.abi_minor};
}
const erpc_adapter_v1& adapter_library::table() const noexcept { return impl_->table; }

std::shared_ptr<const erpc_adapter_v1> adapter_library::shared_table() const {
  return {shared_from_this(), &impl_->table};
}

}  // namespace erpc
