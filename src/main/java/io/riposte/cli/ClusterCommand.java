package io.riposte.cli;

import io.riposte.cluster.ClusterJob;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riposte cluster}: claims to claim patterns and outlet groups. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    description =
        "Group the claims in DIR/claims into recurring patterns and the outlets by how they cover"
            + " them (Spark MLlib k-means); write DIR/clusters, DIR/claim_clusters and"
            + " DIR/outlet_clusters (Parquet).")
final class ClusterCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Output root holding articles/ and claims/; the tables go to DIR/<table>/.")
  String output;

  @Mixin ClusterOptions cluster;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    ClusterJob.Config config = cluster.config(output);
    return JobRunner.execute(
        "cluster", Riposte.arguments(), common, output, List.of(clusterStage(config)));
  }

  static JobRunner.Named clusterStage(ClusterJob.Config config) {
    return new JobRunner.Named(
        "cluster",
        (spark, record) -> {
          ClusterJob.Result r = ClusterJob.run(spark, config, record);
          String claims =
              r.note() != null
                  ? String.format("%d claims: %d cluster(s) (%s)", r.claims(), r.k(), r.note())
                  : String.format(
                      Locale.ROOT,
                      "%d claims: k=%d (silhouette %.3f)",
                      r.claims(),
                      r.k(),
                      r.silhouette());
          String outlets =
              r.outletNote() != null
                  ? String.format("%d outlet cluster(s) (%s)", r.outletK(), r.outletNote())
                  : String.format(
                      Locale.ROOT,
                      "outlets k=%d (silhouette %.3f)",
                      r.outletK(),
                      r.outletSilhouette());
          return claims + "; " + outlets + "; rows " + r.rowsByTable();
        });
  }
}
