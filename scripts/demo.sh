#!/usr/bin/env bash
# The main job on the embedded default (SQLite): install what is missing, build, then show the
# host at work — list the adapters, validate a canonical invoice, and post it through the
# durable path (outbox, idempotency ledger, audit trail) to the bundled hello adapter.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset default > /dev/null
cmake --build --preset default

erpc=$PWD/build/default/bin/erpc
invoice=$PWD/schemas/examples/v1/Invoice.json
demo=$PWD/build/default/demo
rm -rf "$demo" && mkdir -p "$demo"

# The audit trail's master key comes from a secret reference, never from the file itself.
ERPC_DEMO_AUDIT_KEY=$(openssl rand -hex 32)
export ERPC_DEMO_AUDIT_KEY
cat > "$demo/erpc.json" <<JSON
{
  "ledger": {"backend": "sqlite", "path": "erpc.db"},
  "audit": {"hmac_key": "env:ERPC_DEMO_AUDIT_KEY", "anchor_path": "audit.anchor"},
  "connections": {"hello-eu": {"adapter": "hello", "concurrency": 2}}
}
JSON

step() { echo; echo "== $*"; }
step "erpc adapters list"
"$erpc" adapters list
step "erpc validate Invoice schemas/examples/v1/Invoice.json"
"$erpc" validate Invoice "$invoice"
step "erpc submit (accepted into the durable outbox)"
"$erpc" --config "$demo/erpc.json" submit --connection hello-eu --object Invoice \
  --key inv-2026-0001 --payload "$invoice"
step "erpc run --until-idle (posts it through the hello adapter)"
"$erpc" --config "$demo/erpc.json" run --until-idle
step "erpc submit again (same key and payload: the stored response, nothing posted twice)"
"$erpc" --config "$demo/erpc.json" submit --connection hello-eu --object Invoice \
  --key inv-2026-0001 --payload "$invoice"
step "erpc audit verify"
"$erpc" --config "$demo/erpc.json" audit verify

# Certification (docs/certification.md): every bundled adapter that ships a conformance profile,
# against its own simulator through the fault proxy; the summary table of each run.
failed=()
for profile in adapters/*/conformance.json; do
  adapter=$(basename "$(dirname "$profile")")
  step "erpc certify --adapter $adapter --profile $profile"
  "$erpc" certify --adapter "$adapter" --profile "$profile" --report "$demo/certification/$adapter" ||
    failed+=("$adapter")
done
if ((${#failed[@]})); then
  echo "certification failed: ${failed[*]} (reports in $demo/certification/)" >&2
  exit 1
fi
