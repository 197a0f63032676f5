#!/usr/bin/env bash
# End-to-end tests of `wasdal cpns` on generated data (TAP on stdout).
# Uses $WASDAL_BIN (default build/wasdal) and bench/gen_cpns.py, a copy of
# the project's shared generator (../shared/bench/gen_cpns.py) kept in the
# repository so a clone tests on its own, wherever it is checked out.
set -uo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
bin=${WASDAL_BIN:-build/wasdal}
case "$bin" in /*) ;; *) bin="$root/$bin" ;; esac
gen="$root/bench/gen_cpns.py"
tmp=$(mktemp -d /tmp/wasdal-cpns-test.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
nok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
check() { # description, command...
	local d=$1; shift
	if "$@"; then ok "$d"; else nok "$d"; fi
}

# The copy must not drift from the shared original where that is present.
if [ -r "$root/../shared/bench/gen_cpns.py" ]; then
	check "bench/gen_cpns.py is the shared generator, unchanged" cmp -s "$gen" "$root/../shared/bench/gen_cpns.py"
fi
python3 "$gen" --applicants 20000 --formations 2000 --dirty --out "$tmp/dirty" || { nok "gen_cpns.py --dirty"; exit 1; }
python3 "$gen" --applicants 50000 --formations 1000 --out "$tmp/clean" || { nok "gen_cpns.py"; exit 1; }
D=$tmp/dirty C=$tmp/clean

# --- strict mode on dirty data
"$bin" cpns rank --formasi "$D/formations.csv" --peserta "$D/applicants.csv" --out "$tmp/strict" --quiet 2>"$tmp/strict.err"
check "strict mode exits 2 on invalid rows" test $? = 2
check "strict mode writes errors.csv" test -s "$tmp/strict/errors.csv"
check "strict mode writes no results.csv and no summary" test ! -e "$tmp/strict/results.csv" -a ! -e "$tmp/strict/summary.txt"
check "strict mode says why (and names errors.csv)" grep -q "errors.csv" "$tmp/strict.err"

# --- errors.csv lines == manifest lines + every duplicate partner, nothing else.
# Duplicates computed independently with awk over the raw file: every row
# whose nik (16 digits) or applicant_id occurs on more than one row.
awk -F, 'NR > 1 { if (length($2) == 16 && $2 ~ /^[0-9]+$/) { nik[$2] = nik[$2] " " NR }; aid[$1] = aid[$1] " " NR }
	END { for (k in nik) if (split(nik[k], x, " ") > 1) for (i in x) print x[i];
	      for (k in aid) if (split(aid[k], x, " ") > 1) for (i in x) print x[i] }' "$D/applicants.csv" >"$tmp/dups"
{ tail -n +2 "$D/dirty_manifest.csv" | cut -d, -f2; cat "$tmp/dups"; } | sort -un >"$tmp/expect"
tail -n +2 "$tmp/strict/errors.csv" | cut -d, -f1 | sort -un >"$tmp/got"
check "every manifest row and duplicate partner is in errors.csv, nothing else ($(wc -l <"$tmp/expect") lines)" cmp -s "$tmp/expect" "$tmp/got"
check "duplicate_nik rows have partners (the check is not vacuous)" test "$(wc -l <"$tmp/dups")" -gt 0
check "every errors.csv line names a column or the whole row, and a reason" \
	awk -F, 'NR > 1 && ($4 == "" || $1 == "") { exit 1 }' "$tmp/strict/errors.csv"
# The applicant_id column of errors.csv is that of the row (when it parses).
check "errors.csv applicant_id matches the input row" awk -F, '
	FNR == NR { if (FNR > 1) id[FNR] = $1; next }
	FNR > 1 && $2 != "" && id[$1] != $2 { bad = 1 } END { exit bad }' "$D/applicants.csv" "$tmp/strict/errors.csv"

# --- --allow-invalid
"$bin" cpns rank --formasi "$D/formations.csv" --peserta "$D/applicants.csv" --out "$tmp/a1" --allow-invalid --quiet
check "--allow-invalid exits 0" test $? = 0
"$bin" cpns rank --formasi "$D/formations.csv" --peserta "$D/applicants.csv" --out "$tmp/a2" --allow-invalid --quiet
check "results.csv is byte-identical across two runs" cmp -s "$tmp/a1/results.csv" "$tmp/a2/results.csv"
check "summary.txt is byte-identical across two runs" cmp -s "$tmp/a1/summary.txt" "$tmp/a2/summary.txt"
WASDAL_CPNS_NOFAST=1 "$bin" cpns rank --formasi "$D/formations.csv" --peserta "$D/applicants.csv" --out "$tmp/a3" --allow-invalid --quiet
check "the one-pass fast path and the general reader agree (results and errors)" \
	sh -c "cmp -s '$tmp/a1/results.csv' '$tmp/a3/results.csv' && cmp -s '$tmp/a1/errors.csv' '$tmp/a3/errors.csv'"
nbad=$(tail -n +2 "$tmp/a1/errors.csv" | cut -d, -f1 | sort -u | wc -l)
nres=$(($(wc -l <"$tmp/a1/results.csv") - 1))
check "results.csv has one row per valid applicant (20000 - $nbad = $nres)" test $((20000 - nbad)) = "$nres"
check "results.csv is ordered by applicant_id" sh -c "tail -n +2 '$tmp/a1/results.csv' | cut -d, -f1 | sort -nc"
check "no invalid row's applicant_id is in results.csv" awk -F, '
	FNR == NR { if (FNR > 1) bad[$1] = 1; next } FNR > 1 && ($1 in bad) { hit = 1 } END { exit hit }' \
	<(tail -n +2 "$tmp/a1/errors.csv" | cut -d, -f1 | sort -u | awk 'NR==FNR{l[$1]=1;next} (FNR in l){print}' - "$D/applicants.csv" | cut -d, -f1 | sed '1i x') "$tmp/a1/results.csv"
check "summary.txt counts add up to the valid rows" awk -v want="$nres" '/^status /{ s += $3 } END { exit s != want }' "$tmp/a1/summary.txt"
check "per-kind and per-instansi tables add up to the valid rows" awk -F, -v want="$nres" '
	/^# / { sec++ } /^kind,|^instansi_id,/ { next }
	NF == 9 && sec == 2 { k += $4 } NF == 9 && sec == 3 { i += $4 } END { exit !(k == want && i == want) }' "$tmp/a1/summary.txt"
check "summary.txt SHA-256 lines agree with sha256sum" sh -c "
	grep -q \"^sha256 peserta \$(sha256sum < '$D/applicants.csv' | cut -c1-64) \" '$tmp/a1/summary.txt' &&
	grep -q \"^sha256 formasi \$(sha256sum < '$D/formations.csv' | cut -c1-64) \" '$tmp/a1/summary.txt' &&
	grep -q \"^sha256 results \$(sha256sum < '$tmp/a1/results.csv' | cut -c1-64) \" '$tmp/a1/summary.txt'"

# --- verify
"$bin" cpns verify "$tmp/a1" >"$tmp/v.out"
check "verify passes on an untouched result" test $? = 0
cp "$tmp/a1/results.csv" "$tmp/results.bak"
# Change one digit of one byte in the middle of the file.
off=$(($(stat -c %s "$tmp/a1/results.csv") / 2))
byte=$(dd if="$tmp/a1/results.csv" bs=1 skip=$off count=1 2>/dev/null)
if [ "$byte" = 1 ]; then nb=2; else nb=1; fi
printf '%s' "$nb" | dd of="$tmp/a1/results.csv" bs=1 seek=$off conv=notrunc 2>/dev/null
"$bin" cpns verify "$tmp/a1" >"$tmp/v2.out"
check "verify fails (exit 1) after one byte of results.csv changes" test $? = 1
check "verify names the tampered file" grep -q "^results .*\(TIDAK COCOK\|MISMATCH\)" "$tmp/v2.out"
cp "$tmp/results.bak" "$tmp/a1/results.csv"
cp "$D/applicants.csv" "$tmp/app.bak"
printf ' ' >>"$D/applicants.csv"
"$bin" cpns verify "$tmp/a1" >/dev/null
check "verify fails when an input changes" test $? = 1
cp "$tmp/app.bak" "$D/applicants.csv"
"$bin" cpns verify "$tmp/a1" >/dev/null
check "verify passes again once restored" test $? = 0

# --- independent ranking: the same SQL on SQLite gives the same bytes
"$bin" cpns rank --formasi "$C/formations.csv" --peserta "$C/applicants.csv" --out "$tmp/c" --quiet
check "clean data ranks in strict mode (exit 0)" test $? = 0
if command -v sqlite3 >/dev/null; then
	bench/cpns/sqlite.sh "$C/formations.csv" "$C/applicants.csv" "$tmp/sqlite.csv"
	check "results.csv equals SQLite RANK() over the same data" cmp -s "$tmp/c/results.csv" "$tmp/sqlite.csv"
else
	nok "sqlite3 not installed"
fi
check "P/L exactly when rank <= 3 x quota; P only when P/L is full" awk -F, '
	FNR == NR { if (FNR > 1) q[$1] = $4; next }
	FNR > 1 && $5 == "P/L" { pl[$2]++; if ($4 > 3 * q[$2]) bad = 1 }
	FNR > 1 && $5 == "P" { p[$2]++; if ($4 <= 3 * q[$2]) bad = 1 }
	END { for (f in p) if (pl[f] < 3 * q[f]) bad = 1; exit bad }' "$C/formations.csv" "$tmp/c/results.csv"

# --- RFC 4180 quoting, CRLF and a BOM give the same result
awk -F, 'BEGIN { OFS = "," } NR == 1 { printf "\xef\xbb\xbf" } { if (NR > 1) $3 = "\"" $3 "\""; printf "%s\r\n", $0 }' \
	"$C/formations.csv" >"$tmp/f-quoted.csv"
awk -F, 'BEGIN { OFS = "," } { if (NR > 1 && NR % 3 == 0) { $1 = "\"" $1 "\""; $5 = "\"" $5 "\"" } printf "%s\r\n", $0 }' \
	"$C/applicants.csv" >"$tmp/a-quoted.csv"
"$bin" cpns rank --formasi "$tmp/f-quoted.csv" --peserta "$tmp/a-quoted.csv" --out "$tmp/q" --quiet
check "quoted fields, CRLF and a UTF-8 BOM rank identically" cmp -s "$tmp/c/results.csv" "$tmp/q/results.csv"

# --- rule files
"$bin" cpns rank --formasi "$C/formations.csv" --peserta "$C/applicants.csv" --out "$tmp/r" --rules data/cpns/rules-2024.conf --quiet
check "--rules PATH with the 2024 file gives the same result" cmp -s "$tmp/c/results.csv" "$tmp/r/results.csv"
sed 's/^kind.umum = .*/kind.umum = twk>=0 tiu>=0 tkp>=0/' data/cpns/rules-2024.conf >"$tmp/lax.conf"
"$bin" cpns rank --formasi "$C/formations.csv" --peserta "$C/applicants.csv" --out "$tmp/lax" --rules "$tmp/lax.conf" --quiet
check "a different rule file changes the result (rules are data)" test "$(grep -c ',TL$' "$tmp/lax/results.csv")" -lt "$(grep -c ',TL$' "$tmp/c/results.csv")"
printf 'name = x\nscore.twk = 150 5\nbogus = 1\n' >"$tmp/bad.conf"
"$bin" cpns rank --formasi "$C/formations.csv" --peserta "$C/applicants.csv" --out "$tmp/bad" --rules "$tmp/bad.conf" 2>"$tmp/bad.err"
check "a broken rule file exits 2 and names the line" sh -c "test $? = 2 && grep -q 'bad.conf:3' '$tmp/bad.err'"
"$bin" cpns rank --formasi "$C/formations.csv" --peserta "$C/applicants.csv" --out "$tmp/bad" --rules 1999 2>/dev/null
check "an unknown rule year exits 2" test $? = 2

