#!/usr/bin/env bash
# The whole test suite: install what is missing, then
#   1. the `ci` preset — AddressSanitizer + UBSan at -O1, warnings as errors — builds everything
#      (benchmarks included) and runs every test, each benchmark once as a smoke test;
#   2. the `fuzz` preset (clang-14, libFuzzer) builds the fuzz targets and mutates each for
#      ERPC_FUZZ_SECONDS (15) from its committed seed corpus.
# Benchmark figures come from the unsanitised `bench` preset (docs/benchmarks.md), not from here.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

# ccache keeps compiled objects between runs of this script (and between clones: paths are
# taken relative to the source folder), so a rerun on the same machine rebuilds only what
# changed. A fresh machine starts with an empty cache and builds everything.
if command -v ccache > /dev/null; then
  export CMAKE_C_COMPILER_LAUNCHER=ccache CMAKE_CXX_COMPILER_LAUNCHER=ccache
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=true CCACHE_MAXSIZE=8G
fi

status=0
echo "=== preset: ci"
cmake --preset ci > /dev/null
cmake --build --preset ci
ctest --preset ci || status=1

echo "=== preset: fuzz"
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
ctest --preset fuzz || status=1
exit $status
