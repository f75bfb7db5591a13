#pragma once
// What the flows' end-to-end tests share: the `erpc` executable run as a user runs it (the
// simulators' test credentials and an audit key in its environment, stdout captured), and the
// NetSuite connection settings every flow test points at the NetSuite simulator.
#include "netsuite_flow_settings.hpp"
#include "support/child_process.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace erpc::flows_e2e {

struct cli_result {
  int exit_code = -1;
  std::string out;
  // stdout as JSON; fails the test when it is not.
  nlohmann::json document() const {
    const auto doc = nlohmann::json::parse(out, nullptr, false);
    INFO(out);
    REQUIRE_FALSE(doc.is_discarded());
    return doc;
  }
};

inline void write_json(const std::filesystem::path& path, const nlohmann::json& document) {
  std::ofstream(path) << document.dump(2);
}

inline nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

// `erpc` in one test folder: output files and the log (erpc.log) live there.
class erpc_cli {
 public:
  explicit erpc_cli(std::filesystem::path dir) : dir_(std::move(dir)) {}

  cli_result run(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {ERPC_EXE};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<std::string> env;
    // The NetSuite simulator's credentials under the variables their env: references name.
    constexpr std::string_view env_scheme = "env:";
    for (const auto& c : netsuite::testing::sim_credentials) {
      env.push_back(std::string(std::string_view(c.reference).substr(env_scheme.size())) + "=" +
                    c.value);
    }
    env.insert(env.end(), {
        "COUPA_CLIENT=sim-coupa-client", "COUPA_SECRET=sim-coupa-client-secret",
        "ERPC_E2E_AUDIT_KEY=000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
#ifdef ERPC_SANITIZED
        // The modules' static OpenSSL state is reported by LSan with frames it cannot
        // symbolise (as for erpc certify in tests); every other check stays on.
        "ASAN_OPTIONS=detect_leaks=0:abort_on_error=1",
#endif
    });
    const auto done = erpc::testing::run_to_end(
        argv, env, dir_ / "erpc.log", dir_ / ("out-" + std::to_string(++runs_) + ".json"));
    return {done.status, done.out};
  }

  // A run that must exit 0 and print JSON.
  nlohmann::json ok(const std::vector<std::string>& args) {
    const auto r = run(args);
    INFO("erpc " << args.front() << " answered " << r.exit_code << ": " << r.out << "\nlog: "
                 << log_tail());
    REQUIRE(r.exit_code == 0);
    return r.document();
  }

  // A direct adapter call (`erpc invoke`) with the connection settings in `settings_file`.
  nlohmann::json invoke(const std::string& adapter, const std::filesystem::path& settings_file,
                        const std::string& op, const std::string& object, const std::string& key,
                        const nlohmann::json& document) {
    const auto file = dir_ / ("doc-" + std::to_string(++runs_) + ".json");
    write_json(file, document);
    std::vector<std::string> args = {"invoke", "--adapter", adapter, "--config",
                                     settings_file.string(), "--op", op, "--object", object};
    if (!key.empty()) args.insert(args.end(), {"--key", key});
    args.insert(args.end(), {op == "create" ? "--payload" : "--query", file.string()});
    return ok(args)["result"];
  }

  std::string log_tail() const {
    std::ifstream in(dir_ / "erpc.log");
    std::stringstream text;
    text << in.rdbuf();
    const auto all = text.str();
    return all.size() > 2000 ? all.substr(all.size() - 2000) : all;
  }

 private:
  std::filesystem::path dir_;
  int runs_ = 0;
};

}  // namespace erpc::flows_e2e
