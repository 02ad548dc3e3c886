package io.riposte.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Token-level F1 between an extracted text and a reference text, as used by the HTML extraction
 * benchmark.
 *
 * <p>Both texts are lower-cased (root locale); a token is a maximal run of Unicode letters or
 * digits, scanned by code point. Precision and recall are computed over token multisets (the
 * intersection counts each token min(count in prediction, count in reference) times). Two empty
 * texts score 1.0; exactly one empty text scores 0.0.
 */
public final class TokenF1 {

  private TokenF1() {}

  /** Returns the token F1 of {@code predicted} against {@code gold}; null counts as empty. */
  public static double f1(String predicted, String gold) {
    Map<String, Integer> pred = counts(predicted);
    Map<String, Integer> ref = counts(gold);
    int predTotal = total(pred);
    int goldTotal = total(ref);
    if (predTotal == 0 && goldTotal == 0) {
      return 1.0;
    }
    if (predTotal == 0 || goldTotal == 0) {
      return 0.0;
    }
    long common = 0;
    for (Map.Entry<String, Integer> e : pred.entrySet()) {
      Integer g = ref.get(e.getKey());
      if (g != null) {
        common += Math.min(e.getValue(), g);
      }
    }
    if (common == 0) {
      return 0.0;
    }
    double precision = (double) common / predTotal;
    double recall = (double) common / goldTotal;
    return 2 * precision * recall / (precision + recall);
  }

  /** Returns the number of tokens in {@code text} under the same tokenisation as {@link #f1}. */
  public static int tokenCount(String text) {
    return total(counts(text));
  }

  /** Letters ({@code \p{L}}) or numbers of any kind ({@code \p{N}}: Nd, Nl, No). */
  private static boolean isWordCodePoint(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  private static int total(Map<String, Integer> counts) {
    int n = 0;
    for (int c : counts.values()) {
      n += c;
    }
    return n;
  }

  private static Map<String, Integer> counts(String text) {
    Map<String, Integer> counts = new HashMap<>();
    if (text == null || text.isEmpty()) {
      return counts;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    int i = 0;
    int n = lower.length();
    while (i < n) {
      int cp = lower.codePointAt(i);
      boolean word = isWordCodePoint(cp);
      if (word && start < 0) {
        start = i;
      } else if (!word && start >= 0) {
        counts.merge(lower.substring(start, i), 1, Integer::sum);
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      counts.merge(lower.substring(start), 1, Integer::sum);
    }
    return counts;
  }
}
