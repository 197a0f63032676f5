#!/usr/bin/env bash
# Integrity over loopback with the demo data: the public BerAKHLAK pages
# (meeting screen, ceremony text), no login, no JavaScript needed.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
. "$(dirname "$0")/demo_accounts.sh"

DB="sqlite:$T_DIR/w.db"
"$WASDAL_BIN" migrate --db "$DB" >/dev/null 2>&1
"$WASDAL_BIN" seed demo --db "$DB" >"$T_DIR/seed.out" 2>&1
demo_load "$DB" "$T_DIR/seed.out"
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
tap_done
