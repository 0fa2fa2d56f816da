#!/usr/bin/env bash
# Time from start to the window on the screen, with a workspace of DEALS deals.
#
#   bash benches/window.sh                  # 100k deals, 5 runs
#   DEALS=1000 RUNS=3 bash benches/window.sh
#   SALESDESK=old/salesdesk bash benches/window.sh    # another build
#
# eframe keeps its window hidden until the first frame is painted, so "visible" is the
# first frame: the loading state (the data is read on a thread of its own, see
# src/launch.rs), or the data when it was read first. What is timed: from the fork of
# the release binary to the moment `xdotool search --onlyvisible --pid` finds its
# window, polled every 10 ms; the data files are in the page cache. With no DISPLAY it
# starts Xvfb on :$XDISPLAY (99 by default) and ends it afterwards
# (apt-get install -y xvfb xdotool libgl1-mesa-dri). Results: README.md, "Performance".
set -euo pipefail

DEALS=${DEALS:-100000}
RUNS=${RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=$(mktemp -d /tmp/salesdesk-window.XXXXXX)

started=()
cleanup() {
    for p in "${started[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ -z "${DISPLAY:-}" ]; then
    Xvfb ":${XDISPLAY:-99}" -screen 0 1440x900x24 >/dev/null 2>&1 &
    started+=($!)
    export DISPLAY=":${XDISPLAY:-99}"
    for _ in $(seq 100); do
        xdotool getdisplaygeometry >/dev/null 2>&1 && break
        sleep 0.05
    done
    xdotool getdisplaygeometry >/dev/null 2>&1 || { echo "no X server on $DISPLAY" >&2; exit 1; }
fi

# SALESDESK=path/to/salesdesk times that binary instead of building one.
SD=${SALESDESK:-}
if [ -z "$SD" ]; then
    echo "building the release window…" >&2
    (cd "$ROOT" && cargo build --release --quiet --bin salesdesk)
    SD="$TARGET/release/salesdesk"
fi

echo "generating $DEALS deals…" >&2
"$SD" demo --data-dir "$WORK/sd" --deals "$DEALS" >/dev/null
cat "$WORK"/sd/*.ron >/dev/null

# One start: the milliseconds to the window, or nothing when the X server refused the
# window its connection (Xvfb does now and then, whatever the app); any other early
# exit ends the script.
one_start() {
    local log="$WORK/start.log" t0 t1 pid
    t0=$(date +%s%N)
    "$SD" --data-dir "$WORK/sd" >"$log" 2>&1 &
    pid=$!
    until xdotool search --onlyvisible --pid "$pid" >/dev/null 2>&1; do
        if ! kill -0 "$pid" 2>/dev/null; then
            grep -q "connection to X server" "$log" && return 0
            echo "the window exited before it showed:" >&2
            cat "$log" >&2
            exit 1
        fi
        sleep 0.01
    done
    t1=$(date +%s%N)
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    echo $(((t1 - t0) / 1000000))
}

times=()
for i in $(seq "$RUNS"); do
    ms=""
    for _ in 1 2 3; do
        ms=$(one_start)
        [ -n "$ms" ] && break
        echo "run $i: the X server refused the connection; once more" >&2
        sleep 1
    done
    [ -n "$ms" ] || { echo "run $i: the X server refused three times" >&2; exit 1; }
    times+=("$ms")
    echo "run $i: window visible after $ms ms"
    # Let the X server let go of the last window before the next one connects.
    sleep 0.5
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "median of $RUNS: $(echo "$sorted" | sed -n "$(((RUNS + 1) / 2))p") ms ($DEALS deals)"
