#!/usr/bin/env bash
# Integrity over loopback with the demo data: the public BerAKHLAK pages
# (meeting screen, ceremony text), no login, no JavaScript needed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
. "$(dirname "$0")/demo_accounts.sh"

DB="sqlite:$T_DIR/w.db"
demo_setup "$DB"
start_server "$DB"; ok $? "server starts"
N="$T_DIR/nobody.jar"; : >"$N"

# ---- BerAKHLAK meeting screen ----
page=$(curl -s -G --data-urlencode "instansi=3302" --data-urlencode "judul=Rapat Koordinasi <Q4>" "$BASE/berakhlak/layar")
check_eq "layar is public (200 without login)" "$(status "$N" '/berakhlak/layar')" 200
check_contains "layar names the instansi" "$page" "Pemerintah Kabupaten Banyumas"
check_contains "layar shows the meeting title, escaped" "$page" "Rapat Koordinasi &lt;Q4&gt;"
for v in "Berorientasi Pelayanan" "Akuntabel" "Kompeten" "Harmonis" "Loyal" "Adaptif" "Kolaboratif"; do
	check_contains "layar shows $v" "$page" "<span class=\"nama\">$v</span>"
done
check_contains "layar shows an indicator from the data file" "$page" "Melakukan perbaikan tiada henti"
check_eq "layar has seven value slides" "$(printf '%s' "$page" | grep -o 'class="slide nilai"' | wc -l)" 7
check_eq "layar has exactly one h1" "$(printf '%s' "$page" | grep -o '<h1' | wc -l)" 1
check_contains "layar slides link by anchor (no JS needed)" "$page" 'rel="next" class="next" href="#nilai-1"'
check_not_contains "layar has no inline script" "$page" "<script>"
check_not_contains "layar has no external asset" "$page" "https://"
check_contains "layar loads its script from /static" "$page" 'src="/static/layar.js"'
page=$(curl -s "$BASE/berakhlak/layar?instansi=3302&nilai=3")
check_contains "one value per page: nilai=3 is Kompeten" "$page" '<span class="nama">Kompeten</span></h1>'
check_contains "one value per page: a previous link" "$page" 'rel="prev" class="prev" href="/berakhlak/layar?instansi=3302&amp;nilai=2"'
check_contains "one value per page: a next link" "$page" 'rel="next" class="next" href="/berakhlak/layar?instansi=3302&amp;nilai=4"'
check_not_contains "one value per page: only that value" "$page" "Harmonis"
page=$(curl -s "$BASE/berakhlak/layar?nilai=7")
check_not_contains "the last value has no next link" "$page" 'rel="next"'
check_eq "nilai beyond the last is 404" "$(status "$N" '/berakhlak/layar?nilai=8')" 404
check_eq "unknown instansi is 404" "$(status "$N" '/berakhlak/layar?instansi=0000')" 404
check_eq "a bad instansi code is 400" "$(status "$N" '/berakhlak/layar?instansi=a%20b')" 400
check_eq "an unknown parameter is 400" "$(status "$N" '/berakhlak/layar?x=1')" 400
page=$(curl -s "$BASE/berakhlak/layar?putar=1")
check_contains "putar=1 asks the script to cycle" "$page" 'data-putar="20"'
page=$(curl -s "$BASE/berakhlak/layar?instansi=3302&lang=en")
check_contains "English switch: English chrome" "$page" "Value 1 of 7"
check_contains "English switch: the link back keeps the query" "$page" 'href="/berakhlak/layar?instansi=3302&amp;lang=id"'
css=$(curl -s "$BASE/static/layar.css")
check_contains "the screen stylesheet is served" "$css" "scroll-snap"

