package io.riposte.spark;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress lines for long stages: every {@link #INTERVAL_SECONDS} seconds, each Spark stage that
 * has run that long prints its tasks done of total; an executor loss prints a line at once. Short
 * stages stay silent. {@link #close} stops the printing thread.
 */
public final class ProgressListener extends SparkListener implements AutoCloseable {

  static final long INTERVAL_SECONDS = 15;

  private final PrintStream out;
  private final Map<Integer, long[]> stages = new TreeMap<>();
  private final ScheduledExecutorService timer;
  private volatile String label = "";

  public ProgressListener(PrintStream out) {
    this.out = out;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "riposte-progress");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleAtFixedRate(this::print, INTERVAL_SECONDS, INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  /** Names the job stage that is running, for the progress lines. */
  public void label(String label) {
    this.label = label;
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted event) {
    stages.put(
        event.stageInfo().stageId(),
        new long[] {0, event.stageInfo().numTasks(), System.currentTimeMillis()});
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
    long[] s = stages.get(event.stageId());
    if (s != null && event.taskInfo().successful()) {
      s[0]++;
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
    stages.remove(event.stageInfo().stageId());
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
    out.printf(
        "  [%s] executor %s lost: %s (Spark retries its tasks)%n",
        label, event.executorId(), event.reason());
  }

  private synchronized void print() {
    long now = System.currentTimeMillis();
    stages.forEach(
        (id, s) -> {
          long running = now - s[2];
          if (running >= INTERVAL_SECONDS * 1000) {
            out.printf(
                "  [%s] spark stage %d: %d/%d tasks done, %.0f s%n",
                label, id, s[0], s[1], running / 1000.0);
          }
        });
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
