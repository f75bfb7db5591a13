#pragma once
// Console output as usual, plus each benchmark's time per iteration kept so that a benchmark
// executable can compare two of its runs, measured side by side in one process, and print the
// comparison next to the target issue 4 sets for it.

#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

// One line of the summary: `slow` against `fast`, judged against a target.
struct bench_comparison {
  enum class target_kind {
    none,               // just the figures
    min_ratio,          // slow / fast must be at least `target` (B1: isolation >= 10x)
    max_difference_us,  // slow - fast must be at most `target` us (overhead per record)
    max_ratio,          // slow / fast must be at most `target` (B3: canonical parse <= 2x raw)
  };
  const char* label;
  std::string slow;
  std::string fast;
  target_kind kind;
  double target;
};

class ratio_reporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      if (!r.error_occurred) {
        times_[r.benchmark_name()] = r.GetAdjustedRealTime();
        cpu_times_[r.benchmark_name()] = r.GetAdjustedCPUTime();
        for (const auto& [name, counter] : r.counters) {
          counters_[name][r.benchmark_name()] = counter.value;
        }
      }
    }
    ConsoleReporter::ReportRuns(runs);
  }

  // "<label>: <slow> X us vs <fast> Y us = Z x, +W us [target ...: met | NOT met]", when both
  // ran without error (benchmarks must report in microseconds).
  void print(const bench_comparison& c) const { print_from(times_, c); }

  // The same comparison on CPU time: on a loaded machine (2 cores shared by CI and other jobs)
  // wall time mostly measures the neighbours.
  void print_cpu(const bench_comparison& c) const { print_from(cpu_times_, c); }

  // A run's wall time per iteration in microseconds, or 0 when it did not run.
  double time_us(const std::string& name) const {
    const auto it = times_.find(name);
    return it == times_.end() ? 0 : it->second;
  }

  // The same comparison on a user counter both benchmarks set (in microseconds), such as
  // process_cpu_meter's "process_cpu_us".
  void print_counter(const char* counter, const bench_comparison& c) const {
    if (const auto it = counters_.find(counter); it != counters_.end()) print_from(it->second, c);
  }

 private:
  void print_from(const std::map<std::string, double>& times, const bench_comparison& c) const {
    const auto s = times.find(c.slow);
    const auto f = times.find(c.fast);
    if (s == times.end() || f == times.end() || f->second <= 0) return;
    const double ratio = s->second / f->second;
    const double difference = s->second - f->second;
    std::printf("%s: %s %.2f us vs %s %.2f us = %.2fx, +%.2f us", c.label, c.slow.c_str(),
                s->second, c.fast.c_str(), f->second, ratio, difference);
    if (c.kind == bench_comparison::target_kind::none) {
      std::printf("\n");
      return;
    }
    const bool min_ratio = c.kind == bench_comparison::target_kind::min_ratio;
    if (c.kind == bench_comparison::target_kind::max_ratio) {
      std::printf("  [target <= %.1fx: %s]\n", c.target, ratio <= c.target ? "met" : "NOT met");
      return;
    }
    const bool met = min_ratio ? ratio >= c.target : difference <= c.target;
    std::printf("  [target %s %g%s: %s]\n", min_ratio ? ">=" : "<=", c.target,
                min_ratio ? "x" : " us", met ? "met" : "NOT met");
  }

  std::map<std::string, double> times_;
  std::map<std::string, double> cpu_times_;
  std::map<std::string, std::map<std::string, double>> counters_;  // counter -> run -> value
};

// CPU time of the whole process (every thread: the benchmark's, the host's workers, HTTP
// client and server threads) per item, as the counters "process_cpu_us" and its parts
// "process_user_us" and "process_sys_us" (kernel time: syscalls, wake-ups, loopback TCP).
// Google benchmark's own CPU time counts only the benchmark threads, so it misses the work a
// path hands to other threads. Construct it on thread 0 before the measured loop and call
// `finish` after it; the library's start and stop barriers make that span exactly every
// thread's iterations.
class process_cpu_meter {
 public:
  explicit process_cpu_meter(const benchmark::State& state)
      : active_(state.thread_index() == 0), start_(active_ ? now() : times{}) {}

  void finish(benchmark::State& state) const {
    if (!active_) return;
    const double items = static_cast<double>(state.iterations()) * state.threads();
    if (items <= 0) return;
    const times end = now();
    const double user = (end.user_us - start_.user_us) / items;
    const double sys = (end.sys_us - start_.sys_us) / items;
    state.counters["process_cpu_us"] = user + sys;
    state.counters["process_user_us"] = user;
    state.counters["process_sys_us"] = sys;
  }

 private:
  struct times {
    double user_us = 0;
    double sys_us = 0;
  };
  static times now() {
    rusage u{};
    ::getrusage(RUSAGE_SELF, &u);
    auto us = [](const timeval& t) { return static_cast<double>(t.tv_sec) * 1e6 + t.tv_usec; };
    return {us(u.ru_utime), us(u.ru_stime)};
  }

  bool active_;
  times start_;
};

// The whole main() of a benchmark executable: runs the benchmarks, then prints each comparison.
inline int run_benchmarks_with_comparisons(int argc, char** argv,
                                           std::initializer_list<bench_comparison> comparisons) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  ratio_reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  for (const auto& c : comparisons) reporter.print(c);
  std::fflush(stdout);
  benchmark::Shutdown();
  return 0;
}

// One comparison without a target.
inline int run_benchmarks_with_ratio(int argc, char** argv, const char* label,
                                     const std::string& slow, const std::string& fast) {
  return run_benchmarks_with_comparisons(
      argc, argv, {{label, slow, fast, bench_comparison::target_kind::none, 0}});
}
