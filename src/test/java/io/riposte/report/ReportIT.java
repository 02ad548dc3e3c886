package io.riposte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.riposte.SampleRun;
import io.riposte.SparkTests;
import io.riposte.cli.Riposte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report.html of a fresh sample run, rendered in headless Chromium (Debian's {@code chromium},
 * installed by {@code .ci/run}): no JavaScript error, every chart drew marks. The screenshots stay
 * in {@code target/} as test artefacts. {@code RIPOSTE_NO_BROWSER=1} skips it on a developer
 * machine without Chromium; CI does not set it.
 */
class ReportIT {

  static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("RIPOSTE_CHROMIUM", "/usr/bin/chromium"));
  static final Path TARGET = SparkTests.repo().resolve("target");

  @BeforeAll
  static void browser() {
    assumeFalse(
        "1".equals(System.getenv("RIPOSTE_NO_BROWSER")), "RIPOSTE_NO_BROWSER=1: no browser test");
    assertThat(CHROMIUM)
        .as("Chromium (apt-get install chromium; .ci/run installs it; RIPOSTE_NO_BROWSER=1 skips)")
        .isExecutable();
  }

  @Test
  void runWritesAReportThatRendersWithoutErrors() throws Exception {
    Path page = SampleRun.output().resolve("report.html");
    assertThat(page).as("report.html written by run").isRegularFile();
    Document dom = render(page, TARGET.resolve("report-screenshot.png"));
    assertDrawn(dom, List.of("chart-dyads", "chart-categories", "chart-outlets", "chart-network"));
    assertThat(dom.select("#legend-categories li")).as("legend of the category chart").isNotEmpty();
    if (SampleRun.clustersWrittenByRun()) {
      assertDrawn(dom, List.of("chart-clusters"));
    } else {
      assertThat(dom.getElementById("no-clusters")).as("note: no clusters computed").isNotNull();
    }
    assertThat(dom.select("#legend-dyads li")).as("legend of the dyad chart").isNotEmpty();
    assertThat(dom.select("#chart-network path.edge")).as("network edges").isNotEmpty();
  }

  @Test
  void reportCommandShowsTheClusters() throws Exception {
    Path copy = TARGET.resolve("report-with-clusters");
    SampleRun.deleteRecursively(copy);
    copyTree(SampleRun.output(), copy);
    assertThat(copy.resolve("clusters")).as("the sample run wrote clusters").isDirectory();
    int code =
        Riposte.execute("report", "--output", copy.toString(), "--master", "local[2]", "--quiet");
    assertThat(code).as("exit code of report").isZero();
    Document dom = render(copy.resolve("report.html"), TARGET.resolve("report-clusters.png"));
    assertDrawn(
        dom,
        List.of(
            "chart-dyads", "chart-categories", "chart-outlets", "chart-network", "chart-clusters"));
    assertThat(dom.select("article.cluster")).as("cluster cards").isNotEmpty();
    assertThat(dom.select("article.cluster .sentences li")).as("example sentences").isNotEmpty();
  }

  /**
   * No error marker, the page marked drawn, and each chart with drawn SVG elements and no text cut
   * off at its edges (the script measures every text's box against the chart's view box; cluster
   * labels used to run off the left edge).
   */
  static void assertDrawn(Document dom, List<String> charts) {
    assertThat(dom.select("#js-errors li").eachText()).as("JavaScript errors").isEmpty();
    assertThat(dom.selectFirst("html").attr("data-report")).as("page state").isEqualTo("drawn");
    for (String id : charts) {
      Element svg = dom.getElementById(id);
      assertThat(svg).as(id).isNotNull();
      assertThat(Integer.parseInt(svg.attr("data-marks"))).as(id + " marks").isPositive();
      assertThat(svg.select("path, rect, circle, line")).as(id + " SVG elements").isNotEmpty();
      assertThat(svg.attr("data-clipped")).as(id + " texts cut off at the edges").isEqualTo("0");
    }
  }

  /**
   * Renders the page twice in a fresh headless Chromium profile: once for the DOM after the scripts
   * ran, once for a full-page screenshot. Fails on console errors Chromium logs.
   */
  static Document render(Path page, Path screenshot) throws Exception {
    String url = page.toUri().toString();
    Files.deleteIfExists(screenshot);
    String dom = chromium(List.of("--dump-dom", url));
    chromium(
        List.of("--window-size=1100,3000", "--hide-scrollbars", "--screenshot=" + screenshot, url));
    assertThat(screenshot).as("screenshot").isRegularFile();
    assertThat(Files.size(screenshot)).as("screenshot bytes").isGreaterThan(20_000);
    return Jsoup.parse(dom);
  }

  /** Runs Chromium headless with the given arguments; returns its standard output. */
  static String chromium(List<String> args) throws Exception {
    Path profile = Files.createTempDirectory("riposte-chromium-");
    Path stderr = Files.createTempFile("riposte-chromium-", ".log");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
    try {
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished").isTrue();
      String log = Files.readString(stderr);
      assertThat(p.exitValue()).as("chromium exit code; log:\n" + log).isZero();
      assertThat(log.lines().filter(l -> l.contains("CONSOLE") || l.contains("Uncaught")))
          .as("console messages")
          .isEmpty();
      return out;
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
      SampleRun.deleteRecursively(profile);
      Files.deleteIfExists(stderr);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
