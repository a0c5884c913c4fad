#!/usr/bin/env python3
"""Where an update waits: reads a stage trace (CAMPAIGNBOT_STAGE_TRACE=file, see Core/Pipeline/StageTrace.cs) and,
optionally, the stand-in's send log is not needed: the trace has the bot's own stages for each chat.

For every chat with a complete trail (polled … sent) it takes the gap between consecutive stages and prints, for all
updates and for the slowest 5%, the median and p95 of each gap, so the stage that holds a tail shows. Also prints the
writer's groups (queue wait, run, COMMIT), thread-pool lag and GC pauses above their thresholds.

usage: stage_report.py TRACE.tsv [--skip-seconds 3]
"""
import argparse, collections, statistics

STAGES = ['polled', 'inboxed', 'claimed', 'handling', 'session-read', 'member-read', 'routed', 'handled',
          'handoff', 'outbox-claimed', 'send-turn', 'sending', 'sent']

ap = argparse.ArgumentParser()
ap.add_argument('trace'); ap.add_argument('--skip-seconds', type=float, default=3)
a = ap.parse_args()

trail = collections.defaultdict(dict)
other = collections.defaultdict(list)
t_first = None
for line in open(a.trace):
    at, stage, key, value = line.rstrip('\n').split('\t')
    at = float(at); value = float(value)
    if stage in STAGES:
        chat = key.split(':')[1] if ':' in key else key
        trail[chat].setdefault(stage, at)
        if stage == 'polled' and (t_first is None or at < t_first):
            t_first = at
    else:
        other[stage].append((at, key, value))


def pct(v, q):
    v = sorted(v)
    return v[min(len(v) - 1, int(round(q / 100 * (len(v) - 1))))] if v else float('nan')


rows = [t for t in trail.values() if 'polled' in t and 'sent' in t and t['polled'] >= (t_first or 0) + a.skip_seconds * 1000]
rows.sort(key=lambda t: t['sent'] - t['polled'])
total = [t['sent'] - t['polled'] for t in rows]
print(f"{len(rows)} updates traced end to end; polled→sent p50 {pct(total, 50):.1f} ms, p95 {pct(total, 95):.1f}, "
      f"p99 {pct(total, 99):.1f}, max {max(total) if total else 0:.1f}")
tail = rows[int(len(rows) * 0.95):]
print(f"{'gap':34} {'all p50':>9} {'all p95':>9} {'tail p50':>9} {'tail max':>9}")
for i in range(len(STAGES) - 1):
    s0 = STAGES[i]
    for s1 in STAGES[i + 1:]:
        gaps = [t[s1] - t[s0] for t in rows if s0 in t and s1 in t]
        if gaps:
            break
    else:
        continue
    tg = [t[s1] - t[s0] for t in tail if s0 in t and s1 in t]
    print(f"{s0 + ' → ' + s1:34} {pct(gaps, 50):9.1f} {pct(gaps, 95):9.1f} {pct(tg, 50):9.1f} {max(tg) if tg else float('nan'):9.1f}")

if rows:
    t0 = rows[0]['polled']
    slow = [t for t in tail]
    print('slowest updates: polled time offset (s) and gaps (ms)')
    for t in slow[-8:]:
        parts = []
        prev = 'polled'
        for s in STAGES[1:]:
            if s in t:
                parts.append(f"{s}+{t[s] - t[prev]:.0f}")
                prev = s
        print(f"  t={(t['polled'] - (t_first or t0)) / 1000:6.2f}s total {t['sent'] - t['polled']:.0f} ms: " + ' '.join(parts))

for name in ['w-wait', 'w-run', 'w-commit']:
    v = [x[2] for x in other[name]]
    if v:
        big = [x for x in other[name] if x[2] > 100]
        print(f"writer {name}: {len(v)} groups, p50 {pct(v, 50):.2f} ms, p99 {pct(v, 99):.2f}, max {max(v):.1f}; "
              f"{len(big)} over 100 ms at " + ', '.join(f"{(x[0] - (t_first or 0)) / 1000:.1f}s({x[2]:.0f}ms,n={x[1]})" for x in big[:12]))
sizes = [int(x[1]) for x in other['w-run']]
if sizes:
    print(f"writer group size p50 {pct(sizes, 50)}, p95 {pct(sizes, 95)}, max {max(sizes)}")
for name in ['pool-lag', 'gc-pause']:
    v = other[name]
    big = sorted(v, key=lambda x: -x[2])[:10]
    print(f"{name}: {len(v)} events; largest " + ', '.join(f"{(x[0] - (t_first or 0)) / 1000:.1f}s:{x[2]:.0f}ms({x[1]})" for x in big))

# Latency over time: per 500 ms of arrival, the median and max polled→sent, and the stage holding the max.
if rows:
    buckets = collections.defaultdict(list)
    for t in rows:
        buckets[int((t['polled'] - t_first) // 500)].append(t)
    print('by arrival time (500 ms buckets): n, p50, max, where the max waited most')
    for b in sorted(buckets):
        ts = buckets[b]
        lat = sorted(t['sent'] - t['polled'] for t in ts)
        worst = max(ts, key=lambda t: t['sent'] - t['polled'])
        gaps = []
        prev = 'polled'
        for s in STAGES[1:]:
            if s in worst:
                gaps.append((worst[s] - worst[prev], prev + '→' + s))
                prev = s
        g = max(gaps)
        print(f"  {b * 0.5:5.1f}s n={len(ts):4} p50 {lat[len(lat) // 2]:7.1f} max {lat[-1]:7.1f}  {g[1]} {g[0]:.0f} ms")
