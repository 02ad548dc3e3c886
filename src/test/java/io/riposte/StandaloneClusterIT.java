package io.riposte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.io.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * How long a task of the extract step must have run before its executor is killed: longer than
   * the bookkeeping tasks (tens of milliseconds), shorter than the parser model load (seconds).
   */
  private static final Duration KILL_AFTER = Duration.ofSeconds(3);

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  static Path tmp;

  static LoopbackSparkCluster cluster;
  static final List<Process> submissions = new ArrayList<>();
  static Path repo;
  static Path appJar;
  static Path sparkHome;
  static String input;
  static Path localOut;
  static Path clusterOut;

  /** The application of the clean cluster run; the executor-kill test adds a second one. */
  static String cleanAppId;

  @BeforeAll
  static void runTheSampleOnTheClusterAndLocally() throws Exception {
    sparkHome = requiredPath("riposte.spark.home");
    appJar = requiredPath("riposte.app.jar");
    assertThat(sparkHome.resolve("jars")).as("Spark home's jars folder").isDirectory();
    assertSparkHomeComplete(sparkHome.resolve("jars"));
    repo = SparkTests.repo();
    input = repo.resolve("data/sample").toString();
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
            clusterOptions(List.of()),
            List.of("run", "--input", input, "--output", clusterOut.toString()));

    awaitSuccess(onCluster, "cluster");
    List<String> apps = appFolders(cluster.workDir(1));
    assertThat(apps).as("application folders of worker 1 after the clean run").hasSize(1);
    cleanAppId = apps.get(0);
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
    JsonNode app = completedApp(cleanAppId);
    assertThat(app.path("name").asText()).isEqualTo("riposte run");
    assertThat(app.path("state").asText()).isEqualTo("FINISHED");
  }

  @Test
  void executorsOnBothWorkersGotRiposteFlagsAsSeparateArguments() throws IOException {
    for (int worker = 1; worker <= 2; worker++) {
      List<Path> stderr = executorLogs(cluster.workDir(worker).resolve(cleanAppId));
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
    assertSameTables(localOut, "local run", clusterOut, "cluster run");
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

  /**
   * Fault tolerance: the same cluster run, with one executor killed (SIGKILL of its JVM) while one
   * of its extract tasks runs, succeeds and writes the same rows as the clean cluster run. Spark
   * reruns the lost tasks on the other executor or on the one the Worker starts in place of the
   * killed one; {@code spark.task.maxFailures=4} (Spark's default off {@code local}, given to say
   * so) lets a task fail three times before the job fails.
   *
   * <p>The kill is timed from the logs, not by a sleep: once the driver has printed the {@code
   * ingest} summary line (extract has begun), the first task that an executor's log shows running
   * for {@link #KILL_AFTER} is killed with its executor, so it is a long extract task (on the
   * sample, the one that loads the ClearNLP models, about 20 s), not a short bookkeeping task. Runs
   * after the clean cluster run, on the same cluster: about 100 s more.
   */
  @Test
  void killedExecutorDuringExtractLeavesTheSameTables() throws Exception {
    Path killOut = tmp.resolve("out/cluster-kill");
    Instant started = Instant.now();
    Process run =
        submit(
            repo,
            appJar,
            LoopbackSparkCluster.sparkEnvironment(sparkHome),
            "cluster-kill",
            clusterOptions(List.of("--conf", "spark.task.maxFailures=4")),
            List.of("run", "--input", input, "--output", killOut.toString()));
    Path log = tmp.resolve("cluster-kill.log");
    ExtractWatch.Task victim =
        new ExtractWatch(log, cleanAppId).awaitLongExtractTask(run, KILL_AFTER, RUN_TIMEOUT);
    ProcessHandle executor =
        cluster
            .executorProcess(victim.app(), victim.executor())
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no JVM of executor "
                            + victim.executor()
                            + " of "
                            + victim.app()
                            + " under the Workers"));
    double killedAt = seconds(started, Instant.now());
    assertThat(executor.destroyForcibly()).as("SIGKILL sent to executor %s", victim).isTrue();
    executor.onExit().get(30, TimeUnit.SECONDS);

    awaitSuccess(run, "cluster-kill");
    double runSeconds = seconds(started, Instant.now());
    assertThat(Files.readAllLines(log, StandardCharsets.UTF_8))
        .as("Riposte's progress line for the lost executor")
        .anyMatch(l -> l.contains("[extract] executor " + victim.executor() + " lost"));
    List<Path> executorsOfTheRun = new ArrayList<>();
    for (int worker = 1; worker <= 2; worker++) {
      executorsOfTheRun.addAll(executorLogs(cluster.workDir(worker).resolve(victim.app())));
    }
    assertThat(executorsOfTheRun)
        .as("executors launched for %s: two, then one in place of the killed one", victim.app())
        .hasSize(3);
    // Attempts after the first: of a task (X.1) or of its stage (stage S.1).
    List<String> retried = new ArrayList<>();
    for (Path stderr : executorsOfTheRun) {
      for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
        Matcher m = ExtractWatch.RUNNING.matcher(line);
        if (m.find() && !(m.group(2).equals("0") && m.group(4).equals("0"))) {
          retried.add(
              m.group()
                  .replace("Running ", "")
                  .concat(" on executor " + stderr.getParent().getFileName()));
        }
      }
    }
    assertThat(retried).as("tasks run again after the kill of %s", victim).isNotEmpty();
    assertThat(completedApp(victim.app()).path("state").asText()).isEqualTo("FINISHED");
    System.out.printf(
        "StandaloneClusterIT: killed executor %s (pid %d) %.1f s into the run, %s had run %.1f s;"
            + " the run took %.1f s; run again: %s%n",
        victim.executor(),
        executor.pid(),
        killedAt,
        victim,
        victim.ranFor().toMillis() / 1000.0,
        runSeconds,
        retried);

    assertSameTables(clusterOut, "clean cluster run", killOut, "run with a killed executor");
    for (String field : List.of("records_in", "accepted", "rejected", "rejected_by_reason")) {
      assertThat(runRecord(killOut).path("ingest").path(field))
          .as("ingest.%s", field)
          .isEqualTo(runRecord(clusterOut).path("ingest").path(field));
    }
    assertThat(runRecord(killOut).path("claims_out"))
        .as("claims_out")
        .isEqualTo(runRecord(clusterOut).path("claims_out"));
  }

  /** Every table of {@code expected} exists in {@code actual}, same schemas, same rows. */
  private static void assertSameTables(
      Path expected, String expectedName, Path actual, String actualName) throws IOException {
    List<String> tables = tables(expected);
    assertThat(tables).as("tables of the %s", expectedName).contains("articles", "rejects");
    assertThat(tables(actual)).as("tables of the %s", actualName).isEqualTo(tables);
    for (String table : tables) {
      ParquetTable want = ParquetTable.read(expected.resolve(table));
      ParquetTable got = ParquetTable.read(actual.resolve(table));
      assertThat(got.schema()).as("Parquet schema of %s", table).isEqualTo(want.schema());
      assertThat(got.sparkSchema()).as("Spark schema of %s", table).isEqualTo(want.sparkSchema());
      if (!table.equals(Tables.EXTRACT_REJECTS.name())) {
        // extract_rejects is empty on the sample: no extractor failure, no text over the cap.
        assertThat(want.rows()).as("rows of %s in the %s", table, expectedName).isNotEmpty();
      }
      assertThat(got.rows())
          .as("rows of %s: %s against %s", table, actualName, expectedName)
          .containsExactlyInAnyOrderElementsOf(want.rows());
      System.out.printf(
          "StandaloneClusterIT: %s: %d rows, the same in the %s and the %s%n",
          table, want.rows().size(), expectedName, actualName);
    }
  }

  private static JsonNode completedApp(String appId) throws IOException, InterruptedException {
    for (JsonNode app : cluster.masterState().path("completedapps")) {
      if (app.path("id").asText().equals(appId)) {
        return app;
      }
    }
    throw new AssertionError("the master lists no completed application " + appId);
  }

  private static List<String> appFolders(Path workDir) throws IOException {
    try (Stream<Path> entries = Files.list(workDir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * spark-submit options of the cluster runs, then {@code extra}: two 1-core executors of 4 GB (the
   * ClearNLP models need 4 GB, see docs/cluster.md), each alone on a 4500m Worker.
   */
  private static List<String> clusterOptions(List<String> extra) {
    List<String> options =
        new ArrayList<>(
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
                "spark.ui.enabled=false"));
    options.addAll(extra);
    return options;
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

  /**
   * Times a fault from the logs as they grow: the driver's console says when the {@code ingest}
   * step has ended (its summary line), so the extract step has begun; the executors' stderr
   * (Spark's INFO log: the driver's is quiet) say which task runs where. A task running once {@code
   * ingest} has ended is a task of the extract step: ingest's tasks all finished before its summary
   * line.
   */
  static final class ExtractWatch {

    static final Pattern RUNNING =
        Pattern.compile("Running task (\\d+)\\.(\\d+) in stage (\\d+)\\.(\\d+) \\(TID (\\d+)\\)");
    private static final Pattern FINISHED =
        Pattern.compile("Finished task \\S+ in stage \\S+ \\(TID (\\d+)\\)");

    /** Riposte's summary line of a finished step, e.g. {@code ingest 21.4 s ...}. */
    private static final Pattern STEP_DONE = Pattern.compile("^(\\w+) +\\d+\\.\\d s ");

    /** A task attempt as an executor logged it. */
    record Task(
        String app, String executor, String task, String stage, String tid, Duration ranFor) {
      @Override
      public String toString() {
        return "task " + task + " in stage " + stage + " (TID " + tid + ") on executor " + executor;
      }
    }

    private final GrowingFile driver;
    private final String otherApp;
    private final Map<Path, GrowingFile> executorLogs = new LinkedHashMap<>();
    private final Map<String, Task> running = new LinkedHashMap<>();
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private boolean extractBegun;

    /** Watches {@code driverLog} and the executors of any application but {@code otherApp}. */
    ExtractWatch(Path driverLog, String otherApp) {
      this.driver = new GrowingFile(driverLog);
      this.otherApp = otherApp;
    }

    /**
     * Waits until a task of the extract step has run for {@code ranFor}, and returns it; fails if
     * the extract step ends first, the run ends, or {@code timeout} passes.
     */
    Task awaitLongExtractTask(Process run, Duration ranFor, Duration timeout)
        throws IOException, InterruptedException {
      Instant deadline = Instant.now().plus(timeout);
      while (Instant.now().isBefore(deadline)) {
        for (String line : driver.newLines()) {
          Matcher m = STEP_DONE.matcher(line);
          String step = m.find() ? m.group(1) : "";
          if (step.equals("ingest")) {
            extractBegun = true;
          } else if (step.equals("extract")) {
            throw new AssertionError(
                "the extract step ended before any of its tasks ran "
                    + ranFor.toSeconds()
                    + " s: "
                    + line);
          }
        }
        readExecutorLogs();
        Instant now = Instant.now();
        for (Task t : running.values()) {
          Duration age = Duration.between(seen.get(t.tid()), now);
          if (extractBegun && age.compareTo(ranFor) >= 0) {
            return new Task(t.app(), t.executor(), t.task(), t.stage(), t.tid(), age);
          }
        }
        if (!run.isAlive()) {
          throw new AssertionError(
              "the run ended (exit "
                  + run.exitValue()
                  + ") before a task of its extract step ran "
                  + ranFor.toSeconds()
                  + " s\n"
                  + LoopbackSparkCluster.tail(driver.file, 60));
        }
        Thread.sleep(200);
      }
      throw new AssertionError(
          "no task of the extract step ran "
              + ranFor.toSeconds()
              + " s within "
              + timeout.toSeconds()
              + " s (extract begun: "
              + extractBegun
              + "; executor logs: "
              + executorLogs.keySet()
              + ")\n"
              + LoopbackSparkCluster.tail(driver.file, 60));
    }

    /** Reads new lines of every executor's stderr: {@code <work>/<app>/<executor>/stderr}. */
    private void readExecutorLogs() throws IOException {
      for (int worker = 1; worker <= 2; worker++) {
        Path work = cluster.workDir(worker);
        try (Stream<Path> files = Files.walk(work, 3)) {
          files
              .filter(p -> p.getFileName().toString().equals("stderr"))
              .filter(p -> !work.relativize(p).getName(0).toString().equals(otherApp))
              .forEach(p -> executorLogs.computeIfAbsent(p, GrowingFile::new));
        }
      }
      for (Map.Entry<Path, GrowingFile> log : executorLogs.entrySet()) {
        String executor = log.getKey().getParent().getFileName().toString();
        String app = log.getKey().getParent().getParent().getFileName().toString();
        for (String line : log.getValue().newLines()) {
          Matcher m = RUNNING.matcher(line);
          if (m.find()) {
            Task t =
                new Task(
                    app,
                    executor,
                    m.group(1) + "." + m.group(2),
                    m.group(3) + "." + m.group(4),
                    m.group(5),
                    Duration.ZERO);
            running.put(t.tid(), t);
            seen.put(t.tid(), Instant.now());
          }
          m = FINISHED.matcher(line);
          if (m.find()) {
            running.remove(m.group(1));
          }
        }
      }
    }
  }

  /** A text file that another process appends to, read line by line as it grows. */
  static final class GrowingFile {
    final Path file;
    private long offset;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    GrowingFile(Path file) {
      this.file = file;
    }

    /** The complete lines written since the last call. */
    List<String> newLines() throws IOException {
      if (!Files.exists(file)) {
        return List.of();
      }
      try (SeekableByteChannel channel = Files.newByteChannel(file)) {
        channel.position(offset);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        int n;
        while ((n = channel.read(buffer)) > 0) {
          partial.write(buffer.array(), 0, n);
          offset += n;
          buffer.clear();
        }
      }
      String text = partial.toString(StandardCharsets.UTF_8);
      int end = text.lastIndexOf('\n');
      if (end < 0) {
        return List.of();
      }
      partial.reset();
      partial.writeBytes(text.substring(end + 1).getBytes(StandardCharsets.UTF_8));
      return List.of(text.substring(0, end).split("\n"));
    }
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
      for (String name : List.of("cluster-kill", "cluster", "local")) {
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
