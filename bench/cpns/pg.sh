#!/usr/bin/env bash
# PostgreSQL 15 peer of `wasdal cpns rank`: a throw-away cluster, COPY in,
# bench/cpns/rank.sql, COPY out, cluster removed.
# Usage: bench/cpns/pg.sh FORMATIONS.csv APPLICANTS.csv OUT.csv
# Prints "pg_load S" and "pg_rank S" (seconds) on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
f=$(realpath "$1") a=$(realpath "$2") out=$3
pgbin=/usr/lib/postgresql/15/bin
dir=$(mktemp -d /tmp/wasdal-pg.XXXXXX)
chown postgres "$dir"
chmod 755 "$dir"
cleanup() {
	runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
runuser -u postgres -- "$pgbin/initdb" -D "$dir/data" -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Tuned for a batch on this box, durability off: the fairest setting for PG.
cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
shared_buffers = 2GB
work_mem = 1GB
maintenance_work_mem = 1GB
fsync = off
synchronous_commit = off
full_page_writes = off
max_parallel_workers_per_gather = 2
jit = off
CONF
runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w start >/dev/null
psql=(psql -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres)
now() { date +%s.%N; }
t0=$(now)
"${psql[@]}" <<SQL
CREATE UNLOGGED TABLE f(formation_id integer PRIMARY KEY, instansi_id integer, jabatan text, quota integer, kind text);
CREATE UNLOGGED TABLE a(applicant_id integer PRIMARY KEY, nik text, formation_id integer, birth_date date, kehadiran text, twk integer, tiu integer, tkp integer);
\copy f FROM '$f' WITH (FORMAT csv, HEADER true)
\copy a FROM '$a' WITH (FORMAT csv, HEADER true)
ANALYZE f;
ANALYZE a;
SQL
t1=$(now)
{ echo "COPY ("; sed -e 's/;[[:space:]]*$//' -e '/^--/d' "$here/rank.sql"; echo ") TO STDOUT WITH (FORMAT csv, HEADER true);"; } |
	"${psql[@]}" >"$out"
t2=$(now)
echo "pg_load $(echo "$t1 - $t0" | bc)"
echo "pg_rank $(echo "$t2 - $t1" | bc)"
