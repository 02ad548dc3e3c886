package io.riposte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.io.OutputRoot;
import io.riposte.run.FaultPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The driver killed at several points of {@code riposte run} (a separate JVM, halted as {@code kill
 * -9} would, or killed with SIGKILL during a Parquet write), then a rerun: the output always holds
 * one whole run, and the rerun completes. Two runs on one output at once: one fails cleanly, the
 * other's output is intact. The tests run in order on one output folder, each starting from the
 * state the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

  static Path base;
  static Path out;
  static Path full;
  static Path small;
  static SparkSession spark;

  @BeforeAll
  static void inputs() throws IOException {
    base = SparkTests.repo().resolve("target/fault-injection");
    SampleRun.deleteRecursively(base);
    Files.createDirectories(base);
    full = base.resolve("full/news.jsonl");
    small = base.resolve("small/news.jsonl");
    Files.createDirectories(full.getParent());
    Files.createDirectories(small.getParent());
    List<String> lines =
        Files.readAllLines(SparkTests.repo().resolve("data/sample/news-2018.jsonl"));
    Files.write(full, lines);
    Files.write(small, lines.subList(0, 12));
    out = base.resolve("out");
    spark = SparkTests.session();
  }

  /** Starts the CLI in its own JVM, output to {@code log}, halting at {@code haltAt} if set. */
  static Process start(String haltAt, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The runs use --extractor rules (see run): no parser models to hold, so no 5 GB heap.
    command.add("-Xmx3g");
    command.addAll(
        Files.readAllLines(SparkTests.repo().resolve("jobs/java-opts")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList());
    command.add("-Dlog4j2.configurationFile=riposte-log4j2.properties");
    if (haltAt != null) {
      command.add("-Driposte.halt-at=" + haltAt);
    }
    // Under failsafe the class path is one booter jar whose manifest lists the test class path.
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("io.riposte.Main");
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.redirectOutput(log.toFile());
    return pb.start();
  }

  static Process start(String haltAt, String... args) throws IOException {
    return start(haltAt, base.resolve("log-" + System.nanoTime() + ".txt"), args);
  }

  /**
   * A run over {@code input} with the rules extractor: these tests are about the commit protocol,
   * which is the same for both extractors, and each child JVM would otherwise spend 40-60 s loading
   * the parser models (PipelineIT and StandaloneClusterIT run the parser).
   */
  static String[] run(Path input) {
    return new String[] {
      "run",
      "--extractor",
      "rules",
      "--input",
      input.toString(),
      "--output",
      out.toString(),
      "--master",
      "local[2]",
      "--conf",
      "spark.sql.shuffle.partitions=2",
      "--k-min",
      "2",
      "--k-max",
      "3",
      "--outlet-k-max",
      "2",
      "--quiet"
    };
  }

  static int exec(String haltAt, String... args) throws Exception {
    Process p = start(haltAt, args);
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("process ended").isTrue();
    return p.exitValue();
  }

  /** What the output holds: per table its marker's run id, and the run record's id and status. */
  record State(Map<String, String> tables, String recordRun, String status, boolean journal) {
    String only() {
      return tables.values().stream().distinct().count() == 1
          ? tables.values().iterator().next()
          : null;
    }
  }

  static State state() throws IOException {
    Map<String, String> tables = new TreeMap<>();
    try (Stream<Path> dirs = Files.list(out)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        Path marker = d.resolve(OutputRoot.MARKER);
        if (!d.getFileName().toString().startsWith("_")) {
          tables.put(
              d.getFileName().toString(),
              Files.exists(marker) ? Files.readString(marker).strip() : "(no marker)");
        }
      }
    }
    JsonNode record = new ObjectMapper().readTree(out.resolve("_run.json").toFile());
    State s =
        new State(
            tables,
            record.path("run_id").asText(),
            record.path("status").asText(),
            Files.exists(out.resolve(OutputRoot.JOURNAL)));
    System.out.println("fault-injection state: " + s);
    return s;
  }

  /** One whole run: every table from one run, articles and claims agreeing, its record ok. */
  static void assertOneWholeRun(State s, Path input) throws IOException {
    assertThat(s.only()).as("every table from one run: %s", s.tables()).isNotNull();
    assertThat(s.tables()).containsKeys("articles", "claims", "dyad_counts", "clusters");
    assertThat(s.recordRun()).isEqualTo(s.only());
    assertThat(s.status()).isEqualTo("ok");
    assertThat(s.journal()).isFalse();
    long lines = Files.readAllLines(input).stream().filter(l -> !l.isBlank()).count();
    JsonNode ingest = new ObjectMapper().readTree(out.resolve("_run.json").toFile()).path("ingest");
    assertThat(ingest.path("records_in").asLong()).as("records of %s", input).isEqualTo(lines);
    long articles = spark.read().parquet(out.resolve("articles").toString()).count();
    assertThat(articles).isEqualTo(ingest.path("accepted").asLong());
    Dataset<Row> claims = spark.read().parquet(out.resolve("claims").toString());
    Dataset<Row> articleIds = spark.read().parquet(out.resolve("articles").toString());
    List<Row> orphans =
        claims
            .join(
                articleIds,
                claims.col("article_id").equalTo(articleIds.col("article_id")),
                "left_anti")
            .collectAsList();
    assertThat(orphans).as("claims of articles not in the table").isEmpty();
  }

  @Test
  @Order(1)
  void aCleanRunCommits() throws Exception {
    assertThat(exec(null, run(full))).isZero();
    assertOneWholeRun(state(), full);
    JsonNode record = new ObjectMapper().readTree(out.resolve("_run.json").toFile());
    assertThat(record.at("/extract/extractor").asText()).isEqualTo("rules");
    assertThat(record.path("claims_out").asLong()).as("claims of the rules alone").isPositive();
  }

  /** Killed after its first table was written to staging: nothing of it is visible. */
  @Test
  @Order(2)
  void killedDuringItsWritesTheRunLeavesThePreviousOne() throws Exception {
    State before = state();
    assertThat(exec("table-written", run(small))).isEqualTo(FaultPoint.HALT_STATUS);
    State after = state();
    assertThat(after.tables()).isEqualTo(before.tables());
    assertThat(after.status()).isEqualTo("running");
    assertThat(base.resolve("out/_staging")).exists();
  }

  /** Killed between two table switches: mixed until the next start, which rolls forward. */
  @Test
  @Order(3)
  void killedBetweenTwoSwitchesTheRunIsRolledForward() throws Exception {
    State before = state();
    assertThat(exec("between-switches", run(small))).isEqualTo(FaultPoint.HALT_STATUS);
    State killed = state();
    assertThat(killed.journal()).as("journal left: committed").isTrue();
    assertThat(killed.only()).as("one table switched, the others not yet").isNull();
    assertThat(exec(null, "recover", "--output", out.toString())).isZero();
    State recovered = state();
    assertThat(recovered.only()).isNotNull().isNotEqualTo(before.only());
    assertOneWholeRun(recovered, small);
  }

  /** Killed while replacing _run.json at the end: tables all switched, record rolled forward. */
  @Test
  @Order(4)
  void killedDuringTheFinalRunRecordUpdateTheRunIsRolledForward() throws Exception {
    State before = state();
    assertThat(exec("run-record-final", run(full))).isEqualTo(FaultPoint.HALT_STATUS);
    State killed = state();
    assertThat(killed.only()).as("all tables switched").isNotNull().isNotEqualTo(before.only());
    assertThat(killed.status()).isEqualTo("running");
    assertThat(exec(null, "recover", "--output", out.toString())).isZero();
    assertOneWholeRun(state(), full);
  }

  /** Killed while writing its own _run.json at the start: the previous run stays whole. */
  @Test
  @Order(5)
  void killedDuringTheStartRunRecordTheOutputIsUnchanged() throws Exception {
    State before = state();
    assertThat(exec("run-record-start", run(small))).isEqualTo(FaultPoint.HALT_STATUS);
    assertThat(state()).isEqualTo(before);
    assertThat(exec(null, "recover", "--output", out.toString())).isZero();
    assertOneWholeRun(state(), full);
  }

  /** SIGKILL from outside while Spark writes a Parquet table, then a rerun that completes. */
  @Test
  @Order(6)
  void killedFromOutsideDuringAParquetWriteThenRerun() throws Exception {
    State before = state();
    Process p = start(null, run(small));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    boolean writing = false;
    while (!writing && p.isAlive() && System.nanoTime() < deadline) {
      writing = temporaryFolders().stream().anyMatch(Files::exists);
      if (!writing) {
        Thread.sleep(20);
      }
    }
    assertThat(writing).as("saw a Parquet write in progress").isTrue();
    p.destroyForcibly();
    p.waitFor();
    State killed = state();
    assertThat(killed.tables()).isEqualTo(before.tables());
    assertThat(exec(null, run(small))).isZero();
    State rerun = state();
    assertThat(rerun.only()).isNotEqualTo(before.only());
    assertOneWholeRun(rerun, small);
  }

  private static List<Path> temporaryFolders() throws IOException {
    Path staging = out.resolve("_staging");
    if (!Files.isDirectory(staging)) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    try (Stream<Path> runs = Files.list(staging)) {
      for (Path r : runs.toList()) {
        try (Stream<Path> tables = Files.list(r)) {
          tables.map(t -> t.resolve("_temporary")).forEach(found::add);
        } catch (IOException ignored) {
          // the run folder went away meanwhile
        }
      }
    }
    return found;
  }

  /** Two runs on one output at once: the second is refused with the holder named. */
  @Test
  @Order(7)
  void aSecondConcurrentRunFailsCleanlyAndTheFirstCommits() throws Exception {
    Process first = start(null, run(full));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.exists(out.resolve(OutputRoot.LOCK)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    Path log = base.resolve("second.txt");
    Process second = start(null, log, run(small));
    assertThat(second.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(second.exitValue()).isEqualTo(1);
    assertThat(Files.readString(log))
        .contains("is in use by run")
        .contains("only one run may write");
    assertThat(first.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(first.exitValue()).isZero();
    assertOneWholeRun(state(), full);
  }
}
