#!/usr/bin/env bash
# The pages over loopback with the demo data: home per role, employee list
# (search, filters, pagination, counts, export), detail, edit (validation,
# CSRF), import (multipart, strict and partial), audit view and verify,
# and scope: a kab/kota BKPSDM account never reaches another kab/kota's
# employee, on any page or POST.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
. "$(dirname "$0")/demo_accounts.sh"

DB="sqlite:$T_DIR/w.db"
demo_setup "$DB"
start_server "$DB"; ok $? "server starts"

A="$T_DIR/admin.jar" K="$T_DIR/bkpsdm.jar" U="$T_DIR/auditor.jar"
check_eq "admin logs in" "$(login "$A" "$DEMO_ADMIN" "$DEMO_ADMIN_PASSWORD")" 303
check_eq "bkpsdm (kab/kota A) logs in" "$(login "$K" "$DEMO_BKPSDM_A" "$DEMO_BKPSDM_A_PASSWORD")" 303
check_eq "auditor logs in" "$(login "$U" "$DEMO_AUDITOR" "$DEMO_AUDITOR_PASSWORD")" 303

# Home per role.
page=$(curl -s -b "$A" "$BASE/")
check_contains "admin home links the employee list" "$page" 'href="/pegawai"'
check_contains "admin home links import" "$page" 'href="/impor"'
check_contains "admin home links the audit view" "$page" 'href="/audit"'
page=$(curl -s -b "$K" "$BASE/")
check_contains "bkpsdm home links import" "$page" 'href="/impor"'
check_not_contains "bkpsdm home has no audit link" "$page" 'href="/audit"'
check_contains "bkpsdm home names its kab/kota" "$page" "Banyumas"

# List, search, filters, counts, export links.
page=$(curl -s -b "$A" "$BASE/pegawai")
check_contains "list shows a count" "$page" "pegawai ditemukan"
check_contains "list has an export CSV link" "$page" "/pegawai/ekspor.csv"
check_contains "list has an export XLSX link" "$page" "/pegawai/ekspor.xlsx"
page=$(curl -s -b "$A" "$BASE/pegawai?q=$DEMO_NIP_A")
check_contains "search by NIP finds the employee" "$page" "$DEMO_NIP_A"
check_contains "search by NIP: one result" "$page" "1 pegawai ditemukan"
q=$(printf '%s' "$DEMO_A_NAMA" | cut -d' ' -f1)
page=$(curl -s -b "$A" -G --data-urlencode "q=$q" "$BASE/pegawai")
check_contains "search by name finds the employee" "$page" "$DEMO_NIP_A"
page=$(curl -s -b "$A" -G --data-urlencode "q=$DEMO_NIP_A" --data-urlencode "golongan=$DEMO_A_GOLONGAN" \
	--data-urlencode "status=aktif" --data-urlencode "jenis_jabatan=$DEMO_A_JENIS_JABATAN" "$BASE/pegawai")
