#!/usr/bin/env bash
# The main job on the embedded default (SQLite): install what is missing, build, then show the
# host at work — list the adapters, validate a canonical invoice, and post it through the
# durable path (outbox, idempotency ledger, audit trail) to the bundled hello adapter.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset default > /dev/null
cmake --build --preset default --target erpc_demo

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

# The pay-and-settle flow (docs/pay-and-settle.md, BANKING.md): the NetSuite simulator is the
# ERP, the bank simulator sits behind the bank file adapter's folders. Approved bills are paid
# through a pain.001, recorded as a vendorPayment against the in-transit account, accepted by
# pain.002, booked in the camt.053 and settled in-transit -> bank with the bank's charges.
flow=$demo/pay-and-settle
mkdir -p "$flow"/bank/{out,in,state,archive}
sims=()
trap 'for p in "${sims[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
wait_port() { for _ in $(seq 1 200); do [ -s "$1" ] && { cat "$1"; return; }; sleep 0.05; done; echo "no port in $1" >&2; exit 1; }
cat > "$flow/bank-sim.json" <<JSON
{"folders.outbound": "$flow/bank/out", "folders.inbound": "$flow/bank/in",
 "folders.archive": "$flow/bank/archive", "calendar.start_date": "2026-03-10",
 "accounts": "[{\"iban\": \"DE89370400440532013000\", \"bic\": \"COBADEFFXXX\", \"currency\": \"EUR\", \"opening_balance\": \"10000.00\", \"owner\": \"Example GmbH\"}]",
 "charges.per_payment": "2.50", "charges.booking": "netted"}
JSON
"$erpc" sim netsuite --port 0 --port-file "$flow/netsuite.port" > "$flow/netsuite-sim.log" 2>&1 &
sims+=($!)
"$erpc" sim bank --port 0 --port-file "$flow/bank.port" --settings "$flow/bank-sim.json" > "$flow/bank-sim.log" 2>&1 &
sims+=($!)
netsuite_port=$(wait_port "$flow/netsuite.port")
bank_port=$(wait_port "$flow/bank.port")
export NS_CONSUMER_KEY=sim-consumer-key NS_CONSUMER_SECRET=sim-consumer-secret \
       NS_TOKEN_ID=sim-token-id NS_TOKEN_SECRET=sim-token-secret
jq -n --arg url "http://127.0.0.1:$netsuite_port" '{account_id: "1234567_SB1", base_url: $url,
  consumer_key: "env:NS_CONSUMER_KEY", consumer_secret: "env:NS_CONSUMER_SECRET",
  token_id: "env:NS_TOKEN_ID", token_secret: "env:NS_TOKEN_SECRET",
  value_maps: {subsidiaries: {DE01: "1"}, currencies: {EUR: "1"},
               accounts: {"5400": "58", "1361": "12", "1200": "10", "6855": "71"}, tax_codes: {DE19: "7"}},
  functional_currencies: {DE01: "EUR"}}' > "$flow/netsuite.json"
jq -n --arg dir "$flow" --slurpfile ns "$flow/netsuite.json" '{
  ledger: {backend: "sqlite", path: ($dir + "/ledger.db")},
  audit: {hmac_key: "env:ERPC_DEMO_AUDIT_KEY", anchor_path: ($dir + "/audit.anchor")},
  connections: {netsuite: {adapter: "netsuite", settings: $ns[0]},
                bank: {adapter: "bank_iso20022", settings: {outbound_dir: ($dir + "/bank/out"),
                       inbound_dir: ($dir + "/bank/in"), state_dir: ($dir + "/bank/state"),
                       pain001_version: "pain.001.001.09"}}}}' > "$flow/erpc.json"
ns_invoke() {  # op object key document-json
  echo "$4" > "$flow/doc.json"
  "$erpc" invoke --adapter netsuite --config "$flow/netsuite.json" --op "$1" --object "$2" \
    ${3:+--key "$3"} --payload "$flow/doc.json"
}
step "erpc invoke: a supplier and two approved bills in the NetSuite simulator"
supplier=$(ns_invoke create Supplier sup-1 '{"external_refs": {}, "source": {"system": "demo"},
  "name": "Acme Bearings SARL", "number": "SUP-1", "legal_entity": "DE01", "default_currency": "EUR"}' |
  jq -r .result.id)
