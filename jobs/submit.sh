#!/usr/bin/env bash
# Submits a Riposte command to a Spark cluster (standalone, YARN, Kubernetes) with spark-submit.
# See usage() below or run: jobs/submit.sh --help
set -euo pipefail
# shellcheck source=jobs/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat <<'EOF'
Usage: jobs/submit.sh [spark-submit options] -- <riposte command and options>

Submits the Riposte application jar with spark-submit, e.g.

  jobs/submit.sh --master yarn --deploy-mode cluster --num-executors 10 \
    -- run --input s3a://bucket/archive/ --output s3a://bucket/riposte/out
  jobs/submit.sh --master spark://host:7077 --executor-memory 4g \
    -- run --input hdfs:///archive --output hdfs:///riposte/out

Everything before "--" goes to spark-submit; everything after it to the riposte command line
(run, ingest, export; "-- --help" lists them). The script adds, before your options:

  --class io.riposte.Main --name "riposte <command>"
  --conf spark.driver.extraJavaOptions=<jobs/java-opts> -Dlog4j2.configurationFile=riposte-log4j2.properties
  --conf spark.executor.extraJavaOptions=<the same>
  --conf spark.serializer=org.apache.spark.serializer.KryoSerializer
  --conf spark.sql.optimizer.excludedRules=org.apache.spark.sql.catalyst.optimizer.InferFiltersFromGenerate
  --conf spark.sql.parquet.compression.codec=zstd

A --conf of yours overrides these, except spark.driver.extraJavaOptions,
spark.executor.extraJavaOptions and --driver-java-options: their values are appended to the
flags above, because Spark cannot start on Java 17 without the --add-opens flags.

spark-submit is, in this order:
  $RIPOSTE_SPARK_SUBMIT   a shell command line; the arguments are appended to it
  $SPARK_HOME/bin/spark-submit
  $SPARK_HOME/jars/       a Spark home without bin/ (e.g. jars copied from Maven): run with
                          Spark's own launcher, as bin/spark-submit does (needs a Java 17)
  spark-submit            on PATH

The application jar is $RIPOSTE_JAR (a file, or a URL such as hdfs://... or local:///... that
spark-submit understands), else the newest target/riposte-*-app.jar of this repository, built
with "mvn -q -DskipTests package" when there is none and Maven is installed.
EOF
}

die() {
  echo "submit.sh: $*" >&2
  exit 2
}