# --- final: integrated score and optimalisasi against an independent
# Python (Fraction) implementation of docs/cpns.md
F=$tmp/fin
mkdir -p "$F"
python3 tests/cpns/final_ref.py gen-skb "$tmp/c/results.csv" "$C/formations.csv" "$F"
"$bin" cpns final --skd "$tmp/c/results.csv" --skb "$F/skb.csv" --bobot "$F/bobot.csv" \
	--formasi "$C/formations.csv" --peserta "$C/applicants.csv" --out "$F/out" --quiet
check "cpns final exits 0" test $? = 0
python3 tests/cpns/final_ref.py final "$C/formations.csv" "$C/applicants.csv" "$tmp/c/results.csv" \
	"$F/skb.csv" "$F/bobot.csv" >"$F/ref.csv"
check "final.csv equals the Python reference byte for byte" cmp -s "$F/ref.csv" "$F/out/final.csv"
check "optimalisasi placed someone both ways (P/L-1 and P/L-2 occur)" \
	sh -c "grep -q ',P/L-1,' '$F/out/final.csv' && grep -q ',P/L-2,' '$F/out/final.csv'"
check "no formation gets more than its quota" awk -F, '
	FNR == NR { if (FNR > 1) q[$1] = $4; next }
	FNR > 1 && $8 != "" { c[$8]++ } END { for (f in c) if (c[f] > q[f]) exit 1 }' "$C/formations.csv" "$F/out/final.csv"
