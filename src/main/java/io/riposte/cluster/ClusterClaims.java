package io.riposte.cluster;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.riposte.extract.Claim;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.SQLTransformer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.stat.Summarizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * {@link ClaimFeatures} rows to pattern clusters: claims by offence category first, then k-means
 * within a category ({@link #fitByCategory}); outlet profiles with one k-means ({@link #fit}); k
 * chosen by silhouette.
 *
 * <p>Unlike the other stages this one fits models, so {@link #vectorise} and the fits run Spark
 * jobs (as MLlib estimators do); {@link Fitted#assign} is a pure transformation again. k is chosen
 * in plain Java ({@link LocalKMeans}) on at most about {@link Settings#sample} rows collected to
 * the driver, so trying a k costs no Spark job; above that many rows {@link #fit} lets MLlib refine
 * the chosen centres once over all rows. The caller caches the vectors.
 *
 * <p>The vector of a claim is a weighted concatenation of blocks, each of norm 0 or 1 before its
 * weight (see the {@code W_*} constants): kind, accuser type, accused type, country relation and
 * offence category (one-hot each), answered, hedged, quoted (0/1), the country pair (hashed
 * one-hot), and the TF-IDF of the offence terms, of the accusation cues and of the denial cues
 * (hashed, IDF fitted on the input, L2-normalised). A squared distance between two claims is thus a
 * weighted count of what differs about them.
 *
 * <p>Determinism: the caller sorts the features by claim_id into one partition; k-means is seeded;
 * k is the smallest k within {@link #K_TOLERANCE} of the highest silhouette; clusters are
 * renumbered by size (largest is 0), ties by their smallest id; a claim equally near two centres
 * goes to the first centre of the fit. One partition because MLlib sums a partition's points per
 * centre and merges the partition sums in the order tasks finish, which changes the last bits of
 * the centres from run to run. One partition bounds how fast the refit of a large input can go.
 */
public final class ClusterClaims {

  /** Weight of the claim kind (ACCUSATION or DENIAL); small, so a denial joins its accusation. */
  static final double W_KIND = 0.6;

  /** Weight of each actor type (state, person, org, group, none). */
  static final double W_TYPE = 0.9;

  /** Weight of the country relation (same, cross, unknown). */
  static final double W_RELATION = 0.6;

  /** Weight of the country pair; low, so one pattern can hold several pairs of states. */
  static final double W_PAIR = 0.5;

  static final double W_ANSWERED = 0.3;
  static final double W_HEDGED = 0.3;
  static final double W_QUOTED = 0.3;

  /**
   * Weight of the offence category (one-hot), the heaviest block. {@link #fitByCategory} never puts
   * two categories in one cluster whatever the weight; it counts in the silhouette of the whole
   * clustering and in {@link #fit}.
   */
  static final double W_CATEGORY = 1.5;

  /** Weight of the offence terms (TF-IDF); below the category, whose words they often repeat. */
  static final double W_OFFENCE = 0.8;

  /** Weight of the accusation cues (TF-IDF); low, as they are mostly synonyms (accused, blamed). */
  static final double W_ACCUSATION_CUE = 0.4;

  /** Weight of the denial cues (TF-IDF): how it is denied (smear, witch hunt, baseless). */
  static final double W_DENIAL_CUE = 0.9;

  static final int OFFENCE_DIMS = 1 << 13;
  static final int CUE_DIMS = 1 << 11;
  static final int PAIR_DIMS = 1 << 8;

  static final List<String> KINDS = List.of(Claim.ACCUSATION, Claim.DENIAL);
  static final List<String> TYPES =
      List.of("state", "person", "org", "group", ClaimFeatures.NO_TYPE);
  static final List<String> RELATIONS = List.of("same", "cross", "unknown");
  static final List<String> CATEGORIES =
      java.util.stream.Stream.concat(
              java.util.Arrays.stream(io.riposte.extract.offence.OffenceCategory.values())
                  .map(io.riposte.extract.offence.OffenceCategory::key),
              java.util.stream.Stream.of(ClaimFeatures.NO_CATEGORY))
          .toList();

  /** k-means iterations at most. */
  static final int MAX_ITER = 20;

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());

  /** Rows k is chosen on at most, by default: a deterministic sample of larger inputs. */
  public static final int DEFAULT_SAMPLE = 20_000;

  /**
   * The k range and seed ({@code --k-min}, {@code --k-max}, {@code --seed}), and the most rows k is
   * chosen on.
   */
  public record Settings(int kMin, int kMax, long seed, int sample) implements Serializable {
    public Settings(int kMin, int kMax, long seed) {
      this(kMin, kMax, seed, DEFAULT_SAMPLE);
    }

    public Settings {
      if (sample < 2) {
        throw new IllegalArgumentException("sample: expected a number >= 2, got " + sample);
      }
      if (kMin < 2) {
        throw new IllegalArgumentException("--k-min: expected a number >= 2, got " + kMin);
      }
      if (kMax < kMin) {
        throw new IllegalArgumentException(
            "--k-max: expected a number >= --k-min (" + kMin + "), got " + kMax);
      }
    }
  }

  /**
   * A chosen clustering.
   *
   * @param centres cluster centres in the order of the fit (empty when there were no points)
   * @param ids cluster_id of each centre: 0 for the largest cluster, then by size
   * @param silhouette silhouette of the chosen k, null when no k could be scored
   * @param silhouetteByK silhouette of every k tried
   * @param note why the clustering is degenerate (one cluster, or none), else null
   * @param centreCategories the offence category (index into {@link #CATEGORIES}) of each centre
   *     when a claim may only join a centre of its own category ({@link #fitByCategory}), else null
   * @param kByCategory clusters of each offence category ({@link ClaimFeatures#NO_CATEGORY} for
   *     none), in the order of {@link #CATEGORIES}; empty unless {@link #fitByCategory}
   */
  public record Fitted(
      List<Vector> centres,
      int[] ids,
      Double silhouette,
      Map<Integer, Double> silhouetteByK,
      String note,
      int[] centreCategories,
      Map<String, Integer> kByCategory)
      implements Serializable {

    public Fitted(
        List<Vector> centres,
        int[] ids,
        Double silhouette,
        Map<Integer, Double> silhouetteByK,
        String note) {
      this(centres, ids, silhouette, silhouetteByK, note, null, Map.of());
    }

    /** Clusters: the number of centres. */
    public int k() {
      return centres.size();
    }

    /**
     * {@code vectors} with {@code cluster_id} (nearest centre, of the claim's own offence category
     * when the fit is by category) and {@code distance} (Euclidean, to that centre in feature
     * space) added.
     */
    public Dataset<Row> assign(Dataset<Row> vectors) {
      Vector[] cs = centres.toArray(Vector[]::new);
      double[][] dense = dense(centres);
      double[] norms = LocalKMeans.squaredNorms(dense);
      int[] map = ids;
      int[] categories = centreCategories;
      UserDefinedFunction nearest =
          functions.udf(
              (UDF1<Vector, Row>)
                  v -> {
                    int best = nearestCentre(dense, norms, categories, v);
                    return org.apache.spark.sql.RowFactory.create(
                        map[best], Math.sqrt(Vectors.sqdist(v, cs[best])));
                  },
              DataTypes.createStructType(
                  List.of(
                      DataTypes.createStructField("cluster_id", DataTypes.IntegerType, false),
                      DataTypes.createStructField("distance", DataTypes.DoubleType, false))));
      return vectors
          .withColumn("_nearest", nearest.apply(col("features")))
          .withColumn("cluster_id", col("_nearest.cluster_id"))
          .withColumn("distance", col("_nearest.distance"))
          .drop("_nearest");
    }
  }

  private ClusterClaims() {}

  /**
   * Feature rows with a {@code features} vector column added; fits the IDF weights of the offence
   * terms and cue phrases on {@code features} (a few Spark jobs).
   */
  public static Dataset<Row> vectorise(Dataset<Row> features) {
    Dataset<Row> in =
        features.withColumn(
            "pair_terms",
            when(col("country_pair").isNotNull(), array(col("country_pair")))
                .otherwise(array().cast("array<string>")));
    List<PipelineStage> stages =
        new ArrayList<>(
            List.of(
                hashing("offence_terms", "offence_tf", OFFENCE_DIMS),
                hashing("accusation_cues", "accusation_cue_tf", CUE_DIMS),
                hashing("denial_cues", "denial_cue_tf", CUE_DIMS),
                hashing("pair_terms", "pair_tf", PAIR_DIMS)));
    // IDF cannot be fitted on no rows; then there is nothing to weigh and nothing to cluster.
    boolean empty = in.isEmpty();
    for (String block : List.of("offence", "accusation_cue", "denial_cue")) {
      stages.add(
          empty
              ? new SQLTransformer()
                  .setStatement("SELECT *, " + block + "_tf AS " + block + "_tfidf FROM __THIS__")
              : new IDF().setInputCol(block + "_tf").setOutputCol(block + "_tfidf"));
    }
    Pipeline tfidf = new Pipeline().setStages(stages.toArray(PipelineStage[]::new));
    UserDefinedFunction assemble =
        functions.udf(
            (UDF5<Row, Vector, Vector, Vector, Vector, Vector>) ClusterClaims::assemble,
            new VectorUDT());
    return tfidf
        .fit(in)
        .transform(in)
        .withColumn(
            "features",
            assemble.apply(
                struct(
                    col("kind"),
                    col("accuser_type"),
                    col("accused_type"),
                    col("relation"),
                    col("answered"),
                    col("hedged"),
                    col("quoted"),
                    col("offence_category")),
                col("pair_tf"),
                col("offence_tfidf"),
                col("accusation_cue_tfidf"),
                col("denial_cue_tfidf")))
        .drop(
            "pair_terms",
            "pair_tf",
            "offence_tf",
            "offence_tfidf",
            "accusation_cue_tf",
            "accusation_cue_tfidf",
            "denial_cue_tf",
            "denial_cue_tfidf");
  }

  /**
   * Chooses k by silhouette on at most {@link Settings#sample} rows of {@code vectors} (a {@code
   * features} column, and {@code idColumn}, unique, for tie-breaks and the sample's order), fitting
   * each k in plain Java ({@link LocalKMeans}): no Spark job per k. When all rows fit in the
   * sample, the chosen fit is the result; otherwise Spark's k-means refines its centres once over
   * all rows.
   *
   * <p>Degenerate inputs give no error: no rows give no cluster; too few rows for {@code kMin}
   * clusters (at most {@code kMin} rows), or points too alike to fill {@code kMin} clusters, give
   * one cluster of everything (centre: the mean), with the reason in {@link Fitted#note}.
   */
  public static Fitted fit(Dataset<Row> vectors, Settings settings, String idColumn) {
    List<Row> rows =
        new ArrayList<>(
            vectors
                .select(col(idColumn), col("features"))
                .limit(settings.sample() + 1)
                .collectAsList());
    boolean sampled = rows.size() > settings.sample();
    long n = sampled ? vectors.count() : rows.size();
    Map<Integer, Double> byK = new TreeMap<>();
    if (n == 0) {
      return new Fitted(List.of(), new int[0], null, byK, "no rows to cluster");
    }
    long kMax = Math.min(settings.kMax(), n - 1);
    if (kMax < settings.kMin()) {
      return single(
          vectors, byK, n + " rows: too few to compare " + settings.kMin() + " or more clusters");
    }
    if (sampled) {
      double fraction = Math.min(1.0, 1.2 * settings.sample() / n);
      rows =
          new ArrayList<>(
              vectors
                  .select(col(idColumn), col("features"))
                  .sample(false, fraction, settings.seed())
                  .limit(settings.sample())
                  .collectAsList());
    }
    // Ids may be null (an outlet without a key): they sort first, as min() ignores them below.
    rows.sort(Comparator.comparing(r -> r.getString(0), NULLS_FIRST));
    List<LocalKMeans.Point> points = new ArrayList<>(rows.size());
    int dims = rows.get(0).<Vector>getAs(1).size();
    for (Row r : rows) {
      points.add(point(r.getAs(1)));
    }
    Map<Integer, LocalKMeans.Fit> fits = new TreeMap<>();
    String note = null;
    for (int k = settings.kMin(); k <= Math.min(kMax, points.size() - 1); k++) {
      LocalKMeans.Fit fit = LocalKMeans.fit(points, dims, k, settings.seed(), MAX_ITER);
      // Fewer centres than k when there are fewer distinct points.
      double s =
          fit.k() < k ? Double.NaN : LocalKMeans.silhouette(points, dims, k, fit.assignment());
      if (Double.isNaN(s)) {
        // Too few distinct points for k clusters; a larger k cannot do better.
        if (fits.isEmpty()) {
          note = "feature vectors too alike to fill " + k + " clusters";
        }
        break;
      }
      byK.put(k, s);
      fits.put(k, fit);
    }
    if (fits.isEmpty()) {
      return single(vectors, byK, note == null ? "no k could be scored" : note);
    }
    int chosen = chooseK(byK);
    LocalKMeans.Fit bestFit = fits.get(chosen);
    double best = byK.get(chosen);
    List<Vector> centres = new ArrayList<>();
    for (double[] c : bestFit.centres()) {
      centres.add(Vectors.dense(c));
    }
    int[] ids;
    if (sampled) {
      centres = refine(vectors, centres, settings.seed());
      ids = idsBySize(vectors, centres, idColumn);
    } else {
      List<String> keys = rows.stream().map(r -> r.getString(0)).toList();
      ids = idsBySize(bestFit.assignment(), keys, centres.size());
    }
    // Centres no point is nearest to are dropped; no assignment changes.
    List<Vector> kept = new ArrayList<>();
    List<Integer> keptIds = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] >= 0) {
        kept.add(centres.get(i));
        keptIds.add(ids[i]);
      }
    }
    return new Fitted(
        kept, keptIds.stream().mapToInt(Integer::intValue).toArray(), best, byK, null);
  }

  /**
   * Claims a cluster split from a category holds on average at least: a category is split into k
   * clusters only when it holds at least {@code MIN_CLUSTER * k} claims (in the sample), so that a
   * small category is one narrative, not several of a few claims each that differ by wording.
   */
  static final int MIN_CLUSTER = 50;

  /**
   * Lowest silhouette (within the category) at which a category is split: below 0.25 Kaufman and
   * Rousseeuw find "no substantial structure", and the category stays one cluster.
   */
  static final double SPLIT_SILHOUETTE = 0.25;

  /** Claims of each category the sample holds at least (all of a smaller category). */
  static final int MIN_SAMPLE_PER_CATEGORY = 200;

  /** Index of the first coordinate of the offence category block in a claim vector. */
  static final int CATEGORY_BASE = KINDS.size() + 2 * TYPES.size() + RELATIONS.size() + 3;

  /**
   * Clusters claims category first: the claims of one offence category (and those of none) are
   * never in a cluster with another category's, so that every cluster is about one kind of
   * accusation ("state -> state, chemical weapons"); the claims of no category are one cluster. A
   * category is split further, by actor types, country pair, kind, answered, cues and wording, into
   * k in {@link Settings#kMin}..{@link Settings#kMax} clusters (at most one per {@link
   * #MIN_CLUSTER} of its claims) when the best such k (the smallest within {@link #K_TOLERANCE} of
   * the highest silhouette within the category) reaches {@link #SPLIT_SILHOUETTE}; otherwise it is
   * one cluster (centre: its mean).
   *
   * <p>Fitted in plain Java ({@link LocalKMeans}) on at most about {@link Settings#sample} rows of
   * {@code vectors}; above that many, a sample stratified by category (every category keeps at
   * least {@link #MIN_SAMPLE_PER_CATEGORY} rows, or all of them) and all rows then join the nearest
   * centre of their category. {@link Fitted#silhouette} is that of the whole clustering (over the
   * sample) in the feature space; {@link Fitted#silhouetteByK} holds it for the total k.
   */
  public static Fitted fitByCategory(Dataset<Row> vectors, Settings settings, String idColumn) {
    long n = vectors.count();
    Map<Integer, Double> byK = new TreeMap<>();
    if (n == 0) {
      return new Fitted(List.of(), new int[0], null, byK, "no rows to cluster");
    }
    Dataset<Row> sample = vectors;
    boolean sampled = n > settings.sample();
    if (sampled) {
      Column key = functions.coalesce(col("offence_category"), lit(ClaimFeatures.NO_CATEGORY));
      Map<String, Double> fractions = new TreeMap<>();
      for (Row r : vectors.groupBy(key.as("c")).count().collectAsList()) {
        long nc = r.getLong(1);
        fractions.put(
            r.getString(0),
            Math.min(
                1.0,
                Math.max((double) settings.sample() / n, (double) MIN_SAMPLE_PER_CATEGORY / nc)));
      }
      sample = vectors.stat().sampleBy(key, fractions, settings.seed());
    }
    List<Row> rows = new ArrayList<>(sample.select(col(idColumn), col("features")).collectAsList());
    rows.sort(Comparator.comparing(r -> r.getString(0), NULLS_FIRST));
    int dims = rows.get(0).<Vector>getAs(1).size();
    List<LocalKMeans.Point> points = new ArrayList<>(rows.size());
    Map<Integer, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      Vector v = rows.get(i).getAs(1);
      points.add(point(v));
      groups.computeIfAbsent(categoryOf(v), c -> new ArrayList<>()).add(i);
    }
    List<double[]> centres = new ArrayList<>();
    List<Integer> centreCategories = new ArrayList<>();
    Map<String, Integer> kByCategory = new java.util.LinkedHashMap<>();
    int[] assignment = new int[points.size()];
    for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
      List<LocalKMeans.Point> members = g.getValue().stream().map(points::get).toList();
      // Claims of no category are one cluster: what they allege is not known, so splitting them by
      // who accuses whom would give patterns no reader can name.
      LocalKMeans.Fit split =
          g.getKey() == CATEGORIES.size() - 1 ? null : split(members, dims, settings);
      double[][] cs = split == null ? new double[][] {mean(members, dims)} : split.centres();
      for (int j = 0; j < members.size(); j++) {
        assignment[g.getValue().get(j)] =
            centres.size() + (split == null ? 0 : split.assignment()[j]);
      }
      for (double[] c : cs) {
        centres.add(c);
        centreCategories.add(g.getKey());
      }
      kByCategory.put(CATEGORIES.get(g.getKey()), cs.length);
    }
    double s = LocalKMeans.silhouette(points, dims, centres.size(), assignment);
    Double silhouette = Double.isNaN(s) ? null : s;
    if (silhouette != null) {
      byK.put(centres.size(), s);
    }
    List<Vector> vs = centres.stream().map(Vectors::dense).toList();
    int[] cats = centreCategories.stream().mapToInt(Integer::intValue).toArray();
    int[] ids =
        sampled
            ? idsBySize(predict(vectors, vs, cats), idColumn, vs.size())
            : idsBySize(assignment, rows.stream().map(r -> r.getString(0)).toList(), vs.size());
    // Centres no row is nearest to are dropped; no assignment changes.
    List<Vector> kept = new ArrayList<>();
    List<Integer> keptIds = new ArrayList<>();
    List<Integer> keptCats = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] >= 0) {
        kept.add(vs.get(i));
        keptIds.add(ids[i]);
        keptCats.add(cats[i]);
      }
    }
    String note =
        kept.size() == 1
            ? "all "
                + n
                + " claims in one offence category, not split (fewer than "
                + MIN_CLUSTER * settings.kMin()
                + " claims or no structure within it): one cluster"
            : null;
    return new Fitted(
        kept,
        keptIds.stream().mapToInt(Integer::intValue).toArray(),
        silhouette,
        byK,
        note,
        keptCats.stream().mapToInt(Integer::intValue).toArray(),
        kByCategory);
  }

  /** The fit that splits one category's points, or null when they stay one cluster. */
  private static LocalKMeans.Fit split(
      List<LocalKMeans.Point> points, int dims, Settings settings) {
    Map<Integer, Double> byK = new TreeMap<>();
    Map<Integer, LocalKMeans.Fit> fits = new TreeMap<>();
    for (int k = settings.kMin();
        k <= Math.min(settings.kMax(), points.size() / MIN_CLUSTER);
        k++) {
      LocalKMeans.Fit fit = LocalKMeans.fit(points, dims, k, settings.seed(), MAX_ITER);
      double s =
          fit.k() < k ? Double.NaN : LocalKMeans.silhouette(points, dims, k, fit.assignment());
      if (Double.isNaN(s)) {
        break;
      }
      byK.put(k, s);
      fits.put(k, fit);
    }
    if (fits.isEmpty()) {
      return null;
    }
    int k = chooseK(byK);
    return byK.get(k) >= SPLIT_SILHOUETTE ? fits.get(k) : null;
  }

  private static double[] mean(List<LocalKMeans.Point> points, int dims) {
    double[] m = new double[dims];
    for (LocalKMeans.Point p : points) {
      for (int j = 0; j < p.indices().length; j++) {
        m[p.indices()[j]] += p.values()[j] / points.size();
      }
    }
    return m;
  }

  /** The offence category of a claim vector: an index into {@link #CATEGORIES}. */
  static int categoryOf(Vector v) {
    SparseVector s = v.toSparse();
    for (int j = 0; j < s.indices().length; j++) {
      int i = s.indices()[j] - CATEGORY_BASE;
      if (i >= 0 && i < CATEGORIES.size() && s.values()[j] != 0) {
        return i;
      }
    }
    return CATEGORIES.size() - 1;
  }

  /**
   * How much lower than the best silhouette a smaller k may score and still be chosen: on a flat
   * silhouette curve (the sample's 88 claims scored 0.43-0.445 for every k in 12..16) the highest
   * point moves with one changed claim, while the smallest k near it does not.
   */
  static final double K_TOLERANCE = 0.02;

  /**
   * The smallest k whose silhouette is within {@link #K_TOLERANCE} of the highest in {@code
   * silhouetteByK} (not empty).
   */
  static int chooseK(Map<Integer, Double> silhouetteByK) {
    double best = Collections.max(silhouetteByK.values());
    for (Map.Entry<Integer, Double> e : new TreeMap<>(silhouetteByK).entrySet()) {
      if (e.getValue() >= best - K_TOLERANCE) {
        return e.getKey();
      }
    }
    throw new IllegalStateException("no k in " + silhouetteByK);
  }

  /** Spark's k-means over all rows, started from {@code centres}: one fit, not one per k. */
  private static List<Vector> refine(Dataset<Row> vectors, List<Vector> centres, long seed) {
    JavaRDD<org.apache.spark.mllib.linalg.Vector> points =
        vectors
            .select(col("features"))
            .javaRDD()
            .map(r -> org.apache.spark.mllib.linalg.Vectors.fromML(r.<Vector>getAs(0)))
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      org.apache.spark.mllib.clustering.KMeansModel model =
          new org.apache.spark.mllib.clustering.KMeans()
              .setK(centres.size())
              .setMaxIterations(MAX_ITER)
              .setSeed(seed)
              .setInitialModel(
                  new org.apache.spark.mllib.clustering.KMeansModel(
                      centres.stream()
                          .map(org.apache.spark.mllib.linalg.Vectors::fromML)
                          .toArray(org.apache.spark.mllib.linalg.Vector[]::new)))
              .run(points.rdd());
      List<Vector> out = new ArrayList<>();
      for (org.apache.spark.mllib.linalg.Vector c : model.clusterCenters()) {
        out.add(c.asML());
      }
      return out;
    } finally {
      points.unpersist(false);
    }
  }

  /** One cluster of every row, centred on the mean. */
  private static Fitted single(Dataset<Row> vectors, Map<Integer, Double> byK, String note) {
    Vector mean = vectors.agg(Summarizer.mean(col("features"))).first().getAs(0);
    return new Fitted(List.of(mean), new int[] {0}, null, byK, note);
  }

  /**
   * Vectors with {@code prediction}: the index of the nearest centre (first of equals), of the same
   * category when {@code categories} is not null.
   */
  private static Dataset<Row> predict(
      Dataset<Row> vectors, List<Vector> centres, int[] categories) {
    double[][] cs = dense(centres);
    double[] norms = LocalKMeans.squaredNorms(cs);
    UserDefinedFunction nearest =
        functions.udf(
            (UDF1<Vector, Integer>) v -> nearestCentre(cs, norms, categories, v),
            DataTypes.IntegerType);
    return vectors.withColumn("prediction", nearest.apply(col("features")));
  }

  /**
   * cluster_id of each centre: by size, largest first, ties by smallest id; -1 for a centre no
   * point is nearest to.
   */
  private static int[] idsBySize(Dataset<Row> vectors, List<Vector> centres, String idColumn) {
    return idsBySize(predict(vectors, centres, null), idColumn, centres.size());
  }

  /** The same from {@code prediction}s. */
  private static int[] idsBySize(Dataset<Row> predicted, String idColumn, int centres) {
    long[] sizes = new long[centres];
    String[] first = new String[centres];
    for (Row r :
        predicted
            .groupBy("prediction")
            .agg(count(lit(1)).as("n"), min(idColumn).as("first"))
            .collectAsList()) {
      int c = r.<Integer>getAs("prediction");
      sizes[c] = r.<Long>getAs("n");
      first[c] = r.getAs("first");
    }
    return idsBySize(sizes, first);
  }

  /** The same from an assignment held in memory: {@code keys.get(i)} is the id of point i. */
  private static int[] idsBySize(int[] assignment, List<String> keys, int centres) {
    long[] sizes = new long[centres];
    String[] first = new String[centres];
    for (int i = 0; i < assignment.length; i++) {
      int c = assignment[i];
      sizes[c]++;
      String key = keys.get(i);
      if (key != null && (first[c] == null || key.compareTo(first[c]) < 0)) {
        first[c] = key;
      }
    }
    return idsBySize(sizes, first);
  }

  private static int[] idsBySize(long[] sizes, String[] first) {
    List<Integer> order = new ArrayList<>();
    for (int c = 0; c < sizes.length; c++) {
      if (sizes[c] > 0) {
        order.add(c);
      }
    }
    order.sort(
        Comparator.<Integer>comparingLong(c -> -sizes[c])
            .thenComparing(c -> first[c], NULLS_FIRST));
    int[] ids = new int[sizes.length];
    Arrays.fill(ids, -1);
    int next = 0;
    for (int c : order) {
      ids[c] = next++;
    }
    return ids;
  }

  /**
   * Index of the centre nearest to {@code v}, the first of equals (as {@link LocalKMeans}); among
   * the centres of {@code v}'s offence category when {@code categories} (of each centre) is not
   * null and has one. {@code norms}: the centres' squared norms ({@link LocalKMeans#squaredNorms}).
   */
  static int nearestCentre(double[][] centres, double[] norms, int[] categories, Vector v) {
    LocalKMeans.Point p = point(v);
    if (categories == null) {
      return LocalKMeans.nearest(p, centres, norms);
    }
    int category = categoryOf(v);
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centres.length; c++) {
      if (categories[c] == category) {
        double d = p.squaredNorm() + norms[c] - 2 * p.dot(centres[c]);
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
    }
    return best < 0 ? LocalKMeans.nearest(p, centres, norms) : best;
  }

  static double[][] dense(List<Vector> centres) {
    return centres.stream().map(Vector::toArray).toArray(double[][]::new);
  }

  private static LocalKMeans.Point point(Vector v) {
    SparseVector s = v.toSparse();
    return LocalKMeans.Point.of(s.indices(), s.values());
  }

  private static HashingTF hashing(String in, String out, int dims) {
    return new HashingTF().setInputCol(in).setOutputCol(out).setNumFeatures(dims).setBinary(true);
  }

  /**
   * The weighted block vector of one claim (see the class comment); {@code claim} holds kind,
   * accuser type, accused type, relation, answered, hedged, quoted and offence category.
   */
  static Vector assemble(
      Row claim, Vector pair, Vector offence, Vector accusationCue, Vector denialCue) {
    List<Integer> indices = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    int base = 0;
    base = oneHot(indices, values, base, KINDS, claim.getAs("kind"), W_KIND);
    base = oneHot(indices, values, base, TYPES, claim.getAs("accuser_type"), W_TYPE);
    base = oneHot(indices, values, base, TYPES, claim.getAs("accused_type"), W_TYPE);
    base = oneHot(indices, values, base, RELATIONS, claim.getAs("relation"), W_RELATION);
    base = flag(indices, values, base, claim.getAs("answered"), W_ANSWERED);
    base = flag(indices, values, base, claim.getAs("hedged"), W_HEDGED);
    base = flag(indices, values, base, claim.getAs("quoted"), W_QUOTED);
    base = oneHot(indices, values, base, CATEGORIES, claim.getAs("offence_category"), W_CATEGORY);
    base = block(indices, values, base, pair, PAIR_DIMS, W_PAIR);
    base = block(indices, values, base, offence, OFFENCE_DIMS, W_OFFENCE);
    base = block(indices, values, base, accusationCue, CUE_DIMS, W_ACCUSATION_CUE);
    base = block(indices, values, base, denialCue, CUE_DIMS, W_DENIAL_CUE);
    return Vectors.sparse(
        base,
        indices.stream().mapToInt(Integer::intValue).toArray(),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static int oneHot(
      List<Integer> indices,
      List<Double> values,
      int base,
      List<String> levels,
      String value,
      double weight) {
    int i = levels.indexOf(value);
    // An unexpected level counts as the last one ("none", "unknown"); kinds are always known.
    indices.add(base + (i < 0 ? levels.size() - 1 : i));
    values.add(weight);
    return base + levels.size();
  }

  private static int flag(
      List<Integer> indices, List<Double> values, int base, Boolean on, double weight) {
    if (Boolean.TRUE.equals(on)) {
      indices.add(base);
      values.add(weight);
    }
    return base + 1;
  }

  /** Appends {@code v} scaled to norm {@code weight} (a zero vector stays zero). */
  private static int block(
      List<Integer> indices, List<Double> values, int base, Vector v, int dims, double weight) {
    SparseVector s = v.toSparse();
    double norm = Vectors.norm(s, 2.0);
    if (norm > 0) {
      for (int j = 0; j < s.indices().length; j++) {
        if (s.values()[j] != 0) {
          indices.add(base + s.indices()[j]);
          values.add(weight * s.values()[j] / norm);
        }
      }
    }
    return base + dims;
  }
}
