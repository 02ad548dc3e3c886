package io.riposte.ingest;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Random;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;

/**
 * The MinHash LSH values of a text, one per hash table: what Spark MLlib's {@code RegexTokenizer}
 * (pattern {@code [^\p{L}\p{N}]+}, lower-cased), {@code NGram} (5 words joined by a space), {@code
 * HashingTF} (2^22 features) and {@code MinHashLSH} (same seed and tables) give, value for value,
 * computed in one pass over the text instead of four Spark transformers that build every shingle's
 * string, a Scala collection and a 4-million-wide sparse vector per row.
 *
 * <p>Kept equal to MLlib (checked against it by {@code MarkDuplicatesSparkTest}): words are the
 * maximal runs of code points of general category L or N; a shingle's feature index is HashingTF's,
 * the non-negative remainder of Murmur3 (x86, 32 bits, seed 42) of its UTF-8 bytes by 2^22; the
 * value of table t is the least ((1 + index) * a_t + b_t) mod {@link #HASH_PRIME} over the
 * shingles, where (a_t, b_t) are drawn as MinHashLSH draws them, from {@code
 * java.util.Random(seed)}. Same values, so the same buckets as before.
 */
final class MinHashes implements Serializable {

  private static final long serialVersionUID = 1L;

  /** MLlib's {@code MinHashLSH.HASH_PRIME}. */
  static final int HASH_PRIME = 2038074743;

  /** HashingTF's numFeatures as MarkDuplicates set it. */
  static final int NUM_FEATURES = 1 << 22;

  /** HashingTF's Murmur3 seed (MLlib's {@code HashingTF.seed}). */
  private static final int MURMUR_SEED = 42;

  private static final int WORD_CATEGORIES =
      (1 << Character.UPPERCASE_LETTER)
          | (1 << Character.LOWERCASE_LETTER)
          | (1 << Character.TITLECASE_LETTER)
          | (1 << Character.MODIFIER_LETTER)
          | (1 << Character.OTHER_LETTER)
          | (1 << Character.DECIMAL_DIGIT_NUMBER)
          | (1 << Character.LETTER_NUMBER)
          | (1 << Character.OTHER_NUMBER);

  private final int shingleWords;
  private final long[] a;
  private final long[] b;

  MinHashes(int shingleWords, int tables, long seed) {
    this.shingleWords = shingleWords;
    this.a = new long[tables];
    this.b = new long[tables];
    // scala.util.Random(seed) wraps java.util.Random(seed); MinHashLSH draws a, then b, per table.
    Random random = new Random(seed);
    for (int t = 0; t < tables; t++) {
      a[t] = 1 + random.nextInt(HASH_PRIME - 1);
      b[t] = random.nextInt(HASH_PRIME - 1);
    }
  }

  /**
   * One value per hash table, or null when the text has fewer than {@code shingleWords} words (no
   * shingle: MLlib's pipeline gives no row).
   */
  double[] of(String text) {
    // RegexTokenizer lower-cases with the default locale, as String.toLowerCase() does.
    String lower = text.toLowerCase();
    // The words, UTF-8 encoded and joined by one space: a shingle is then one slice of it.
    byte[] joined = new byte[lower.length() * 3 + 1];
    int[] wordStart = new int[16];
    int[] wordEnd = new int[16];
    int words = 0;
    int len = 0;
    int i = 0;
    while (i < lower.length()) {
      int cp = lower.codePointAt(i);
      i += Character.charCount(cp);
      if (!isWordChar(cp)) {
        continue;
      }
      if (words == wordStart.length) {
        wordStart = Arrays.copyOf(wordStart, words * 2);
        wordEnd = Arrays.copyOf(wordEnd, words * 2);
      }
      if (words > 0) {
        joined[len++] = ' ';
      }
      wordStart[words] = len;
      len = putUtf8(joined, len, cp);
      while (i < lower.length()) {
        cp = lower.codePointAt(i);
        if (!isWordChar(cp)) {
          break;
        }
        i += Character.charCount(cp);
        len = putUtf8(joined, len, cp);
      }
      wordEnd[words++] = len;
    }
    if (words < shingleWords) {
      return null;
    }
    long[] min = new long[a.length];
    Arrays.fill(min, Long.MAX_VALUE);
    for (int w = 0; w + shingleWords <= words; w++) {
      int start = wordStart[w];
      int hash =
          Murmur3_x86_32.hashUnsafeBytes2(
              joined,
              Platform.BYTE_ARRAY_OFFSET + start,
              wordEnd[w + shingleWords - 1] - start,
              MURMUR_SEED);
      int raw = hash % NUM_FEATURES;
      long index = raw < 0 ? raw + NUM_FEATURES : raw;
      for (int t = 0; t < a.length; t++) {
        long h = ((1L + index) * a[t] + b[t]) % HASH_PRIME;
        if (h < min[t]) {
          min[t] = h;
        }
      }
    }
    double[] out = new double[a.length];
    for (int t = 0; t < a.length; t++) {
      out[t] = min[t];
    }
    return out;
  }

  /** In {@code \p{L}} or {@code \p{N}}. */
  private static boolean isWordChar(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
    }
    return ((1 << Character.getType(cp)) & WORD_CATEGORIES) != 0;
  }

  /**
   * Writes the UTF-8 bytes of code point {@code cp} (never a lone surrogate: those are not word
   * characters) at {@code at}; returns the position after them.
   */
  private static int putUtf8(byte[] out, int at, int cp) {
    if (cp < 0x80) {
      out[at++] = (byte) cp;
    } else if (cp < 0x800) {
      out[at++] = (byte) (0xC0 | (cp >> 6));
      out[at++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out[at++] = (byte) (0xE0 | (cp >> 12));
      out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      out[at++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      out[at++] = (byte) (0xF0 | (cp >> 18));
      out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      out[at++] = (byte) (0x80 | (cp & 0x3F));
    }
    return at;
  }
}
