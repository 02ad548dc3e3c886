#!/usr/bin/env bash
# Measures the HTML article extractor (io.riposte.ingest.HtmlArticleExtractor) against the
# article-extraction benchmark pages in the shared corpora folder:
#   jobs/bench-html.sh [HTML_PAGES_DIR]     (default: ../shared/corpora/html-pages)
# Prints the number of pages, mean and median token F1, the share of pages at F1 >= 0.9, the ten
# worst pages and pages/s. Compiles first (offline when ~/.m2 has everything, else online).
set -euo pipefail
if [[ $# -gt 0 ]]; then
  set -- "$(realpath -m -- "$1")" "${@:2}"
fi
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RIPOSTE_HOME"

java_bin="$(riposte_java)"
classpath_file="target/bench-html.classpath"
# Jackson comes with Spark (provided scope); includeScope=compile covers compile and provided.
mvn_args=(-B -q -DskipTests -Dspotless.check.skip=true compile dependency:build-classpath
  -DincludeScope=compile -Dmdep.outputFile="$classpath_file")
export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
mvn -o "${mvn_args[@]}" >&2 || mvn "${mvn_args[@]}" >&2

exec "$java_bin" -Xmx2g -cp "target/classes:$(cat "$classpath_file")" \
  io.riposte.bench.HtmlExtractionBenchmark "$@"
