package io.riposte;

import io.riposte.cli.Riposte;
import io.riposte.run.PeakHeap;
import java.net.URL;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of the application jar and of {@code jobs/riposte}. Makes sure Riposte's log4j2
 * configuration is the one in force (Spark NLP's jar otherwise hides Spark's output, and under
 * spark-submit the app jar is not on the classpath when log4j starts, so Spark's INFO default would
 * flood the console), runs the command line, stops the Spark session (event logs and cluster
 * managers see a clean end) and exits with the command's code. With {@code
 * -Driposte.report-peak-heap=true} it prints the peak heap used at exit ({@link PeakHeap}).
 */
public final class Main {

  static final String LOG_CONFIG = "riposte-log4j2.properties";

  private Main() {}

  public static void main(String[] args) {
    PeakHeap.reportAtExitIfAsked();
    if (System.getProperty("log4j2.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", LOG_CONFIG);
    }
    useRiposteLogging();
    int code = Riposte.execute(args);
    SparkSession.getDefaultSession()
        .foreach(
            session -> {
              session.stop();
              return null;
            });
    System.exit(code);
  }

  /** Reconfigures log4j from the jar's configuration unless it is already the one in force. */
  private static void useRiposteLogging() {
    try {
      LoggerContext context = (LoggerContext) LogManager.getContext(false);
      URL config = Main.class.getClassLoader().getResource(LOG_CONFIG);
      if (config != null && !"riposte".equals(context.getConfiguration().getName())) {
        context.setConfigLocation(config.toURI());
      }
    } catch (Exception | LinkageError e) {
      System.err.println("riposte: cannot apply " + LOG_CONFIG + " (" + e + "); logging as is");
    }
  }
}
