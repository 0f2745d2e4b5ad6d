#!/usr/bin/env bash
# The commands of issue 21 at two sizes: the demo (19 guests) and large:N (default 10,000), each as a whole process of
# the assembled product: /help (the start-up floor), /status, `list vms --json`, `describe vm`, `/plan --offline` and a
# live /plan with one pending change (scale vm ... --cores). The simulators stay up for the live plans.
# With MPC_BASELINE=<another assembled distribution directory> (e.g. a copy of distribution/target/proxmox-mpc built
# from an older commit) every command also runs with that build, interleaved in the same rounds, on a copy of the same
# project: before and after in one run, under the same load.
# MPC_PROJECTS=<dir> reuses synced projects instead (<dir>/demo and <dir>/large, their token secrets in
# <dir>/demo.secret and <dir>/large.secret, their simulators still running): for a machine too loaded to import
# large:N twice. MPC_PRODUCT=<an assembled distribution directory> measures that one instead of distribution/target/proxmox-mpc.
# MPC_ONLY=<bash regex> times only the commands whose label matches (e.g. 'plan \(live').
# Usage: bench/scale.sh [runs] [guests]   (build first: ./mvnw -B -o -pl distribution -am package -DskipTests)
# Prints the one /sync per size (first import; with the baseline also its own), then a Markdown table: min / median /
# mean wall time over the runs (after 2 warm-up rounds), variants interleaved.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/timing.sh
runs=${1:-5}
guests=${2:-10000}
bin=${MPC_PRODUCT:-$(pwd)/distribution/target/proxmox-mpc}/bin/proxmox-mpc
[ -x "$bin" ] || { echo "build first: ./mvnw -B -o -pl distribution -am package -DskipTests" >&2; exit 1; }
base=${MPC_BASELINE:-}
[ -z "$base" ] || [ -x "$base/bin/proxmox-mpc" ] || { echo "MPC_BASELINE=$base holds no bin/proxmox-mpc" >&2; exit 1; }
work=$(mktemp -d)
results=$(mktemp)
sims=()
trap 'for s in "${sims[@]}"; do kill -- "-$s" 2>/dev/null || true; done; rm -rf "$work" "$results"' EXIT
mkdir -p "$work/home"

# run BIN DIR ARGS...: the product BIN in project DIR with a throw-away home
# (--project: a stray .proxmox/ in a parent directory must not be taken for the project)
# (the project's token secret: $d.secret, when its simulator is not the one started last)
run() {
  local b=$1 d=$2; shift 2
  (cd "$d" && { [ ! -f "$d.secret" ] || export PROXMOX_MPC_DEFAULT_SECRET=$(cat "$d.secret"); } \
      && HOME="$work/home" PROXMOX_MPC_OPTS="-Duser.home=$work/home" "$b" --project "$d" "$@")
}
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }

# project NAME SCENARIO NODE VM: a simulator, /init, a timed /sync (and with the baseline a copy synced by it), then
# one pending change (scale vm VM --cores 7) in each copy
project() {
  local name=$1 scenario=$2 node=$3 vm=$4
  if [ -n "${MPC_PROJECTS:-}" ]; then # reuse a synced project (its simulator still up): copies, no /sync timed
    for b in "after|$bin" "before|${base:+$base/bin/proxmox-mpc}"; do
      [ "${b#*|}" != "" ] || continue
      cp -r "$MPC_PROJECTS/$name" "$work/$name-${b%%|*}"
      cp "$MPC_PROJECTS/$name.secret" "$work/$name-${b%%|*}.secret"
      run "${b#*|}" "$work/$name-${b%%|*}" scale vm "$vm" --cores 7 >/dev/null
    done
    return
  fi
  set -m
  run "$bin" "$work" simulator --scenario "$scenario" --port 0 --json >"$work/$name.sim" 2>"$work/$name.err" </dev/null &
  sims+=($!)
  set +m
  for _ in $(seq 1 900); do grep -q '"tokenSecret"' "$work/$name.sim" 2>/dev/null && break; sleep 0.1; done
  field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" "$work/$name.sim"; }
  [ -n "$(field port)" ] || { echo "the simulator did not start: $(cat "$work/$name.err")" >&2; exit 1; }
  export PROXMOX_MPC_DEFAULT_SECRET
  PROXMOX_MPC_DEFAULT_SECRET=$(field tokenSecret)
  local builds=("after|$bin")
  [ -z "$base" ] || builds+=("before|$base/bin/proxmox-mpc")
  for b in "${builds[@]}"; do
    local d="$work/$name-${b%%|*}"
    mkdir -p "$d"
    run "${b#*|}" "$d" init --host 127.0.0.1 --port "$(field port)" --token-id "$(field tokenId)" \
        --token-secret-env PROXMOX_MPC_DEFAULT_SECRET --fingerprint "$(field fingerprint)" --node "$node" >/dev/null
    # each project keeps its own simulator's secret: the variable ends up holding the last simulator's
    echo "$PROXMOX_MPC_DEFAULT_SECRET" >"$d.secret"
    local t0 t1 t2
    t0=$(now); run "${b#*|}" "$d" sync >/dev/null 2>"$work/sync.err" || { cat "$work/sync.err" >&2; exit 1; }
    t1=$(now); run "${b#*|}" "$d" sync >/dev/null 2>"$work/sync.err" || { cat "$work/sync.err" >&2; exit 1; }
    t2=$(now)
    echo "${b%%|*}: /sync of $scenario: first $(ms "$t0" "$t1") ms, again $(ms "$t1" "$t2") ms (load $(cut -d' ' -f1 /proc/loadavg))"
    run "${b#*|}" "$d" scale vm "$vm" --cores 7 >/dev/null
  done
}

project demo demo pve1 web-01
project large "large:$guests" node1 1000

variants=()
# an older baseline may not know `/plan --refresh` (before the targeted refresh): those variants run only with this build
base_refresh=no
[ -z "$base" ] || ! HOME="$work/home" "$base/bin/proxmox-mpc" help plan 2>/dev/null | grep -q -- '--refresh' || base_refresh=yes
add() { # label project command...
  local label=$1 proj=$2; shift 2
  [[ -z "${MPC_ONLY:-}" || "$label" =~ $MPC_ONLY ]] || return 0
  variants+=("after: $label|run $bin $work/$proj-after $*")
  case "$*" in *--refresh*) [ "$base_refresh" = yes ] || return 0 ;; esac
  [ -z "$base" ] || variants+=("before: $label|run $base/bin/proxmox-mpc $work/$proj-before $*")
}
add "-c /help" demo -c /help
add "status, demo" demo status
add "list vms --json, demo" demo list vms --json
add "describe vm web-01, demo" demo describe vm web-01
add "plan --offline, demo" demo plan --offline
add "plan (live, 1 change), demo" demo plan
add "plan --refresh=all (live, 1 change), demo" demo plan --refresh=all
add "describe vm 1000, large:$guests" large describe vm 1000
add "list vms --json, large:$guests" large list vms --json
add "status, large:$guests" large status
add "plan --offline, large:$guests" large plan --offline
add "plan (live, 1 change), large:$guests" large plan
add "plan --refresh=all (live, 1 change), large:$guests" large plan --refresh=all
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# /plan exits 3 only under --detailed-exitcode: every variant must exit 0
time_rounds
print_table
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
