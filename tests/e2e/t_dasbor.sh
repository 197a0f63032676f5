#!/usr/bin/env bash
# Dashboards and public statistics (issue 3 §4) over loopback: the numbers
# on /dasbor and in its exports equal counts computed independently from
# the database with sqlite3; scope isolation (a kab/kota PPK never counts a
# sibling's cases, a region outside the scope is 404); the public page and
# API suppress small cells (with a complementary cell) and show no names
# or case numbers; exports carry the active filters.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
here=$(cd "$(dirname "$0")" && pwd)

F="$T_DIR/w.db"
DB="sqlite:$F"
"$WASDAL_BIN" migrate --db "$DB" >/dev/null 2>&1
"$WASDAL_BIN" seed demo --db "$DB" >/dev/null 2>&1
python3 "$here/../../bench/gen_kasus.py" --db "$F" --rows 400 --seed 7
ok $? "generate 400 cases"
# A third, small province (after the generator, so it gets only these):
# two Pemilu cases in Kota Denpasar.
sqlite3 "$F" <<'SQL'
INSERT INTO instansi (kode, nama, jenis, parent_id, path)
	SELECT '51', 'Pemerintah Provinsi Bali', 3, id, '' FROM instansi WHERE kode = 'NASIONAL';
UPDATE instansi SET path = (SELECT path FROM instansi WHERE kode = 'NASIONAL') || id || '/' WHERE kode = '51';
INSERT INTO instansi (kode, nama, jenis, parent_id, path)
	SELECT '5171', 'Pemerintah Kota Denpasar', 4, id, '' FROM instansi WHERE kode = '51';
UPDATE instansi SET path = (SELECT path FROM instansi WHERE kode = '51') || id || '/' WHERE kode = '5171';
INSERT INTO kasus (nomor, receipt_hash, created_ms, updated_ms, konteks, tahap, tahap_sejak_ms,
	tenggat_hari, workflow_versi, instansi_id, terlapor_nama, pelanggaran_kode, kejadian_hari,
	penetapan_calon, kronologi, pelapor_mode, diketahui_hari, sumber)
SELECT 'NTR-2026-9' || n.n, printf('%064d', n.n), created_ms, updated_ms, 'pemilu', 'diterima',
	tahap_sejak_ms, NULL, 1, (SELECT id FROM instansi WHERE kode = '5171'), 'Rahasia Terlapor Bali',
	'KE-4', kejadian_hari, 'sebelum', kronologi, 'anonim', diketahui_hari, 'seed'
FROM (SELECT * FROM kasus LIMIT 1), (SELECT 1 AS n UNION ALL SELECT 2) AS n;
SQL
ok $? "add province 51 with two cases"
q() { sqlite3 "$F" "$1"; }
path_of() { q "SELECT path FROM instansi WHERE kode = '$1'"; }
id_of() { q "SELECT id FROM instansi WHERE kode = '$1'"; }
today=$(python3 -c 'import time; print((int(time.time()) + 7*3600) // 86400)')

start_server "$DB"; ok $? "server starts"
B="$T_DIR/bkn.jar" P="$T_DIR/ppk.jar" W="$T_DIR/bawaslu.jar" S="$T_DIR/asn.jar"
check_eq "bkn logs in" "$(login "$B" bkn demo-bkn-2026)" 303
check_eq "ppk (Kota Semarang) logs in" "$(login "$P" ppk.semarang demo-ppk-2026)" 303
check_eq "bawaslu (Jawa Tengah) logs in" "$(login "$W" bawaslu.jateng demo-bawaslu-2026)" 303
check_eq "asn logs in" "$(login "$S" asn.banyumas demo-asn-2026)" 303

