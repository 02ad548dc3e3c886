package io.riposte.io;

import io.riposte.io.Tables.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Writes and reads the output tables under one output root ({@code DIR/<table>/}), on any Hadoop
 * file system.
 *
 * <p>A table is written to a fresh staging folder and switched into place only after the write
 * succeeded, so a failed or interrupted run leaves the previous good table as it was.
 */
public final class Outputs {

  private final SparkSession spark;
  private final String root;

  public Outputs(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root;
  }

  /** The output root. */
  public String root() {
    return root;
  }

  /** The folder of {@code table}. */
  public String path(Table table) {
    return new Path(root, table.name()).toString();
  }

  /**
   * Writes {@code rows} as {@code table}: columns selected and cast to the declared schema (a
   * missing column fails the write), zstd Parquet, laid out as declared (one sub-folder per value
   * of the partition column, rows sorted within each file by the sort columns), then switched into
   * place. A partitioned table is shuffled by its partition column first: one file per value, which
   * suits the aggregate tables this is used for (small next to claims).
   */
  public void write(Table table, Dataset<Row> rows) {
    Column[] columns =
        Arrays.stream(table.schema().fields())
            .map(f -> rows.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()))
            .toArray(Column[]::new);
    Path target = new Path(root, table.name());
    Path staging = new Path(root, "_staging/" + table.name() + "-" + UUID.randomUUID());
    Dataset<Row> out = rows.select(columns);
    Column[] sort = table.sortColumns().stream().map(functions::col).toArray(Column[]::new);
    DataFrameWriter<Row> writer;
    if (table.partitioned()) {
      // Sorted by the partition column first: the file writer needs that order, and would
      // otherwise add its own sort by the partition column alone, losing the key order.
      Column partition = functions.col(table.partitionColumn());
      Column[] sortInFolder =
          java.util.stream.Stream.concat(java.util.stream.Stream.of(partition), Arrays.stream(sort))
              .toArray(Column[]::new);
      writer =
          out.repartition(partition)
              .sortWithinPartitions(sortInFolder)
              .write()
              .partitionBy(table.partitionColumn());
    } else {
      writer = (sort.length == 0 ? out : out.sortWithinPartitions(sort)).write();
    }
    writer.mode(SaveMode.ErrorIfExists).option("compression", "zstd").parquet(staging.toString());
    swap(staging, target);
  }

  /**
   * Reads {@code table} back, checking that its columns are the declared ones. A partitioned table
   * is read with its declared schema (its partition column typed as declared, and an empty table,
   * which has no data file, reads as no rows).
   */
  public Dataset<Row> read(Table table) {
    String path = path(table);
    Dataset<Row> rows =
        table.partitioned()
            ? spark.read().schema(table.schema()).parquet(path)
            : spark.read().parquet(path);
    java.util.List<String> expected = Arrays.asList(table.schema().fieldNames());
    java.util.List<String> found = Arrays.asList(rows.columns());
    if (!found.equals(expected)) {
      throw new IllegalStateException(
          "table "
              + table.name()
              + " at "
              + path
              + " has columns "
              + found
              + ", expected "
              + expected
              + ": was it written by another version? Re-run the job that writes it.");
    }
    return rows;
  }

  /** True when {@code table} exists under the root. */
  public boolean exists(Table table) {
    try {
      Path p = new Path(root, table.name());
      return p.getFileSystem(conf()).exists(new Path(p, "_SUCCESS"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void swap(Path staging, Path target) {
    try {
      FileSystem fs = target.getFileSystem(conf());
      Path old = new Path(root, "_staging/" + target.getName() + "-old-" + UUID.randomUUID());
      if (fs.exists(target) && !fs.rename(target, old)) {
        throw new IOException("cannot move " + target + " aside");
      }
      if (!fs.rename(staging, target)) {
        throw new IOException("cannot move " + staging + " to " + target);
      }
      fs.delete(old, true);
      Path stagingRoot = new Path(root, "_staging");
      if (fs.exists(stagingRoot) && fs.listStatus(stagingRoot).length == 0) {
        fs.delete(stagingRoot, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot switch " + target + " into place", e);
    }
  }

  private Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
