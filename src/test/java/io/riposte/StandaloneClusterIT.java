package io.riposte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.io.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deployment proof: the application jar, submitted with {@code jobs/submit.sh} in client mode to a
 * real standalone cluster on 127.0.0.1 (a Master and two Workers, one core each, as child JVMs),
 * writes the same tables and counts as the same command on {@code local[2]}.
 *
 * <p>Uses what the Maven build prepared: the Spark home {@code riposte.spark.home} (Spark's jars
 * only, no {@code bin/}) and the jar {@code riposte.app.jar}. The cluster run goes through Spark's
 * launcher, as {@code bin/spark-submit} does, so the driver and executor options that submit.sh
 * builds are applied exactly as on a real cluster; the local run goes through the {@code
 * RIPOSTE_SPARK_SUBMIT} override. The local run goes first, then the cluster starts and its run;
 * tables are compared with the Parquet library, without Spark. Skip with {@code
 * -DexcludedGroups=cluster}.
 */
@Tag("cluster")
@ExtendWith(StandaloneClusterIT.PrintLogsOnFailure.class)
class StandaloneClusterIT {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

  /** A guard against hangs, not a performance bound: a run took 0.5-2 minutes on 2 busy cores. */
  private static final Duration RUN_TIMEOUT = Duration.ofMinutes(10);

  /**
   * For the drivers and executors of both runs: JVMs that live a minute spend more CPU in the C2
   * compiler than they gain (C1 only halved a local run on 2 cores). Passing them as user options
   * also checks that submit.sh appends them to, rather than replaces, Riposte's flags.
   */
  private static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path tmp;

  static LoopbackSparkCluster cluster;
  static final List<Process> submissions = new ArrayList<>();
  static Path localOut;
  static Path clusterOut;

  @BeforeAll
  static void runTheSampleOnTheClusterAndLocally() throws Exception {
    Path sparkHome = requiredPath("riposte.spark.home");
    Path appJar = requiredPath("riposte.app.jar");
    assertThat(sparkHome.resolve("jars")).as("Spark home's jars folder").isDirectory();
    assertSparkHomeComplete(sparkHome.resolve("jars"));
    Path repo = SparkTests.repo();
    String input = repo.resolve("data/sample").toString();
    localOut = tmp.resolve("out/local");
    clusterOut = tmp.resolve("out/cluster");
    List<String> sparkJvmOptions = javaOpts(repo);

    Instant started = Instant.now();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String sparkSubmitClass =
        String.join(
            " ",
            quote(java),
            "-Xmx5g",
            SHORT_LIVED_JVM,
            String.join(" ", sparkJvmOptions),
            "-cp",
            quote(sparkHome.resolve("jars") + "/*"),
            "org.apache.spark.deploy.SparkSubmit");
    Process local =
        submit(
            repo,
            appJar,
            Map.of("RIPOSTE_SPARK_SUBMIT", sparkSubmitClass),
            "local",
            List.of("--master", "local[2]"),
            List.of("run", "--input", input, "--output", localOut.toString()));
    awaitSuccess(local, "local");
    Instant localDone = Instant.now();

    List<String> daemonOptions = new ArrayList<>(sparkJvmOptions);
    daemonOptions.addAll(List.of(SHORT_LIVED_JVM.split(" ")));
    cluster =
        LoopbackSparkCluster.start(
            sparkHome, tmp.resolve("cluster"), 2, "4500m", daemonOptions, START_TIMEOUT);
    Instant clusterUp = Instant.now();
    Process onCluster =
        submit(
            repo,
            appJar,
            LoopbackSparkCluster.sparkEnvironment(sparkHome),
            "cluster",
            List.of(
                "--master",
                cluster.masterUrl(),
                "--deploy-mode",
                "client",
                "--executor-memory",
                "4g",
                "--total-executor-cores",
                "2",
                "--driver-memory",
                "1g",
                "--driver-java-options",
                SHORT_LIVED_JVM,
                "--conf",
                "spark.executor.extraJavaOptions=" + SHORT_LIVED_JVM,
                // Fewer tasks than the default 200; the local run uses 8, a check that the output
                // does not depend on the partitioning either.
                "--conf",
                "spark.sql.shuffle.partitions=4",
                "--conf",
                "spark.ui.enabled=false"),
            List.of("run", "--input", input, "--output", clusterOut.toString()));

    awaitSuccess(onCluster, "cluster");
    System.out.printf(
        "StandaloneClusterIT: local run %.1f s; cluster up in %.1f s; cluster run %.1f s%n",
        seconds(started, localDone),
        seconds(localDone, clusterUp),
        seconds(clusterUp, Instant.now()));
  }

