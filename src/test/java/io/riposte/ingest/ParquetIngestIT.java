package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parquet archive with its own column names, mapped with --field. */
class ParquetIngestIT {

  @TempDir Path dir;

  @Test
  void parquetRowsBecomeArticlesOrRejects() {
    SparkSession spark = SparkTests.session();
    String body =
        "The ministry said on Tuesday that the report was baseless and that the country had"
            + " nothing to do with the attack on the port, which disrupted shipping for a week"
            + " and cost the operator millions, according to officials familiar with the case.";
    StructType schema =
        new StructType()
            .add("doc_key", DataTypes.StringType)
            .add("publisher", DataTypes.StringType)
            .add("pub", DataTypes.StringType)
            .add("story", DataTypes.StringType);
    List<Row> rows =
        List.of(
            RowFactory.create("p1", "Harbor Gazette", "2019-07-19", body),
            RowFactory.create("p2", "Capital Ledger Online", "7/20/2019", body + " Again."),
            RowFactory.create("p3", "Harbor Gazette", "2019-07-21", "Too short."));
    String archive = dir.resolve("archive.parquet").toString();
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(archive);

    String root = dir.resolve("out").toString();
    IngestJob.Result result =
        IngestJob.run(
            spark,
            new IngestJob.Config(
                List.of(archive),
                root,
                null,
                Map.of("id", "doc_key", "date", "pub"),
                200,
                1_000_000,
                null,
                MarkDuplicates.Settings.DEFAULT),
            RunRecord.start(
                root, "ingest", List.of(), "local[2]", spark.sparkContext().hadoopConfiguration()));

    assertThat(result.recordsIn()).isEqualTo(3);
    assertThat(result.accepted()).isEqualTo(2);
    assertThat(result.rejectedByReason()).containsExactlyEntriesOf(Map.of("TOO_SHORT", 1L));
    List<String> articles =
        new Outputs(spark, root)
            .read(Tables.ARTICLES).collectAsList().stream()
                .map(
                    r ->
                        r.getAs("article_id")
                            + " "
                            + r.getAs("outlet_key")
                            + " "
                            + r.getAs("published_date")
                            + " "
                            + r.getAs("dup_group"))
                .toList();
    assertThat(articles)
        .containsExactlyInAnyOrder(
            "p1 harbor-gazette 2019-07-19 p1", "p2 capital-ledger 2019-07-20 p1");
  }
}
