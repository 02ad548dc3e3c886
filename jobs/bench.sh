#!/usr/bin/env bash
# One benchmark run of Riposte on an archive, in Spark local[2], each step its own JVM:
#   (a) floor      Spark reads and parses the archive, sums text lengths (FloorBenchmark)
#   (b) nlp_bare   DocumentAssembler -> SentenceDetector -> Tokenizer over every ingested article
#                  (ExtractBenchmark through jobs/bench-extract.sh, bare pass only)
#   (c) ingest, extract, aggregate, cluster, report, one after the other into one output folder,
#       and with --whole-run the whole `riposte run` into another.
# For each: seconds, articles/s, MB/s of the gzip archive and peak heap (measured by the JVM:
# -Driposte.report-peak-heap=true). Prints a Markdown table and writes JSON.
#
#   jobs/bench.sh [--input ARCHIVE] [--out DIR] [--json FILE] [--limit N] [--scale 1,2]
#                 [--whole-run] [--seed S]
#
#   --input    JSON lines archive (default ../shared/corpora/allsides.jsonl.gz, beside the repo)
#   --out      bench folder (default out/bench): archives, job outputs and logs per scale
#   --json     where the figures go (default DIR/bench.json)
#   --limit N  first N articles only (to try the script: the whole archive takes 20-40 minutes)
#   --scale    comma-separated copy counts; N > 1 builds an N x archive first (copies with new ids
#              and one word in 200-400 changed, seed --seed, default 13) and runs on it; two or more
#              scales also report how the total time grows
#   --whole-run  also time `riposte run` over the whole pipeline
# Environment: RIPOSTE_DRIVER_MEMORY (heap of every JVM, default 5g), RIPOSTE_JAVA_OPTS.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
}
fail_usage() {
  echo "bench: $1" >&2
  exit 2
}

input="$(dirname "$RIPOSTE_HOME")/shared/corpora/allsides.jsonl.gz"
out="$RIPOSTE_HOME/out/bench"
json=""
limit=""
scales="1"
whole_run=false
seed=13
while [[ $# -gt 0 ]]; do
  case "$1" in
    --input) input="$(realpath -m -- "${2:?--input needs a file}")"; shift 2 ;;
    --out) out="$(realpath -m -- "${2:?--out needs a folder}")"; shift 2 ;;
    --json) json="$(realpath -m -- "${2:?--json needs a file}")"; shift 2 ;;
    --limit) limit="${2:?--limit needs a number}"; shift 2 ;;
    --scale) scales="${2:?--scale needs a list such as 1,2}"; shift 2 ;;
    --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
    --whole-run) whole_run=true; shift ;;
    -h | --help) usage ;;
    *) fail_usage "unknown argument $1 (see --help)" ;;
  esac
