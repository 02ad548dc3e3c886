package io.riposte.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.riposte.io.Tables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The one label of each outlet, shown wherever a table or the report names an outlet: the label
 * most of the outlet's articles carry, ties to the smallest label. An outlet seen as "Capital
 * Ledger" and "Capital Ledger Online" is one row, not two.
 *
 * <p>The most common label, not the smallest: on archives whose source field sometimes holds an
 * author ("Allysia Finley (Wall Street Journal)"), the smallest label named another outlet.
 */
public final class LabelOutlets {

  private LabelOutlets() {}

  /**
   * Articles rows (the articles table) to one row per non-null {@code outlet_key}: {@code
   * outlet_key, outlet}.
   */
  public static Dataset<Row> apply(Dataset<Row> articles) {
    return articles
        .where(col(Tables.OUTLET_KEY).isNotNull().and(col(Tables.OUTLET).isNotNull()))
        .groupBy(Tables.OUTLET_KEY, Tables.OUTLET)
        .agg(count(lit(1)).as("n"))
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy(Tables.OUTLET_KEY)
                        .orderBy(col("n").desc(), col(Tables.OUTLET))))
        .where(col("rank").equalTo(1))
        .select(Tables.OUTLET_KEY, Tables.OUTLET);
  }
}
