package io.riposte.cli;

import io.riposte.cluster.ClusterJob;
import picocli.CommandLine.Option;

/** Options of the cluster stage, shared by {@code cluster} and {@code run}. */
public final class ClusterOptions {

  @Option(
      names = "--k-min",
      paramLabel = "K",
      defaultValue = "" + ClusterJob.DEFAULT_K_MIN,
      description = "Fewest claim clusters tried (at least 2). Default: ${DEFAULT-VALUE}.")
  int kMin;

  @Option(
      names = "--k-max",
      paramLabel = "K",
      defaultValue = "" + ClusterJob.DEFAULT_K_MAX,
      description =
          "Most claim clusters tried; the smallest k in --k-min..--k-max whose silhouette is"
              + " within 0.02 of the highest is kept."
              + " Default: ${DEFAULT-VALUE}.")
  int kMax;

  @Option(
      names = "--outlet-k-max",
      paramLabel = "K",
      defaultValue = "" + ClusterJob.DEFAULT_OUTLET_K_MAX,
      description = "Most outlet clusters tried (from 2). Default: ${DEFAULT-VALUE}.")
  int outletKMax;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + ClusterJob.DEFAULT_SEED,
      description =
          "Seed of k-means; the same claims and seed give the same clusters."
              + " Default: ${DEFAULT-VALUE}.")
  long seed;

  ClusterJob.Config config(String output) {
    return new ClusterJob.Config(output, kMin, kMax, outletKMax, seed);
  }
}
