package io.riposte.stages;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.udf;

import io.riposte.ingest.Shingles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Marks exact and near-duplicate copies of one story: adds {@code dup_group} and {@code is_primary}
 * to the accepted articles. Every copy stays (the outlet matters).
 *
 * <ol>
 *   <li>Exact copies share a {@code content_hash}; the earliest (then smallest id) represents them.
 *   <li>Representatives are compared with MinHash LSH on word 5-shingles: pairs within the Jaccard
 *       distance threshold are near-duplicates (syndicated copies with a changed first line or a
 *       trimmed sentence). Candidate pairs come from hash buckets, so the work grows with the
 *       archive and the number of true pairs, not with its square.
 *   <li>Groups are the connected components of those pairs (union-find over the pairs).
 * </ol>
 *
 * <p>The group's primary and id are the copy with the earliest date, then the smallest id: the same
 * input gives the same groups.
 */
public final class MarkDuplicates {

  /** Settings of the near-duplicate search. */
  public record Settings(double maxJaccardDistance, int hashTables, long seed) {
    public static final Settings DEFAULT = new Settings(0.3, 5, 20171221L);
  }

  static final int SHINGLE_WORDS = 5;
  static final int SHINGLE_TEXT_CHARS = 10_000;
  private static final String NO_DATE = "9999-12-31";

  private MarkDuplicates() {}

  /** Adds dup_group and is_primary to {@link BuildArticles#accepted} rows. */
  public static Dataset<Row> apply(Dataset<Row> articles, Settings settings) {
    Dataset<Row> keyed =
        articles.withColumn(
            "okey",
            concat(
                coalesce(col("published_date").cast("string"), lit(NO_DATE)),
                lit("|"),
                col("article_id")));
    Dataset<Row> reps = keyed.groupBy("content_hash").agg(min("okey").as("rep"));
    Dataset<Row> repTexts =
        keyed
            .join(reps, keyed.col("okey").equalTo(reps.col("rep")))
            .select(col("rep"), substring(lower(col("text")), 1, SHINGLE_TEXT_CHARS).as("body"));
    Dataset<Row> edges = nearDuplicatePairs(repTexts, settings);
    Dataset<Row> roots = components(edges);
    Dataset<Row> repRoot =
        reps.join(roots, reps.col("rep").equalTo(roots.col("node")), "left")
            .select(col("content_hash"), coalesce(col("root"), col("rep")).as("root"));
    Column root = col("root");
    return keyed
        .join(repRoot, "content_hash")
        .withColumn("dup_group", substring(root, NO_DATE.length() + 2, Integer.MAX_VALUE))
        .withColumn("is_primary", col("okey").equalTo(root))
        .drop("okey", "root");
  }

  /** Pairs (a, b) of representative keys, a &lt; b, within the distance threshold. */
  static Dataset<Row> nearDuplicatePairs(Dataset<Row> repTexts, Settings settings) {
    Dataset<Row> words =
        new RegexTokenizer()
            .setInputCol("body")
            .setOutputCol("words")
            .setPattern("[^\\p{L}\\p{N}]+")
            .setMinTokenLength(1)
            .transform(repTexts);
    Dataset<Row> shingles =
        new NGram()
            .setN(SHINGLE_WORDS)
            .setInputCol("words")
            .setOutputCol("shingles")
            .transform(words)
            .where(size(col("shingles")).gt(0));
    Dataset<Row> features =
        new HashingTF()
            .setInputCol("shingles")
            .setOutputCol("features")
            .setBinary(true)
            .setNumFeatures(1 << 22)
            .transform(shingles)
            .select("rep", "features");
    MinHashLSHModel model =
        new MinHashLSH()
            .setInputCol("features")
            .setOutputCol("hashes")
            .setNumHashTables(settings.hashTables())
            .setSeed(settings.seed())
            .fit(features);
    // Bucket on the hash values alone, so that only ids travel through the self-join; the few
    // candidate pairs are then compared exactly on their texts.
    Dataset<Row> buckets =
        model
            .transform(features)
            .select(col("rep"), posexplode(col("hashes")).as(new String[] {"table", "hash"}))
            .select(
                col("rep"),
                col("table"),
                vector_to_array(col("hash"), "float64").getItem(0).as("value"));
    Dataset<Row> left = buckets.toDF("a", "table", "value");
    Dataset<Row> right = buckets.toDF("b", "table", "value");
    Dataset<Row> candidates =
        left.join(right, new String[] {"table", "value"})
            .where(col("a").lt(col("b")))
            .select("a", "b")
            .distinct();
    Dataset<Row> textA = repTexts.toDF("a", "body_a");
    Dataset<Row> textB = repTexts.toDF("b", "body_b");
    UserDefinedFunction distance =
        udf(
            (UDF2<String, String, Double>) (x, y) -> Shingles.jaccardDistance(x, y, SHINGLE_WORDS),
            DataTypes.DoubleType);
    return candidates
        .join(textA, "a")
        .join(textB, "b")
        .where(distance.apply(col("body_a"), col("body_b")).leq(settings.maxJaccardDistance()))
        .select("a", "b");
  }

  /**
   * (node, root) for every node on an edge: root = smallest key of its connected component. The
   * edges (true near-duplicate pairs only: few next to the archive) are gathered into one task and
   * joined with union-find, exactly and in one pass.
   */
  static Dataset<Row> components(Dataset<Row> edges) {
    MapPartitionsFunction<Row, Row> unionFind =
        rows -> {
          Map<String, String> parent = new HashMap<>();
          while (rows.hasNext()) {
            Row r = rows.next();
            String a = find(parent, r.getString(0));
            String b = find(parent, r.getString(1));
            if (!a.equals(b)) {
              parent.put(a.compareTo(b) < 0 ? b : a, a.compareTo(b) < 0 ? a : b);
            }
          }
          List<Row> out = new ArrayList<>(parent.size());
          for (String node : new ArrayList<>(parent.keySet())) {
            out.add(RowFactory.create(node, find(parent, node)));
          }
          return out.iterator();
        };
    return edges.repartition(1).mapPartitions(unionFind, Encoders.row(COMPONENTS));
  }

  private static final StructType COMPONENTS =
      new StructType().add("node", DataTypes.StringType).add("root", DataTypes.StringType);

  /** Root of {@code node} with path halving; a new node is its own root. */
  private static String find(Map<String, String> parent, String node) {
    String x = node;
    parent.putIfAbsent(x, x);
    while (!parent.get(x).equals(x)) {
      String up = parent.get(parent.get(x));
      parent.put(x, up);
      x = up;
    }
    return x;
  }
}