check_contains "filters keep a matching employee" "$page" "$DEMO_NIP_A"
check_contains "export link carries the active filters" "$page" "ekspor.csv?q=$DEMO_NIP_A&amp;golongan="
page=$(curl -s -b "$A" -G --data-urlencode "q=$DEMO_NIP_A" --data-urlencode "status=pensiun" "$BASE/pegawai")
check_contains "a filter that excludes gives no rows" "$page" "0 pegawai ditemukan"
check_eq "bad filter value is 400" "$(status "$A" '/pegawai?instansi=abc')" 400
check_eq "unknown filter is 400" "$(status "$A" '/pegawai?sort=nama')" 400
page=$(curl -s -b "$A" "$BASE/pegawai")
if printf '%s' "$page" | grep -q 'rel="next"'; then
	next=$(printf '%s' "$page" | grep -o 'rel="next" href="[^"]*"' | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')
	p2=$(curl -s -b "$A" "$BASE$next")
	first=$(printf '%s' "$page" | grep -o 'class="nip"><a href="/pegawai/[0-9]*' | head -1 | grep -o '[0-9]*$')
	check_not_contains "page 2 (keyset) starts after page 1" "$p2" "/pegawai/$first\""
fi
csv=$(curl -s -b "$A" "$BASE/pegawai/ekspor.csv?q=$DEMO_NIP_A")
check_contains "CSV export has the header" "$csv" "nip"
check_contains "CSV export has the employee" "$csv" "$DEMO_NIP_A"
h=$(curl -s -D - -o "$T_DIR/x.xlsx" -b "$A" "$BASE/pegawai/ekspor.xlsx?q=$DEMO_NIP_A")
check_contains "XLSX export is an attachment" "$h" 'attachment; filename="pegawai.xlsx"'
check "XLSX export is a zip file" sh -c "head -c 2 '$T_DIR/x.xlsx' | grep -q PK"

# Detail and edit.
page=$(curl -s -b "$A" "$BASE/pegawai/$DEMO_NIP_A")
check_contains "detail shows the name" "$page" "$DEMO_A_NAMA"
check_contains "detail shows blokir status" "$page" "Tidak diblokir"
check_contains "detail shows the history" "$page" "Riwayat perubahan"
check_eq "unknown NIP is 404" "$(status "$A" /pegawai/199001012015011999)" 404
check_eq "edit form opens" "$(status "$K" "/pegawai/$DEMO_NIP_A/ubah")" 200
form=$(curl -s -b "$K" "$BASE/pegawai/$DEMO_NIP_A/ubah")
check "edit form: the instansi select offers codes labelled 'Nama (KODE)', the employee's selected" \
	grep -Eq "<option value=\"$DEMO_A_INSTANSI_KODE\" selected>[^<]+ \($DEMO_A_INSTANSI_KODE\)</option>" <<<"$form"
tok=$(csrf_of "$K" "/pegawai/$DEMO_NIP_A/ubah")
edit() { # jar token nama golongan -> status
	curl -s -o "$T_DIR/edit.html" -w '%{http_code}' -b "$1" --data-urlencode "csrf=$2" \
		--data-urlencode "nama=$3" --data-urlencode "jenis_asn=$DEMO_A_JENIS_ASN" \
		--data-urlencode "golongan=$4" --data-urlencode "jenis_jabatan=$DEMO_A_JENIS_JABATAN" \
		--data-urlencode "jenjang=$DEMO_A_JENJANG" --data-urlencode "jabatan=$DEMO_A_JABATAN" \
		--data-urlencode "instansi_kode=$DEMO_A_INSTANSI_KODE" --data-urlencode "unit_kode=$DEMO_A_UNIT_KODE" \
		--data-urlencode "status=aktif" "$BASE/pegawai/$DEMO_NIP_A/ubah"
}
check_eq "edit without CSRF token is 403" "$(edit "$K" "" "X" "$DEMO_A_GOLONGAN")" 403
check_eq "edit with a bad golongan is 422" "$(edit "$K" "$tok" "Nama Baru" "IX/z")" 422
check "the field error is shown next to golongan" grep -q 'id="golongan-err"' "$T_DIR/edit.html"
check "the field is marked invalid" grep -q 'aria-invalid="true"' "$T_DIR/edit.html"
check_eq "a valid edit saves (303)" "$(edit "$K" "$tok" "Nama Baru <b>" "$DEMO_A_GOLONGAN")" 303
page=$(curl -s -b "$K" "$BASE/pegawai/$DEMO_NIP_A")
check_contains "the new name is shown, escaped" "$page" "Nama Baru &lt;b&gt;"
check_contains "the change is in the history" "$page" "update"

# Scope: the kab/kota A account never sees kab/kota B.
check_eq "scope: detail of B is 404" "$(status "$K" "/pegawai/$DEMO_NIP_B")" 404
check_eq "scope: edit form of B is 404" "$(status "$K" "/pegawai/$DEMO_NIP_B/ubah")" 404
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$K" --data-urlencode "csrf=$tok" \
	--data-urlencode "nama=Diambil Alih" "$BASE/pegawai/$DEMO_NIP_B/ubah")
case "$code" in 403|404) ok 0 "scope: edit POST for B is refused ($code)" ;; *) ok 1 "scope: edit POST for B is refused (got $code)" ;; esac
check_not_contains "scope: B is not in A's list" "$(curl -s -b "$K" "$BASE/pegawai?q=$DEMO_NIP_B")" "/pegawai/$DEMO_NIP_B\""
check_contains "scope: A's search for B finds nothing" "$(curl -s -b "$K" "$BASE/pegawai?q=$DEMO_NIP_B")" "0 pegawai ditemukan"
check_not_contains "scope: B is not in A's export" "$(curl -s -b "$K" "$BASE/pegawai/ekspor.csv")" "$DEMO_NIP_B"
check_contains "admin still sees B unchanged" "$(curl -s -b "$A" "$BASE/pegawai/$DEMO_NIP_B")" "$DEMO_B_NAMA"
check_eq "scope: bkpsdm cannot open the audit view (403)" "$(status "$K" /audit)" 403

