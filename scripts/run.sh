#!/usr/bin/env bash
# Set up, then start the agent side panel on the embedded defaults (sample knowledge, offline composer).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/copilot ui "$@"
