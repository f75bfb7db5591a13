// The child side of the probe tests: what `erpc __probe <path>` does in the CLI.
#include <erpc/host/child_probe.hpp>

#include <cstdio>
#include <string_view>

int main(int argc, char** argv) {
  if (argc != 3 || std::string_view(argv[1]) != "__probe") {
    std::fprintf(stderr, "usage: %s __probe <library>\n", argv[0]);
    return 64;
  }
  return erpc::run_probe_main(argv[2]);
}
