#!/usr/bin/env bash
# Makes the Chinese font the charts are drawn with: a subset of Noto Sans CJK SC (SIL Open Font License 1.1)
# from Debian's fonts-noto-cjk, holding ASCII, CJK punctuation and full-width forms, the GB2312 level-1
# characters (the 3,755 most used) and every character of the shipped campaign files. Run it again when the
# campaign files gain characters outside that set; the output is committed.
#   apt-get install fonts-noto-cjk python3-fonttools && scripts/make-cjk-font.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
out=src/CampaignBot/Fonts/NotoSansSC-Subset.otf
[ -f "$source_font" ] || { echo "需要 fonts-noto-cjk：apt-get install fonts-noto-cjk" >&2; exit 1; }

text=$(mktemp)
trap 'rm -f "$text"' EXIT
/usr/bin/python3 - "$text" config/*.yaml <<'PY'
import sys
chars = {chr(c) for c in range(0x20, 0x7F)}
chars |= {chr(c) for c in range(0x3000, 0x3040)}   # CJK symbols and punctuation
chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}   # full-width forms
chars |= set("·—–‘’“”…※√×÷±≤≥℃％")
for hi in range(0xA1, 0xD8):                       # GB2312 symbol rows and level 1 (rows 16–55)
    if 0xAA <= hi <= 0xAF:
        continue
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for path in sys.argv[2:]:
    chars |= {c for c in open(path, encoding="utf-8").read() if c.isprintable()}
open(sys.argv[1], "w", encoding="utf-8").write("".join(sorted(chars)))
print(f"{len(chars)} characters", file=sys.stderr)
PY

# Font number 2 of the collection is Noto Sans CJK SC.
/usr/bin/python3 -m fontTools.subset "$source_font" --font-number=2 --text-file="$text" \
  --layout-features='*' --no-hinting --desubroutinize --name-IDs='*' --output-file="$out"
ls -l "$out"
