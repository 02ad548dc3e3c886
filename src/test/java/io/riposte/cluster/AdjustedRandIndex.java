package io.riposte.cluster;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adjusted Rand index of two partitions of the same items (Hubert and Arabie 1985): 1 for equal
 * partitions whatever the label names, about 0 for independent ones, negative for worse than
 * chance. Used by the tests to compare clusters with planted groups.
 */
public final class AdjustedRandIndex {

  private AdjustedRandIndex() {}

  /** ARI of {@code a} and {@code b}, where item i is in group a.get(i) and cluster b.get(i). */
  public static <A, B> double of(List<A> a, List<B> b) {
    if (a.size() != b.size()) {
      throw new IllegalArgumentException(
          "partitions of different sizes: " + a.size() + " and " + b.size());
    }
    Map<List<Object>, Long> cells = new HashMap<>();
    Map<A, Long> rows = new HashMap<>();
    Map<B, Long> cols = new HashMap<>();
    for (int i = 0; i < a.size(); i++) {
      cells.merge(List.of(a.get(i), b.get(i)), 1L, Long::sum);
      rows.merge(a.get(i), 1L, Long::sum);
      cols.merge(b.get(i), 1L, Long::sum);
    }
    double index = cells.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double sumRows = rows.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double sumCols = cols.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
    double expected = sumRows * sumCols / pairs(a.size());
    double max = (sumRows + sumCols) / 2;
    if (max == expected) {
      // Both partitions trivial (one group, or all singletons): they agree exactly or not at all.
      return index == expected ? 1.0 : 0.0;
    }
    return (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }
}
