#!/usr/bin/env bash
# Evidence files and failed transactions: when filing a report, adding
# evidence or moving a case with an attachment fails after the files were
# written (here a SQLite trigger makes the evidence row insert fail), the
# files written for it are removed again, and a file that was already
# there (the same bytes in another case) is kept. 'wasdal bukti periksa'
# lists orphans (files no row references, older than an hour) and deletes
# them with --hapus-yatim N only when N matches, so a wrong --db deletes
# nothing.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
F="$T_DIR/y.db"
DB="sqlite:$F"
FILES="$T_DIR/berkas"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
W seed demo >/dev/null 2>&1; ok $? "seed demo"
start_server "$DB" --files "$FILES"; ok $? "server starts"
TODAY=$(date -u -d '+7 hours' +%F)
pdf() { printf '%%PDF-1.4\n%% %s\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' "$1" >"$T_DIR/$1.pdf"; }
sha() { sha256sum "$T_DIR/$1.pdf" | cut -c1-64; }
for f in x y z w; do pdf $f; done
nfiles() { ls "$FILES" 2>/dev/null | wc -l; }
lapor() { # files... : status of a filing with these PDFs
	local args=()
	for f in "$@"; do args+=(-F "bukti=@$T_DIR/$f.pdf"); done
	curl -s -o "$T_DIR/lapor.json" -w '%{http_code}' -F konteks=pilkada -F "wilayah=Banyumas" \
		-F pelanggaran_kode=KE-1 -F "kejadian_tanggal=$TODAY" \
		-F "kronologi=Memasang baliho bakal calon di halaman kantor desa." "${args[@]}" "$BASE/api/v1/laporan"
}

check_eq "a report with evidence x is filed" "$(lapor x)" 201
R=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["receipt"])' "$T_DIR/lapor.json")
check_eq "x is on disk" "$(nfiles)" 1

# From now on every evidence row insert fails, after the file was written.
sqlite3 "$F" "CREATE TRIGGER uji_gagal BEFORE INSERT ON kasus_bukti BEGIN SELECT RAISE(ABORT, 'uji'); END;"
st=$(lapor y x)
check "filing y (new) and x (already stored) fails" test "$st" -ge 400
check_eq "the filing left no case behind" "$(sqlite3 "$F" "SELECT count(*) FROM kasus WHERE kronologi LIKE 'Memasang baliho%'")" 1
check "y, written for the failed filing, is removed" test ! -e "$FILES/$(sha y)"
check "x, stored before by another case, is kept" test -e "$FILES/$(sha x)"
st=$(curl -s -o /dev/null -w '%{http_code}' -F "receipt=$R" -F "bukti=@$T_DIR/z.pdf" "$BASE/api/v1/laporan/pantau/bukti")
check "adding evidence z fails" test "$st" -ge 400
check "z is removed" test ! -e "$FILES/$(sha z)"
TOKEN=$(W user token bkn e2e-yatim 2>/dev/null | grep -oE '\b[0-9a-f]{64}\b' | head -1)
N=$(sqlite3 "$F" "SELECT nomor FROM kasus WHERE tahap = 'kajian_bawaslu' LIMIT 1")
JAR="$T_DIR/jar"
check_eq "bawaslu logs in" "$(login "$JAR" bawaslu.jateng demo-bawaslu-2026)" 303
CSRF=$(csrf_of "$JAR" "/kasus/$N")
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" -F ke=rekomendasi_bkn \
	-F "hasil_kajian=Terbukti" -F jenis_pelanggaran=KE-2 -F "lampiran=@$T_DIR/w.pdf;filename=BAP.pdf" \
	"$BASE/kasus/$N/pindah")
check "a transition with attachment w fails" test "$st" -ge 400
check_eq "the case did not move" "$(sqlite3 "$F" "SELECT tahap FROM kasus WHERE nomor = '$N'")" kajian_bawaslu
check "w is removed" test ! -e "$FILES/$(sha w)"
check_eq "only x is on disk" "$(nfiles)" 1
sqlite3 "$F" "DROP TRIGGER uji_gagal"
st=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" -F "csrf=$CSRF" -F ke=rekomendasi_bkn \
	-F "hasil_kajian=Terbukti" -F jenis_pelanggaran=KE-2 -F "lampiran=@$T_DIR/w.pdf;filename=BAP.pdf" \
	"$BASE/kasus/$N/pindah")
check_eq "without the fault the same transition is saved" "$st" 303
check "and w stays" test -e "$FILES/$(sha w)"
stop_server

# ---- orphans: a file no row references (a crash between write and commit) ----
out=$(W bukti periksa --files "$FILES" 2>&1)
ok $? "periksa: no orphans yet (exit 0)"
check_contains "says so" "$out" "berkas yatim (tidak dirujuk data mana pun): 0"
cp "$T_DIR/y.pdf" "$FILES/$(sha y)"; chmod 600 "$FILES/$(sha y)"
cp "$T_DIR/z.pdf" "$FILES/$(sha z)"; chmod 600 "$FILES/$(sha z)"
touch -d '2 hours ago' "$FILES"/*
cp "$T_DIR/z.pdf" "$FILES/$(sha z)"  # z written just now: perhaps about to be referenced
out=$(W bukti periksa --files "$FILES" 2>&1); rc=$?
check_eq "an orphan fails the check (exit 1)" "$rc" 1
check_contains "naming it" "$out" "yatim $(sha y)"
check_not_contains "a file changed in the last hour is spared" "$out" "yatim $(sha z)"
check_not_contains "referenced files are not orphans" "$out" "yatim $(sha x)"
check_contains "with the count" "$out" "berkas yatim (tidak dirujuk data mana pun): 1"
check_contains "the integrity line is unchanged" "$out" "berkas bukti utuh: 4 berkas, 0 bermasalah"
out=$(W bukti periksa --files "$FILES" --hapus-yatim 2 2>&1); rc=$?
check_eq "--hapus-yatim with the wrong count is refused (exit 2)" "$rc" 2
check_contains "saying nothing was deleted" "$out" "tidak ada yang dihapus"
check "y is still there" test -e "$FILES/$(sha y)"
# a wrong database: every old file looks orphaned; the count protects them
"$WASDAL_BIN" migrate --db "sqlite:$T_DIR/lain.db" >/dev/null 2>&1
out=$("$WASDAL_BIN" bukti periksa --files "$FILES" --db "sqlite:$T_DIR/lain.db" 2>&1)
check_contains "against another (empty) database every old file is an orphan" "$out" \
	"berkas yatim (tidak dirujuk data mana pun): 3"
"$WASDAL_BIN" bukti periksa --files "$FILES" --db "sqlite:$T_DIR/lain.db" --hapus-yatim 1 >/dev/null 2>&1
check_eq "and the count from the right database deletes nothing there" "$(nfiles)" 4
out=$(W bukti periksa --files "$FILES" --hapus-yatim 1 2>&1); rc=$?
check_eq "--hapus-yatim 1 deletes the orphan (exit 0)" "$rc" 0
check_contains "with the count" "$out" "berkas yatim dihapus: 1"
check "y is gone" test ! -e "$FILES/$(sha y)"
check "x and w (referenced) remain" test -e "$FILES/$(sha x)" -a -e "$FILES/$(sha w)"
out=$("$WASDAL_BIN" bukti periksa --files "$FILES" --db "sqlite:$T_DIR/nope.db" 2>&1); rc=$?
check "a database that is not migrated is refused, not swept" test "$rc" -ge 2
check "and nothing is deleted" test -e "$FILES/$(sha x)"
tap_done
