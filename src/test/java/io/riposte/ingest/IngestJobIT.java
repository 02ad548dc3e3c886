package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ingest job on the bundled sample; expected figures are those of data/sample/README.md. */
class IngestJobIT {

  @TempDir static Path out;
  static SparkSession spark;
  static IngestJob.Result result;
  static RunRecord record;
  static Map<String, Row> articles;

  @BeforeAll
  static void ingestSample() {
    spark = SparkTests.session();
    String root = out.resolve("run").toString();
    IngestJob.Config config =
        new IngestJob.Config(
            List.of(SparkTests.repo().resolve("data/sample").toString()),
            root,
            null,
            Map.of(),
            200,
            1_000_000,
            null,
            MarkDuplicates.Settings.DEFAULT);
    record =
        RunRecord.start(
            root, "ingest", List.of(), "local[2]", spark.sparkContext().hadoopConfiguration());
    result = IngestJob.run(spark, config, record);
    articles = new HashMap<>();
    for (Row r : new Outputs(spark, root).read(Tables.ARTICLES).collectAsList()) {
      articles.put(r.getAs("article_id"), r);
    }
  }

  @Test
  void recordsInEqualAcceptedPlusRejected() {
    assertThat(result.recordsIn()).isEqualTo(41);
    assertThat(result.accepted()).isEqualTo(34);
    assertThat(result.rejected()).isEqualTo(7);
    assertThat(result.rejectedByReason())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "MALFORMED_RECORD", 2L, "EMPTY_TEXT", 2L, "TOO_SHORT", 2L, "BINARY_CONTENT", 1L));
    assertThat(articles).hasSize(34);
  }

  @Test
  void datesFromEveryFormat() {
    assertThat(articles.get("s18-07").<Object>getAs("published_date").toString())
        .isEqualTo("2017-12-19");
    assertThat(articles.get("s18-13").<Object>getAs("published_date").toString())
        .isEqualTo("2017-12-21");
    assertThat(articles.get("s18-16").<Object>getAs("published_date")).as("impossible").isNull();
    assertThat(articles.get("s18-22").<Object>getAs("published_date")).as("empty").isNull();
    assertThat(result.datesInvalid()).isEqualTo(1);
    assertThat(result.datesMissing()).isEqualTo(1);
  }

  @Test
  void outletLabelsShareAKey() {
    assertThat(articles.get("s18-01").<String>getAs("outlet_key")).isEqualTo("capital-ledger");
    assertThat(articles.get("s18-04").<String>getAs("outlet_key")).isEqualTo("capital-ledger");
    assertThat(articles.get("s18-04").<String>getAs("outlet")).isEqualTo("Capital Ledger Online");
  }

  @Test
  void exactAndSyndicatedCopiesShareADupGroupWithOnePrimary() {
    assertThat(group("s18-06")).isEqualTo(group("s18-18"));
    assertThat(group("s18-03")).isEqualTo(group("s18-10")).isEqualTo(group("s18-21"));
    assertThat(group("s18-03")).isNotEqualTo(group("s18-06"));
    Map<String, Long> primaries =
        articles.values().stream()
            .filter(r -> r.<Boolean>getAs("is_primary"))
            .collect(
                Collectors.groupingBy(r -> r.<String>getAs("dup_group"), Collectors.counting()));
    assertThat(primaries.values()).containsOnly(1L);
    assertThat(primaries).hasSize(31);
    assertThat(result.duplicateCopies()).isEqualTo(3);
    assertThat(result.exactCopies()).isEqualTo(1);
  }

  @Test
  void nearDuplicateBucketLoadIsRecordedWithANoteOnlyOverTheCap() {
    var buckets = record.json().path("ingest").path("near_duplicate_buckets");
    assertThat(buckets.path("max_members").asInt()).isEqualTo(100);
    assertThat(buckets.path("over_cap").asLong()).as("sample buckets are small").isZero();
    assertThat(buckets.path("pairs_skipped").asLong()).isZero();
    assertThat(buckets.path("largest").asLong()).isPositive();
    assertThat(buckets.has("note")).isFalse();
    assertThat(result.buckets().note()).isNull();
    assertThat(new IngestJob.BucketLoad(100, 3, 263, 26_485).note())
        .isEqualTo(
            "3 LSH bucket(s) over the cap of 100 members (largest 263); 26485 candidate pairs"
                + " skipped");
  }

  @Test
  void cleanedTextHasNoBoilerplateOrBrokenCharacters() {
    for (Row r : articles.values()) {
      String text = r.getAs("text");
      assertThat(text)
          .as("text of %s", r.<String>getAs("article_id"))
          .doesNotContain(
              "Advertisement\n",
              "Click here for reprint",
              "Comment Policy",
              "â€",
              "&amp;",
              "&quot;",
              "Click to Read More")
          .doesNotStartWith(" ")
          .doesNotEndWith("\n");
      assertThat(r.<Integer>getAs("n_chars")).isEqualTo(text.length());
    }
    assertThat(articles.get("s18-09").<String>getAs("text")).contains("It’s");
  }

  @Test
  void pagesAndHtmlCarryOutletAndDate() {
    List<Row> pages =
        articles.values().stream()
            .filter(r -> r.<String>getAs("source_file").endsWith(".html.gz"))
            .toList();
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).<String>getAs("outlet_key")).isEqualTo("lakeside-tribune");
    assertThat(pages.get(0).<Object>getAs("published_date").toString()).isEqualTo("2019-05-22");
  }

  private static String group(String id) {
    return articles.get(id).getAs("dup_group");
  }
}
