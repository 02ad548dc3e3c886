package io.riposte.cli;

import io.riposte.io.OutputRoot;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code riposte recover}: restores a consistent output after a run died (what every run does
 * first), without starting a new run and without Spark.
 */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description =
        "Finish or undo the commit of a run that died (kill, crash) so that DIR holds one whole"
            + " run: a run past its commit point is rolled forward, any other is rolled back."
            + " Every run does this first.")
final class RecoverCommand implements Callable<Integer> {

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "DIR",
      description = "Output root.")
  String output;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description =
          "Hadoop setting for the file system, as spark.hadoop.KEY=VALUE or KEY=VALUE; repeatable.")
  Map<String, String> conf = new java.util.LinkedHashMap<>();

  @Override
  public Integer call() {
    Configuration hadoop = new Configuration();
    conf.forEach((k, v) -> hadoop.set(k.startsWith("spark.hadoop.") ? k.substring(13) : k, v));
    OutputRoot root = new OutputRoot(output, hadoop);
    String runId = OutputRoot.newRunId();
    try (OutputRoot.Lock lock = root.lock(runId)) {
      String done = root.recover(runId);
      System.out.println(
          "recover " + root.root() + ": " + (done == null ? "nothing to do, consistent" : done));
    }
    return 0;
  }
}
