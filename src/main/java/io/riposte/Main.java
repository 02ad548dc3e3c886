package io.riposte;

import io.riposte.cli.Riposte;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the application jar and of {@code jobs/riposte}. Points log4j2 at Riposte's
 * configuration before anything logs (Spark NLP's jar otherwise hides Spark's output), then runs
 * the command line, stops the Spark session (event logs and cluster managers see a clean end) and
 * exits with the command's code.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "riposte-log4j2.properties");
    }
    int code = Riposte.execute(args);
    SparkSession.getDefaultSession()
        .foreach(
            session -> {
              session.stop();
              return null;
            });
    System.exit(code);
  }
}
