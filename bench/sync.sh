#!/usr/bin/env bash
# Full /sync of large:N (default 10,000 guests) with the assembled product, in a heap of 512 MB: one first import, then
# `runs` syncs again (nothing changed on the server), each timed as a whole process. With MPC_LATENCY_MS=<ms> every
# request of the simulator waits that long. Each sync logs its GC (-Xlog:gc) and the script prints the largest heap
# in use before a collection (the peak) per run. With MPC_JFR=<file> the last run also records a JFR profile
# (settings=profile) into <file>; `jfr print --events jdk.ExecutionSample <file>` reads it.
# With MPC_BASELINE=<another assembled distribution directory> that build syncs too, in a project of its own against
# the same simulator, taking turns with this one in every round (which goes first alternates); the summary then gives
# both medians and the ratio after / before.
# Usage: bench/sync.sh [runs] [guests]   (build first: ./mvnw -B -o -pl distribution -am package -DskipTests;
# MPC_PRODUCT=<an assembled distribution directory> measures that one instead)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
guests=${2:-10000}
latency=${MPC_LATENCY_MS:-0}
bin=${MPC_PRODUCT:-$(pwd)/distribution/target/proxmox-mpc}/bin/proxmox-mpc
[ -x "$bin" ] || { echo "build first: ./mvnw -B -o -pl distribution -am package -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
sims=()
trap 'for s in "${sims[@]}"; do kill -- "-$s" 2>/dev/null || true; done; rm -rf "$work"' EXIT
mkdir -p "$work/home"
labels=(after)
bins=("$bin")
if [ -n "${MPC_BASELINE:-}" ]; then
  [ -x "$MPC_BASELINE/bin/proxmox-mpc" ] || { echo "MPC_BASELINE has no bin/proxmox-mpc: $MPC_BASELINE" >&2; exit 1; }
  labels=(before after)
  bins=("$MPC_BASELINE/bin/proxmox-mpc" "$bin")
fi
# run BIN PROJECT EXTRA_JVM_OPTS ARGS...: a product in a project with a throw-away home
run() {
  local b=$1 p=$2 opts=$3; shift 3
  (cd "$p" && HOME="$work/home" PROXMOX_MPC_OPTS="-Duser.home=$work/home $opts" "$b" --project "$p" "$@")
}
now() { date +%s%N; }
# peak GC_LOG: the largest "used before" of the collections in a -Xlog:gc log, in MB
peak() { sed -n 's/.* \([0-9]*\)M->[0-9]*M(.*/\1/p' "$1" | sort -n | tail -1; }
median() { sort -n | awk '{ a[NR] = $1 } END { printf "%d", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "machine: $(nproc) cores, $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
set -m
mkdir -p "$work/sim"
run "$bin" "$work/sim" "" simulator --scenario "large:$guests" --latency-ms "$latency" --port 0 --json >"$work/sim.json" 2>"$work/sim.err" </dev/null &
sims+=($!)
set +m
for _ in $(seq 1 900); do grep -q '"tokenSecret"' "$work/sim.json" 2>/dev/null && break; sleep 0.1; done
field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" "$work/sim.json"; }
[ -n "$(field port)" ] || { echo "the simulator did not start: $(cat "$work/sim.err")" >&2; exit 1; }
export PROXMOX_MPC_DEFAULT_SECRET
PROXMOX_MPC_DEFAULT_SECRET=$(field tokenSecret)
for i in "${!labels[@]}"; do
  mkdir -p "$work/project-${labels[$i]}"
  run "${bins[$i]}" "$work/project-${labels[$i]}" "" init --host 127.0.0.1 --port "$(field port)" --token-id "$(field tokenId)" \
      --token-secret-env PROXMOX_MPC_DEFAULT_SECRET --fingerprint "$(field fingerprint)" --node node1 >/dev/null
  : >"$work/times-${labels[$i]}"
done

for round in $(seq 0 "$runs"); do
  order=("${!labels[@]}")
  if [ $((round % 2)) -eq 1 ] && [ "${#labels[@]}" -eq 2 ]; then order=(1 0); fi
  for i in "${order[@]}"; do
    label=${labels[$i]}
    opts="-Xmx512m -Xlog:gc:file=$work/gc-$label-$round.log"
    if [ "$round" -eq "$runs" ] && [ -n "${MPC_JFR:-}" ] && [ "$label" = after ]; then
      opts="$opts -XX:StartFlightRecording=filename=$MPC_JFR,settings=profile"
    fi
    t0=$(now)
    run "${bins[$i]}" "$work/project-$label" "$opts" sync >"$work/sync.out" 2>"$work/sync.err" || { cat "$work/sync.err" >&2; exit 1; }
    t1=$(now)
    ms=$(( (t1 - t0) / 1000000 ))
    kind=$([ "$round" -eq 0 ] && echo first || echo again)
    echo "/sync of large:$guests ($label, $kind, latency $latency ms): $ms ms, heap peak $(peak "$work/gc-$label-$round.log") MB of 512, load $(cut -d' ' -f1 /proc/loadavg)"
    [ "$round" -eq 0 ] || echo "$ms" >>"$work/times-$label"
  done
done
grep -m1 "Found" "$work/sync.out" || true
for label in "${labels[@]}"; do
  echo "again ($label): $runs runs, median $(median <"$work/times-$label") ms, min $(sort -n "$work/times-$label" | head -1) ms"
done
if [ "${#labels[@]}" -eq 2 ]; then
  awk -v a="$(median <"$work/times-after")" -v b="$(median <"$work/times-before")" 'BEGIN { printf "after / before (medians): %.2f\n", a / b }'
fi
