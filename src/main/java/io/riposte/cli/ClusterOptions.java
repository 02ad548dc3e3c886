package io.riposte.cli;

import io.riposte.cluster.ClusterJob;
import picocli.CommandLine.Option;

/** Options of the cluster stage, shared by {@code cluster} and {@code run}. */
public final class ClusterOptions {

  @Option(
      names = "--k-min",
      paramLabel = "K",
      defaultValue = "" + ClusterJob.DEFAULT_K_MIN,
      description =
          "Fewest clusters an offence category is split into when it is split (at least 2)."
              + " Default: ${DEFAULT-VALUE}.")
  int kMin;

  @Option(
      names = "--k-max",
      paramLabel = "K",
      defaultValue = "" + ClusterJob.DEFAULT_K_MAX,
      description =
          "Most clusters one offence category is split into (at most one per 50 of its"
              + " claims); the smallest k in --k-min..--k-max whose silhouette within the category"
              + " is within 0.02 of the highest is kept, if it is at least 0.25."
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
