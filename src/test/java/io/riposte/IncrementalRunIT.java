package io.riposte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.cli.Riposte;
import io.riposte.io.Outputs;
import io.riposte.io.Tables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code riposte run --incremental} against one whole {@code run}, on the bundled sample split in
 * two halves of files (the JSON lines file cut in two): half 1, then half 2 added to the input
 * folder and read incrementally, must give the tables of one run over the whole folder. Then a run
 * with no new file (extracts nothing, changes no table), a run after one file's modification time
 * changed (that file read again and replaced), and a run with other settings (refused).
 *
 * <p>Tables are compared as sorted lists of rows, without {@link Tables#RUN_ID} (input_files names
 * the run that read each file). Timestamps: {@code input_files.modified_ms} is the file's own, the
 * same in both outputs; no table carries the time of a run.
 */
class IncrementalRunIT {

  @TempDir static Path dir;
  static Path in;
  static SparkSession spark;
  static Map<String, List<String>> afterHalf1;
  static Map<String, List<String>> afterHalf2;
  static Map<String, List<String>> afterNoNewFile;
  static Map<String, List<String>> whole;
  static Map<String, List<String>> afterTouch;
  static JsonNode half1Record;
  static JsonNode half2Record;
  static JsonNode noNewFileRecord;
  static JsonNode wholeRecord;
  static JsonNode touchRecord;
  static JsonNode refusedRecord;
  static int refusedCode;
  static JsonNode otherExtractorRecord;
  static int otherExtractorCode;
  static Map<String, String> storiesAfterHalf1;
  static Map<String, String> storiesAfterHalf2;

  // Half 1: the second half of news-2018.jsonl (s18-12 .. s18-22), the CSV export, the text pages.
  // Half 2: the first half (s18-01 .. s18-11), the HTML pages. Half 2 holds the earlier (smaller
  // id) copy of the wire story s18-03/s18-10/s18-21 and of the exact copy s18-06 = s18-18, so it
  // changes the story of half 1's copies.
  private static final int FIRST_LINES = 11;

  @BeforeAll
  static void runs() throws IOException {
    Path sample = SparkTests.repo().resolve("data/sample");
    in = dir.resolve("in");
    Files.createDirectories(in);
    List<String> lines = Files.readAllLines(sample.resolve("news-2018.jsonl"));
    String inc = dir.resolve("inc").toString();

    write(in.resolve("news-b.jsonl"), lines.subList(FIRST_LINES, lines.size()));
    Files.copy(sample.resolve("wire-export.csv"), in.resolve("wire-export.csv"));
    copyTree(sample.resolve("pages"), in.resolve("pages"));
    run("--incremental", inc);
    half1Record = record(inc);
    afterHalf1 = tables(inc);
    storiesAfterHalf1 = stories(inc);

    write(in.resolve("news-a.jsonl"), lines.subList(0, FIRST_LINES));
    copyTree(sample.resolve("html"), in.resolve("html"));
    run("--incremental", inc);
    half2Record = record(inc);
    afterHalf2 = tables(inc);
    storiesAfterHalf2 = stories(inc);

    String wholeOut = dir.resolve("whole").toString();
    run(null, wholeOut);
    wholeRecord = record(wholeOut);
    whole = tables(wholeOut);

    run("--incremental", inc);
    noNewFileRecord = record(inc);
    afterNoNewFile = tables(inc);

    Path csv = in.resolve("wire-export.csv");
    Files.setLastModifiedTime(
        csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 60_000));
    run("--incremental", inc);
    touchRecord = record(inc);
    afterTouch = tables(inc);

