#!/usr/bin/env bash
# Documents and campaigns over loopback with the demo data: a BKPSDM admin
# writes a template and opens a campaign for a NIP list, issues activation
# codes, an employee activates the account, logs in with the NIP, signs;
# the public verification page and the offline CLI say genuine; progress,
# the not-signed exports; then the failures: a NIP outside the scope is
# refused, a forged code fails, a document changed after signing is
# detected, signatures cannot be withdrawn.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
. "$(dirname "$0")/demo_accounts.sh"

DB="sqlite:$T_DIR/w.db"
dbf=${DB#sqlite:}
demo_setup "$DB"
start_server "$DB"; ok $? "server starts"
ASN_NIP=$(sqlite3 "$dbf" "select nip from users where username='asn.banyumas'")
# two active employees of Banyumas other than the demo asn account
read -r P1 P2 <<<"$(sqlite3 "$dbf" "select p.nip from pegawai p join instansi i on i.id=p.instansi_id where i.kode='3302' and p.status='aktif' and p.nip<>'$ASN_NIP' order by p.nip limit 2" | tr '\n' ' ')"
check "two employees picked" test -n "$P1" -a -n "$P2"

# ---- template ----
K="$T_DIR/bkpsdm.jar"
check_eq "BKPSDM logs in by username" "$(login "$K" bkpsdm.banyumas "$DEMO_BKPSDM_A_PASSWORD")" 303
csrf=$(csrf_of "$K" /kampanye/templat)
TEKS=$'Saya menyatakan bersikap netral.\r\nSaya tidak berpihak.'
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$K" --data-urlencode "csrf=$csrf" \
	--data-urlencode kode=tes-deklarasi --data-urlencode jenis=deklarasi_netralitas \
	--data-urlencode "judul=Deklarasi Uji" --data-urlencode "teks=$TEKS" "$BASE/kampanye/templat")
TID=$(sed -n 's|.*/kampanye/templat/\([0-9]*\).*|\1|p' <<<"$loc")
check "a template is saved and redirects to its page" test -n "$TID"
page=$(curl -s -b "$K" "$BASE/kampanye/templat/$TID")
want_sha=$(printf 'Saya menyatakan bersikap netral.\nSaya tidak berpihak.' | sha256sum | cut -d' ' -f1)
check_contains "the template page shows the SHA-256 of the text (CRLF stored as LF)" "$page" "$want_sha"
check_contains "the template page shows version 1" "$page" "<dd>1</dd>"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$K" --data-urlencode "csrf=$csrf" \
	--data-urlencode kode=BAD --data-urlencode jenis=lainnya --data-urlencode judul=x --data-urlencode teks=y "$BASE/kampanye/templat")
check_eq "a bad template code is a 422 with the form" "$code" 422

# ---- campaign for a NIP list ----
csrf=$(csrf_of "$K" /kampanye/baru)
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$K" -F "csrf=$csrf" -F "templat=$TID" \
	-F "nama=Deklarasi Uji Pemilu" -F "periode=Pemilu 2024" -F "tenggat=2030-12-31" -F cakupan=nip \
	-F "nips=nip
$P1" -F "berkas_nip=@-;filename=nip.csv" "$BASE/kampanye/baru" <<<"nip,nama
$P2,someone")
KID=$(sed -n 's|.*/kampanye/\([0-9]*\)?dibuka=1|\1|p' <<<"$loc")
check "a campaign opens (NIP list pasted and uploaded)" test -n "$KID"
check_eq "the campaign's scope holds both NIPs" "$(sqlite3 "$dbf" "select count(*) from kampanye_nip where kampanye_id=$KID")" 2
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$K" -F "csrf=$csrf" -F "templat=$TID" -F "nama=X" \
	-F "periode=P" -F "tenggat=2030-02-30" -F cakupan=instansi "$BASE/kampanye/baru")
check_eq "an impossible deadline is refused (422)" "$code" 422
check_eq "an ASN cannot open the new-campaign form" "$(A="$T_DIR/asn0.jar"; login "$A" asn.banyumas demo-asn-2026 >/dev/null; status "$A" /kampanye/baru)" 403

# ---- activation codes ----
code_of() { # csv-file nip -> the activation code
	python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["nip"] == sys.argv[2]: print(r["kode_aktivasi"])' "$1" "$2"
}
"$WASDAL_BIN" aktivasi terbitkan --kampanye "$KID" --actor bkpsdm.banyumas --db "$DB" >"$T_DIR/codes.csv" 2>"$T_DIR/codes.err"
ok $? "aktivasi terbitkan for the campaign's scope (exit 0)"
check_eq "one code per employee in scope (header + 2)" "$(wc -l <"$T_DIR/codes.csv")" 3
C1=$(code_of "$T_DIR/codes.csv" "$P1")
check "codes are 12 Crockford characters in groups of four" grep -qE '^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$' <<<"$C1"
check_eq "codes are stored hashed, never in clear" "$(sqlite3 "$dbf" "select count(*) from kode_aktivasi where kode_hash like '%${C1//-/}%'")" 0
code=0; "$WASDAL_BIN" aktivasi terbitkan --instansi 3374 --actor bkpsdm.banyumas --db "$DB" >/dev/null 2>&1 || code=$?
check_eq "BKPSDM Banyumas cannot issue codes for Kota Semarang" "$code" 2
page=$(curl -s -b "$K" -X POST --data-urlencode "csrf=$csrf" --data-urlencode kampanye="$KID" --data-urlencode format=slip "$BASE/aktivasi/terbitkan")
check_contains "the web issue answers with printable slips" "$page" 'class="slip"'
check_contains "a slip names the employee's NIP" "$page" "$P1"
# the web issue above replaced both codes: issue again by CLI for P1 and P2
"$WASDAL_BIN" aktivasi terbitkan --kampanye "$KID" --actor bkpsdm.banyumas --db "$DB" >"$T_DIR/codes.csv" 2>/dev/null
C1=$(code_of "$T_DIR/codes.csv" "$P1")
csv=$(curl -s -b "$K" -X POST --data-urlencode "csrf=$csrf" --data-urlencode nip="$ASN_NIP" --data-urlencode format=csv "$BASE/aktivasi/terbitkan")
check_contains "the web issue can answer with CSV" "$csv" "nip,nama,unit_kode,unit_nama,kode_aktivasi,berlaku_sampai"
printf '%s\n' "$csv" >"$T_DIR/web.csv"
check "the web CSV holds a code for the NIP asked for" test -n "$(code_of "$T_DIR/web.csv" "$ASN_NIP")"

activate() { # nip code password -> status
	curl -s -o "$T_DIR/akt.html" -w '%{http_code}' --data-urlencode "nip=$1" --data-urlencode "kode=$2" \
		--data-urlencode "password=$3" --data-urlencode "password2=$3" "$BASE/aktivasi"
}
check_eq "a wrong code is refused (401)" "$(activate "$P1" "ABCD-EFGH-JKMN" rahasia-pegawai-1)" 401
check_contains "the refusal says so in Bahasa Indonesia" "$(cat "$T_DIR/akt.html")" "kode aktivasi salah"
check_eq "another employee's code is refused" "$(activate "$P2" "$C1" rahasia-pegawai-1)" 401
lc=$(tr 'A-Z' 'a-z' <<<"$C1")
check_eq "the right code (typed in lower case) sets the password" "$(activate "$P1" "$lc" rahasia-pegawai-1)" 200
check_contains "activation confirms" "$(cat "$T_DIR/akt.html")" "Akun aktif"
check_eq "the code works only once" "$(activate "$P1" "$C1" rahasia-pegawai-2)" 401
check_eq "activation created an asn account named by the NIP" "$(sqlite3 "$dbf" "select role||':'||username from users where nip='$P1'")" "asn:$P1"

# ---- NIP login and signing ----
E="$T_DIR/p1.jar"
check_eq "the employee logs in with NIP + password" "$(login "$E" "$P1" rahasia-pegawai-1)" 303
check_eq "a wrong password with the NIP is refused" "$(login "$T_DIR/x.jar" "$P1" salah-sekali-ini)" 401
page=$(curl -s -b "$E" "$BASE/kampanye")
check_contains "the employee sees the campaign" "$page" "Deklarasi Uji Pemilu"
page=$(curl -s -b "$E" "$BASE/kampanye/$KID")
check_contains "the document text is shown before signing" "$page" "Saya menyatakan bersikap netral."
check_contains "the page shows the SHA-256 being signed" "$page" "$want_sha"
csrf_e=$(csrf_of "$E" "/kampanye/$KID")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$E" --data-urlencode "csrf=$csrf_e" "$BASE/kampanye/$KID/tandatangani")
check_eq "signing without ticking the agreement is a 422" "$code" 422
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$E" --data-urlencode "setuju=1" "$BASE/kampanye/$KID/tandatangani")
check_eq "signing without the CSRF token is a 403" "$code" 403
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$E" --data-urlencode "csrf=$csrf_e" --data-urlencode setuju=1 "$BASE/kampanye/$KID/tandatangani")
check_eq "signing redirects (303)" "$code" 303
VC=$(sqlite3 "$dbf" "select kode from tanda_tangan where kampanye_id=$KID and nip='$P1'")
check "a 10-character verification code" grep -qE '^[0-9A-HJKMNP-TV-Z]{10}$' <<<"$VC"
curl -s -o /dev/null -b "$E" --data-urlencode "csrf=$csrf_e" --data-urlencode setuju=1 "$BASE/kampanye/$KID/tandatangani"
check_eq "signing twice is idempotent (one signature, same code)" \
	"$(sqlite3 "$dbf" "select count(*)||':'||max(kode) from tanda_tangan where kampanye_id=$KID and nip='$P1'")" "1:$VC"
page=$(curl -s -b "$E" "$BASE/kampanye/$KID")
check_contains "the employee's page shows the verification code" "$page" "${VC:0:5}-${VC:5:5}"
check_eq "the signature is in the audit chain" "$(sqlite3 "$dbf" "select count(*) from audit_log where action='tanda_tangan' and object_id='$KID' and diff like '%$VC%'")" 1
check "the audit chain verifies" "$WASDAL_BIN" audit verify --db "$DB"

# ---- verification ----
N="$T_DIR/nobody.jar"; : >"$N"
page=$(curl -s "$BASE/verifikasi/${VC:0:5}-${VC:5:5}")
check_eq "the verification page is public" "$(status "$N" "/verifikasi/$VC")" 200
check_contains "verification: genuine" "$page" "ASLI: tanda tangan sah"
check_contains "verification: who signed" "$page" "$P1"
check_contains "verification: what was signed" "$page" "Deklarasi Uji (tes-deklarasi, v1)"
check_contains "verification: the campaign" "$page" "Deklarasi Uji Pemilu — Pemilu 2024"
PAYLOAD=$(grep -o 'id="payload">[^<]*' <<<"$page" | sed 's/.*>//')
PUB=$(grep -o 'id="kunci-publik">[^<]*' <<<"$page" | sed 's/.*>//')
check_eq "the published key is the instansi's current key" "$PUB" "$(curl -s "$BASE/api/v1/instansi/3302/kunci" | python3 -c 'import json,sys; print(json.load(sys.stdin)["kunci_aktif"])')"
curl -s -o "$T_DIR/dokumen.txt" "$BASE/verifikasi/$VC/dokumen.txt"
check_eq "the signed text downloads byte for byte" "$(sha256sum <"$T_DIR/dokumen.txt" | cut -d' ' -f1)" "$want_sha"
check "offline: wasdal verify-signature says genuine" "$WASDAL_BIN" verify-signature --pubkey "$PUB" --document "$T_DIR/dokumen.txt" "$PAYLOAD"
printf 'Saya tidak netral.' >"$T_DIR/lain.txt"
code=0; "$WASDAL_BIN" verify-signature --pubkey "$PUB" --document "$T_DIR/lain.txt" "$PAYLOAD" >/dev/null || code=$?
check_eq "offline: another text fails (exit 1)" "$code" 1
forged=$(sed 's/\.[^.]*$/.AAAA/' <<<"$PAYLOAD")
code=0; "$WASDAL_BIN" verify-signature --pubkey "$PUB" "$forged" >/dev/null || code=$?
check_eq "offline: a forged payload fails (exit 1)" "$code" 1
page=$(curl -s "$BASE/tanda-tangan/$VC/cetak")
check_contains "the printable page has the letterhead" "$page" "Pemerintah Kabupaten Banyumas"
check_contains "the printable page has an inline SVG QR code" "$page" '<svg class="qr"'
check_contains "the QR code is named for screen readers" "$page" 'aria-label="Kode QR menuju halaman verifikasi"'
check_contains "the printable page prints the verification URL" "$page" "/verifikasi/$VC"
check_contains "the printable page loads the print stylesheet" "$page" 'href="/static/kampanye.css"'
check_contains "the print stylesheet sets A4" "$(curl -s "$BASE/static/kampanye.css")" "size: A4"
page=$(curl -s "$BASE/verifikasi/ZZZZZZZZZZ")
check_eq "a forged verification code is a 404" "$(status "$N" /verifikasi/ZZZZZZZZZZ)" 404
check_contains "a forged verification code says not genuine" "$page" "TIDAK SAH"
check_eq "a malformed code is a 404" "$(status "$N" /verifikasi/U-is-not-crockford)" 404
check_eq "the verification form redirects a typed code" "$(curl -s -o /dev/null -w '%{redirect_url}' "$BASE/verifikasi?kode=${VC,,}")" "$BASE/verifikasi/$VC"

# ---- scope ----
A="$T_DIR/asn.jar"
check_eq "the demo asn logs in with its NIP" "$(login "$A" "$ASN_NIP" demo-asn-2026)" 303
check_eq "a NIP outside the scope does not see the campaign" "$(status "$A" "/kampanye/$KID")" 404
csrf_a=$(csrf_of "$A" /kampanye)
code=$(curl -s -o "$T_DIR/refused.html" -w '%{http_code}' -b "$A" --data-urlencode "csrf=$csrf_a" --data-urlencode setuju=1 "$BASE/kampanye/$KID/tandatangani")
check_eq "a NIP outside the scope cannot sign (403)" "$code" 403
check_contains "the refusal names the reason" "$(cat "$T_DIR/refused.html")" "tidak termasuk dalam cakupan"
check_eq "no signature was stored for it" "$(sqlite3 "$dbf" "select count(*) from tanda_tangan where kampanye_id=$KID and nip='$ASN_NIP'")" 0
check_eq "the BKPSDM of another instansi does not see the campaign" "$(O="$T_DIR/ppk.jar"; login "$O" ppk.semarang demo-ppk-2026 >/dev/null; status "$O" "/kampanye/$KID")" 404

# ---- progress ----
page=$(curl -s -b "$K" "$BASE/kampanye/$KID")
check_contains "progress for the instansi" "$page" "1 dari 2 pegawai sudah menandatangani (50,0 %)"
check_contains "the bar chart is an accessible SVG" "$page" 'role="img" viewBox'
check_contains "the chart has a title" "$page" '<title id="grafik-unit-t">'
check_contains "a table with the same numbers" "$page" '<table class="data chart-data">'
csv=$(curl -s -b "$K" "$BASE/kampanye/$KID/belum.csv")
check_contains "the not-signed CSV lists who has not signed" "$csv" "$P2"
check_not_contains "the not-signed CSV leaves out who signed" "$csv" "$P1"
curl -s -b "$K" -o "$T_DIR/belum.xlsx" "$BASE/kampanye/$KID/belum.xlsx"
check_eq "the not-signed XLSX is a workbook" "$(head -c 2 "$T_DIR/belum.xlsx")" "PK"
check_eq "an ASN cannot export" "$(status "$E" "/kampanye/$KID/belum.csv")" 403
page=$(curl -s -b "$K" "$BASE/kampanye/1")
check_contains "the demo campaign shows progress per unit" "$page" "Dinas Kesehatan"

# ---- immutability and tampering ----
check "a signature cannot be deleted" bash -c "! sqlite3 '$dbf' 'delete from tanda_tangan' 2>/dev/null"
check "a signature cannot be edited" bash -c "! sqlite3 '$dbf' \"update tanda_tangan set nip='$P2'\" 2>/dev/null"
check "a signed template cannot be edited in the database" bash -c "! sqlite3 '$dbf' \"update dokumen_templat set teks='x' where id=$TID\" 2>/dev/null"
csrf=$(csrf_of "$K" "/kampanye/templat/$TID")
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$K" --data-urlencode "csrf=$csrf" --data-urlencode aksi=ubah \
	--data-urlencode jenis=deklarasi_netralitas --data-urlencode "judul=Deklarasi Uji" --data-urlencode "teks=berubah" "$BASE/kampanye/templat/$TID")
check_eq "the web refuses to edit a signed version (409)" "$code" 409
loc=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$K" --data-urlencode "csrf=$csrf" --data-urlencode aksi=versi \
	--data-urlencode jenis=deklarasi_netralitas --data-urlencode "judul=Deklarasi Uji" --data-urlencode "teks=Versi kedua." "$BASE/kampanye/templat/$TID")
check_eq "a change becomes version 2" "$(sqlite3 "$dbf" "select versi from dokumen_templat where kode='tes-deklarasi' order by versi desc limit 1")" 2
# someone with database access changes the signed text behind the triggers
sqlite3 "$dbf" "drop trigger dokumen_templat_signed; update dokumen_templat set teks='Saya tidak netral.' where id=$TID"
page=$(curl -s "$BASE/verifikasi/$VC")
check_contains "a document changed after signing is detected" "$page" "TIDAK SAH: teks dokumen berbeda dari yang ditandatangani"
check_contains "the page shows the hash of the text stored now" "$page" "$(printf 'Saya tidak netral.' | sha256sum | cut -d' ' -f1)"
E2="$T_DIR/p2.jar"
"$WASDAL_BIN" aktivasi terbitkan --kampanye "$KID" --nip "$P2" --db "$DB" >"$T_DIR/c2.csv" 2>/dev/null
C2=$(code_of "$T_DIR/c2.csv" "$P2")
activate "$P2" "$C2" rahasia-pegawai-2 >/dev/null
login "$E2" "$P2" rahasia-pegawai-2 >/dev/null
csrf_2=$(csrf_of "$E2" "/kampanye/$KID")
code=$(curl -s -o "$T_DIR/tamper.html" -w '%{http_code}' -b "$E2" --data-urlencode "csrf=$csrf_2" --data-urlencode setuju=1 "$BASE/kampanye/$KID/tandatangani")
check_eq "nobody can sign a tampered text (409)" "$code" 409
check_contains "the refusal explains the hash mismatch" "$(cat "$T_DIR/tamper.html")" "tidak cocok dengan sidik SHA-256"

# ---- the same through the JSON API (Bearer tokens), responses checked against openapi.yaml ----
here=$(cd "$(dirname "$0")" && pwd)
: >"$T_DIR/samples"
token() { "$WASDAL_BIN" user token "$1" "e2e-$RANDOM" --db "$DB" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1; }
api() { # token method path tmpl [json] -> STATUS, body in $T_DIR/api.N
	local tok=$1 m=$2 path=$3 tmpl=$4 body=${5:-}
	API_N=$((${API_N:-0} + 1)); local f="$T_DIR/api.$API_N"
	if [ -n "$body" ]; then
		STATUS=$(curl -s -o "$f" -w '%{http_code}' -X "$m" -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' --data "$body" "$BASE$path")
	else
		STATUS=$(curl -s -o "$f" -w '%{http_code}' -X "$m" ${tok:+-H "Authorization: Bearer $tok"} "$BASE$path")
	fi
	echo "$m $tmpl $STATUS $f" >>"$T_DIR/samples"
	API_BODY=$(cat "$f")
}
TB=$(token bkpsdm.banyumas)
api "$TB" POST /api/v1/kampanye/templat /api/v1/kampanye/templat '{"kode":"api-pakta","jenis":"pakta_integritas","judul":"Pakta API","teks":"Saya berintegritas."}'
check_eq "API: a template is created (201)" "$STATUS" 201
ATID=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <<<"$API_BODY")
api "$TB" POST /api/v1/kampanye/templat /api/v1/kampanye/templat '{"kode":"api-pakta","jenis":"pakta_integritas","judul":"Pakta API","teks":"x","gaji":1}'
check_eq "API: an unknown key is a 400" "$STATUS" 400
api "$TB" GET /api/v1/kampanye/templat /api/v1/kampanye/templat
check_contains "API: the template list has it" "$API_BODY" '"kode":"api-pakta"'
api "$TB" GET "/api/v1/kampanye/templat/$ATID" "/api/v1/kampanye/templat/{id}"
check_eq "API: one template with its text" "$STATUS" 200
api "$TB" POST /api/v1/kampanye /api/v1/kampanye "{\"templat_id\":$ATID,\"nama\":\"Pakta API\",\"periode\":\"Pemilu 2024\",\"tenggat\":\"2030-01-31\",\"cakupan\":\"nip\",\"nip\":[\"$P1\"]}"
check_eq "API: a campaign is opened (201)" "$STATUS" 201
AKID=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["kampanye"]["id"])' <<<"$API_BODY")
api "$TB" GET /api/v1/kampanye /api/v1/kampanye
check_contains "API: the campaign list has it" "$API_BODY" '"nama":"Pakta API"'
TE=$(token "$P1")
api "$TE" POST "/api/v1/kampanye/$AKID/tanda-tangan" "/api/v1/kampanye/{id}/tanda-tangan"
check_eq "API: the employee signs (201)" "$STATUS" 201
ACODE=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["kode_verifikasi"])' <<<"$API_BODY")
api "$TE" POST "/api/v1/kampanye/$AKID/tanda-tangan" "/api/v1/kampanye/{id}/tanda-tangan"
check_eq "API: signing again returns the same signature (200)" "$STATUS:$(python3 -c 'import json,sys; print(json.load(sys.stdin)["kode_verifikasi"])' <<<"$API_BODY")" "200:$ACODE"
TA=$(token asn.banyumas)
api "$TA" POST "/api/v1/kampanye/$AKID/tanda-tangan" "/api/v1/kampanye/{id}/tanda-tangan"
check_eq "API: a NIP outside the scope is refused (403)" "$STATUS" 403
api "$TB" GET "/api/v1/kampanye/$AKID" "/api/v1/kampanye/{id}"
check_contains "API: progress 1 of 1" "$API_BODY" '"jumlah":1,"sudah":1,"permil":1000'
api "" GET "/api/v1/verifikasi/$ACODE" "/api/v1/verifikasi/{kode}"
check_contains "API: verification says genuine" "$API_BODY" '"status":"asli","sah":true'
api "" GET "/api/v1/verifikasi/0000000000" "/api/v1/verifikasi/{kode}"
check_eq "API: a forged code is a 404" "$STATUS" 404
api "$TB" POST /api/v1/aktivasi/terbitkan /api/v1/aktivasi/terbitkan "{\"kampanye_id\":$AKID}"
check_eq "API: codes issued (201)" "$STATUS" 201
ACODE1=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["kode_aktivasi"])' <<<"$API_BODY")
api "" POST /api/v1/aktivasi /api/v1/aktivasi "{\"nip\":\"$P1\",\"kode\":\"$ACODE1\",\"password\":\"rahasia-pegawai-3\"}"
check_eq "API: activation with the code (200)" "$STATUS" 200
api "" POST /api/v1/aktivasi /api/v1/aktivasi "{\"nip\":\"$P1\",\"kode\":\"$ACODE1\",\"password\":\"rahasia-pegawai-4\"}"
check_eq "API: the code is spent (401)" "$STATUS" 401
check_eq "the new password works" "$(login "$T_DIR/p1b.jar" "$P1" rahasia-pegawai-3)" 303
out=$(python3 "$here/check_openapi.py" samples "$T_DIR/samples" 2>&1); rc=$?
ok $rc "API responses match openapi.yaml ($(wc -l <"$T_DIR/samples") samples)"
[ $rc = 0 ] || echo "$out" | sed 's/^/#   /'

