#!/bin/bash
# Side-by-side registration rounds (docs/benchmarks.md): in each round the harness ceiling (null-bot), the grammY
# peer and each CampaignBot build, one after the other, 5-update registration for $USERS users through the
# Bot API stand-in of ../shared/bench with its limits and the bot's own pacing off.
#
#   bench/side_by_side.sh BENCH ROUNDS BUILD[=LABEL]... [-- --env NAME=VALUE ...]
#
# BENCH: a writable copy of ../shared/bench with `npm ci` done in peer-grammy; BUILD: a folder holding
# campaignbot.dll (a Release build or publish copied aside). Each CampaignBot run gets a fresh content root with
# config/ and its own data/, as shipped. Prints one line a run: label, finished, updates/s, CPU ms per update,
# peak RSS MB, start-up s.
set -euo pipefail
BENCH=$1; ROUNDS=$2; shift 2
USERS=${USERS:-5000}
BUILDS=(); while [[ $# -gt 0 && $1 != -- ]]; do BUILDS+=("$1"); shift; done
[[ ${1:-} == -- ]] && shift
REPO=$(cd "$(dirname "$0")/.." && pwd)
LOAD="$BENCH/bench/registration_load.py"
summary() { python3 -c '
import sys, json
for line in sys.stdin:
    try: d = json.loads(line)
    except ValueError: continue
    print(d["label"], d["finished"], d["updates_per_s"], d.get("cpu_ms_per_update"), d["peak_rss_mb"], d["startup_s"], flush=True)'; }
for ((r = 1; r <= ROUNDS; r++)); do
  echo "round $r $(date -u +%H:%M) load $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 "$LOAD" --cwd "$BENCH/null-bot" --bot 'exec node bot.js' --users "$USERS" --label null | summary
  P=$(mktemp -d)
  python3 "$LOAD" --cwd "$BENCH/peer-grammy" --bot "DB=$P/peer.db exec node bot.js" --users "$USERS" --label grammy | summary
  rm -rf "$P"
  for spec in "${BUILDS[@]}"; do
    BUILD=${spec%%=*}; LABEL=${spec#*=}; [[ $LABEL == "$spec" ]] && LABEL=$(basename "$BUILD")
    R=$(mktemp -d); cp -r "$REPO/config" "$R/"
    CODE=$(cd "$R" && dotnet "$BUILD/campaignbot.dll" invite create --unit county_east --role member --uses 10000 2>/dev/null | tail -n1)
    (cd "$R" && python3 "$LOAD" --cwd "$R" --bot "exec dotnet $BUILD/campaignbot.dll" --users "$USERS" --code "$CODE" --label "$LABEL" \
      --env Telegram__GlobalPerSecond=0 --env Telegram__PrivateChatPerSecond=0 --env Telegram__GroupPerMinute=0 "$@") | summary
    rm -rf "$R"
  done
done
