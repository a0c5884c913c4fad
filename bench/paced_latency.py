#!/usr/bin/env python3
"""Handling latency at a steady update rate, through the shared Telegram stand-in (../shared/bench).

The shared harness only has a flat-out mode; this drives the same stand-in at a fixed rate instead: every 10 ms
it queues rate/100 `/start` updates, each from a new user, for --seconds, then reads what the bot sent. Latency of
an update = the stand-in's time of the bot's first sendMessage to that user minus the time the update was queued
(a long-polling bot gets a queued update at once, so this is getUpdates to sendMessage plus the poll's hand-over).
The first --warmup seconds are not counted. Prints one JSON line: rate asked and achieved, p50/p95/p99/max in ms,
updates answered, the bot's CPU per update (process tree, from /proc) and its peak RSS.

With --connections N (default 1) the updates of a tick are queued over N connections, each on a thread of its own,
so the driver does not wait for the stand-in's answer to one update before queueing the next: a busy stand-in then
delays each request, not the whole schedule (driver_late_* says how far behind its slots it still was).

usage: paced_latency.py --bench ../shared/bench --bot 'exec dotnet …/campaignbot.dll' --cwd DIR
                        [--rate 1000] [--seconds 20] [--warmup 3] [--connections 1] [--env K=V ...] [--label L]
"""
import argparse, http.client, json, os, queue, signal, subprocess, sys, tempfile, threading, time

ap = argparse.ArgumentParser()
ap.add_argument('--bench', required=True, help='the shared bench folder (holds lib/drive.py and tg-standin/)')
ap.add_argument('--bot', required=True); ap.add_argument('--cwd', default='.')
ap.add_argument('--rate', type=int, default=1000); ap.add_argument('--seconds', type=float, default=20)
ap.add_argument('--warmup', type=float, default=3); ap.add_argument('--env', action='append', default=[])
ap.add_argument('--label', default='bot')
ap.add_argument('--connections', type=int, default=1, help='connections (threads) queueing updates in parallel')
a = ap.parse_args()
sys.path.insert(0, os.path.join(os.path.abspath(a.bench), 'lib'))
from drive import StandIn  # noqa: E402


def tree(pid):
    """CPU seconds and peak RSS (MB) of the process group of pid."""
    tick = os.sysconf('SC_CLK_TCK'); cpu = 0; rss = 0; group = os.getpgid(pid)
    for p in os.listdir('/proc'):
        if not p.isdigit():
            continue
        try:
            s = open(f'/proc/{p}/stat').read().rsplit(')', 1)[1].split()
            if int(s[2]) != group:
                continue
            cpu += int(s[11]) + int(s[12])
            for line in open(f'/proc/{p}/status'):
                if line.startswith('VmHWM:'):
                    rss = max(rss, int(line.split()[1]))
        except OSError:
            pass
    return cpu / tick, rss / 1024


def pct(values, q):
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))] if values else None


st = StandIn(limits=False)
env = dict(os.environ, API_ROOT=st.url, Telegram__ApiBaseUrl=st.url, TOKEN='1:bench', Telegram__Token='1:bench')
for kv in a.env:
    k, v = kv.split('=', 1); env[k] = v
log = open(os.path.join(tempfile.gettempdir(), f'paced-{a.label}.log'), 'wb')
bot = subprocess.Popen(a.bot, shell=True, cwd=a.cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
try:
    t0 = time.time()
    while st.ctl('stats')['getUpdates'] == 0:
        if time.time() - t0 > 90:
            print(json.dumps({'label': a.label, 'error': 'bot never polled'})); sys.exit(1)
        time.sleep(0.1)

    per_tick = max(1, a.rate // 100)
    total = int(a.rate * a.seconds)
    queued = {}  # user id -> queued at (ms)
    late = []  # how far behind its slot the driver queued each update (ms): a driver that fell behind sends a burst
    base = 20_000_000
    work = queue.Queue()

    def sender():
        conn = http.client.HTTPConnection('127.0.0.1', st.port)
        while (item := work.get()) is not None:
            user, due = item
            before = time.time() * 1000
            conn.request('POST', '/_ctl/message', json.dumps({'user_id': user, 'text': '/start'}), {'content-type': 'application/json'})
            conn.getresponse().read()
            queued[user] = (before + time.time() * 1000) / 2
            late.append(queued[user] - due * 1000)

    senders = [threading.Thread(target=sender, daemon=True) for _ in range(max(1, a.connections))]
    for t in senders:
        t.start()
    start = time.time(); cpu0, _ = tree(bot.pid); n = 0; tick = 0
    while n < total:
        due = start + tick * 0.01
        pause = due - time.time()
        if pause > 0:
            time.sleep(pause)
        for _ in range(min(per_tick, total - n)):
            work.put((base + n, due))
            n += 1
        tick += 1
    for _ in senders:
        work.put(None)
    for t in senders:
        t.join()
    driven = time.time() - start

    # Wait for the replies to the last updates (up to 30 s), then read what was sent.
    deadline = time.time() + 30
    while time.time() < deadline and st.ctl('stats')['sentCount'] < total:
        time.sleep(0.2)
    cpu1, rss = tree(bot.pid)
    first = {}
    for e in st.sent():
        if e['method'] == 'sendMessage' and e['chat_id'] in queued and e['chat_id'] not in first:
            first[e['chat_id']] = e['at']
    skip = int(a.rate * a.warmup)
    lat = sorted(first[u] - queued[u] for u in range(base + skip, base + total) if u in first)
    answered = sum(1 for u in range(base, base + total) if u in first)
    out = {'label': a.label, 'rate_asked': a.rate, 'rate_driven': round(total / driven, 1), 'updates': total,
           'answered': answered, 'counted': len(lat),
           'p50_ms': pct(lat, 50), 'p95_ms': pct(lat, 95), 'p99_ms': pct(lat, 99), 'max_ms': lat[-1] if lat else None,
           'driver_late_p99_ms': round(pct(sorted(late), 99), 1), 'driver_late_over_50ms': sum(1 for x in late if x > 50),
           'cpu_ms_per_update': round((cpu1 - cpu0) * 1000 / max(1, answered), 3), 'peak_rss_mb': round(rss, 1),
           'load1': os.getloadavg()[0]}
    print(json.dumps(out))
finally:
    os.killpg(bot.pid, signal.SIGTERM)
    try:
        bot.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(bot.pid, signal.SIGKILL)
    st.stop()