# A blocked employee: the edit is refused with the recorded reason.
blocked=
for n in $("$WASDAL_BIN" export pegawai --db "$DB" 2>/dev/null | cut -d, -f1 | tail -n +2); do
	if curl -s -b "$A" "$BASE/pegawai/$n" | grep -q 'class="badge\|<td>Diblokir</td>'; then blocked=$n; break; fi
done
if [ -n "$blocked" ]; then
	page=$(curl -s -b "$A" "$BASE/pegawai/$blocked")
	check_contains "blocked employee: detail shows the reason" "$page" "Alasan blokir"
	check_eq "blocked employee: edit form refused (423)" "$(status "$A" "/pegawai/$blocked/ubah")" 423
	atok=$(csrf_of "$A" /)
	code=$(curl -s -o "$T_DIR/blk.html" -w '%{http_code}' -b "$A" --data-urlencode "csrf=$atok" \
		--data-urlencode "nama=Coba Ubah" "$BASE/pegawai/$blocked/ubah")
	check_eq "blocked employee: edit POST refused (423)" "$code" 423
	check "blocked employee: the refusal gives the reason" grep -q "diblokir dan tidak dapat diubah" "$T_DIR/blk.html"
else
	ok 1 "the demo data has a blocked employee"
fi

# Import: multipart upload, strict then partial, per-row error report.
ktok=$(csrf_of "$K" /impor)
DEMO_CSV_GOOD_NIP=199001012015011001
{
	echo "nip,nama,jenis_asn,golongan,jenis_jabatan,jenjang,jabatan,instansi_kode,unit_kode,unit_nama,status"
	echo "$DEMO_CSV_GOOD_NIP,Uji Impor Baik,PNS,III/a,pelaksana,,Pengadministrasi Umum,3302,,,aktif"
	echo "199002022015012002,Uji Impor Salah,PNS,IX/z,pelaksana,,Pengadministrasi Umum,3302,,,aktif"
} >"$T_DIR/imp.csv"
code=$(curl -s -o "$T_DIR/imp.html" -w '%{http_code}' -b "$K" -F "csrf=$ktok" -F "berkas=@$T_DIR/imp.csv;type=text/csv" "$BASE/impor")
check_eq "strict import with a bad row is 422" "$code" 422
check "strict import: nothing imported" grep -q "Tidak ada data yang diimpor" "$T_DIR/imp.html"
check "strict import: the error table names line 3" grep -q "<tr><td>3</td>" "$T_DIR/imp.html"
code=$(curl -s -o "$T_DIR/imp.html" -w '%{http_code}' -b "$K" -F "csrf=$ktok" -F partial=1 -F "berkas=@$T_DIR/imp.csv;type=text/csv" "$BASE/impor")
check_eq "partial import is 200" "$code" 200
check "partial import: saved" grep -q "Impor disimpan" "$T_DIR/imp.html"
check_contains "partial import: the good row is in" "$(curl -s -b "$K" "$BASE/pegawai?q=$DEMO_CSV_GOOD_NIP")" "$DEMO_CSV_GOOD_NIP"
check_eq "import without CSRF token is 403" \
	"$(status "$K" /impor -F "berkas=@$T_DIR/imp.csv;type=text/csv")" 403
check_eq "import with an undeclared file field is 400" \
	"$(status "$K" /impor -F "csrf=$ktok" -F "other=@$T_DIR/imp.csv")" 400
code=$(curl -s -o "$T_DIR/imp.html" -w '%{http_code}' -b "$K" -F "csrf=$ktok" -F partial=1 "$BASE/impor")
check_eq "import without a file is 400" "$code" 400
check "import without a file: says so" grep -q 'Pilih berkas CSV terlebih dahulu' "$T_DIR/imp.html"
check "import without a file: the form again" grep -q 'action="/impor"' "$T_DIR/imp.html"

# Audit view and verify.
page=$(curl -s -b "$U" "$BASE/audit")
check_contains "audit view shows the head hash" "$page" 'id="head-hash"'
check_contains "audit view lists records (newest: this login)" "$page" "<td>auditor</td><td>login</td>"
check_contains "audit view pages to older records" "$page" "sebelum="
page=$(curl -s -b "$U" "$BASE/audit?verifikasi=1")
check_contains "verify button: chain intact" "$page" "Rantai utuh"

# Error pages are pages.
page=$(curl -s -b "$A" "$BASE/tidak-ada")
check_contains "404 page is in the layout" "$page" 'class="skip"'
check_contains "404 page has a way home" "$page" 'href="/"'

stop_server; check_eq "server stops cleanly" "$STOP_RC" 0
tap_done
