#!/usr/bin/env bash
# Attachments on the API transition: POST /api/v1/kasus/{nomor}/pindah
# takes multipart/form-data (ke, the fields, files "lampiran") with the
# same rules as the web form: type sniffed from the bytes (a disguised file
# is refused), image metadata stripped, at most 4 files, stored by SHA-256
# and listed in the history; a refused transition leaves no file behind;
# JSON keeps working and stays capped at 64 KiB.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
F="$T_DIR/l.db"
DB="sqlite:$F"
FILES="$T_DIR/berkas"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
W seed demo >/dev/null 2>&1; ok $? "seed demo"
token_for() { W user token "$1" "e2e-$RANDOM" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1; }
T_BAW=$(token_for bawaslu.jateng)
T_BKN=$(token_for bkn)
N=$(sqlite3 "$F" "SELECT k.nomor FROM kasus k JOIN instansi i ON i.id = k.instansi_id WHERE k.tahap = 'kajian_bawaslu'
	AND i.path LIKE (SELECT path FROM instansi WHERE kode = '33') || '%' LIMIT 1")
check "a Jawa Tengah case at Bawaslu's study ($N)" test -n "$N"
start_server "$DB" --files "$FILES"; ok $? "server starts"
python3 "$(dirname "$0")/exif_jpeg.py" "$T_DIR/foto.jpg" GPS-PENANDA-BAP-7.80-110.36
python3 - "$T_DIR" <<'EOF'
import sys
d = sys.argv[1]
open(d + '/palsu.pdf', 'wb').write(b'<html><script>alert(1)</script></html>')
for i in range(5):
    open(d + '/bap%d.pdf' % i, 'wb').write(b'%%PDF-1.4\n%% BAP %d\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' % i)
EOF
mp() { # TOKEN NOMOR curl-form-args...: sets STATUS and BODY
	local tok=$1 n=$2; shift 2
	STATUS=$(curl -s -o "$T_DIR/body" -w '%{http_code}' -H "Authorization: Bearer $tok" "$@" \
		"$BASE/api/v1/kasus/$n/pindah")
	BODY=$(cat "$T_DIR/body")
}
js() { python3 -c 'import json,sys; d=json.load(sys.stdin); v=eval(sys.argv[1]); print(json.dumps(v) if isinstance(v,(dict,list,bool)) or v is None else v)' "$1" <<<"$BODY" 2>/dev/null; }
nfiles() { ls "$FILES" 2>/dev/null | wc -l; }
REK=(-F ke=rekomendasi_bkn -F "hasil_kajian=Terbukti mengunggah ajakan" -F jenis_pelanggaran=KE-2)

f0=$(nfiles)
mp "$T_BAW" "$N" "${REK[@]}" -F "lampiran=@$T_DIR/palsu.pdf;type=application/pdf"
check_eq "a disguised attachment is refused (400)" "$STATUS" 400
check_eq "on the field lampiran" "$(js 'd["error"]["fields"][0]["field"]')" lampiran
cp "$T_DIR/body" "$T_DIR/s400.json"
args=("${REK[@]}"); for i in 0 1 2 3 4; do args+=(-F "lampiran=@$T_DIR/bap$i.pdf"); done
mp "$T_BAW" "$N" "${args[@]}"
check_eq "five attachments are refused (400)" "$STATUS" 400
check_contains "saying at most 4" "$BODY" "paling banyak 4 lampiran"
mp "$T_BAW" "$N" -F ke=rekomendasi_bkn -F "hasil_kajian=Terbukti" -F "lampiran=@$T_DIR/bap0.pdf"
check_eq "a missing required field is 400" "$STATUS" 400
check_eq "naming it" "$(js 'd["error"]["fields"][0]["field"]')" jenis_pelanggaran
check_eq "no file stayed behind from the refused transitions" "$(nfiles)" "$f0"
check_eq "the case has not moved" "$(sqlite3 "$F" "SELECT tahap FROM kasus WHERE nomor = '$N'")" kajian_bawaslu

mp "$T_BAW" "$N" "${REK[@]}" -F "lampiran=@$T_DIR/bap0.pdf;filename=BAP-klarifikasi.pdf" \
	-F "lampiran=@$T_DIR/foto.jpg;filename=foto-lokasi.jpg"
check_eq "the transition with two attachments by multipart is saved (200)" "$STATUS" 200
check_eq "the case moved" "$(js 'd["tahap"]')" rekomendasi_bkn
cp "$T_DIR/body" "$T_DIR/s200.json"
curl -s -o "$T_DIR/body" -H "Authorization: Bearer $T_BKN" "$BASE/api/v1/kasus/$N"; BODY=$(cat "$T_DIR/body")
check_eq "both attachments are in the history" "$(js '[l["nama"] for l in d["riwayat"][-1]["lampiran"]]')" \
	'["BAP-klarifikasi.pdf", "foto-lokasi.jpg"]'
check_eq "typed by content" "$(js '[l["mime"] for l in d["riwayat"][-1]["lampiran"]]')" \
	'["application/pdf", "image/jpeg"]'
check_eq "two files stored" "$(nfiles)" $((f0 + 2))
check "the PDF stored under its SHA-256" test -e "$FILES/$(sha256sum "$T_DIR/bap0.pdf" | cut -c1-64)"
check_eq "the photo's location marker was stripped" "$(cat "$FILES"/* | grep -c GPS-PENANDA-BAP)" 0

# JSON still works, and stays small
mp "$T_BKN" "$N" -H 'Content-Type: application/json' \
	--data-binary '{"ke":"tindak_lanjut_ppk","isian":{"jenis_pelanggaran":"KE-2","tingkat_sanksi":"moral","nomor_rekomendasi":"R-9/2026"}}'
check_eq "a JSON transition still works" "$STATUS" 200
big=$(python3 -c 'print("{\"ke\":\"selesai\",\"isian\":{\"alasan\":\"" + "x" * 70000 + "\"}}")')
mp "$T_BKN" "$N" -H 'Content-Type: application/json' --data-binary "$big"
check_eq "a JSON body over 64 KiB is 413" "$STATUS" 413
printf 'POST /api/v1/kasus/{nomor}/pindah 200 %s\nPOST /api/v1/kasus/{nomor}/pindah 400 %s\n' \
	"$T_DIR/s200.json" "$T_DIR/s400.json" >"$T_DIR/samples"
out=$(python3 "$here/check_openapi.py" samples "$T_DIR/samples" 2>&1)
ok $? "responses match docs/openapi.yaml"; [ -n "$out" ] && echo "$out" | sed 's/^/#   /'
stop_server
W audit verify >/dev/null 2>&1; check_eq "the audit chain verifies" $? 0
tap_done
