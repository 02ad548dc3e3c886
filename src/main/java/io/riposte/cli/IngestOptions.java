package io.riposte.cli;

import io.riposte.extract.Extractor;
import io.riposte.ingest.FieldMapping;
import io.riposte.ingest.IngestJob;
import io.riposte.ingest.InputFormat;
import io.riposte.ingest.MarkDuplicates;
import io.riposte.io.PathOverlap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the ingest stage, shared by {@code ingest} and {@code run}. */
public final class IngestOptions {

  @Option(
      names = {"-i", "--input"},
      required = true,
      arity = "1..*",
      paramLabel = "PATH",
      description =
          "Archive files, folders or globs on any Hadoop file system (file:, hdfs://, s3a://):"
              + " .jsonl .json .ndjson .csv .parquet .txt .html .htm, optionally .gz.")
  List<String> inputs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "auto (by file name), jsonl, csv, parquet, text or html. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(
      names = "--field",
      paramLabel = "FIELD=COLUMNS",
      description =
          "Input column(s) for a field (id, url, outlet, date, title, text), tried before the"
              + " defaults; repeatable, e.g. --field text=article_content.")
  Map<String, String> fields = new LinkedHashMap<>();

  @Option(
      names = "--min-chars",
      defaultValue = "200",
      description = "Shorter cleaned texts are rejected as TOO_SHORT. Default: ${DEFAULT-VALUE}.")
  int minChars;

  @Option(
      names = "--max-chars",
      defaultValue = "1000000",
      description = "Longer texts are rejected as OVERSIZE. Default: ${DEFAULT-VALUE}.")
  int maxChars;

  @Option(
      names = "--near-dup-distance",
      defaultValue = "0.3",
      description =
          "Largest Jaccard distance of word 5-shingles between near-duplicate copies."
              + " Default: ${DEFAULT-VALUE}.")
  double nearDupDistance;

  IngestJob.Config config(String output, String reference) {
    return config(output, reference, false, Extractor.PARSER);
  }

  /**
   * The config of the ingest stage; {@code incremental} as in {@link IngestJob#run}, {@code
   * extractor} the one the claims of these articles are made with (part of the settings an
   * incremental run compares).
   */
  IngestJob.Config config(
      String output, String reference, boolean incremental, Extractor extractor) {
    if (nearDupDistance < 0 || nearDupDistance >= 1) {
      throw new IllegalArgumentException(
          "--near-dup-distance: expected a number in [0, 1), got " + nearDupDistance);
    }
    if (minChars < 0 || maxChars <= minChars) {
      throw new IllegalArgumentException(
          "--min-chars/--max-chars: expected 0 <= min < max, got " + minChars + " and " + maxChars);
    }
    FieldMapping.withOverrides(fields);
    PathOverlap.check(inputs, output);
    MarkDuplicates.Settings d = MarkDuplicates.Settings.DEFAULT;
    return new IngestJob.Config(
        List.copyOf(inputs),
        output,
        InputFormat.parse(format),
        Map.copyOf(fields),
        minChars,
        maxChars,
        reference,
        new MarkDuplicates.Settings(nearDupDistance, d.hashTables(), d.seed(), d.maxBucket()),
        incremental,
        extractor == Extractor.PARSER ? null : extractor.label());
  }
}
