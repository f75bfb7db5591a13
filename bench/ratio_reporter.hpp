#pragma once
// Console output as usual, plus each benchmark's time per iteration kept so that a benchmark
// can print the ratio between two of its runs, measured side by side in one process.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      if (!r.error_occurred) times_[r.benchmark_name()] = r.GetAdjustedRealTime();
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // "<label>: <slow> X us vs <fast> Y us = Z x, +W us", when both ran without error.
  void print_ratio(const char* label, const std::string& slow, const std::string& fast) const {
    const auto s = times_.find(slow);
    const auto f = times_.find(fast);
    if (s == times_.end() || f == times_.end() || f->second <= 0) return;
    std::printf("%s: %s %.2f us vs %s %.2f us = %.2fx, +%.2f us\n", label, slow.c_str(),
                s->second, fast.c_str(), f->second, s->second / f->second,
                s->second - f->second);
  }

 private:
  std::map<std::string, double> times_;
};

// The whole main() of a benchmark executable that reports one ratio.
inline int run_benchmarks_with_ratio(int argc, char** argv, const char* label,
                                     const std::string& slow, const std::string& fast) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  reporter.print_ratio(label, slow, fast);
  benchmark::Shutdown();
  return 0;
}
