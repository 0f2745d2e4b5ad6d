# Shared by the product benchmarks (sourced, not run). Needs: variants=("label|command words" ...), runs, results.
# time_rounds: runs every variant once per round, interleaved (a load change on a shared machine hits them alike),
# runs + 2 rounds, the first two as warm-up; appends "<variant index> <ms>" lines to $results.
time_rounds() {
  for round in $(seq 1 $((runs + 2))); do
    for i in "${!variants[@]}"; do
      read -r -a cmd <<<"${variants[$i]#*|}"
      t0=$(date +%s%N)
      "${cmd[@]}" >/dev/null 2>&1 </dev/null || { echo "failed: ${cmd[*]}" >&2; exit 1; }
      t1=$(date +%s%N)
      [ "$round" -gt 2 ] && echo "$i $(( (t1 - t0) / 1000000 ))" >>"$results"
    done
  done
}

# print_table: a Markdown table of min / median / mean wall time per variant.
print_table() {
  echo "| command | runs | min | median | mean |"
  echo "|---|---|---|---|---|"
  for i in "${!variants[@]}"; do
    awk -v i="$i" '$1 == i { print $2 }' "$results" | sort -n | awk -v label="${variants[$i]%%|*}" '
      { a[NR] = $1; s += $1 }
      END { med = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2;
            printf "| %s | %d | %d ms | %d ms | %d ms |\n", label, NR, a[1], med, s / NR }'
  done
}
