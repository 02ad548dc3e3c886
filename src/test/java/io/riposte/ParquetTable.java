package io.riposte;

import io.riposte.io.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * A table folder as written by Spark (Parquet part files, possibly in Hive-style {@code
 * column=value/} partition folders), read with the Parquet library alone: no Spark session, so
 * tests can compare outputs of separate runs cheaply.
 *
 * @param schema the Parquet schema, the same in every part file (partition columns are not in it)
 * @param sparkSchema the Spark schema (JSON, column comments included) Spark stores in the footer
 * @param rows one string per row: its partition folders ({@code column=value}, as Spark escaped
 *     them), then every non-null field as {@code name: value}, but {@link Tables#RUN_ID}: the id of
 *     the run that wrote the row differs between any two runs
 */
public record ParquetTable(MessageType schema, String sparkSchema, List<String> rows) {

  /** Footer key under which Spark stores the table's Spark schema. */
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

  /** Reads every {@code part-*.parquet} file under {@code dir}; fails if there is none. */
  public static ParquetTable read(Path dir) throws IOException {
    List<Path> parts;
    try (Stream<Path> files = Files.walk(dir)) {
      parts =
          files
              .filter(p -> p.getFileName().toString().startsWith("part-"))
              .filter(p -> p.getFileName().toString().endsWith(".parquet"))
              .sorted()
              .toList();
    }
    if (parts.isEmpty()) {
      throw new IOException("expected part-*.parquet files in " + dir + ", found none");
    }
    Configuration conf = new Configuration();
    MessageType schema = null;
    String sparkSchema = null;
    List<String> rows = new ArrayList<>();
    for (Path part : parts) {
      StringBuilder partition = new StringBuilder();
      for (Path folder : dir.relativize(part.getParent())) {
        partition.append(folder).append('\n');
      }
      HadoopInputFile file = HadoopInputFile.fromPath(hadoopPath(part), conf);
      try (ParquetFileReader footer = ParquetFileReader.open(file)) {
        FileMetaData meta = footer.getFooter().getFileMetaData();
        if (schema != null && !schema.equals(meta.getSchema())) {
          throw new IOException("part files of " + dir + " disagree on the schema: " + part);
        }
        schema = meta.getSchema();
        sparkSchema = meta.getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
      }
      try (ParquetReader<Group> reader =
          ParquetReader.builder(new GroupReadSupport(), hadoopPath(part)).withConf(conf).build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          rows.add(partition + withoutRunId(row.toString()));
        }
      }
    }
    return new ParquetTable(schema, sparkSchema, List.copyOf(rows));
  }

  private static String withoutRunId(String fields) {
    return fields
        .lines()
        .filter(line -> !line.startsWith(Tables.RUN_ID + ": "))
        .map(line -> line + "\n")
        .collect(java.util.stream.Collectors.joining());
  }

  private static org.apache.hadoop.fs.Path hadoopPath(Path file) {
    return new org.apache.hadoop.fs.Path(file.toUri());
  }
}
