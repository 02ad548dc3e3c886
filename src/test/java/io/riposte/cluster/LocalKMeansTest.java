package io.riposte.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LocalKMeansTest {

  static final int DIMS = 6;

  /** Points around {@code centres} (dense, DIMS wide), {@code n} each, sparse where zero. */
  static List<LocalKMeans.Point> blobs(double[][] centres, int n, double spread, long seed) {
    Random random = new Random(seed);
    List<LocalKMeans.Point> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (double[] c : centres) {
        List<Integer> idx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (int d = 0; d < DIMS; d++) {
          double v = c[d] == 0 ? 0 : c[d] + spread * random.nextGaussian();
          if (v != 0) {
            idx.add(d);
            val.add(v);
          }
        }
        out.add(
            LocalKMeans.Point.of(
                idx.stream().mapToInt(Integer::intValue).toArray(),
                val.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
    return out;
  }

  static final double[][] THREE = {
    {5, 0, 0, 1, 0, 0}, {0, 5, 0, 0, 1, 0}, {0, 0, 5, 0, 0, 1},
  };

  static double sqdist(LocalKMeans.Point a, LocalKMeans.Point b) {
    double[] x = new double[DIMS];
    for (int j = 0; j < a.indices().length; j++) {
      x[a.indices()[j]] += a.values()[j];
    }
    for (int j = 0; j < b.indices().length; j++) {
      x[b.indices()[j]] -= b.values()[j];
    }
    double s = 0;
    for (double v : x) {
      s += v * v;
    }
    return s;
  }

  /** The textbook silhouette over all pairs, squared Euclidean dissimilarity. */
  static double bruteSilhouette(List<LocalKMeans.Point> points, int k, int[] assignment) {
    double total = 0;
    for (int i = 0; i < points.size(); i++) {
      double[] sum = new double[k];
      int[] count = new int[k];
      for (int j = 0; j < points.size(); j++) {
        if (j != i) {
          sum[assignment[j]] += sqdist(points.get(i), points.get(j));
          count[assignment[j]]++;
        }
      }
      int own = assignment[i];
      if (count[own] == 0) {
        continue;
      }
      double a = sum[own] / count[own];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && count[c] > 0) {
          b = Math.min(b, sum[c] / count[c]);
        }
      }
      total += (b - a) / Math.max(a, b);
    }
    return total / points.size();
  }

  @Test
  void separatedBlobsAreFound() {
    List<LocalKMeans.Point> points = blobs(THREE, 20, 0.3, 1);
    LocalKMeans.Fit fit = LocalKMeans.fit(points, DIMS, 3, 42L, 20);
    assertThat(fit.k()).isEqualTo(3);
    // blobs() interleaves the centres: point i belongs to blob i % 3.
    for (int i = 3; i < points.size(); i++) {
      assertThat(fit.assignment()[i]).as("point %d", i).isEqualTo(fit.assignment()[i % 3]);
    }
    assertThat(fit.assignment()[0]).isNotIn(fit.assignment()[1], fit.assignment()[2]);
    assertThat(fit.assignment()[1]).isNotEqualTo(fit.assignment()[2]);
  }

  @Test
  void silhouetteEqualsThePairwiseDefinition() {
    List<LocalKMeans.Point> points = blobs(THREE, 7, 2.0, 3);
    for (int k = 2; k <= 4; k++) {
      LocalKMeans.Fit fit = LocalKMeans.fit(points, DIMS, k, 42L, 20);
      assertThat(LocalKMeans.silhouette(points, DIMS, fit.k(), fit.assignment()))
          .as("k=%d", k)
          .isCloseTo(bruteSilhouette(points, fit.k(), fit.assignment()), within(1e-9));
    }
  }

  @Test
  void theRightKScoresHighest() {
    List<LocalKMeans.Point> points = blobs(THREE, 15, 0.3, 5);
    double best = Double.NEGATIVE_INFINITY;
    int bestK = 0;
    for (int k = 2; k <= 6; k++) {
      LocalKMeans.Fit fit = LocalKMeans.fit(points, DIMS, k, 42L, 20);
      double s = LocalKMeans.silhouette(points, DIMS, k, fit.assignment());
      if (s > best) {
        best = s;
        bestK = k;
      }
    }
    assertThat(bestK).isEqualTo(3);
    assertThat(best).isGreaterThan(0.8);
  }

  @Test
  void sameSeedSameCentresAndFewerDistinctPointsFewerCentres() {
    List<LocalKMeans.Point> points = blobs(THREE, 10, 0.5, 9);
    assertThat(LocalKMeans.fit(points, DIMS, 4, 7L, 20).centres())
        .isDeepEqualTo(LocalKMeans.fit(points, DIMS, 4, 7L, 20).centres());
    List<LocalKMeans.Point> two = blobs(THREE, 5, 0.0, 1).subList(0, 10);
    // Spread 0: the points hold 3 distinct values, so 5 centres cannot be filled.
    assertThat(LocalKMeans.fit(two, DIMS, 5, 7L, 20).k()).isEqualTo(3);
    LocalKMeans.Fit one = LocalKMeans.fit(two.subList(0, 1), DIMS, 1, 7L, 20);
    assertThat(LocalKMeans.silhouette(two.subList(0, 1), DIMS, 1, one.assignment())).isNaN();
  }
}
