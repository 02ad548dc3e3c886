package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShinglesTest {

  @Test
  void identicalTextsUpToCaseAndPunctuationHaveDistanceZero() {
    assertThat(
            Shingles.jaccardDistance(
                "One two three four five six.", "one, TWO three four five six", 5))
        .isEqualTo(0.0);
  }

  @Test
  void distanceCountsSharedShingles() {
    // 6 words give 2 shingles each; one shared of three distinct: distance 2/3.
    assertThat(Shingles.jaccardDistance("a b c d e f", "a b c d e g", 5))
        .isCloseTo(2.0 / 3, within(1e-9));
    assertThat(Shingles.jaccardDistance("a b c d e", "v w x y z", 5)).isEqualTo(1.0);
  }

  @Test
  void textsShorterThanOneShingleAreNeverDuplicates() {
    assertThat(Shingles.jaccardDistance("a b", "a b", 5)).isEqualTo(1.0);
    assertThat(Shingles.jaccardDistance(null, "", 5)).isEqualTo(1.0);
  }

  /** The size shortcut never changes the answer of the merge, at or near the threshold either. */
  @Test
  void withinDistanceAnswersAsTheDistanceDoes() {
    Random random = new Random(5);
    double[] thresholds = {0.0, 0.1, 0.3, 0.5, 0.9, 1.0};
    for (int trial = 0; trial < 20_000; trial++) {
      long[] a = randomSet(random, random.nextInt(40));
      long[] b = random.nextBoolean() ? randomSet(random, random.nextInt(40)) : subset(random, a);
      Shingles.ShingleSet sa = set(a);
      Shingles.ShingleSet sb = set(b);
      for (double t : thresholds) {
        assertThat(Shingles.withinDistance(sa, sb, t))
            .as("sizes %d and %d, threshold %s", a.length, b.length, t)
            .isEqualTo(Shingles.jaccardDistance(sa, sb) <= t)
            .isEqualTo(mergeDistance(a, b) <= t);
      }
    }
    // A subset of 7 of 10 is at distance 0.3, which rounds to just over 0.3.
    Shingles.ShingleSet ten = set(new long[] {0, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    Shingles.ShingleSet seven = set(new long[] {0, 2, 3, 4, 5, 6, 7});
    assertThat(Shingles.withinDistance(seven, ten, 0.3))
        .isEqualTo(Shingles.jaccardDistance(seven, ten) <= 0.3);
    assertThat(Shingles.withinDistance(seven, ten, 0.31)).isTrue();
  }

  @Test
  void hashesAreSortedWithoutRepeats() {
    Shingles.ShingleSet h = Shingles.hashes("a b c d e a b c d e a b c d e f", 5);
    assertThat(h.size()).isEqualTo(6);
    assertThat(h.sorted()).hasSize(6).doesNotHaveDuplicates();
  }

  /**
   * The hashes are those of the first version (a HashSet of the shingles, Character's letter test
   * and lower case on every char), on texts of ASCII, accented, Greek, CJK and supplementary
   * characters.
   */
  @Test
  void hashesAreThoseOfCharacterLetterOrDigitWords() {
    String alphabet = "aZ9 ,.-'\u00e9\u00c9\u00df\u03a3\u03c3\u4e2d\u0130\u00b2\u2167\t\n";
    Random random = new Random(17);
    for (int trial = 0; trial < 2_000; trial++) {
      StringBuilder text = new StringBuilder();
      int n = random.nextInt(300);
      for (int k = 0; k < n; k++) {
        if (random.nextInt(30) == 0) {
          text.appendCodePoint(0x1D400 + random.nextInt(50));
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      String t = text.toString();
      assertThat(Shingles.hashes(t, 5).sorted())
          .as("hashes of %s", t)
          .containsExactly(firstVersion(t, 5).stream().sorted().mapToLong(x -> x).toArray());
    }
  }

  /** Shingles.of as first written, the reference. */
  private static Set<Long> firstVersion(String text, int n) {
    Set<Long> out = new HashSet<>();
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

  private static Shingles.ShingleSet set(long[] values) {
    return Shingles.ShingleSet.of(values, values.length);
  }

  /** The distance by a merge of sorted values, as first written. */
  private static double mergeDistance(long[] sa, long[] sb) {
    if (sa.length == 0 && sb.length == 0) {
      return 1.0;
    }
    int common = 0;
    int i = 0;
    int j = 0;
    while (i < sa.length && j < sb.length) {
      if (sa[i] < sb[j]) {
        i++;
      } else if (sa[i] > sb[j]) {
        j++;
      } else {
        common++;
        i++;
        j++;
      }
    }
    return 1.0 - (double) common / (sa.length + sb.length - common);
  }

  /** Values drawn from a small range (0 included), so that random sets overlap. */
  private static long[] randomSet(Random random, int size) {
    return random.longs(size, 0, 60).sorted().distinct().toArray();
  }

  private static long[] subset(Random random, long[] set) {
    return Arrays.stream(set).filter(x -> random.nextInt(5) > 0).toArray();
  }
}
