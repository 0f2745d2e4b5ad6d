#!/usr/bin/env bash
# Discovery of the simulator's large:10000 scenario with 5 ms injected latency per request, by the real provider over
# HTTPS (plugins/proxmox DiscoveryBenchmark): wall time and requests against the floor (requests x latency /
# concurrency). Usage: bench/discovery.sh     Results: plugins/proxmox/target/benchmarks/discovery.txt
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl plugins/proxmox -am install -DskipTests
./mvnw -q -B -pl plugins/proxmox verify -Dtest=DiscoveryBenchmark -Dgroups=benchmark \
    -Dproxmox.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
cat plugins/proxmox/target/benchmarks/discovery.txt
