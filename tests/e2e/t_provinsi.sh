#!/usr/bin/env bash
# Scope isolation between two provinces (issue 3: "a Bawaslu account of one
# province unable to see another's cases"), over the web pages and the
# API, on the demo seed's two provinces: Jawa Tengah (33) and DI Yogyakarta
# (34, Kota Yogyakarta 3471). For each pair of accounts -- the two
# provincial Bawaslu, a PPK and a BKPSDM of a kab/kota in each province --
# a case of the other province is absent from every queue, every export
# (CSV and XLSX unzipped) and the dashboard, and opening, moving, tagging,
# noting, extending, assigning or writing to its reporter answers exactly
# like a case that does not exist (no existence leak); the account still
# sees and works its own cases.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
F="$T_DIR/p.db"
DB="sqlite:$F"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
W seed demo >"$T_DIR/seed.out" 2>&1; ok $? "seed demo"
pw() { awk -v u="$1" '$1 == u { print $2; exit }' "$T_DIR/seed.out"; }
for u in bawaslu.diy ppk.yogyakarta bkpsdm.yogyakarta; do
	check "the demo prints the second province's account $u" test -n "$(pw $u)"
done
q() { sqlite3 "$F" "$1"; }
check_eq "province 34 is under the national root" \
	"$(q "SELECT p.kode FROM instansi i JOIN instansi p ON p.id = i.parent_id WHERE i.kode = '34'")" NASIONAL
token_for() { W user token "$1" "e2e-$RANDOM" 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1; }
declare -A TOK
for u in bkn bawaslu.jateng bawaslu.diy ppk.semarang ppk.yogyakarta bkpsdm.banyumas bkpsdm.yogyakarta; do
	TOK[$u]=$(token_for "$u")
done
check "API tokens for the six accounts" test -n "${TOK[bawaslu.diy]}" -a -n "${TOK[bkpsdm.yogyakarta]}" \
	-a -n "${TOK[ppk.semarang]}"

