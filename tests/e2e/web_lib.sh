# Helpers for the HTTP/web end-to-end tests (sourced after lib.sh):
# start and stop the server, log in with curl cookie jars, read a CSRF
# token from a page.

# start_server DB_URL [extra serve args...]: starts, waits until it answers.
start_server() {
	local db=$1; shift
	PORT=$(free_port)
	BASE="http://127.0.0.1:$PORT"
	"$WASDAL_BIN" serve --listen "127.0.0.1:$PORT" --threads 2 --db "$db" "$@" \
		>"$T_DIR/server.log" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "$BASE/login" && return 0
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "# server did not start:"; sed 's/^/#   /' "$T_DIR/server.log"
	return 1
}

# stop_server: SIGTERM, wait; the exit status goes to STOP_RC. Call it
# directly, not in $(...): only this shell can wait for its child.
stop_server() {
	STOP_RC=0
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null
	wait "$SERVER_PID" 2>/dev/null || STOP_RC=$?
	SERVER_PID=
}

# csrf_of JAR PATH: the csrf hidden field of the page at PATH.
csrf_of() {
	curl -s -b "$1" "$BASE$2" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'
}

# login JAR USER PASSWORD: prints the HTTP status of the login POST.
login() {
	rm -f "$1"
	curl -s -o /dev/null -w '%{http_code}' -c "$1" -b "$1" \
		--data-urlencode "username=$2" --data-urlencode "password=$3" "$BASE/login"
}

# status JAR PATH [curl args...]: HTTP status of a GET (or what the args say).
status() {
	local jar=$1 path=$2; shift 2
	curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$@" "$BASE$path"
}
