package io.riposte.run;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Reports, when the JVM exits, the most heap it used at once, as the JVM measured it. Heap use only
 * grows between collections, so its peak is the heap used just before some collection (or at exit):
 * a listener on the collectors' notifications sums the heap pools' usage before each collection and
 * keeps the largest sum. The line also gives the largest heap left after a collection (what the JVM
 * kept alive) and, per heap pool, its own peak ({@link MemoryPoolMXBean#getPeakUsage()}; the pools
 * peak at different moments, so these do not add up to the peak).
 *
 * <p>Off unless the JVM runs with {@code -Driposte.report-peak-heap=true} (through {@code
 * RIPOSTE_JAVA_OPTS} for {@code jobs/riposte}); the line goes to standard error at exit: {@code
 * riposte: peak heap used 1234.5 MiB (...)}. {@code jobs/bench.sh} reads it.
 */
public final class PeakHeap {

  /** The system property that turns the report on. */
  public static final String PROPERTY = "riposte.report-peak-heap";

  private PeakHeap() {}

  /** Starts measuring and adds the exit report when {@link #PROPERTY} is {@code true}. */
  public static void reportAtExitIfAsked() {
    if (!Boolean.getBoolean(PROPERTY)) {
      return;
    }
    Set<String> heapPools = new HashSet<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heapPools.add(pool.getName());
      }
    }
    AtomicLong beforeGc = new AtomicLong();
    AtomicLong afterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (!notification
                    .getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                var info =
                    GarbageCollectionNotificationInfo.from(
                            (CompositeData) notification.getUserData())
                        .getGcInfo();
                beforeGc.accumulateAndGet(sum(info.getMemoryUsageBeforeGc(), heapPools), Math::max);
                afterGc.accumulateAndGet(sum(info.getMemoryUsageAfterGc(), heapPools), Math::max);
              },
              null,
              null);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> System.err.println(report(beforeGc, afterGc)), "riposte-peak-heap"));
  }

  private static long sum(Map<String, MemoryUsage> usage, Set<String> heapPools) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> e : usage.entrySet()) {
      if (heapPools.contains(e.getKey())) {
        used += e.getValue().getUsed();
      }
    }
    return used;
  }

  private static String report(AtomicLong beforeGc, AtomicLong afterGc) {
    long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    StringBuilder pools = new StringBuilder();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        pools.append(pools.length() == 0 ? "" : ", ").append(pool.getName()).append(' ');
        pools.append(mib(pool.getPeakUsage().getUsed()));
      }
    }
    return String.format(
        Locale.ROOT,
        "riposte: peak heap used %s MiB (largest before a GC or at exit; largest after a GC %s"
            + " MiB; peaks per pool: %s; max heap %s MiB)",
        mib(Math.max(beforeGc.get(), now)),
        mib(afterGc.get()),
        pools,
        mib(Runtime.getRuntime().maxMemory()));
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }
}
