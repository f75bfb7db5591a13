#include "base64_bytes.hpp"

#include <erpc/error.hpp>
#include <erpc/host/base64.hpp>

namespace erpc {

std::string decode_frame_bytes(std::string_view text) {
  auto bytes = base64_decode(text);
  if (!bytes) {
    throw error(error_class::internal, "isolation.bad_frame", "bad base64 in a frame")
        .with_effect(effect::none);
  }
  return std::move(*bytes);
}

}  // namespace erpc
