package io.riposte.cli;

import io.riposte.extract.ExtractJob;
import io.riposte.extract.Extractor;
import io.riposte.report.ReportJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riposte run}: every job in order, in one Spark session. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run the whole pipeline: ingest, extract, aggregate and cluster, in one Spark session.")
final class RunCommand implements Callable<Integer> {

  @Mixin IngestOptions ingest;

  @Mixin ExtractOptions extract;

  @Mixin AggregateOptions aggregate;

  @Mixin ClusterOptions cluster;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description =
          "Output root; tables go to DIR/<table>/, the run record to DIR/_run.json, the report"
              + " to DIR/report.html.")
  String output;

  @Option(
      names = "--incremental",
      description =
          "Read only the input files not read into DIR before (new paths, or known paths whose"
              + " size or modification time changed), extract claims only from their articles,"
              + " then mark duplicates again over all articles and rebuild the aggregate and"
              + " cluster tables and the report from all claims. Without earlier output, a whole"
              + " run.")
  boolean incremental;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    Extractor extractor = extract.extractor();
    return executeThenReport(
        "run",
        Riposte.arguments(),
        common,
        output,
        List.of(
            IngestCommand.ingestStage(
                ingest.config(output, common.reference, incremental, extractor)),
            ExtractCommand.extractStage(
                new ExtractJob.Config(output, common.reference, incremental, extractor)),
            AggregateCommand.aggregateStage(aggregate.config(output)),
            ClusterCommand.clusterStage(cluster.config(output))));
  }

  /**
   * Runs the stages, then writes the report from the tables they wrote (last, so it shows every
   * table of the run; it takes seconds).
   */
  private static int executeThenReport(
      String command,
      List<String> args,
      CommonOptions common,
      String output,
      List<JobRunner.Named> stages) {
    List<JobRunner.Named> all = new ArrayList<>(stages);
    all.add(ReportCommand.reportStage(ReportJob.Config.defaults(output)));
    return JobRunner.execute(command, args, common, output, all);
  }
}
