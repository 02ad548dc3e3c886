package io.riposte.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import io.riposte.io.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@link OrientClaims} rows to the {@code offence_months} table: claims, articles and outlets per
 * month, offence category and kind. Every claim is in exactly one row, undated claims in the rows
 * of a null month, claims without a category in those of a null category.
 *
 * <p>The one definition of the figures behind the report's chart of accusations per month by
 * offence category: the report reads this table rather than summing {@code dyad_counts} itself.
 */
public final class CountOffenceMonths {

  private CountOffenceMonths() {}

  public static Dataset<Row> apply(Dataset<Row> oriented) {
    return oriented
        .groupBy(col(Tables.MONTH), col(Tables.OFFENCE_CATEGORY), col(Tables.KIND))
        .agg(
            count(lit(1)).as("n_claims"),
            countDistinct(Tables.ARTICLE_ID).as("n_articles"),
            countDistinct(Tables.OUTLET_KEY).as("n_outlets"));
  }
}
