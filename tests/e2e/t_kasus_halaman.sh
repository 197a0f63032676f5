#!/usr/bin/env bash
# Case lists beyond one page (keyset paging): GET /api/v1/kasus returns
# "berikutnya", the "sesudah" of the next page, until the last page; the
# /kasus queue page links "Halaman berikutnya" (a plain link, no
# JavaScript) and "Kembali ke halaman pertama". Walking every page gives
# each case of the scope exactly once, in the queue order, and the same set
# as the database; a case filed while paging does not shift later pages; a
# forged cursor is 400. The CSV export (which pages internally) still has
# every case.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
F="$T_DIR/h.db"
DB="sqlite:$F"
"$WASDAL_BIN" seed demo --db "$DB" >/dev/null 2>&1; ok $? "seed demo"
python3 "$here/../../bench/gen_kasus.py" --db "$F" --rows 1150 --seed 11
ok $? "generate 1150 cases (more than the API's largest page of 1000)"
q() { sqlite3 "$F" "$1"; }
TOTAL=$(q "SELECT count(*) FROM kasus")
TOKEN=$("$WASDAL_BIN" user token bkn e2e-halaman --db "$DB" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1)
start_server "$DB"; ok $? "server starts"

# walk QUERY: every page of the API list; prints the nomor of each case in
# order, one per line, and the number of pages on stderr.
walk() {
	python3 - "$BASE" "$TOKEN" "$1" <<'EOF'
import json, sys, urllib.parse, urllib.request
base, token, query = sys.argv[1:]
after, pages = None, 0
while True:
    url = base + "/api/v1/kasus?" + query + ("&sesudah=" + urllib.parse.quote(after) if after else "")
    req = urllib.request.Request(url, headers={"Authorization": "Bearer " + token})
    d = json.load(urllib.request.urlopen(req))
    pages += 1
    for i in d["items"]:
        print(i["nomor"])
    after = d["berikutnya"]
    if after is None or pages > 100:
        break
print(pages, file=sys.stderr)
EOF
}
walk "antrian=semua&limit=1000" >"$T_DIR/p1000" 2>"$T_DIR/n1000"
check_eq "limit=1000: two pages" "$(cat "$T_DIR/n1000")" 2
check_eq "every case once" "$(sort -u "$T_DIR/p1000" | wc -l) $(wc -l <"$T_DIR/p1000")" "$TOTAL $TOTAL"
walk "antrian=semua&limit=100" >"$T_DIR/p100" 2>"$T_DIR/n100"
check_eq "limit=100: $(( (TOTAL + 99) / 100 )) pages" "$(cat "$T_DIR/n100")" "$(( (TOTAL + 99) / 100 ))"
check_eq "the same cases in the same order as with 1000 per page" "$(md5sum <"$T_DIR/p100")" "$(md5sum <"$T_DIR/p1000")"
want=$(q "SELECT nomor FROM kasus ORDER BY coalesce(tenggat_hari, 2147483647), created_ms, id" | md5sum)
check_eq "in the queue order (due day, filed, id) of the database" "$(md5sum <"$T_DIR/p100")" "$want"

curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/kasus?antrian=semua&limit=5" >"$T_DIR/a.json"
NEXT=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["berikutnya"])' "$T_DIR/a.json")
check "a full page names the next one" test -n "$NEXT" -a "$NEXT" != None
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/kasus?antrian=semua&limit=5&sesudah=$NEXT" >"$T_DIR/b.json"
# a case filed now, due before everything: the second page must not change
q "INSERT INTO kasus (nomor, receipt_hash, created_ms, updated_ms, konteks, tahap, tahap_sejak_ms,
	tenggat_hari, workflow_versi, instansi_id, terlapor_nama, pelanggaran_kode, kejadian_hari,
	penetapan_calon, kronologi, pelapor_mode, diketahui_hari, sumber)
	SELECT 'NTR-2026-888888', printf('%064d', 888888), created_ms, updated_ms, konteks, 'verifikasi_satgas',
	tahap_sejak_ms, 1, 1, instansi_id, 'Baru Masuk', pelanggaran_kode, kejadian_hari, penetapan_calon,
	kronologi, 'anonim', diketahui_hari, 'seed' FROM kasus LIMIT 1"
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/kasus?antrian=semua&limit=5&sesudah=$NEXT" >"$T_DIR/c.json"
check_eq "a case filed meanwhile does not shift the next page" "$(md5sum <"$T_DIR/c.json")" "$(md5sum <"$T_DIR/b.json")"
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/kasus?antrian=semua&limit=5" >"$T_DIR/d.json"
check_contains "(it is on the first page)" "$(cat "$T_DIR/d.json")" "NTR-2026-888888"
TOTAL=$((TOTAL + 1))

