package io.riposte.cli;

import io.riposte.io.OutputRoot;
import io.riposte.io.SqlCatalog;
import io.riposte.run.RunRecord;
import io.riposte.spark.ProgressListener;
import io.riposte.spark.Sessions;
import java.io.PrintStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.SparkSession;

/**
 * Runs job stages in one Spark session: builds (or reuses) the session, times each stage into the
 * run record, prints progress and a summary. The run holds the output's lock, writes every table
 * under its staging folder and commits them all at the end ({@link OutputRoot}); {@code _run.json}
 * says {@code running} from the start, then {@code ok} or {@code failed} with the error. The
 * session is stopped by {@link io.riposte.Main} when the process ends, not here: Spark NLP keeps a
 * static handle on the first session of a JVM, so several runs in one JVM (tests, notebooks) must
 * share it.
 *
 * <p>After the commit, the output folder's SQL catalog files ({@link SqlCatalog}) are rewritten to
 * list every table now in the folder.
 */
final class JobRunner {

  /** One named stage of a command. */
  interface Stage {
    /** Runs the stage; returns its summary line. */
    String run(SparkSession spark, RunRecord record);
  }

  /** A stage and its name. */
  record Named(String name, Stage stage) {}

  private JobRunner() {}

  static int execute(
      String command, List<String> args, CommonOptions common, String output, List<Named> stages) {
    if (common.verbose) {
      Configurator.setRootLevel(Level.INFO);
    }
    PrintStream out = System.out;
    SparkSession spark = Sessions.create("riposte " + command, common.master, common.conf);
    ProgressListener progress = new ProgressListener(common.quiet ? nullStream() : System.err);
    spark.sparkContext().addSparkListener(progress);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    OutputRoot root = new OutputRoot(output, conf);
    String runId = OutputRoot.newRunId();
    try (OutputRoot.Lock lock = root.lock(runId)) {
      String recovered = root.recover(runId);
      if (recovered != null) {
        System.err.println("riposte: recovered " + root.root() + ": " + recovered);
      }
      RunRecord record =
          RunRecord.start(output, runId, command, args, spark.sparkContext().master(), conf);
      if (recovered != null) {
        record.json().put("recovered", recovered);
      }
      root.prepareStaging(runId);
      Path recordPath = new Path(root.root(), RunRecord.FILE_NAME);
      root.writeAtomically(recordPath, record.bytes(), "run-record-start");
      long all = System.nanoTime();
      try {
        for (Named s : stages) {
          progress.label(s.name());
          long t = System.nanoTime();
          String summary = s.stage().run(spark, record);
          double seconds = (System.nanoTime() - t) / 1e9;
          record.stageSeconds(s.name(), seconds);
          out.printf("%-9s %6.1f s  %s%n", s.name(), seconds, summary);
        }
      } catch (Throwable e) {
        // Scala code throws checked exceptions (AnalysisException) unchecked: catch everything.
        root.discard(runId);
        record.finish(RunRecord.FAILED, e.toString());
        root.writeAtomically(recordPath, record.bytes());
        throw e;
      }
      record.stageSeconds("total", (System.nanoTime() - all) / 1e9);
      record.finish(RunRecord.OK, null);
      root.commit(runId, record.bytes());
      // After the commit: the catalog lists the tables now in the folder, the staged ones included.
      SqlCatalog.write(output, spark.sparkContext().hadoopConfiguration());
      out.printf("wrote %s (run record: %s/%s)%n", output, output, RunRecord.FILE_NAME);
      return 0;
    } finally {
      spark.sparkContext().removeSparkListener(progress);
      progress.close();
    }
  }

  private static PrintStream nullStream() {
    return new PrintStream(java.io.OutputStream.nullOutputStream());
  }
}
