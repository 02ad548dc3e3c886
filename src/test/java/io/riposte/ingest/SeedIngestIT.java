package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.riposte.SparkTests;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed page, raw as scraped (read from ../shared, never copied into the repository): one
 * article from The Washington Times of 2017-12-21, with the site's boilerplate gone.
 */
class SeedIngestIT {

  @TempDir Path out;

  @Test
  void seedPageIngestsWithOutletDateAndNoBoilerplate() {
    Path seed = SparkTests.shared().resolve("eval/seed/washington-times-2017-12-21-wannacry.txt");
    assumeTrue(Files.exists(seed), "needs ../shared/eval/seed");
    SparkSession spark = SparkTests.session();
    String root = out.toString();
    IngestJob.Result result =
        IngestJob.run(
            spark,
            new IngestJob.Config(
                List.of(seed.toString()),
                root,
                null,
                Map.of(),
                200,
                1_000_000,
                null,
                MarkDuplicates.Settings.DEFAULT),
            RunRecord.start(
                root, "ingest", List.of(), "local[2]", spark.sparkContext().hadoopConfiguration()));
    assertThat(result.recordsIn()).isEqualTo(1);
    assertThat(result.accepted()).isEqualTo(1);
    Row article = new Outputs(spark, root).read(Tables.ARTICLES).first();
    assertThat(article.<String>getAs("outlet")).isEqualTo("The Washington Times");
    assertThat(article.<String>getAs("outlet_key")).isEqualTo("washington-times");
    assertThat(article.<Object>getAs("published_date").toString()).isEqualTo("2017-12-21");
    String text = article.getAs("text");
    assertThat(text)
        .startsWith("A spokesperson for North Korea’s foreign ministry said Thursday")
        .endsWith("is currently free on bail pending trial.")
        .doesNotContain("Copyright", "Comment Policy", "Click to", "reprint permission");
  }
}
