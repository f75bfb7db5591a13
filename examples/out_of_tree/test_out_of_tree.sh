#!/usr/bin/env bash
# Installs the erpconnect build tree into a scratch prefix, builds this example against it
# with find_package(erpconnect), and loads the result with the installed erpc.
set -euo pipefail
build_dir=$1   # the erpconnect build tree
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

cmake --install "$build_dir" --prefix "$work/prefix" > "$work/install.log"
cmake -S "$here" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
      -DCMAKE_BUILD_TYPE=Release > "$work/configure.log"
cmake --build "$work/build" > "$work/build.log"

erpc="$work/prefix/bin/erpc"
lib="$work/build/tax_table.so"
test -f "$lib"
# The installed erpc finds its bundled adapters; the example loads by path.
"$erpc" adapters list --no-probe | grep -q '^hello '
"$erpc" adapters describe "$lib" | grep -q 'id: *tax_table'
"$erpc" invoke --adapter "$lib" --op get --object TaxCode --query "$here/query.json" \
       --config "$here/config.json" | grep -q '"rate_percent": "7"'
echo "out-of-tree adapter built against the install tree and loaded"
