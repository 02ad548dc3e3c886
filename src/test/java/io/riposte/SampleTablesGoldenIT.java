package io.riposte;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every table of {@code riposte run} on the bundled sample (made-up articles, {@code data/sample})
 * equals its golden file {@code src/test/resources/golden/sample/<table>.txt}: one line per row,
 * every declared column but {@link #VARYING} as {@code name=value}, lines sorted. It pins the
 * output rows across refactors: a change that moves one value of one row fails here, naming the
 * table and the rows.
 *
 * <p>A change meant to alter the output (a new rule, a new table) rewrites the files with {@code
 * -Driposte.golden.update=true}; the diff of the golden files then shows what moved, for review in
 * the commit. In that mode the test is reported as skipped, never as passed.
 */
class SampleTablesGoldenIT {

  static final Path GOLDEN = Path.of("src/test/resources/golden/sample");

  /**
   * Columns left out: the run's id and the input files' modification times differ on every run and
   * every clone, not with the code.
   */
  static final java.util.Set<String> VARYING = java.util.Set.of(Tables.RUN_ID, "modified_ms");

  /** Strings longer than this are shown as their length and hash (article texts). */
  static final int LONGEST_SHOWN = 600;

  @Test
  void everyTableOfTheSampleRunEqualsItsGoldenFile() throws IOException {
    Path run = SampleRun.output();
    SparkSession spark = SparkTests.session();
    Outputs outputs = new Outputs(spark, run.toString());
    boolean update = Boolean.getBoolean("riposte.golden.update");
    Path golden = SparkTests.repo().resolve(GOLDEN);
    Path actualDir = SparkTests.repo().resolve("target/golden-actual/sample");
    Files.createDirectories(actualDir);
    List<String> differing = new ArrayList<>();
    for (Tables.Table table : Tables.ALL) {
      List<String> actual = lines(outputs.read(table).collectAsList(), table);
      Path file = golden.resolve(table.name() + ".txt");
      Files.write(actualDir.resolve(table.name() + ".txt"), actual, StandardCharsets.UTF_8);
      if (update) {
        Files.createDirectories(golden);
        Files.write(file, actual, StandardCharsets.UTF_8);
        continue;
      }
      assertThat(file)
          .as("golden file of table %s (write it with -Driposte.golden.update=true)", table.name())
          .isRegularFile();
      List<String> expected = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        differing.add(describe(table.name(), expected, actual));
      }
    }
    Assumptions.assumeFalse(update, "golden files rewritten under " + GOLDEN + "; review the diff");
    assertThat(differing)
        .as("tables whose rows differ from %s (actual rows: target/golden-actual/sample)", GOLDEN)
        .isEmpty();
  }

  /** The rows as sorted lines, every declared column in declared order. */
  static List<String> lines(List<Row> rows, Tables.Table table) {
    List<String> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      StringBuilder line = new StringBuilder();
      for (StructField f : table.schema().fields()) {
        if (VARYING.contains(f.name())) {
          continue;
        }
        if (line.length() > 0) {
          line.append(" | ");
        }
        int i = r.fieldIndex(f.name());
        Object v = f.dataType() instanceof ArrayType && !r.isNullAt(i) ? r.getList(i) : r.get(i);
        line.append(f.name()).append('=').append(value(v));
      }
      out.add(line.toString());
    }
    out.sort(null);
    return out;
  }

  private static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof List<?> list) {
      return list.stream()
          .map(SampleTablesGoldenIT::value)
          .collect(Collectors.joining(", ", "[", "]"));
    }
    String s = String.valueOf(v);
    // Paths of the input files: relative to the repository, the same on every machine.
    String repo = SparkTests.repo().toString() + "/";
    s = s.replace("file:" + repo, "").replace(repo, "");
    s = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    if (s.length() > LONGEST_SHOWN) {
      return "<" + s.length() + " chars, sha256 " + sha256(s).substring(0, 16) + ">";
    }
    return s;
  }

  private static String describe(String table, List<String> expected, List<String> actual) {
    List<String> missing = new ArrayList<>(expected);
    actual.forEach(missing::remove);
    List<String> extra = new ArrayList<>(actual);
    expected.forEach(extra::remove);
    return table
        + ": "
        + expected.size()
        + " rows expected, "
        + actual.size()
        + " found\n  only expected:\n    "
        + missing.stream().limit(5).collect(Collectors.joining("\n    "))
        + "\n  only found:\n    "
        + extra.stream().limit(5).collect(Collectors.joining("\n    "));
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
