package io.riposte.cli;

import io.riposte.report.ReportJob;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riposte report}: the aggregate tables to one self-contained HTML page. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description =
        "Write DIR/report.html from the tables under DIR: accusations per month of the top"
            + " dyads, per-outlet share of accusation articles giving the denial, the accuser ->"
            + " accused network and the largest clusters. One file, viewable without network.")
final class ReportCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Output root holding the aggregate tables; the page goes to DIR/report.html.")
  String output;

  @Option(
      names = "--top-dyads",
      paramLabel = "N",
      defaultValue = "8",
      description = "Accuser -> accused pairs in the monthly chart. Default: ${DEFAULT-VALUE}.")
  int topDyads;

  @Option(
      names = "--top-outlets",
      paramLabel = "N",
      defaultValue = "15",
      description = "Outlets in the denial-coverage chart. Default: ${DEFAULT-VALUE}.")
  int topOutlets;

  @Option(
      names = "--network-edges",
      paramLabel = "N",
      defaultValue = "30",
      description = "Accuser -> accused edges in the network. Default: ${DEFAULT-VALUE}.")
  int networkEdges;

  @Option(
      names = "--top-clusters",
      paramLabel = "N",
      defaultValue = "8",
      description = "Clusters listed with example sentences. Default: ${DEFAULT-VALUE}.")
  int topClusters;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    ReportJob.Config config =
        new ReportJob.Config(output, topDyads, topOutlets, networkEdges, topClusters);
    return JobRunner.execute(
        "report", Riposte.arguments(), common, output, List.of(reportStage(config)));
  }

  static JobRunner.Named reportStage(ReportJob.Config config) {
    return new JobRunner.Named(
        "report", (spark, record) -> "wrote " + ReportJob.run(spark, config, record));
  }
}
