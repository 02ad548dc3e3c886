package io.riposte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code riposte report} usage handling: no Spark session is built for any of these. */
class ReportCommandTest {

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
