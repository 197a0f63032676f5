#!/usr/bin/env bash
# Applicants check their own CPNS result: generate a small round
# (bench/gen_cpns.py), rank, publish, then over HTTP: the page and
# the API show the row of results.csv and the formation's cut-off; a wrong
# NIK and an unknown number get the same answer; the NIK is not logged;
# publish refuses a tampered results.csv; a new round replaces the old one;
# the rate limit answers 429.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
gen="$root/bench/gen_cpns.py"
D=$T_DIR/data R=$T_DIR/r DB="sqlite:$T_DIR/w.db"

python3 "$gen" --applicants 3000 --formations 150 --out "$D" >/dev/null 2>&1
ok $? "gen_cpns.py makes a round"
"$WASDAL_BIN" cpns rank --formasi "$D/formations.csv" --peserta "$D/applicants.csv" --out "$R" --quiet
ok $? "cpns rank"
"$WASDAL_BIN" migrate --db "$DB" >/dev/null 2>&1

# publish refuses a tampered results.csv (nothing stored)
cp -r "$R" "$T_DIR/tampered"
awk -F, 'BEGIN{OFS=","} NR==2{$3=$3+5} {print}' "$R/results.csv" >"$T_DIR/tampered/results.csv"
out=$("$WASDAL_BIN" cpns publish "$T_DIR/tampered" --db "$DB" 2>&1); rc=$?
check_eq "publish of a tampered results.csv exits 1" "$rc" 1
check_contains "and says the SHA-256 does not match" "$out" "SHA-256 tidak cocok"
out=$(WASDAL_LANG=en "$WASDAL_BIN" cpns publish "$T_DIR/tampered" --db "$DB" 2>&1)
check_contains "in English too" "$out" "does not match summary.txt"
# applicants.csv named on the command line must be the one in summary.txt
out=$("$WASDAL_BIN" cpns publish "$R" --db "$DB" --peserta "$D/formations.csv" 2>&1); rc=$?
check_eq "publish with another applicants file exits 1" "$rc" 1
check_eq "nothing was published" "$(sqlite3 "$T_DIR/w.db" 'select count(*) from cpns_publications')" 0

out=$("$WASDAL_BIN" cpns publish "$R" --db "$DB" --label "SKD 2024 tahap 1" --peserta "$D/applicants.csv" 2>&1)
ok $? "publish"
check_contains "publish names the results hash" "$out" "$(grep '^sha256 results' "$R/summary.txt" | cut -d' ' -f3)"
check_eq "every results.csv row is stored" "$(sqlite3 "$T_DIR/w.db" 'select count(*) from cpns_results')" \
	"$(($(wc -l <"$R/results.csv") - 1))"
nik_any=$(sed -n 2p "$D/applicants.csv" | cut -d, -f2)
check_eq "no NIK is stored anywhere in the database" "$(grep -c "$nik_any" "$T_DIR/w.db")" 0
audit=$(sqlite3 "$T_DIR/w.db" "select diff from audit_log where action = 'publish'")
check_contains "one audit record names the results hash" "$audit" "$(grep '^sha256 results' "$R/summary.txt" | cut -d' ' -f3)"

start_server "$DB"; ok $? "server starts"

