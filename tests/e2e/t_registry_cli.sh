#!/usr/bin/env bash
# Registry import/export from the command line, on a temp SQLite database
# seeded with the demo data: strict and --partial imports with per-row
# reports, idempotent re-import, CSV round trip with a formula cell, XLSX,
# scope of --actor, blokir, and kill -9 in the middle of a big import.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
DB="sqlite:$T_DIR/r.db"
W() { "$WASDAL_BIN" "$@" --db "$DB"; }
count() { sqlite3 "$T_DIR/r.db" "select count(*) from pegawai"; }
audit_n() { W audit verify | grep -oE '[0-9]+ (catatan|records)' | grep -oE '^[0-9]+'; }

W seed demo >/dev/null; check_eq "seed demo" $? 0
base=$(count); check_eq "demo has 372 employees (360 in Jawa Tengah and the ministry, 12 in DI Yogyakarta)" "$base" 372
a0=$(audit_n)
W seed demo >/dev/null
check_eq "seed demo twice writes no audit record" "$(audit_n)" "$a0"

cat >"$T_DIR/bad.csv" <<'CSV'
nip,nama,jenis_asn,golongan,jenis_jabatan,jenjang,jabatan,instansi_kode,unit_kode,status
199203152019031101,Ani Lestari,PNS,III/a,pelaksana,,Pengadministrasi Umum,3302,DINKES,aktif
199203152019031102,Budi Hartono,PNS,V/a,pelaksana,,Pengadministrasi Umum,3302,DINKES,aktif
199203152019031103,"Citra, S.E.",PNS,III/b,fungsional,,Analis Keuangan,3302,DINKES,aktif
199213152019031104,Dodi,PNS,III/a,pelaksana,,Pengadministrasi Umum,3302,DINKES,aktif
199203152019031105,Eka Putri,PNS,III/a,pelaksana,,Pengadministrasi Umum,3302,DINKES,aktif
CSV
out=$(W import pegawai "$T_DIR/bad.csv" 2>&1); rc=$?
check_eq "strict import with bad rows exits 1" $rc 1
check_eq "strict import: nothing imported" "$(count)" "$base"
check_contains "reports line 3 golongan" "$out" "baris 3, kolom golongan"
check_contains "reports line 4 jenjang" "$out" "baris 4, kolom jenjang"
check_contains "reports line 5 nip (birth date)" "$out" "baris 5, kolom nip: digit 1-8"
check_contains "says nothing was imported" "$out" "Tidak ada data yang diimpor"
rep=$(cat "$T_DIR/bad.csv.errors.csv" 2>/dev/null)
check_contains "report file has header" "$rep" "baris,kolom,alasan,nilai,reason"
check_contains "report file row for line 3" "$rep" "3,golongan,golongan PNS harus salah satu dari I/a sampai IV/e,V/a"
check_eq "report file has 3 errors" "$(($(printf '%s\n' "$rep" | wc -l) - 1))" 3
out=$(WASDAL_LANG=en W import pegawai "$T_DIR/bad.csv" --report "$T_DIR/rep.csv" 2>&1)
check_contains "English report on request" "$out" "line 3, column golongan"
check "--report path written" test -s "$T_DIR/rep.csv"

out=$(W import pegawai "$T_DIR/bad.csv" --partial 2>&1); rc=$?
check_eq "--partial exits 1 when rows were bad" $rc 1
check_eq "--partial imports the 2 good rows" "$(count)" $((base + 2))
check_contains "--partial summary" "$out" "2 baru"

grep -v -e ',V/a,' -e ',fungsional,,' -e '^199213' "$T_DIR/bad.csv" >"$T_DIR/good.csv"
a1=$(audit_n)
out=$(W import pegawai "$T_DIR/good.csv" 2>&1); rc=$?
check_eq "re-import of imported rows exits 0" $rc 0
check_contains "re-import changes nothing" "$out" "0 baru, 0 diubah, 2 tetap"
check_eq "re-import writes no audit record" "$(audit_n)" "$a1"

# one field changed: one update record
sed 's/Ani Lestari/Ani Lestari Putri/' "$T_DIR/good.csv" >"$T_DIR/good2.csv"
out=$(W import pegawai "$T_DIR/good2.csv" 2>&1)
check_contains "changed row is an update" "$out" "0 baru, 1 diubah, 1 tetap"
check_eq "one update + one summary audit record" "$(audit_n)" $((a1 + 2))

# formula injection: a name that is a formula
cat >"$T_DIR/f.csv" <<'CSV'
nip,nama,jenis_asn,golongan,jenis_jabatan,jenjang,jabatan,instansi_kode,unit_kode,unit_nama,status
199203152019031106,"=HYPERLINK(""http://evil.example"",""klik"")",PNS,III/a,pelaksana,,"@SUM(1+1)",3302,UJI,Unit Uji Baru,aktif
CSV
out=$(W import pegawai "$T_DIR/f.csv" 2>&1); check_contains "unit created on the fly from unit_nama" "$out" "1 unit kerja baru"
W export pegawai --out "$T_DIR/all.csv" 2>/dev/null; check_eq "export exits 0" $? 0
check_eq "export has header + every employee" "$(($(wc -l <"$T_DIR/all.csv")))" $((base + 4))
line=$(grep 199203152019031106 "$T_DIR/all.csv")
check_contains "formula cell neutralised with an apostrophe" "$line" "\"'=HYPERLINK("
check_contains "@ cell neutralised" "$line" "'@SUM(1+1)"
a2=$(audit_n)
out=$(W import pegawai "$T_DIR/all.csv" 2>&1); rc=$?
check_eq "export re-imports cleanly" $rc 0
check_contains "round trip changes nothing" "$out" "0 baru, 0 diubah, $((base + 3)) tetap"
check_eq "round trip writes no audit record" "$(audit_n)" "$a2"
W export pegawai --out "$T_DIR/all2.csv" 2>/dev/null
check "second export is byte-identical" cmp -s "$T_DIR/all.csv" "$T_DIR/all2.csv"

