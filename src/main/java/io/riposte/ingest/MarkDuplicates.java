package io.riposte.ingest;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

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
import org.apache.spark.sql.expressions.Window;
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
 *
 * <p>Bounded work per bucket. Texts sharing a long preamble (live blogs, an outlet's footer on
 * every page) can fall into one bucket, whose n members would give n(n-1)/2 candidate pairs, each
 * compared exactly on its text. The members of a bucket are ranked by representative key (date,
 * then id) and each is paired only with the next {@link Settings#maxBucket} - 1 in that order: a
 * bucket of at most {@code maxBucket} members keeps every pair, a larger one gives fewer than n *
 * maxBucket. Copies of a story that stay within that window of each other in date order (syndicated
 * copies are published within hours), or that meet in another, smaller bucket, or that are chained
 * through copies between them (a run of live-blog versions), are still found. What is missed: two
 * true copies whose only common buckets are over the cap and that have more than {@code maxBucket}
 * - 2 other members of the bucket between them in date order, with no chain of copies linking them.
 * {@link #bucketLoad} counts the buckets over the cap and the pairs skipped, for the run record.
 */
public final class MarkDuplicates {

  /**
   * Settings of the near-duplicate search.
   *
   * @param maxBucket the most members of an LSH bucket whose pairs are all compared; each member of
   *     a larger bucket is compared with its next {@code maxBucket - 1} only (at least 2). The
   *     default, 100, keeps every pair of a story syndicated to up to 100 outlets in one bucket,
   *     and bounds a bucket of 20,000 pages sharing a footer to about 2 million comparisons instead
   *     of 200 million.
   */
  public record Settings(double maxJaccardDistance, int hashTables, long seed, int maxBucket) {
    public static final Settings DEFAULT = new Settings(0.3, 5, 20171221L, 100);

    public Settings {
      if (maxBucket < 2) {
        throw new IllegalArgumentException(
            "maxBucket: expected at least 2 (members of a bucket compared), got " + maxBucket);
      }
    }
  }

  /** Column of {@link #bucketLoad}: buckets with more than {@code maxBucket} members. */
  public static final String BUCKETS_OVER_CAP = "buckets_over_cap";

  /** Column of {@link #bucketLoad}: members of the largest bucket (0 when there is none). */
  public static final String LARGEST_BUCKET = "largest_bucket";

  /**
   * Column of {@link #bucketLoad}: pairs within buckets not compared because of the cap, summed
   * over buckets (a pair skipped in one hash table may still be compared through another).
   */
  public static final String PAIRS_SKIPPED = "pairs_skipped";

  static final int SHINGLE_WORDS = 5;
  static final int SHINGLE_TEXT_CHARS = 10_000;
  private static final String NO_DATE = "9999-12-31";

  private MarkDuplicates() {}

  /** Adds dup_group and is_primary to {@link BuildArticles#accepted} rows. */
  public static Dataset<Row> apply(Dataset<Row> articles, Settings settings) {
    return apply(articles, buckets(articles, settings), settings);
  }

  /**
   * Adds dup_group and is_primary to {@code articles}, given their {@link #buckets} (computed with
   * the same settings): a job that also counts the {@link #bucketLoad} persists the buckets and
   * hashes the texts once.
   */
  public static Dataset<Row> apply(Dataset<Row> articles, Dataset<Row> buckets, Settings settings) {
    Dataset<Row> keyed = keyed(articles);
    Dataset<Row> reps = representatives(keyed);
    Dataset<Row> edges =
        nearDuplicatePairs(
            candidatePairs(buckets, settings.maxBucket()), repTexts(keyed), settings);
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

  /**
   * The MinHash LSH buckets of the representatives of {@code articles}: one row (rep, table, value)
   * per representative and hash table; representatives with the same (table, value) share a bucket.
   */
  public static Dataset<Row> buckets(Dataset<Row> articles, Settings settings) {
    Dataset<Row> words =
        new RegexTokenizer()
            .setInputCol("body")
            .setOutputCol("words")
            .setPattern("[^\\p{L}\\p{N}]+")
            .setMinTokenLength(1)
            .transform(repTexts(keyed(articles)));
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
    return model
        .transform(features)
        .select(col("rep"), posexplode(col("hashes")).as(new String[] {"table", "hash"}))
        .select(
            col("rep"),
            col("table"),
            vector_to_array(col("hash"), "float64").getItem(0).as("value"));
  }

  /**
   * One row: {@link #BUCKETS_OVER_CAP}, {@link #LARGEST_BUCKET} and {@link #PAIRS_SKIPPED} of
   * {@code buckets} under the cap {@code settings.maxBucket()}. An aggregate over bucket sizes: a
   * bucket of n &gt; m members skips (n - m + 1)(n - m) / 2 of its n(n - 1) / 2 pairs.
   */
  public static Dataset<Row> bucketLoad(Dataset<Row> buckets, Settings settings) {
    long m = settings.maxBucket();
    Column n = col("members");
    Column over = n.gt(m);
    return buckets
        .groupBy("table", "value")
        .agg(count("*").as("members"))
        .agg(
            coalesce(sum(when(over, 1L).otherwise(0L)), lit(0L)).as(BUCKETS_OVER_CAP),
            coalesce(max(n), lit(0L)).as(LARGEST_BUCKET),
            coalesce(
                    sum(
                        when(
                                over,
                                expr("(members - " + (m - 1) + ") * (members - " + m + ") div 2"))
                            .otherwise(0L)),
                    lit(0L))
                .as(PAIRS_SKIPPED));
  }

  /**
   * Pairs (a, b), a &lt; b, of members of a bucket at most {@code maxBucket} - 1 apart in the
   * bucket's order by rep, one row per bucket and pair (a pair sharing several buckets repeats).
   * Members are ranked within their bucket and the ranks cut in blocks of {@code maxBucket}: a
   * member meets only its own block and the next, so a bucket of n members costs O(n * maxBucket),
   * not O(n^2), in the join as in its output.
   */
  static Dataset<Row> bucketPairs(Dataset<Row> buckets, int maxBucket) {
    Dataset<Row> ranked =
        buckets
            .withColumn(
                "rank", row_number().over(Window.partitionBy("table", "value").orderBy("rep")))
            .withColumn("block", expr("(rank - 1) div " + maxBucket));
    Dataset<Row> left =
        ranked.select(
            col("rep").as("a"), col("table"), col("value"), col("block"), col("rank").as("rank_a"));
    Dataset<Row> right =
        ranked.select(
            col("rep").as("b"),
            col("table"),
            col("value"),
            explode(
                    when(col("block").gt(0), array(col("block"), col("block").minus(1)))
                        .otherwise(array(col("block"))))
                .as("block"),
            col("rank").as("rank_b"));
    return left.join(right, new String[] {"table", "value", "block"})
        .where(
            col("rank_b").gt(col("rank_a")).and(col("rank_b").minus(col("rank_a")).lt(maxBucket)))
        .select("a", "b");
  }

  /** Distinct candidate pairs (a, b), a &lt; b, of representative keys: {@link #bucketPairs}. */
  static Dataset<Row> candidatePairs(Dataset<Row> buckets, int maxBucket) {
    return bucketPairs(buckets, maxBucket).distinct();
  }

  /** The candidate pairs (a, b) within the distance threshold, compared on their texts. */
  static Dataset<Row> nearDuplicatePairs(
      Dataset<Row> candidates, Dataset<Row> repTexts, Settings settings) {
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

  /** The articles with their order key {@code okey}: date (missing last), then id. */
  private static Dataset<Row> keyed(Dataset<Row> articles) {
    return articles.withColumn(
        "okey",
        concat(
            coalesce(col("published_date").cast("string"), lit(NO_DATE)),
            lit("|"),
            col("article_id")));
  }

  /** (content_hash, rep): the smallest order key of each set of exact copies. */
  private static Dataset<Row> representatives(Dataset<Row> keyed) {
    return keyed.groupBy("content_hash").agg(min("okey").as("rep"));
  }

  /** (rep, body): the lower-cased start of each representative's text. */
  private static Dataset<Row> repTexts(Dataset<Row> keyed) {
    Dataset<Row> reps = representatives(keyed);
    return keyed
        .join(reps, keyed.col("okey").equalTo(reps.col("rep")))
        .select(col("rep"), substring(lower(col("text")), 1, SHINGLE_TEXT_CHARS).as("body"));
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
