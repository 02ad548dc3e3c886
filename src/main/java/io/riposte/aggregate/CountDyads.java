package io.riposte.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * {@link OrientClaims} rows to the {@code dyad_counts} table: claims, articles and stories per
 * month, accuser → accused dyad, kind and outlet.
 *
 * <p>{@code n_unique_stories} stays additive: each story ({@code dup_group}) of a dyad and kind is
 * counted once in the whole table, in the row of its first copy that carries such a claim (earliest
 * date, undated last, then smallest article id: the primary copy when it carries the claim). A wire
 * story copied by ten outlets gives ten articles and one story however the rows are summed.
 */
public final class CountDyads {

  /** The dyad, kind and offence category: the key under which stories are counted once. */
  static final List<String> DYAD =
      List.of(
          "accuser",
          "accuser_actor_id",
          "accuser_type",
          "accuser_country",
          "accused",
          "accused_actor_id",
          "accused_type",
          "accused_country",
          "kind",
          "offence_category");

  private CountDyads() {}

  public static Dataset<Row> apply(Dataset<Row> oriented) {
    Column[] storyKey =
        Stream.concat(DYAD.stream(), Stream.of("dup_group"))
            .map(c -> col(c))
            .toArray(Column[]::new);
    Column firstCopy =
        row_number()
            .over(
                Window.partitionBy(storyKey)
                    .orderBy(
                        col("published_date").asc_nulls_last(), col("article_id"), col("claim_id")))
            .equalTo(1);
    Column[] rowKey =
        Stream.concat(Stream.of("month", "year"), DYAD.stream())
            .map(c -> col(c))
            .toArray(Column[]::new);
    return oriented
        .withColumn("first_copy", firstCopy)
        .groupBy(
            Stream.concat(Stream.of(rowKey), Stream.of(col("outlet_key"), col("outlet")))
                .toArray(Column[]::new))
        .agg(
            count(lit(1)).as("n_claims"),
            countDistinct("article_id").as("n_articles"),
            sum(when(col("first_copy"), 1).otherwise(0)).cast("long").as("n_unique_stories"));
  }
}
