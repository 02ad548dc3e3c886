package io.riposte.aggregate;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import io.riposte.extract.Claim;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * {@link OrientClaims} rows to the {@code episodes} table: one row per accusation–denial episode.
 *
 * <ol>
 *   <li>Accusations: the dated accusations of one accuser, accused and offence (null offence is a
 *       bucket of its own), in date order, start a new episode when more than {@code windowDays}
 *       after the previous one (gap-based sessions). An episode spans [first accusation, last
 *       accusation + window].
 *   <li>Denials, in two passes: a denial linked to an accusation ({@code denies_claim_id}) joins
 *       that accusation's episode; another dated denial joins an episode of its accused (the
 *       denier) whose span holds its date and whose accuser and offence equal the denial's, where a
 *       null accuser or offence on the denial matches any. Among several candidates: equal accuser
 *       first, then equal offence, then the latest first accusation, then the smallest id.
 * </ol>
 *
 * <p>Undated accusations and denials, and denials that match no episode, are in no episode: dates
 * are what an episode is made of. They are still in {@code dyad_counts} and {@code actor_summary}.
 */
public final class BuildEpisodes {

  /** Claim ids kept as examples per episode. */
  static final int EXAMPLES = 5;

  private static final String NULL_KEY = "\u0000";

  private BuildEpisodes() {}