# ---- national numbers against sqlite3 ----
page=$(curl -s -b "$B" "$BASE/dasbor")
total=$(printf '%s' "$page" | grep -o '<dd id="jumlah-kasus">[0-9]*' | grep -o '[0-9]*$')
check_eq "national total equals count(*) of kasus" "$total" "$(q 'SELECT count(*) FROM kasus')"
late=$(printf '%s' "$page" | grep -o '<dd id="jumlah-terlambat">[0-9]*' | grep -o '[0-9]*$')
open_late=$(q "SELECT count(*) FROM kasus WHERE tenggat_hari < $today AND tahap NOT IN ('selesai','tidak_memenuhi_syarat','bukan_pelanggaran','dihentikan')")
check_eq "overdue equals open cases with tenggat_hari < today" "$late" "$open_late"
check_contains "page has an accessible SVG chart" "$page" 'role="img"'
check_contains "chart has a table beside it" "$page" '<table class="data chart-data">'
check_contains "nav links the dashboard" "$page" 'href="/dasbor"'

csv=$(curl -s -b "$B" "$BASE/dasbor/ekspor/tahap.csv")
# kode,tahap,on time,overdue,no deadline,total -> "kode total" per stage
got=$(printf '%s' "$csv" | tr -d '\r' | awk -F, 'NR>1 && $1 ~ /^[a-z_]+$/ && NF>=6 && $6>0 {print $1, $6}' | sort)
want=$(q "SELECT tahap || ' ' || count(*) FROM kasus GROUP BY tahap" | sort)
check_eq "stage counts in the export equal GROUP BY tahap" "$got" "$want"
got=$(printf '%s' "$csv" | tr -d '\r' | awk -F, '$1=="verifikasi_satgas" {print $4}')
want=$(q "SELECT count(*) FROM kasus WHERE tahap = 'verifikasi_satgas' AND tenggat_hari < $today")
check_eq "overdue of one stage in the export" "$got" "$want"
csv=$(curl -s -b "$B" "$BASE/dasbor/ekspor/pelanggaran.csv")
got=$(printf '%s' "$csv" | tr -d '\r' | awk -F, '$1=="KE-4" {print $NF}')
check_eq "violation KE-4 in the export" "$got" "$(q "SELECT count(*) FROM kasus WHERE pelanggaran_kode = 'KE-4'")"

csv=$(curl -s -b "$B" "$BASE/dasbor/ekspor/sanksi.csv")
got=$(printf '%s' "$csv" | tr -d '\r' | awk -F, 'NR>1 && NF>=8 && $NF ~ /^[0-9]+$/ {s+=$NF} END {print s+0}')
check_eq "sanctions table sums to count(*) of kasus_sanksi" "$got" "$(q 'SELECT count(*) FROM kasus_sanksi')"
got=$(printf '%s' "$page" | grep -o '<dd id="jumlah-sanksi-ringan">[0-9]*' | grep -o '[0-9]*$')
check_eq "lighter-than-recommended equals flagged sanctions" "$got" "$(q 'SELECT count(*) FROM kasus_sanksi WHERE flags & 1')"
csv=$(curl -s -b "$B" "$BASE/dasbor/ekspor/durasi.csv")
got=$(printf '%s' "$csv" | tr -d '\r' | awk -F, '$1=="verifikasi_satgas" {print $3}')
want=$(q "WITH d AS (SELECT l.dari AS dari, max(0, (l.created_ms - coalesce(lag(l.created_ms) OVER (PARTITION BY l.kasus_id ORDER BY l.id), k.created_ms)) / 86400000) AS hari FROM kasus_langkah l JOIN kasus k ON k.id = l.kasus_id), v AS (SELECT hari, row_number() OVER (ORDER BY hari) AS r, count(*) OVER () AS n FROM d WHERE dari = 'verifikasi_satgas') SELECT hari FROM v WHERE r = (n + 1) / 2")
check_eq "median days of verification equals the history's (window SQL)" "$got" "$want"

