package io.riposte.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * k-means and its silhouette over sparse points held in memory: plain Java, no Spark types, so that
 * choosing k costs no Spark job per k.
 *
 * <p>Initialisation is k-means++ with a seeded generator (the first centre a random point, each
 * next one drawn with probability proportional to its squared distance to the nearest centre so
 * far), then Lloyd iterations until no point changes cluster or {@code maxIter}. A point equally
 * near two centres goes to the first. The same points in the same order, k and seed give the same
 * centres.
 *
 * <p>The silhouette uses squared Euclidean distance as the dissimilarity (as Spark's {@code
 * ClusteringEvaluator} with {@code squaredEuclidean}): the mean squared distance from a point
 * {@code x} to the {@code n} points {@code y} of a cluster is {@code |x|² + Σ|y|²/n - 2 x·Σy/n}, so
 * it costs {@code O(points × k × non-zeros)}, with no pairwise matrix. A point alone in its cluster
 * scores 0.
 */
final class LocalKMeans {

  /** A sparse point: sorted indices and their values. */
  record Point(int[] indices, double[] values, double squaredNorm) {
    static Point of(int[] indices, double[] values) {
      double s = 0;
      for (double v : values) {
        s += v * v;
      }
      return new Point(indices, values, s);
    }

    double dot(double[] dense) {
      double s = 0;
      for (int j = 0; j < indices.length; j++) {
        s += values[j] * dense[indices[j]];
      }
      return s;
    }
  }

  /**
   * One fit.
   *
   * @param centres dense centres, as many as k unless the points have fewer distinct values
   * @param assignment index of the nearest centre of each point
   */
  record Fit(double[][] centres, int[] assignment) {
    int k() {
      return centres.length;
    }
  }

  private LocalKMeans() {}

  /** Seedings tried per k; the fit of the lowest cost is kept (as k-means is run in practice). */
  static final int RESTARTS = 5;

  /**
   * k-means of {@code points} (of dimension {@code dims}) into {@code k} clusters, the best of
   * {@link #RESTARTS} seedings by the sum of squared distances to the centres (ties to the first);
   * fewer centres when the points hold fewer than {@code k} distinct values.
   */
  static Fit fit(List<Point> points, int dims, int k, long seed, int maxIter) {
    SplittableRandom seeds = new SplittableRandom(seed);
    Fit best = null;
    double bestCost = Double.POSITIVE_INFINITY;
    for (int r = 0; r < RESTARTS; r++) {
      Fit fit = fitOnce(points, dims, k, seeds.nextLong(), maxIter);
      double cost = cost(points, fit);
      if (best == null || fit.k() > best.k() || (fit.k() == best.k() && cost < bestCost)) {
        best = fit;
        bestCost = cost;
      }
    }
    return best;
  }

