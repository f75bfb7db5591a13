// `erpc __worker`: the hidden child side of isolation mode (host/isolation). The host starts it
// with posix_spawn; the options are handed back to run_worker_main in its own syntax.
#include "commands.hpp"

#include <erpc/host/worker_main.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <memory>

namespace erpc::cli {

void add_worker_command(CLI::App& app, command_environment& env) {
  auto* worker = app.add_subcommand("__worker", "")->group("");
  struct worker_options {
    std::uint64_t address_space = 0;
    std::uint64_t open_files = 0;
    std::uint64_t json_bytes = 4u << 20;
    std::string library;
  };
  auto o = std::make_shared<worker_options>();
  worker->add_option("--max-address-space", o->address_space);
  worker->add_option("--max-open-files", o->open_files);
  worker->add_option("--max-json-bytes", o->json_bytes);
  worker->add_option("library", o->library)->required();
  worker->callback([&env, o] {
    env.exit_code = run_worker_main({"--max-address-space=" + std::to_string(o->address_space),
                                     "--max-open-files=" + std::to_string(o->open_files),
                                     "--max-json-bytes=" + std::to_string(o->json_bytes), "--",
                                     o->library});
  });
}

}  // namespace erpc::cli