code=$(curl -s -o "$T_DIR/bad" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
	"$BASE/api/v1/kasus?antrian=semua&sesudah=1.2.x")
check_eq "a forged cursor is 400" "$code" 400
check_contains "naming the parameter" "$(cat "$T_DIR/bad")" '"field":"sesudah"'
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
	"$BASE/api/v1/kasus?antrian=semua&sesudah=99999999999.1.1")
check_eq "an out-of-range day is 400" "$code" 400
curl -s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/kasus?antrian=saya&limit=1000" >"$T_DIR/e.json"
check_eq "the last page says null" "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["berikutnya"])' "$T_DIR/e.json")" None
printf 'GET /api/v1/kasus 200 %s\nGET /api/v1/kasus 200 %s\nGET /api/v1/kasus 400 %s\n' "$T_DIR/a.json" \
	"$T_DIR/e.json" "$T_DIR/bad" >"$T_DIR/samples"
out=$(python3 "$here/check_openapi.py" samples "$T_DIR/samples" 2>&1)
ok $? "responses match docs/openapi.yaml"; [ -n "$out" ] && echo "$out" | sed 's/^/#   /'

# ---- the web queue: plain next-page links ----
JAR="$T_DIR/jar"
check_eq "bkn logs in" "$(login "$JAR" bkn demo-bkn-2026)" 303
url="/kasus?antrian=semua"
: >"$T_DIR/web"
pages=0
while [ -n "$url" ] && [ $pages -lt 20 ]; do
	curl -s -b "$JAR" "$BASE$url" >"$T_DIR/page.html"
	pages=$((pages + 1))
	grep -oE 'href="/kasus/NTR-[0-9]{4}-[0-9]{6}"' "$T_DIR/page.html" | sed 's/.*\/kasus\///; s/"$//' >>"$T_DIR/web"
	[ $pages = 2 ] && cp "$T_DIR/page.html" "$T_DIR/page2.html"
	url=$(grep -oE '<a rel="next" href="[^"]*"' "$T_DIR/page.html" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')
done
check_eq "the queue page walks in pages of 200" "$pages" "$(( (TOTAL + 199) / 200 ))"
check_eq "every case once over the pages" "$(sort -u "$T_DIR/web" | wc -l) $(wc -l <"$T_DIR/web")" "$TOTAL $TOTAL"
p2=$(cat "$T_DIR/page2.html")
check_contains "the link is labelled" "$p2" "Halaman berikutnya"
check_contains "a later page links back to the first" "$p2" "Kembali ke halaman pertama"
check_contains "inside a labelled navigation" "$p2" '<nav class="pager" aria-label="Halaman daftar kasus">'
check_not_contains "the last page has no next link" "$(cat "$T_DIR/page.html")" 'rel="next"'
check_contains "in English too" "$(curl -s -b "$JAR" "$BASE/kasus?antrian=semua&lang=en")" "Next page"
check_eq "a forged cursor on the page is 400" "$(status "$JAR" '/kasus?antrian=semua&sesudah=abc')" 400

# ---- the export still has every case (it pages internally by cursor) ----
got=$(curl -s -b "$JAR" "$BASE/kasus/ekspor.csv?antrian=semua" | tr -d '\r' | grep -c '^NTR-')
check_eq "CSV export of all $TOTAL cases" "$got" "$TOTAL"
stop_server
tap_done
