package io.riposte.cli;

import io.riposte.io.CsvCells;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import io.riposte.spark.Sessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code riposte export}: one output table as JSON lines or CSV, e.g. for the scorer. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write one table of an output root as JSON lines (or CSV) part files in a folder,"
            + " sorted by its key columns.")
final class ExportCommand implements Callable<Integer> {

  /** Marker file of an export folder: only such a folder may be replaced by a new export. */
  static final String EXPORT_MARKER = "_RIPOSTE_EXPORT";

  @Option(names = "--from", required = true, paramLabel = "DIR", description = "Output root.")
  String from;

  @Option(
      names = "--table",
      required = true,
      paramLabel = "NAME",
      description = "Table to export: articles, rejects, claims, ...")
  String table;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write; must not exist, or be a previous export (replaced).")
  String to;

  @Option(
      names = "--format",
      defaultValue = "json",
      paramLabel = "FORMAT",
      description = "json (JSON lines) or csv. Default: ${DEFAULT-VALUE}.")
  String format;

  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    Tables.Table t = Tables.byName(table);
    if (!format.equals("json") && !format.equals("csv")) {
      throw new IllegalArgumentException("--format: expected json or csv, got '" + format + "'");
    }
    SparkSession spark = Sessions.create("riposte export", common.master, common.conf);
    Path target = new Path(to);
    FileSystem fs;
    try {
      fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs.exists(target) && !fs.exists(new Path(target, EXPORT_MARKER))) {
        throw new IllegalArgumentException(
            "--to: '"
                + to
                + "' exists and is not a previous export (no "
                + EXPORT_MARKER
                + " file in it); give a path that does not exist");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + to, e);
    }
    Dataset<Row> rows = new Outputs(spark, from).read(t);
    if (format.equals("csv")) {
      rows = CsvCells.neutralise(rows);
    }
    rows.sort(rows.columns()[0], rows.columns()[1])
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .option("header", "true")
        .format(format)
        .save(to);
    try (var marker = fs.create(new Path(target, EXPORT_MARKER), true)) {
      marker.write((from + "/" + table + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + to + " as an export", e);
    }
    System.out.printf("exported %s/%s to %s (%s)%n", from, table, to, format);
    return 0;
  }
}