    refusedCode = execute("--incremental", inc, "--min-chars", "100");
    refusedRecord = record(inc);
    otherExtractorCode = execute("--incremental", inc, "--extractor", "rules");
    otherExtractorRecord = record(inc);
  }

  @Test
  void twoHalvesGiveTheTablesOfOneWholeRun() {
    assertThat(afterHalf2.keySet()).containsExactlyElementsOf(names());
    for (String t : names()) {
      assertThat(afterHalf2.get(t))
          .as("rows of %s: half 1, then half 2 incremental", t)
          .isNotNull();
      assertThat(afterHalf2.get(t))
          .as("rows of %s, incremental vs whole", t)
          .containsExactlyElementsOf(whole.get(t));
    }
    assertThat(whole.get("claims")).as("claims of the whole run").isNotEmpty();
  }

  @Test
  void secondHalfReadsOnlyItsFilesAndExtractsOnlyItsArticles() {
    assertThat(half1Record.at("/ingest/incremental").isMissingNode())
        .as("first run: no earlier output, a whole run")
        .isTrue();
    assertThat(half2Record.at("/ingest/incremental/files_new").asInt()).isEqualTo(5);
    assertThat(half2Record.at("/ingest/incremental/files_unchanged").asInt()).isEqualTo(7);
    assertThat(half2Record.at("/ingest/incremental/files_changed").asInt()).isZero();
    long half1Articles = half1Record.at("/ingest/accepted").asLong();
    long allArticles = wholeRecord.at("/ingest/accepted").asLong();
    assertThat(half1Articles).isPositive().isLessThan(allArticles);
    assertThat(half2Record.at("/extract/articles").asLong())
        .as("articles extracted by the second run")
        .isEqualTo(allArticles - half1Articles);
    assertThat(half2Record.at("/extract/articles_reused").asLong()).isEqualTo(half1Articles);
    assertThat(half2Record.at("/ingest/incremental/records_read").asLong())
        .isEqualTo(41 - half1Record.at("/ingest/records_in").asLong());
  }

  @Test
  void countsOfTheRunRecordAddUpAcrossRuns() {
    for (String key :
        List.of(
            "/ingest/records_in",
            "/ingest/accepted",
            "/ingest/rejected",
            "/ingest/rejected_by_reason",
            "/ingest/dates_missing",
            "/ingest/dates_invalid",
            "/ingest/duplicate_copies",
            "/ingest/exact_copies",
            "/ingest/dup_groups_with_copies",
            "/extract/claims",
            "/claims_out")) {
      assertThat(half2Record.at(key)).as(key).isEqualTo(wholeRecord.at(key));
    }
    assertThat(half2Record.at("/ingest/records_in").asLong()).isEqualTo(41);
  }

  @Test
  void aNewCopyChangesTheStoryOfAnEarlierArticle() {
    // Regression guard for duplicates across runs: the earlier copies of half 2 become primary.
    assertThat(storiesAfterHalf1)
        .containsEntry("s18-21", "s18-21")
        .containsEntry("s18-18", "s18-18");
    assertThat(storiesAfterHalf2)
        .containsEntry("s18-21", "s18-03")
        .containsEntry("s18-10", "s18-03")
        .containsEntry("s18-18", "s18-06");
  }

  @Test
  void aRunWithoutNewFilesExtractsNothingAndChangesNoTable() {
    assertThat(noNewFileRecord.at("/status").asText()).isEqualTo("ok");
    assertThat(noNewFileRecord.at("/ingest/incremental/files_new").asInt()).isZero();
    assertThat(noNewFileRecord.at("/ingest/incremental/records_read").asLong()).isZero();
    assertThat(noNewFileRecord.at("/extract/articles").asLong()).as("articles extracted").isZero();
    for (String t : names()) {
      assertThat(afterNoNewFile.get(t))
          .as("rows of %s", t)
          .containsExactlyElementsOf(afterHalf2.get(t));
    }
    System.out.printf(
        "IncrementalRunIT: seconds of an incremental run without new files %.1f, of a whole run"
            + " %.1f%n",
        noNewFileRecord.at("/stage_seconds/total").asDouble(),
        wholeRecord.at("/stage_seconds/total").asDouble());
  }

  @Test
  void aFileWithANewModificationTimeIsReadAgainAndReplaced() throws IOException {
    assertThat(touchRecord.at("/ingest/incremental/files_changed").asInt()).isEqualTo(1);
    assertThat(touchRecord.at("/ingest/incremental/files_new").asInt()).isZero();
    assertThat(touchRecord.at("/ingest/incremental/records_read").asLong())
        .as("records of the CSV file read again")
        .isEqualTo(10);
    // Its articles came out as before: their claims are kept, not extracted again.
    assertThat(touchRecord.at("/extract/articles").asLong()).isZero();
    long modified = Files.getLastModifiedTime(in.resolve("wire-export.csv")).toMillis();
    assertThat(afterTouch.get("input_files").stream().filter(r -> r.contains("wire-export.csv")))
        .as("the CSV file's one row in input_files, with its new time")
        .singleElement()
        .asString()
        .contains("," + modified + ",");
    for (String t : names()) {
      if (!t.equals("input_files")) {
        assertThat(afterTouch.get(t)).as("rows of %s", t).containsExactlyElementsOf(whole.get(t));
      }
    }
  }

  @Test
  void otherSettingsAreRefusedAndTheTablesKept() {
    assertThat(refusedCode).isEqualTo(1);
    assertThat(refusedRecord.at("/status").asText()).isEqualTo("failed");
    assertThat(refusedRecord.at("/error").asText())
        .contains("was made with other settings")
        .contains("\"min_chars\":100");
    assertThat(tables(dir.resolve("inc").toString())).isEqualTo(afterTouch);
  }

  /** Claims made by the parser are not kept next to claims of the rules alone, or the reverse. */
  @Test
  void anotherExtractorIsRefused() {
    assertThat(otherExtractorCode).isEqualTo(1);
    assertThat(otherExtractorRecord.at("/error").asText())
        .contains("was made with other settings")
        .contains("\"extractor\":\"rules\"");
    assertThat(tables(dir.resolve("inc").toString())).isEqualTo(afterTouch);
  }

  private static List<String> names() {
    return Tables.ALL.stream().map(Tables.Table::name).toList();
  }

  private static void run(String incremental, String output) {
    int code = incremental == null ? execute(null, output) : execute(incremental, output);
    assertThat(code).as("exit code of run %s %s", incremental, output).isZero();
  }

  private static int execute(String incremental, String output, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--input", in.toString()));
    if (incremental != null) {
      args.add(incremental);
    }
    args.addAll(
        List.of(
            "--output",
            output,
            "--master",
            "local[2]",
            "--conf",
            "spark.sql.shuffle.partitions=2",
            "--quiet"));
    args.addAll(List.of(more));
    return Riposte.execute(args.toArray(String[]::new));
  }

  /** Every table's rows as sorted text, without the run id column. */
  private static Map<String, List<String>> tables(String output) {
    spark = SparkTests.session();
    Outputs outputs = new Outputs(spark, output);
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Tables.Table t : Tables.ALL) {
      out.put(
          t.name(),
          outputs.read(t).drop(Tables.RUN_ID).collectAsList().stream()
              .map(Row::toString)
              .sorted()
              .toList());
    }
    return out;
  }

  private static Map<String, String> stories(String output) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Row r :
        new Outputs(SparkTests.session(), output)
            .read(Tables.ARTICLES)
            .select(Tables.ARTICLE_ID, "dup_group")
            .collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  private static JsonNode record(String output) {
    try {
      return new ObjectMapper().readTree(Path.of(output, "_run.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
