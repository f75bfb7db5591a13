#!/usr/bin/env bash
# The main job on the embedded default: install what is missing, build, then show the host at
# work — list the adapters, validate a canonical invoice, post it through the hello adapter.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset default > /dev/null
cmake --build --preset default

erpc=build/default/bin/erpc
invoice=schemas/examples/v1/Invoice.json

echo "== erpc adapters list"
"$erpc" adapters list
echo
echo "== erpc validate Invoice $invoice"
"$erpc" validate Invoice "$invoice"
echo
echo "== erpc invoke --adapter hello --op create --object Invoice --key inv-2026-0001"
"$erpc" invoke --adapter hello --op create --object Invoice --key inv-2026-0001 \
  --payload "$invoice"
