# Sourced by tests/e2e/t_*.sh: TAP output, a scratch dir, and a server on a
# free loopback port. Every check prints "ok N - what" or "not ok N - what".
set -uo pipefail
: "${WASDAL_BIN:=build/wasdal}"
TAP_N=0
TAP_FAILED=0
T_DIR=$(mktemp -d /tmp/wasdal-e2e.XXXXXX)
SERVER_PID=
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
	rm -rf "$T_DIR"
}
trap cleanup EXIT

ok() { # condition-result(0/1 exit status of previous test) description
	TAP_N=$((TAP_N + 1))
	if [ "$1" = 0 ]; then echo "ok $TAP_N - $2"; else echo "not ok $TAP_N - $2"; TAP_FAILED=1; fi
}
# check "description" command...: ok when the command exits 0
check() { local d=$1; shift; "$@" >/dev/null 2>&1; ok $? "$d"; }
# check_eq "description" actual expected
check_eq() {
	if [ "$2" = "$3" ]; then ok 0 "$1"; else ok 1 "$1"; echo "#   got: $2"; echo "#   expected: $3"; fi
}
# check_contains "description" haystack needle
check_contains() {
	case "$2" in *"$3"*) ok 0 "$1" ;; *) ok 1 "$1"; echo "#   missing: $3" ;; esac
}
check_not_contains() {
	case "$2" in *"$3"*) ok 1 "$1"; echo "#   unexpected: $3" ;; *) ok 0 "$1" ;; esac
}
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}
tap_done() { exit $TAP_FAILED; }