# A P/L applicant and its formation's expected cut-off from results.csv.
pl=$(awk -F, '$5=="P/L"{print; exit}' "$R/results.csv")
aid=$(echo "$pl" | cut -d, -f1) form=$(echo "$pl" | cut -d, -f2) total=$(echo "$pl" | cut -d, -f3) rank=$(echo "$pl" | cut -d, -f4)
nik=$(awk -F, -v a="$aid" '$1==a{print $2}' "$D/applicants.csv")
cut=$(awk -F, -v f="$form" '$2==f && $5=="P/L"{ if (m=="" || $3+0 < m) m=$3+0 } END{print m}' "$R/results.csv")
quota=$(awk -F, -v f="$form" '$1==f{print $4}' "$D/formations.csv")
wrong=$(printf '%016d' $(( (10#$nik + 1) % 10000000000000000 )))

page=$(curl -s "$BASE/cpns/hasil")
check_contains "the form asks for the registration number" "$page" 'for="applicant_id"'
check_contains "the form asks for the NIK" "$page" 'for="nik"'
check_contains "the form posts" "$page" 'method="post" action="/cpns/hasil"'

post() { curl -s -o "$T_DIR/body" -w '%{http_code}' "$@" "$BASE/cpns/hasil"; }
check_eq "a valid lookup is 200" "$(post --data-urlencode "applicant_id=$aid" --data-urlencode "nik=$nik")" 200
page=$(cat "$T_DIR/body")
check_contains "shows the status" "$page" 'class="status">P/L'
check_contains "shows the total" "$page" "class=\"total\">$total<"
check_contains "shows the rank" "$page" "class=\"rank\">$rank<"
check_contains "shows the formation" "$page" "class=\"formation\">$form<"
check_contains "shows the quota" "$page" "class=\"quota\">$quota<"
check_contains "shows the cut-off (lowest P/L total of the formation)" "$page" "class=\"cutoff\">$cut<"
check_contains "shows the publication label" "$page" "SKD 2024 tahap 1"
check_not_contains "the page does not echo the NIK" "$page" "$nik"
code=$(post -H "Origin: http://evil.example" --data-urlencode "applicant_id=$aid" --data-urlencode "nik=$nik")
check_eq "a cross-site POST is refused" "$code" 403

check_eq "a wrong NIK is 404" "$(post --data-urlencode "applicant_id=$aid" --data-urlencode "nik=$wrong")" 404
cp "$T_DIR/body" "$T_DIR/wrong"
check_eq "an unknown number is 404" "$(post --data-urlencode "applicant_id=4000000000" --data-urlencode "nik=$nik")" 404
check "a wrong NIK and an unknown number get the same page" cmp -s "$T_DIR/wrong" "$T_DIR/body"
check_contains "the not-found message" "$(cat "$T_DIR/body")" "Data tidak ditemukan"
check_eq "a malformed NIK is 400" "$(post --data-urlencode "applicant_id=$aid" --data-urlencode "nik=123")" 400
page=$(curl -s -b "$T_DIR/none" "$BASE/cpns/hasil?lang=en")
check_contains "English switch" "$page" "Registration number"

# The API gives the same data.
api() { curl -s -o "$T_DIR/body" -w '%{http_code}' -H 'Content-Type: application/json' --data "$1" "$BASE/api/v1/cpns/hasil"; }
check_eq "API: valid lookup is 200" "$(api "{\"applicant_id\":\"$aid\",\"nik\":\"$nik\"}")" 200
j=$(cat "$T_DIR/body")
cp "$T_DIR/body" "$T_DIR/api_ok.json"
check_eq "API: status, total, rank" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["status"], d["total"], d["rank"], d["formation"]["formation_id"], d["formation"]["quota"], d["formation"]["cutoff_total"])' "$T_DIR/body")" \
	"P/L $total $rank $form $quota $cut"
check_eq "API: wrong NIK is 404" "$(api "{\"applicant_id\":$aid,\"nik\":\"$wrong\"}")" 404
cp "$T_DIR/body" "$T_DIR/api_wrong.json"
check_eq "API: unknown number is 404" "$(api "{\"applicant_id\":4000000000,\"nik\":\"$nik\"}")" 404
check "API: wrong NIK and unknown number give the same body" cmp -s "$T_DIR/api_wrong.json" "$T_DIR/body"
check_eq "API: unknown key is 400" "$(api "{\"applicant_id\":1,\"nik\":\"$nik\",\"x\":1}")" 400
cp "$T_DIR/body" "$T_DIR/api_bad.json"
printf 'POST /api/v1/cpns/hasil 200 %s\nPOST /api/v1/cpns/hasil 404 %s\nPOST /api/v1/cpns/hasil 400 %s\n' \
	"$T_DIR/api_ok.json" "$T_DIR/api_wrong.json" "$T_DIR/api_bad.json" >"$T_DIR/samples"
out=$(python3 "$here/check_openapi.py" samples "$T_DIR/samples" 2>&1)
ok $? "API responses match docs/openapi.yaml"
[ -n "$out" ] && echo "$out" | sed 's/^/#   /'

check_not_contains "the server log never holds the NIK" "$(cat "$T_DIR/server.log")" "$nik"

# A new round (another generator seed) replaces the old one.
python3 "$gen" --applicants 3000 --formations 150 --seed 7 --out "$T_DIR/data2" >/dev/null 2>&1
"$WASDAL_BIN" cpns rank --formasi "$T_DIR/data2/formations.csv" --peserta "$T_DIR/data2/applicants.csv" --out "$T_DIR/r2" --quiet
"$WASDAL_BIN" cpns publish "$T_DIR/r2" --db "$DB" --label "SKD 2024 ulang" --quiet
ok $? "publish a second round"
row2=$(awk -F, -v a="$aid" '$1==a' "$T_DIR/r2/results.csv")
nik2=$(awk -F, -v a="$aid" '$1==a{print $2}' "$T_DIR/data2/applicants.csv")
check_eq "the newest round is served" "$(api "{\"applicant_id\":\"$aid\",\"nik\":\"$nik2\"}")" 200
check_eq "with the newest round's row and label" "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["applicant_id"], d["formation"]["formation_id"], d["status"], d["publication"]["label"])' "$T_DIR/body")" \
	"$aid $(echo "$row2" | cut -d, -f2) $(echo "$row2" | cut -d, -f5) SKD 2024 ulang"

# The rate limit (per client and applicant, fixed one-minute window).
got=
for _ in $(seq 1 25); do
	code=$(post --data-urlencode "applicant_id=$aid" --data-urlencode "nik=$wrong")
	[ "$code" = 429 ] && { got=1; break; }
done
check_eq "the rate limit answers 429" "${got:-0}" 1
check_contains "with a clear message" "$(cat "$T_DIR/body")" "Terlalu banyak permintaan"
check_eq "the API is limited too" "$(api "{\"applicant_id\":\"$aid\",\"nik\":\"$nik2\"}")" 429
stop_server
check_eq "server stops cleanly" "$STOP_RC" 0

# kill -9 in the middle of a publish leaves no half publication.
"$WASDAL_BIN" cpns publish "$R" --db "$DB" --label "dibunuh" --quiet & pid=$!
sleep 0.$((RANDOM % 3 + 1))
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
check_eq "kill -9 during publish leaves no half publication" \
	"$(sqlite3 "$T_DIR/w.db" 'select (select sum(row_count) from cpns_publications) - (select count(*) from cpns_results)')" 0
tap_done
