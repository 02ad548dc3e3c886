package io.riposte.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChooseKTest {

  @Test
  void onAFlatCurveTheSmallestKNearTheTopIsChosen() {
    // The sample's curve of one run: the top (15) moved to 9 or 16 with one changed claim.
    Map<Integer, Double> byK = Map.of(11, 0.41, 12, 0.43, 13, 0.44, 14, 0.435, 15, 0.445, 16, 0.44);
    assertThat(ClusterClaims.chooseK(byK)).isEqualTo(12);
  }

  @Test
  void aClearPeakIsChosen() {
    assertThat(ClusterClaims.chooseK(Map.of(4, 0.2, 5, 0.5, 6, 0.47, 7, 0.3))).isEqualTo(5);
  }

  @Test
  void theToleranceDecidesAndOneKIsItself() {
    assertThat(ClusterClaims.chooseK(Map.of(2, 0.305, 3, 0.32))).isEqualTo(2);
    assertThat(ClusterClaims.chooseK(Map.of(2, 0.29, 3, 0.32))).isEqualTo(3);
    assertThat(ClusterClaims.chooseK(Map.of(7, -0.1))).isEqualTo(7);
  }
}
