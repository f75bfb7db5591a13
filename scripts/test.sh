#!/usr/bin/env bash
# The whole test suite: install what is missing, then build and test the two CI
# configurations — `ci` (-O1 -g, warnings as errors) and `asan` (AddressSanitizer + UBSan).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh

status=0
for preset in ci asan; do
  echo "=== preset: $preset"
  cmake --preset "$preset" > /dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset" || status=1
done
exit $status
