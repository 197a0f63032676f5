#!/usr/bin/env bash
# The HTTP layer over loopback: startup checks, limits, content types,
# parameter allowlists, security headers, cookies, CSRF, language switch,
# static files, clean shutdown, and a crash mid-write that leaves the audit
# chain verifiable.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/web_lib.sh"
. "$(dirname "$0")/demo_accounts.sh"

DB="sqlite:$T_DIR/w.db"

# An unmigrated database: refuse to start, exit 2, say what to do.
out=$("$WASDAL_BIN" serve --listen 127.0.0.1:$(free_port) --db "$DB" 2>&1); rc=$?
check_eq "unmigrated db: serve exits 2" "$rc" 2
check_contains "unmigrated db: tells to run wasdal migrate" "$out" "wasdal migrate"
out=$("$WASDAL_BIN" serve --threads 0 2>&1); check_eq "--threads 0 is bad usage" $? 2
out=$("$WASDAL_BIN" serve --listen nonsense --db "$DB" 2>&1); check_eq "bad --listen is bad usage" $? 2

"$WASDAL_BIN" migrate --db "$DB" >/dev/null 2>&1

# A port already taken: exit 3 with a message naming the address.
bp=$(free_port)
python3 -c "import socket,time; s=socket.socket(); s.bind(('127.0.0.1',$bp)); s.listen(); print('up', flush=True); time.sleep(20)" >"$T_DIR/blocker" &
BLOCKER=$!
for _ in $(seq 1 50); do grep -q up "$T_DIR/blocker" && break; sleep 0.1; done
out=$(timeout 10 "$WASDAL_BIN" serve --listen "127.0.0.1:$bp" --db "$DB" 2>&1); rc=$?
kill "$BLOCKER" 2>/dev/null; wait "$BLOCKER" 2>/dev/null
check_eq "port in use: serve exits 3" "$rc" 3
check_contains "port in use: the message names the address" "$out" "127.0.0.1:$bp"
"$WASDAL_BIN" seed demo --db "$DB" >"$T_DIR/seed.out" 2>&1
check_eq "seed demo" $? 0
demo_load "$DB" "$T_DIR/seed.out"
start_server "$DB"; ok $? "server starts after migrate"

# Security headers on every response, errors included.
for path in /login /nope /static/wasdal.css; do
	h=$(curl -s -D - -o /dev/null "$BASE$path")
	check_contains "$path: CSP without inline script" "$h" "Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'"
	check_contains "$path: CSP frame-ancestors" "$h" "frame-ancestors 'none'"
	check_contains "$path: nosniff" "$h" "X-Content-Type-Options: nosniff"
	check_contains "$path: Referrer-Policy" "$h" "Referrer-Policy: same-origin"
	check_contains "$path: X-Frame-Options" "$h" "X-Frame-Options: DENY"
done

check_eq "unknown path is 404" "$(status /dev/null /nope)" 404
check_eq "wrong method is 405" "$(status /dev/null /login -X DELETE)" 405
check_eq "/ without a session redirects (303)" "$(status /dev/null /)" 303

# Unknown parameter: 400 with a bilingual message.
body=$(curl -s "$BASE/login?debug=1")
check_eq "unknown query parameter is 400" "$(status /dev/null '/login?debug=1')" 400
check_contains "400 names the parameter (id)" "$body" "parameter tidak dikenal: &#39;debug&#39;"
check_contains "400 names the parameter (en)" "$body" "unknown parameter: &#39;debug&#39;"
check_eq "unknown form field is 400" \
	"$(status /dev/null /login -d 'username=a&password=b&admin=1')" 400
check_eq "bad percent-encoding is 400" "$(status /dev/null '/login?lang=%zz')" 400
check_eq "invalid value (lang=fr) is 400" "$(status /dev/null '/login?lang=fr')" 400
check_eq "repeated parameter is 400" "$(status /dev/null '/login?lang=en&lang=id')" 400

