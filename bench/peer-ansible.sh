#!/usr/bin/env bash
# The peer, side by side: Ansible's Proxmox inventory (Debian `ansible`, community.general.proxmox with
# want_facts: true: every guest's config, as /sync reads them) against a first /sync of a new project (which also
# writes the state and all generated files), on the same simulator, large:N (default 1,000 guests), with 0 ms and
# 5 ms injected latency per request. The two take turns within each round, so a load change hits both alike.
# Usage: bench/peer-ansible.sh [runs] [guests]   (build first: ./mvnw -B -o -pl distribution -am package -DskipTests;
# needs ansible-inventory; MPC_PRODUCT=<an assembled distribution directory> measures that one instead)
# Prints one line per run and a table: median wall time of each and the ratio ansible / sync per latency.
# Each round's project is kept until the end: removing its thousands of files just before the next round's /sync
# makes ext4 pass over the freshly freed inodes when it creates files (a cost of the benchmark, not of /sync).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
guests=${2:-1000}
bin=${MPC_PRODUCT:-$(pwd)/distribution/target/proxmox-mpc}/bin/proxmox-mpc
[ -x "$bin" ] || { echo "build first: ./mvnw -B -o -pl distribution -am package -DskipTests" >&2; exit 1; }
command -v ansible-inventory >/dev/null || { echo "ansible-inventory is missing (apt-get install ansible)" >&2; exit 1; }
# requests prefers REQUESTS_CA_BUNDLE over the plugin's validate_certs: false; the simulator's certificate is self-signed.
unset REQUESTS_CA_BUNDLE CURL_CA_BUNDLE
work=$(mktemp -d)
sims=()
trap 'for s in "${sims[@]}"; do kill -- "-$s" 2>/dev/null || true; done; rm -rf "$work"' EXIT
mkdir -p "$work/home"
run() { local d=$1; shift; (cd "$d" && HOME="$work/home" PROXMOX_MPC_OPTS="-Duser.home=$work/home" "$bin" --project "$d" "$@"); }
now() { date +%s%N; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

echo "machine: $(nproc) cores, $(uname -sr), $(ansible --version | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
for latency in 0 5; do
  sim="$work/sim-$latency"
  set -m
  run "$work" simulator --scenario "large:$guests" --latency-ms "$latency" --port 0 --json >"$sim.json" 2>"$sim.err" </dev/null &
  sims+=($!)
  set +m
  for _ in $(seq 1 900); do grep -q '"tokenSecret"' "$sim.json" 2>/dev/null && break; sleep 0.1; done
  field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p" "$sim.json"; }
  port=$(field port)
  [ -n "$port" ] || { echo "the simulator did not start: $(cat "$sim.err")" >&2; exit 1; }
  token=$(field tokenId)
  cat >"$work/inv-$latency.proxmox.yml" <<EOF
plugin: community.general.proxmox
url: https://127.0.0.1:$port
user: ${token%%!*}
token_id: ${token#*!}
token_secret: $(field tokenSecret)
validate_certs: false
want_facts: true
EOF
  export PROXMOX_MPC_DEFAULT_SECRET
  PROXMOX_MPC_DEFAULT_SECRET=$(field tokenSecret)
  : >"$work/a-$latency"; : >"$work/s-$latency"
  for round in $(seq 1 $((runs + 1))); do
    t0=$(now)
    ANSIBLE_INVENTORY_ENABLED=community.general.proxmox ansible-inventory -i "$work/inv-$latency.proxmox.yml" --list \
        >"$work/inventory.json" 2>"$work/ansible.err" || { cat "$work/ansible.err" >&2; exit 1; }
    t1=$(now)
    hosts=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["_meta"]["hostvars"]))' "$work/inventory.json")
    p="$work/project-$latency-$round"
    mkdir -p "$p"
    run "$p" init --host 127.0.0.1 --port "$port" --token-id "$token" --token-secret-env PROXMOX_MPC_DEFAULT_SECRET \
        --fingerprint "$(field fingerprint)" --node node1 >/dev/null
    t2=$(now)
    run "$p" sync >/dev/null 2>"$work/sync.err" || { cat "$work/sync.err" >&2; exit 1; }
    t3=$(now)
    a=$(( (t1 - t0) / 1000000 )); s=$(( (t3 - t2) / 1000000 ))
    echo "latency ${latency} ms, round $round$([ "$round" -eq 1 ] && echo ' (warm-up, not counted)'): ansible-inventory $a ms ($hosts hosts), /sync $s ms, load $(cut -d' ' -f1 /proc/loadavg)"
    if [ "$round" -gt 1 ]; then echo "$a" >>"$work/a-$latency"; echo "$s" >>"$work/s-$latency"; fi
  done
done
echo
echo "| latency | runs | ansible-inventory (median) | /sync (median) | ratio |"
echo "|---|---|---|---|---|"
for latency in 0 5; do
  a=$(median <"$work/a-$latency"); s=$(median <"$work/s-$latency")
  echo "| $latency ms | $runs | $a ms | $s ms | $(awk -v a="$a" -v s="$s" 'BEGIN { printf "%.1fx", a / s }') |"
done
