#!/usr/bin/env bash
# A citizen files neutrality reports and follows them (issue 3 §1), against
# the real binary: the /lapor page and POST /api/v1/laporan, anonim and
# rahasia; an EXIF JPEG stored stripped, a disguised file refused; the
# receipt shown once and grouped; follow-up with the receipt (status,
# officer message, reply, more evidence, completing who is reported); an
# officer's scoped view and the evidence download (attachment, nosniff);
# the custodian opening the sealed identity, seen by the reporter; no IP
# address, user agent or identity in the database, the log or the audit
# diffs; wrong receipts answered alike, audited without the receipt and
# rate-limited.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
DB="sqlite:$T_DIR/w.db"
FILES="$T_DIR/berkas"
UA="UA-PENANDA-e2e-7731"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }

W seed demo >"$T_DIR/seed.out" 2>&1
ok $? "seed demo"
check_contains "seed prints the demo receipts" "$(cat "$T_DIR/seed.out")" "1111-2222-3333-0004"
PASS=$(sed -n 's/.*(kustodian): //p' "$T_DIR/seed.out")
check "the demo passphrase is printed" test -n "$PASS"
out=$(W kunci-pengawas tampil)
ok $? "kunci-pengawas tampil"
check_eq "the oversight key is 64 hex" "$(printf %s "$out" | grep -cE '^[0-9a-f]{64}$')" 1
out=$(echo pendek | W kunci-pengawas buat 2>&1); rc=$?
check_eq "a short passphrase is refused (exit 2)" "$rc" 2
token_for() { W user token "$1" "e2e-$RANDOM" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1; }
T_BKN=$(token_for bkn)
T_CUST=$(token_for custodian)
T_BAWASLU=$(token_for bawaslu.jateng)
check "officer tokens" test -n "$T_BKN" -a -n "$T_CUST" -a -n "$T_BAWASLU"

start_server "$DB" --files "$FILES"; ok $? "server starts with --files"
C() { curl -s -A "$UA" "$@"; }
# api METHOD PATH TOKEN [curl args]: sets STATUS, BODY, HDRS
api() {
	local m=$1 p=$2 tok=$3; shift 3
	local auth=()
	[ -n "$tok" ] && auth=(-H "Authorization: Bearer $tok")
	STATUS=$(C -o "$T_DIR/body" -D "$T_DIR/hdr" -w '%{http_code}' -X "$m" "${auth[@]}" "$@" "$BASE$p")
	BODY=$(tr -d '\0' <"$T_DIR/body")
	HDRS=$(cat "$T_DIR/hdr")
}
js() { python3 -c 'import json,sys; d=json.load(sys.stdin); v=eval(sys.argv[1]); print(json.dumps(v) if isinstance(v,(dict,list,bool)) or v is None else v)' "$1" <<<"$BODY" 2>/dev/null; }
# sample METHOD TEMPLATE: keep the last response for the schema check at the end.
: >"$T_DIR/samples"
sample() { SN=$((${SN:-0} + 1)); cp "$T_DIR/body" "$T_DIR/s$SN.json"; echo "$1 $2 $STATUS $T_DIR/s$SN.json" >>"$T_DIR/samples"; }
jpost() { local p=$1 tok=$2 b=$3; shift 3; api POST "$p" "$tok" -H 'Content-Type: application/json' --data-binary "$b" "$@"; }

