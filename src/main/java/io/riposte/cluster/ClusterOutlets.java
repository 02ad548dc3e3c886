package io.riposte.cluster;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.riposte.extract.Claim;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.Seq;

/**
 * Outlets by how they cover the claim patterns: {@link #profiles} turns claims with their claim
 * cluster into one coverage profile per outlet, which {@link ClusterClaims#fit} clusters like
 * claims; {@link #describe} writes the {@code outlet_clusters} rows.
 *
 * <p>A profile is the share of the outlet's claims in each claim cluster (which dyads and offences
 * it reports, as the claim clusters group them), followed by the share of its accusations it
 * reports with the denial, weighted {@value #W_DENIAL}.
 */
public final class ClusterOutlets {

  /** Weight of the denial-reporting share next to the cluster shares (which sum to 1). */
  static final double W_DENIAL = 1.0;

  /** Claim clusters kept per outlet. */
  static final int TOP = 3;

  private ClusterOutlets() {}

  /**
   * One row per outlet with claims: {@code outlet_key, outlet, n_claims, n_accusations,
   * n_accusations_denied, share_denied, claim_cluster_counts} (array of (claim_cluster_id, n) by
   * id), {@code top_claim_clusters} and the profile vector {@code features}.
   *
   * @param assigned claim feature rows with {@code cluster_id}
   * @param k claim clusters (the profile has k + 1 dimensions)
   */
  public static Dataset<Row> profiles(Dataset<Row> assigned, int k) {
    Column accusation = col("kind").equalTo(lit(Claim.ACCUSATION));
    Dataset<Row> totals =
        assigned
            .groupBy(col("outlet_key"))
            .agg(
                min("outlet").as("outlet"),
                count(lit(1)).as("n_claims"),
                sum(when(accusation, 1L).otherwise(0L)).as("n_accusations"),
                sum(when(accusation.and(col("answered")), 1L).otherwise(0L))
                    .as("n_accusations_denied"));
    Dataset<Row> perCluster =
        assigned
            .groupBy(col("outlet_key").as("c_outlet_key"), col("cluster_id"))
            .agg(count(lit(1)).as("n"))
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("c_outlet_key")
                            .orderBy(col("n").desc(), col("cluster_id"))))
            .groupBy("c_outlet_key")
            .agg(
                array_sort(collect_list(struct(col("cluster_id").as("claim_cluster_id"), col("n"))))
                    .as("claim_cluster_counts"),
                array_sort(collect_list(struct(col("rank"), col("cluster_id")))).as("ranked"));
    Column shareDenied =
        when(
            col("n_accusations").gt(0),
            col("n_accusations_denied").cast("double").divide(col("n_accusations")));
    UserDefinedFunction profile =
        functions.udf(
            (UDF2<Seq<Row>, Double, Vector>) (counts, denied) -> profile(k, counts, denied),
            new VectorUDT());
    return totals
        .join(perCluster, col("outlet_key").eqNullSafe(col("c_outlet_key")))
        .select(
            col("outlet_key"),
            col("outlet"),
            col("n_claims"),
            col("n_accusations"),
            col("n_accusations_denied"),
            shareDenied.as("share_denied"),
            col("claim_cluster_counts"),
            slice(transform(col("ranked"), e -> e.getField("cluster_id")), 1, TOP)
                .as("top_claim_clusters"),
            profile.apply(col("claim_cluster_counts"), shareDenied).as("features"));
  }

  private static Vector profile(int k, Seq<Row> counts, Double shareDenied) {
    double[] v = new double[k + 1];
    long total = 0;
    for (int i = 0; i < counts.size(); i++) {
      total += counts.apply(i).<Long>getAs("n");
    }
    for (int i = 0; i < counts.size(); i++) {
      Row c = counts.apply(i);
      v[c.<Integer>getAs("claim_cluster_id")] = (double) c.<Long>getAs("n") / total;
    }
    v[k] = W_DENIAL * (shareDenied == null ? 0 : shareDenied);
    return Vectors.dense(v);
  }

  /**
   * The {@code outlet_clusters} rows.
   *
   * @param assigned {@link #profiles} rows with {@code cluster_id} and {@code distance}
   * @param clusters the {@code clusters} rows (for the labels of claim clusters)
   * @param k outlet clusters chosen
   * @param silhouette silhouette of the outlet clustering, or null
   */
  public static Dataset<Row> describe(
      Dataset<Row> assigned, Dataset<Row> clusters, int k, Double silhouette) {
    Dataset<Row> covered =
        assigned
            .select(col("cluster_id"), explode(col("claim_cluster_counts")).as("c"))
            .groupBy(col("cluster_id"), col("c.claim_cluster_id").as("claim_cluster_id"))
            .agg(sum("c.n").as("n"));
    Dataset<Row> mostly =
        covered
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("cluster_id")
                            .orderBy(col("n").desc(), col("claim_cluster_id"))))
            .where(col("rank").equalTo(1))
            .join(
                clusters.select(
                    col("cluster_id").as("l_cluster_id"), col("label").as("claim_label")),
                col("claim_cluster_id").equalTo(col("l_cluster_id")))
            .select(
                col("cluster_id").as("m_cluster_id"),
                col("claim_cluster_id"),
                col("claim_label"),
                col("n").as("n_top"));
    Dataset<Row> totals =
        assigned
            .groupBy(col("cluster_id").as("t_cluster_id"))
            .agg(
                sum("n_claims").as("t_claims"),
                sum("n_accusations").as("t_accusations"),
                sum("n_accusations_denied").as("t_denied"));
    Column groupDenied =
        when(
            col("t_accusations").gt(0),
            col("t_denied").cast("double").divide(col("t_accusations")));
    UserDefinedFunction label =
        functions.udf(
            (UDF4<Integer, String, Double, Double, String>) ClusterLabel::ofOutlets,
            DataTypes.StringType);
    Dataset<Row> labels =
        mostly
            .join(totals, col("m_cluster_id").equalTo(col("t_cluster_id")))
            .select(
                col("m_cluster_id").as("g_cluster_id"),
                label
                    .apply(
                        col("claim_cluster_id"),
                        col("claim_label"),
                        col("n_top").cast("double").divide(col("t_claims")),
                        groupDenied)
                    .as("label"));
    return assigned
        .join(labels, col("cluster_id").equalTo(col("g_cluster_id")))
        .select(
            col("outlet_key"),
            col("outlet"),
            col("cluster_id"),
            col("label"),
            col("n_claims"),
            col("n_accusations"),
            col("n_accusations_denied"),
            col("share_denied"),
            col("top_claim_clusters"),
            col("distance"),
            lit(silhouette).cast("double").as("silhouette"),
            lit(k).as("k"));
  }
}
