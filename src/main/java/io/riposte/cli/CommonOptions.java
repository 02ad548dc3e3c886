package io.riposte.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every job command takes. */
public final class CommonOptions {

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master when not set by spark-submit (default: local[*]), e.g. local[2],"
              + " spark://host:7077.")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Extra Spark setting; repeatable, e.g. --conf spark.sql.shuffle.partitions=64.")
  Map<String, String> conf = new LinkedHashMap<>();

  @Option(
      names = "--reference",
      paramLabel = "DIR",
      description =
          "Folder whose files replace the bundled reference data (outlets.tsv, boilerplate.tsv,"
              + " gazetteer/, lexicons/).")
  String reference;

  @Option(
      names = {"-v", "--verbose"},
      description = "Log at INFO (Spark included).")
  boolean verbose;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress lines, only the summary.")
  boolean quiet;
}
