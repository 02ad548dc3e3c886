package io.riposte.io;

import io.riposte.io.Tables.Table;
import io.riposte.run.FaultPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
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
 * <p>Within a run ({@link #Outputs(SparkSession, String, String)}) a table is written under the
 * run's staging folder and read back from there, so the jobs of one run see each other's tables and
 * their checks run before anything is current; the run's end commits them all at once ({@link
 * OutputRoot#commit}). Without a run id, reads see the current tables and each write is committed
 * alone at once.
 */
public final class Outputs {

  private final SparkSession spark;
  private final String root;
  private final String runId;

  /** The current tables of {@code root}, for reading (a write commits at once). */
  public Outputs(SparkSession spark, String root) {
    this(spark, root, null);
  }

  /** The tables of run {@code runId} on {@code root}: written to its staging folder. */
  public Outputs(SparkSession spark, String root, String runId) {
    this.spark = spark;
    this.root = root;
    this.runId = runId;
  }

  /** The output root. */
  public String root() {
    return root;
  }

  /**
   * The folder to read {@code table} from: the run's staged copy when this run wrote it, else the
   * current one.
   */
  public String path(Table table) {
    return path(table.name());
  }

  /** The same as {@link #path(Table)} for any entry of the root (a table folder or a file). */
  public String path(String name) {
    try {
      if (runId != null) {
        Path staged = new Path(outputRoot().staging(runId), name);
        if (staged.getFileSystem(conf()).exists(staged)) {
          return staged.toString();
        }
      }
      return new Path(root, name).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where this run writes the entry {@code name} (a file such as the report page). */
  public String writePath(String name) {
    if (runId == null) {
      return new Path(root, name).toString();
    }
    return new Path(outputRoot().staging(runId), name).toString();
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
    OutputRoot outputRoot = outputRoot();
    String writer = runId != null ? runId : OutputRoot.newRunId();
    if (runId == null) {
      outputRoot.prepareStaging(writer);
    }
    Path staging = new Path(outputRoot.staging(writer), table.name());
    Dataset<Row> out = rows.select(columns);
    Column[] sort = table.sortColumns().stream().map(functions::col).toArray(Column[]::new);
    DataFrameWriter<Row> parquet;
    if (table.partitioned()) {
      // Sorted by the partition column first: the file writer needs that order, and would
      // otherwise add its own sort by the partition column alone, losing the key order.
      Column partition = functions.col(table.partitionColumn());
      Column[] sortInFolder =
          java.util.stream.Stream.concat(java.util.stream.Stream.of(partition), Arrays.stream(sort))
              .toArray(Column[]::new);
      parquet =
          out.repartition(partition)
              .sortWithinPartitions(sortInFolder)
              .write()
              .partitionBy(table.partitionColumn());
    } else {
      parquet = (sort.length == 0 ? out : out.sortWithinPartitions(sort)).write();
    }
    parquet.mode(SaveMode.ErrorIfExists).option("compression", "zstd").parquet(staging.toString());
    FaultPoint.reach("table-written");
    outputRoot.writeMarker(staging, writer);
    if (runId == null) {
      outputRoot.commit(writer, null);
    }
  }

  /**
   * Reads {@code table} back with its declared schema, checking that the columns of its files are
   * the declared ones. The check reads one file's Parquet footer on the driver: letting Spark infer
   * the schema instead runs a Spark job (and on a small archive plans and schedules it) per read. A
   * partitioned table's files hold no partition column; it is read with its declared schema
   * unchecked (and an empty one, which has no data file, reads as no rows).
   */
  public Dataset<Row> read(Table table) {
    String path = path(table);
    if (!table.partitioned()) {
      List<String> found = fileColumns(new Path(path));
      List<String> expected = Arrays.asList(table.schema().fieldNames());
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
    }
    return spark.read().schema(table.schema()).parquet(path);
  }

  /**
   * The top-level columns of the first Parquet file in {@code folder} (names starting with {@code
   * _} or {@code .} are not data files, as for Spark), read from its footer. A table folder without
   * partitions always has one: Spark writes a file with the schema even for no rows.
   */
  private List<String> fileColumns(Path folder) {
    try {
      FileSystem fs = folder.getFileSystem(conf());
      FileStatus[] files =
          fs.listStatus(folder, p -> !p.getName().startsWith("_") && !p.getName().startsWith("."));
      if (files.length == 0) {
        throw new IllegalStateException(
            "table at " + folder + " has no Parquet file: re-run the job that writes it.");
      }
      Arrays.sort(files);
      try (ParquetFileReader reader =
          ParquetFileReader.open(HadoopInputFile.fromStatus(files[0], conf()))) {
        return reader.getFooter().getFileMetaData().getSchema().getFields().stream()
            .map(org.apache.parquet.schema.Type::getName)
            .toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Parquet footer of a file in " + folder, e);
    }
  }

  /**
   * The rows of each of {@code tables} as read back by {@link #read}, counted in one query (a union
   * of one count per table): on a small archive a query costs more in planning and job scheduling
   * than in reading, so one query instead of one per table.
   */
  public Map<Table, Long> countRows(List<Table> tables) {
    Dataset<Row> counts = null;
    for (int i = 0; i < tables.size(); i++) {
      Dataset<Row> one =
          read(tables.get(i))
              .agg(functions.count(functions.lit(1)).as("rows"))
              .select(functions.lit(i).as("table"), functions.col("rows"));
      counts = counts == null ? one : counts.union(one);
    }
    Map<Integer, Long> byIndex = new HashMap<>();
    if (counts != null) {
      counts.collectAsList().forEach(r -> byIndex.put(r.getInt(0), r.getLong(1)));
    }
    Map<Table, Long> out = new LinkedHashMap<>();
    for (int i = 0; i < tables.size(); i++) {
      out.put(tables.get(i), byIndex.get(i));
    }
    return out;
  }

  /** True when {@code table} exists under the root. */
  public boolean exists(Table table) {
    try {
      Path p = new Path(path(table));
      return p.getFileSystem(conf()).exists(new Path(p, "_SUCCESS"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private OutputRoot outputRoot() {
    return new OutputRoot(root, conf());
  }

  private Configuration conf() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