# ---- ceremony text ----
page=$(curl -s "$BASE/berakhlak/naskah-apel?instansi=3302")
check_eq "naskah-apel is public" "$(status "$N" '/berakhlak/naskah-apel')" 200
check_contains "naskah opens with the pledge of the instansi" "$page" "Kami, Aparatur Sipil Negara Pemerintah Kabupaten Banyumas"
check_contains "naskah reads each value as a clause" "$page" "Pertama, <strong>Berorientasi Pelayanan</strong>: memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan dapat diandalkan; serta melakukan perbaikan tiada henti."
check_contains "naskah has the seventh value" "$page" "Ketujuh, <strong>Kolaboratif</strong>"
check_contains "naskah closes" "$page" "Semoga Tuhan Yang Maha Esa"
page=$(curl -s "$BASE/berakhlak/naskah-apel")
check_contains "naskah without instansi speaks for the Republic" "$page" "Aparatur Sipil Negara Republik Indonesia"
page=$(curl -s "$BASE/berakhlak/naskah-apel?lang=en")
check_contains "naskah in English keeps the Indonesian text to read" "$page" "Kami, Aparatur Sipil Negara"
check_contains "naskah in English adds an English rendering" "$page" "We, the civil servants of"
# ---- instansi signing keys ----
# Kabupaten Semarang (3322): the demo seed signs declarations in Banyumas,
# which gives 3302 a key already (app/seed_kampanye.c).
code=0; out=$("$WASDAL_BIN" instansi key 3322 --db "$DB" 2>"$T_DIR/key.err") || code=$?
check_eq "instansi key creates a key (exit 0)" "$code" 0
check "instansi key prints 64 hex digits" grep -qE '^[0-9a-f]{64}$' <<<"$out"
check_contains "instansi key says a key was made" "$(cat "$T_DIR/key.err")" "kunci baru dibuat"
KEY1=$out
check_eq "instansi key again prints the same key" "$("$WASDAL_BIN" instansi key 3322 --db "$DB" 2>/dev/null)" "$KEY1"
KEY2=$("$WASDAL_BIN" instansi key 3322 --rotate --db "$DB" 2>/dev/null)
check "rotate makes another key" test -n "$KEY2" -a "$KEY2" != "$KEY1"
code=0; "$WASDAL_BIN" instansi key 0000 --db "$DB" >/dev/null 2>&1 || code=$?
check_eq "instansi key of an unknown instansi exits 1" "$code" 1
code=0; "$WASDAL_BIN" instansi key 3322 --actor bkpsdm.banyumas --db "$DB" >/dev/null 2>&1 || code=$?
check_eq "a BKPSDM account may not create keys" "$code" 1
check_eq "the secret never leaves through the CLI" "$("$WASDAL_BIN" instansi key 3322 --db "$DB" 2>&1 | grep -cE '[0-9a-f]{128}')" 0
check "key creation and rotation are in the audit chain" "$WASDAL_BIN" audit verify --db "$DB"
dbf=${DB#sqlite:}
check_eq "the audit chain records the rotation" "$(sqlite3 "$dbf" "select count(*) from audit_log where action in ('instansi_key_create','instansi_key_rotate') and object_id='3322'")" 2
check "a key cannot be edited in the database" bash -c "! sqlite3 '$dbf' \"update instansi_keys set public_hex=replace(public_hex,'a','b')\" 2>/dev/null"
check "a key cannot be deleted in the database" bash -c "! sqlite3 '$dbf' 'delete from instansi_keys' 2>/dev/null"
page=$(curl -s "$BASE/instansi/3322/kunci")
check_eq "the key page is public" "$(status "$N" '/instansi/3322/kunci')" 200
check_contains "the key page shows the current key" "$page" "id=\"kunci-aktif\">$KEY2<"
check_contains "the key page keeps the retired key" "$page" "$KEY1"
check_not_contains "the key page shows no secret" "$page" "$(sqlite3 "$dbf" "select secret_hex from instansi_keys where public_hex='$KEY2'")"
check_eq "the key page of an unknown instansi is 404" "$(status "$N" '/instansi/0000/kunci')" 404
json=$(curl -s "$BASE/api/v1/instansi/3322/kunci")
check_eq "the key JSON names the current key" "$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["kunci_aktif"])')" "$KEY2"
check_eq "the key JSON lists both keys, current first" "$(printf '%s' "$json" | python3 -c 'import json,sys; print(",".join(str(k["aktif"]) for k in json.load(sys.stdin)["kunci"]))')" "True,False"
check_not_contains "the key JSON has no secret" "$json" "secret"
check_eq "the key JSON of an unknown instansi is 404" "$(status "$N" '/api/v1/instansi/0000/kunci')" 404
page=$(curl -s "$BASE/instansi/3374/kunci")
check_contains "an instansi without a key says so" "$page" "belum memiliki kunci"
tap_done
