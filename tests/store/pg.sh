# Sourced: a throw-away PostgreSQL 15 cluster for tests. pg_start DIR starts
# one in DIR/pg on a free loopback port (unix socket in DIR/sock) and sets
# PG_PORT and PG_URL (postgresql://postgres@127.0.0.1:PORT/); pg_createdb
# NAME makes a database; pg_stop stops the cluster. Runs the server as the
# postgres user when the tests run as root (initdb refuses root).
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PG_DIR= PG_PORT= PG_URL=

pg_as() {
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() { # dir
	local dir=$1
	[ -x "$PG_BIN/initdb" ] || { echo "# no PostgreSQL in $PG_BIN"; return 1; }
	PG_DIR=$dir/pg
	mkdir -p "$PG_DIR" "$dir/sock"
	chmod 755 "$dir"
	if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_DIR" "$dir/sock"; fi
	chmod 700 "$PG_DIR"
	PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
	pg_as "$PG_BIN/initdb" -D "$PG_DIR" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
		>"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; return 1; }
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR" -l "$PG_DIR/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=30" \
		start >"$dir/pg_ctl.log" 2>&1 || { cat "$dir/pg_ctl.log" "$PG_DIR/server.log"; return 1; }
	PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/"
}

pg_createdb() { # name
	"$PG_BIN/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
		-c "CREATE DATABASE $1" >/dev/null
}

pg_psql() { # db, psql args...
	local db=$1; shift
	"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$db" "$@"
}

pg_stop() {
	[ -n "$PG_DIR" ] && [ -f "$PG_DIR/postmaster.pid" ] &&
		pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR" -m immediate -w stop >/dev/null 2>&1
	PG_DIR=
}
