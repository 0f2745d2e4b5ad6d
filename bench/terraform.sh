#!/usr/bin/env bash
# Terraform generation and import of 10,000 guests (plugins/terraform GenerationBenchmarkTest); prints the timings.
# Usage: bench/terraform.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -pl plugins/terraform -am install -DskipTests
./mvnw -B -pl plugins/terraform test -Dterraform.excludedGroups= -Dtest=GenerationBenchmarkTest \
    -Dsurefire.failIfNoSpecifiedTests=false | grep "terraform benchmark:"
