package io.riposte.cli;

import io.riposte.aggregate.AggregateJob;
import picocli.CommandLine.Option;

/** Options of the aggregate stage, shared by {@code aggregate} and {@code run}. */
public final class AggregateOptions {

  @Option(
      names = "--episode-window-days",
      paramLabel = "N",
      defaultValue = "" + AggregateJob.DEFAULT_EPISODE_WINDOW_DAYS,
      description =
          "Accusations of one accuser, accused and offence at most N days apart are one episode;"
              + " denials count up to N days after the last. Default: ${DEFAULT-VALUE}.")
  int episodeWindowDays;

  AggregateJob.Config config(String output) {
    return new AggregateJob.Config(output, episodeWindowDays);
  }
}
