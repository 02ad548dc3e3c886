package io.riposte.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Reads an archive (files, folders, globs, on any Hadoop file system) into raw records: one row per
 * input record, parsed or rejected, with its file and position. Every input record yields exactly
 * one row, so records in = accepted + rejected downstream.
 */
public final class ArchiveReader {

  /** Schema of the raw records (internal: never written). */
  public static final StructType RAW =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("source_file", DataTypes.StringType, false),
            DataTypes.createStructField("position", DataTypes.LongType, true),
            DataTypes.createStructField("format", DataTypes.StringType, false),
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("url", DataTypes.StringType, true),
            DataTypes.createStructField("outlet", DataTypes.StringType, true),
            DataTypes.createStructField("date", DataTypes.StringType, true),
            DataTypes.createStructField("title", DataTypes.StringType, true),
            DataTypes.createStructField("text", DataTypes.StringType, true),
            DataTypes.createStructField("reject_reason", DataTypes.StringType, true),
            DataTypes.createStructField("reject_message", DataTypes.StringType, true),
            DataTypes.createStructField("raw_snippet", DataTypes.StringType, true)
          });

  /** Reader settings. */
  public record Options(InputFormat format, FieldMapping mapping, int maxRecordChars) {}

  private ArchiveReader() {}

  /**
   * Lists the files behind {@code inputs} by format: globs expanded, folders walked recursively,
   * hidden files ({@code .} or {@code _} prefix) skipped.
   *
   * @throws IllegalArgumentException naming an input that matches nothing, or a file whose format
   *     cannot be told from its name when no format is forced
   */
  public static Map<InputFormat, List<String>> listFiles(
      List<String> inputs, InputFormat forced, Configuration conf) {
    Map<InputFormat, TreeSet<String>> files = new EnumMap<>(InputFormat.class);
    try {
      for (String input : inputs) {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new IllegalArgumentException("--input: nothing found at '" + input + "'");
        }
        int before = files.values().stream().mapToInt(TreeSet::size).sum();
        for (FileStatus match : matches) {
          if (match.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(match.getPath(), true);
            while (it.hasNext()) {
              LocatedFileStatus f = it.next();
              if (!hidden(f.getPath(), match.getPath())) {
                add(files, f.getPath(), forced, false);
              }
            }
          } else {
            add(files, match.getPath(), forced, true);
          }
        }
        if (files.values().stream().mapToInt(TreeSet::size).sum() == before) {
          throw new IllegalArgumentException(
              "--input: no readable files at '"
                  + input
                  + "' (known extensions: .jsonl .json .ndjson .csv .parquet .txt .html .htm,"
                  + " optionally .gz)");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list inputs " + inputs, e);
    }
    Map<InputFormat, List<String>> out = new EnumMap<>(InputFormat.class);
    files.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  /** The raw records of all {@code files}, one row per input record. */
  public static Dataset<Row> read(
      SparkSession spark, Map<InputFormat, List<String>> files, Options options) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<JavaRDD<Row>> parts = new ArrayList<>();
    files.forEach(
        (format, paths) -> {
          switch (format) {
            case JSONL -> parts.add(jsonLines(jsc, paths, options));
            case CSV -> parts.add(wholeFiles(jsc, paths, options, format));
            case TEXT -> parts.add(wholeFiles(jsc, paths, options, format));
            case HTML -> parts.add(wholeFiles(jsc, paths, options, format));
            case PARQUET -> parts.add(parquet(spark, paths, options));
          }
        });
    JavaRDD<Row> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return spark.createDataFrame(all, RAW);
  }

  /**
   * JSON lines, one file per task, streamed through {@link RecordParsers#jsonLines} in bounded
   * memory: a file is the unit of work (a gzip file cannot be split anyway), so that a fault in it
   * rejects its rest instead of failing the task.
   */
  private static JavaRDD<Row> jsonLines(JavaSparkContext jsc, List<String> paths, Options options) {
    FieldMapping mapping = options.mapping();
    int max = options.maxRecordChars();
    int minPartitions = Math.max(1, Math.min(paths.size(), jsc.defaultParallelism() * 2));
    return jsc.binaryFiles(joinPaths(paths), minPartitions)
        .mapPartitions(
            it -> {
              RecordParsers parsers = new RecordParsers(mapping, max);
              return new Iterator<Row>() {
                private Iterator<RawRecord> current = Collections.emptyIterator();
                private InputStream open;

                @Override
                public boolean hasNext() {
                  while (!current.hasNext()) {
                    close();
                    if (!it.hasNext()) {
                      return false;
                    }
                    Tuple2<String, PortableDataStream> file = it.next();
                    try {
                      open = open(file._1(), file._2());
                      current = parsers.jsonLines(open, file._1());
                    } catch (IOException | RuntimeException e) {
                      current =
                          List.of(RecordParsers.corrupt(file._1(), 0L, "jsonl", e)).iterator();
                    }
                  }
                  return true;
                }

                @Override
                public Row next() {
                  if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                  }
                  return toRow(current.next());
                }

                private void close() {
                  if (open != null) {
                    try {
                      open.close();
                    } catch (IOException ignored) {
                      // read to its end or to its fault already
                    }
                    open = null;
                  }
                }
              };
            });
  }

  private static JavaRDD<Row> wholeFiles(
      JavaSparkContext jsc, List<String> paths, Options options, InputFormat format) {
    FieldMapping mapping = options.mapping();
    int max = options.maxRecordChars();
    int minPartitions = Math.max(1, Math.min(paths.size(), jsc.defaultParallelism() * 2));
    return jsc.binaryFiles(joinPaths(paths), minPartitions)
        .mapPartitions(
            it -> {
              RecordParsers parsers = new RecordParsers(mapping, max);
              return new Iterator<Row>() {
                private Iterator<Row> current = Collections.emptyIterator();

                @Override
                public boolean hasNext() {
                  while (!current.hasNext() && it.hasNext()) {
                    Tuple2<String, PortableDataStream> file = it.next();
                    try {
                      current = readFile(parsers, file._1(), file._2(), format);
                    } catch (IOException | RuntimeException e) {
                      current =
                          List.of(toRow(RecordParsers.corrupt(file._1(), 0L, format.label(), e)))
                              .iterator();
                    }
                  }
                  return current.hasNext();
                }

                @Override
                public Row next() {
                  if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                  }
                  return current.next();
                }
              };
            });
  }

  private static Iterator<Row> readFile(
      RecordParsers parsers, String file, PortableDataStream stream, InputFormat format)
      throws IOException {
    if (format == InputFormat.CSV) {
      InputStream in = open(file, stream);
      Iterator<RawRecord> records = parsers.csv(in, file);
      return new Iterator<>() {
        private boolean closed;

        @Override
        public boolean hasNext() {
          if (closed) {
            return false;
          }
          boolean more = records.hasNext();
          if (!more) {
            closed = true;
            try {
              in.close();
            } catch (IOException ignored) {
              // nothing more to read from it
            }
          }
          return more;
        }

        @Override
        public Row next() {
          return toRow(records.next());
        }
      };
    }
    byte[] bytes;
    try (InputStream in = open(file, stream)) {
      // One byte past the cap is enough to reject the page as OVERSIZE: never read it whole.
      bytes = in.readNBytes(parsers.maxRecordChars() + 1);
    }
    RawRecord record =
        format == InputFormat.HTML ? parsers.htmlPage(bytes, file) : parsers.textPage(bytes, file);
    return List.of(toRow(record)).iterator();
  }

  /** The file's bytes, decompressed (and limited against gzip bombs) when it ends in .gz. */
  private static InputStream open(String file, PortableDataStream stream) throws IOException {
    InputStream in = stream.open();
    if (!file.endsWith(".gz")) {
      return in;
    }
    long compressed = stream.getConfiguration() == null ? 0 : fileLength(file, stream);
    return InputLimits.expansionLimited(new GZIPInputStream(in, 64 * 1024), compressed);
  }

  private static long fileLength(String file, PortableDataStream stream) throws IOException {
    Path p = new Path(file);
    return p.getFileSystem(stream.getConfiguration()).getFileStatus(p).getLen();
  }

  /**
   * Parquet files through Spark's reader. Each file's footer is checked first, on the driver: a
   * file without a valid footer (truncated, not Parquet) becomes one {@code CORRUPT_FILE} reject
   * and is not read. A file whose footer is valid but whose data is damaged is read up to the
   * damage (Spark's {@code ignoreCorruptFiles} for this read only), and the rows its footer
   * promises but the read did not give become one {@code CORRUPT_FILE} reject. Knowing that takes
   * one more pass over the Parquet input, decoding every column.
   */
  private static JavaRDD<Row> parquet(SparkSession spark, List<String> paths, Options options) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<Row> corrupt = new ArrayList<>();
    List<String> good = new ArrayList<>();
    // By file path (without scheme, as Spark's input_file_name gives it back): the rows its footer
    // promises, and the path as given.
    Map<String, Long> promised = new java.util.LinkedHashMap<>();
    Map<String, String> pathOf = new HashMap<>();
    for (String path : paths) {
      Path p = new Path(path);
      String key = p.toUri().getPath();
      try (org.apache.parquet.hadoop.ParquetFileReader reader =
          org.apache.parquet.hadoop.ParquetFileReader.open(
              org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(
                  p, spark.sparkContext().hadoopConfiguration()))) {
        promised.put(key, reader.getRecordCount());
        pathOf.put(key, path);
        good.add(path);
      } catch (IOException | RuntimeException e) {
        corrupt.add(toRow(RecordParsers.corrupt(path, 0L, "parquet", e)));
      }
    }
    if (good.isEmpty()) {
      return jsc.parallelize(corrupt, 1);
    }
    Dataset<Row> withFile =
        spark
            .read()
            .option("ignoreCorruptFiles", "true")
            .parquet(good.toArray(String[]::new))
            .withColumn("__file", org.apache.spark.sql.functions.input_file_name());
    for (Map.Entry<String, Long> r : readableRows(withFile).entrySet()) {
      String key = java.net.URI.create(r.getKey()).getPath();
      long read = r.getValue();
      Long expected = promised.remove(key);
      if (expected != null && read < expected) {
        corrupt.add(damaged(pathOf.get(key), read, expected));
      }
    }
    // Left: files that gave no row at all (damaged before their first row, or empty).
    promised.forEach(
        (key, expected) -> {
          if (expected > 0) {
            corrupt.add(damaged(pathOf.get(key), 0, expected));
          }
        });
    return jsc.parallelize(corrupt, 1).union(parquetRows(withFile, options));
  }

  /**
   * Per file, the rows that can be read, each row whole (a count or an aggregate over the columns
   * can be answered without decoding the damaged pages).
   */
  private static Map<String, Long> readableRows(Dataset<Row> withFile) {
    int file = withFile.columns().length - 1;
    return withFile.toJavaRDD().map(r -> r.getString(file)).countByValue();
  }

  private static Row damaged(String file, long read, long expected) {
    return toRow(
        RawRecord.rejected(
            file,
            read,
            "parquet",
            RejectReason.CORRUPT_FILE,
            "file damaged: "
                + read
                + " of "
                + expected
                + " rows readable, the other "
                + (expected - read)
                + " lost",
            null));
  }

  private static JavaRDD<Row> parquetRows(Dataset<Row> withFile, Options options) {
    String[] columns =
        Arrays.stream(withFile.columns()).filter(c -> !c.equals("__file")).toArray(String[]::new);
    FieldMapping mapping = options.mapping();
    int max = options.maxRecordChars();
    return withFile
        .toJavaRDD()
        .zipWithIndex()
        .mapPartitions(
            it -> {
              RecordParsers parsers = new RecordParsers(mapping, max);
              List<Row> out = new ArrayList<>();
              while (it.hasNext()) {
                Tuple2<Row, Long> t = it.next();
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < columns.length; i++) {
                  Object v = t._1().get(i);
                  values.put(columns[i], v == null ? null : v.toString());
                }
                String file = t._1().getString(columns.length);
                out.add(toRow(parsers.columns(values, file, t._2())));
              }
              return out.iterator();
            });
  }

  static Row toRow(RawRecord r) {
    return RowFactory.create(
        r.sourceFile(),
        r.position(),
        r.format(),
        r.id(),
        r.url(),
        r.outlet(),
        r.date(),
        r.title(),
        r.text(),
        r.rejectReason(),
        r.rejectMessage(),
        r.rawSnippet());
  }

  private static void add(
      Map<InputFormat, TreeSet<String>> files, Path path, InputFormat forced, boolean explicit) {
    InputFormat format = forced != null ? forced : InputFormat.ofFileName(path.getName());
    if (format == null) {
      if (explicit) {
        throw new IllegalArgumentException(
            "--input: cannot tell the format of '"
                + path
                + "' from its name; pass --format jsonl|csv|parquet|text|html");
      }
      return;
    }
    files.computeIfAbsent(format, k -> new TreeSet<>()).add(path.toString());
  }

  private static boolean hidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  private static String joinPaths(List<String> paths) {
    List<String> escaped = new ArrayList<>();
    for (String p : paths) {
      escaped.add(p.replace(",", "\\,"));
    }
    return String.join(",", escaped);
  }
}
