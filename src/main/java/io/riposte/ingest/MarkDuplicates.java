package io.riposte.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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
    Dataset<Row> roots = components(nearDuplicatePairs(articles, buckets, settings));
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
   * The values are those of Spark MLlib's MinHash LSH on the word 5-shingles (see {@link
   * MinHashes}); a representative with fewer than 5 words has none.
   */
  public static Dataset<Row> buckets(Dataset<Row> articles, Settings settings) {
    MinHashes minHashes = new MinHashes(SHINGLE_WORDS, settings.hashTables(), settings.seed());
    FlatMapFunction<Row, Row> hash =
        r -> {
          String body = body(r.getString(1));
          double[] values = body == null ? null : minHashes.of(body);
          if (values == null) {
            return Collections.emptyIterator();
          }
          List<Row> out = new ArrayList<>(values.length);
          for (int t = 0; t < values.length; t++) {
            out.add(RowFactory.create(r.getString(0), t, values[t]));
          }
          return out.iterator();
        };
    // Only ids travel through the bucket joins; texts join the buckets with more than one member.
    return repTexts(keyed(articles)).flatMap(hash, Encoders.row(BUCKETS));
  }

  private static final StructType BUCKETS =
      new StructType()
          .add("rep", DataTypes.StringType)
          .add("table", DataTypes.IntegerType, false)
          .add("value", DataTypes.DoubleType, false);

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
   * The pairs (a, b), a &lt; b, of members of a bucket at most {@code maxBucket} - 1 apart in the
   * bucket's order by rep whose texts are within the distance threshold: one row per bucket and
   * pair (a pair sharing several buckets repeats). The members of the buckets with more than one
   * are brought together with their texts, sorted by (table, value, rep), and read in one pass that
   * holds the shingles of the last {@code maxBucket} - 1 members of the current bucket: a text is
   * shingled once per bucket it shares, not once per pair, and a bucket of n members costs O(n *
   * maxBucket) comparisons and O(maxBucket) memory.
   */
  static Dataset<Row> nearDuplicatePairs(
      Dataset<Row> articles, Dataset<Row> buckets, Settings settings) {
    Dataset<Row> shared =
        buckets
            .withColumn("members", count("*").over(Window.partitionBy("table", "value")))
            .where(col("members").gt(1))
            .select("rep", "table", "value");
    int window = settings.maxBucket() - 1;
    double maxDistance = settings.maxJaccardDistance();
    MapPartitionsFunction<Row, Row> compare =
        rows -> {
          List<Row> out = new ArrayList<>();
          ArrayDeque<Member> previous = new ArrayDeque<>();
          int table = -1;
          double value = Double.NaN;
          while (rows.hasNext()) {
            Row r = rows.next();
            int t = r.getInt(1);
            double v = r.getDouble(2);
            if (t != table || Double.compare(v, value) != 0) {
              previous.clear();
              table = t;
              value = v;
            }
            Member m = new Member(r.getString(0), Shingles.hashes(r.getString(3), SHINGLE_WORDS));
            for (Member p : previous) {
              if (Shingles.withinDistance(p.shingles(), m.shingles(), maxDistance)) {
                out.add(RowFactory.create(p.rep(), m.rep()));
              }
            }
            previous.addLast(m);
            if (previous.size() > window) {
              previous.removeFirst();
            }
          }
          return out.iterator();
        };
    MapFunction<Row, Row> toBody = r -> RowFactory.create(r.getString(0), body(r.getString(1)));
    Dataset<Row> bodies = repTexts(keyed(articles)).map(toBody, Encoders.row(BODIES));
    return shared
        .join(bodies, "rep")
        .select("rep", "table", "value", "body")
        .repartition(col("table"), col("value"))
        .sortWithinPartitions("table", "value", "rep")
        .mapPartitions(compare, Encoders.row(PAIRS));
  }

  /** A bucket member and its shingles, while the next members are compared with it. */
  private record Member(String rep, Shingles.ShingleSet shingles) {}

  private static final StructType BODIES =
      new StructType().add("rep", DataTypes.StringType).add("body", DataTypes.StringType);

  private static final StructType PAIRS =
      new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);

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

  /** (rep, text): the text of each representative. */
  private static Dataset<Row> repTexts(Dataset<Row> keyed) {
    Dataset<Row> reps = representatives(keyed);
    return keyed
        .join(reps, keyed.col("okey").equalTo(reps.col("rep")))
        .select(col("rep"), col("text"));
  }

  /**
   * The part of a text that is shingled: its first {@link #SHINGLE_TEXT_CHARS} code points after
   * lower-casing, what Spark SQL's {@code substring(lower(text), 1, SHINGLE_TEXT_CHARS)} gives
   * (lower() maps an all-ASCII text char by char, any other with {@link String#toLowerCase()}),
   * computed here once per use instead of by Spark on UTF-8 bytes, decoded and encoded again.
   */
  static String body(String text) {
    if (text == null) {
      return null;
    }
    boolean ascii = true;
    for (int i = 0; i < text.length() && ascii; i++) {
      ascii = text.charAt(i) < 128;
    }
    String lower = ascii ? text.toLowerCase(Locale.ROOT) : text.toLowerCase();
    if (lower.length() <= SHINGLE_TEXT_CHARS) {
      return lower;
    }
    int codePoints = lower.codePointCount(0, lower.length());
    return codePoints <= SHINGLE_TEXT_CHARS
        ? lower
        : lower.substring(0, lower.offsetByCodePoints(0, SHINGLE_TEXT_CHARS));
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
