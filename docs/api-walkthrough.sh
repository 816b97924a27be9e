#!/usr/bin/env bash
# Runs docs/api.md as an integrator would: its bash blocks in order, verbatim, in one shell, against a running
# platform (G, default http://127.0.0.1:8080; `./platform up`). Any HTTP error stops the run (curl --fail-with-body)
# except where the step prints the status itself (-w), which is how the doc shows an expected refusal. The doc makes
# fresh ids and a fresh member every run, so running it twice passes twice. e2e's ApiWalkthroughTests runs it in CI.
set -euo pipefail
doc=${1:-"$(dirname "${BASH_SOURCE[0]}")/api.md"}
script=$(mktemp)
trap 'rm -f "$script"' EXIT
{
  echo 'set -euo pipefail'
  # shellcheck disable=SC2016
  echo 'curl() { local a; for a in "$@"; do if [[ $a == -w ]]; then command curl "$@"; return; fi; done; command curl --fail-with-body "$@"; }'
  awk '/^```bash$/ { on = 1; next } /^```$/ { on = 0 } on' "$doc"
} >"$script"
bash -x "$script"
echo "== docs/api.md ran to the end"
