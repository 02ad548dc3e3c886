package io.riposte.cluster;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.riposte.aggregate.OrientClaims;
import io.riposte.extract.Claim;
import java.util.Arrays;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Claims to one row of clustering features per claim: what a claim's pattern is made of, before it
 * becomes a vector ({@link ClusterClaims}).
 *
 * <p>A claim is read as part of its accusation–denial pair, so an accusation and the denial that
 * answers it describe the same pattern: actors are oriented accuser → accused ({@link
 * OrientClaims}); an accusation carries the cues of the denials linked to it ({@code
 * denies_claim_id}), a linked denial the cue of its accusation, and a denial without an offence
 * takes its accusation's. Columns:
 *
 * <ul>
 *   <li>descriptive: {@code claim_id, article_id, kind, accuser, accused, accuser_type,
 *       accused_type, accuser_country, accused_country, outlet_key, outlet, offence, sentence};
 *   <li>{@code relation}: {@code same} (both actors in one country), {@code cross}, or {@code
 *       unknown} (a country missing); {@code country_pair} "USA>PRK", null unless both are known;
 *   <li>{@code answered}: an accusation answered by a linked denial, or a denial linked to an
 *       accusation; {@code hedged}, {@code quoted};
 *   <li>{@code offence_category}: the claim's ({@code none} when it has none; a denial already has
 *       its accusation's when it names no offence, see {@code CategoriseOffences});
 *   <li>{@code offence_terms}: distinct words of the offence, lower-cased, numbers, English stop
 *       words and one- and two-letter words dropped (words of letters and digits, such as "mh17",
 *       kept);
 *   <li>{@code accusation_cues} and {@code denial_cues}: the cue phrases of the pair, lower-cased,
 *       sorted ("blamed", "witch hunt").
 * </ul>
 */
public final class ClaimFeatures {

  /** Types an actor can have in the claims table, and what an actor without a type counts as. */
  public static final String NO_TYPE = "none";

  /** What a claim without an offence category counts as. */
  public static final String NO_CATEGORY = "none";

  private ClaimFeatures() {}

  /** Claims rows (the claims table) with articles rows (the articles table) to feature rows. */
  public static Dataset<Row> apply(Dataset<Row> claims, Dataset<Row> articles) {
    Dataset<Row> oriented = OrientClaims.apply(claims, articles);
    Dataset<Row> own =
        claims.select(
            col("claim_id").as("own_claim_id"),
            col("sentence"),
            col("hedged"),
            col("quoted"),
            phrase(col("cue")).as("own_cue"));
    Column isDenial = col("kind").equalTo(lit(Claim.DENIAL));
    // Cues of the denials linked to each accusation.
    Dataset<Row> answers =
        claims
            .where(isDenial.and(col("denies_claim_id").isNotNull()))
            .groupBy(col("denies_claim_id").as("answered_claim_id"))
            .agg(array_sort(collect_set(phrase(col("cue")))).as("answer_cues"));
    // The accusation a denial is linked to: its cue and offence.
    Dataset<Row> accusations =
        claims
            .where(col("kind").equalTo(lit(Claim.ACCUSATION)))
            .select(
                col("claim_id").as("accusation_claim_id"),
                phrase(col("cue")).as("accusation_cue"),
                OrientClaims.normalisedOffence(col("offence")).as("accusation_offence"));
    Dataset<Row> joined =
        oriented
            .join(own, col("claim_id").equalTo(col("own_claim_id")))
            .join(answers, col("claim_id").equalTo(col("answered_claim_id")), "left")
            .join(
                accusations,
                isDenial.and(col("denies_claim_id").equalTo(col("accusation_claim_id"))),
                "left");
    Column offence = coalesce(col("offence"), col("accusation_offence"));
    Column accusationCues =
        when(isDenial, when(col("accusation_cue").isNotNull(), array(col("accusation_cue"))))
            .otherwise(array(col("own_cue")));
    Column denialCues = when(isDenial, array(col("own_cue"))).otherwise(col("answer_cues"));
    Column empty = array().cast("array<string>");
    return joined.select(
        col("claim_id"),
        col("article_id"),
        col("kind"),
        col("accuser"),
        col("accused"),
        coalesce(col("accuser_type"), lit(NO_TYPE)).as("accuser_type"),
        coalesce(col("accused_type"), lit(NO_TYPE)).as("accused_type"),
        col("accuser_country"),
        col("accused_country"),
        when(col("accuser_country").isNull().or(col("accused_country").isNull()), lit("unknown"))
            .when(col("accuser_country").equalTo(col("accused_country")), lit("same"))
            .otherwise(lit("cross"))
            .as("relation"),
        when(
                col("accuser_country").isNotNull().and(col("accused_country").isNotNull()),
                concat(col("accuser_country"), lit(">"), col("accused_country")))
            .as("country_pair"),
        isDenial
            .and(col("accusation_claim_id").isNotNull())
            .or(functions.not(isDenial).and(col("answer_cues").isNotNull()))
            .as("answered"),
        col("hedged"),
        col("quoted"),
        col("outlet_key"),
        col("outlet"),
        offence.as("offence"),
        coalesce(col("offence_category"), lit(NO_CATEGORY)).as("offence_category"),
        col("sentence"),
        coalesce(offenceTerms(offence), empty).as("offence_terms"),
        coalesce(accusationCues, empty).as("accusation_cues"),
        coalesce(denialCues, empty).as("denial_cues"));
  }

  /** A cue as one lower-cased phrase with single spaces. */
  static Column phrase(Column cue) {
    return trim(regexp_replace(lower(cue), "\\s+", " "));
  }

  /**
   * Distinct content words of an offence phrase, in order of appearance: split on anything but
   * letters and digits; numbers ("$90,000"), stop words and words under three letters dropped
   * (words of letters and digits, such as "mh17", kept).
   */
  static Column offenceTerms(Column offence) {
    Column words = split(lower(offence), "[^\\p{L}\\p{N}]+");
    Column kept = filter(words, w -> w.rlike("\\p{L}").and(length(w).geq(3).or(w.rlike("\\p{N}"))));
    Column stop =
        array(
            Arrays.stream(StopWordsRemover.loadDefaultStopWords("english"))
                .map(w -> lit(w))
                .toArray(Column[]::new));
    return array_except(kept, stop);
  }
}
