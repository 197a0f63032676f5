#!/usr/bin/env bash
# Apel and sosialisasi end to end on the demo data: create an event, import
# attendance with a bad row (strict, then partial), tick, check in with the
# code inside and outside the window, refusals by scope, coverage numbers
# against an expectation computed here from the registry export, exports,
# material files, the API, and the audit chain.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
. "$(dirname "$0")/demo_accounts.sh"

DB="sqlite:$T_DIR/a.db"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
demo_setup "$DB"

# Active employees of Banyumas (3302) and their units, from the export.
W export pegawai --instansi 3302 2>/dev/null | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["status"] == "aktif":
        print(r["nip"], r["unit_kode"] or "-")' | sort >"$T_DIR/bms.txt"
nips=($(awk '{print $1}' "$T_DIR/bms.txt"))
check "Banyumas has at least 12 active employees" test "${#nips[@]}" -ge 12
NIP_A=${nips[0]}
W user add e2e.asn.a --role asn --instansi 3302 --nip "$NIP_A" --password-stdin >/dev/null 2>&1 <<<"asn-a-password-2026"
W user add e2e.asn.b --role asn --instansi 3374 --nip "$DEMO_NIP_B" --password-stdin >/dev/null 2>&1 <<<"asn-b-password-2026"
W user add e2e.bk.smg --role bkpsdm --instansi 3374 --password-stdin >/dev/null 2>&1 <<<"bk-smg-password-2026"
start_server "$DB"; ok $? "server starts"

BK="$T_DIR/bk.jar"; AA="$T_DIR/aa.jar"; AB="$T_DIR/ab.jar"; SM="$T_DIR/sm.jar"; N="$T_DIR/n.jar"; : >"$N"
check_eq "bkpsdm logs in" "$(login "$BK" "$DEMO_BKPSDM_A" "$DEMO_BKPSDM_A_PASSWORD")" 303
check_eq "asn A logs in" "$(login "$AA" e2e.asn.a asn-a-password-2026)" 303
check_eq "asn B (Semarang) logs in" "$(login "$AB" e2e.asn.b asn-b-password-2026)" 303
check_eq "bkpsdm Semarang logs in" "$(login "$SM" e2e.bk.smg bk-smg-password-2026)" 303

# WIB times: now-30min .. now+2h (open), yesterday (over), tomorrow (not yet)
eval "$(python3 -c '
import datetime as d
n = d.datetime.utcnow() + d.timedelta(hours=7)
f = lambda t: t.strftime("%Y-%m-%dT%H:%M")
print("OPEN_M=%s OPEN_S=%s" % (f(n - d.timedelta(minutes=30)), f(n + d.timedelta(hours=2))))
print("PAST_M=%s PAST_S=%s" % (f(n - d.timedelta(days=1)), f(n - d.timedelta(days=1, minutes=-60))))
print("NEXT_M=%s NEXT_S=%s" % (f(n + d.timedelta(days=1)), f(n + d.timedelta(days=1, minutes=60))))
print("DAY=%s" % (n - d.timedelta(minutes=30)).strftime("%Y-%m-%d"))')"

# ---- create (web, no JavaScript) ----
csrf=$(csrf_of "$BK" /acara/baru)
check "the new-event form has a CSRF token" test -n "$csrf"
check_contains "the new-event form offers the instansi as 'Nama (KODE)', the officer's own selected" \
	"$(curl -s -b "$BK" "$BASE/acara/baru")" '<option value="3302" selected>Pemerintah Kabupaten Banyumas (3302)</option>'