  public static Dataset<Row> apply(Dataset<Row> oriented, int windowDays) {
    if (windowDays < 0) {
      throw new IllegalArgumentException(
          "episode window: expected a number of days >= 0, got " + windowDays);
    }
    Dataset<Row> accusations = sessionise(oriented, windowDays);
    Dataset<Row> spans =
        accusations
            .groupBy("episode_id", "accuser", "accused", "offence", "first_accusation_date")
            .agg(max("published_date").as("last_accusation_date"));
    Dataset<Row> denials = assignDenials(oriented, accusations, spans, windowDays);
    Dataset<Row> members =
        accusations
            .select(col("episode_id"), col("claim_id"))
            .unionByName(denials.select(col("episode_id"), col("claim_id")));

    Dataset<Row> accused =
        accusations
            .groupBy("episode_id")
            .agg(
                min("accuser").as("accuser"),
                min("accuser_actor_id").as("accuser_actor_id"),
                min("accuser_country").as("accuser_country"),
                min("accused").as("accused"),
                min("accused_actor_id").as("accused_actor_id"),
                min("accused_country").as("accused_country"),
                min("offence").as("offence"),
                min("published_date").as("first_accusation_date"),
                max("published_date").as("last_accusation_date"),
                count(lit(1)).as("n_accusations"),
                countDistinct("article_id").as("n_accusation_articles"),
                countDistinct("dup_group").as("n_accusation_stories"),
                countDistinct("outlet_key").as("n_accusation_outlets"));
    Dataset<Row> denied =
        denials
            .groupBy(col("episode_id").as("d_episode_id"))
            .agg(
                min("published_date").as("first_denial_date"),
                count(lit(1)).as("n_denials"),
                countDistinct("article_id").as("n_denial_articles"),
                countDistinct("outlet_key").as("n_denial_outlets"));
    // The episode's category: the one most of its accusations have, ties to the smaller key.
    Dataset<Row> categories =
        accusations
            .groupBy(col("episode_id").as("c_episode_id"), col("offence_category"))
            .agg(count(lit(1)).as("n"))
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy(col("c_episode_id"))
                            .orderBy(col("n").desc(), col("offence_category").asc_nulls_last())))
            .where(col("rank").equalTo(1))
            .select(col("c_episode_id"), col("offence_category"));
    Dataset<Row> examples =
        members
            .groupBy(col("episode_id").as("x_episode_id"))
            .agg(
                slice(array_sort(collect_set(col("claim_id"))), 1, EXAMPLES)
                    .as("example_claim_ids"));
    return accused
        .join(denied, col("episode_id").equalTo(col("d_episode_id")), "left")
        .join(examples, col("episode_id").equalTo(col("x_episode_id")), "left")
        .join(categories, col("episode_id").equalTo(col("c_episode_id")), "left")
        .select(
            col("episode_id"),
            col("accuser"),
            col("accuser_actor_id"),
            col("accuser_country"),
            col("accused"),
            col("accused_actor_id"),
            col("accused_country"),
            col("offence"),
            col("offence_category"),
            col("first_accusation_date"),
            col("last_accusation_date"),
            col("first_denial_date"),
            datediff(col("first_denial_date"), col("first_accusation_date")).as("days_to_denial"),
            col("n_accusations"),
            col("n_accusation_articles"),
            col("n_accusation_stories"),
            col("n_accusation_outlets"),
            coalesce(col("n_denials"), lit(0L)).as("n_denials"),
            coalesce(col("n_denial_articles"), lit(0L)).as("n_denial_articles"),
            coalesce(col("n_denial_outlets"), lit(0L)).as("n_denial_outlets"),
            col("example_claim_ids"),
            year(col("first_accusation_date")).as("year"));
  }

  /**
   * Dated accusations with their episode: {@code first_accusation_date} and {@code episode_id}
   * added.
   */
  static Dataset<Row> sessionise(Dataset<Row> oriented, int windowDays) {
    Column[] key = {col("accuser"), col("accused"), col("offence")};
    WindowSpec byDate = Window.partitionBy(key).orderBy(col("published_date"), col("claim_id"));
    Column previous = lag(col("published_date"), 1).over(byDate);
    Column starts =
        when(previous.isNull().or(datediff(col("published_date"), previous).gt(windowDays)), 1)
            .otherwise(0);
    Dataset<Row> numbered =
        oriented
            .where(
                col("kind").equalTo(lit(Claim.ACCUSATION)).and(col("published_date").isNotNull()))
            .withColumn("starts", starts)
            .withColumn(
                "session",
                sum(col("starts"))
                    .over(byDate.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    Column[] sessionKey = {col("accuser"), col("accused"), col("offence"), col("session")};
    return numbered
        .withColumn(
            "first_accusation_date",
            min(col("published_date")).over(Window.partitionBy(sessionKey)))
        .withColumn(
            "episode_id",
            substring(
                sha2(
                    concat_ws(
                        "\u001f",
                        coalesce(col("accuser"), lit(NULL_KEY)),
                        coalesce(col("accused"), lit(NULL_KEY)),
                        coalesce(col("offence"), lit(NULL_KEY)),
                        col("first_accusation_date").cast("string")),
                    256),
                1,
                16))
        .drop("starts", "session");
  }

  /** Denials with the {@code episode_id} they belong to; denials in no episode are left out. */
  static Dataset<Row> assignDenials(
      Dataset<Row> oriented, Dataset<Row> accusations, Dataset<Row> spans, int windowDays) {
    Dataset<Row> denials = oriented.where(col("kind").equalTo(lit(Claim.DENIAL)));
    Dataset<Row> linkTargets =
        accusations.select(col("claim_id").as("linked_claim_id"), col("episode_id"));
    Dataset<Row> linked =
        denials.join(linkTargets, col("denies_claim_id").equalTo(col("linked_claim_id")));

    Dataset<Row> candidates =
        denials
            .join(linkTargets, col("denies_claim_id").equalTo(col("linked_claim_id")), "left_anti")
            .where(col("published_date").isNotNull())
            .alias("d")
            .join(
                spans.alias("s"),
                col("d.accused")
                    .eqNullSafe(col("s.accused"))
                    .and(
                        col("d.accuser").isNull().or(col("d.accuser").eqNullSafe(col("s.accuser"))))
                    .and(
                        col("d.offence").isNull().or(col("d.offence").eqNullSafe(col("s.offence"))))
                    .and(col("d.published_date").geq(col("s.first_accusation_date")))
                    .and(
                        col("d.published_date")
                            .leq(date_add(col("s.last_accusation_date"), windowDays))));
    WindowSpec best =
        Window.partitionBy(col("d.claim_id"))
            .orderBy(
                when(col("d.accuser").eqNullSafe(col("s.accuser")), 0).otherwise(1),
                when(col("d.offence").eqNullSafe(col("s.offence")), 0).otherwise(1),
                col("s.first_accusation_date").desc(),
                col("s.episode_id"));
    Dataset<Row> matched =
        candidates
            .withColumn("rank", row_number().over(best))
            .where(col("rank").equalTo(1))
            .select(col("d.*"), col("s.episode_id").as("episode_id"));
    return linked.drop("linked_claim_id").unionByName(matched);
  }
}
