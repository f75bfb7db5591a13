// B3: statement parse throughput of the canonical readers (adapters/banking) against a raw pass
// over the same bytes that maps nothing: camt.053 vs a libxml2 xmlTextReader loop with the same
// parser options, MT940 vs a plain line scan. Target: canonical MB/s >= 0.5 x raw, i.e. the
// canonical time at most 2x the raw time. docs/benchmarks.md "B3".
#include "ratio_reporter.hpp"

#include <erpc/banking/camt_reader.hpp>
#include <erpc/banking/mt940_reader.hpp>

#include <libxml/xmlreader.h>

#include <cstdio>
#include <istream>
#include <iterator>
#include <string>

#include "camt_generator.hpp"

namespace {

constexpr std::uint64_t camt_entries = 20000;  // ~12 MB
constexpr int mt940_statements = 2000;         // 100 entries each, ~10 MB

const std::string& camt_bytes() {
  static const std::string bytes = [] {
    erpc::banking::test::camt_generator gen(camt_entries);
    std::istream in(&gen);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  return bytes;
}

const std::string& mt940_bytes() {
  static const std::string bytes = [] {
    std::string out;
    char line[256];
    for (int s = 0; s < mt940_statements; ++s) {
      std::snprintf(line, sizeof line,
                    ":20:STMT%06d\n:25:DE44500105175407324931\n:28C:%d/1\n:60F:C260302EUR%d,00\n",
                    s, s + 1, s * 100);
      out += line;
      for (int e = 0; e < 100; ++e) {
        std::snprintf(line, sizeof line,
                      ":61:2603020302C1,00NTRFE2E-%06d-%03d//B%06d%03d\n"
                      ":86:166?00SEPA-GUTSCHRIFT?20EREF+E2E-%06d-%03d?21SVWZ+INV %d?32Customer\n",
                      s, e, s, e, s, e, e);
        out += line;
      }
      std::snprintf(line, sizeof line, ":62F:C260302EUR%d,00\n-\n", (s + 1) * 100);
      out += line;
    }
    return out;
  }();
  return bytes;
}

class counting_sink final : public erpc::banking::statement_sink {
 public:
  void begin_statement(const erpc::contract::bank_statement&) override {}
  void entry(erpc::contract::statement_entry&&, std::string_view) override { ++entries; }
  void end_statement(erpc::banking::statement_summary&&) override {}
  std::uint64_t entries = 0;
};

void camt_raw_libxml2(benchmark::State& state) {
  const auto& bytes = camt_bytes();
  for (auto _ : state) {
    xmlTextReaderPtr r = xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                            nullptr,
                                            XML_PARSE_NONET | XML_PARSE_NOBLANKS |
                                                XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    std::size_t touched = 0;
    while (xmlTextReaderRead(r) == 1) {
      const xmlChar* v = xmlTextReaderConstValue(r);
      touched += v != nullptr ? 1 : 0;
    }
    xmlFreeTextReader(r);
    benchmark::DoNotOptimize(touched);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void camt_canonical(benchmark::State& state) {
  const auto& bytes = camt_bytes();
  for (auto _ : state) {
    counting_sink sink;
    erpc::banking::read_camt(bytes, sink);
    if (sink.entries != camt_entries) state.SkipWithError("entries lost");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void mt940_line_scan(benchmark::State& state) {
  const auto& bytes = mt940_bytes();
  for (auto _ : state) {
    std::size_t lines = 0, tags = 0;
    std::size_t pos = 0;
    while (pos < bytes.size()) {
      auto end = bytes.find('\n', pos);
      if (end == std::string::npos) end = bytes.size();
      tags += bytes[pos] == ':' ? 1 : 0;
      ++lines;
      pos = end + 1;
    }
    benchmark::DoNotOptimize(lines + tags);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

void mt940_canonical(benchmark::State& state) {
  const auto& bytes = mt940_bytes();
  for (auto _ : state) {
    counting_sink sink;
    erpc::banking::read_mt940(bytes, sink);
    if (sink.entries != 100u * mt940_statements) state.SkipWithError("entries lost");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size()));
}

}  // namespace

BENCHMARK(camt_raw_libxml2)->Unit(benchmark::kMicrosecond);
BENCHMARK(camt_canonical)->Unit(benchmark::kMicrosecond);
BENCHMARK(mt940_line_scan)->Unit(benchmark::kMicrosecond);
BENCHMARK(mt940_canonical)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  const bench_comparison camt{"B3 camt.053 canonical vs raw libxml2 reader", "camt_canonical",
                              "camt_raw_libxml2", bench_comparison::target_kind::max_ratio, 2.0};
  const bench_comparison mt940{"B3 MT940 canonical vs line scan", "mt940_canonical",
                               "mt940_line_scan", bench_comparison::target_kind::none, 0};
  std::printf("wall time:\n");
  reporter.print(camt);
  reporter.print(mt940);
  std::printf("CPU time:\n");
  reporter.print_cpu(camt);
  reporter.print_cpu(mt940);
  std::fflush(stdout);
  benchmark::Shutdown();
  return 0;
}