create() { # jar csrf jenis topik mulai selesai -> writes headers to $T_DIR/h, body to $T_DIR/b
	curl -s -D "$T_DIR/h" -o "$T_DIR/b" -w '%{http_code}' -b "$1" --data-urlencode "csrf=$2" \
		--data-urlencode "jenis=$3" --data-urlencode "topik=$4" --data-urlencode "mulai=$5" \
		--data-urlencode "selesai=$6" --data-urlencode "tempat=Aula BKPSDM" \
		--data-urlencode "tautan=" --data-urlencode "narasumber=Bawaslu" \
		--data-urlencode "instansi_kode=3302" --data-urlencode "unit_kode=BKPSDM" \
		--data-urlencode "sasaran_unit_kode=" "$BASE/acara/baru"
}
check_eq "create a sosialisasi: 303" "$(create "$BK" "$csrf" sosialisasi 'Sosialisasi netralitas e2e' "$OPEN_M" "$OPEN_S")" 303
ID=$(grep -i '^location:' "$T_DIR/h" | grep -oE '/acara/[0-9]+' | grep -oE '[0-9]+')
check "redirected to the new event" test -n "$ID"
page=$(curl -s -b "$BK" "$BASE/acara/$ID?disimpan=1")
KODE=$(printf '%s' "$page" | grep -oE 'class="kode-acara">[A-Z0-9]+' | sed 's/.*>//')
check "the event page shows a 6-character code" test "${#KODE}" = 6
check_contains "the event page says it was saved" "$page" "Acara disimpan."
check_contains "the event page shows the target" "$page" "seluruh pegawai aktif instansi"
check_eq "end before start: 422" "$(create "$BK" "$csrf" apel 'Salah' "$OPEN_S" "$OPEN_M")" 422
check_contains "end before start: the message" "$(cat "$T_DIR/b")" "waktu selesai harus sesudah waktu mulai"
check_eq "unknown kind: 422" "$(create "$BK" "$csrf" rapat 'Salah' "$OPEN_M" "$OPEN_S")" 422
check_eq "create the past apel" "$(create "$BK" "$csrf" apel 'Apel kemarin' "$PAST_M" "$PAST_S")" 303
PAST_ID=$(grep -i '^location:' "$T_DIR/h" | grep -oE '[0-9]+' | head -1)
KODE_PAST=$(curl -s -b "$BK" "$BASE/acara/$PAST_ID" | grep -oE 'class="kode-acara">[A-Z0-9]+' | sed 's/.*>//')
check_eq "create tomorrow's sosialisasi" "$(create "$BK" "$csrf" sosialisasi 'Sosialisasi besok' "$NEXT_M" "$NEXT_S")" 303
NEXT_ID=$(grep -i '^location:' "$T_DIR/h" | grep -oE '[0-9]+' | head -1)
KODE_NEXT=$(curl -s -b "$BK" "$BASE/acara/$NEXT_ID" | grep -oE 'class="kode-acara">[A-Z0-9]+' | sed 's/.*>//')
check_eq "the Semarang bkpsdm cannot create for Banyumas" \
	"$(create "$SM" "$(csrf_of "$SM" /acara/baru)" apel 'X' "$OPEN_M" "$OPEN_S")" 422
check_contains "... the instansi is refused" "$(cat "$T_DIR/b")" "di luar wewenang"
check_eq "an asn may not open the form" "$(status "$AA" /acara/baru)" 403