start_server "$DB"; ok $? "server starts"
api() { # METHOD PATH TOKEN [JSON]: sets STATUS and BODY
	local m=$1 p=$2 tok=$3 body=${4:-}
	local args=(-s -o "$T_DIR/body" -w '%{http_code}' -X "$m" -H "Authorization: Bearer $tok")
	[ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
	STATUS=$(curl "${args[@]}" "$BASE$p")
	BODY=$(cat "$T_DIR/body")
}
# Cases by province and kab/kota, as the database has them.
cases_in() { # instansi path prefix of kode
	q "SELECT k.nomor FROM kasus k JOIN instansi i ON i.id = k.instansi_id
	   WHERE i.path LIKE (SELECT path FROM instansi WHERE kode = '$1') || '%' ORDER BY k.nomor"
}
DIY=$(cases_in 34) JATENG=$(cases_in 33)
check "the demo has cases in DI Yogyakarta" test "$(echo "$DIY" | wc -w)" -ge 2
KD=$(q "SELECT k.nomor FROM kasus k JOIN instansi i ON i.id = k.instansi_id WHERE i.kode = '3471'
	AND k.tahap = 'kajian_bawaslu' LIMIT 1")
KJ=$(q "SELECT k.nomor FROM kasus k JOIN instansi i ON i.id = k.instansi_id WHERE i.path LIKE
	(SELECT path FROM instansi WHERE kode = '33') || '%' AND k.tahap = 'kajian_bawaslu' LIMIT 1")
KSMG=$(cases_in 3374 | head -1) KBMS=$(cases_in 3302 | head -1) KYK=$(cases_in 3471 | head -1)
check "one case at Bawaslu's study in each province ($KD, $KJ)" test -n "$KD" -a -n "$KJ"
check "cases in Kota Semarang, Banyumas and Kota Yogyakarta" test -n "$KSMG" -a -n "$KBMS" -a -n "$KYK"
NONE=NTR-2026-999999

# The body of an answer with the case number replaced, so a hidden case
# and a missing one can be compared byte for byte.
norm() { sed "s/$1/NOMOR/g" "$T_DIR/body"; }

# api_hidden USER NOMOR: every API way to reach a case answers as for a
# case that does not exist.
api_hidden() {
	local u=$1 n=$2 tok=${TOK[$1]} m p b
	while read -r m p b; do
		api "$m" "${p//@/$NONE}" "$tok" "$b"; local s0=$STATUS b0; b0=$(norm "$NONE")
		api "$m" "${p//@/$n}" "$tok" "$b"
		# 404, or the role's own 403 given for any case alike (a PPK may
		# not assign anyone), never anything that differs from a missing case
		if [ "$STATUS" = 404 -o "$STATUS" = 403 ] && [ "$STATUS" = "$s0" ] && [ "$(norm "$n")" = "$b0" ]; then
			ok 0 "$u: $m ${p//@/$n} answers $STATUS like a missing case"
		else
			ok 1 "$u: $m ${p//@/$n} answers like a missing case"
			echo "#   got $STATUS $(norm "$n" | head -c 200)"; echo "#   missing case: $s0 ${b0:0:200}"
		fi
	done <<-EOF
	GET /api/v1/kasus/@
	POST /api/v1/kasus/@/pindah {"ke":"rekomendasi_bkn","isian":{"hasil_kajian":"x","jenis_pelanggaran":"KE-4"}}
	POST /api/v1/kasus/@/tag {"tag":"bocor"}
	POST /api/v1/kasus/@/catatan {"teks":"catatan dari luar cakupan"}
	POST /api/v1/kasus/@/perpanjang {"alasan":"x"}
	POST /api/v1/kasus/@/tugaskan {"petugas":"bkn"}
	GET /api/v1/laporan/@
	POST /api/v1/laporan/@/pesan {"isi":"pesan dari luar cakupan"}
	GET /api/v1/laporan/@/bukti/1
	EOF
}

# web_hidden USER JAR NOMOR OWN: the same through the pages.
web_hidden() {
	local u=$1 jar=$2 n=$3 own=$4 csrf
	csrf=$(csrf_of "$jar" "/kasus/$own")
	curl -s -o "$T_DIR/body" -b "$jar" "$BASE/kasus/$NONE"; local b0; b0=$(norm "$NONE")
	st=$(curl -s -o "$T_DIR/body" -w '%{http_code}' -b "$jar" "$BASE/kasus/$n")
	if [ "$st" = 404 ] && [ "$(norm "$n")" = "$b0" ]; then ok 0 "$u: page /kasus/$n is the missing-case 404"
	else ok 1 "$u: page /kasus/$n is the missing-case 404"; echo "#   got $st"; fi
	local act s1 s2
	wpost() { # JAR URL ARGS...: status of a POST with the CSRF token
		local j=$1 url=$2; shift 2
		curl -s -o /dev/null -w '%{http_code}' -b "$j" "$@" "$url"
	}
	for act in pindah tag catatan perpanjang tugaskan pesan; do
		local args=()
		case $act in
		pindah) args=(-F "csrf=$csrf" -F ke=rekomendasi_bkn -F hasil_kajian=x -F jenis_pelanggaran=KE-4) ;;
		tag) args=(--data-urlencode "csrf=$csrf" --data-urlencode tag=bocor) ;;
		catatan) args=(--data-urlencode "csrf=$csrf" --data-urlencode teks=luar) ;;
		perpanjang) args=(--data-urlencode "csrf=$csrf" --data-urlencode alasan=x) ;;
		tugaskan) args=(--data-urlencode "csrf=$csrf" --data-urlencode petugas=bkn) ;;
		pesan) args=(--data-urlencode "csrf=$csrf" --data-urlencode isi=luar) ;;
		esac
		s1=$(wpost "$jar" "$BASE/kasus/$NONE/$act" "${args[@]}")
		s2=$(wpost "$jar" "$BASE/kasus/$n/$act" "${args[@]}")
		if [ "$s2" = 404 -o "$s2" = 403 ] && [ "$s1" = "$s2" ]; then
			ok 0 "$u: POST /kasus/$n/$act answers $s2 like a missing case"
		else ok 1 "$u: POST /kasus/$n/$act answers like a missing case"; echo "#   got $s2, missing case $s1"; fi
	done
}

