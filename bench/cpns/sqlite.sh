#!/usr/bin/env bash
# SQLite peer of `wasdal cpns rank`: sqlite3 CLI, .import, bench/cpns/rank.sql.
# Usage: bench/cpns/sqlite.sh FORMATIONS.csv APPLICANTS.csv OUT.csv
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
f=$1 a=$2 out=$3
db=$(mktemp -u /tmp/wasdal-cpns-XXXXXX.db)
trap 'rm -f "$db"' EXIT
{
	echo "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	echo "CREATE TABLE f(formation_id INTEGER PRIMARY KEY, instansi_id INTEGER, jabatan TEXT, quota INTEGER, kind TEXT);"
	echo "CREATE TABLE a(applicant_id INTEGER PRIMARY KEY, nik TEXT, formation_id INTEGER, birth_date TEXT, kehadiran TEXT, twk INTEGER, tiu INTEGER, tkp INTEGER);"
	echo ".mode csv"
	echo ".import --skip 1 $f f"
	echo ".import --skip 1 $a a"
	# .import stores empty fields as ''; an absent score is NULL.
	echo "UPDATE a SET twk = NULL, tiu = NULL, tkp = NULL WHERE kehadiran = 'TH';"
	echo ".headers on"
	echo ".output $out"
	cat "$here/rank.sql"
} | sqlite3 "$db" >/dev/null
