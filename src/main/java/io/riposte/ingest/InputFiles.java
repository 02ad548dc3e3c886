package io.riposte.ingest;

import io.riposte.io.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;

/**
 * The input files of an output ({@link Tables#INPUT_FILES}): what each file was when it was read
 * (size, modification time) and what became of its records, so that a run with {@code
 * --incremental} reads only the files it has not seen. Plain Java on the driver: one value per
 * file.
 */
public final class InputFiles {

  /** A listed input file and its state on disk. */
  public record File(String path, InputFormat format, long sizeBytes, long modifiedMillis) {

    /** The key that matches this file with the {@code source_file} of its records. */
    public String key() {
      return InputFiles.key(path);
    }

    /** True when {@code row} (of {@link Tables#INPUT_FILES}) recorded this file as it is now. */
    boolean sameAs(Row row) {
      return sizeBytes == row.<Long>getAs("size_bytes")
          && modifiedMillis == row.<Long>getAs("modified_ms");
    }
  }

  /** Records of one file, counted as {@link Tables#INPUT_FILES} stores them. */
  public static final class Counts {
    long accepted;
    long rejected;
    long datesMissing;
    long datesInvalid;

    long recordsIn() {
      return accepted + rejected;
    }
  }

  /**
   * What an incremental run does with the listed files, given the table of an earlier run.
   *
   * @param toRead files not seen before and known files whose size or modification time changed
   * @param changedKeys keys of the known files among {@code toRead}: their earlier rows are
   *     replaced
   * @param kept rows of the earlier table that stay (every row but those of changed files)
   * @param unchanged listed files already read, as they are now: skipped
   * @param unlisted known files this run did not list: their rows stay
   */
  public record Plan(
      List<File> toRead, Set<String> changedKeys, List<Row> kept, int unchanged, int unlisted) {

    /** Files never read before. */
    public int newFiles() {
      return toRead.size() - changedKeys.size();
    }

    /** A plan that reads everything: no earlier table. */
    public static Plan readAll(List<File> listed) {
      return new Plan(List.copyOf(listed), Set.of(), List.of(), 0, 0);
    }
  }

  private InputFiles() {}

  /** The listed files with their size and modification time, in path order per format. */
  public static List<File> stat(Map<InputFormat, List<String>> files, Configuration conf) {
    List<File> out = new ArrayList<>();
    try {
      for (Map.Entry<InputFormat, List<String>> e : files.entrySet()) {
        for (String p : e.getValue()) {
          Path path = new Path(p);
          FileStatus s = path.getFileSystem(conf).getFileStatus(path);
          out.add(new File(p, e.getKey(), s.getLen(), s.getModificationTime()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size and time of the inputs", e);
    }
    return out;
  }

  /**
   * Splits the listed files by the earlier table's rows ({@code earlier}, keyed by {@link #key} of
   * their path): a file whose path is known with the same size and modification time is skipped;
   * one whose size or time changed is read again and replaces its earlier rows; any other is read.
   */
  public static Plan plan(List<File> listed, List<Row> earlier) {
    Map<String, Row> known = new LinkedHashMap<>();
    for (Row r : earlier) {
      known.put(key(r.getAs("path")), r);
    }
    List<File> toRead = new ArrayList<>();
    Set<String> changed = new TreeSet<>();
    Set<String> listedKeys = new TreeSet<>();
    int unchanged = 0;
    for (File f : listed) {
      listedKeys.add(f.key());
      Row before = known.get(f.key());
      if (before == null) {
        toRead.add(f);
      } else if (f.sameAs(before)) {
        unchanged++;
      } else {
        toRead.add(f);
        changed.add(f.key());
      }
    }
    List<Row> kept = new ArrayList<>();
    int unlisted = 0;
    for (Map.Entry<String, Row> e : known.entrySet()) {
      if (!changed.contains(e.getKey())) {
        kept.add(e.getValue());
      }
      if (!listedKeys.contains(e.getKey())) {
        unlisted++;
      }
    }
    return new Plan(
        List.copyOf(toRead), Set.copyOf(changed), List.copyOf(kept), unchanged, unlisted);
  }

  /**
   * The rows of {@link Tables#INPUT_FILES} for the files read by this run, from the per-file counts
   * of their records (keyed by {@link #key} of {@code source_file}). A record whose file is not one
   * of {@code read} fails: every record must be counted against a file.
   */
  public static List<Row> rows(
      List<File> read, Map<String, Counts> countsByKey, String settings, String runId) {
    Map<String, File> byKey = new HashMap<>();
    read.forEach(f -> byKey.put(f.key(), f));
    for (String k : countsByKey.keySet()) {
      if (!byKey.containsKey(k)) {
        throw new IllegalStateException(
            "records of '" + k + "' match no listed input file " + byKey.keySet());
      }
    }
    List<Row> rows = new ArrayList<>();
    for (File f : read) {
      Counts c = countsByKey.getOrDefault(f.key(), new Counts());
      rows.add(
          new GenericRowWithSchema(
              new Object[] {
                f.path(),
                f.format().label(),
                f.sizeBytes(),
                f.modifiedMillis(),
                c.recordsIn(),
                c.accepted,
                c.rejected,
                c.datesMissing,
                c.datesInvalid,
                settings,
                runId
              },
              Tables.INPUT_FILES.schema()));
    }
    return rows;
  }

  /**
   * Adds one group of records (accepted or not, with its date status) to the counts of its file.
   */
  public static void count(
      Map<String, Counts> countsByKey,
      String sourceFile,
      boolean accepted,
      String dateStatus,
      long n) {
    Counts c = countsByKey.computeIfAbsent(key(sourceFile), k -> new Counts());
    if (!accepted) {
      c.rejected += n;
      return;
    }
    c.accepted += n;
    if (PublishedDate.Status.MISSING.name().equals(dateStatus)) {
      c.datesMissing += n;
    } else if (PublishedDate.Status.INVALID.name().equals(dateStatus)) {
      c.datesInvalid += n;
    }
  }

  /**
   * The decoded path part of a file name as the readers write it ({@code file:/a/b.jsonl} from a
   * listing, {@code file:///a/b.parquet} with escapes from Spark's {@code input_file_name}): the
   * same for both forms of one file.
   */
  public static String key(String sourceFile) {
    try {
      return new URI(sourceFile).getPath();
    } catch (URISyntaxException e) {
      // Not a valid URI as written (a space, a '%' not escaping anything): a Hadoop path string.
      return new Path(sourceFile).toUri().getPath();
    }
  }
}