# ---- the case list export ----
csv=$(curl -s -b "$B" "$BASE/kasus/ekspor.csv?antrian=semua")
check_contains "case list export names the queue" "$csv" "Filter: Antrian,Semua kasus dalam cakupan"
got=$(printf '%s' "$csv" | tr -d '\r' | grep -c '^NTR-')
check_eq "case list export has every case" "$got" "$(q 'SELECT count(*) FROM kasus')"
csv=$(curl -s -b "$P" "$BASE/kasus/ekspor.csv?antrian=semua")
got=$(printf '%s' "$csv" | tr -d '\r' | grep -c '^NTR-')
check_eq "PPK case list export has only its instansi" "$got" "$(q "SELECT count(*) FROM kasus WHERE instansi_id = $(id_of 3374)")"
check_eq "case list XLSX export" "$(status "$B" '/kasus/ekspor.xlsx?antrian=terlambat')" 200
page=$(curl -s -b "$B" "$BASE/kasus?antrian=semua")
check_contains "case list links its export with the queue" "$page" "/kasus/ekspor.csv?antrian=semua"

# ---- filters, echoed in the exports ----
csv=$(curl -s -b "$B" "$BASE/dasbor/ekspor/tahap.csv?konteks=pilkada&dari=2020-01-01")
check_contains "CSV export names the konteks filter" "$csv" "Filter: Konteks pemilihan,Pilkada"
check_contains "CSV export names the period" "$csv" "Filter: Periode laporan,2020-01-01 s.d. (terbuka)"
got=$(printf '%s' "$csv" | tr -d '\r' | awk -F, 'NR>1 && $1 ~ /^[a-z_]+$/ && NF>=6 {s+=$6} END {print s}')
check_eq "filtered export sums to the pilkada count" "$got" "$(q "SELECT count(*) FROM kasus WHERE konteks = 'pilkada'")"
curl -s -b "$B" -o "$T_DIR/w.xlsx" "$BASE/dasbor/ekspor/wilayah.xlsx?konteks=pemilu"
xml=$(unzip -p "$T_DIR/w.xlsx" xl/worksheets/sheet1.xml 2>/dev/null)
check_contains "XLSX export names the konteks filter" "$xml" "Filter: Konteks pemilihan"
check_contains "XLSX export has the region rows" "$xml" "Pemerintah Provinsi Jawa Tengah"
check_eq "unknown export table is 404" "$(status "$B" /dasbor/ekspor/nama.csv)" 404
check_eq "bad date filter is 400" "$(status "$B" '/dasbor?dari=2026-13-01')" 400
check_eq "end before start is 400" "$(status "$B" '/dasbor?dari=2026-02-01&sampai=2026-01-01')" 400
# a period filter: the day boundaries are WIB
d1=$(python3 -c 'import time; print(time.strftime("%Y-%m-%d", time.gmtime(time.time() - 200*86400 + 7*3600)))')
d2=$(python3 -c 'import time; print(time.strftime("%Y-%m-%d", time.gmtime(time.time() - 100*86400 + 7*3600)))')
page=$(curl -s -b "$B" "$BASE/dasbor?dari=$d1&sampai=$d2")
got=$(printf '%s' "$page" | grep -o '<dd id="jumlah-kasus">[0-9]*' | grep -o '[0-9]*$')
want=$(q "SELECT count(*) FROM kasus WHERE date((created_ms/1000) + 7*3600, 'unixepoch') BETWEEN '$d1' AND '$d2'")
check_eq "period filter counts by WIB report date" "$got" "$want"

# ---- scope isolation ----
page=$(curl -s -b "$P" "$BASE/dasbor")
got=$(printf '%s' "$page" | grep -o '<dd id="jumlah-kasus">[0-9]*' | grep -o '[0-9]*$')
check_eq "PPK Kota Semarang counts only its instansi" "$got" "$(q "SELECT count(*) FROM kasus WHERE instansi_id = $(id_of 3374)")"
check_not_contains "PPK dashboard does not name a sibling" "$page" "Surakarta"
check_eq "PPK asking for a sibling region is 404" "$(status "$P" "/dasbor?wilayah=$(id_of 3372)")" 404
check_eq "PPK asking for the province is 404" "$(status "$P" "/dasbor?wilayah=$(id_of 33)")" 404
csv=$(curl -s -b "$P" "$BASE/dasbor/ekspor/instansi.csv")
check_not_contains "PPK export has no sibling" "$csv" "Surakarta"
page=$(curl -s -b "$W" "$BASE/dasbor")
got=$(printf '%s' "$page" | grep -o '<dd id="jumlah-kasus">[0-9]*' | grep -o '[0-9]*$')
p33=$(path_of 33)
check_eq "Bawaslu Jawa Tengah counts its province" "$got" \
	"$(q "SELECT count(*) FROM kasus WHERE instansi_id IN (SELECT id FROM instansi WHERE path LIKE '$p33%')")"
