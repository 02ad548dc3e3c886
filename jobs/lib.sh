# Shared by the launch scripts: the repository root, a Java 17, and Spark's JVM flags.
# shellcheck shell=bash

RIPOSTE_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Spark 3.5 needs Java 17 (Hadoop 3.3 fails on 21+). Use JAVA_HOME, else java on PATH, else a
# JDK 17 under /usr/lib/jvm.
riposte_java() {
  local candidates=()
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME/bin/java")
  candidates+=("$(command -v java 2>/dev/null || true)")
  for d in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-17-* /usr/lib/jvm/*17*; do
    [[ -x "$d/bin/java" ]] && candidates+=("$d/bin/java")
  done
  local j
  for j in "${candidates[@]}"; do
    [[ -n "$j" && -x "$j" ]] || continue
    if "$j" -version 2>&1 | head -n 1 | grep -q '"17\.'; then
      echo "$j"
      return 0
    fi
  done
  echo "riposte: Java 17 is required (Spark 3.5); set JAVA_HOME to a JDK 17." >&2
  return 1
}

# The --add-opens flags Spark needs on Java 17, one line each in jobs/java-opts.
riposte_java_opts() {
  grep -v '^#' "$RIPOSTE_HOME/jobs/java-opts" | tr '\n' ' '
}

# The classpath of the benchmarks, which live with the tests (src/test/java, out of the
# application jar): test classes, classes and the test-scope dependencies (Spark included).
# Compiles main and test sources first when they changed (needs Maven).
riposte_bench_classpath() {
  local java_bin stamp="$RIPOSTE_HOME/target/riposte-test.classpath"
  java_bin="$(riposte_java)" || return 1
  if [[ ! -s "$stamp" || -n "$(cd "$RIPOSTE_HOME" && find pom.xml src data -newer "$stamp" -print -quit 2>/dev/null)" ]]; then
    echo "riposte: compiling the benchmarks (first run or sources changed)..." >&2
    local mvn_args=(-B -q -Dstyle.color=never -DskipTests -Dspotless.check.skip=true test-compile
      dependency:build-classpath -DincludeScope=test -Dmdep.outputFile="$stamp")
    (cd "$RIPOSTE_HOME" && export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")" &&
      { mvn -o "${mvn_args[@]}" || mvn "${mvn_args[@]}"; } >&2) || return 1
    # build-classpath leaves the file as it is when the classpath did not change: mark the compile.
    touch "$stamp"
  fi
  echo "$RIPOSTE_HOME/target/test-classes:$RIPOSTE_HOME/target/classes:$(cat "$stamp")"
}
