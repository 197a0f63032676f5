#!/usr/bin/env bash
# Installs the Debian packages (and, for tests, the npm packages) that a
# purpose needs, only when something is missing: running it twice does
# nothing the second time. Usage: scripts/deps.sh run|test|bench
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=${1:-run}
build=(build-essential pkg-config libmicrohttpd-dev libsqlite3-dev libpq-dev
       libjansson-dev libsodium-dev libxlsxwriter-dev libmagic-dev libqrencode-dev
       libcurl4-openssl-dev sqlite3 python3 curl ca-certificates)
test=(libcmocka-dev clang libclang-rt-14-dev python3-yaml postgresql-15 postgresql-client-15
      chromium nodejs npm unzip)
bench=(wrk nginx-light postgresql-15 postgresql-client-15 time)

want=("${build[@]}")
case "$purpose" in
run) ;;
test) want+=("${test[@]}") ;;
bench) want+=("${test[@]}" "${bench[@]}") ;;
*) echo "usage: $0 run|test|bench" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
	# node and npm may come from elsewhere than Debian (as on the CI image).
	case "$p" in
	nodejs) command -v node >/dev/null && continue ;;
	npm) command -v npm >/dev/null && continue ;;
	esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "deps: memasang paket / installing packages: ${missing[*]}"
	if [ "$(id -u)" != 0 ]; then
		echo "deps: perlu root untuk apt-get / root is needed for apt-get" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$purpose" != run ] && [ -f tests/browser/package.json ]; then
	if [ ! -d tests/browser/node_modules/playwright-core ]; then
		echo "deps: npm install (tests/browser)"
		(cd tests/browser && npm install --no-audit --no-fund --silent)
	fi
fi