page=$(curl -s -b "$W" "$BASE/dasbor?wilayah=$(id_of 3372)")
got=$(printf '%s' "$page" | grep -o '<dd id="jumlah-kasus">[0-9]*' | grep -o '[0-9]*$')
check_eq "Bawaslu narrows to a kab/kota of its province" "$got" "$(q "SELECT count(*) FROM kasus WHERE instansi_id = $(id_of 3372)")"
check_eq "Bawaslu Jawa Tengah cannot see DI Yogyakarta" "$(status "$W" "/dasbor?wilayah=$(id_of 34)")" 404
check_eq "nor Bali" "$(status "$W" "/dasbor?wilayah=$(id_of 51)")" 404
check_eq "an ASN account has no dashboard" "$(status "$S" /dasbor)" 403
check_eq "anonymous /dasbor goes to login" "$(status /dev/null /dasbor)" 303

# ---- public statistics ----
pub=$(curl -s "$BASE/statistik")
check_contains "public page is served without login" "$pub" "Statistik netralitas ASN"
row=$(printf '%s' "$pub" | tr -d '\n' | grep -o '<tr data-kode="51">.*' | sed 's#</tr>.*##')
check_contains "province 51 (2 cases) shows <5" "$row" "&lt;5"
check_not_contains "province 51 does not show its 2" "$row" '>2<'
check_not_contains "public page has no case number" "$pub" "NTR-"
check_not_contains "public page has no reported name" "$pub" "Terlapor"
json=$(curl -s "$BASE/api/v1/statistik")
check_eq "API hides the small cell" "$(printf '%s' "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
r = [x for x in d["per_provinsi"]["baris"] if x["kode"] == "51"][0]
print(r["pemilu"]["jumlah"], r["pemilu"]["disembunyikan"], r["total"]["disembunyikan"])')" "None sel_kecil sel_kecil"
check_eq "API: the Pemilu column has a complementary hidden cell" "$(printf '%s' "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
rows = d["per_provinsi"]["baris"]
print(sum(1 for x in rows if x["pemilu"].get("disembunyikan") == "pelengkap") >= 1)')" "True"
check_eq "API: no line has exactly one hidden cell" "$(printf '%s' "$json" | python3 -c '
import json, sys
d = json.load(sys.stdin)["per_provinsi"]
rows = d["baris"] + [dict(d["total"], kode="total")]
bad = [r["kode"] for r in rows if sum(1 for c in ("pemilu", "pilkada", "total") if r[c]["jumlah"] is None) == 1]
for c in ("pemilu", "pilkada", "total"):
    if sum(1 for r in rows if r[c]["jumlah"] is None) == 1: bad.append(c)
print(bad)')" "[]"
check_eq "API: national total equals count(*)" "$(printf '%s' "$json" | python3 -c '
import json, sys; print(json.load(sys.stdin)["per_tahap"]["total"]["jumlah"]["jumlah"])')" "$(q 'SELECT count(*) FROM kasus')"
printf '%s' "$json" > "$T_DIR/statistik.json"
curl -s -o "$T_DIR/statistik-bad.json" "$BASE/api/v1/statistik?konteks=x"
printf 'GET /api/v1/statistik 200 %s\nGET /api/v1/statistik 400 %s\n' "$T_DIR/statistik.json" \
	"$T_DIR/statistik-bad.json" > "$T_DIR/samples"
out=$(python3 "$here/check_openapi.py" samples "$T_DIR/samples" 2>&1)
ok $? "API responses match docs/openapi.yaml"; [ -n "$out" ] && echo "$out" | sed 's/^/#   /'
check_eq "API: bad konteks is 400" "$(status /dev/null '/api/v1/statistik?konteks=x')" 400
check_not_contains "API has no case number or name" "$json" "NTR-"

stop_server
tap_done