# lists_without USER JAR OTHER-CASES OWN-CASE: every queue (API and page)
# and every export lists none of the other province's cases, and the
# "semua" queue lists the account's own case.
lists_without() {
	local u=$1 jar=$2 others=$3 own=$4 a all="" n
	for a in saya terlambat segera ditugaskan semua; do
		api GET "/api/v1/kasus?antrian=$a&limit=1000" "${TOK[$u]}"
		all+="$BODY"
		all+=$(curl -s -b "$jar" "$BASE/kasus?antrian=$a")
	done
	# the exports of 'semua', the widest queue (the others are narrower
	# filters inside the same scope)
	all+=$(curl -s -b "$jar" "$BASE/kasus/ekspor.csv?antrian=semua")
	curl -s -o "$T_DIR/k.xlsx" -b "$jar" "$BASE/kasus/ekspor.xlsx?antrian=semua"
	all+=$(unzip -p "$T_DIR/k.xlsx" 2>/dev/null)
	check_contains "$u: the XLSX export has its own case" "$(unzip -p "$T_DIR/k.xlsx" 2>/dev/null)" "$own"
	local leaked=""
	for n in $others; do case "$all" in *"$n"*) leaked+=" $n" ;; esac; done
	check_eq "$u: no case of the other province in any queue or case export" "$leaked" ""
	api GET "/api/v1/kasus?antrian=semua" "${TOK[$u]}"
	check_contains "$u: its own case $own is listed (API)" "$BODY" "$own"
	check_contains "$u: and on the page" "$(curl -s -b "$jar" "$BASE/kasus?antrian=semua")" "$own"
	check_contains "$u: and in the CSV export" "$(curl -s -b "$jar" "$BASE/kasus/ekspor.csv?antrian=semua")" "$own"
	api GET "/api/v1/kasus/$own" "${TOK[$u]}"
	check_eq "$u: opens its own case" "$STATUS" 200
}

# dash_without USER JAR OTHER-NAME OTHER-PROVINCE-ID: the dashboard and each
# of its exports never name the other province's instansi, and asking for
# that region is 404.
dash_without() {
	local u=$1 jar=$2 name=$3 pid=$4 t all
	all=$(curl -s -b "$jar" "$BASE/dasbor")
	for t in tahap peran median durasi pelanggaran wilayah instansi sanksi; do
		all+=$(curl -s -b "$jar" "$BASE/dasbor/ekspor/$t.csv")
	done
	for t in wilayah instansi; do # the tables that name places, also as XLSX
		curl -s -o "$T_DIR/d.xlsx" -b "$jar" "$BASE/dasbor/ekspor/$t.xlsx"
		all+=$(unzip -p "$T_DIR/d.xlsx" 2>/dev/null)
	done
	check_not_contains "$u: dashboard and its exports never name $name" "$all" "$name"
	check_eq "$u: asking the dashboard for the other province is 404" \
		"$(status "$jar" "/dasbor?wilayah=$pid")" 404
}

id_of() { q "SELECT id FROM instansi WHERE kode = '$1'"; }
declare -A JAR
for u in bawaslu.jateng bawaslu.diy ppk.semarang ppk.yogyakarta bkpsdm.banyumas bkpsdm.yogyakarta; do
	JAR[$u]="$T_DIR/$u.jar"
	check_eq "$u logs in" "$(login "${JAR[$u]}" "$u" "$(pw "$u")")" 303
done

# ---- the two provincial Bawaslu ----
lists_without bawaslu.jateng "${JAR[bawaslu.jateng]}" "$DIY" "$KJ"
lists_without bawaslu.diy "${JAR[bawaslu.diy]}" "$JATENG" "$KD"
for n in $DIY; do api_hidden bawaslu.jateng "$n"; done
api_hidden bawaslu.diy "$KJ"
web_hidden bawaslu.jateng "${JAR[bawaslu.jateng]}" "$KD" "$KJ"
web_hidden bawaslu.diy "${JAR[bawaslu.diy]}" "$KJ" "$KD"
dash_without bawaslu.jateng "${JAR[bawaslu.jateng]}" Yogyakarta "$(id_of 34)"
dash_without bawaslu.diy "${JAR[bawaslu.diy]}" "Jawa Tengah" "$(id_of 33)"
dash_without bawaslu.diy "${JAR[bawaslu.diy]}" "Semarang" "$(id_of 3374)"
page=$(curl -s -b "${JAR[bawaslu.diy]}" "$BASE/dasbor")
total=$(printf '%s' "$page" | grep -o '<dd id="jumlah-kasus">[0-9]*' | grep -o '[0-9]*$')
check_eq "bawaslu.diy: the dashboard counts its province's cases" "$total" "$(echo "$DIY" | wc -w)"
check_contains "bawaslu.diy: its instansi row is there" "$(curl -s -b "${JAR[bawaslu.diy]}" \
	"$BASE/dasbor/ekspor/instansi.csv")" "Kota Yogyakarta"