submit_opts=()
riposte_args=()
separator=false
while (($#)); do
  if [[ "$1" == "--" ]]; then
    separator=true
    shift
    riposte_args=("$@")
    break
  fi
  case "$1" in
    -h | --help)
      usage
      exit 0
      ;;
  esac
  submit_opts+=("$1")
  shift
done
$separator || die 'expected "--" between the spark-submit options and the riposte command,' \
  'got none (see jobs/submit.sh --help)'
((${#riposte_args[@]})) || die 'expected a riposte command after "--" (run, ingest, export),' \
  'got none (see jobs/submit.sh --help)'

# Riposte's JVM flags, then any the user passed for the same JVMs (appended, not replacing).
read -r -a java_opts <<<"$(riposte_java_opts)"
base_java_opts="${java_opts[*]} -Dlog4j2.configurationFile=riposte-log4j2.properties"
driver_java_opts="$base_java_opts"
executor_java_opts="$base_java_opts"
user_opts=()
i=0
while ((i < ${#submit_opts[@]})); do
  opt="${submit_opts[i]}"
  case "$opt" in
    --conf | -c | --driver-java-options)
      ((i + 1 < ${#submit_opts[@]})) || die "$opt: expected a value, got none"
      value="${submit_opts[i + 1]}"
      i=$((i + 2))
      ;;
    --conf=* | --driver-java-options=*)
      value="${opt#*=}"
      opt="${opt%%=*}"
      i=$((i + 1))
      ;;
    *)
      user_opts+=("$opt")
      i=$((i + 1))
      continue
      ;;
  esac
  if [[ "$opt" == --driver-java-options ]]; then
    driver_java_opts+=" $value"
  elif [[ "$value" == spark.driver.extraJavaOptions=* ]]; then
    driver_java_opts+=" ${value#*=}"
  elif [[ "$value" == spark.executor.extraJavaOptions=* ]]; then
    executor_java_opts+=" ${value#*=}"
  else
    user_opts+=(--conf "$value")
  fi
done

# The spark-submit command.
if [[ -n "${RIPOSTE_SPARK_SUBMIT:-}" ]]; then
  submit=(bash -c "$RIPOSTE_SPARK_SUBMIT \"\$@\"" riposte-spark-submit)
elif [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
  submit=("$SPARK_HOME/bin/spark-submit")
elif [[ -n "${SPARK_HOME:-}" ]] && compgen -G "$SPARK_HOME/jars/spark-launcher_*.jar" >/dev/null; then
  submit=(spark_launcher)
elif command -v spark-submit >/dev/null 2>&1; then
  submit=(spark-submit)
else
  die "spark-submit not found: expected \$RIPOSTE_SPARK_SUBMIT, \$SPARK_HOME/bin/spark-submit," \
    "\$SPARK_HOME/jars/ or spark-submit on PATH (SPARK_HOME='${SPARK_HOME:-}')"
fi

# Runs SparkSubmit through Spark's launcher as bin/spark-class does. The launcher prints any
# messages as lines, then a NUL line, then the driver command (memory, extraJavaOptions and the
# Java 17 flags applied) NUL-separated; its exit code is appended here; the command is executed.
spark_launcher() {
  local java_bin
  java_bin="$(riposte_java)"
  # The launcher builds the driver command from JAVA_HOME: make it the Java 17 found.
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")"
  export JAVA_HOME SPARK_HOME
  export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.12}"
  local cmd=() arg delim=$'\n' started=false
  while IFS= read -r -d "$delim" arg; do
    if $started; then
      cmd+=("$arg")
    elif [[ -z "$arg" ]]; then
      delim=''
      started=true
    else
      echo "$arg"
    fi
  done < <("$java_bin" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main \
    org.apache.spark.deploy.SparkSubmit "$@"; printf '%d\0' $?)
  ((${#cmd[@]})) || die "Spark's launcher printed no command (SPARK_HOME=$SPARK_HOME)"
  local last=$((${#cmd[@]} - 1))
  local code="${cmd[last]}"
  if ! [[ "$code" =~ ^[0-9]+$ ]]; then
    printf '%s ' "${cmd[@]}" >&2
    echo >&2
    return 1
  fi
  ((code == 0)) || return "$code"
  exec "${cmd[@]:0:last}"
}

# The newest target/riposte-*-app.jar, or nothing.
newest_app_jar() {
  local f newest=""
  for f in "$RIPOSTE_HOME"/target/riposte-*-app.jar; do
    [[ -f "$f" && (-z "$newest" || "$f" -nt "$newest") ]] && newest="$f"
  done
  echo "$newest"
}

# The application jar.
if [[ -n "${RIPOSTE_JAR:-}" ]]; then
  jar="$RIPOSTE_JAR"
  # A URL (hdfs://, s3a://, local:///path in a container image) is left to spark-submit.
  [[ "$jar" =~ ^[A-Za-z][A-Za-z0-9+.-]*: || -f "$jar" ]] ||
    die "RIPOSTE_JAR: expected the application jar or its URL, got '$jar' (no such file)"
else
  jar="$(newest_app_jar)"
  if [[ -z "$jar" ]]; then
    command -v mvn >/dev/null 2>&1 ||
      die "no target/riposte-*-app.jar and no Maven to build it: set RIPOSTE_JAR to the jar"
    echo "submit.sh: building the application jar (mvn -q -DskipTests package)..." >&2
    java_bin="$(riposte_java)"
    (cd "$RIPOSTE_HOME" && JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$java_bin")")")" \
      mvn -B -q -Dstyle.color=never -DskipTests package >&2)
    jar="$(newest_app_jar)"
    [[ -n "$jar" ]] || die "the build did not produce target/riposte-*-app.jar"
  elif [[ -n "$(cd "$RIPOSTE_HOME" && find pom.xml src/main data -newer "$jar" -print -quit 2>/dev/null)" ]]; then
    echo "submit.sh: warning: $jar is older than the sources; rebuild with mvn -DskipTests package" >&2
  fi
fi

args=(
  --class io.riposte.Main
  --name "riposte ${riposte_args[0]}"
  --conf "spark.driver.extraJavaOptions=$driver_java_opts"
  --conf "spark.executor.extraJavaOptions=$executor_java_opts"
  --conf spark.serializer=org.apache.spark.serializer.KryoSerializer
  --conf spark.sql.optimizer.excludedRules=org.apache.spark.sql.catalyst.optimizer.InferFiltersFromGenerate
  --conf spark.sql.parquet.compression.codec=zstd
  ${user_opts[@]+"${user_opts[@]}"}
  "$jar" "${riposte_args[@]}"
)
# exec: the caller's process becomes spark-submit (signals and exit code reach it directly).
if [[ "${submit[0]}" == spark_launcher ]]; then
  spark_launcher "${args[@]}"
else
  exec "${submit[@]}" "${args[@]}"
fi
