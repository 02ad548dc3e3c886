package io.riposte.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.report.ReportData.Cluster;
import io.riposte.report.ReportData.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders {@link ReportData} as one self-contained HTML page: the style sheet, the data (JSON) and
 * the drawing script ({@code riposte/report/report.js}, SVG drawn in the browser) are inlined, so
 * the page needs no network to be viewed.
 *
 * <p>The script records any JavaScript error in the {@code #js-errors} list and marks the page
 * {@code data-report="drawn"} when every chart was drawn; each chart's {@code svg} carries the
 * number of marks it drew in {@code data-marks}. {@code ReportIT} checks both in headless Chromium.
 */
public final class ReportPage {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportPage() {}

  /** The page as HTML. */
  public static String html(ReportData data) {
    Summary s = data.summary();
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\" data-report=\"pending\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Riposte report: ")
        .append(escape(data.title()))
        .append("</title>\n<style>\n")
        .append(resource("report.css"))
        .append("</style>\n</head>\n<body>\n")
        .append("<ul id=\"js-errors\" hidden></ul>\n")
        .append("<script>\n")
        .append(resource("errors.js"))
        .append("</script>\n");

    h.append("<header>\n<h1>Who accuses whom, and who denies it</h1>\n<p class=\"source\">")
        .append(escape(data.title()))
        .append("</p>\n<dl class=\"totals\">\n");
    total(h, "articles", s.articles());
    total(h, "accusation claims", s.accusations());
    total(h, "denial claims", s.denials());
    total(h, "articles with an accusation", s.accusationArticles());
    total(
        h,
        "of them giving the denial",
        s.accusationArticlesReportingDenial(),
        percent(s.accusationArticlesReportingDenial(), s.accusationArticles()));
    total(h, "episodes", s.episodes());
    total(h, "episodes denied", s.deniedEpisodes(), percent(s.deniedEpisodes(), s.episodes()));
    h.append("<div><dt>median days to denial</dt><dd>")
        .append(
            s.medianDaysToDenial() == null
                ? "–"
                : String.format(Locale.ROOT, "%.0f", s.medianDaysToDenial()))
        .append("</dd></div>\n");
    h.append("</dl>\n<p class=\"span\">Months: ")
        .append(
            s.firstMonth() == null ? "no dated articles" : s.firstMonth() + " to " + s.lastMonth())
        .append(". Counts are claims (sentences) unless they say articles.</p>\n</header>\n");

    h.append("<section id=\"dyads\">\n<h2>Accusations per month, top ")
        .append(data.dyads().size())
        .append(" accuser → accused pairs</h2>\n")
        .append("<p>ACCUSATION claims per publication month (<code>dyad_counts.n_claims</code>),")
        .append(" for the pairs with the most accusations. Undated articles and unnamed actors")
        .append(" (\"critics\", \"officials\") are left out.</p>\n");
    chart(h, "chart-dyads", data.dyads().isEmpty(), "No accusation names both actors.");
    h.append("<ul class=\"legend\" id=\"legend-dyads\"></ul>\n</section>\n");

    h.append("<section id=\"categories\">\n<h2>Accusations per month by what is alleged</h2>\n")
        .append("<p>ACCUSATION claims per publication month and offence category")
        .append(" (<code>dyad_counts.offence_category</code>), for the ")
        .append(data.categories().series().size())
        .append(" categories with the most accusations; every dated accusation counts, named")
        .append(" actors or not.</p>\n");
    chart(h, "chart-categories", data.categories().series().isEmpty(), "No dated accusation.");
    h.append("<ul class=\"legend\" id=\"legend-categories\"></ul>\n</section>\n");

    h.append("<section id=\"outlets\">\n<h2>Do outlets report the denial?</h2>\n")
        .append("<p>Per outlet, the share of articles with an accusation that also give a denial")
        .append(" of it (<code>outlet_coverage</code>: n_accusation_articles_reporting_denial /")
        .append(" n_with_accusation), for the ")
        .append(data.outlets().size())
        .append(" outlets with the most accusation articles. The grey rest omits it.</p>\n");
    chart(h, "chart-outlets", data.outlets().isEmpty(), "No article carries an accusation.");
    h.append("</section>\n");

    h.append("<section id=\"network\">\n<h2>Accuser → accused network</h2>\n")
        .append("<p>The ")
        .append(data.network().size())
        .append(" pairs with the most claims. An arrow points from accuser to accused; its width")
        .append(" is the accusation claims, its colour how much the accused denied: blue-grey")
        .append(" under 10% as many denial claims as accusation claims, light orange under half,")
        .append(" orange half or more (hover for counts). Unnamed actors are left out.</p>\n");
    chart(h, "chart-network", data.network().isEmpty(), "No claim names both actors.");
    h.append("</section>\n");

    h.append("<section id=\"clusters\">\n<h2>Largest clusters of claims</h2>\n");
    if (!data.clustersComputed()) {
      h.append("<p class=\"empty\" id=\"no-clusters\">No clusters were computed for this output")
          .append(" (no <code>clusters</code> table).</p>\n");
    } else {
      h.append("<p>Claims grouped by what they say (<code>clusters</code>), largest first:")
          .append(" accusations in blue, denials in orange; with representative sentences.</p>\n");
      chart(h, "chart-clusters", data.clusters().isEmpty(), "The clusters table is empty.");
      for (Cluster c : data.clusters()) {
        clusterCard(h, c);
      }
    }
    h.append("</section>\n");

    h.append("<footer>Written by <code>riposte report</code>. Tables and columns:")
        .append(" docs/data-dictionary.md; notebooks for drilling down: notebooks/.</footer>\n");
    h.append("<script type=\"application/json\" id=\"report-data\">")
        .append(json(data))
        .append("</script>\n<script>\n")
        .append(resource("report.js"))
        .append("</script>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void chart(StringBuilder h, String id, boolean empty, String emptyMessage) {
    if (empty) {
      h.append("<p class=\"empty\">").append(escape(emptyMessage)).append("</p>\n");
    } else {
      h.append("<svg class=\"chart\" id=\"")
          .append(id)
          .append("\" role=\"img\" data-marks=\"0\"></svg>\n");
    }
  }

  private static void clusterCard(StringBuilder h, Cluster c) {
    h.append("<article class=\"cluster\" id=\"cluster-")
        .append(c.clusterId())
        .append("\">\n<h3>")
        .append(escape(c.label()))
        .append(" <span class=\"meta\">#")
        .append(c.clusterId())
        .append(" · ")
        .append(c.size())
        .append(" claims · ")
        .append(c.accusations())
        .append(" accusations, ")
        .append(c.denials())
        .append(" denials (")
        .append(String.format(Locale.ROOT, "%.0f%%", 100 * c.shareDenied()))
        .append(" denied)</span></h3>\n");
    if (!c.topTerms().isEmpty()) {
      h.append("<p class=\"terms\">")
          .append(escape(String.join(" · ", c.topTerms())))
          .append("</p>\n");
    }
    if (!c.topActorPairs().isEmpty()) {
      h.append("<p class=\"pairs\">")
          .append(escape(String.join(" · ", c.topActorPairs())))
          .append("</p>\n");
    }
    h.append("<ul class=\"sentences\">\n");
    for (String sentence : c.sentences()) {
      h.append("<li>").append(escape(sentence)).append("</li>\n");
    }
    h.append("</ul>\n</article>\n");
  }

  private static void total(StringBuilder h, String label, long value) {
    total(h, label, value, null);
  }

  private static void total(StringBuilder h, String label, long value, String note) {
    h.append("<div><dt>")
        .append(escape(label))
        .append("</dt><dd>")
        .append(String.format(Locale.ROOT, "%,d", value));
    if (note != null) {
      h.append(" <small>").append(note).append("</small>");
    }
    h.append("</dd></div>\n");
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "" : String.format(Locale.ROOT, "(%.0f%%)", 100.0 * part / whole);
  }

  /** The data as JSON that is safe inside a script element (no {@code <} at all). */
  static String json(ReportData data) {
    try {
      return JSON.writeValueAsString(data).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report data as JSON", e);
    }
  }

  /** Text escaped for HTML element content and attribute values. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char ch : text.toCharArray()) {
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  private static String resource(String name) {
    String path = "/riposte/report/" + name;
    try (InputStream in = ReportPage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
