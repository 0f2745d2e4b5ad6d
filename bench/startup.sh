#!/usr/bin/env bash
# Start-up time of the assembled product: `proxmox-mpc --version` and `proxmox-mpc -c /help`, with and without the
# AppCDS archive (the script first checks that the launcher really maps the archive).
# Usage: bench/startup.sh [runs]     (build first: ./mvnw -B -q -DskipTests install)
# Prints a Markdown table: min / median / mean wall time over the runs (after 2 warm-up rounds). The variants run
# interleaved (one of each per round), so a load change on a shared machine hits them alike.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/timing.sh
runs=${1:-10}
bin=distribution/target/proxmox-mpc/bin/proxmox-mpc
[ -x "$bin" ] || { echo "build first: ./mvnw -B -q -DskipTests install" >&2; exit 1; }
dist=$(cd distribution/target/proxmox-mpc && pwd)
home=$(mktemp -d)
results=$(mktemp)
trap 'rm -rf "$home" "$results"' EXIT

product() { HOME="$home" PROXMOX_MPC_OPTS="-Duser.home=$home" "$bin" "$@"; }
no_cds() { MPC_NO_CDS=1 product "$@"; }

# The launcher must really map the AppCDS archive: -Xshare:on makes a start fail rather than silently run without it.
shared() { PROXMOX_MPC_OPTS="-Xshare:on" product "$@"; }

variants=("proxmox-mpc --version|product --version"
          "proxmox-mpc -c /help|product -c /help"
          "proxmox-mpc --version (MPC_NO_CDS=1)|no_cds --version"
          "proxmox-mpc -c /help (MPC_NO_CDS=1)|no_cds -c /help")
if [ -f "$dist/lib/proxmox-mpc.jsa" ] && ! shared --version >/dev/null 2>&1 </dev/null; then
  echo "the launcher does not map lib/proxmox-mpc.jsa (try: PROXMOX_MPC_OPTS=-Xshare:on $bin --version)" >&2
  exit 1
fi

time_rounds
print_table
