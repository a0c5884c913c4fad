#!/usr/bin/env bash
# Writes a generated city's units.xlsx and members.xlsx (default 500 units, 20,000 members) into a folder,
# for trying `campaignbot units import` and `members import` at scale. Usage: scripts/org-sheets.sh [folder] [units] [members]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/CampaignBot.Bench -- org-sheets "${1:-org-sheets}" "${2:-500}" "${3:-20000}"
