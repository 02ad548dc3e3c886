package io.riposte.io;

import io.riposte.io.Tables.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The output folder as a database: two SQL files next to the tables, generated from {@link Tables}
 * (the one declaration of every table), so an analyst opens every table by name without knowing the
 * folder layout.
 *
 * <ul>
 *   <li>{@value #DUCKDB_FILE}: DuckDB views over the Parquet folders, with paths relative to the
 *       output folder ({@code cd DIR && duckdb -init riposte.duckdb.sql}, or {@code SET
 *       file_search_path = 'DIR'} first), and the column meanings as comments.
 *   <li>{@value #SPARK_FILE}: {@code CREATE TABLE ... USING parquet LOCATION ...} for Spark SQL or
 *       a Hive metastore ({@code spark-sql -f DIR/create_tables.sql}); locations are absolute (a
 *       metastore needs them), so the file is rewritten by every run.
 * </ul>
 *
 * Only the tables present in the folder are listed; a table without data files (e.g. no episodes)
 * is an empty view of the declared columns in DuckDB (which cannot read a folder with no file).
 */
public final class SqlCatalog {

  public static final String DUCKDB_FILE = "riposte.duckdb.sql";
  public static final String SPARK_FILE = "create_tables.sql";

  /**
   * The folder name Spark gives a null partition value ({@code year=__HIVE_DEFAULT_PARTITION__}).
   */
  static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

  private SqlCatalog() {}

  /** A table present in the output folder, and whether it has any Parquet file. */
  public record Present(Table table, boolean hasData) {}

  /** Writes both files under {@code root}, listing the tables found there; returns them. */
  public static List<Present> write(String root, Configuration conf) {
    try {
      Path rootPath = new Path(root);
      FileSystem fs = rootPath.getFileSystem(conf);
      List<Present> present = new ArrayList<>();
      for (Table t : Tables.ALL) {
        Path folder = new Path(rootPath, t.name());
        if (fs.exists(new Path(folder, "_SUCCESS"))) {
          present.add(new Present(t, hasParquet(fs, folder)));
        }
      }
      String qualified = fs.makeQualified(rootPath).toString();
      writeFile(fs, new Path(rootPath, DUCKDB_FILE), duckdb(present));
      writeFile(fs, new Path(rootPath, SPARK_FILE), spark(present, qualified));
      return present;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the SQL catalog files under " + root, e);
    }
  }

  /** The DuckDB script: one view per present table, paths relative to the output folder. */
  public static String duckdb(List<Present> tables) {
    StringBuilder out = new StringBuilder();
    out.append(
            "-- Riposte output tables as DuckDB views over the Parquet folders of this folder.\n")
        .append("-- Paths are relative to this folder. Open it from here:\n")
        .append("--   cd DIR && duckdb -init ")
        .append(DUCKDB_FILE)
        .append("\n")
        .append("-- or from anywhere (Python: duckdb.connect(), then these two statements):\n")
        .append("--   SET file_search_path = 'DIR';\n")
        .append("--   the contents of this file.\n")
        .append("-- Generated from io.riposte.io.Tables; columns in docs/data-dictionary.md.\n\n");
    for (Present p : tables) {
      Table t = p.table();
      out.append("CREATE OR REPLACE VIEW ").append(t.name()).append(" AS SELECT ");
      List<String> columns = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        String type = duckdbType(f.dataType());
        String value;
        if (!p.hasData()) {
          value = "NULL";
        } else if (f.name().equals(t.partitionColumn())) {
          // Spark writes a null partition value as this folder name; DuckDB reads it as text.
          value = "NULLIF(CAST(" + ident(f.name()) + " AS VARCHAR), '" + HIVE_NULL + "')";
        } else {
          value = ident(f.name());
        }
        columns.add("CAST(" + value + " AS " + type + ") AS " + ident(f.name()));
      }
      out.append(String.join(", ", columns));
      if (p.hasData()) {
        out.append(" FROM read_parquet('")
            .append(t.name())
            .append(t.partitioned() ? "/*/*.parquet', hive_partitioning = true" : "/*.parquet'")
            .append(")");
      } else {
        out.append(" WHERE false");
      }
      out.append(";\n");
      out.append("COMMENT ON VIEW ")
          .append(t.name())
          .append(" IS ")
          .append(duckdbString(t.description()))
          .append(";\n");
      for (StructField f : t.schema().fields()) {
        out.append("COMMENT ON COLUMN ")
            .append(t.name())
            .append('.')
            .append(ident(f.name()))
            .append(" IS ")
            .append(duckdbString(Tables.comment(f)))
            .append(";\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The Spark SQL script: drop and create each present table as an external Parquet table. */
  public static String spark(List<Present> tables, String qualifiedRoot) {
    StringBuilder out = new StringBuilder();
    out.append("-- Riposte output tables for Spark SQL or a Hive metastore:\n")
        .append("--   spark-sql -f ")
        .append(qualifiedRoot)
        .append('/')
        .append(SPARK_FILE)
        .append("\n")
        .append("-- External tables (LOCATION): DROP TABLE leaves the files alone. Locations are\n")
        .append("-- where this run wrote; every run rewrites this file. Tables go to the current\n")
        .append("-- database (USE one first to choose). Generated from io.riposte.io.Tables.\n\n");
    for (Present p : tables) {
      Table t = p.table();
      out.append("DROP TABLE IF EXISTS ").append(t.name()).append(";\n");
      out.append("CREATE TABLE ").append(t.name()).append(" (\n");
      StructField[] fields = t.schema().fields();
      for (int i = 0; i < fields.length; i++) {
        out.append("  `")
            .append(fields[i].name())
            .append('`')
            .append(' ')
            .append(fields[i].dataType().sql())
            .append(" COMMENT ")
            .append(sparkString(Tables.comment(fields[i])))
            .append(i < fields.length - 1 ? ",\n" : "\n");
      }
      out.append(") USING parquet");
      if (t.partitioned()) {
        out.append(" PARTITIONED BY (").append(t.partitionColumn()).append(")");
      }
      out.append("\nCOMMENT ")
          .append(sparkString(t.description()))
          .append("\nLOCATION ")
          .append(sparkString(qualifiedRoot + "/" + t.name()))
          .append(";\n");
      if (t.partitioned()) {
        out.append("MSCK REPAIR TABLE ").append(t.name()).append(";\n");
      }
      out.append('\n');
    }
    return out.toString();
  }

  static String duckdbType(DataType type) {
    if (type instanceof ArrayType a) {
      return duckdbType(a.elementType()) + "[]";
    }
    if (type.equals(DataTypes.StringType)) {
      return "VARCHAR";
    }
    if (type.equals(DataTypes.LongType)) {
      return "BIGINT";
    }
    if (type.equals(DataTypes.IntegerType)) {
      return "INTEGER";
    }
    if (type.equals(DataTypes.DoubleType)) {
      return "DOUBLE";
    }
    if (type.equals(DataTypes.BooleanType)) {
      return "BOOLEAN";
    }
    if (type.equals(DataTypes.DateType)) {
      return "DATE";
    }
    throw new IllegalArgumentException("no DuckDB type for " + type.sql());
  }

  /** A DuckDB identifier: double-quoted, as some column names ("end") are key words. */
  static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A DuckDB string literal: standard SQL, a quote doubled, no backslash escapes. */
  static String duckdbString(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A Spark SQL string literal: backslash escapes ('' would join two literals). */
  static String sparkString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static boolean hasParquet(FileSystem fs, Path folder) throws IOException {
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(folder, true);
    while (files.hasNext()) {
      FileStatus f = files.next();
      if (f.getPath().getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
        return true;
      }
    }
    return false;
  }

  private static void writeFile(FileSystem fs, Path path, String text) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