api GET "/api/v1/kasus?antrian=saya" "${TOK[bawaslu.diy]}"
check_contains "bawaslu.diy: the DIY study case waits for it" "$BODY" "$KD"
check_not_contains "bawaslu.jateng: not for it" "$(api GET '/api/v1/kasus?antrian=saya' \
	"${TOK[bawaslu.jateng]}"; echo "$BODY")" "$KD"
api POST "/api/v1/kasus/$KD/pindah" "${TOK[bawaslu.diy]}" \
	'{"ke":"rekomendasi_bkn","isian":{"hasil_kajian":"Terbukti","jenis_pelanggaran":"KE-4"}}'
check_eq "bawaslu.diy moves its own case" "$STATUS" 200
api POST "/api/v1/kasus/$KD/tag" "${TOK[bawaslu.diy]}" '{"tag":"diy"}'
check_eq "bawaslu.diy tags its own case" "$STATUS" 200
check_eq "nothing written by the refused requests: one step, one tag on $KD" \
	"$(q "SELECT (SELECT count(*) FROM kasus_langkah l JOIN kasus k ON k.id = l.kasus_id WHERE k.nomor = '$KD'
	   AND l.aktor = 'bawaslu.jateng') || ',' || (SELECT count(*) FROM kasus_tag t JOIN kasus k ON k.id = t.kasus_id
	   WHERE k.nomor = '$KD') || ',' || (SELECT count(*) FROM kasus_catatan c JOIN kasus k ON k.id = c.kasus_id
	   WHERE k.nomor = '$KD')")" "0,1,0"

# ---- PPK and BKPSDM of a kab/kota in each province ----
lists_without ppk.semarang "${JAR[ppk.semarang]}" "$DIY" "$KSMG"
lists_without ppk.yogyakarta "${JAR[ppk.yogyakarta]}" "$JATENG" "$KYK"
lists_without bkpsdm.banyumas "${JAR[bkpsdm.banyumas]}" "$DIY" "$KBMS"
lists_without bkpsdm.yogyakarta "${JAR[bkpsdm.yogyakarta]}" "$JATENG" "$KYK"
api_hidden ppk.semarang "$KYK"
api_hidden ppk.yogyakarta "$KSMG"
api_hidden bkpsdm.banyumas "$KYK"
api_hidden bkpsdm.yogyakarta "$KBMS"
web_hidden ppk.yogyakarta "${JAR[ppk.yogyakarta]}" "$KSMG" "$KYK"
web_hidden bkpsdm.banyumas "${JAR[bkpsdm.banyumas]}" "$KYK" "$KBMS"
dash_without ppk.semarang "${JAR[ppk.semarang]}" Yogyakarta "$(id_of 3471)"
dash_without ppk.yogyakarta "${JAR[ppk.yogyakarta]}" Semarang "$(id_of 3374)"
dash_without bkpsdm.banyumas "${JAR[bkpsdm.banyumas]}" Yogyakarta "$(id_of 34)"
dash_without bkpsdm.yogyakarta "${JAR[bkpsdm.yogyakarta]}" Banyumas "$(id_of 3302)"

# ---- the national view still sees both ----
api GET "/api/v1/kasus?antrian=semua&limit=1000" "${TOK[bkn]}"
check_contains "bkn sees the DIY case" "$BODY" "$KD"
check_contains "and the Jawa Tengah one" "$BODY" "$KJ"
stop_server
W audit verify >/dev/null 2>&1; check_eq "the audit chain verifies" $? 0
tap_done
