package io.riposte.spark;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Prints one progress line for long stages: tasks done of total, at most every {@link
 * #INTERVAL_MS}, and a line when an executor is lost. Short stages stay silent.
 */
public final class ProgressListener extends SparkListener {

  static final long INTERVAL_MS = 10_000;

  private final PrintStream out;
  private final Map<Integer, int[]> tasks = new HashMap<>();
  private final Map<Integer, Long> started = new HashMap<>();
  private long lastPrint;
  private volatile String label = "";

  public ProgressListener(PrintStream out) {
    this.out = out;
  }

  /** Names the job stage that is running, for the progress lines. */
  public void label(String label) {
    this.label = label;
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted event) {
    int id = event.stageInfo().stageId();
    tasks.put(id, new int[] {0, event.stageInfo().numTasks()});
    started.put(id, System.currentTimeMillis());
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
    int[] t = tasks.get(event.stageId());
    if (t == null) {
      return;
    }
    t[0]++;
    long now = System.currentTimeMillis();
    long running = now - started.get(event.stageId());
    if (running >= INTERVAL_MS && now - lastPrint >= INTERVAL_MS) {
      lastPrint = now;
      out.printf(
          "  [%s] spark stage %d: %d/%d tasks, %.0f s%n",
          label, event.stageId(), t[0], t[1], running / 1000.0);
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted event) {
    tasks.remove(event.stageInfo().stageId());
    started.remove(event.stageInfo().stageId());
  }

  @Override
  public void onExecutorRemoved(SparkListenerExecutorRemoved event) {
    out.printf(
        "  [%s] executor %s lost: %s (Spark retries its tasks)%n",
        label, event.executorId(), event.reason());
  }
}
