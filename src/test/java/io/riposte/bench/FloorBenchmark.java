package io.riposte.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.riposte.run.PeakHeap;
import io.riposte.spark.Sessions;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The floor under every Riposte figure: Spark reads the archive, parses every JSON line with an
 * explicit schema (all of the AllSides fields, as strings) and sums the length of the texts. No job
 * can be faster on the same file and master; {@code jobs/bench.sh} divides by it.
 *
 * <p>Arguments: one JSON lines archive ({@code .jsonl} or {@code .jsonl.gz}; a gzip file is one
 * Spark task, as it is for {@code ingest}). Prints one line, {@code floor: N articles, C characters
 * of text, P partitions, S s}, where S is the read and sum, without JVM start and session.
 */
public final class FloorBenchmark {

  /** The fields of an AllSides record (../shared/corpora/README.md). */
  static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType)
          .add("source", DataTypes.StringType)
          .add("source_url", DataTypes.StringType)
          .add("url", DataTypes.StringType)
          .add("date", DataTypes.StringType)
          .add("authors", DataTypes.StringType)
          .add("title", DataTypes.StringType)
          .add("topic", DataTypes.StringType)
          .add("bias_text", DataTypes.StringType)
          .add("text", DataTypes.StringType);

  private FloorBenchmark() {}

  public static void main(String[] args) {
    PeakHeap.reportAtExitIfAsked();
    if (args.length != 1) {
      System.err.println("usage: FloorBenchmark ARCHIVE.jsonl[.gz]");
      System.exit(2);
    }
    SparkSession spark = Sessions.create("riposte floor benchmark", null, Map.of());
    try {
      long t0 = System.nanoTime();
      Dataset<Row> records = spark.read().schema(SCHEMA).json(args[0]);
      Row sums = records.agg(count(lit(1)), sum(length(col("text")))).first();
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "floor: %d articles, %d characters of text, %d partitions, %.2f s%n",
          sums.getLong(0),
          sums.isNullAt(1) ? 0L : sums.getLong(1),
          records.rdd().getNumPartitions(),
          seconds);
    } finally {
      spark.stop();
    }
  }
}
