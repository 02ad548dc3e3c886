package io.riposte.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.report.ReportData.Categories;
import io.riposte.report.ReportData.CategorySeries;
import io.riposte.report.ReportData.Cluster;
import io.riposte.report.ReportData.DyadSeries;
import io.riposte.report.ReportData.Edge;
import io.riposte.report.ReportData.OutletShare;
import io.riposte.report.ReportData.Summary;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  static final Summary SUMMARY = new Summary(10, 6, 3, 7, 4, "2018-03", "2018-04", 2, 1, 0.0);

  static ReportData data(List<Cluster> clusters) {
    return new ReportData(
        "out/sample",
        SUMMARY,
        List.of("2018-03", "2018-04"),
        List.of(new DyadSeries("United States", "North Korea", 5, 2, List.of(2L, 3L))),
        List.of(new OutletShare("wsi", "Wire Service International", 6, 3)),
        List.of(new Edge("United States", "North Korea", 5, 2)),
        clusters,
        new Categories(
            List.of("2018-03", "2018-04"),
            List.of(new CategorySeries("cyberattack", "cyberattack", 5, List.of(2L, 3L)))));
  }

  @Test
  void pageIsSelfContained() {
    Document page = Jsoup.parse(ReportPage.html(data(null)));
    assertThat(page.select("script[src], link[href], img[src], iframe"))
        .as("elements that would load something")
        .isEmpty();
    assertThat(page.select("svg.chart").eachAttr("id"))
        .containsExactly("chart-dyads", "chart-categories", "chart-outlets", "chart-network");
    assertThat(page.getElementById("no-clusters"))
        .as("note when there is no clusters table")
        .isNotNull();
  }

  @Test
  void textFromTheDataCannotCloseTheScriptOrAddMarkup() {
    // A sentence is archive text: it must not end the JSON script element or inject elements.
    Cluster evil =
        new Cluster(
            3,
            "<b>label</b>",
            4,
            3,
            1,
            0.25,
            List.of("term"),
            List.of("A -> B"),
            List.of("He said </script><script>alert(1)</script> & left."));
    String html = ReportPage.html(data(List.of(evil)));
    Document page = Jsoup.parse(html);
    assertThat(page.select("script")).as("script elements").hasSize(3);
    assertThat(page.select("b")).as("markup from a label").isEmpty();
    assertThat(page.select("#cluster-3 .sentences li").text())
        .isEqualTo("He said </script><script>alert(1)</script> & left.");
    assertThat(page.getElementById("report-data").data()).doesNotContain("<");
    assertThat(page.select("svg#chart-clusters")).hasSize(1);
  }

  @Test
  void monthlyCountsMustCoverEveryMonth() {
    assertThatThrownBy(
            () ->
                new ReportData(
                    "x",
                    SUMMARY,
                    List.of("2018-03", "2018-04"),
                    List.of(new DyadSeries("A", "B", 1, 0, List.of(1L))),
                    List.of(),
                    List.of(),
                    null,
                    new Categories(List.of(), List.of())))
        .hasMessage("dyad A -> B: expected 2 monthly counts, got 1");
    assertThatThrownBy(
            () ->
                new Categories(
                    List.of("2018-03"),
                    List.of(new CategorySeries(null, "not categorised", 1, List.of()))))
        .hasMessage("category not categorised: expected 1 monthly counts, got 0");
  }
}
