#include "loader_test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace erpc::testing {

std::filesystem::path adapter_path(const std::string& name) {
  return std::filesystem::path(ERPC_LOADER_ADAPTERS) / name / (name + ".so");
}

scratch_dir::scratch_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "erpc-loader-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

scratch_dir::~scratch_dir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::vector<std::byte> read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const auto* first = reinterpret_cast<const std::byte*>(text.data());
  return {first, first + text.size()};
}

void write_bytes(const std::filesystem::path& path, const std::vector<std::byte>& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

counting_host::counting_host() : state_(std::make_shared<state>()), host_(state_, &state_->table) {
  state_->service.struct_size = sizeof(erpc_test_counter_v1);
  state_->service.bump = &counting_host::bump;
  state_->service.host_data = state_.get();
  host_->register_service(ERPC_TEST_COUNTER_V1, &state_->service);
}

load_options counting_host::options() const {
  load_options options;
  options.host = host_;
  return options;
}

void counting_host::bump(const erpc_test_counter_v1* self, const char* id, const char* event) {
  auto* s = static_cast<state*>(self->host_data);
  std::lock_guard lock(s->mutex);
  ++s->counts[{id, event}];
}

int counting_host::count(const std::string& adapter_id, const std::string& event) const {
  std::lock_guard lock(state_->mutex);
  const auto it = state_->counts.find({adapter_id, event});
  return it == state_->counts.end() ? 0 : it->second;
}

int counting_host::total(const std::string& adapter_id) const {
  std::lock_guard lock(state_->mutex);
  int sum = 0;
  for (const auto& [key, n] : state_->counts) {
    if (key.first == adapter_id) sum += n;
  }
  return sum;
}

}  // namespace erpc::testing
