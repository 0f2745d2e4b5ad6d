#!/usr/bin/env bash
# 50 Tab completions (ISO and container-template lists of the demo scenario's storages, a new session each) with 5 ms
# injected latency per request, by the real provider over HTTPS (plugins/proxmox CacheBenchmark): wall time and
# requests, every read LIVE against every read CACHED. Usage: bench/cache.sh
# Results: plugins/proxmox/target/benchmarks/cache.txt
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/proxmox.sh
proxmox_benchmark CacheBenchmark cache.txt