# Content types and sizes.
check_eq "text/plain POST is 415" "$(status /dev/null /login -H 'Content-Type: text/plain' -d 'x')" 415
check_eq "JSON to a form route is 415" "$(status /dev/null /login -H 'Content-Type: application/json' -d '{}')" 415
head -c 300000 /dev/zero | tr '\0' 'a' >"$T_DIR/big"
check_eq "oversize form body is 413 (Content-Length)" \
	"$(status /dev/null /login --data-binary @"$T_DIR/big")" 413
check_eq "oversize chunked body is 413 (while reading)" \
	"$(status /dev/null /login -H 'Transfer-Encoding: chunked' --data-binary @"$T_DIR/big")" 413
check_eq "a body on GET is 413" "$(status /dev/null /login -X GET -H 'Content-Type: application/x-www-form-urlencoded' -d 'a=1')" 413

check_eq "an anonymous upload is turned away before the body (303)" \
	"$(status /dev/null /impor -F "berkas=@$T_DIR/big;type=text/csv")" 303
check_eq "an anonymous JSON-less POST to a login-only page is 303" "$(status /dev/null /logout -d x=1)" 303

# Static files come from the binary.
h=$(curl -s -D - -o "$T_DIR/css" "$BASE/static/wasdal.css")
check_contains "static css is served" "$h" "200"
check_contains "static css content type" "$h" "Content-Type: text/css"
check "static css body" grep -q "focus-visible" "$T_DIR/css"
check_eq "static js is served" "$(status /dev/null /static/wasdal.js)" 200
check_eq "no path traversal in /static" "$(status /dev/null /static/..%2fMakefile)" 404
check_eq "missing static file is 404" "$(status /dev/null /static/nope.css)" 404

# HEAD is answered by GET routes, without a body.
h=$(curl -s -I "$BASE/login")
check_contains "HEAD /login is 200" "$h" "200 OK"
check_not_contains "HEAD has no body" "$h" "<html"
long=$(head -c 2000 /dev/zero | tr '\0' 'a')
check_eq "an over-long path is 414" "$(status /dev/null "/$long")" 414
check_eq "a NUL in the path is 400" "$(status /dev/null '/login%00x')" 400
check_eq "a malformed multipart body is 400 or 403, never 5xx" \
	"$(status /dev/null /login -H 'Content-Type: multipart/form-data; boundary=zz' --data-binary 'garbage' | sed 's/^4[0-9][0-9]$/4xx/')" 4xx

# Language: Bahasa Indonesia by default, ?lang=en switches and remembers.
check_contains "login page in Bahasa Indonesia" "$(curl -s "$BASE/login")" "<html lang=\"id\">"
h=$(curl -s -D - -c "$T_DIR/lang.jar" "$BASE/login?lang=en")
check_contains "?lang=en sets a cookie" "$h" "wasdal_lang=en"
check_contains "?lang=en renders English" "$h" "<html lang=\"en\">"
check_contains "the lang cookie is remembered" "$(curl -s -b "$T_DIR/lang.jar" "$BASE/login")" "<h1>Log in</h1>"

# Login: errors, cookie flags, session.
check_eq "wrong password is 401" "$(login "$T_DIR/bad.jar" "$DEMO_ADMIN" wrong-password-x)" 401
check_contains "wrong password message" "$(curl -s --data-urlencode "username=$DEMO_ADMIN" -d password=nope "$BASE/login")" "salah"
check_eq "login from a foreign Origin is refused (403)" \
	"$(status /dev/null /login -H 'Origin: http://evil.example' --data-urlencode "username=$DEMO_ADMIN" --data-urlencode "password=$DEMO_ADMIN_PASSWORD")" 403
h=$(curl -s -D - -o /dev/null -c "$T_DIR/a.jar" --data-urlencode "username=$DEMO_ADMIN" \
	--data-urlencode "password=$DEMO_ADMIN_PASSWORD" "$BASE/login")
