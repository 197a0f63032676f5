#!/usr/bin/env bash
# The command line itself: help, exit codes, the NIP checker.
. "$(dirname "$0")/lib.sh"

out=$("$WASDAL_BIN" help); check_contains "help lists nip" "$out" "nip"
"$WASDAL_BIN" no-such-command >/dev/null 2>&1; check_eq "unknown command exits 2" $? 2
out=$(WASDAL_LANG=en "$WASDAL_BIN" no-such 2>&1); check_contains "English error on request" "$out" "unknown command"
out=$("$WASDAL_BIN" no-such 2>&1); check_contains "Indonesian error by default" "$out" "perintah tidak dikenal"

"$WASDAL_BIN" nip 196608011988031001 "19660801 198803 1 001" >/dev/null; check_eq "valid NIPs exit 0" $? 0
"$WASDAL_BIN" nip 196608011988031001 196613011988031001 >/dev/null; check_eq "one invalid NIP exits 1" $? 1
"$WASDAL_BIN" nip >/dev/null 2>&1; check_eq "no NIP is bad usage (2)" $? 2
out=$("$WASDAL_BIN" nip --json 196608011988031001 196608011988033001)
check_contains "json: valid record" "$out" '"valid":true,"nip":"196608011988031001"'
check_contains "json: tanggal lahir" "$out" '"tanggal_lahir":"1966-08-01"'
check_contains "json: invalid gender reason" "$out" '"valid":false,"reason":"digit 15'
out=$("$WASDAL_BIN" nip 196608011988031001)
check_contains "text: explains TMT" "$out" "1988-03"

# verify-signature: the offline check of a printed declaration.
pk=0000000000000000000000000000000000000000000000000000000000000000
"$WASDAL_BIN" verify-signature --pubkey "$pk" >/dev/null 2>&1; check_eq "verify-signature without payload is usage (2)" $? 2
"$WASDAL_BIN" verify-signature --pubkey abc WSD1.x >/dev/null 2>&1; check_eq "short public key is bad input (2)" $? 2
out=$("$WASDAL_BIN" verify-signature --pubkey "$pk" WSD1.not.a.payload); rc=$?
check_eq "malformed payload is not genuine (1)" $rc 1
check_contains "malformed payload explained" "$out" "rusak"
sig=$(printf 'A%.0s' $(seq 86))
out=$("$WASDAL_BIN" verify-signature --pubkey "$pk" "WSD1.3374.12.196608011988031001.1732000000000.9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.$sig"); rc=$?
check_eq "forged signature is not genuine (1)" $rc 1
check_contains "forged signature explained" "$out" "TIDAK SAH"
tap_done
