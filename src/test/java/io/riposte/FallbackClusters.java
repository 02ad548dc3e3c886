package io.riposte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * TEMPORARY STAND-IN, to delete once the {@code cluster} job is merged and {@code run} writes
 * {@code clusters} and {@code claim_clusters}: then remove this class and its calls in {@code
 * NotebookQueriesIT} and {@code ReportIT} (search for "FallbackClusters").
 *
 * <p>Until then the sample output has no cluster tables, and the notebooks' cluster queries and the
 * report's cluster section would go untested. This writes a tiny pair of tables with the cluster
 * job's declared columns, built from the real claims (one cluster per kind), with DuckDB, and only
 * where the output has no {@code clusters} folder.
 */
public final class FallbackClusters {

  private FallbackClusters() {}

  /** Writes the stand-in tables unless {@code output/clusters} exists; true when it wrote them. */
  public static boolean writeIfAbsent(Path output) {
    if (Files.isDirectory(output.resolve("clusters"))) {
      return false;
    }
    System.err.println(
        "FallbackClusters: no clusters table under " + output + ", writing a stand-in");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = duck.createStatement()) {
      Files.createDirectories(output.resolve("clusters"));
      Files.createDirectories(output.resolve("claim_clusters"));
      s.execute(
          "CREATE VIEW claims AS SELECT * FROM read_parquet('"
              + output.resolve("claims")
              + "/*.parquet')");
      s.execute(
          "CREATE TABLE assigned AS SELECT claim_id, article_id, kind, source_actor, target_actor,"
              + " cue, outlet, sentence,"
              + " CAST(CASE WHEN kind = 'ACCUSATION' THEN 0 ELSE 1 END AS INTEGER) AS cluster_id,"
              + " CAST(row_number() OVER (PARTITION BY kind ORDER BY claim_id) AS DOUBLE) / 100"
              + " AS distance FROM claims");
      s.execute(
          "COPY (SELECT claim_id, article_id, cluster_id, distance FROM assigned)"
              + " TO '"
              + output.resolve("claim_clusters/part-00000.parquet")
              + "' (FORMAT parquet)");
      s.execute(
          "COPY (SELECT cluster_id,"
              + " CASE cluster_id WHEN 0 THEN 'accusations (stand-in)'"
              + "   ELSE 'denials (stand-in)' END AS label,"
              + " CAST(count(*) AS BIGINT) AS size,"
              + " CAST(count(*) FILTER (WHERE kind = 'ACCUSATION') AS BIGINT) AS n_accusations,"
              + " CAST(count(*) FILTER (WHERE kind = 'DENIAL') AS BIGINT) AS n_denials,"
              + " count(*) FILTER (WHERE kind = 'DENIAL') / count(*) AS share_denied,"
              + " (list(DISTINCT coalesce(source_actor, '?') || ' -> '"
              + "   || coalesce(target_actor, '?')))[1:5] AS top_actor_pairs,"
              + " (list(DISTINCT lower(cue)))[1:5] AS top_terms,"
              + " (list(DISTINCT coalesce(outlet, '?')))[1:5] AS top_outlets,"
              + " (list(claim_id ORDER BY distance))[1:3] AS representative_claim_ids,"
              + " (list(sentence ORDER BY distance))[1:3] AS representative_sentences,"
              + " CAST(0.1 AS DOUBLE) AS silhouette, CAST(2 AS INTEGER) AS k"
              + " FROM assigned GROUP BY cluster_id ORDER BY cluster_id)"
              + " TO '"
              + output.resolve("clusters/part-00000.parquet")
              + "' (FORMAT parquet)");
      return true;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write the stand-in cluster tables", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
