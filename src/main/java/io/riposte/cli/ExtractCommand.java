package io.riposte.cli;

import io.riposte.extract.ExtractJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riposte extract}: the articles table to the claims table. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = "Find accusations and denials in DIR/articles; write DIR/claims (Parquet).")
final class ExtractCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Output root holding articles/ (from ingest); claims go to DIR/claims/.")
  String output;

  @Mixin ExtractOptions extract;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    return JobRunner.execute(
        "extract",
        Riposte.arguments(),
        common,
        output,
        List.of(
            extractStage(
                new ExtractJob.Config(output, common.reference, false, extract.extractor()))));
  }

  static JobRunner.Named extractStage(ExtractJob.Config config) {
    return new JobRunner.Named(
        "extract",
        (spark, record) -> {
          ExtractJob.Result r = ExtractJob.run(spark, config, record);
          return String.format(
              "%d articles scanned%s: %d claims %s",
              r.articles(),
              config.incremental()
                  ? String.format(" (claims of %d unchanged articles kept)", r.articlesReused())
                  : "",
              r.claims(),
              r.claimsByKind());
        });
  }
}
