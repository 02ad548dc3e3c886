package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.SparkTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parquet file whose footer is valid but whose data is damaged: a reject, not a failed job. */
class ParquetFaultSparkTest {

  @TempDir Path dir;

  @Test
  void aDamagedDataPageKeepsTheReadableRowsAndRejectsTheRest() throws IOException {
    SparkSession spark = SparkTests.session();
    StructType schema =
        new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      rows.add(RowFactory.create("p" + i, "Officials in town " + i + " accused the mayor " + i));
    }
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .option("parquet.block.size", 16 * 1024)
        .option("compression", "zstd")
        .parquet(dir.resolve("valid").toString());
    Path part;
    try (Stream<Path> files = Files.list(dir.resolve("valid"))) {
      part = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(part);
    // Damage the middle of the data, far from the footer at the end.
    for (int i = bytes.length / 2; i < bytes.length / 2 + 200; i++) {
      bytes[i] = (byte) 0x5a;
    }
    Path damaged = dir.resolve("in/damaged.parquet");
    Files.createDirectories(damaged.getParent());
    Files.write(damaged, bytes);

    List<Row> raw =
        ArchiveReader.read(
                spark,
                Map.of(InputFormat.PARQUET, List.of(damaged.toUri().toString())),
                new ArchiveReader.Options(InputFormat.PARQUET, FieldMapping.defaults(), 100_000))
            .collectAsList();

    long kept = raw.stream().filter(r -> r.isNullAt(9)).count();
    List<Row> rejects = raw.stream().filter(r -> !r.isNullAt(9)).toList();
    assertThat(rejects).hasSize(1);
    assertThat(rejects.get(0).getString(9)).isEqualTo("CORRUPT_FILE");
    assertThat(rejects.get(0).getString(10)).contains("of 3000 rows");
    assertThat(kept).isLessThan(3000);
    assertThat(rejects.get(0).getLong(1)).isEqualTo(kept);
  }
}
