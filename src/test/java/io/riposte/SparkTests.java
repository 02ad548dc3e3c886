package io.riposte;

import io.riposte.spark.Sessions;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The shared test session ({@code local[2]}, small) and paths of the repository's test data. */
public final class SparkTests {

  private SparkTests() {}

  /** The session of the test JVM; Spark keeps one active session per JVM. */
  public static synchronized SparkSession session() {
    return Sessions.create(
        "riposte-test",
        "local[2]",
        Map.of(
            "spark.sql.shuffle.partitions", "2",
            "spark.default.parallelism", "2",
            "spark.ui.enabled", "false",
            "spark.sql.adaptive.enabled", "false"));
  }

  /** The repository root (surefire sets riposte.repo; else the working directory). */
  public static Path repo() {
    return Path.of(System.getProperty("riposte.repo", ".")).toAbsolutePath().normalize();
  }

  /** The shared data folder beside the repository ({@code ../shared}). */
  public static Path shared() {
    return repo().resolveSibling("shared");
  }
}
