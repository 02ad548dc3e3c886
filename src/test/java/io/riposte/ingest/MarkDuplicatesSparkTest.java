package io.riposte.ingest;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.SparkTests;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Near-duplicate search under the bucket cap: texts sharing a long preamble fall into one LSH
 * bucket, which is paired in a window instead of all against all; true copies are still grouped.
 */
class MarkDuplicatesSparkTest {

  static SparkSession spark;
  static final StructType ARTICLES =
      new StructType()
          .add("article_id", DataTypes.StringType)
          .add("published_date", DataTypes.DateType)
          .add("content_hash", DataTypes.StringType)
          .add("text", DataTypes.StringType);

  /** No cap: every pair of every bucket, as before the cap. */
  static final MarkDuplicates.Settings UNCAPPED =
      withMaxBucket(MarkDuplicates.Settings.DEFAULT, Integer.MAX_VALUE);

  @BeforeAll
  static void session() {
    spark = SparkTests.session();
  }

  private static MarkDuplicates.Settings withMaxBucket(MarkDuplicates.Settings s, int maxBucket) {
    return new MarkDuplicates.Settings(s.maxJaccardDistance(), s.hashTables(), s.seed(), maxBucket);
  }

  private static Row article(String id, LocalDate date, String text) {
    return RowFactory.create(id, Date.valueOf(date), "h-" + text.hashCode(), text);
  }

