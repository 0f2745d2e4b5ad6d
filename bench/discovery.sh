#!/usr/bin/env bash
# Discovery of the simulator's large:10000 scenario with 5 ms injected latency per request, by the real provider over
# HTTPS (plugins/proxmox DiscoveryBenchmark): wall time and requests against the floor (requests x latency /
# concurrency). Usage: bench/discovery.sh     Results: plugins/proxmox/target/benchmarks/discovery.txt
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/proxmox.sh
proxmox_benchmark DiscoveryBenchmark discovery.txt
