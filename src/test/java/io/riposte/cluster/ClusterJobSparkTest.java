package io.riposte.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.SparkTests;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster job on inputs too small to cluster: no claims, one claim, and fewer claims than
 * {@code --k-min}. Each must write the three tables with their schemas, one row of claim_clusters
 * per claim, and say why the clustering is degenerate.
 */
class ClusterJobSparkTest {

  static SparkSession spark;
  static List<Row> claims;
  static List<Row> articles;

  @BeforeAll
  static void fixture() {
    spark = SparkTests.session();
    ClusterSparkTest.Fixture f = new ClusterSparkTest.Fixture(new Random(3));
    f.plant("CYBER", 3, 0, ClusterSparkTest.Fixture::cyber, "cyberattack");
    claims = f.claims;
    articles = f.articles;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void tooFewClaimsGiveOneClusterOrNone(int n, @TempDir Path dir) {
    Outputs outputs = new Outputs(spark, dir.toString());
    outputs.write(Tables.ARTICLES, spark.createDataFrame(articles, Tables.ARTICLES.schema()));
    outputs.write(
        Tables.CLAIMS, spark.createDataFrame(claims.subList(0, n), Tables.CLAIMS.schema()));
    RunRecord record =
        RunRecord.start(
            dir.toString(),
            "cluster",
            List.of(),
            "local[2]",
            spark.sparkContext().hadoopConfiguration());

    ClusterJob.Result r =
        ClusterJob.run(spark, new ClusterJob.Config(dir.toString(), 4, 16, 6, 1L), record);

    assertThat(r.note()).as("reason in the result").isNotBlank();
    assertThat(record.json().at("/cluster/note").asText()).isEqualTo(r.note());
    assertThat(r.k()).isEqualTo(n == 0 ? 0 : 1);
    assertThat(r.silhouette()).isNull();
    for (Tables.Table t : Tables.CLUSTER_TABLES) {
      assertThat(outputs.exists(t)).as(t.name()).isTrue();
      assertThat(outputs.read(t).columns()).containsExactly(t.schema().fieldNames());
    }
    assertThat(outputs.read(Tables.CLAIM_CLUSTERS).count()).as("claim_clusters rows").isEqualTo(n);
    List<Row> clusters = outputs.read(Tables.CLUSTERS).collectAsList();
    assertThat(clusters).hasSize(n == 0 ? 0 : 1);
    if (n > 0) {
      Row c = clusters.get(0);
      assertThat(c.<Integer>getAs("cluster_id")).isZero();
      assertThat(c.<Long>getAs("size")).isEqualTo(n);
      assertThat(c.<Integer>getAs("k")).isEqualTo(1);
      assertThat(c.<Object>getAs("silhouette")).isNull();
      assertThat(c.<String>getAs("label")).contains("cyberattack").doesNotContain("null");
      assertThat(outputs.read(Tables.OUTLET_CLUSTERS).count()).isPositive();
    }
    if (n == 1) {
      assertThat(outputs.read(Tables.CLAIM_CLUSTERS).first().<Double>getAs("distance"))
          .as("one claim is its own centre")
          .isZero();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 0})
  void aKRangeBelowTwoIsRefusedNamingTheOption(int kMin) {
    assertThatThrownBy(() -> new ClusterJob.Config("out", kMin, 8, 6, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--k-min: expected a number >= 2, got " + kMin);
    assertThatThrownBy(() -> new ClusterJob.Config("out", 5, 4, 6, 1L))
        .hasMessage("--k-max: expected a number >= --k-min (5), got 4");
  }
}
