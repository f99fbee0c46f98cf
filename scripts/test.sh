#!/usr/bin/env bash
# Set up (scripts/setup.sh), install the system packages the server/browser tests use, run the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  missing=""
  [ -d /usr/lib/postgresql ] || missing="$missing postgresql"
  [ -x /usr/bin/chromium ] || missing="$missing chromium chromium-driver"
  if [ -n "$missing" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  fi
fi
bash scripts/setup.sh
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-2}
exec .venv/bin/python -m pytest "$@"
