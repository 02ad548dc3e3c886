package io.riposte.ingest;

import java.util.Arrays;

/**
 * Word shingles of a text, for comparing candidate near-duplicates exactly after MinHash LSH has
 * proposed them. Words are maximal runs of letters and digits, lower-cased (as the Spark side's
 * tokenizer splits them); a shingle is {@code n} consecutive words, kept as a 64-bit hash.
 */
public final class Shingles {

  private Shingles() {}

  /** Jaccard distance (1 - |A ∩ B| / |A ∪ B|) of the n-word shingle sets; 1.0 when both empty. */
  public static double jaccardDistance(String a, String b, int n) {
    return jaccardDistance(hashes(a, n), hashes(b, n));
  }

  /**
   * Jaccard distance of two shingle sets given as {@link #hashes}: a text's set is hashed once and
   * compared with many others.
   */
  static double jaccardDistance(ShingleSet sa, ShingleSet sb) {
    if (sa.size() == 0 && sb.size() == 0) {
      return 1.0;
    }
    ShingleSet small = sa.size() <= sb.size() ? sa : sb;
    ShingleSet large = small == sa ? sb : sa;
    int common = 0;
    for (long h : small.values) {
      if (large.contains(h)) {
        common++;
      }
    }
    return 1.0 - (double) common / (sa.size() + sb.size() - common);
  }

  /**
   * {@code jaccardDistance(sa, sb) <= maxDistance}, the same answer, without looking up shingles
   * when the sizes alone exclude it: the distance is at least 1 - min/max of the two sizes. Decided
   * by the sizes only with a margin of one shingle, so rounding never changes the answer.
   */
  static boolean withinDistance(ShingleSet sa, ShingleSet sb, double maxDistance) {
    int small = Math.min(sa.size(), sb.size());
    int large = Math.max(sa.size(), sb.size());
    if (small < large * (1.0 - maxDistance) - 1.0) {
      return false;
    }
    return jaccardDistance(sa, sb) <= maxDistance;
  }

  /**
   * A set of shingle hashes: its values without repeats, and an open-addressing table to look them
   * up (built in linear time: no sort, no boxing).
   */
  static final class ShingleSet {
    private final long[] values;
    private final long[] table;
    private final boolean hasZero;

    private ShingleSet(long[] values, long[] table, boolean hasZero) {
      this.values = values;
      this.table = table;
      this.hasZero = hasZero;
    }

    /** The set of {@code hashes} (repeats allowed). */
    static ShingleSet of(long[] hashes, int count) {
      int capacity = Integer.highestOneBit(Math.max(4, count) * 2 - 1) << 1;
      long[] table = new long[capacity];
      long[] values = new long[count];
      int size = 0;
      boolean hasZero = false;
      for (int k = 0; k < count; k++) {
        long h = hashes[k];
        if (h == 0) {
          if (!hasZero) {
            hasZero = true;
            values[size++] = 0;
          }
          continue;
        }
        int slot = slot(h, capacity);
        while (table[slot] != 0 && table[slot] != h) {
          slot = (slot + 1) & (capacity - 1);
        }
        if (table[slot] == 0) {
          table[slot] = h;
          values[size++] = h;
        }
      }
      return new ShingleSet(Arrays.copyOf(values, size), table, hasZero);
    }

    int size() {
      return values.length;
    }

    /** The values, sorted ascending. */
    long[] sorted() {
      long[] out = values.clone();
      Arrays.sort(out);
      return out;
    }

    boolean contains(long h) {
      if (h == 0) {
        return hasZero;
      }
      int capacity = table.length;
      int slot = slot(h, capacity);
      while (table[slot] != 0) {
        if (table[slot] == h) {
          return true;
        }
        slot = (slot + 1) & (capacity - 1);
      }
      return false;
    }

    private static int slot(long h, int capacity) {
      return (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & (capacity - 1);
    }
  }

  /** The set of hashed n-word shingles of {@code text}. */
  static ShingleSet hashes(String text, int n) {
    if (text == null) {
      return ShingleSet.of(new long[0], 0);
    }
    long[] out = new long[16];
    int size = 0;
    long[] window = new long[n];
    int count = 0;
    int i = 0;
    char[] chars = text.toCharArray();
    int len = chars.length;
    while (i < len) {
      while (i < len && !isLetterOrDigit(chars[i])) {
        i++;
      }
      long h = 1125899906842597L;
      int start = i;
      while (i < len && isLetterOrDigit(chars[i])) {
        char c = chars[i];
        h =
            31 * h
                + (c < 128
                    ? (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)
                    : Character.toLowerCase(c));
        i++;
      }
      if (i > start) {
        window[count % n] = h;
        count++;
        if (count >= n) {
          long s = 17;
          for (int k = count - n; k < count; k++) {
            s = s * 1_000_003L + window[k % n];
          }
          if (size == out.length) {
            out = Arrays.copyOf(out, size * 2);
          }
          out[size++] = s;
        }
      }
    }
    return ShingleSet.of(out, size);
  }

  /** {@link Character#isLetterOrDigit(char)}, without its table lookup for ASCII. */
  private static boolean isLetterOrDigit(char c) {
    if (c < 128) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    }
    return Character.isLetterOrDigit(c);
  }
}
