package io.riposte;

import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.cli.Riposte;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code riposte run} on the bundled sample, twice: tables, run record, determinism (the cluster
 * tables included: same claims, same clusters). Run b's aggregate tables are then rewritten by
 * {@code riposte aggregate} alone, which must give the rows of run a's aggregate stage.
 */
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
    int code =
        Riposte.execute(
            "aggregate",
            "--output",
            out.resolve("b").toString(),
            "--episode-window-days",
            "30",
            "--master",
            "local[2]",
            "--quiet");
    assertThat(code).as("exit code of aggregate on b").isZero();
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
    List<Tables.Table> derived =
        java.util.stream.Stream.concat(Tables.AGGREGATES.stream(), Tables.CLUSTER_TABLES.stream())
            .toList();
    for (Tables.Table t : derived) {
      for (StructField f : t.schema().fields()) {
        StructField read = outputs.read(t).schema().apply(f.name());
        assertThat(read.dataType()).as(t.name() + "." + f.name()).isEqualTo(f.dataType());
      }
    }
    assertThat(out.resolve("a/dyad_counts/year=2017")).as("year partition folder").isDirectory();
    assertThat(out.resolve("a/episodes/year=2018")).as("year partition folder").isDirectory();
    assertThat(out.resolve("a/_staging")).as("staging folder cleaned up").doesNotExist();
  }

  @Test
  void dyadCountsFilesAreSortedByAccuser() throws Exception {
    List<Path> files;
    try (var walk = java.nio.file.Files.walk(out.resolve("a/dyad_counts"))) {
      files = walk.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
    }
    assertThat(files).isNotEmpty();
    java.util.Comparator<String> nullsFirst =
        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
    for (Path f : files) {
      List<String> accusers =
          spark.read().parquet(f.toString()).select("accuser").collectAsList().stream()
              .map(r -> r.getString(0))
              .toList();
      assertThat(accusers).as("accusers in " + f).isSortedAccordingTo(nullsFirst);
    }
  }

  @Test
  void everyClaimIsCountedOnceInDyadCounts() {
    Dataset<Row> dyads = aggregate(Tables.DYAD_COUNTS);
    assertThat(dyads.agg(sum("n_claims")).first().getLong(0)).isEqualTo(claims.size());
    // Per dyad, kind and offence category, the stories summed over months and outlets are the
    // distinct dup_groups.
    Dataset<Row> oriented =
        io.riposte.aggregate.OrientClaims.apply(
            outputs().read(Tables.CLAIMS), outputs().read(Tables.ARTICLES));
    List<String> key = List.of("accuser", "accused", "kind", Tables.OFFENCE_CATEGORY);
    Dataset<Row> expected =
        oriented.groupBy(cols(key)).agg(countDistinct("dup_group").as("stories"));
    Dataset<Row> summed = dyads.groupBy(cols(key)).agg(sum("n_unique_stories").as("stories"));
    assertThat(expected.count()).isEqualTo(summed.count());
    assertThat(expected.exceptAll(summed).collectAsList()).as("stories per dyad").isEmpty();
  }

  @Test
  void syndicatedAndCopiedStoriesCountOnce() {
    // s18-03/s18-10/s18-21: one wire story in three outlets; s18-06 = s18-18: an exact copy.
    // Counted per offence category: the story's claims of each category are in every copy.
    List<Row> trump =
        aggregate(Tables.DYAD_COUNTS)
            .where("accuser = 'Donald Trump' AND accused = 'Syria' AND kind = 'ACCUSATION'")
            .groupBy(Tables.OFFENCE_CATEGORY)
            .agg(sum("n_articles"), sum("n_unique_stories"))
            .collectAsList();
    assertThat(trump).as("categories of Trump -> Syria").isNotEmpty();
    for (Row r : trump) {
      assertThat(r.getLong(1)).as("articles of %s", r.get(0)).isEqualTo(3);
      assertThat(r.getLong(2)).as("stories of %s", r.get(0)).isEqualTo(1);
    }
    List<Row> lynx =
        aggregate(Tables.DYAD_COUNTS)
            .where("accused = 'Crimson Lynx' AND kind = 'DENIAL'")
            .groupBy(Tables.OFFENCE_CATEGORY)
            .agg(sum("n_articles"), sum("n_unique_stories"))
            .collectAsList();
    assertThat(lynx).as("categories of the Crimson Lynx denials").isNotEmpty();
    for (Row r : lynx) {
      assertThat(r.getLong(1)).as("articles of %s", r.get(0)).isEqualTo(2);
      assertThat(r.getLong(2)).as("stories of %s", r.get(0)).isEqualTo(1);
    }
  }

  @Test
  void outletCoverageSumsToTheArticles() {
    Row totals =
        aggregate(Tables.OUTLET_COVERAGE)
            .agg(
                sum("n_articles"),
                sum("n_primary_articles"),
                sum("n_with_accusation"),
                sum("n_with_denial"),
                sum("n_accusation_articles_reporting_denial"))
            .first();
    assertThat(totals.getLong(0)).as("articles").isEqualTo(34);
    assertThat(totals.getLong(1)).as("primary articles (distinct stories)").isEqualTo(31);
    assertThat(totals.getLong(2))
        .as("articles with an accusation")
        .isEqualTo(articlesWith("ACCUSATION"));
    assertThat(totals.getLong(3)).as("articles with a denial").isEqualTo(articlesWith("DENIAL"));
    assertThat(totals.getLong(4)).isPositive().isLessThanOrEqualTo(totals.getLong(2));
    assertThat(aggregate(Tables.OUTLET_COVERAGE).where("outlet_key = 'capital-ledger'").count())
        .as("capital-ledger under two labels is one outlet per month")
        .isEqualTo(
            aggregate(Tables.OUTLET_COVERAGE)
                .where("outlet_key = 'capital-ledger'")
                .select("month")
                .distinct()
                .count());
  }

  @Test
  void episodesOnTheSample() throws Exception {
    Dataset<Row> episodes = aggregate(Tables.EPISODES);
    // s18-07: the U.S. accuses North Korea over WannaCry and the denial is in the same article.
    Row wannaCry =
        episodes
            .where("accuser = 'United States' AND accused = 'North Korea'")
            .where("offence = 'wannacry cyberattack'")
            .first();
    assertThat(wannaCry.<Integer>getAs("days_to_denial")).isZero();
    assertThat(episodes.where("days_to_denial < 0").count()).as("negative delays").isZero();
    assertThat(episodes.where("first_denial_date IS NULL AND n_denials > 0").count()).isZero();
    JsonNode record = new ObjectMapper().readTree(out.resolve("a").resolve("_run.json").toFile());
    long denials = claims.stream().filter(c -> "DENIAL".equals(c.getAs("kind"))).count();
    assertThat(record.at("/aggregate/denials").asLong()).isEqualTo(denials);
    assertThat(
            record.at("/aggregate/denials_in_episodes").asLong()
                + record.at("/aggregate/denials_outside_episodes").asLong())
        .isEqualTo(denials);
    assertThat(record.at("/aggregate/denials_in_episodes").asLong())
        .isEqualTo(episodes.agg(sum("n_denials")).first().getLong(0));
  }

  @Test
  void actorSummaryCountsEveryNamedRole() {
    Row totals = aggregate(Tables.ACTOR_SUMMARY).agg(sum("n_accusing"), sum("n_denying")).first();
    assertThat(totals.getLong(0))
        .isEqualTo(
            claims.stream()
                .filter(c -> "ACCUSATION".equals(c.getAs("kind")))
                .filter(c -> c.getAs("source_actor") != null)
                .count());
    assertThat(totals.getLong(1))
        .isEqualTo(
            claims.stream()
                .filter(c -> "DENIAL".equals(c.getAs("kind")))
                .filter(c -> c.getAs("source_actor") != null)
                .count());
    Row korea = aggregate(Tables.ACTOR_SUMMARY).where("actor = 'North Korea'").first();
    // How many US <-> North Korea claims the sample gives depends on the extractor's passes;
    // that the United States is North Korea's first counterpart does not.
    assertThat(korea.<String>getList(korea.fieldIndex("top_counterparts")))
        .first()
        .asString()
        .startsWith("United States (");
  }

  @Test
  void runRecordCountsAggregateRows() throws Exception {
    JsonNode record = new ObjectMapper().readTree(out.resolve("a").resolve("_run.json").toFile());
    for (Tables.Table t : Tables.AGGREGATES) {
      assertThat(record.at("/aggregate/rows/" + t.name()).asLong())
          .as("rows of " + t.name())
          .isEqualTo(aggregate(t).count())
          .isPositive();
    }
    assertThat(record.at("/aggregate/episode_window_days").asInt()).isEqualTo(30);
    assertThat(record.at("/stage_seconds/aggregate").asDouble()).isPositive();
  }

  @Test
  void everyClaimIsInExactlyOneCluster() throws Exception {
    Dataset<Row> assigned = aggregate(Tables.CLAIM_CLUSTERS);
    assertThat(assigned.count()).as("claim_clusters rows").isEqualTo(claims.size());
    assertThat(assigned.select("claim_id").distinct().count())
        .as("distinct claims in claim_clusters")
        .isEqualTo(claims.size());
    assertThat(
            assigned
                .select("claim_id", "article_id")
                .except(outputs().read(Tables.CLAIMS).select("claim_id", "article_id"))
                .count())
        .as("claim_clusters rows that are no claim")
        .isZero();
    Dataset<Row> clusters = aggregate(Tables.CLUSTERS);
    JsonNode record = new ObjectMapper().readTree(out.resolve("a").resolve("_run.json").toFile());
    int k = record.at("/cluster/k").asInt();
    assertThat(k).as("k in _run.json").isBetween(4, 16);
    assertThat(clusters.count()).as("clusters rows").isEqualTo(k);
    assertThat(clusters.agg(sum("size")).first().getLong(0)).isEqualTo(claims.size());
    assertThat(assigned.select("cluster_id").except(clusters.select("cluster_id")).count())
        .as("claims in a cluster the clusters table does not have")
        .isZero();
    assertThat(clusters.where("label IS NULL OR label = ''").count()).as("unlabelled").isZero();
    assertThat(clusters.where("size(representative_claim_ids) = 0").count()).isZero();
    assertThat(aggregate(Tables.OUTLET_CLUSTERS).agg(sum("n_claims")).first().getLong(0))
        .as("claims over outlet_clusters")
        .isEqualTo(claims.size());
    assertThat(record.at("/stage_seconds/cluster").asDouble()).isPositive();
  }

  private static Outputs outputs() {
    return new Outputs(spark, out.resolve("a").toString());
  }

  private static Dataset<Row> aggregate(Tables.Table table) {
    return outputs().read(table);
  }

  private static long articlesWith(String kind) {
    return claims.stream()
        .filter(c -> kind.equals(c.getAs("kind")))
        .map(c -> c.<String>getAs("article_id"))
        .distinct()
        .count();
  }

  private static Column[] cols(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
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
    // run_id (input_files) names the run, so it differs between runs: left out.
    for (Tables.Table t : Tables.ALL) {
      Dataset<Row> a = new Outputs(spark, out.resolve("a").toString()).read(t).drop(Tables.RUN_ID);
      Dataset<Row> b = new Outputs(spark, out.resolve("b").toString()).read(t).drop(Tables.RUN_ID);
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