  @AfterAll
  static void stopWhatThisTestStarted() {
    submissions.forEach(LoopbackSparkCluster::stop);
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void clusterRunRanOnTheStandaloneMaster() throws Exception {
    assertThat(runRecord(clusterOut).path("master").asText()).isEqualTo(cluster.masterUrl());
    assertThat(runRecord(clusterOut).path("status").asText()).isEqualTo("ok");
    JsonNode apps = cluster.masterState().path("completedapps");
    assertThat(apps).as("completed applications on the master").hasSize(1);
    assertThat(apps.get(0).path("name").asText()).isEqualTo("riposte run");
    assertThat(apps.get(0).path("state").asText()).isEqualTo("FINISHED");
  }

  @Test
  void executorsOnBothWorkersGotRiposteFlagsAsSeparateArguments() throws IOException {
    for (int worker = 1; worker <= 2; worker++) {
      List<Path> stderr = executorLogs(cluster.workDir(worker));
      assertThat(stderr).as("executor logs of worker %d", worker).hasSize(1);
      // The Worker logs the executor's command with every argument in double quotes.
      String command = Files.readAllLines(stderr.get(0), StandardCharsets.UTF_8).get(0);
      assertThat(command)
          .as("executor command on worker %d", worker)
          .startsWith("Spark Executor Command:")
          .contains(
              "\"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED\"",
              "\"-Djdk.reflect.useDirectMethodHandle=false\"",
              "\"-Dlog4j2.configurationFile=riposte-log4j2.properties\"",
              "\"-XX:TieredStopAtLevel=1\"",
              "\"-XX:+UseSerialGC\"");
    }
  }

  @Test
  void everyTableHasTheSameRowsAsTheLocalRun() throws IOException {
    List<String> tables = tables(localOut);
    assertThat(tables).as("tables of the local run").contains("articles", "rejects");
    assertThat(tables(clusterOut)).as("tables of the cluster run").isEqualTo(tables);
    for (String table : tables) {
      ParquetTable local = ParquetTable.read(localOut.resolve(table));
      ParquetTable onCluster = ParquetTable.read(clusterOut.resolve(table));
      assertThat(onCluster.schema()).as("Parquet schema of %s", table).isEqualTo(local.schema());
      assertThat(onCluster.sparkSchema())
          .as("Spark schema of %s", table)
          .isEqualTo(local.sparkSchema());
      if (!table.equals(Tables.EXTRACT_REJECTS.name())) {
        // extract_rejects is empty on the sample: no extractor failure, no text over the cap.
        assertThat(local.rows()).as("rows of %s in the local run", table).isNotEmpty();
      }
      assertThat(onCluster.rows())
          .as("rows of %s: cluster run against local run", table)
          .containsExactlyInAnyOrderElementsOf(local.rows());
      System.out.printf(
          "StandaloneClusterIT: %s: %d rows, the same in both runs%n", table, local.rows().size());
    }
  }

  @Test
  void runRecordsCountTheSame() throws IOException {
    JsonNode local = runRecord(localOut).path("ingest");
    JsonNode onCluster = runRecord(clusterOut).path("ingest");
    assertThat(local.path("records_in").asLong()).as("records in, local run").isPositive();
    for (String field : List.of("records_in", "accepted", "rejected", "rejected_by_reason")) {
      assertThat(onCluster.path(field)).as("ingest.%s", field).isEqualTo(local.path(field));
    }
    assertThat(runRecord(clusterOut).path("claims_out"))
        .as("claims_out")
        .isEqualTo(runRecord(localOut).path("claims_out"));
  }

  /** Starts {@code jobs/submit.sh OPTIONS -- ARGS} with its output in {@code <name>.log}. */
  private static Process submit(
      Path repo,
      Path appJar,
      Map<String, String> env,
      String name,
      List<String> submitOptions,
      List<String> riposteArgs)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(repo.resolve("jobs/submit.sh").toString());
    command.addAll(submitOptions);
    command.add("--");
    command.addAll(riposteArgs);
    Path dir = Files.createDirectories(tmp.resolve(name));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve(name + ".log").toFile());
    Map<String, String> environment = pb.environment();
    // Only what this test sets decides which spark-submit runs and how.
    Stream.of(
            "SPARK_HOME",
            "SPARK_CONF_DIR",
            "SPARK_SCALA_VERSION",
            "HADOOP_CONF_DIR",
            "YARN_CONF_DIR",
            "RIPOSTE_SPARK_SUBMIT",
            "JAVA_HOME")
        .forEach(environment::remove);
    environment.put("RIPOSTE_JAR", appJar.toString());
    environment.put("SPARK_LOCAL_IP", "127.0.0.1");
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.putAll(env);
    Process process = pb.start();
    submissions.add(process);
    return process;
  }

  private static void awaitSuccess(Process process, String name) throws InterruptedException {
    boolean exited = process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!exited) {
      LoopbackSparkCluster.stop(process);
    }
    String log = LoopbackSparkCluster.tail(tmp.resolve(name + ".log"), 60);
    assertThat(exited)
        .as("the %s run ended within %d s\n%s", name, RUN_TIMEOUT.toSeconds(), log)
        .isTrue();
    assertThat(process.exitValue()).as("exit code of the %s run\n%s", name, log).isZero();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  /** The flags of jobs/java-opts, as submit.sh reads them. */
  private static List<String> javaOpts(Path repo) throws IOException {
    return Files.readAllLines(repo.resolve("jobs/java-opts")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static Path requiredPath(String property) {
    String value = System.getProperty(property);
    assertThat(value)
        .as("system property %s (set by failsafe; run with mvn verify)", property)
        .isNotBlank();
    Path path = Path.of(value);
    assertThat(path).as("%s", property).exists();
    return path;
  }

  /**
   * Spark's own jars that copy-dependencies leaves out because shaded dependencies pull them in at
   * compile scope; without them every Spark JVM fails with NoClassDefFoundError.
   */
  private static void assertSparkHomeComplete(Path jars) throws IOException {
    List<String> names;
    try (Stream<Path> files = Files.list(jars)) {
      names = files.map(p -> p.getFileName().toString()).toList();
    }
    for (String jar :
        List.of(
            "commons-io-",
            "commons-codec-",
            "commons-logging-",
            "gson-",
            "protobuf-java-",
            "joda-time-",
            "annotations-")) {
      assertThat(names)
          .as(
              "%s has no %s*.jar: the spark-home-mediated execution of pom.xml copies it",
              jars, jar)
          .anyMatch(n -> n.startsWith(jar));
    }
  }

  private static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static List<Path> executorLogs(Path workDir) throws IOException {
    try (Stream<Path> files = Files.walk(workDir)) {
      return files.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
    }
  }

  private static List<String> tables(Path root) throws IOException {
    try (Stream<Path> entries = Files.list(root)) {
      return entries
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_") && !n.startsWith("."))
          .sorted()
          .toList();
    }
  }

  private static JsonNode runRecord(Path root) throws IOException {
    return JSON.readTree(root.resolve("_run.json").toFile());
  }

  /** Prints the tails of the submissions', daemons' and executors' logs when anything fails. */
  static final class PrintLogsOnFailure
      implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure)
        throws Throwable {
      print();
      throw failure;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure)
        throws Throwable {
      print();
      throw failure;
    }

    private static void print() {
      StringBuilder out =
          new StringBuilder("StandaloneClusterIT logs (all kept in " + tmp + "):\n");
      for (String name : List.of("cluster", "local")) {
        Path log = tmp == null ? null : tmp.resolve(name + ".log");
        if (log != null && Files.exists(log)) {
          out.append("---- ").append(log).append(" (last 40 lines)\n");
          out.append(LoopbackSparkCluster.tail(log, 40)).append('\n');
        }
      }
      if (cluster != null) {
        out.append(cluster.logTails(40));
      }
      System.err.println(out);
    }
  }
}
