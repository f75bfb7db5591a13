// SPDX-License-Identifier: Apache-2.0
// The child side of child_probe: runs inside `erpc __probe <path>`.
#include <erpc/host/child_probe.hpp>

#include <erpc/error.hpp>
#include <erpc/host/adapter_library.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <exception>

namespace erpc {
namespace {

void print_line(const nlohmann::json& line) {
  // One line, flushed before returning: the parent reads until the first newline.
  const auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
}

nlohmann::json error_json(const error& e) {
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& f : e.field_errors()) {
    fields.push_back({{"pointer", f.pointer}, {"code", f.code}, {"message", f.message}});
  }
  return {{"class", std::string(to_string(e.cls()))},
          {"code", e.code()},
          {"message", e.what()},
          {"field_errors", fields}};
}

}  // namespace

int run_probe_main(const std::string& library) {
  try {
    const auto loaded = adapter_library::load(library);
    print_line({{"ok", true},
                {"id", loaded->id()},
                {"sha256", loaded->sha256()},
                {"abi", std::to_string(loaded->abi().major) + "." +
                            std::to_string(loaded->abi().minor)},
                {"manifest", loaded->manifest()}});
    return 0;
  } catch (const error& e) {
    print_line({{"ok", false}, {"error", error_json(e)}});
  } catch (const std::exception& e) {
    print_line({{"ok", false},
                {"error", error_json(error(error_class::internal, "loader.probe_internal",
                                           std::string("the probe failed: ") + e.what()))}});
  }
  return 2;
}

}  // namespace erpc