W export pegawai --format xlsx --out "$T_DIR/all.xlsx" 2>/dev/null; check_eq "xlsx export exits 0" $? 0
z=$(python3 - "$T_DIR/all.xlsx" <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
sheet = z.read("xl/worksheets/sheet1.xml").decode()
print("sheet" if "xl/worksheets/sheet1.xml" in names else "nosheet")
print("formula" if "<f>" in sheet else "noformula")
print("hyperlink-text" if "=HYPERLINK(" in sheet else "missing")
PY
)
check_contains "xlsx is a zip with xl/worksheets" "$z" "sheet"
check_contains "xlsx has no formula cell" "$z" "noformula"
check_contains "xlsx keeps the text as a string" "$z" "hyperlink-text"
"$WASDAL_BIN" export pegawai --format xlsx --db "$DB" >/dev/null 2>&1
check_eq "xlsx without --out is bad usage" $? 2

# scope: a kab/kota account sees and writes only its own
n=$(W export pegawai --actor bkpsdm.banyumas 2>/dev/null | wc -l)
check_eq "bkpsdm export is its kabupaten only" "$n" $((60 + 4))
sed -e 's/,3302,DINKES,/,3322,DINKES,/' -e 's/031101,/031201,/' "$T_DIR/good.csv" | head -2 >"$T_DIR/other.csv"
out=$(W import pegawai "$T_DIR/other.csv" --actor bkpsdm.banyumas 2>&1); rc=$?
check_eq "bkpsdm cannot import into another kab" $rc 1
check_contains "…reported as instansi not found or out of scope" "$out" "di luar wewenang"
out=$(W import pegawai "$T_DIR/good.csv" --actor auditor 2>&1); rc=$?
check_eq "auditor cannot import" $rc 1

# blokir: the demo's blocked employee refuses a change, with the reason
blk=$(sqlite3 "$T_DIR/r.db" "select nip from pegawai where blokir=1 limit 1")
python3 - "$T_DIR/all.csv" "$blk" >"$T_DIR/blk.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
w = csv.writer(sys.stdout)
w.writerow(rows[0])
for r in rows[1:]:
    if r[0] == sys.argv[2]:
        r[1] = "Nama Diubah"
        w.writerow(r)
PY
out=$(W import pegawai "$T_DIR/blk.csv" 2>&1); rc=$?
check_eq "change to a blocked employee is refused" $rc 1
check_contains "…with the blokir reason" "$out" "Dalam pemeriksaan dugaan pelanggaran netralitas"

# kill -9 in the middle of a big import: all or nothing, chain intact
python3 "$here/gen_pegawai.py" 150000 3374 SETDA >"$T_DIR/big.csv"
before=$(count)
# A fixed delay misses a fast import: time a whole run on a copy of the
# database first, then kill the real one about half-way through.
sqlite3 "$T_DIR/r.db" ".backup '$T_DIR/probe.db'"
t0=$(date +%s%N)
"$WASDAL_BIN" import pegawai "$T_DIR/big.csv" --db "sqlite:$T_DIR/probe.db" >/dev/null 2>&1
half=$(( ($(date +%s%N) - t0) / 2000000 ))
rm -f "$T_DIR"/probe.db*
"$WASDAL_BIN" import pegawai "$T_DIR/big.csv" --db "$DB" >/dev/null 2>&1 &
pid=$!  # the wasdal process itself, not a subshell
sleep "$(printf '%d.%03d' $((half / 1000)) $((half % 1000)))"
kill -0 $pid 2>/dev/null; alive=$?
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if [ $alive = 0 ]; then echo "# killed the import while it ran"; else echo "# the import finished before the kill"; fi
after=$(count)
if [ "$after" = "$before" ] || [ "$after" = $((before + 150000)) ]; then ok 0 "kill -9 mid-import: count $after is before or full"; else ok 1 "kill -9 mid-import: count $after is before or full"; fi
W audit verify >/dev/null; check_eq "audit chain intact after kill -9" $? 0
start=$SECONDS
out=$(W import pegawai "$T_DIR/big.csv" 2>&1); rc=$?
check_eq "big import completes" $rc 0
check_eq "big import: all rows in" "$(count)" $((before + 150000))
echo "# 150000 rows imported in $((SECONDS - start))s"
W audit verify >/dev/null; check_eq "audit chain intact after big import" $? 0
# The bulk insert is compiled without pegawai's CHECK constraints (its rows
# passed registry_validate; store_sqlite_bulk.c). integrity_check evaluates
# every CHECK on every row again, so it proves none was broken; on a copy
# with one row broken on purpose it must say so.
check_eq "big import: every row meets the table's CHECKs" "$(sqlite3 "$T_DIR/r.db" "PRAGMA integrity_check")" ok
check_eq "big import: no broken foreign key" "$(sqlite3 "$T_DIR/r.db" "PRAGMA foreign_key_check")" ""
sqlite3 "$T_DIR/r.db" ".backup '$T_DIR/broken.db'"
sqlite3 "$T_DIR/broken.db" "PRAGMA ignore_check_constraints = ON; UPDATE pegawai SET status = 'cuti' WHERE id = (SELECT max(id) FROM pegawai)"
check_contains "integrity_check sees a broken CHECK" "$(sqlite3 "$T_DIR/broken.db" "PRAGMA integrity_check")" "CHECK constraint failed"
tap_done
