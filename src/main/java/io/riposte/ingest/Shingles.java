package io.riposte.ingest;

import java.util.HashSet;
import java.util.Set;

/**
 * Word shingles of a text, for comparing candidate near-duplicates exactly after MinHash LSH has
 * proposed them. Words are maximal runs of letters and digits, lower-cased (as the Spark side's
 * tokenizer splits them); a shingle is {@code n} consecutive words, kept as a 64-bit hash.
 */
public final class Shingles {

  private Shingles() {}

  /** Jaccard distance (1 - |A ∩ B| / |A ∪ B|) of the n-word shingle sets; 1.0 when both empty. */
  public static double jaccardDistance(String a, String b, int n) {
    Set<Long> sa = of(a, n);
    Set<Long> sb = of(b, n);
    if (sa.isEmpty() && sb.isEmpty()) {
      return 1.0;
    }
    int common = 0;
    for (Long h : sa) {
      if (sb.contains(h)) {
        common++;
      }
    }
    return 1.0 - (double) common / (sa.size() + sb.size() - common);
  }

  /** The set of hashed n-word shingles of {@code text}. */
  static Set<Long> of(String text, int n) {
    Set<Long> out = new HashSet<>();
    if (text == null) {
      return out;
    }
    long[] window = new long[n];
    int count = 0;
    int i = 0;
    int len = text.length();
    while (i < len) {
      while (i < len && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      long h = 1125899906842597L;
      int start = i;
      while (i < len && Character.isLetterOrDigit(text.charAt(i))) {
        h = 31 * h + Character.toLowerCase(text.charAt(i));
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
          out.add(s);
        }
      }
    }
    return out;
  }
}