# An EXIF JPEG (GPS marker inside APP1), a PDF, and an HTML file named .jpg.
python3 "$(dirname "$0")/exif_jpeg.py" "$T_DIR/foto.jpg" GPS-PENANDA-LOKASI-6.2088-106.8456
python3 - "$T_DIR" <<'EOF'
import sys
d = sys.argv[1]
open(d + '/dok.pdf', 'wb').write(b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
open(d + '/palsu.jpg', 'wb').write(b'<html><script>alert(1)</script></html>')
EOF
TODAY=$(date -u -d '+7 hours' +%F)
D2=$(date -u -d '+7 hours -2 days' +%F)
D20=$(date -u -d '+7 hours -20 days' +%F)

# ---- the page ----
page=$(C "$BASE/lapor")
check_contains "the form posts multipart to /lapor" "$page" 'action="/lapor" enctype="multipart/form-data"'
check_contains "every input has a label (kronologi)" "$page" 'for="kronologi"'
check_contains "the catalogue is offered" "$page" 'value="HD-9"'
check_contains "anonim is the default" "$page" 'value="anonim" checked'
check_contains "in English with ?lang=en" "$(C "$BASE/lapor?lang=en")" "Report a breach of ASN neutrality"

form=(-F konteks=pilkada -F "wilayah=Kabupaten Banyumas" -F pelanggaran_kode=KE-4 -F "kejadian_tanggal=$D2"
      -F "kronologi=Membagikan poster bakal calon di grup kantor pada jam kerja." -F "terlapor_nama=Budi Contoh"
      -F "terlapor_instansi=Kecamatan Contoh" -F pelapor_mode=anonim)
st=$(C -o "$T_DIR/done.html" -w '%{http_code}' "${form[@]}" -F "bukti=@$T_DIR/foto.jpg;type=image/jpeg" "$BASE/lapor")
check_eq "filing anonim with a photo on the page is 201" "$st" 201
done_html=$(cat "$T_DIR/done.html")
R1=$(grep -oE 'id="receipt">[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{4}' "$T_DIR/done.html" | sed 's/.*>//')
N1=$(grep -oE 'id="nomor">NTR-[0-9]{4}-[0-9]{6}' "$T_DIR/done.html" | sed 's/.*>//')
check "the receipt is shown grouped 4-4-4-4" test -n "$R1"
check "the public case number is shown" test -n "$N1"
check_contains "the reporter is told the metadata was removed" "$done_html" "dihapus dari 1 foto"
check_contains "the receipt is shown once (warning)" "$done_html" "hanya ditampilkan sekali"
check_contains "the page is not cached" "$(C -D - -o /dev/null "${form[@]}" "$BASE/lapor")" "no-store"
nfiles=$(ls "$FILES" | wc -l)
check_eq "one evidence file on disk" "$nfiles" 1
stored="$FILES/$(ls "$FILES" | head -1)"
check_eq "stored under its SHA-256" "$(sha256sum "$stored" | cut -c1-64)" "$(basename "$stored")"
check_eq "the GPS marker is not in the stored file" "$(grep -c 'GPS-PENANDA' "$stored")" 0
check_eq "the upload itself had it" "$(grep -c 'GPS-PENANDA' "$T_DIR/foto.jpg")" 1
check_eq "the files directory is private" "$(stat -c %a "$FILES")" 700
st=$(C -o "$T_DIR/bad.html" -w '%{http_code}' "${form[@]}" -F "bukti=@$T_DIR/palsu.jpg;type=image/jpeg" "$BASE/lapor")
check_eq "a disguised file is refused (400)" "$st" 400
check_contains "with the reason, beside the field" "$(cat "$T_DIR/bad.html")" "diperiksa dari isi berkas"
check_contains "the typed fields come back" "$(cat "$T_DIR/bad.html")" "Budi Contoh"
st=$(C -o "$T_DIR/bad2.html" -w '%{http_code}' -F konteks=pemilu -F pelapor_mode=rahasia "$BASE/lapor")
check_eq "an incomplete form is 400" "$st" 400
check_contains "naming each problem" "$(cat "$T_DIR/bad2.html")" "isi nama Anda, atau pilih laporan anonim"
st=$(C -o /dev/null -w '%{http_code}' -H "Origin: http://evil.example" "${form[@]}" "$BASE/lapor")
check_eq "a cross-site post is refused (403)" "$st" 403

# ---- the API: rahasia (JSON), late; multipart with files ----
NIK=3302019912310007
jpost /api/v1/laporan "" "{\"konteks\":\"pemilu\",\"wilayah\":\"Kota Semarang\",\"pelanggaran_kode\":\"HD-8\",
 \"kejadian_tanggal\":\"$D20\",\"kronologi\":\"Kepala bidang meminta guru memilih calon tertentu dalam rapat.\",
 \"terlapor_nama\":\"Contoh Kabid\",\"terlapor_instansi\":\"Dinas Pendidikan\",\"tautan\":[\"https://example.org/a\"],
 \"pelapor_mode\":\"rahasia\",\"pelapor_nama\":\"Sri Pelapor Rahasia\",\"pelapor_nik\":\"$NIK\",
 \"pelapor_kontak\":\"sri.rahasia@example.org\",\"pelapor_jenis\":\"pemilih\"}"
check_eq "filing rahasia by JSON is 201" "$STATUS" 201
R2=$(js 'd["receipt"]') N2=$(js 'd["nomor"]')
sample POST /api/v1/laporan
check_eq "the receipt is 16 digits" "$(printf %s "$R2" | grep -cE '^[0-9]{16}$')" 1
check_eq "filed 20 days after the event: terlambat" "$(js 'd["terlambat"]')" true
check_eq "nothing missing (name+instansi, a link)" "$(js 'd["kekurangan"]')" "[]"
api POST /api/v1/laporan "" -F konteks=pilkada -F "wilayah=Banyumas" -F pelanggaran_kode=KE-1 \
	-F "kejadian_tanggal=$TODAY" -F "kronologi=Memasang baliho bakal calon di halaman kantor desa." \
	-F "bukti=@$T_DIR/foto.jpg" -F "bukti=@$T_DIR/dok.pdf"
check_eq "filing multipart with two files is 201" "$STATUS" 201
R3=$(js 'd["receipt"]') N3=$(js 'd["nomor"]')
check_eq "two files stored" "$(js 'd["bukti"]')" 2
check_eq "one had its metadata removed" "$(js 'd["metadata_dihapus"]')" 1
check_eq "no terlapor: kekurangan names it" "$(js '[k["kode"] for k in d["kekurangan"]]')" '["terlapor"]'
api POST /api/v1/laporan "" -F konteks=pilkada -F "wilayah=Banyumas" -F pelanggaran_kode=KE-1 \
	-F "kejadian_tanggal=$TODAY" -F "kronologi=Memasang baliho bakal calon di halaman kantor desa." \
	-F "bukti=@$T_DIR/palsu.jpg"
check_eq "API: a disguised file is 400" "$STATUS" 400
check_eq "API: on field bukti" "$(js 'd["error"]["fields"][0]["field"]')" bukti
sample POST /api/v1/laporan
jpost /api/v1/laporan "" '{"konteks":"pemilu","kronologi":1,"rahasia":"x"}'
check_eq "API: a wrong type and an unknown key are 400" "$STATUS" 400
check_contains "listing the unknown key" "$BODY" '"field":"rahasia"'

# ---- follow-up with the receipt ----
jpost /api/v1/laporan/pantau "" "{\"receipt\":\"$R1\"}"
check_eq "pantau with the grouped receipt is 200" "$STATUS" 200
check_eq "stage name, not internal data" "$(js 'd["tahap_nama"]')" "Laporan diterima"
check_not_contains "no kronologi in the reporter's view" "$BODY" "poster bakal calon"
jpost /api/v1/laporan/pantau "" "{\"receipt\":\"$R3\"}"
check_eq "pantau lists the evidence" "$(js 'len(d["bukti"])')" 2
sample POST /api/v1/laporan/pantau
jpost /api/v1/laporan/pantau/terlapor "" "{\"receipt\":\"$R3\",\"terlapor_nama\":\"Kades Contoh\",\"terlapor_instansi\":\"Pemdes Contoh\"}"
check_eq "the reporter completes who is reported" "$STATUS" 200
check_eq "and nothing is missing any more" "$(js 'd["kekurangan"]')" "[]"
sample POST /api/v1/laporan/pantau/terlapor

# officer writes, reporter reads and answers (page), officer sees the answer
jpost "/api/v1/laporan/$N1/pesan" "$T_BKN" '{"isi":"Mohon kirim tangkapan layar grup tersebut."}'
check_eq "an officer writes to the reporter (201)" "$STATUS" 201
sample POST '/api/v1/laporan/{nomor}/pesan'
jpost "/api/v1/laporan/$N1/pesan" "" '{"isi":"x"}'
check_eq "not without logging in (401)" "$STATUS" 401
jpost "/api/v1/laporan/$N1/pesan" "$T_CUST" '{"isi":"x"}'
check_eq "not as custodian (403)" "$STATUS" 403
view=$(C -F "receipt=$R1" "$BASE/lapor/pantau")
check_contains "the reporter reads the message on the page" "$view" "Mohon kirim tangkapan layar"
check_contains "with the officer's name" "$view" "pengawas BKN/Satgas"
view3=$(C -F "receipt=1111 2222 3333 0003" "$BASE/lapor/pantau")
check_contains "an incomplete report shows exactly what is missing" "$view3" "ASN terlapor: tuliskan NIP"
check_contains "(evidence too)" "$view3" "Bukti: lampirkan foto"
check_contains "with a form to complete who is reported" "$view3" 'name="aksi" value="terlapor"'
check_contains "and the late flag" "$view3" "lebih dari 7 hari"
st=$(C -o "$T_DIR/rep.html" -w '%{http_code}' -F "receipt=$R1" -F aksi=balas -F "isi=Tangkapan layar saya unggah sekarang." "$BASE/lapor/pantau")
check_eq "the reporter answers on the page" "$st" 200
check_contains "the answer is listed" "$(cat "$T_DIR/rep.html")" "Tangkapan layar saya unggah sekarang."
st=$(C -o "$T_DIR/add.html" -w '%{http_code}' -F "receipt=$R1" -F aksi=bukti -F "bukti=@$T_DIR/dok.pdf" "$BASE/lapor/pantau")
check_eq "the reporter adds evidence on the page" "$st" 200
check_contains "told how many were added" "$(cat "$T_DIR/add.html")" "1 berkas bukti ditambahkan"
api GET "/api/v1/laporan/$N1" "$T_BKN"
check_eq "the officer reads the case" "$STATUS" 200
check_contains "with the reporter's answer" "$BODY" "Tangkapan layar saya unggah sekarang."
check_eq "and two evidence files" "$(js 'len(d["bukti"])')" 2
sample GET '/api/v1/laporan/{nomor}'
DL=$(js 'd["bukti"][0]["unduh"]')
api GET "$DL" "$T_BKN"
check_eq "the officer downloads evidence" "$STATUS" 200
check_contains "as an attachment" "$HDRS" "Content-Disposition: attachment"
check_contains "with nosniff" "$HDRS" "X-Content-Type-Options: nosniff"
check_contains "with the sniffed type" "$HDRS" "Content-Type: image/jpeg"
check_eq "the bytes are the stripped ones" "$(grep -c GPS-PENANDA "$T_DIR/body")" 0
api GET "$DL" ""
check_eq "no download without logging in" "$STATUS" 401
check_eq "nothing under /static or elsewhere serves files" "$(C -o /dev/null -w '%{http_code}' "$BASE/static/../berkas/$(basename "$stored")")" 404

# scope: bawaslu.jateng (province 33) sees a case linked to Banyumas, not
# one without an instansi
api GET "/api/v1/laporan/NTR-$(date -u +%Y)-000001" "$T_BAWASLU"
check_eq "bawaslu of the province sees the linked demo case" "$STATUS" 200
api GET "/api/v1/laporan/$N2" "$T_BAWASLU"
check_eq "but not a case outside its scope (404)" "$STATUS" 404

# ---- the sealed identity ----
api GET "/api/v1/laporan/$N2" "$T_BKN"
check_not_contains "an officer never sees the rahasia name" "$BODY" "Sri Pelapor"
check_not_contains "nor the NIK" "$BODY" "$NIK"
check_eq "only that it is sealed" "$(js 'd["identitas_tersegel"]')" true
jpost "/api/v1/laporan/$N2/identitas" "$T_BKN" "{\"alasan\":\"coba\",\"passphrase\":\"$PASS\"}"
check_eq "bkn cannot open it (403)" "$STATUS" 403
jpost "/api/v1/laporan/$N2/identitas" "$T_CUST" '{"alasan":"klarifikasi","passphrase":"salah-frasa-sandi"}'
check_eq "a wrong passphrase is refused (403)" "$STATUS" 403
jpost "/api/v1/laporan/$N2/identitas" "$T_CUST" "{\"alasan\":\"\",\"passphrase\":\"$PASS\"}"
check_eq "a reason is required (400)" "$STATUS" 400
jpost "/api/v1/laporan/$N1/identitas" "$T_CUST" "{\"alasan\":\"uji\",\"passphrase\":\"$PASS\"}"
check_eq "an anonim report has nothing to open (400)" "$STATUS" 400
jpost "/api/v1/laporan/$N2/identitas" "$T_CUST" "{\"alasan\":\"Permintaan klarifikasi Bawaslu\",\"passphrase\":\"$PASS\"}"
check_eq "the custodian opens it with a reason" "$STATUS" 200
check_eq "the name" "$(js 'd["nama"]')" "Sri Pelapor Rahasia"
check_eq "the NIK" "$(js 'd["nik"]')" "$NIK"
sample POST '/api/v1/laporan/{nomor}/identitas'
jpost /api/v1/laporan/pantau "" "{\"receipt\":\"$R2\"}"
check_eq "the reporter sees one opening" "$(js 'len(d["identitas_dibuka"])')" 1
sample POST /api/v1/laporan/pantau
check_eq "by whom" "$(js 'd["identitas_dibuka"][0]["petugas"]')" "kustodian identitas pelapor"
view=$(C -F "receipt=$R2" "$BASE/lapor/pantau")
check_contains "the page says: identitas Anda dibuka oleh petugas X pada ..." "$view" "Identitas Anda dibuka oleh petugas kustodian identitas pelapor pada"
audit=$(sqlite3 "$T_DIR/w.db" "select action || ' ' || actor || ' ' || diff from audit_log where object_id = '$N2'")
check_contains "the opening is an audit record with the reason" "$audit" "laporan.identitas_dibuka custodian {\"alasan\":\"Permintaan klarifikasi Bawaslu\""
check_contains "the failed attempt too" "$audit" "laporan.identitas_gagal custodian"
check_contains "filing is audited as 'pelapor anonim'" "$audit" "laporan.ajukan pelapor anonim"

# the custodian's page does the same, for a logged-in custodian only
jar="$T_DIR/cust.jar"
check_eq "custodian logs in" "$(login "$jar" custodian demo-custodian-2026)" 303
page=$(curl -s -b "$jar" "$BASE/lapor/identitas")
check_contains "the custodian's page asks for a reason" "$page" 'for="alasan"'
csrf=$(csrf_of "$jar" /lapor/identitas)
st=$(curl -s -o "$T_DIR/id.html" -w '%{http_code}' -b "$jar" --data-urlencode "csrf=$csrf" \
	--data-urlencode "nomor=$N2" --data-urlencode "alasan=Pemeriksaan ulang lewat halaman" \
	--data-urlencode "passphrase=$PASS" "$BASE/lapor/identitas")
check_eq "the custodian opens it on the page" "$st" 200
check_contains "and sees the contact" "$(cat "$T_DIR/id.html")" "sri.rahasia@example.org"
bjar="$T_DIR/bkn.jar"
login "$bjar" bkn demo-bkn-2026 >/dev/null
check_eq "another role gets 403 on that page" "$(status "$bjar" /lapor/identitas)" 403
jpost /api/v1/laporan/pantau "" "{\"receipt\":\"$R2\"}"
check_eq "the reporter now sees two openings" "$(js 'len(d["identitas_dibuka"])')" 2

# ---- nothing identifying is stored or logged ----
dbdump=$(sqlite3 "$T_DIR/w.db" .dump)
check_not_contains "the NIK is nowhere in the database" "$dbdump" "$NIK"
check_not_contains "nor the rahasia name" "$dbdump" "Sri Pelapor"
check_not_contains "nor the contact" "$dbdump" "sri.rahasia@"
# Officers' login throttling keys hold their address (app/auth.c, not a
# report); everything else must not.
check_not_contains "no IP address in the database (but officers' login throttle)" \
	"$(printf '%s\n' "$dbdump" | grep -v "^INSERT INTO rate_limits VALUES('login:")" "127.0.0.1"
check_eq "no report rate-limit key holds it" \
	"$(sqlite3 "$T_DIR/w.db" "select count(*) from rate_limits where key like 'lapor:%127.0.0.1%'")" 0
check_not_contains "no user agent in the database" "$dbdump" "$UA"
check_not_contains "no receipt in the database" "$dbdump" "$R2"
logs=$(cat "$T_DIR/server.log")
check_not_contains "no user agent in the log" "$logs" "$UA"
check_eq "the address appears in the log only on the listening line" "$(grep -c '127.0.0.1' "$T_DIR/server.log")" 1
check_not_contains "no NIK in the log" "$logs" "$NIK"

# ---- evidence integrity: every file hashes to its name ----
out=$(W bukti periksa --files "$FILES" 2>&1)
ok $? "bukti periksa: all stored files intact"
check_contains "and counts them" "$out" "berkas bukti utuh: $(ls "$FILES" | wc -l) berkas, 0 bermasalah"
cp "$stored" "$T_DIR/saved"
printf 'x' >>"$stored"
out=$(W bukti periksa --files "$FILES" 2>&1); rc=$?
check_eq "a changed evidence file fails the check (exit 1)" "$rc" 1
check_contains "naming the file" "$out" "berbeda $(basename "$stored")"
cp "$T_DIR/saved" "$stored"

# ---- wrong receipts: the same answer, audited without the receipt, limited ----
jpost /api/v1/laporan/pantau "" '{"receipt":"9999-8888-7777-6666"}'
check_eq "an unknown receipt is 404" "$STATUS" 404
b_unknown=$BODY
jpost /api/v1/laporan/pantau "" '{"receipt":"12ab"}'
check_eq "a malformed one is 404 too" "$STATUS" 404
check_eq "with the same body" "$BODY" "$b_unknown"
sample POST /api/v1/laporan/pantau
bad=$(sqlite3 "$T_DIR/w.db" "select count(*) from audit_log where action = 'laporan.kuitansi_salah'")
check "failed lookups are audited" test "$bad" -ge 2
check_eq "without what was typed" "$(sqlite3 "$T_DIR/w.db" "select count(*) from audit_log where diff like '%9999%' or object_id like '%9999%'")" 0
p1=$(C -o /dev/null -w '%{http_code}' -F receipt=9999888877776666 "$BASE/lapor/pantau")
check_eq "the page answers 404 for an unknown receipt" "$p1" 404
limited=0
for i in $(seq 1 40); do
	s=$(C -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
		--data "{\"receipt\":\"00000000000000$(printf %02d "$i")\"}" "$BASE/api/v1/laporan/pantau")
	[ "$s" = 429 ] && { limited=1; break; }
done
check_eq "brute force on receipts hits 429" "$limited" 1
st=$(C -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data "{\"receipt\":\"$R1\"}" "$BASE/api/v1/laporan/pantau")
check_eq "then even the right receipt waits (429)" "$st" 429

out=$(python3 "$(dirname "$0")/check_openapi.py" samples "$T_DIR/samples" 2>&1)
ok $? "responses match docs/openapi.yaml ($(wc -l <"$T_DIR/samples") samples)"
[ -n "$out" ] && echo "$out" | sed 's/^/#   /'

stop_server
check_eq "the server stops cleanly" "$STOP_RC" 0

# Without an oversight key a named report cannot be sealed: it is refused
# with the reason, and an anonymous one is still accepted.
DB="sqlite:$T_DIR/kosong.db"
"$WASDAL_BIN" migrate --db "$DB" >/dev/null 2>&1
start_server "$DB" --files "$FILES"; ok $? "a server on a database without an oversight key"
base='"konteks":"pemilu","wilayah":"Jateng","pelanggaran_kode":"KE-1","kejadian_tanggal":"'$TODAY'","kronologi":"Memasang baliho bakal calon di kantor dinas."'
jpost /api/v1/laporan "" "{$base,\"pelapor_mode\":\"rahasia\",\"pelapor_nama\":\"X\",\"pelapor_kontak\":\"x@example.org\"}"
check_eq "a rahasia report without a key is 400" "$STATUS" 400
check_contains "saying the oversight key is missing" "$BODY" "kunci pengawas belum dibuat"
jpost /api/v1/laporan "" "{$base}"
check_eq "an anonim report is still filed" "$STATUS" 201
stop_server
tap_done