  /** Sum of squared distances from each point to its centre. */
  static double cost(List<Point> points, Fit fit) {
    double[] norms = squaredNorms(fit.centres());
    double total = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      int c = fit.assignment()[i];
      total += Math.max(0, p.squaredNorm() + norms[c] - 2 * p.dot(fit.centres()[c]));
    }
    return total;
  }

  private static Fit fitOnce(List<Point> points, int dims, int k, long seed, int maxIter) {
    double[][] centres = initialCentres(points, dims, k, seed);
    int[] assignment = new int[points.size()];
    Arrays.fill(assignment, -1);
    for (int iter = 0; iter < maxIter; iter++) {
      boolean changed = assign(points, centres, assignment);
      if (!changed) {
        break;
      }
      centres = means(points, dims, centres, assignment);
    }
    assign(points, centres, assignment);
    return new Fit(centres, assignment);
  }

  /** Mean silhouette of an assignment into {@code k} clusters; NaN with fewer than 2 clusters. */
  static double silhouette(List<Point> points, int dims, int k, int[] assignment) {
    double[][] sums = new double[k][dims];
    double[] squaredNorms = new double[k];
    long[] counts = new long[k];
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      int c = assignment[i];
      counts[c]++;
      squaredNorms[c] += p.squaredNorm();
      for (int j = 0; j < p.indices().length; j++) {
        sums[c][p.indices()[j]] += p.values()[j];
      }
    }
    int nonEmpty = 0;
    for (long n : counts) {
      nonEmpty += n > 0 ? 1 : 0;
    }
    if (nonEmpty < 2) {
      return Double.NaN;
    }
    double total = 0;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      int own = assignment[i];
      if (counts[own] == 1) {
        continue;
      }
      double a = 0;
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (counts[c] == 0) {
          continue;
        }
        // Sum of squared distances from p to the points of c (p itself adds 0 to its own).
        double sum = counts[c] * p.squaredNorm() + squaredNorms[c] - 2 * p.dot(sums[c]);
        sum = Math.max(sum, 0);
        if (c == own) {
          a = sum / (counts[c] - 1);
        } else {
          b = Math.min(b, sum / counts[c]);
        }
      }
      double m = Math.max(a, b);
      total += m == 0 ? 0 : (b - a) / m;
    }
    return total / points.size();
  }

  /** Index of the centre nearest to {@code p}, the first of equals. */
  static int nearest(Point p, double[][] centres, double[] centreNorms) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centres.length; c++) {
      double d = p.squaredNorm() + centreNorms[c] - 2 * p.dot(centres[c]);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  static double[] squaredNorms(double[][] centres) {
    double[] out = new double[centres.length];
    for (int c = 0; c < centres.length; c++) {
      double s = 0;
      for (double v : centres[c]) {
        s += v * v;
      }
      out[c] = s;
    }
    return out;
  }

  /** Assigns every point to its nearest centre; true when an assignment changed. */
  private static boolean assign(List<Point> points, double[][] centres, int[] assignment) {
    double[] norms = squaredNorms(centres);
    boolean changed = false;
    for (int i = 0; i < points.size(); i++) {
      int c = nearest(points.get(i), centres, norms);
      if (c != assignment[i]) {
        assignment[i] = c;
        changed = true;
      }
    }
    return changed;
  }

  /** The mean of each cluster's points; a centre no point is nearest to stays where it was. */
  private static double[][] means(
      List<Point> points, int dims, double[][] previous, int[] assignment) {
    double[][] sums = new double[previous.length][dims];
    long[] counts = new long[previous.length];
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      int c = assignment[i];
      counts[c]++;
      for (int j = 0; j < p.indices().length; j++) {
        sums[c][p.indices()[j]] += p.values()[j];
      }
    }
    for (int c = 0; c < sums.length; c++) {
      if (counts[c] == 0) {
        sums[c] = previous[c].clone();
      } else {
        for (int d = 0; d < dims; d++) {
          sums[c][d] /= counts[c];
        }
      }
    }
    return sums;
  }

  /** k-means++ seeding; stops early when every point already sits on a centre. */
  private static double[][] initialCentres(List<Point> points, int dims, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<double[]> centres = new ArrayList<>();
    centres.add(dense(points.get(random.nextInt(points.size())), dims));
    double[] nearest = new double[points.size()];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    while (centres.size() < k) {
      double[] last = centres.get(centres.size() - 1);
      double lastNorm = squaredNorms(new double[][] {last})[0];
      double total = 0;
      for (int i = 0; i < points.size(); i++) {
        Point p = points.get(i);
        double d = Math.max(0, p.squaredNorm() + lastNorm - 2 * p.dot(last));
        nearest[i] = Math.min(nearest[i], d);
        total += nearest[i];
      }
      if (total <= 1e-12) {
        break;
      }
      double r = random.nextDouble() * total;
      int pick = points.size() - 1;
      double run = 0;
      for (int i = 0; i < points.size(); i++) {
        run += nearest[i];
        if (run > r && nearest[i] > 0) {
          pick = i;
          break;
        }
      }
      while (nearest[pick] == 0) {
        pick--;
      }
      centres.add(dense(points.get(pick), dims));
    }
    return centres.toArray(double[][]::new);
  }

  private static double[] dense(Point p, int dims) {
    double[] out = new double[dims];
    for (int j = 0; j < p.indices().length; j++) {
      out[p.indices()[j]] = p.values()[j];
    }
    return out;
  }
}
