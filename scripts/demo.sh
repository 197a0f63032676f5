#!/usr/bin/env bash
# make demo: seed ./wasdal.db with the demo data (idempotent: a second run
# changes nothing) and serve it on http://127.0.0.1:8080. The demo accounts
# and their public passwords are printed by the seed and listed in
# docs/registry.md.
set -euo pipefail
cd "$(dirname "$0")/.."
build/wasdal seed demo --db sqlite:wasdal.db
exec build/wasdal serve --db sqlite:wasdal.db --listen 127.0.0.1:8080
