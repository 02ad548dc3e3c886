#!/usr/bin/env bash
# Measures the HTML article extractor (io.riposte.ingest.html.HtmlArticleExtractor) against the
# article-extraction benchmark pages in the shared corpora folder:
#   jobs/bench-html.sh [HTML_PAGES_DIR]     (default: ../shared/corpora/html-pages)
# Prints the number of pages, mean and median token F1, the share of pages at F1 >= 0.9, the ten
# worst pages and pages/s. Compiles main and test sources first (offline when ~/.m2 has
# everything, else online).
set -euo pipefail
if [[ $# -gt 0 ]]; then
  set -- "$(realpath -m -- "$1")" "${@:2}"
fi
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$RIPOSTE_HOME"

java_bin="$(riposte_java)"
# HtmlExtractionBenchmark lives with the tests (out of the application jar); the test-scope
# classpath has Jackson, which comes with Spark (provided scope).
classpath="$(riposte_bench_classpath)"

exec "$java_bin" -Xmx2g -cp "$classpath" \
  io.riposte.bench.HtmlExtractionBenchmark "$@"
