package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class InputFilesTest {

  private static final String SETTINGS = "{}";

  @Test
  void splitsListedFilesIntoNewChangedAndUnchanged() {
    List<Row> earlier =
        InputFiles.rows(
            List.of(
                file("file:/in/a.jsonl", 100, 1000),
                file("file:/in/b.jsonl", 200, 2000),
                file("file:/in/gone.csv", 300, 3000)),
            Map.of(),
            SETTINGS,
            "run-1");
    InputFiles.Plan plan =
        InputFiles.plan(
            List.of(
                file("file:/in/a.jsonl", 100, 1000), // unchanged
                file("file:/in/b.jsonl", 200, 2500), // new modification time
                file("file:/in/c.jsonl", 50, 4000)), // new
            earlier);
    assertThat(plan.toRead().stream().map(InputFiles.File::path))
        .containsExactly("file:/in/b.jsonl", "file:/in/c.jsonl");
    assertThat(plan.changedKeys()).containsExactly("/in/b.jsonl");
    assertThat(plan.newFiles()).isEqualTo(1);
    assertThat(plan.unchanged()).isEqualTo(1);
    assertThat(plan.unlisted()).as("gone.csv: known, not listed").isEqualTo(1);
    assertThat(plan.kept().stream().map(r -> r.<String>getAs("path")))
        .as("earlier rows kept: all but the changed file's")
        .containsExactly("file:/in/a.jsonl", "file:/in/gone.csv");
  }

  @Test
  void aChangedSizeAloneMakesTheFileChanged() {
    List<Row> earlier =
        InputFiles.rows(List.of(file("file:/in/a.jsonl", 100, 1000)), Map.of(), SETTINGS, "r");
    InputFiles.Plan plan = InputFiles.plan(List.of(file("file:/in/a.jsonl", 101, 1000)), earlier);
    assertThat(plan.changedKeys()).containsExactly("/in/a.jsonl");
  }

  @Test
  void matchesSparkFileNamesWithListedPaths() {
    // A listing gives Hadoop path strings; Spark's input_file_name (Parquet) gives escaped URIs.
    assertThat(InputFiles.key("file:///in/my archive.parquet".replace(" ", "%20")))
        .isEqualTo(InputFiles.key("file:/in/my archive.parquet"))
        .isEqualTo("/in/my archive.parquet");
  }

  @Test
  void countsRecordsPerFile() {
    Map<String, InputFiles.Counts> counts = new HashMap<>();
    InputFiles.count(counts, "file:/in/a.jsonl", true, "OK", 5);
    InputFiles.count(counts, "file:/in/a.jsonl", true, PublishedDate.Status.MISSING.name(), 2);
    InputFiles.count(counts, "file:/in/a.jsonl", false, null, 3);
    Row row =
        InputFiles.rows(List.of(file("file:/in/a.jsonl", 1, 1)), counts, SETTINGS, "r").get(0);
    assertThat(row.<Long>getAs("records_in")).isEqualTo(10);
    assertThat(row.<Long>getAs("accepted")).isEqualTo(7);
    assertThat(row.<Long>getAs("rejected")).isEqualTo(3);
    assertThat(row.<Long>getAs("dates_missing")).isEqualTo(2);
    assertThat(row.<Long>getAs("dates_invalid")).isZero();
  }

  @Test
  void aRecordOfNoListedFileFails() {
    Map<String, InputFiles.Counts> counts = new HashMap<>();
    InputFiles.count(counts, "file:/elsewhere/x.jsonl", true, "OK", 1);
    assertThatThrownBy(
            () -> InputFiles.rows(List.of(file("file:/in/a.jsonl", 1, 1)), counts, SETTINGS, "r"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("records of '/elsewhere/x.jsonl' match no listed input file");
  }

  private static InputFiles.File file(String path, long size, long modified) {
    return new InputFiles.File(path, InputFormat.JSONL, size, modified);
  }
}