"$bin" cpns verify "$F/out" >/dev/null
check "verify passes on the final result" test $? = 0
sed '2s/,P\/L$/,P/; 2s/,P$/,P\/L/; 2s/,TL$/,P/' "$tmp/c/results.csv" >"$F/bad-results.csv"
"$bin" cpns final --skd "$F/bad-results.csv" --skb "$F/skb.csv" --formasi "$C/formations.csv" \
	--peserta "$C/applicants.csv" --out "$F/out2" 2>"$F/e"
check "final refuses an SKD result that re-ranking does not reproduce (exit 2)" test $? = 2
{ head -1 "$F/skb.csv"; sed -n '2p' "$F/skb.csv"; sed -n '2p' "$F/skb.csv"; echo "999999999,1,500,,,"; \
  sed -n '3p' "$F/skb.csv" | awk -F, 'BEGIN { OFS = "," } { $2 = $3 + 5; print }'; } >"$F/bad-skb.csv"
"$bin" cpns final --skd "$tmp/c/results.csv" --skb "$F/bad-skb.csv" --formasi "$C/formations.csv" \
	--peserta "$C/applicants.csv" --out "$F/out3" 2>/dev/null
check "a bad skb.csv exits 2 with final-errors.csv and no final.csv" \
	sh -c "test $? = 2 && test ! -e '$F/out3/final.csv' && test \$(tail -n +2 '$F/out3/final-errors.csv' | wc -l) = 4"