done
[[ -f "$input" ]] || fail_usage "--input: expected an archive file, found nothing at $input"
[[ -z "$limit" || "$limit" =~ ^[1-9][0-9]*$ ]] || fail_usage "--limit: expected a number >= 1, got $limit"
[[ "$seed" =~ ^[1-9][0-9]*$ ]] || fail_usage "--seed: expected a number >= 1, got $seed"
[[ "$scales" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || fail_usage "--scale: expected e.g. 1 or 1,2, got $scales"
IFS=',' read -r -a scale_list <<<"$scales"
json="${json:-$out/bench.json}"

# The bench folder is cleared at each run: only one the bench made itself (or an empty one).
marker="$out/.riposte-bench"
if [[ -d "$out" && ! -f "$marker" && -n "$(ls -A "$out")" ]]; then
  fail_usage "--out: $out is not empty and not a bench folder (no .riposte-bench); give another"
fi
mkdir -p "$out"
touch "$marker"

# Compiles when sources changed (jobs/riposte does it), so the classes below are current.
"$RIPOSTE_HOME/jobs/riposte" --help >/dev/null
java_bin="$(riposte_java)"
master="local[2]"
memory="${RIPOSTE_DRIVER_MEMORY:-5g}"
export RIPOSTE_DRIVER_MEMORY="$memory"
export RIPOSTE_JAVA_OPTS="${RIPOSTE_JAVA_OPTS:-} -Driposte.report-peak-heap=true"
export SPARK_MASTER="$master"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# The benchmark classes live with the tests (out of the application jar).
classpath="$(riposte_bench_classpath)"
bench_java() {
  # shellcheck disable=SC2046,SC2086
  "$java_bin" -Xmx"$memory" $(riposte_java_opts) $RIPOSTE_JAVA_OPTS \
    -Dlog4j2.configurationFile=riposte-log4j2.properties -Dspark.master="$master" \
    -cp "$classpath" "$@"
}

now() { date +%s.%N; }
calc() { awk "BEGIN { x = $1; if (x == int(x)) printf \"%d\", x; else printf \"%.${2:-2}f\", x }"; }

declare -A fig # fig[scale.step.key]: seconds, wall, heap
declare -A archive_bytes archive_raw_bytes articles generate_seconds

# run_step SCALE STEP LOGDIR COMMAND...: runs one JVM, keeps its output, records wall seconds and
# peak heap; a failed step stops the bench with the end of its log.
run_step() {
  local scale="$1" step="$2" logs="$3"
  shift 3
  echo "bench: x$scale $step ..." >&2
  local t0 t1
  t0="$(now)"
  if ! "$@" >"$logs/$step.out" 2>"$logs/$step.err"; then
    echo "bench: x$scale $step failed; end of $logs/$step.err:" >&2
    tail -n 20 "$logs/$step.err" >&2
    exit 1
  fi
  t1="$(now)"
  fig[$scale.$step.wall]="$(calc "$t1 - $t0")"
  fig[$scale.$step.heap]="$(sed -n 's/^riposte: peak heap used \([0-9.]*\) MiB.*/\1/p' "$logs/$step.err" | tail -n 1)"
}

# Seconds of a job, as its run record has them (stage_seconds.total: no JVM start, no session).
job_seconds() {
  local s
  s="$(tr -d ' \n' <"$1/_run.json" | grep -o '"stage_seconds":{[^}]*}' | grep -o '"total":[0-9.E-]*' | cut -d: -f2)"
  [[ -n "$s" ]] || { echo "bench: no stage_seconds.total in $1/_run.json" >&2; exit 1; }
  echo "$s"
}

for scale in "${scale_list[@]}"; do
  dir="$out/x$scale"
  rm -rf "$dir"
  mkdir -p "$dir/logs"
  archive="$input"
  generate_seconds[$scale]=0
  if [[ "$scale" -gt 1 || -n "$limit" ]]; then
    archive="$dir/archive.jsonl.gz"
    echo "bench: x$scale building $archive ..." >&2
    t0="$(now)"
    bench_java io.riposte.bench.ScaledArchive --input "$input" --output "$archive" \
      --copies "$scale" --seed "$seed" ${limit:+--limit "$limit"} >"$dir/logs/archive.out"
    generate_seconds[$scale]="$(calc "$(now) - $t0")"
  fi
  archive_bytes[$scale]="$(stat -c %s "$archive")"
  archive_raw_bytes[$scale]="$(gzip -dc -f "$archive" | wc -c)"

  run_step "$scale" floor "$dir/logs" bench_java io.riposte.bench.FloorBenchmark "$archive"
  floor_line="$(grep '^floor: ' "$dir/logs/floor.out")"
  articles[$scale]="$(sed 's/^floor: \([0-9]*\) articles.*/\1/' <<<"$floor_line")"
  fig[$scale.floor.seconds]="$(sed 's/.*, \([0-9.]*\) s$/\1/' <<<"$floor_line")"

  jobs_out="$dir/jobs"
  run_step "$scale" ingest "$dir/logs" "$RIPOSTE_HOME/jobs/riposte" ingest --input "$archive" \
    --output "$jobs_out" --master "$master" --quiet
  fig[$scale.ingest.seconds]="$(job_seconds "$jobs_out")"
  for job in extract aggregate cluster report; do
    run_step "$scale" "$job" "$dir/logs" "$RIPOSTE_HOME/jobs/riposte" "$job" \
      --output "$jobs_out" --master "$master" --quiet
    fig[$scale.$job.seconds]="$(job_seconds "$jobs_out")"
  done

  # bench-extract.sh ingests only when the folder has no articles; here it has them.
  run_step "$scale" nlp_bare "$dir/logs" "$RIPOSTE_HOME/jobs/bench-extract.sh" "$archive" \
    "$jobs_out" 1 bare
  fig[$scale.nlp_bare.seconds]="$(sed -n 's/^round 1: bare .* \([0-9.]*\) s (.*/\1/p' "$dir/logs/nlp_bare.out")"

  if $whole_run; then
    run_step "$scale" run "$dir/logs" "$RIPOSTE_HOME/jobs/riposte" run --input "$archive" \
      --output "$dir/run" --master "$master" --quiet
    fig[$scale.run.seconds]="$(job_seconds "$dir/run")"
  fi

  # The five jobs together: summed seconds, the largest peak heap.
  total=0 wall=0 heap=0
  for job in ingest extract aggregate cluster report; do
    total="$(calc "$total + ${fig[$scale.$job.seconds]}")"
    wall="$(calc "$wall + ${fig[$scale.$job.wall]}")"
    heap="$(calc "(${fig[$scale.$job.heap]:-0} > $heap) ? ${fig[$scale.$job.heap]:-0} : $heap" 1)"
  done
  fig[$scale.jobs.seconds]="$total"
  fig[$scale.jobs.wall]="$wall"
  fig[$scale.jobs.heap]="$heap"
done

# JSON has every step (run null without --whole-run); the table the steps that ran.
json_steps=(floor nlp_bare ingest extract aggregate cluster report jobs run)
steps=("${json_steps[@]:0:8}")
$whole_run && steps+=(run)

# per_second SCALE STEP AMOUNT: AMOUNT / seconds of the step, or empty.
per_second() {
  local s="${fig[$1.$2.seconds]:-}"
  [[ -n "$s" ]] && awk "BEGIN { if ($s > 0) printf \"%.${4:-1}f\", $3 / $s }"
}
ratio() {
  local a="${fig[$1.$2.seconds]:-}" b="${fig[$1.$3.seconds]:-}"
  [[ -n "$a" && -n "$b" ]] && awk "BEGIN { if ($b > 0) printf \"%.2f\", $a / $b }"
}
ratio_across() {
  local a="${fig[$2.$1.seconds]:-}" b="${fig[$3.$1.seconds]:-}"
  [[ -n "$a" && -n "$b" ]] && awk "BEGIN { if ($b > 0) printf \"%.2f\", $a / $b }"
}
or_null() { if [[ -n "$1" ]]; then printf '%s' "$1"; else printf 'null'; fi; }

# JSON: stable keys; seconds exclude JVM start (wall_seconds include it); MB = 10^6 bytes.
mkdir -p "$(dirname "$json")"
{
  printf '{\n  "schema": "riposte-bench/1",\n'
  printf '  "finished_utc": "%s",\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf '  "git_commit": "%s",\n' "$(git -C "$RIPOSTE_HOME" rev-parse HEAD 2>/dev/null || true)"
  printf '  "input": "%s",\n' "$(basename "$input")"
  printf '  "master": "%s",\n  "driver_memory": "%s",\n' "$master" "$memory"
  printf '  "limit": %s,\n  "seed": %s,\n  "whole_run": %s,\n' "$(or_null "$limit")" "$seed" "$whole_run"
  printf '  "cores": %s,\n' "$(nproc)"
  printf '  "units": {\n'
  printf '    "seconds": "in the JVM, without its start (jobs: _run.json stage_seconds.total)",\n'
  printf '    "wall_seconds": "the whole JVM",\n'
  printf '    "articles_per_s": "archive records per second",\n'
  printf '    "mb_per_s": "10^6 bytes of the gzip archive (compressed) per second",\n'
  printf '    "peak_heap_mib": "most heap used at once: before each GC and at exit (PeakHeap)"\n'
  printf '  },\n'
  printf '  "scales": [\n'
  for i in "${!scale_list[@]}"; do
    s="${scale_list[$i]}"
    printf '    {\n      "scale": %s,\n      "articles": %s,\n' "$s" "${articles[$s]}"
    printf '      "archive_bytes_compressed": %s,\n      "archive_bytes_uncompressed": %s,\n' \
      "${archive_bytes[$s]}" "${archive_raw_bytes[$s]}"
    printf '      "archive_generate_seconds": %s,\n      "steps": {\n' "${generate_seconds[$s]}"
    for j in "${!json_steps[@]}"; do
      st="${json_steps[$j]}"
      printf '        "%s": {"seconds": %s, "wall_seconds": %s, "articles_per_s": %s, "mb_per_s": %s, "peak_heap_mib": %s}%s\n' \
        "$st" "$(or_null "${fig[$s.$st.seconds]:-}")" "$(or_null "${fig[$s.$st.wall]:-}")" \
        "$(or_null "$(per_second "$s" "$st" "${articles[$s]}")")" \
        "$(or_null "$(per_second "$s" "$st" "${archive_bytes[$s]} / 1000000" 3)")" \
        "$(or_null "${fig[$s.$st.heap]:-}")" "$([[ $j -lt $((${#json_steps[@]} - 1)) ]] && echo ,)"
    done
    printf '      },\n      "ratios": {"run_over_floor": %s, "jobs_over_floor": %s, "extract_over_nlp_bare": %s}\n' \
      "$(or_null "$(ratio "$s" run floor)")" "$(or_null "$(ratio "$s" jobs floor)")" \
      "$(or_null "$(ratio "$s" extract nlp_bare)")"
    printf '    }%s\n' "$([[ $i -lt $((${#scale_list[@]} - 1)) ]] && echo ,)"
  done
  printf '  ],\n  "growth": {'
  first="${scale_list[0]}"
  sep=""
  for s in "${scale_list[@]:1}"; do
    printf '%s\n    "x%s_over_x%s": {"articles": %s, "jobs_seconds": %s, "run_seconds": %s}' "$sep" "$s" "$first" \
      "$(awk "BEGIN { printf \"%.2f\", ${articles[$s]} / ${articles[$first]} }")" \
      "$(or_null "$(ratio_across jobs "$s" "$first")")" "$(or_null "$(ratio_across run "$s" "$first")")"
    sep=","
  done
  [[ ${#scale_list[@]} -gt 1 ]] && printf '\n  '
  printf '}\n}\n'
} >"$json.partial"
mv "$json.partial" "$json"

# The table.
echo
echo "Riposte bench: $(basename "$input")${limit:+, first $limit articles}, $master, -Xmx$memory, $(nproc) cores"
echo
echo "| scale | step | seconds | wall s | articles/s | MB/s (gz) | peak heap MiB |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"
for s in "${scale_list[@]}"; do
  for st in "${steps[@]}"; do
    printf '| x%s | %s | %s | %s | %s | %s | %s |\n' "$s" "$st" "${fig[$s.$st.seconds]:-}" \
      "${fig[$s.$st.wall]:-}" "$(per_second "$s" "$st" "${articles[$s]}")" \
      "$(per_second "$s" "$st" "${archive_bytes[$s]} / 1000000" 3)" "${fig[$s.$st.heap]:-}"
  done
done
echo
for s in "${scale_list[@]}"; do
  printf 'x%s: %s articles, %s MB gzip (%s MB JSON); jobs/floor %s, extract/nlp_bare %s%s\n' "$s" \
    "${articles[$s]}" "$(calc "${archive_bytes[$s]} / 1000000" 1)" \
    "$(calc "${archive_raw_bytes[$s]} / 1000000" 1)" "$(ratio "$s" jobs floor)" \
    "$(ratio "$s" extract nlp_bare)" "$($whole_run && echo ", run/floor $(ratio "$s" run floor)")"
done
for s in "${scale_list[@]:1}"; do
  printf 'growth x%s/x%s: articles %s, jobs seconds %s%s\n' "$s" "${scale_list[0]}" \
    "$(awk "BEGIN { printf \"%.2f\", ${articles[$s]} / ${articles[${scale_list[0]}]} }")" \
    "$(ratio_across jobs "$s" "${scale_list[0]}")" \
    "$($whole_run && echo ", run seconds $(ratio_across run "$s" "${scale_list[0]}")")"
done
echo "seconds: without JVM start (wall s: whole JVM); MB/s: gzip archive; peak heap: most used at once"
echo "JSON: $json"