# ---- deadline reminders through the outbox ----
# The NIP-list campaign ($KID, deadline 2030-12-31) has one employee left.
"$WASDAL_BIN" webhook tambah "http://127.0.0.1:9/hook" --events 'kampanye.*' --secret 0123456789abcdef0123 --db "$DB" >/dev/null 2>&1
ok $? "a webhook subscribes to kampanye.*"
sqlite3 "$dbf" "update users set email='bkpsdm@banyumas.example' where username='bkpsdm.banyumas'"
"$WASDAL_BIN" outbox pindai --hari 2030-12-20 --db "$DB" >/dev/null 2>&1
check_eq "eleven days before: no reminder yet" "$(sqlite3 "$dbf" "select count(*) from outbox where event like 'kampanye.%'")" 0
"$WASDAL_BIN" outbox pindai --hari 2030-12-26 --db "$DB" >/dev/null 2>&1
ok $? "outbox pindai runs the campaign scan"
check_eq "five days before: one reminder by webhook and one by e-mail to the BKPSDM" \
	"$(sqlite3 "$dbf" "select group_concat(kind, ',') from (select kind from outbox where event='kampanye.pengingat' order by kind)")" "email,webhook"
body=$(sqlite3 "$dbf" "select body from outbox where event='kampanye.pengingat' and kind='webhook'")
check_contains "the reminder counts who has not signed" "$body" '"jumlah":2,"sudah":1,"belum":1'
check_contains "the reminder points to the not-signed list" "$body" "/kampanye/$KID/belum.csv"
mail=$(sqlite3 "$dbf" "select subject || body from outbox where event='kampanye.pengingat' and kind='email'")
check_contains "the e-mail goes to the BKPSDM address" "$(sqlite3 "$dbf" "select destination from outbox where event='kampanye.pengingat' and kind='email'")" "bkpsdm@banyumas.example"
check_not_contains "the e-mail names no employee" "$mail" "$P2"
"$WASDAL_BIN" outbox pindai --hari 2030-12-27 --db "$DB" >/dev/null 2>&1
check_eq "a second scan in the same window sends nothing new" "$(sqlite3 "$dbf" "select count(*) from outbox where event like 'kampanye.%'")" 2
"$WASDAL_BIN" outbox pindai --hari 2030-12-31 --db "$DB" >/dev/null 2>&1
check_eq "the last day brings the one-day reminder" "$(sqlite3 "$dbf" "select count(*) from outbox where event='kampanye.pengingat'")" 4
"$WASDAL_BIN" outbox pindai --hari 2031-01-03 --db "$DB" >/dev/null 2>&1
check_eq "after the deadline: an overdue notice" "$(sqlite3 "$dbf" "select count(*) from outbox where event='kampanye.terlambat' and kind='webhook'")" 1

# ---- rate limit of verification lookups (last: it blocks this client) ----
# 30 a minute in fixed windows: 65 lookups within two windows put more than
# 30 into one of them, wherever the window boundary falls.
seen=
for _ in $(seq 1 65); do last=$(status "$N" "/verifikasi/$VC"); [ "$last" = 429 ] && seen=429; done
last=${seen:-$last}
check_eq "verification lookups are rate-limited per client (429)" "$last" 429
check_eq "rate-limit keys of lookups and activations never hold the address or the NIP" \
	"$(sqlite3 "$dbf" "select count(*) from rate_limits where (key like 'verifikasi:%' or key like 'aktivasi%') and (key like '%127.0.0.1%' or key like '%$P1%')")" 0
check "the lookups were counted under hashed keys" test "$(sqlite3 "$dbf" "select count(*) from rate_limits where key like 'verifikasi:%'")" -gt 0
stop_server
check_eq "server stops cleanly" "$STOP_RC" 0
tap_done
