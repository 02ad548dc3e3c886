package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.HostileInputs;
import io.riposte.SampleRun;
import io.riposte.SparkTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code riposte export}: CSV cells a spreadsheet would run are neutralised; --to is guarded. */
class ExportIT {

  static Path base;
  static Path out;

  @BeforeAll
  static void ingest() throws IOException {
    base = SparkTests.repo().resolve("target/export-it");
    SampleRun.deleteRecursively(base);
    Path input = base.resolve("archive/a.jsonl");
    Files.createDirectories(input.getParent());
    Files.writeString(
        input,
        "{\"id\":\"x1\",\"title\":\"=HYPERLINK(\\\"http://evil\\\",\\\"click\\\")\","
            + "\"outlet\":\"@Wire\",\"date\":\"2018-03-01\",\"text\":\""
            + HostileInputs.article("Quince", 400)
            + "\"}\n");
    out = base.resolve("out");
    assertThat(
            Riposte.execute(
                "ingest",
                "--input",
                input.toString(),
                "--output",
                out.toString(),
                "--master",
                "local[2]",
                "--quiet"))
        .isZero();
  }

  private static String csvOf(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      Path part =
          files.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElseThrow();
      return Files.readString(part);
    }
  }

  /** Regression: cells starting with = + - @ were written as they are (formula injection). */
  @Test
  void formulaCellsAreNeutralisedAndAPreviousExportIsReplaced() throws IOException {
    Path to = base.resolve("articles-csv");
    for (int i = 0; i < 2; i++) {
      assertThat(
              Riposte.execute(
                  "export",
                  "--from",
                  out.toString(),
                  "--table",
                  "articles",
                  "--to",
                  to.toString(),
                  "--format",
                  "csv",
                  "--master",
                  "local[2]"))
          .as("export %d (the second replaces the first)", i)
          .isZero();
    }
    String csv = csvOf(to);
    assertThat(csv).contains("'=HYPERLINK(").contains("'@Wire").doesNotContain(",=HYPERLINK");
  }

  /** Regression: export overwrote whatever was at --to. */
  @Test
  void anExistingFolderThatIsNotAnExportIsRefused() throws IOException {
    Path to = base.resolve("precious");
    Files.createDirectories(to);
    Files.writeString(to.resolve("notes.txt"), "keep me");
    int code =
        Riposte.execute(
            "export",
            "--from",
            out.toString(),
            "--table",
            "articles",
            "--to",
            to.toString(),
            "--master",
            "local[2]");
    assertThat(code).isEqualTo(Riposte.USAGE);
    try (Stream<Path> files = Files.list(to)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .isEqualTo(List.of("notes.txt"));
    }
  }
}
