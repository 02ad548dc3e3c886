package io.riposte.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.riposte.extract.Claim;
import io.riposte.io.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Articles and claims to the {@code outlet_coverage} table: per outlet and month, how many articles
 * there are, how many carry an accusation, a denial, and an accusation together with the denial
 * that answers it. Counts only (each article in exactly one row), so any slice can be summed before
 * a ratio is taken.
 *
 * <p>An accusation "reports the denial" when a DENIAL of the same article names it in {@code
 * denies_claim_id}; the extractor links a denial only to an accusation of its own article.
 */
public final class CountByOutlet {

  private CountByOutlet() {}

  public static Dataset<Row> apply(Dataset<Row> articles, Dataset<Row> claims) {
    Column isAccusation = col(Tables.KIND).equalTo(lit(Claim.ACCUSATION));
    Column isDenial = col(Tables.KIND).equalTo(lit(Claim.DENIAL));
    Dataset<Row> kinds =
        claims
            .groupBy(col("article_id").as("kinds_article_id"))
            .agg(
                max(when(isAccusation, 1).otherwise(0)).as("has_accusation"),
                max(when(isDenial, 1).otherwise(0)).as("has_denial"));
    Dataset<Row> accusations =
        claims.where(isAccusation).select(col("article_id").as("a_article"), col("claim_id"));
    Dataset<Row> answered =
        claims
            .where(isDenial.and(col("denies_claim_id").isNotNull()))
            .select(col("article_id").as("d_article"), col("denies_claim_id"))
            .join(
                accusations,
                col("d_article")
                    .equalTo(col("a_article"))
                    .and(col("denies_claim_id").equalTo(col("claim_id"))))
            .select(col("d_article").as("answered_article_id"), lit(1).as("answered"))
            .distinct();
    Dataset<Row> labels =
        LabelOutlets.apply(articles)
            .select(col(Tables.OUTLET_KEY).as("label_key"), col(Tables.OUTLET).as("label"));
    return articles
        .select(
            col(Tables.ARTICLE_ID),
            col(Tables.OUTLET_KEY),
            col(Tables.OUTLET),
            col("published_date"),
            col("is_primary"))
        .join(kinds, col(Tables.ARTICLE_ID).equalTo(col("kinds_article_id")), "left")
        .join(answered, col(Tables.ARTICLE_ID).equalTo(col("answered_article_id")), "left")
        .join(labels, col(Tables.OUTLET_KEY).equalTo(col("label_key")), "left")
        .groupBy(
            col(Tables.OUTLET_KEY),
            coalesce(col("label"), col(Tables.OUTLET)).as(Tables.OUTLET),
            trunc(col("published_date"), "month").as("month"))
        .agg(
            count(lit(1)).as("n_articles"),
            sum(when(col("is_primary"), 1).otherwise(0)).cast("long").as("n_primary_articles"),
            sum(coalesce(col("has_accusation"), lit(0))).cast("long").as("n_with_accusation"),
            sum(coalesce(col("has_denial"), lit(0))).cast("long").as("n_with_denial"),
            sum(coalesce(col("answered"), lit(0)))
                .cast("long")
                .as("n_accusation_articles_reporting_denial"));
  }
}
