package io.riposte.cli;

import io.riposte.ingest.IngestJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riposte ingest}: an archive to the articles and rejects tables. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = "Read an archive into DIR/articles and DIR/rejects (Parquet).")
final class IngestCommand implements Callable<Integer> {

  @Mixin IngestOptions ingest;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Output root; tables go to DIR/<table>/.")
  String output;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    IngestJob.Config config = ingest.config(output, common.reference);
    return JobRunner.execute(
        "ingest", Riposte.arguments(), common, output, List.of(ingestStage(config)));
  }

  static JobRunner.Named ingestStage(IngestJob.Config config) {
    return new JobRunner.Named(
        "ingest",
        (spark, record) -> {
          IngestJob.Result r = IngestJob.run(spark, config, record);
          String note = r.buckets().note();
          return String.format(
              "%d records in: %d articles, %d rejected %s; %d dates missing, %d invalid;"
                  + " %d duplicate copies (%d exact) in %d groups%s%s",
              r.recordsIn(),
              r.accepted(),
              r.rejected(),
              r.rejectedByReason(),
              r.datesMissing(),
              r.datesInvalid(),
              r.duplicateCopies(),
              r.exactCopies(),
              r.dupGroups(),
              note == null ? "" : "; " + note,
              r.files().incremental() ? "; " + r.files().note() : "");
        });
  }
}
