#!/usr/bin/env bash
# Commands that read the local state of a large project: /status, `list vms --json` and `/plan --offline` on a
# project synced from the simulator's large:N scenario (default 10,000 guests), against `--version` as the start-up
# floor. Also times the one /sync that imports the cluster.
# Usage: bench/state.sh [runs] [guests]     (build first: ./mvnw -B -q -DskipTests install)
# Prints a Markdown table: min / median / mean wall time over the runs (after 2 warm-up rounds), variants interleaved.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/timing.sh
runs=${1:-5}
guests=${2:-10000}
bin=$(pwd)/distribution/target/proxmox-mpc/bin/proxmox-mpc
[ -x "$bin" ] || { echo "build first: ./mvnw -B -q -DskipTests install" >&2; exit 1; }
work=$(mktemp -d)
results=$(mktemp)
sim_pid=""
trap '[ -n "$sim_pid" ] && kill -- "-$sim_pid" 2>/dev/null; rm -rf "$work" "$results"' EXIT

product() { HOME="$work/home" PROXMOX_MPC_OPTS="-Duser.home=$work/home" "$bin" "$@"; }
mkdir -p "$work/home" "$work/project"

set -m # the simulator gets its own process group: killing the group stops the JVM the launcher started
product simulator --scenario "large:$guests" --port 0 --json >"$work/sim.json" 2>"$work/sim.err" </dev/null &
sim_pid=$!
set +m
for _ in $(seq 1 600); do grep -q '"tokenSecret"' "$work/sim.json" 2>/dev/null && break; sleep 0.1; done
field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" "$work/sim.json"; }
port=$(field port)
[ -n "$port" ] || { echo "the simulator did not start: $(cat "$work/sim.err")" >&2; exit 1; }
export PROXMOX_MPC_DEFAULT_SECRET
PROXMOX_MPC_DEFAULT_SECRET=$(field tokenSecret)

cd "$work/project"
product init --host 127.0.0.1 --port "$port" --token-id "$(field tokenId)" \
    --token-secret-env PROXMOX_MPC_DEFAULT_SECRET --fingerprint "$(field fingerprint)" --node node1 >/dev/null
t0=$(date +%s%N)
product sync --no-generate >/dev/null 2>"$work/sync.err" || { cat "$work/sync.err" >&2; exit 1; }
t1=$(date +%s%N)
echo "/sync --no-generate of large:$guests: $(( (t1 - t0) / 1000000 )) ms (one run)"
kill -- "-$sim_pid"; sim_pid=""

variants=("proxmox-mpc --version|product --version"
          "proxmox-mpc status|product status"
          "proxmox-mpc list vms --json|product list vms --json"
          "proxmox-mpc plan --offline|product plan --offline")
time_rounds
print_table
