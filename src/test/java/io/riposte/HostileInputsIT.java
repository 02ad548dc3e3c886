package io.riposte;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.cli.Riposte;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One {@code riposte run} over a folder holding every hostile input of {@link HostileInputs} at
 * once: the run finishes, records in = accepted + rejected, and each file's records end as expected
 * (article, or reject with its reason).
 */
class HostileInputsIT {

  static Path out;
  static SparkSession spark;
  static JsonNode record;
  static Map<String, List<String>> outcomes = new TreeMap<>();

  @BeforeAll
  static void runOnHostileFolder() throws IOException {
    Path base = SparkTests.repo().resolve("target/hostile");
    SampleRun.deleteRecursively(base);
    spark = SparkTests.session();
    StructType schema =
        new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    spark
        .createDataFrame(
            List.of(
                org.apache.spark.sql.RowFactory.create("p1", HostileInputs.article("Poplar", 400))),
            schema)
        .coalesce(1)
        .write()
        .parquet(base.resolve("valid").toString());
    byte[] parquet;
    try (Stream<Path> files = Files.list(base.resolve("valid"))) {
      Path part =
          files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().get();
      parquet = Files.readAllBytes(part);
    }
    Path archive = base.resolve("archive");
    HostileInputs.write(archive, parquet);
    out = base.resolve("out");
    long t = System.nanoTime();
    int code =
        Riposte.execute(
            "run",
            "--input",
            archive.toString(),
            "--output",
            out.toString(),
            "--master",
            "local[2]",
            "--conf",
            "spark.sql.shuffle.partitions=2",
            "--quiet");
    System.out.printf("hostile run: %.1f s%n", (System.nanoTime() - t) / 1e9);
    assertThat(code).as("exit code of run on the hostile folder").isZero();
    record = new ObjectMapper().readTree(out.resolve("_run.json").toFile());

    Outputs outputs = new Outputs(spark, out.toString());
    List<Row> rows = new ArrayList<>();
    rows.addAll(
        outputs
            .read(Tables.ARTICLES)
            .select(col("source_file"), col("article_id"), col("published_date").cast("string"))
            .collectAsList());
    for (Row r :
        outputs
            .read(Tables.REJECTS)
            .select("source_file", "position", "reason", "message")
            .orderBy("source_file", "position")
            .collectAsList()) {
      rows.add(r);
    }
    for (Row r : rows) {
      String file = Path.of(java.net.URI.create(r.getString(0))).getFileName().toString();
      String outcome = r.size() == 3 ? "ok" : r.getString(2);
      outcomes.computeIfAbsent(file, k -> new ArrayList<>()).add(outcome);
      if (r.size() == 3 && file.equals("truncated.jsonl.gz")) {
        continue;
      }
      System.out.println(
          "hostile "
              + file
              + ": "
              + (r.size() == 3
                  ? "ok " + r.getString(1) + " date=" + r.getString(2)
                  : r.getString(2) + " @" + r.get(1) + " " + r.getString(3)));
    }
  }

  @Test
  void theRunFinishesAndEveryRecordIsAcceptedOrRejected() {
    JsonNode ingest = record.path("ingest");
    assertThat(record.path("status").asText()).isEqualTo("ok");
    assertThat(ingest.path("records_in").asLong())
        .as("records in = accepted + rejected: %s", ingest)
        .isEqualTo(ingest.path("accepted").asLong() + ingest.path("rejected").asLong())
        .isGreaterThan(0);
    System.out.println("hostile _run.json ingest: " + ingest);
    System.out.println(
        "hostile truncated.jsonl.gz: "
            + outcomes.get("truncated.jsonl.gz").stream().filter("ok"::equals).count()
            + " of 300 records kept");
  }

  @Test
  void eachHostileFileEndsAsExpected() {
    Map<String, String> found = new TreeMap<>();
    HostileInputs.EXPECTED.forEach(
        (file, expected) -> {
          List<String> got = outcomes.getOrDefault(file, List.of());
          List<String> sorted = new ArrayList<>(got);
          sorted.sort(null);
          String summary = String.join(" ", sorted);
          if (expected.startsWith("ok* ")) {
            String reject = expected.substring(4);
            summary =
                got.contains("ok")
                        && got.stream()
                            .filter(o -> !o.equals("ok"))
                            .toList()
                            .equals(List.of(reject))
                    ? expected
                    : summary;
          }
          found.put(file, summary);
        });
    Map<String, String> expected = new TreeMap<>();
    HostileInputs.EXPECTED.forEach(
        (file, outcome) ->
            expected.put(
                file,
                outcome.startsWith("ok*")
                    ? outcome
                    : Stream.of(outcome.split(" "))
                        .filter(s -> !s.isEmpty())
                        .sorted()
                        .collect(Collectors.joining(" "))));
    assertThat(found).isEqualTo(expected);
  }

  /** The 999,000-character text is cut to the NLP cap before the NLP, and listed. */
  @Test
  void theLongTextIsCutBeforeTheNlpAndListed() {
    List<String> rejects =
        new Outputs(spark, out.toString())
            .read(Tables.EXTRACT_REJECTS).collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
                .toList();
    System.out.println("hostile extract_rejects: " + rejects);
    assertThat(rejects)
        .containsExactly(
            "e1 TRUNCATED text of 998999 characters cut to the first 200000 before the NLP");
    assertThat(record.path("extract").path("texts_truncated").asLong()).isEqualTo(1);
    assertThat(record.path("extract").path("extract_errors").asLong()).isZero();
  }

  @Test
  void datesOutsideTheWindowAreNullAndCounted() {
    assertThat(record.path("ingest").path("dates_invalid").asLong()).isEqualTo(5);
    List<String> dated =
        new Outputs(spark, out.toString())
            .read(Tables.ARTICLES)
            .where(col("article_id").startsWith("y"))
            .where(col("published_date").isNotNull())
            .select(col("published_date").cast("string"))
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(dated).as("only 3/4/18 is in the window").containsExactly("2018-03-04");
  }

  @Test
  void latin1TextKeepsItsAccents() {
    String text =
        new Outputs(spark, out.toString())
            .read(Tables.ARTICLES)
            .where(col("article_id").equalTo("l1"))
            .select("text")
            .first()
            .getString(0);
    assertThat(text).contains("Montr\u00e9al \u2013 caf\u00e9").doesNotContain("\uFFFD");
  }

  @Test
  void outletNamesWithPathCharactersStayInsideTheOutput() throws IOException {
    try (Stream<Path> walk = Files.walk(out.getParent())) {
      assertThat(walk.filter(p -> p.getFileName().toString().equals("passwd")).toList()).isEmpty();
    }
    List<Row> outlets =
        new Outputs(spark, out.toString())
            .read(Tables.ARTICLES)
            .where(col("article_id").startsWith("o"))
            .select("outlet", "outlet_key")
            .collectAsList();
    outlets.forEach(
        r -> System.out.println("hostile outlet " + r.getString(0) + " -> " + r.getString(1)));
    assertThat(outlets).hasSize(4);
  }
}