for bill in "AC-1 119.00" "AC-2 50.00"; do
  set -- $bill
  ns_invoke create Invoice "bill-$1" "{\"external_refs\": {}, \"source\": {\"system\": \"demo\"},
    \"document_type\": \"invoice\", \"direction\": \"payable\", \"legal_entity\": \"DE01\",
    \"supplier\": {\"external_refs\": {\"netsuite\": \"$supplier\"}}, \"invoice_number\": \"$1\",
    \"invoice_date\": \"2026-03-02\", \"currency\": \"EUR\",
    \"lines\": [{\"account\": \"5400\", \"net\": {\"amount\": \"$2\", \"currency\": \"EUR\"},
      \"tax\": {\"amount\": \"0.00\", \"currency\": \"EUR\"}, \"gross\": {\"amount\": \"$2\", \"currency\": \"EUR\"}}],
    \"totals\": {\"net\": {\"amount\": \"$2\", \"currency\": \"EUR\"}, \"tax\": {\"amount\": \"0.00\", \"currency\": \"EUR\"},
      \"gross\": {\"amount\": \"$2\", \"currency\": \"EUR\"}}}" | jq -c '.result | {id, invoice_number, totals: .totals.gross}'
done
jq -n --arg s "netsuite:$supplier" '{erp: "netsuite", bank: "bank", legal_entity: "DE01", currency: "EUR",
  in_transit_account: "1361", bank_account: "1200", charges_account: "6855",
  debtor: {name: "Example GmbH"}, debtor_account: {iban: "DE89370400440532013000", bic: "COBADEFFXXX"},
  creditor_accounts: {($s): {iban: "FR1420041010050500013M02606"}}}' > "$flow/pay.json"
pay() { "$erpc" --config "$flow/erpc.json" pay "$@" --flow "$flow/pay.json"; }
step "erpc pay run (PaymentBatch -> pain.001 in the outbound folder; vendorPayment against in-transit 1361)"
pay run --run-id R1 --execution-date 2026-03-10
ls "$flow/bank/out"
step "the bank picks the file up and answers pain.002"
curl -fsS -X POST "http://127.0.0.1:$bank_port/bank/cycle" | jq -c '.picked_up[] | {message_id, group_status, accepted}'
pay settle
step "the bank closes the day: camt.053 with one batch entry, charges netted"
curl -fsS -X POST "http://127.0.0.1:$bank_port/bank/end-of-day" | jq -c '.statements[] | {file, entries, opening_balance, closing_balance}'
step "erpc pay settle (entry matched -> settlement journal in-transit -> bank + charges; status settled)"
settled=$(pay settle)
echo "$settled"
[ "$(echo "$settled" | jq '.settled | length')" = 1 ] || { echo "the payment did not settle" >&2; exit 1; }
step "erpc audit show pay-R1 (every step of the run under one correlation id)"
"$erpc" --config "$flow/erpc.json" audit show pay-R1 | tail -n 12
"$erpc" --config "$flow/erpc.json" audit verify

# Certification (docs/certification.md): every bundled adapter that ships a conformance profile,
# against its own simulator through the fault proxy; the summary table of each run.
failed=()
for profile in adapters/*/conformance.json; do
  adapter=$(basename "$(dirname "$profile")")
  step "erpc certify --adapter $adapter --profile $profile"
  "$erpc" certify --adapter "$adapter" --profile "$profile" --report "$demo/certification/$adapter" \
    --record || failed+=("$adapter")
done
# The verdicts are kept beside the libraries (--record): the LEVEL column shows them.
step "erpc adapters list (status and certified level of every bundled adapter)"
"$erpc" adapters list
if ((${#failed[@]})); then
  echo "certification failed: ${failed[*]} (reports in $demo/certification/)" >&2
  exit 1
fi