# ---- import (strict with a bad row, then partial) ----
printf 'nip,nama\n%s,satu\n%s,dua\n%s,tiga\n%s,luar\n123,rusak\n' "${nips[1]}" "${nips[2]}" "${nips[3]}" "$DEMO_NIP_B" >"$T_DIR/h.csv"
csrf=$(csrf_of "$BK" "/acara/$ID/impor")
imp() { curl -s -o "$T_DIR/b" -w '%{http_code}' -b "$BK" -F "csrf=$csrf" -F "berkas=@$T_DIR/h.csv;type=text/csv" "$@" "$BASE/acara/$ID/impor"; }
check_eq "import without a file: 400" "$(curl -s -o "$T_DIR/b" -w '%{http_code}' -b "$BK" -F "csrf=$csrf" "$BASE/acara/$ID/impor")" 400
check_contains "import without a file: the form again, posting to the event" "$(cat "$T_DIR/b")" "action=\"/acara/$ID/impor\""
check_eq "strict import with bad rows: 422" "$(imp)" 422
body=$(cat "$T_DIR/b")
check_contains "the report names line 5 (out of target)" "$body" "<tr><td>5</td><td>nip</td><td><code>$DEMO_NIP_B</code></td><td>NIP tidak ditemukan atau di luar wewenang Anda</td></tr>"
check_contains "the report names line 6 (bad NIP)" "$body" "<tr><td>6</td>"
check_contains "nothing was imported" "$body" "Tidak ada data yang diimpor"
check_contains "... counts" "$body" "5 NIP dibaca: 3 sah, 2 salah; 0 baru tercatat, 0 sudah tercatat"
check_eq "partial import: 200" "$(imp -F partial=1)" 200
check_contains "partial import records the three good rows" "$(cat "$T_DIR/b")" "5 NIP dibaca: 3 sah, 2 salah; 3 baru tercatat, 0 sudah tercatat"
out=$(W acara hadir-impor "$ID" "$T_DIR/h.csv" --partial 2>&1); rc=$?
check_eq "CLI import again: exit 1 (bad rows reported)" "$rc" 1
check_contains "CLI import again changes nothing (idempotent)" "$out" "0 baru tercatat, 3 sudah tercatat"
check_contains "CLI writes the error report" "$(cat "$T_DIR/h.csv.errors.csv")" "baris,kolom,alasan,nilai,reason"
out=$(W acara hadir-impor "$ID" "$T_DIR/h.csv" 2>&1); rc=$?
check_eq "CLI strict import with bad rows: exit 1" "$rc" 1
check_contains "CLI strict import: nothing imported" "$out" "Tidak ada data yang diimpor"
check_eq "CLI import as the Semarang bkpsdm: refused (exit 1)" "$(W acara hadir-impor "$ID" "$T_DIR/h.csv" --actor e2e.bk.smg >/dev/null 2>&1; echo $?)" 1

