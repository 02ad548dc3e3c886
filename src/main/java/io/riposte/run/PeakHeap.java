package io.riposte.run;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Reports, when the JVM exits, the most heap it used, as the JVM measured it: for each heap memory
 * pool (eden, survivor, old generation) the peak of its {@code used} bytes ({@link
 * MemoryPoolMXBean#getPeakUsage()}), and their sum. The pools peak at different moments, so the sum
 * is an upper bound of the peak of the whole heap, never below it.
 *
 * <p>Off unless the JVM runs with {@code -Driposte.report-peak-heap=true} (through {@code
 * RIPOSTE_JAVA_OPTS} for {@code jobs/riposte}); the line goes to standard error, after everything
 * else the process printed: {@code riposte: peak heap used 1234.5 MiB (G1 Eden Space 600.0, ...)}.
 * {@code jobs/bench.sh} reads it.
 */
public final class PeakHeap {

  /** The system property that turns the report on. */
  public static final String PROPERTY = "riposte.report-peak-heap";

  private PeakHeap() {}

  /** Adds the exit report when {@link #PROPERTY} is {@code true}; does nothing otherwise. */
  public static void reportAtExitIfAsked() {
    if (Boolean.getBoolean(PROPERTY)) {
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> System.err.println(report()), "riposte-peak-heap"));
    }
  }

  /** The report line for the heap pools of this JVM so far. */
  static String report() {
    long total = 0;
    StringBuilder pools = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() != MemoryType.HEAP || pool.getPeakUsage() == null) {
        continue;
      }
      long used = pool.getPeakUsage().getUsed();
      total += used;
      pools.append(pools.length() == 0 ? "" : ", ").append(pool.getName()).append(' ');
      pools.append(mib(used));
    }
    long max = Runtime.getRuntime().maxMemory();
    return String.format(
        Locale.ROOT,
        "riposte: peak heap used %s MiB (sum of the heap pools' peaks: %s; max heap %s MiB)",
        mib(total),
        pools,
        mib(max));
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }
}
