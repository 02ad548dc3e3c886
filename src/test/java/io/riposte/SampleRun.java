package io.riposte;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.cli.Riposte;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One fresh {@code riposte run} of the bundled sample per test JVM, into {@code target/sample-run},
 * shared by the integration tests that only read its output (failsafe runs them in one JVM, so the
 * pipeline runs once for all of them).
 */
public final class SampleRun {

  private static Path output;
  private static boolean clustersWritten;

  private SampleRun() {}

  /** The output root of the run, running it on first use. */
  public static synchronized Path output() {
    if (output == null) {
      Path out = SparkTests.repo().resolve("target/sample-run");
      deleteRecursively(out);
      int code =
          Riposte.execute(
              "run",
              "--input",
              SparkTests.repo().resolve("data/sample").toString(),
              "--output",
              out.toString(),
              "--master",
              "local[2]",
              "--conf",
              "spark.sql.shuffle.partitions=2",
              "--quiet");
      assertThat(code).as("exit code of run on the sample").isZero();
      clustersWritten = Files.isDirectory(out.resolve("clusters"));
      output = out;
    }
    return output;
  }

  /** True when {@code run} itself wrote a clusters table (not a test's stand-in). */
  public static synchronized boolean clustersWrittenByRun() {
    output();
    return clustersWritten;
  }

  /** Deletes a folder and everything in it; nothing when it does not exist. */
  public static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
