#!/usr/bin/env bash
# Start-up time of the assembled product: `proxmox-mpc --version` and `proxmox-mpc -c /help`.
# Usage: bench/startup.sh [runs]     (build first: ./mvnw -B -q -DskipTests install)
# Prints a Markdown table: min / median / mean wall time over the runs (after 2 warm-up runs).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
bin=distribution/target/proxmox-mpc/bin/proxmox-mpc
[ -x "$bin" ] || { echo "build first: ./mvnw -B -q -DskipTests install" >&2; exit 1; }
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

measure() { # label, args...
  local label=$1; shift
  local times=()
  for i in $(seq 1 $((runs + 2))); do
    local t0 t1
    t0=$(date +%s%N)
    HOME="$home" PROXMOX_MPC_OPTS="-Duser.home=$home" "$bin" "$@" >/dev/null 2>&1 </dev/null
    t1=$(date +%s%N)
    [ "$i" -gt 2 ] && times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '
    { a[NR] = $1; s += $1 }
    END { med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
          printf "| %s | %d | %d ms | %d ms | %d ms |\n", label, NR, a[1], med, s / NR }'
}

echo "| command | runs | min | median | mean |"
echo "|---|---|---|---|---|"
measure "proxmox-mpc --version" --version
measure "proxmox-mpc -c /help" -c /help
MPC_NO_CDS=1 measure "proxmox-mpc --version (no AppCDS)" --version
