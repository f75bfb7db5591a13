#!/usr/bin/env bash
# The whole test suite: install what is missing, then build and test the two CI
# configurations — `ci` (-O1 -g, warnings as errors) and `asan` (AddressSanitizer + UBSan).
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
for preset in ci asan; do
  echo "=== preset: $preset"
  cmake --preset "$preset" > /dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset" || status=1
done
exit $status