# --- progress bar only on a terminal, and never with --quiet
if command -v script >/dev/null; then
	script -qc "'$bin' cpns rank --formasi '$C/formations.csv' --peserta '$C/applicants.csv' --out '$tmp/tty'" /dev/null >"$tmp/tty.out" 2>&1
	check "a terminal gets a progress bar" grep -q "100%" "$tmp/tty.out"
	script -qc "'$bin' cpns rank --formasi '$C/formations.csv' --peserta '$C/applicants.csv' --out '$tmp/tty' --quiet" /dev/null >"$tmp/tty2.out" 2>&1
	check "--quiet silences it" test ! -s "$tmp/tty2.out"
fi
"$bin" cpns rank --formasi "$C/formations.csv" --peserta "$C/applicants.csv" --out "$tmp/notty" 2>"$tmp/notty.err"
check "no progress bar when stderr is not a terminal" sh -c "! grep -q '%' '$tmp/notty.err'"

# --- usage errors
"$bin" cpns rank --formasi "$tmp/nope.csv" --peserta "$C/applicants.csv" --out "$tmp/x" 2>"$tmp/e1"
check "a missing input file exits 2 and names it" sh -c "test $? = 2 && grep -q 'nope.csv' '$tmp/e1'"
"$bin" cpns rank --peserta "$C/applicants.csv" --out "$tmp/x" 2>"$tmp/e2"
check "a missing --formasi exits 2 and says so" sh -c "test $? = 2 && grep -q -- '--formasi' '$tmp/e2'"
WASDAL_LANG=en "$bin" cpns rank --peserta "$C/applicants.csv" --out "$tmp/x" 2>"$tmp/e3"
check "errors are in English with WASDAL_LANG=en" grep -q "is required" "$tmp/e3"
"$bin" cpns rank --formasi "$C/applicants.csv" --peserta "$C/applicants.csv" --out "$tmp/x" 2>"$tmp/e4"
check "a wrong header exits 2" sh -c "test $? = 2 && grep -q 'formation_id,instansi_id' '$tmp/e4'"
"$bin" cpns verify "$tmp/nodir" 2>/dev/null
check "verify of a directory without summary.txt exits 2" test $? = 2

echo "1..$n"
[ "$failed" = 0 ]
