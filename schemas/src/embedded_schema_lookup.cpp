#include <erpc/schemas/embedded_schemas.hpp>

#include <cstddef>

namespace erpc::schemas {
namespace detail {
extern const embedded_schema embedded_table[];
extern const std::size_t embedded_count;
}  // namespace detail

std::span<const embedded_schema> all_embedded() {
  return {detail::embedded_table, detail::embedded_count};
}

const embedded_schema* find_embedded(std::string_view path) noexcept {
  for (const auto& s : all_embedded()) {
    if (s.path == path) return &s;
  }
  return nullptr;
}

}  // namespace erpc::schemas
