package io.riposte.aggregate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.riposte.extract.Claim;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * {@link OrientClaims} rows to the {@code actor_summary} table: per actor, how often it accuses, is
 * accused and denies, and the actors most often on the other side of its claims.
 *
 * <p>Each claim gives the accuser one role row and the accused one (a denial's accused is the
 * denier). Counterparts count claims in either role and of both kinds; the top {@value #TOP} are
 * kept, most claims first, ties by name, as "Name (n)".
 */
public final class SummariseActors {

  /** Counterparts kept per actor. */
  static final int TOP = 5;

  private static final String[] ACTOR = {"actor", "actor_id", "actor_type", "actor_country"};

  private SummariseActors() {}

  public static Dataset<Row> apply(Dataset<Row> oriented) {
    Column accusation = col("kind").equalTo(lit(Claim.ACCUSATION));
    Column denial = col("kind").equalTo(lit(Claim.DENIAL));
    Dataset<Row> asAccuser =
        oriented.select(
            col("accuser").as("actor"),
            col("accuser_actor_id").as("actor_id"),
            col("accuser_type").as("actor_type"),
            col("accuser_country").as("actor_country"),
            col("accused").as("counterpart"),
            when(accusation, 1).otherwise(0).as("accusing"),
            lit(0).as("accused"),
            lit(0).as("denying"));
    Dataset<Row> asAccused =
        oriented.select(
            col("accused").as("actor"),
            col("accused_actor_id").as("actor_id"),
            col("accused_type").as("actor_type"),
            col("accused_country").as("actor_country"),
            col("accuser").as("counterpart"),
            lit(0).as("accusing"),
            when(accusation, 1).otherwise(0).as("accused"),
            when(denial, 1).otherwise(0).as("denying"));
    Dataset<Row> roles = asAccuser.unionByName(asAccused).where(col("actor").isNotNull());

    Dataset<Row> counts =
        roles
            .groupBy(ACTOR[0], ACTOR[1], ACTOR[2], ACTOR[3])
            .agg(
                sum("accusing").cast("long").as("n_accusing"),
                sum("accused").cast("long").as("n_accused"),
                sum("denying").cast("long").as("n_denying"));
    Dataset<Row> counterparts =
        roles
            .where(col("counterpart").isNotNull())
            .groupBy(ACTOR[0], ACTOR[1], ACTOR[2], ACTOR[3], "counterpart")
            .agg(count(lit(1)).as("n"))
            .groupBy(ACTOR[0], ACTOR[1], ACTOR[2], ACTOR[3])
            .agg(
                collect_list(
                        struct(
                            col("n").multiply(-1).as("rank"),
                            col("counterpart").as("name"),
                            concat(col("counterpart"), lit(" ("), col("n"), lit(")")).as("label")))
                    .as("ranked"))
            .select(
                col(ACTOR[0]).as("c_actor"),
                col(ACTOR[1]).as("c_actor_id"),
                col(ACTOR[2]).as("c_actor_type"),
                col(ACTOR[3]).as("c_actor_country"),
                expr("transform(slice(array_sort(ranked), 1, " + TOP + "), c -> c.label)")
                    .as("top_counterparts"));
    return counts
        .join(
            counterparts,
            col(ACTOR[0])
                .eqNullSafe(col("c_actor"))
                .and(col(ACTOR[1]).eqNullSafe(col("c_actor_id")))
                .and(col(ACTOR[2]).eqNullSafe(col("c_actor_type")))
                .and(col(ACTOR[3]).eqNullSafe(col("c_actor_country"))),
            "left")
        .select(
            col(ACTOR[0]),
            col(ACTOR[1]),
            col(ACTOR[2]),
            col(ACTOR[3]),
            col("n_accusing"),
            col("n_accused"),
            col("n_denying"),
            coalesce(col("top_counterparts"), array().cast("array<string>"))
                .as("top_counterparts"));
  }
}
