package io.riposte.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.SparkTests;
import io.riposte.cli.Riposte;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code riposte run} on the bundled sample, twice: tables, run record, determinism. */
class PipelineIT {

  @TempDir static Path out;
  static SparkSession spark;
  static List<Row> claims;
  static Map<String, String> texts;

  @BeforeAll
  static void runTwice() {
    String sample = SparkTests.repo().resolve("data/sample").toString();
    for (String run : List.of("a", "b")) {
      int code =
          Riposte.execute(
              "run",
              "--input",
              sample,
              "--output",
              out.resolve(run).toString(),
              "--master",
              "local[2]",
              "--conf",
              "spark.sql.shuffle.partitions=2",
              "--quiet");
      assertThat(code).as("exit code of run %s", run).isZero();
    }
    spark = SparkTests.session();
    claims = new Outputs(spark, out.resolve("a").toString()).read(Tables.CLAIMS).collectAsList();
    texts =
        new Outputs(spark, out.resolve("a").toString())
            .read(Tables.ARTICLES).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r.getAs("text")));
  }

  @Test
  void everyTableIsWrittenWithItsDeclaredSchema() {
    Outputs outputs = new Outputs(spark, out.resolve("a").toString());
    for (Tables.Table t : Tables.ALL) {
      assertThat(outputs.exists(t)).as(t.name()).isTrue();
      assertThat(outputs.read(t).columns()).containsExactly(t.schema().fieldNames());
    }
  }

  @Test
  void claimsPointIntoTheirArticles() {
    assertThat(claims).isNotEmpty();
    for (Row c : claims) {
      String id = c.getAs("article_id");
      assertThat(texts).as("article of claim %s", c.<String>getAs("claim_id")).containsKey(id);
      int begin = c.getAs("begin");
      int end = c.getAs("end");
      assertThat(texts.get(id).substring(begin, end)).isEqualTo(c.getAs("sentence"));
      assertThat(c.<String>getAs("kind")).isIn("ACCUSATION", "DENIAL");
      assertThat(c.<Double>getAs("confidence")).isBetween(0.0, 1.0);
    }
    assertThat(claims.stream().map(c -> c.<String>getAs("claim_id")).distinct().count())
        .isEqualTo(claims.size());
  }

  @Test
  void wannaCryAccusationAndDenial() {
    // s18-07: the U.S. accuses North Korea over WannaCry; North Korea denies any role.
    assertThat(claimsOf("s18-07"))
        .contains("ACCUSATION USA->PRK")
        .anyMatch(c -> c.startsWith("DENIAL PRK->"));
  }

  @Test
  void articlesWithoutAccusationsGiveNoClaims() {
    // s18-05 (sport: "denied an apparent tying goal", "denied a visa") and s18-15 (weather:
    // "No one has blamed").
    assertThat(claimsOf("s18-05")).isEmpty();
    assertThat(claimsOf("s18-15")).isEmpty();
  }

  @Test
  void runRecordCountsRecordsAndClaims() throws Exception {
    JsonNode record = new ObjectMapper().readTree(out.resolve("a").resolve("_run.json").toFile());
    assertThat(record.at("/ingest/records_in").asLong()).isEqualTo(41);
    assertThat(record.at("/ingest/accepted").asLong() + record.at("/ingest/rejected").asLong())
        .isEqualTo(41);
    assertThat(record.at("/claims_out").asLong()).isEqualTo(claims.size());
    assertThat(record.at("/status").asText()).isEqualTo("ok");
    assertThat(record.at("/stage_seconds/extract").asDouble()).isPositive();
  }

  @Test
  void sameInputGivesTheSameRows() {
    for (Tables.Table t : Tables.ALL) {
      Dataset<Row> a = new Outputs(spark, out.resolve("a").toString()).read(t);
      Dataset<Row> b = new Outputs(spark, out.resolve("b").toString()).read(t);
      assertThat(a.count()).as(t.name()).isEqualTo(b.count());
      assertThat(a.exceptAll(b).count()).as(t.name() + " rows only in run a").isZero();
      assertThat(b.exceptAll(a).count()).as(t.name() + " rows only in run b").isZero();
    }
  }

  private static List<String> claimsOf(String articleId) {
    return claims.stream()
        .filter(c -> articleId.equals(c.getAs("article_id")))
        .map(
            c ->
                c.getAs("kind")
                    + " "
                    + c.getAs("source_country")
                    + "->"
                    + c.getAs("target_country"))
        .toList();
  }
}
