package io.riposte.cli;

import io.riposte.aggregate.AggregateJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riposte aggregate}: articles and claims to the aggregate tables. */
@Command(
    name = "aggregate",
    mixinStandardHelpOptions = true,
    description =
        "Count who accuses whom in DIR/articles and DIR/claims; write DIR/dyad_counts,"
            + " DIR/outlet_coverage, DIR/episodes, DIR/actor_summary and DIR/offence_months"
            + " (Parquet).")
final class AggregateCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Output root holding articles/ and claims/; the tables go to DIR/<table>/.")
  String output;

  @Mixin AggregateOptions aggregate;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    AggregateJob.Config config = aggregate.config(output);
    return JobRunner.execute(
        "aggregate", Riposte.arguments(), common, output, List.of(aggregateStage(config)));
  }

  static JobRunner.Named aggregateStage(AggregateJob.Config config) {
    return new JobRunner.Named(
        "aggregate",
        (spark, record) -> {
          AggregateJob.Result r = AggregateJob.run(spark, config, record);
          return String.format(
              "%d claims: rows %s; %d of %d denials in episodes",
              r.claims(), r.rowsByTable(), r.denialsInEpisodes(), r.denials());
        });
  }
}
