package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage handling: no Spark session is built for any of these. */
class RiposteCliTest {

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  @Test
  void helpListsEveryJobAndExitsZero() {
    assertThat(Riposte.execute("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("run", "ingest", "extract", "aggregate", "cluster", "export");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    assertThat(Riposte.execute("ingest", "--output", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--input");
  }

  @Test
  void unknownOptionIsNamed() {
    assertThat(Riposte.execute("run", "--input", "a", "--output", "b", "--bogus")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bogus");
  }

  @Test
  void badValuesAreUsageErrorsNamingTheOption() {
    assertThat(Riposte.execute("ingest", "-i", "a", "-o", "b", "--format", "xml")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--format", "xml");
    assertThat(Riposte.execute("ingest", "-i", "a", "-o", "b", "--near-dup-distance", "2"))
        .isEqualTo(2);
    assertThat(Riposte.execute("ingest", "-i", "a", "-o", "b", "--field", "body=x")).isEqualTo(2);
    assertThat(Riposte.execute("extract", "-o", "b", "--extractor", "spacy")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--extractor", "spacy");
    assertThat(Riposte.execute("run", "-i", "a", "-o", "b", "--extractor", "")).isEqualTo(2);
  }

  @Test
  void negativeEpisodeWindowIsAUsageError() {
    assertThat(Riposte.execute("aggregate", "-o", "b", "--episode-window-days", "-1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--episode-window-days", "-1");
    assertThat(Riposte.execute("run", "-i", "a", "-o", "b", "--episode-window-days", "-5"))
        .isEqualTo(2);
  }

  @Test
  void aBadKRangeIsAUsageErrorNamingTheOption() {
    assertThat(Riposte.execute("cluster", "-o", "b", "--k-min", "1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--k-min", "got 1");
    assertThat(Riposte.execute("run", "-i", "a", "-o", "b", "--k-min", "9", "--k-max", "5"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--k-max", "got 5");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(Riposte.execute("frobnicate")).isEqualTo(2);
  }

  @Test
  void helpListsTheReportCommand() {
    assertThat(Riposte.execute("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("report");
  }

  @Test
  void outOfRangeSizesAreUsageErrorsNamingTheOption() {
    assertThat(Riposte.execute("report", "-o", "b", "--top-dyads", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--top-dyads: expected a number from 1 to 20, got 0");
    assertThat(Riposte.execute("report", "-o", "b", "--network-edges", "1000")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--network-edges");
  }

  @Test
  void outputIsRequired() {
    assertThat(Riposte.execute("report")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--output");
  }
}
