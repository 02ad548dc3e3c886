package io.riposte.cluster;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log1p;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.riposte.extract.Claim;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF9;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Claims with their cluster ({@link ClusterClaims.Fitted#assign} of {@link ClaimFeatures} rows) to
 * the {@code clusters} table: one row per cluster with its size, main offence category, denial
 * share, top actor pairs, terms and outlets, representative claims and a label ({@link
 * ClusterLabel}).
 *
 * <p>Every top list is ordered by count (or score) and then by value, so equal input gives equal
 * rows.
 */
public final class DescribeClusters {

  /** Actor pairs and outlets kept per cluster. */
  static final int TOP = 3;

  /** Offence terms kept per cluster. */
  static final int TOP_TERMS = 5;

  /** Representative claims kept per cluster. */
  static final int REPRESENTATIVES = 3;

  /** How an actor the claim does not name shows in an actor pair. */
  public static final String UNNAMED = "(unnamed)";

  private DescribeClusters() {}

  /**
   * @param assigned feature rows with {@code cluster_id} and {@code distance}
   * @param k clusters chosen (written in every row)
   * @param silhouette silhouette of the chosen k, or null
   */
  public static Dataset<Row> apply(Dataset<Row> assigned, int k, Double silhouette) {
    Column accusation = col("kind").equalTo(lit(Claim.ACCUSATION));
    Column denial = col("kind").equalTo(lit(Claim.DENIAL));
    List<Column> perCluster =
        new ArrayList<>(
            List.of(
                sum(when(accusation, 1L).otherwise(0L)).as("n_accusations"),
                sum(when(denial, 1L).otherwise(0L)).as("n_denials"),
                sum(when(accusation.and(col("answered")), 1L).otherwise(0L)).as("n_answered")));
    // Claims per accuser type and per accused type, in the same pass (no shuffle of their own).
    for (String side : List.of("accuser", "accused")) {
      List<Column> byType = new ArrayList<>();
      for (String type : ClusterClaims.TYPES) {
        byType.add(sum(when(col(side + "_type").equalTo(lit(type)), 1L).otherwise(0L)));
      }
      perCluster.add(functions.array(byType.toArray(Column[]::new)).as("n_" + side + "_types"));
    }
    Dataset<Row> counts =
        assigned
            .groupBy("cluster_id")
            .agg(count(lit(1)).as("size"), perCluster.toArray(Column[]::new));

    Column pair =
        concat(
            coalesce(col("accuser"), lit(UNNAMED)),
            lit(" -> "),
            coalesce(col("accused"), lit(UNNAMED)));
    Dataset<Row> pairs = top(counted(assigned, pair), TOP, "top_actor_pairs");
    Column types = concat(col("accuser_type"), lit(" -> "), col("accused_type"));
    Dataset<Row> typePatterns = top(counted(assigned, types), 1, "top_types");
    Dataset<Row> outlets =
        top(counted(assigned.where(col("outlet").isNotNull()), col("outlet")), TOP, "top_outlets");
    Dataset<Row> cues =
        top(
            counted(
                assigned.where(denial).select(col("cluster_id"), explode(col("denial_cues"))),
                col("col")),
            1,
            "top_cues");
    Dataset<Row> categories = top(counted(assigned, col("offence_category")), 2, "top_categories");
    Dataset<Row> terms = top(termScores(assigned), TOP_TERMS, "top_terms");
    Dataset<Row> representatives = representatives(assigned);

    Dataset<Row> joined =
        counts
            .join(pairs, "cluster_id")
            .join(typePatterns, "cluster_id")
            .join(outlets, "cluster_id", "left")
            .join(cues, "cluster_id", "left")
            .join(terms, "cluster_id", "left")
            .join(categories, "cluster_id")
            .join(representatives, "cluster_id");
    Column empty = functions.array().cast("array<string>");
    Column shareDenied =
        when(
            col("n_accusations").gt(0),
            col("n_answered").cast("double").divide(col("n_accusations")));
    Column topTerms = coalesce(col("top_terms"), empty);
    return joined.select(
        col("cluster_id"),
        label()
            .apply(
                col("size"),
                struct(
                    element_at(col("top_categories"), 1).as("category"),
                    element_at(col("top_categories_n"), 1).as("n"),
                    element_at(col("top_categories"), 2).as("second"),
                    element_at(col("top_categories_n"), 2).as("second_n")),
                element_at(col("top_actor_pairs"), 1),
                element_at(col("top_actor_pairs_n"), 1),
                struct(
                    element_at(col("top_types"), 1).as("types"),
                    element_at(col("top_types_n"), 1).as("n"),
                    col("n_accuser_types").as("accuser"),
                    col("n_accused_types").as("accused")),
                topTerms,
                element_at(col("top_cues"), 1),
                col("n_accusations"),
                shareDenied)
            .as("label"),
        col("size"),
        when(
                element_at(col("top_categories"), 1).notEqual(lit(ClaimFeatures.NO_CATEGORY)),
                element_at(col("top_categories"), 1))
            .as("offence_category"),
        when(
                element_at(col("top_categories"), 1).notEqual(lit(ClaimFeatures.NO_CATEGORY)),
                element_at(col("top_categories_n"), 1).cast("long"))
            .otherwise(lit(0L))
            .as("n_offence_category"),
        col("n_accusations"),
        col("n_denials"),
        shareDenied.as("share_denied"),
        col("top_actor_pairs"),
        topTerms.as("top_terms"),
        coalesce(col("top_outlets"), empty).as("top_outlets"),
        col("representative_claim_ids"),
        col("representative_sentences"),
        lit(silhouette).cast("double").as("silhouette"),
        lit(k).as("k"));
  }

  /** (cluster_id, value, score): claims per cluster and value of {@code value}. */
  private static Dataset<Row> counted(Dataset<Row> rows, Column value) {
    return rows.groupBy(col("cluster_id"), value.as("value"))
        .agg(count(lit(1)).cast("double").as("score"));
  }

  /**
   * Offence terms scored per cluster: claims of the cluster with the term x ln(1 + claims / claims
   * with the term), so a term common everywhere ranks below one that marks the cluster.
   */
  private static Dataset<Row> termScores(Dataset<Row> assigned) {
    Dataset<Row> perClaim =
        assigned.select(col("cluster_id"), col("claim_id"), explode(col("offence_terms")).as("t"));
    Dataset<Row> inCluster =
        perClaim.groupBy(col("cluster_id"), col("t")).agg(count(lit(1)).as("n"));
    Dataset<Row> everywhere =
        perClaim.groupBy(col("t").as("g_t")).agg(countDistinct("claim_id").as("df"));
    Dataset<Row> total = assigned.agg(count(lit(1)).as("n_claims"));
    return inCluster
        .join(everywhere, col("t").equalTo(col("g_t")))
        .crossJoin(total)
        .select(
            col("cluster_id"),
            col("t").as("value"),
            col("n").multiply(log1p(col("n_claims").divide(col("df")))).as("score"));
  }

  /**
   * The {@code n} best values per cluster, highest score first, ties by value: columns {@code
   * cluster_id}, {@code name} (array of values) and {@code name_n} (their scores).
   */
  private static Dataset<Row> top(Dataset<Row> scored, int n, String name) {
    Dataset<Row> ranked =
        scored
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("cluster_id")
                            .orderBy(col("score").desc(), col("value"))))
            .where(col("rank").leq(n));
    Column sorted = array_sort(collect_list(struct(col("rank"), col("value"), col("score"))));
    return ranked
        .groupBy("cluster_id")
        .agg(sorted.as("entries"))
        .select(
            col("cluster_id"),
            transform(col("entries"), e -> e.getField("value")).as(name),
            transform(col("entries"), e -> e.getField("score")).as(name + "_n"));
  }

  /**
   * Up to {@value #REPRESENTATIVES} claims nearest the centre per cluster, one per distinct
   * sentence, nearest first, ties by claim_id.
   */
  private static Dataset<Row> representatives(Dataset<Row> assigned) {
    Dataset<Row> firstOfSentence =
        assigned
            .withColumn(
                "sentence_rank",
                row_number()
                    .over(
                        Window.partitionBy("cluster_id", "sentence")
                            .orderBy(col("distance"), col("claim_id"))))
            .where(col("sentence_rank").equalTo(1));
    Dataset<Row> ranked =
        firstOfSentence
            .withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("cluster_id").orderBy(col("distance"), col("claim_id"))))
            .where(col("rank").leq(REPRESENTATIVES));
    return ranked
        .groupBy("cluster_id")
        .agg(
            array_sort(collect_list(struct(col("rank"), col("claim_id"), col("sentence"))))
                .as("entries"))
        .select(
            col("cluster_id"),
            transform(col("entries"), e -> e.getField("claim_id")).as("representative_claim_ids"),
            transform(col("entries"), e -> e.getField("sentence")).as("representative_sentences"));
  }

  /**
   * The label; the two main categories and their claims come as one struct, and so do the type
   * patterns (Java UDFs take at most 10 arguments).
   */
  private static UserDefinedFunction label() {
    return functions.udf(
        (UDF9<Long, Row, String, Double, Row, Seq<String>, String, Long, Double, String>)
            (size, category, pair, pairN, types, terms, cue, accusations, shareDenied) -> {
              List<Long> accuserCounts = types.getList(types.fieldIndex("accuser"));
              List<Long> accusedCounts = types.getList(types.fieldIndex("accused"));
              int accuser = mostFrequent(accuserCounts);
              int accused = mostFrequent(accusedCounts);
              return ClusterLabel.of(
                  new ClusterLabel.Pattern(
                      size,
                      category.<String>getAs("category"),
                      category.getAs("n") == null ? 0 : category.<Double>getAs("n").longValue(),
                      category.<String>getAs("second"),
                      category.getAs("second_n") == null
                          ? 0
                          : category.<Double>getAs("second_n").longValue(),
                      pair,
                      pairN == null ? 0 : pairN.longValue(),
                      types.<String>getAs("types"),
                      claims(types, "n"),
                      ClusterClaims.TYPES.get(accuser),
                      accuserCounts.get(accuser),
                      ClusterClaims.TYPES.get(accused),
                      accusedCounts.get(accused),
                      terms == null ? List.of() : JavaConverters.seqAsJavaList(terms),
                      cue,
                      accusations,
                      shareDenied));
            },
        DataTypes.StringType);
  }

  /** Index of the largest count; of equal counts, the type that sorts first by name. */
  private static int mostFrequent(List<Long> counts) {
    int best = 0;
    for (int i = 1; i < counts.size(); i++) {
      int byCount = Long.compare(counts.get(i), counts.get(best));
      if (byCount > 0
          || byCount == 0
              && ClusterClaims.TYPES.get(i).compareTo(ClusterClaims.TYPES.get(best)) < 0) {
        best = i;
      }
    }
    return best;
  }

  private static long claims(Row struct, String field) {
    Double n = struct.getAs(field);
    return n == null ? 0 : n.longValue();
  }
}
