#!/usr/bin/env bash
# Import + report next to LibreOffice Calc and the SQLite CLI, on the same CSV.
#
#   bash benches/compare.sh            # 100k deals, 5 runs each (hyperfine if installed)
#   DEALS=10000 RUNS=3 bash benches/compare.sh
#   SALESDESK=old/salesdesk-cli WORK=/tmp/cmp bash benches/compare.sh   # another build, same CSV
#
# What is timed (each from a cold start of the program, data files in the page cache):
# - salesdesk: `salesdesk import deals.csv` into an empty data dir (the files, the
#   manifest and the first backup written and fsynced), then `salesdesk report --json`
#   over the same dir (load + every figure of the report), release build;
# - sqlite3:   `.import deals.csv` into a new database file, then three GROUP BY
#   queries (by stage, by owner, by month created);
# - LibreOffice: `soffice --headless --convert-to xlsx deals.csv` (open the CSV, save
#   it as a workbook), with its own profile dir, after one warm-up run.
# The CSV is the 100k-deal demo exported by `salesdesk export --csv`. Tools that are
# not installed are skipped (apt-get install -y sqlite3 libreoffice-calc-nogui hyperfine).
# Results: README.md, "Performance".
set -euo pipefail

DEALS=${DEALS:-100000}
RUNS=${RUNS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
WORK=${WORK:-$(mktemp -d /tmp/salesdesk-compare.XXXXXX)}
mkdir -p "$WORK"

# SALESDESK=path/to/salesdesk-cli times that binary instead of building one.
SD=${SALESDESK:-}
if [ -z "$SD" ]; then
    echo "building the release command line…" >&2
    (cd "$ROOT" && cargo build --release --quiet --bin salesdesk-cli)
    SD="$TARGET/release/salesdesk-cli"
fi

CSV="$WORK/csv/deals.csv"
if [ ! -f "$CSV" ]; then
    echo "generating $DEALS deals and exporting them as CSV…" >&2
    rm -rf "$WORK/demo" "$WORK/csv"
    "$SD" --data-dir "$WORK/demo" demo --deals "$DEALS" >/dev/null
    "$SD" --data-dir "$WORK/demo" export --csv "$WORK/csv" >/dev/null
fi
echo "CSV: $CSV ($(wc -l <"$CSV") lines, $(du -h "$CSV" | cut -f1))" >&2

# The report's period: the demo's whole history (it ends on the generation day).
FROM=2000-01-01
TO=$(date +%Y-%m-%d)

salesdesk_cmd="rm -rf '$WORK/imp' && '$SD' --data-dir '$WORK/imp' import '$CSV' >/dev/null \
&& '$SD' --data-dir '$WORK/imp' report --from $FROM --to $TO --json >/dev/null"

sqlite_cmd=""
if command -v sqlite3 >/dev/null; then
    # The export's headers name the columns (`stage`, `owner`, `amount`, `created`).
    cat >"$WORK/queries.sql" <<EOF
.mode csv
.import '$CSV' deals
SELECT "stage", count(*), sum("amount") FROM deals GROUP BY 1;
SELECT "owner", count(*), sum("amount") FROM deals GROUP BY 1;
SELECT substr("created", 1, 7), count(*), sum("amount") FROM deals GROUP BY 1;
EOF
    sqlite_cmd="rm -f '$WORK/deals.db' && sqlite3 '$WORK/deals.db' <'$WORK/queries.sql' >/dev/null"
fi

lo_cmd=""
if command -v soffice >/dev/null; then
    lo_cmd="rm -rf '$WORK/lo' && soffice -env:UserInstallation=file://$WORK/lo-profile --headless \
--convert-to xlsx --outdir '$WORK/lo' '$CSV' >/dev/null 2>&1"
fi

names=(salesdesk)
cmds=("$salesdesk_cmd")
[ -n "$sqlite_cmd" ] && names+=(sqlite3) && cmds+=("$sqlite_cmd")
[ -n "$lo_cmd" ] && names+=(libreoffice) && cmds+=("$lo_cmd")

echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(date -u +%F)" >&2
if command -v hyperfine >/dev/null; then
    args=()
    for i in "${!names[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
    hyperfine --warmup 1 --runs "$RUNS" --export-markdown "$WORK/compare.md" "${args[@]}"
    cat "$WORK/compare.md"
else
    for i in "${!names[@]}"; do
        bash -c "${cmds[$i]}" # warm-up
        best=""
        for _ in $(seq "$RUNS"); do
            s=$(date +%s.%N); bash -c "${cmds[$i]}"; e=$(date +%s.%N)
            t=$(echo "$e - $s" | bc)
            best=$(echo "$t" "$best" | tr ' ' '\n' | grep . | sort -n | head -1)
        done
        printf '%-12s best of %s: %.3f s\n' "${names[$i]}" "$RUNS" "$best"
    done
fi
echo "work dir: $WORK (delete it when done)" >&2
