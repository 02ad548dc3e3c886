package io.riposte.aggregate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.riposte.extract.Claim;
import io.riposte.io.Tables;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Claims turned into accuser → accused dyads, the common input of the aggregate tables.
 *
 * <p>For an ACCUSATION the accuser is the source actor and the accused the target; for a DENIAL the
 * accuser is the target (whose accusation is denied) and the accused the source (the denier). So an
 * accusation and its denial fall on the same dyad. Null actors stay null.
 *
 * <p>Adds the story ({@code dup_group} of the article; the article id when the article is missing
 * from {@code articles}), the month and year of publication, the outlet's label (one per key, see
 * {@link LabelOutlets}) and the offence normalised for grouping (lower-cased, trimmed, null when
 * blank).
 */
public final class OrientClaims {

  private OrientClaims() {}

  /** Claims rows (the claims table) with articles rows (the articles table) to dyad rows. */
  public static Dataset<Row> apply(Dataset<Row> claims, Dataset<Row> articles) {
    Dataset<Row> stories =
        articles.select(col(Tables.ARTICLE_ID).as("story_article_id"), col("dup_group"));
    Dataset<Row> labels =
        LabelOutlets.apply(articles)
            .select(col(Tables.OUTLET_KEY).as("label_key"), col(Tables.OUTLET).as("label"));
    Column accusation = col(Tables.KIND).equalTo(lit(Claim.ACCUSATION));
    Dataset<Row> joined =
        claims
            .join(stories, col(Tables.ARTICLE_ID).equalTo(col("story_article_id")), "left")
            .join(labels, col(Tables.OUTLET_KEY).equalTo(col("label_key")), "left");
    return joined.select(
        col(Tables.CLAIM_ID),
        col(Tables.ARTICLE_ID),
        col(Tables.KIND),
        role(accusation, "source", "target", Tables.ACCUSER, "_actor"),
        role(accusation, "source", "target", Tables.ACCUSER, "_actor_id"),
        role(accusation, "source", "target", Tables.ACCUSER, "_type"),
        role(accusation, "source", "target", Tables.ACCUSER, "_country"),
        role(accusation, "target", "source", Tables.ACCUSED, "_actor"),
        role(accusation, "target", "source", Tables.ACCUSED, "_actor_id"),
        role(accusation, "target", "source", Tables.ACCUSED, "_type"),
        role(accusation, "target", "source", Tables.ACCUSED, "_country"),
        normalisedOffence(col("offence")).as("offence"),
        col(Tables.OFFENCE_CATEGORY),
        col("denies_claim_id"),
        col("published_date"),
        trunc(col("published_date"), "month").as("month"),
        year(col("published_date")).as("year"),
        col(Tables.OUTLET_KEY),
        coalesce(col("label"), col(Tables.OUTLET)).as(Tables.OUTLET),
        coalesce(col("dup_group"), col(Tables.ARTICLE_ID)).as("dup_group"));
  }

  /** Offence for grouping: lower-cased and trimmed, null when missing or blank. */
  public static Column normalisedOffence(Column offence) {
    return when(length(trim(offence)).gt(0), lower(trim(offence)));
  }

  /**
   * Column {@code role + suffix} taken from the claim's {@code whenAccusation} side for an
   * accusation and from its {@code whenDenial} side for a denial; suffix "_actor" names the actor
   * itself ({@code source_actor} becomes {@code accuser}).
   */
  private static Column role(
      Column accusation, String whenAccusation, String whenDenial, String role, String suffix) {
    String out = suffix.equals("_actor") ? role : role + suffix;
    return when(accusation, col(whenAccusation + suffix))
        .otherwise(col(whenDenial + suffix))
        .as(out);
  }
}
