package io.riposte.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
