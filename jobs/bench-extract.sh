#!/usr/bin/env bash
# Extract stage cost against a bare Spark NLP pass (DocumentAssembler -> SentenceDetector ->
# Tokenizer) over the same articles, in one run. Ingests the archive first unless OUT has one.
#   jobs/bench-extract.sh ../shared/corpora/allsides.jsonl.gz [OUT] [ROUNDS] [both|bare]
# PASSES bare runs the bare pass alone (jobs/bench.sh does). RIPOSTE_JAVA_OPTS: extra JVM flags.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
input="${1:?usage: jobs/bench-extract.sh ARCHIVE [OUT] [ROUNDS] [both|bare]}"
out="${2:-$RIPOSTE_HOME/out/bench-extract}"
rounds="${3:-1}"
passes="${4:-both}"
if [[ ! -f "$out/articles/_SUCCESS" ]]; then
  "$RIPOSTE_HOME/jobs/riposte" ingest --input "$input" --output "$out" --quiet
fi
java_bin="$(riposte_java)"
# ExtractBenchmark lives with the tests (out of the application jar).
classpath="$(riposte_bench_classpath)"
# shellcheck disable=SC2046
"$java_bin" -Xmx"${RIPOSTE_DRIVER_MEMORY:-5g}" $(riposte_java_opts) ${RIPOSTE_JAVA_OPTS:-} \
  -Dlog4j2.configurationFile=riposte-log4j2.properties -Dspark.master="${SPARK_MASTER:-local[2]}" \
  -cp "$classpath" \
  io.riposte.bench.ExtractBenchmark "$out" "$rounds" "$passes"
