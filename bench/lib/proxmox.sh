# Shared by the provider benchmarks (sourced, not run). proxmox_benchmark TEST RESULT: builds plugins/proxmox and what
# it needs, runs the JUnit benchmark TEST (tag `benchmark`, left out of normal builds) and prints
# plugins/proxmox/target/benchmarks/RESULT.
proxmox_benchmark() {
  ./mvnw -q -B -pl plugins/proxmox -am install -DskipTests -Djapicmp.skip
  ./mvnw -q -B -pl plugins/proxmox verify -Dtest="$1" -Dgroups=benchmark \
      -Dproxmox.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
  cat "plugins/proxmox/target/benchmarks/$2"
}
