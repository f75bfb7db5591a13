// The worker the isolation tests start: exactly what `erpc __worker` runs, without the CLI.
#include <erpc/host/worker_main.hpp>

int main(int argc, char** argv) {
  return erpc::run_worker_main(std::vector<std::string>(argv + 1, argv + argc));
}
