package io.riposte.report;

import java.util.List;

/**
 * What the HTML report shows, already cut to size (top dyads, top outlets, largest clusters): plain
 * values, no Spark types, so {@link ReportPage} renders it without a session.
 *
 * @param title page title, e.g. the output root
 * @param summary totals over the whole output
 * @param months the months of the dyad chart, {@code YYYY-MM}, consecutive, oldest first
 * @param dyads the top accuser -> accused dyads by accusation claims, largest first
 * @param outlets the outlets with the most accusation articles, largest first
 * @param network the edges of the accuser -> accused network, largest first
 * @param clusters the largest clusters, or null when the output has no {@code clusters} table
 * @param categories accusations per month of the offence categories with the most accusations
 */
public record ReportData(
    String title,
    Summary summary,
    List<String> months,
    List<DyadSeries> dyads,
    List<OutletShare> outlets,
    List<Edge> network,
    List<Cluster> clusters,
    Categories categories) {

  public ReportData {
    months = List.copyOf(months);
    dyads = List.copyOf(dyads);
    outlets = List.copyOf(outlets);
    network = List.copyOf(network);
    clusters = clusters == null ? null : List.copyOf(clusters);
    for (DyadSeries d : dyads) {
      if (d.perMonth().size() != months.size()) {
        throw new IllegalArgumentException(
            "dyad "
                + d.accuser()
                + " -> "
                + d.accused()
                + ": expected "
                + months.size()
                + " monthly counts, got "
                + d.perMonth().size());
      }
    }
  }

  /**
   * Accusation claims per month and offence category.
   *
   * @param months consecutive {@code YYYY-MM}, oldest first
   * @param series the categories with the most accusations, largest first
   */
  public record Categories(List<String> months, List<CategorySeries> series) {
    public Categories {
      months = List.copyOf(months);
      series = List.copyOf(series);
      for (CategorySeries c : series) {
        if (c.perMonth().size() != months.size()) {
          throw new IllegalArgumentException(
              "category "
                  + c.label()
                  + ": expected "
                  + months.size()
                  + " monthly counts, got "
                  + c.perMonth().size());
        }
      }
    }
  }

  /**
   * One offence category's accusation claims per month.
   *
   * @param category the {@code offence_category} value, or null for accusations without one
   * @param label the category in words ("chemical weapons", "not categorised")
   */
  public record CategorySeries(
      String category, String label, long accusations, List<Long> perMonth) {
    public CategorySeries {
      perMonth = List.copyOf(perMonth);
    }
  }

  /** True when the output has a clusters table (it may still be empty). */
  public boolean clustersComputed() {
    return clusters != null;
  }

  /**
   * Totals over the whole output.
   *
   * @param firstMonth first publication month with an article ({@code YYYY-MM}), or null
   * @param medianDaysToDenial median of {@code episodes.days_to_denial} over denied episodes, or
   *     null when none was denied
   */
  public record Summary(
      long articles,
      long accusationArticles,
      long accusationArticlesReportingDenial,
      long accusations,
      long denials,
      String firstMonth,
      String lastMonth,
      long episodes,
      long deniedEpisodes,
      Double medianDaysToDenial) {}

  /** Accusation claims per month of one dyad; denials are the dyad's DENIAL claims in total. */
  public record DyadSeries(
      String accuser, String accused, long accusations, long denials, List<Long> perMonth) {
    public DyadSeries {
      perMonth = List.copyOf(perMonth);
    }
  }

  /** One outlet's accusation articles and how many of them give the denial. */
  public record OutletShare(
      String outletKey, String outlet, long accusationArticles, long reportingDenial) {}

  /** An accuser -> accused edge: the dyad's ACCUSATION and DENIAL claims. */
  public record Edge(String accuser, String accused, long accusations, long denials) {}

  /** One cluster of claims with a few of its representative sentences. */
  public record Cluster(
      int clusterId,
      String label,
      long size,
      long accusations,
      long denials,
      double shareDenied,
      List<String> topTerms,
      List<String> topActorPairs,
      List<String> sentences) {
    public Cluster {
      topTerms = List.copyOf(topTerms);
      topActorPairs = List.copyOf(topActorPairs);
      sentences = List.copyOf(sentences);
    }
  }
}