# ---- tick (paged, no JavaScript) ----
page=$(curl -s -b "$BK" "$BASE/acara/$ID/peserta")
check_contains "the tick list shows an employee already present, disabled" "$page" "value=\"${nips[1]}\" checked disabled"
check_contains "the tick list offers ${nips[4]}" "$page" "name=\"nip\" id=\"n${nips[4]}\" value=\"${nips[4]}\">"
csrf=$(printf '%s' "$page" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
tick() { curl -s -D "$T_DIR/h" -o "$T_DIR/b" -w '%{http_code}' -b "$BK" --data-urlencode "csrf=$csrf" "$@" "$BASE/acara/$ID/peserta"; }
check_eq "tick two employees: 303" "$(tick --data-urlencode "nip=${nips[4]}" --data-urlencode "nip=${nips[5]}")" 303
check_contains "... redirect says 2 recorded" "$(grep -i '^location:' "$T_DIR/h")" "dicatat=2"
check_contains "the notice after ticking" "$(curl -s -b "$BK" "$BASE/acara/$ID/peserta?dicatat=2")" "2 pegawai baru dicatat hadir."
check_eq "tick the same again: 303" "$(tick --data-urlencode "nip=${nips[4]}")" 303
check_contains "... nothing new" "$(grep -i '^location:' "$T_DIR/h")" "dicatat=0"
check_eq "tick a NIP outside the target: 422" "$(tick --data-urlencode "nip=$DEMO_NIP_B")" 422
check_eq "the tick list pages by NIP" "$(status "$BK" "/acara/$ID/peserta?after=${nips[3]}")" 200
check_not_contains "... the next page starts after it" "$(curl -s -b "$BK" "$BASE/acara/$ID/peserta?after=${nips[3]}")" "id=\"n${nips[3]}\""

# ---- self-service check-in with the code ----
checkin() { # jar code
	local c; c=$(csrf_of "$1" /hadir)
	curl -s -o "$T_DIR/b" -w '%{http_code}' -b "$1" --data-urlencode "csrf=$c" --data-urlencode "kode=$2" "$BASE/hadir"
}
check_eq "asn A checks in inside the window: 200" "$(checkin "$AA" "$(printf '%s' "$KODE" | tr A-Z a-z)")" 200
check_contains "... recorded (the code is case-insensitive)" "$(cat "$T_DIR/b")" "telah dicatat"
check_eq "asn A checks in again: 200" "$(checkin "$AA" "$KODE")" 200
check_contains "... already recorded" "$(cat "$T_DIR/b")" "sudah tercatat sebelumnya"
check_eq "after the window: 422" "$(checkin "$AA" "$KODE_PAST")" 422
check_contains "... a clear refusal with the times" "$(cat "$T_DIR/b")" "acara sudah selesai; kode hanya berlaku selama acara berlangsung (${PAST_M/T/ }"
check_eq "before the window: 422" "$(checkin "$AA" "$KODE_NEXT")" 422
check_contains "... not started yet" "$(cat "$T_DIR/b")" "acara belum dimulai"
check_eq "unknown code: 404" "$(checkin "$AA" ZZZZZZ)" 404
check_eq "asn B (Semarang) with the Banyumas code: 403" "$(checkin "$AB" "$KODE")" 403
check_contains "... not in the target" "$(cat "$T_DIR/b")" "Anda bukan sasaran acara ini"
check_eq "an officer cannot use self-service check-in" "$(status "$BK" /hadir)" 403
for i in 1 2 3 4 5 6 7 8 9; do checkin "$AB" "X$i" >/dev/null; done
check_eq "the 11th attempt in 10 minutes: 429" "$(checkin "$AB" "$KODE")" 429
check_contains "... rate limited" "$(cat "$T_DIR/b")" "terlalu banyak percobaan kode"
check_eq "an asn may not read the event page" "$(status "$AA" "/acara/$ID")" 403
check_eq "anonymous is sent to the login" "$(status "$N" "/acara/$ID")" 303

# ---- scope ----
check_eq "the Semarang bkpsdm does not see the event" "$(status "$SM" "/acara/$ID")" 404
check_eq "... nor its tick list" "$(status "$SM" "/acara/$ID/peserta")" 404
check_eq "... nor Banyumas coverage" "$(status "$SM" "/cakupan?instansi=3302")" 404
check_not_contains "... its list has no Banyumas event" "$(curl -s -b "$SM" "$BASE/acara")" "Sosialisasi netralitas e2e"

# ---- coverage: numbers against an expectation computed here ----
# Present at the open sosialisasi: nips 1..5 (import, ticks) and NIP_A (code);
# the seed's sosialisasi was a week ago, outside the period DAY..DAY.
printf '%s\n' "${nips[1]}" "${nips[2]}" "${nips[3]}" "${nips[4]}" "${nips[5]}" "$NIP_A" >"$T_DIR/present.txt"
expect=$(python3 - "$T_DIR/bms.txt" "$T_DIR/present.txt" <<'PY'
import sys, collections
units = dict(l.split() for l in open(sys.argv[1]))
present = set(l.strip() for l in open(sys.argv[2]) if l.strip())
tot = collections.Counter(units.values()); hit = collections.Counter(units[n] for n in present)
print(" ".join("%s=%d/%d" % (u, hit[u], tot[u]) for u in sorted(tot)), "total=%d/%d" % (len(present), len(units)))
PY
)
T_BK=$(W user token "$DEMO_BKPSDM_A" e2e-cov 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1)
api() { curl -s -H "Authorization: Bearer $T_BK" "$@"; }
got=$(api "$BASE/api/v1/cakupan?instansi=3302&dari=$DAY&sampai=$DAY" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join("%s=%d/%d" % (u["unit_kode"] or "-", u["terjangkau"], u["pegawai"]) for u in sorted(d["unit"], key=lambda u: u["unit_kode"] or "-")), "total=%d/%d" % (d["terjangkau"], d["pegawai"]))')
check_eq "API coverage per unit equals the computed expectation" "$got" "$expect"
never=$(api "$BASE/api/v1/cakupan?instansi=3302&dari=$DAY&sampai=$DAY" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["belum_total"], len(d["belum"]))')
check_eq "never reached = active - reached" "$never" "$(( ${#nips[@]} - 6 )) $(( ${#nips[@]} - 6 ))"
page=$(curl -s -b "$BK" "$BASE/cakupan?instansi=3302&dari=$DAY&sampai=$DAY")
check_contains "the coverage page draws an SVG chart (web/chart_svg.c)" "$page" '<figure class="chart"><svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img"'
check_contains "... on a percentage scale" "$page" '>100%</text>'
nbars=$(printf '%s' "$page" | grep -o '<rect class="bar"' | wc -l)
nrows=$(printf '%s' "$page" | grep -o '<tr><th scope="row">' | wc -l)
check "... one bar per unit row of the table" test "$nbars" -gt 0 -a "$nbars" = "$nrows"
total_line=$(python3 -c "a,b='$expect'.split('total=')[1].split('/'); a=int(a); b=int(b); pm=(a*1000+b//2)//b; print('<td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td><td class=\"num\">%d,%d%%</td>' % (b, a, b-a, pm//10, pm%10))")
check_contains "the table beside it has the computed totals" "$page" "$total_line"
check_contains "the page lists someone never reached" "$page" "${nips[6]}"
check_not_contains "... but not someone reached" "$(printf '%s' "$page" | sed -n '/belum pernah terjangkau/,$p')" "${nips[1]}"
csv=$(curl -s -b "$BK" "$BASE/cakupan/ekspor.csv?instansi=3302&dari=$DAY&sampai=$DAY")
check_contains "CSV export: header" "$csv" "unit_kode,unit_nama,pegawai,terjangkau,belum,persen"
check_contains "CSV export: the total row" "$csv" ",JUMLAH,${#nips[@]},6,$(( ${#nips[@]} - 6 )),"
check_eq "CSV export: one row per never-reached employee" "$(printf '%s' "$csv" | grep -cE '^[0-9]{18},')" "$(( ${#nips[@]} - 6 ))"
curl -s -b "$BK" -o "$T_DIR/c.xlsx" "$BASE/cakupan/ekspor.xlsx?instansi=3302&dari=$DAY&sampai=$DAY"
check_eq "XLSX export is a zip" "$(head -c 2 "$T_DIR/c.xlsx")" "PK"
check "XLSX export has the two sheets" python3 -c "import sys, zipfile; sys.exit('xl/worksheets/sheet2.xml' not in zipfile.ZipFile(sys.argv[1]).namelist())" "$T_DIR/c.xlsx"
out=$(W acara cakupan 3302 --dari "$DAY" --sampai "$DAY" 2>&1)
check_contains "CLI coverage prints the total" "$out" "$(printf '\t')Pemerintah Kabupaten Banyumas$(printf '\t')${#nips[@]}$(printf '\t')6$(printf '\t')"
check_eq "coverage with sampai before dari: 422 page" "$(status "$BK" "/cakupan?instansi=3302&dari=2026-02-02&sampai=2026-02-01")" 422

# ---- material files ----
printf '%%PDF-1.4 materi e2e\n' >"$T_DIR/materi.pdf"
sha=$(sha256sum "$T_DIR/materi.pdf" | cut -c1-64)
csrf=$(csrf_of "$BK" "/acara/$ID")
check_eq "upload a material file: 303" "$(curl -s -o /dev/null -w '%{http_code}' -b "$BK" -F "csrf=$csrf" -F "berkas=@$T_DIR/materi.pdf" "$BASE/acara/$ID/materi")" 303
check_contains "the event page lists it" "$(curl -s -b "$BK" "$BASE/acara/$ID")" "/acara/$ID/materi/$sha"
hdr=$(curl -s -D - -o "$T_DIR/dl" -b "$BK" "$BASE/acara/$ID/materi/$sha")
check_contains "download is an attachment" "$hdr" 'Content-Disposition: attachment; filename="materi.pdf"'
check_contains "... sniffed as a PDF" "$hdr" "Content-Type: application/pdf"
check_eq "... the same bytes" "$(sha256sum "$T_DIR/dl" | cut -c1-64)" "$sha"
check_eq "an asn in the target may download it" "$(status "$AA" "/acara/$ID/materi/$sha")" 200
check_eq "an asn outside the target may not" "$(status "$AB" "/acara/$ID/materi/$sha")" 404
check_eq "anonymous may not" "$(status "$N" "/acara/$ID/materi/$sha")" 303

# ---- API ----
ja() { api -o "$T_DIR/b" -w '%{http_code}' -H 'Content-Type: application/json' "$@"; }
check_eq "API create: 201" "$(ja -X POST --data "{\"jenis\":\"apel\",\"topik\":\"Apel API\",\"mulai\":\"$OPEN_M\",\"selesai\":\"$OPEN_S\",\"tempat\":\"Halaman\",\"instansi_kode\":\"3302\",\"sasaran_unit_kode\":\"SETDA\"}" "$BASE/api/v1/acara")" 201
AID=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$T_DIR/b")
check_contains "API create: target unit kept" "$(cat "$T_DIR/b")" '"sasaran_unit_kode":"SETDA"'
check_eq "API create without a place or link: 422" "$(ja -X POST --data "{\"jenis\":\"apel\",\"topik\":\"X\",\"mulai\":\"$OPEN_M\",\"selesai\":\"$OPEN_S\",\"instansi_kode\":\"3302\"}" "$BASE/api/v1/acara")" 422
check_contains "... field error on tempat" "$(cat "$T_DIR/b")" '"field":"tempat"'
setda=$(awk '$2=="SETDA"{print $1}' "$T_DIR/bms.txt" | head -2)
other=$(awk '$2!="SETDA"{print $1}' "$T_DIR/bms.txt" | head -1)
one=$(printf '%s\n' $setda | head -1)
list=$(printf '%s\n' $setda | python3 -c 'import json,sys; print(json.dumps({"nip":[l.strip() for l in sys.stdin if l.strip()]}))')
check_eq "API attendance by NIP list: 200" "$(ja -X POST --data "$list" "$BASE/api/v1/acara/$AID/hadir")" 200
check_contains "... recorded" "$(cat "$T_DIR/b")" '"baru":2'
check_eq "API attendance with a 40-character non-NIP: 422" "$(ja -X POST --data "{\"nip\":[\"$one\",\"$(python3 -c 'print("\u00e9" * 40)')\"]}" "$BASE/api/v1/acara/$AID/hadir")" 422
check_eq "... reported at index 2, the value cut to whole characters within 63 bytes" \
	"$(python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["report"]["errors"][0]; print(e["index"], e["value"] == "\u00e9" * 31)' "$T_DIR/b")" "2 True"
check_eq "API attendance with a NIP outside the target unit: 422" "$(ja -X POST --data "{\"nip\":[\"$other\"]}" "$BASE/api/v1/acara/$AID/hadir")" 422
check_contains "... names the reason in both languages" "$(cat "$T_DIR/b")" '"message_en":"this employee is not in the event'"'"'s target'
check_eq "API CSV import: 200" "$(api -o "$T_DIR/b" -w '%{http_code}' -H 'Content-Type: text/csv' --data-binary "$(printf 'nip\n'; printf '%s\n' $setda)" "$BASE/api/v1/acara/$AID/hadir/impor")" 200
check_contains "... idempotent" "$(cat "$T_DIR/b")" '"baru":0,"sudah":2'
csv_post() { # content-type body [query] -> status, body in $T_DIR/b
	api -o "$T_DIR/b" -w '%{http_code}' -H "Content-Type: $1" --data-binary "$2" "$BASE/api/v1/acara/$AID/hadir/impor${3:-}"
}
check_eq "API CSV import sent as JSON: 415" "$(csv_post application/json '{}')" 415
check_contains "... code unsupported_media_type" "$(cat "$T_DIR/b")" '"code":"unsupported_media_type"'
check_eq "API CSV import with an empty body: 400" "$(csv_post text/csv '')" 400
bad=$(printf 'nip\n%s\n123\n' "$one")
check_eq "API CSV import, strict, with a bad row: 422" "$(csv_post text/csv "$bad")" 422
check_eq "... the one error shape and the report: line 3, nothing committed" \
	"$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); r=d["report"]; print(d["error"]["code"], r["committed"], r["bad"], r["errors"][0]["line"], r["errors_truncated"])' "$T_DIR/b")" \
	"constraint False 1 3 False"
check_eq "... the bad value as sent" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["report"]["errors"][0]["value"])' "$T_DIR/b")" 123
check_eq "API CSV import, ?partial=1, with a bad row: 200" "$(csv_post text/csv "$bad" '?partial=1')" 200
check_eq "... the good row kept, the bad one reported" \
	"$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["committed"], r["partial"], r["ok"], r["bad"], r["errors"][0]["line"])' "$T_DIR/b")" \
	"True True 1 1 3"
