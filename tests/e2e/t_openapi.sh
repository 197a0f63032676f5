#!/usr/bin/env bash
# The API contract without a server: every route in src/api/api_routes.c is
# in docs/openapi.yaml (method, path, query parameters) and vice versa.
# Live responses are checked against the schemas by t_api.sh.
. "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
out=$(python3 "$here/check_openapi.py" routes 2>&1); rc=$?
ok $rc "openapi.yaml documents exactly the routes of api_routes.c"
[ $rc = 0 ] || echo "$out" | sed 's/^/#   /'
tap_done
