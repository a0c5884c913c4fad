#!/usr/bin/env bash
# The test command: builds and runs every test project, then prints one closing line
# "N passed, N failed" counted from the test results.
# The MongoDB store tests use MONGODB_URI when it is set; otherwise the pinned
# MongoDB-wire-compatible engine in tests/mongo-engine is installed (npm ci) and started by the tests.
# The dashboard's browser tests need Debian's chromium and chromium-driver (and CJK fonts for the screenshots);
# when they are missing and this runs as root, they are installed with apt-get. Screenshots of the dashboard go
# to TestResults/dashboard-screenshots.
set -uo pipefail
cd "$(dirname "$0")/.."

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

if [ -z "${MONGODB_URI:-}" ] && [ ! -x tests/mongo-engine/node_modules/@jongodb/memory-server-bin-linux-x64-gnu/bin/jongodb ] && command -v npm >/dev/null 2>&1; then
  (cd tests/mongo-engine && npm ci --no-audit --no-fund --loglevel=error) || echo "npm ci in tests/mongo-engine failed; the Mongo tests will say why."
fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt_log=$(mktemp)
  if [ "$(id -u)" -ne 0 ]; then
    echo "chromium and chromedriver are missing and this is not root: install them (apt-get install chromium chromium-driver fonts-noto-cjk); the browser tests will fail until then."
  elif ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium and chromedriver are missing and apt-get is not available; the browser tests will fail until they are installed (or CHROMIUM_PATH and CHROMEDRIVER_PATH are set)."
  elif ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk; } >"$apt_log" 2>&1; then
    echo "Installing chromium and chromium-driver with apt-get failed; the browser tests will fail. apt-get said:"
    tail -n 5 "$apt_log"
  fi
  rm -f "$apt_log"
fi

dotnet build CampaignBot.sln --nologo -v quiet
status=$?
if [ "$status" -eq 0 ]; then
  # One results folder per project, so no two projects' result files can collide.
  for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" --no-build --nologo --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results/$name" "$@" || status=$?
  done
fi

passed=0; failed=0; skipped=0
for trx in "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(printf '%s' "$counters" | sed -nE 's/.* passed="([0-9]+)".*/\1/p')
  f=$(printf '%s' "$counters" | sed -nE 's/.* failed="([0-9]+)".*/\1/p')
  t=$(printf '%s' "$counters" | sed -nE 's/.* total="([0-9]+)".*/\1/p')
  e=$(printf '%s' "$counters" | sed -nE 's/.* executed="([0-9]+)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done

if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "No test ran: treating the run as failed."
  status=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