check_eq "API get: 200" "$(ja "$BASE/api/v1/acara/$AID")" 200
check_contains "... with counts" "$(cat "$T_DIR/b")" '"hadir":2'
check_eq "API update: 200" "$(ja -X PUT --data "{\"jenis\":\"apel\",\"topik\":\"Apel API (ubah)\",\"mulai\":\"$OPEN_M\",\"selesai\":\"$OPEN_S\",\"tempat\":\"Halaman\",\"instansi_kode\":\"3302\",\"sasaran_unit_kode\":\"SETDA\"}" "$BASE/api/v1/acara/$AID")" 200
check_contains "API list has the renamed event" "$(api "$BASE/api/v1/acara")" '"topik":"Apel API (ubah)"'
T_AUD=$(W user token "$DEMO_AUDITOR" e2e-aud 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1)
check_eq "the auditor reads the event" "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $T_AUD" "$BASE/api/v1/acara/$AID")" 200
check_eq "the auditor may not record attendance" "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $T_AUD" -H 'Content-Type: application/json' --data '{"nip":[]}' "$BASE/api/v1/acara/$AID/hadir")" 403
T_AB=$(W user token e2e.asn.b e2e-ab 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1)
T_AA=$(W user token e2e.asn.a e2e-aa 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1)
check_eq "API check-in outside the window: 422" "$(curl -s -o "$T_DIR/b" -w '%{http_code}' -H "Authorization: Bearer $T_AA" -H 'Content-Type: application/json' --data "{\"kode\":\"$KODE_PAST\"}" "$BASE/api/v1/hadir")" 422
check_contains "... code outside_window" "$(cat "$T_DIR/b")" '"code":"outside_window"'
check_eq "API check-in by the code: 200 (already recorded)" "$(curl -s -o "$T_DIR/b" -w '%{http_code}' -H "Authorization: Bearer $T_AA" -H 'Content-Type: application/json' --data "{\"kode\":\"$KODE\"}" "$BASE/api/v1/hadir")" 200
check_contains "... baru false" "$(cat "$T_DIR/b")" '"baru":false'

# ---- audit ----
out=$(W audit verify 2>&1); check_eq "the audit chain verifies" "$?" 0
n=$(sqlite3 "$T_DIR/a.db" "SELECT count(*) FROM audit_log WHERE object_type='acara' AND action IN ('acara_create','acara_update','acara_hadir','acara_materi')")
check "every change is audited (create, update, attendance, material)" test "$n" -ge 10
check_eq "one audit record per check-in, none for the repeat" "$(sqlite3 "$T_DIR/a.db" "SELECT count(*) FROM audit_log WHERE action='acara_hadir' AND diff LIKE '%\"kode\"%' AND diff LIKE '%$NIP_A%'")" 1
stop_server; check_eq "server stops cleanly" "$STOP_RC" 0
! grep -q "ERROR: AddressSanitizer\|runtime error" "$T_DIR/server.log"; ok $? "no sanitizer report in the server log"
tap_done
