package io.riposte.cluster;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.run.RunRecord;
import io.riposte.spark.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code cluster} job: the {@code claims} and {@code articles} tables to {@code clusters},
 * {@code claim_clusters} and {@code outlet_clusters}.
 *
 * <p>Claims are sorted by claim_id into one partition before they are vectorised (see {@link
 * ClusterClaims} for why), so the same claims give the same clusters, ids and distances. Claims are
 * clustered category first ({@link ClusterClaims#fitByCategory}), outlets with one k-means ({@link
 * ClusterClaims#fit}). Inputs too small to cluster (no claims, or claims of one category too few to
 * split) give empty or one-cluster tables with the fixed schemas, and the reason in the summary and
 * {@code _run.json}.
 */
public final class ClusterJob {

  private static final Logger LOG = LogManager.getLogger(ClusterJob.class);

  /** Default of {@code --k-min}: fewest clusters a split offence category is split into. */
  public static final int DEFAULT_K_MIN = 2;

  /** Default of {@code --k-max}: most clusters one offence category is split into. */
  public static final int DEFAULT_K_MAX = 4;

  /** Default of {@code --outlet-k-max}. */
  public static final int DEFAULT_OUTLET_K_MAX = 6;

  /** Default of {@code --seed}. */
  public static final long DEFAULT_SEED = 20171219L;

  /** Fewest outlet clusters tried. */
  static final int OUTLET_K_MIN = 2;

  /** Where to read and write, the k ranges and the seed. */
  public record Config(String output, int kMin, int kMax, int outletKMax, long seed) {
    public Config {
      new ClusterClaims.Settings(kMin, kMax, seed);
      if (outletKMax < OUTLET_K_MIN) {
        throw new IllegalArgumentException(
            "--outlet-k-max: expected a number >= " + OUTLET_K_MIN + ", got " + outletKMax);
      }
    }

    ClusterClaims.Settings claims() {
      return new ClusterClaims.Settings(kMin, kMax, seed);
    }

    ClusterClaims.Settings outlets() {
      return new ClusterClaims.Settings(OUTLET_K_MIN, outletKMax, seed);
    }
  }

  /**
   * What one run chose.
   *
   * @param note why the claim clustering is degenerate, or null
   * @param outletNote why the outlet clustering is degenerate, or null
   */
  public record Result(
      long claims,
      int k,
      Double silhouette,
      Map<Integer, Double> silhouetteByK,
      Map<String, Integer> kByCategory,
      String note,
      int outletK,
      Double outletSilhouette,
      String outletNote,
      Map<String, Long> rowsByTable) {}

  private ClusterJob() {}

  /** Runs the job and fills the record's "cluster" section. */
  public static Result run(SparkSession spark, Config config, RunRecord record) {
    // Small queries over few rows: interpreted, as compiling their code costs more (see Sessions).
    return Sessions.interpreted(spark, () -> runInterpreted(spark, config, record));
  }

  private static Result runInterpreted(SparkSession spark, Config config, RunRecord record) {
    Outputs outputs = new Outputs(spark, config.output(), record.runId());
    Dataset<Row> claims = outputs.read(Tables.CLAIMS);
    Dataset<Row> articles = outputs.read(Tables.ARTICLES);
    Dataset<Row> features =
        ClaimFeatures.apply(claims, articles)
            .orderBy(col("claim_id"))
            .coalesce(1)
            .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> vectors = null;
    Dataset<Row> profiles = null;
    try {
      vectors = ClusterClaims.vectorise(features).persist(StorageLevel.MEMORY_AND_DISK());
      ClusterClaims.Fitted fitted =
          ClusterClaims.fitByCategory(vectors, config.claims(), "claim_id");
      warn("claims", fitted);
      Dataset<Row> assigned = fitted.assign(vectors).drop("features");
      outputs.write(Tables.CLAIM_CLUSTERS, assigned);
      Dataset<Row> written = outputs.read(Tables.CLAIM_CLUSTERS);
      // Read back: the features joined to the written assignment, not recomputed.
      Dataset<Row> withClusters =
          features.join(
              written.select(col("claim_id"), col("cluster_id"), col("distance")), "claim_id");
      outputs.write(
          Tables.CLUSTERS, DescribeClusters.apply(withClusters, fitted.k(), fitted.silhouette()));

      profiles =
          ClusterOutlets.profiles(withClusters, Math.max(fitted.k(), 1))
              .orderBy(col("outlet_key"))
              .coalesce(1)
              .persist(StorageLevel.MEMORY_AND_DISK());
      ClusterClaims.Fitted outletFit = ClusterClaims.fit(profiles, config.outlets(), "outlet_key");
      warn("outlets", outletFit);
      outputs.write(
          Tables.OUTLET_CLUSTERS,
          ClusterOutlets.describe(
              outletFit.assign(profiles),
              outputs.read(Tables.CLUSTERS),
              outletFit.k(),
              outletFit.silhouette()));

      List<Tables.Table> counted = new ArrayList<>(Tables.CLUSTER_TABLES);
      counted.add(Tables.CLAIMS);
      Map<Tables.Table, Long> counts = outputs.countRows(counted);
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Tables.Table t : Tables.CLUSTER_TABLES) {
        rows.put(t.name(), counts.get(t));
      }
      long nClaims = counts.get(Tables.CLAIMS);
      if (rows.get(Tables.CLAIM_CLUSTERS.name()) != nClaims) {
        throw new IllegalStateException(
            "claim_clusters holds "
                + rows.get(Tables.CLAIM_CLUSTERS.name())
                + " rows, claims has "
                + nClaims
                + ": a claim was lost or doubled");
      }
      Result result =
          new Result(
              nClaims,
              fitted.k(),
              fitted.silhouette(),
              fitted.silhouetteByK(),
              fitted.kByCategory(),
              fitted.note(),
              outletFit.k(),
              outletFit.silhouette(),
              outletFit.note(),
              rows);
      fill(record.section("cluster"), config, result);
      return result;
    } finally {
      if (profiles != null) {
        profiles.unpersist();
      }
      if (vectors != null) {
        vectors.unpersist();
      }
      features.unpersist();
    }
  }

  private static void warn(String what, ClusterClaims.Fitted fitted) {
    if (fitted.note() != null) {
      LOG.warn("cluster {}: {}; writing {} cluster(s)", what, fitted.note(), fitted.k());
    }
  }

  private static void fill(ObjectNode section, Config config, Result r) {
    section.put("k_min", config.kMin());
    section.put("k_max", config.kMax());
    section.put("outlet_k_max", config.outletKMax());
    section.put("seed", config.seed());
    section.put("claims", r.claims());
    section.put("k", r.k());
    section.put("silhouette", r.silhouette());
    ObjectNode byK = section.putObject("silhouette_by_k");
    r.silhouetteByK().forEach((k, s) -> byK.put(String.valueOf(k), s));
    ObjectNode byCategory = section.putObject("k_by_category");
    r.kByCategory().forEach(byCategory::put);
    if (r.note() != null) {
      section.put("note", r.note());
    }
    section.put("outlet_k", r.outletK());
    section.put("outlet_silhouette", r.outletSilhouette());
    if (r.outletNote() != null) {
      section.put("outlet_note", r.outletNote());
    }
    ObjectNode rows = section.putObject("rows");
    r.rowsByTable().forEach(rows::put);
  }
}