check_contains "login redirects (303)" "$h" "303"
cookie=$(printf '%s\n' "$h" | grep -i '^Set-Cookie: wasdal_sesi=')
check_contains "session cookie HttpOnly" "$cookie" "HttpOnly"
check_contains "session cookie SameSite=Strict" "$cookie" "SameSite=Strict"
check_not_contains "session cookie not Secure without --secure-cookies" "$cookie" "Secure;"
check_eq "session opens the home page" "$(status "$T_DIR/a.jar" /)" 200
check_contains "home shows the role" "$(curl -s -b "$T_DIR/a.jar" "$BASE/")" "Administrator"

# CSRF: every POST form needs the session's token.
check_eq "logout without CSRF token is 403" "$(status "$T_DIR/a.jar" /logout -X POST -d '')" 403
check_eq "logout with a wrong CSRF token is 403" "$(status "$T_DIR/a.jar" /logout -d 'csrf=AAAA')" 403
tok=$(csrf_of "$T_DIR/a.jar" /)
check "the page carries a CSRF token" test -n "$tok"
check_eq "logout with the token (303)" "$(status "$T_DIR/a.jar" /logout -d "csrf=$tok")" 303
check_eq "the session is gone after logout" "$(status "$T_DIR/a.jar" /)" 303

# Clean shutdown on SIGTERM.
stop_server; check_eq "SIGTERM: clean exit 0" "$STOP_RC" 0
check "shutdown is logged" grep -q "berhenti" "$T_DIR/server.log"
check_not_contains "the access log holds no client address" "$(cat "$T_DIR/server.log")" "127.0.0.1 "

# --secure-cookies adds Secure.
start_server "$DB" --secure-cookies
h=$(curl -s -D - -o /dev/null --data-urlencode "username=$DEMO_ADMIN" --data-urlencode "password=$DEMO_ADMIN_PASSWORD" "$BASE/login")
check_contains "--secure-cookies: session cookie Secure" "$(printf '%s\n' "$h" | grep -i '^Set-Cookie: wasdal_sesi=')" "; Secure"
stop_server

# kill -9 in the middle of writes leaves a verifiable audit chain.
start_server "$DB"
login "$T_DIR/w.jar" "$DEMO_ADMIN" "$DEMO_ADMIN_PASSWORD" >/dev/null
tok=$(csrf_of "$T_DIR/w.jar" /)
nip=$DEMO_NIP_A
edit_loop() {
	local i=0
	while :; do
		i=$((i + 1))
		curl -s -o /dev/null -b "$T_DIR/w.jar" --data-urlencode "csrf=$tok" \
			--data-urlencode "nama=Nama Uji $i" --data-urlencode "jenis_asn=$DEMO_A_JENIS_ASN" \
			--data-urlencode "golongan=$DEMO_A_GOLONGAN" --data-urlencode "jenis_jabatan=$DEMO_A_JENIS_JABATAN" \
			--data-urlencode "jenjang=$DEMO_A_JENJANG" --data-urlencode "jabatan=$DEMO_A_JABATAN" \
			--data-urlencode "instansi_kode=$DEMO_A_INSTANSI_KODE" --data-urlencode "unit_kode=$DEMO_A_UNIT_KODE" \
			--data-urlencode "status=aktif" "$BASE/pegawai/$nip/ubah" || true
	done
}
edit_loop & L1=$!
edit_loop & L2=$!
sleep 1.5
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=
kill "$L1" "$L2" 2>/dev/null; wait "$L1" "$L2" 2>/dev/null
out=$("$WASDAL_BIN" audit verify --db "$DB" 2>&1); rc=$?
check_eq "after kill -9 mid-write: audit verify passes" "$rc" 0
start_server "$DB"
login "$T_DIR/w.jar" "$DEMO_ADMIN" "$DEMO_ADMIN_PASSWORD" >/dev/null
check_contains "edits were being written when killed" "$(curl -s -b "$T_DIR/w.jar" "$BASE/pegawai/$nip")" "Nama Uji"
stop_server

tap_done
