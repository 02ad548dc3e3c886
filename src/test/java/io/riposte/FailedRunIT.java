package io.riposte;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.cli.Riposte;
import io.riposte.io.OutputRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run that fails leaves the previous tables and says why in {@code _run.json}; secrets given with
 * {@code --conf} never reach the disk; an {@code --output} overlapping an {@code --input} is
 * refused before anything is written.
 */
class FailedRunIT {

  static Path base;
  static Path out;
  static Path input;
  static String ingestRecord;

  @BeforeAll
  static void ingest() throws IOException {
    base = SparkTests.repo().resolve("target/failed-run");
    SampleRun.deleteRecursively(base);
    input = base.resolve("archive/news.jsonl");
    Files.createDirectories(input.getParent());
    Files.copy(SparkTests.repo().resolve("data/sample/news-2018.jsonl"), input);
    out = base.resolve("out");
    int code =
        Riposte.execute(
            "ingest",
            "--input",
            input.toString(),
            "--output",
            out.toString(),
            "--master",
            "local[2]",
            "--conf",
            "spark.hadoop.fs.s3a.secret.key=SECRET-VALUE-123",
            "--quiet");
    assertThat(code).isZero();
    ingestRecord = Files.readString(out.resolve("_run.json"));
  }

  /** Regression: the raw command line, secrets included, was written to _run.json. */
  @Test
  void secretConfValuesAreNotWritten() throws IOException {
    assertThat(ingestRecord)
        .doesNotContain("SECRET-VALUE-123")
        .contains("spark.hadoop.fs.s3a.secret.key=***")
        .contains("\"status\" : \"ok\"");
  }

  /** A job that throws: exit 1, record failed with the error, the current tables untouched. */
  @Test
  void aFailedRunKeepsThePreviousTablesAndRecordsTheError() throws IOException {
    String articlesRun = Files.readString(out.resolve("articles/" + OutputRoot.MARKER)).strip();
    int code =
        Riposte.execute("aggregate", "--output", out.toString(), "--master", "local[2]", "--quiet");
    assertThat(code).isEqualTo(1);
    JsonNode record = new ObjectMapper().readTree(out.resolve("_run.json").toFile());
    assertThat(record.path("status").asText()).isEqualTo("failed");
    assertThat(record.path("command").asText()).isEqualTo("aggregate");
    assertThat(record.path("error").asText()).contains("claims");
    assertThat(Files.readString(out.resolve("articles/" + OutputRoot.MARKER)).strip())
        .isEqualTo(articlesRun);
    assertThat(out.resolve("_staging")).doesNotExist();
    assertThat(out.resolve(OutputRoot.LOCK)).doesNotExist();
  }

  /** Regression: --input /d/articles --output /d deleted the archive. */
  @Test
  void anOutputHoldingTheInputIsRefusedBeforeAnyWrite() throws IOException {
    Path archiveDir = input.getParent();
    int code =
        Riposte.execute(
            "ingest",
            "--input",
            input.toString(),
            "--output",
            archiveDir.toString(),
            "--master",
            "local[2]",
            "--quiet");
    assertThat(code).isEqualTo(Riposte.USAGE);
    try (var files = Files.list(archiveDir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("news.jsonl");
    }
  }
}
