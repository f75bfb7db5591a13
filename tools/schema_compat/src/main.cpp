// erpc_schema_compat <released_dir> <current_dir>
// Exit 0: only additive changes. Exit 1: breaking changes, one line each. Exit 2: usage or I/O.
#include <erpc/tools/schema_compat.hpp>

#include <exception>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: erpc_schema_compat <released_dir> <current_dir>\n";
    return 2;
  }
  try {
    const auto findings = erpc::tools::compare_trees(argv[1], argv[2]);
    for (const auto& f : findings) std::cout << f.to_line() << '\n';
    if (!findings.empty()) {
      std::cerr << findings.size() << " breaking change(s) against " << argv[1] << '\n';
      return 1;
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "erpc_schema_compat: " << e.what() << '\n';
    return 2;
  }
}
