#!/usr/bin/env bash
# Site benchmark (issue 6): Lede's article page (with its "You May Also Like" block) against nginx serving
# the same bytes as a static file, both measured with wrk on loopback in the same run; plus the page weight
# (HTML + CSS) and the time from `./lede demo` on an empty data folder to the first page served.
# Needs the jar built (./lede builds it), Debian's wrk and nginx-light. Loopback only; stops by itself.
# Usage: scripts/bench-site.sh [DURATION (default 15s)] [CONNECTIONS (default 64)]
set -euo pipefail
cd "$(dirname "$0")/.."
dur=${1:-15s}
conns=${2:-64}
work=$(mktemp -d /tmp/lede-bench-site.XXXXXX)
lport=18090
nport=18091
pids=()
cleanup() {
  for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "bench: wrk is missing (apt-get install wrk)" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "bench: nginx is missing (apt-get install nginx-light)" >&2; exit 1; }
./lede --version >/dev/null # builds the jar if needed, outside the timing

t0=$(date +%s.%N)
./lede demo --data "$work/data" --port "$lport" >"$work/demo.out" 2>"$work/demo.err" &
pids+=($!)
until curl -fs -o /dev/null "http://127.0.0.1:$lport/"; do
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$work/demo.err" >&2; exit 1; }
  sleep 0.1
done
t1=$(date +%s.%N)
echo "time from ./lede demo (empty data folder, jar built) to the first page: $(echo "$t1 - $t0" | bc) s"

# After the corpus load the related-stories refresher computes every article's list in the
# background; measure the serving path, not that: wait (at most 300 s) until the JVM is idle.
jpid=${pids[0]} # ./lede execs java: the same process
cpu() { awk '{print $14 + $15}' "/proc/$jpid/stat"; }
hz=$(getconf CLK_TCK)
waited=0
if [ -n "$jpid" ]; then
  prev=$(cpu)
  while [ "$waited" -lt 300 ]; do
    sleep 2
    waited=$((waited + 2))
    now=$(cpu)
    [ $((now - prev)) -lt $((hz / 5)) ] && break # under 10 % of a core over 2 s
    prev=$now
  done
fi
echo "waited $waited s for the background work after the load (related lists) to finish"

id=$(curl -fs "http://127.0.0.1:$lport/api/articles?pageSize=1" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p' | head -n1)
mkdir -p "$work/www"
curl -fs "http://127.0.0.1:$lport/a/$id" -o "$work/www/article.html"
css=$(curl -fs "http://127.0.0.1:$lport/static/site.css" | wc -c)
html=$(wc -c <"$work/www/article.html")
teasers=$(grep -c 'class="teaser"' "$work/www/article.html" || true)
echo "article /a/$id: HTML $html bytes + CSS $css bytes = $((html + css)) bytes; $teasers teasers"

cat >"$work/nginx.conf" <<CONF
worker_processes auto;
daemon off;
error_log $work/nginx-error.log warn;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  server { listen 127.0.0.1:$nport; root $work/www; }
}
CONF
chmod -R a+rX "$work" # nginx workers run as an unprivileged user
/usr/sbin/nginx -c "$work/nginx.conf" -p "$work" &
pids+=($!)
sleep 1

echo "warm-up (Lede, 10 s) ..."
wrk -t2 -c"$conns" -d10s "http://127.0.0.1:$lport/a/$id" >/dev/null
echo "== nginx, static copy of the page"
wrk -t2 -c"$conns" -d"$dur" --latency "http://127.0.0.1:$nport/article.html"
echo "== Lede, /a/$id"
wrk -t2 -c"$conns" -d"$dur" --latency "http://127.0.0.1:$lport/a/$id"
echo "== Lede, /healthz (a two-byte response: the framework's ceiling on this machine, now)"
wrk -t2 -c"$conns" -d"$dur" --latency "http://127.0.0.1:$lport/healthz"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