  /** {@code n} made-up words, the same for the same seed. */
  private static String words(long seed, int n) {
    Random random = new Random(seed);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      out.append(i == 0 ? "" : i % 12 == 11 ? ". " : " ")
          .append("w")
          .append(random.nextInt(1 << 20));
    }
    return out.toString();
  }

  /** {@code text} with every 40th word replaced: a copy within the distance threshold. */
  private static String edited(String text) {
    String[] w = text.split(" ");
    for (int i = 0; i < w.length; i += 40) {
      w[i] = "edited" + i;
    }
    return String.join(" ", w);
  }

  /** dup_group of each article id. */
  private static Map<String, String> groups(Dataset<Row> marked) {
    return marked.select("article_id", "dup_group").collectAsList().stream()
        .collect(
            Collectors.toMap(r -> r.getString(0), r -> r.getString(1), (a, b) -> a, TreeMap::new));
  }

  /**
   * 300 pages of one outlet sharing a 300-word footer (60% of each text) with 200-word endings of
   * their own, and two syndicated stories of two copies each, published on the same day, with the
   * same footer: most pages fall in one bucket per hash table, far over the cap of 100.
   */
  private static List<Row> outletWithSharedFooter() {
    String footer = words(7, 300);
    List<Row> rows = new ArrayList<>();
    LocalDate start = LocalDate.of(2019, 1, 1);
    for (int i = 0; i < 300; i++) {
      rows.add(
          article(
              String.format("p%03d", i),
              start.plusDays(i / 3),
              words(1000 + i, 200) + ". " + footer));
    }
    String storyX = words(1, 200) + ". " + footer;
    String storyY = words(2, 200) + ". " + footer;
    rows.add(article("x1", start.plusDays(20), storyX));
    rows.add(article("x2", start.plusDays(20), edited(storyX)));
    rows.add(article("y1", start.plusDays(70), storyY));
    rows.add(article("y2", start.plusDays(70), edited(storyY)));
    return rows;
  }

  /** Issue 12: one outlet's shared footer put all its pages in one bucket, k^2 comparisons. */
  @Test
  void aBucketOverTheCapIsPairedInAWindowAndTrueCopiesAreStillGrouped() {
    Dataset<Row> articles = spark.createDataFrame(outletWithSharedFooter(), ARTICLES);
    MarkDuplicates.Settings settings = MarkDuplicates.Settings.DEFAULT;
    Dataset<Row> buckets = MarkDuplicates.buckets(articles, settings).cache();
    try {
      Map<String, String> groups = groups(MarkDuplicates.apply(articles, buckets, settings));

      assertThat(groups.get("x2")).as("syndicated copy of x").isEqualTo("x1");
      assertThat(groups.get("y2")).as("syndicated copy of y").isEqualTo("y1");
      assertThat(groups.get("x1")).isEqualTo("x1");
      assertThat(groups.get("y1")).isEqualTo("y1");
      assertThat(groups.entrySet())
          .as("pages sharing only the footer stay apart")
          .filteredOn(e -> e.getKey().startsWith("p"))
          .allMatch(e -> e.getKey().equals(e.getValue()));

      Row load = MarkDuplicates.bucketLoad(buckets, settings).first();
      long overCap = load.getAs(MarkDuplicates.BUCKETS_OVER_CAP);
      long largest = load.getAs(MarkDuplicates.LARGEST_BUCKET);
      long skipped = load.getAs(MarkDuplicates.PAIRS_SKIPPED);
      assertThat(overCap).as("buckets over the cap").isBetween(1L, (long) settings.hashTables());
      assertThat(largest).as("largest bucket").isGreaterThan(settings.maxBucket());
      // At distance 1.0 every compared pair is a near-duplicate pair: the pairs returned are
      // the pairs compared, one per bucket they share.
      MarkDuplicates.Settings everyPair =
          new MarkDuplicates.Settings(
              1.0, settings.hashTables(), settings.seed(), settings.maxBucket());
      long allPairs =
          MarkDuplicates.nearDuplicatePairs(
                  articles, buckets, withMaxBucket(everyPair, Integer.MAX_VALUE))
              .count();
      long keptPairs = MarkDuplicates.nearDuplicatePairs(articles, buckets, everyPair).count();
      assertThat(skipped).as("pairs skipped, counted from the bucket sizes").isPositive();
      assertThat(allPairs - keptPairs).as("pairs the window left out").isEqualTo(skipped);
      assertThat(keptPairs)
          .as("compared pairs, at most maxBucket - 1 per member and table")
          .isLessThanOrEqualTo(304L * (settings.maxBucket() - 1) * settings.hashTables());
    } finally {
      buckets.unpersist();
    }
  }

  /**
   * Below the cap nothing changes: same groups as with no cap, and nothing counted. Three copies of
   * one story under a cap of 2 are still one group, chained through the middle copy.
   */
  @Test
  void belowTheCapEveryPairIsComparedAndChainsJoinCopiesOverIt() {
    String story = words(11, 150);
    List<Row> rows =
        List.of(
            article("a1", LocalDate.of(2018, 3, 1), story),
            article("a2", LocalDate.of(2018, 3, 1), story),
            article("a3", LocalDate.of(2018, 3, 2), edited(story)),
            article("a4", LocalDate.of(2018, 3, 2), edited(edited(story) + " more")),
            article("b1", LocalDate.of(2018, 3, 1), words(12, 150)),
            article("c1", LocalDate.of(2018, 2, 27), words(13, 150)));
    Dataset<Row> articles = spark.createDataFrame(rows, ARTICLES);
    Map<String, String> expected =
        Map.of("a1", "a1", "a2", "a1", "a3", "a1", "a4", "a1", "b1", "b1", "c1", "c1");

    assertThat(groups(MarkDuplicates.apply(articles, MarkDuplicates.Settings.DEFAULT)))
        .as("default cap")
        .isEqualTo(expected);
    assertThat(groups(MarkDuplicates.apply(articles, UNCAPPED))).as("no cap").isEqualTo(expected);
    assertThat(groups(MarkDuplicates.apply(articles.repartition(3), withMaxBucket(UNCAPPED, 2))))
        .as("cap of 2, input in another order")
        .isEqualTo(expected);
    Row load =
        MarkDuplicates.bucketLoad(
                MarkDuplicates.buckets(articles, MarkDuplicates.Settings.DEFAULT),
                MarkDuplicates.Settings.DEFAULT)
            .first();
    assertThat(load.<Long>getAs(MarkDuplicates.BUCKETS_OVER_CAP)).isZero();
    assertThat(load.<Long>getAs(MarkDuplicates.PAIRS_SKIPPED)).isZero();
    assertThat(load.<Long>getAs(MarkDuplicates.LARGEST_BUCKET)).isBetween(1L, 3L);
  }

  /**
   * Texts mixing scripts, case, digits and symbols: accents, a dotted capital I (whose lower case
   * is two chars), German sharp s, Greek, Chinese, superscript and fraction digits (\p{N} but not
   * Character.isDigit), a Roman numeral, an emoji (a surrogate pair), apostrophes, hyphens, one
   * text over the 10,000 characters shingled, and texts of 4, 5 and 6 words.
   */
  private static List<Row> mixedTexts() {
    String[] odd = {
      "Ünïcödé",
      "İSTANBUL",
      "straße",
      "ΣΊΣΥΦΟΣ",
      "北京 上海",
      "x²",
      "½",
      "Ⅻ",
      "😀",
      "2017",
      "well-known",
      "don't",
      "U.S.",
      "$10",
      "«quoted»",
      "TAB\there",
      "e\u0301",
      "ＦＵＬＬ"
    };
    Random random = new Random(99);
    List<Row> rows = new ArrayList<>();
    LocalDate day = LocalDate.of(2020, 5, 1);
    for (int i = 0; i < 120; i++) {
      StringBuilder text = new StringBuilder();
      int n = 5 + random.nextInt(400);
      for (int k = 0; k < n; k++) {
        text.append(k == 0 ? "" : " ");
        text.append(
            random.nextInt(4) == 0
                ? odd[random.nextInt(odd.length)]
                : "w" + random.nextInt(60) + (random.nextBoolean() ? "" : "X"));
      }
      rows.add(article(String.format("m%03d", i), day.plusDays(i % 7), text.toString()));
    }
    rows.add(article("long", day, words(5, 3000)));
    rows.add(article("four", day, "one two three four"));
    rows.add(article("five", day, "One, two; three. Four: FIVE"));
    rows.add(article("six", day, "one two three four five six"));
    return rows;
  }

  /**
   * The bucket values are Spark MLlib's: {@link MinHashes} replaced MLlib's RegexTokenizer, NGram,
   * HashingTF and MinHashLSH and must give the same (rep, table, value) rows, so the same buckets,
   * pairs and groups as before.
   */
  @Test
  void bucketValuesAreThoseOfMllibMinHashLsh() {
    Dataset<Row> articles = spark.createDataFrame(mixedTexts(), ARTICLES);
    MarkDuplicates.Settings settings = MarkDuplicates.Settings.DEFAULT;

    assertThat(bucketLines(MarkDuplicates.buckets(articles, settings)))
        .as("bucket rows of plain-Java MinHash")
        .hasSizeGreaterThan(100 * settings.hashTables())
        .containsExactlyInAnyOrderElementsOf(bucketLines(mllibBuckets(articles, settings)));
  }

  private static List<String> bucketLines(Dataset<Row> buckets) {
    return buckets.collectAsList().stream()
        .map(
            r ->
                r.getAs("rep")
                    + " "
                    + r.<Integer>getAs("table")
                    + " "
                    + r.<Double>getAs("value").longValue())
        .collect(Collectors.toList());
  }

  /** The buckets as MLlib's pipeline computes them (what MarkDuplicates did before MinHashes). */
  private static Dataset<Row> mllibBuckets(
      Dataset<Row> articles, MarkDuplicates.Settings settings) {
    Dataset<Row> texts =
        articles.select(
            concat(col("published_date").cast("string"), lit("|"), col("article_id")).as("rep"),
            substring(lower(col("text")), 1, MarkDuplicates.SHINGLE_TEXT_CHARS).as("body"));
    Dataset<Row> words =
        new RegexTokenizer()
            .setInputCol("body")
            .setOutputCol("words")
            .setPattern("[^\\p{L}\\p{N}]+")
            .setMinTokenLength(1)
            .transform(texts);
    Dataset<Row> shingles =
        new NGram()
            .setN(MarkDuplicates.SHINGLE_WORDS)
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
    return model
        .transform(features)
        .select(col("rep"), posexplode(col("hashes")).as(new String[] {"table", "hash"}))
        .select(
            col("rep"),
            col("table"),
            vector_to_array(col("hash"), "float64").getItem(0).as("value"));
  }

  /**
   * The shingled part of a text is computed in Java: it must be what Spark SQL's {@code
   * substring(lower(text), 1, 10000)} gives, also where lower-casing changes the length (a dotted
   * capital I becomes two chars), where the cut falls on a surrogate pair or after a capital sigma
   * (whose lower case depends on what follows), and for all-ASCII texts (lower-cased char by char
   * in Spark, whatever the locale).
   */
  @Test
  void bodyIsSparkSqlSubstringOfLower() {
    int n = MarkDuplicates.SHINGLE_TEXT_CHARS;
    String a = "a".repeat(n - 2);
    List<String> texts = new ArrayList<>();
    texts.add("Plain ASCII Text, With CAPITALS and 123.");
    texts.add("İstanbul İİİ " + a);
    texts.add(a + "İİİ tail");
    texts.add(a + "😀😀 tail");
    texts.add(a + "x😀 tail");
    texts.add(a + "ΑΣ ΟΔΟΣ");
    texts.add(a + "ΑΣ" + "\u0301".repeat(20) + "Β");
    texts.add("A".repeat(3 * n));
    texts.add("");
    for (Row r : mixedTexts()) {
      texts.add(r.getString(3));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create(i, texts.get(i)));
    }
    StructType schema =
        new StructType().add("i", DataTypes.IntegerType).add("text", DataTypes.StringType);
    List<Row> spark =
        MarkDuplicatesSparkTest.spark
            .createDataFrame(rows, schema)
            .select(col("i"), substring(lower(col("text")), 1, n).as("body"))
            .orderBy("i")
            .collectAsList();

    for (Row r : spark) {
      int i = r.getInt(0);
      assertThat(MarkDuplicates.body(texts.get(i))).as("body of text %d", i).isEqualTo(r.get(1));
    }
  }

  @Test
  void aCapUnderTwoIsRefusedWithTheValue() {
    assertThatThrownBy(() -> withMaxBucket(MarkDuplicates.Settings.DEFAULT, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBucket: expected at least 2")
        .hasMessageContaining("got 1");
  }
}
