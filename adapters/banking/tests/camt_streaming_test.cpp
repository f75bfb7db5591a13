#include <erpc/banking/camt_reader.hpp>

#include "camt_generator.hpp"
#include "statement_test_support.hpp"

#include <fstream>
#include <istream>

using namespace erpc;
using namespace erpc::banking;

namespace {

// kB from /proc/self/status (Linux): "VmHWM" is the peak resident set, "VmRSS" the current one.
long status_kb(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
  }
  return -1;
}

// Resets VmHWM to the current RSS (Linux ≥ 4.0: writing 5 to clear_refs), so the peak measured
// afterwards is this test's own.
void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Counts entries and sums them, keeping nothing.
class counting_sink final : public statement_sink {
 public:
  void begin_statement(const contract::bank_statement&) override {}
  void entry(contract::statement_entry&& e, std::string_view) override {
    ++entries;
    sum += e.amount.amount;
  }
  void end_statement(statement_summary&& s) override {
    ++statements;
    closing = s.statement.balances.at(1).amount.amount;
  }
  std::uint64_t entries = 0;
  std::uint64_t statements = 0;
  decimal sum;
  decimal closing;
};

}  // namespace

TEST_CASE("camt: a 200 MB statement streams through in bounded memory") {
#ifdef ERPC_SANITIZED
  // The sanitizers' allocator quarantine holds freed memory on purpose; the size bound is
  // measured in the ci build. Here: a smaller file, for the memory-safety run only.
  const std::uint64_t target_bytes = 8ull << 20;
#else
  const std::uint64_t target_bytes = 200ull << 20;
#endif
  const std::uint64_t entries = target_bytes / test::camt_generator::entry_bytes();
  test::camt_generator bytes(entries);
  std::istream in(&bytes);
  counting_sink sink;

  reset_peak();
  const long before = status_kb("VmRSS");
  read_camt(in, sink);
  const long peak = status_kb("VmHWM");

  CHECK(sink.statements == 1);
  CHECK(sink.entries == entries);
  CHECK(sink.sum == sink.closing);
  INFO("RSS before " << before << " kB, peak during the read " << peak << " kB, file "
                     << (entries * test::camt_generator::entry_bytes() >> 20) << " MB");
#ifndef ERPC_SANITIZED
  REQUIRE(before > 0);
  // The whole file is 200 MB; reading it may cost a few MB of buffers, never the file.
  CHECK(peak - before < 32 * 1024);
#endif
}

TEST_CASE("camt: the size limit stops a read early") {
  test::camt_generator bytes(100000);
  std::istream in(&bytes);
  counting_sink sink;
  read_options options;
  options.limits.max_bytes = 1 << 20;
  const auto e = test::expect_failure([&] { read_camt(in, sink, options); }, "statement.too_large");
  CHECK(sink.statements == 0);
  CHECK(sink.entries < 100000);
}
