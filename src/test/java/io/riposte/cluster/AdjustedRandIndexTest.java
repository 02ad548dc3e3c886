package io.riposte.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustedRandIndexTest {

  @Test
  void equalPartitionsUnderOtherNamesScoreOne() {
    assertThat(AdjustedRandIndex.of(List.of("a", "a", "b", "b", "c"), List.of(7, 7, 3, 3, 0)))
        .isEqualTo(1.0);
  }

  @Test
  void knownValues() {
    // Values as computed by scikit-learn's adjusted_rand_score.
    assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(0, 0, 1, 2)))
        .isCloseTo(0.5714285714285715, within(1e-12));
    assertThat(AdjustedRandIndex.of(List.of(0, 0, 1, 1), List.of(0, 1, 0, 1)))
        .isCloseTo(-0.5, within(1e-12));
    assertThat(AdjustedRandIndex.of(List.of(0, 0, 0, 0), List.of(0, 1, 2, 3))).isEqualTo(0.0);
  }

  @Test
  void partitionsOfDifferentSizesAreRefused() {
    assertThatThrownBy(() -> AdjustedRandIndex.of(List.of(1, 2), List.of(1)))
        .hasMessageContaining("different sizes: 2 and 1");
  }
}
