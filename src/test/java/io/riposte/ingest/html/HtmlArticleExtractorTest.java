package io.riposte.ingest.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.riposte.ingest.TokenF1;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlArticleExtractor} on small made-up pages (one behaviour each), {@link TokenF1}, and
 * the quality gate on the real benchmark pages in {@code ../shared} (skipped without them).
 */
class HtmlArticleExtractorTest {

  private static final String P1 =
      "The harbour council of Port Elwin voted on Tuesday to rebuild the old stone pier, a project"
          + " that residents, fishermen and ferry operators have requested for more than a decade.";
  private static final String P2 =
      "Council member Dana Okoro said the repairs would begin in spring, once the winter storms had"
          + " passed, and that the work would be paid for by a regional infrastructure grant.";
  private static final String P3 =
      "Opponents argued that the money should go to the coastal road instead, which floods several"
          + " times a year, but the motion passed by seven votes to two after a long debate.";
  private static final String P4 =
      "The pier, built in 1887, has been closed to vehicles since a section of its outer wall"
          + " collapsed, forcing the ferry to dock at a temporary pontoon on the northern beach.";

  private static final String ARTICLE_PARAGRAPHS =
      "<p>" + P1 + "</p>\n<p>" + P2 + "</p>\n<p>" + P3 + "</p>\n<p>" + P4 + "</p>\n";

  private static String page(String head, String body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + head
        + "</head><body>"
        + body
        + "</body></html>";
  }

  private static String jsonLd(String json) {
    return "<script type=\"application/ld+json\">" + json + "</script>";
  }

  private static final String CHROME_AROUND_ARTICLE =
      """
      <header><nav><ul>
        <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
        <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
      </ul></nav></header>
      <div class="cookie-banner"><p>We use cookies to improve your experience. Accept all?</p></div>
      <main>
        <article>
          <h1>Port Elwin to rebuild its old stone pier</h1>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
          <figure><img src="pier.jpg"><figcaption>The old pier at low tide.</figcaption></figure>
          %s
        </article>
        <aside class="related"><h3>Related stories</h3><ul>
          <li><a href="/a">Ferry timetable changes for the winter season</a></li>
          <li><a href="/b">Coastal road closed again after heavy rain</a></li>
          <li><a href="/c">Fishermen report a record mackerel season</a></li>
        </ul></aside>
      </main>
      <footer><p>Copyright 2024 Elwin Gazette. All rights reserved.</p>
        <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
      """;

  @Test
  void keepsArticleParagraphsAndDropsNavigationFooterRelatedLinksAndCaptions() {
    String html = page("<title>Pier</title>", CHROME_AROUND_ARTICLE.formatted(ARTICLE_PARAGRAPHS));

    HtmlArticle a = HtmlArticleExtractor.extract(html, "https://gazette.example/pier");

    assertThat(a.text())
        .as("body paragraphs, blank-line separated")
        .isEqualTo(String.join("\n\n", P1, P2, P3, P4));
  }

  @Test
  void normalisesWhitespaceInsideParagraphsAndSplitsBlocks() {
    String body =
        "<article><div>"
            + P1.replace(" ", " \n\t ")
            + "</div><div>"
            + P2
            + "<br><br>"
            + P3
            + "</div><p>"
            + P4
            + "</p></article>";

    HtmlArticle a = HtmlArticleExtractor.extract(page("", body), null);

    assertThat(a.text().split("\n\n")).containsExactly(P1, P2, P3, P4);
  }

  @Test
  void siteNameFromOpenGraphThenJsonLdPublisher() {
    String og = "<meta property=\"og:site_name\" content=\"Elwin Gazette\">";
    String ld = jsonLd("{\"@type\":\"NewsArticle\",\"publisher\":{\"name\":\"Gazette Group\"}}");

    assertThat(HtmlArticleExtractor.extract(page(og + ld, ARTICLE_PARAGRAPHS), null).siteName())
        .isEqualTo("Elwin Gazette");
    assertThat(HtmlArticleExtractor.extract(page(ld, ARTICLE_PARAGRAPHS), null).siteName())
        .isEqualTo("Gazette Group");
    assertThat(HtmlArticleExtractor.extract(page("", ARTICLE_PARAGRAPHS), null).siteName())
        .isNull();
  }

  @Test
  void datePublishedFromPlainJsonLd() {
    String head =
        jsonLd(
            "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"Pier\",\"datePublished\":\"2024-03-05T08:00:00Z\"}");

    assertThat(HtmlArticleExtractor.extract(page(head, ARTICLE_PARAGRAPHS), null).publishedRaw())
        .isEqualTo("2024-03-05T08:00:00Z");
  }

  @Test
  void datePublishedFromJsonLdGraph() {
    String head =
        jsonLd(
            """
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Elwin Gazette"},
              {"@type": "WebPage", "datePublished": "2024-01-01"},
              {"@type": "NewsArticle", "datePublished": "2024-03-05T08:00:00+01:00"}
            ]}
            """);

    assertThat(HtmlArticleExtractor.extract(page(head, ARTICLE_PARAGRAPHS), null).publishedRaw())
        .as("the article's date wins over the web page's")
        .isEqualTo("2024-03-05T08:00:00+01:00");
  }

  @Test
  void datePublishedFromJsonLdList() {
    String head =
        jsonLd(
            """
            [{"@type": "BreadcrumbList", "itemListElement": []},
             {"@type": "Article", "datePublished": "March 5, 2024"}]
            """);

    assertThat(HtmlArticleExtractor.extract(page(head, ARTICLE_PARAGRAPHS), null).publishedRaw())
        .isEqualTo("March 5, 2024");
  }

  @Test
  void metaPublishedTimeComesBeforeJsonLdAndOtherMetaNames() {
    String head =
        "<meta name=\"date\" content=\"2024-03-01\">"
            + "<meta property=\"article:published_time\" content=\"2024-03-05T08:00:00Z\">"
            + jsonLd("{\"@type\":\"NewsArticle\",\"datePublished\":\"2024-03-04\"}");

    assertThat(HtmlArticleExtractor.extract(page(head, ARTICLE_PARAGRAPHS), null).publishedRaw())
        .isEqualTo("2024-03-05T08:00:00Z");
  }

  @Test
  void datePublishedFromMetaNamesThenTimeInsideArticle() {
    String dcDate = "<meta name=\"DC.date.issued\" content=\"2024-03-02\">";
    String timed =
        "<header><time datetime=\"2030-01-01\">today</time></header><article>"
            + "<time datetime=\"2024-03-03T10:00\">3 March</time>"
            + ARTICLE_PARAGRAPHS
            + "</article>";

    assertThat(HtmlArticleExtractor.extract(page(dcDate, ARTICLE_PARAGRAPHS), null).publishedRaw())
        .isEqualTo("2024-03-02");
    assertThat(HtmlArticleExtractor.extract(page("", timed), null).publishedRaw())
        .as("the <time> inside <article>, not the page header's")
        .isEqualTo("2024-03-03T10:00");
    assertThat(HtmlArticleExtractor.extract(page("", ARTICLE_PARAGRAPHS), null).publishedRaw())
        .isNull();
  }

  @Test
  void urlFromCanonicalLinkThenOgUrlThenPageUrl() {
    String canonical = "<link rel=\"canonical\" href=\"/news/pier-rebuilt\">";
    String ogUrl = "<meta property=\"og:url\" content=\"https://gazette.example/og/pier\">";
    String fetched = "https://gazette.example/news/pier-rebuilt?utm_source=feed";

    assertThat(HtmlArticleExtractor.extract(page(canonical + ogUrl, P1), fetched).url())
        .as("relative canonical resolved against the page URL")
        .isEqualTo("https://gazette.example/news/pier-rebuilt");
    assertThat(HtmlArticleExtractor.extract(page(ogUrl, P1), fetched).url())
        .isEqualTo("https://gazette.example/og/pier");
    assertThat(HtmlArticleExtractor.extract(page("", P1), fetched).url()).isEqualTo(fetched);
    assertThat(HtmlArticleExtractor.extract(page("", P1), null).url()).isNull();
  }

  @Test
  void titleLosesSiteNameSuffixOrPrefixOnlyWhenItIsTheSiteName() {
    String site = "<meta property=\"og:site_name\" content=\"Elwin Gazette\">";

    assertThat(
            HtmlArticleExtractor.extract(
                    page(site + "<title>Pier to be rebuilt | Elwin Gazette</title>", P1), null)
                .title())
        .isEqualTo("Pier to be rebuilt");
    assertThat(
            HtmlArticleExtractor.extract(
                    page(site + "<title>Elwin Gazette - Pier to be rebuilt</title>", P1), null)
                .title())
        .isEqualTo("Pier to be rebuilt");
    assertThat(
            HtmlArticleExtractor.extract(
                    page(site + "<title>Pier to be rebuilt - Council vote</title>", P1), null)
                .title())
        .isEqualTo("Pier to be rebuilt - Council vote");
    assertThat(
            HtmlArticleExtractor.extract(
                    page(
                        "<meta property=\"og:title\" content=\"Pier to be rebuilt\">"
                            + "<title>Pier | Elwin Gazette</title>",
                        P1),
                    null)
                .title())
        .as("og:title first")
        .isEqualTo("Pier to be rebuilt");
  }

  @Test
  void headlineIsNotRepeatedInTheText() {
    String head =
        "<meta property=\"og:title\" content=\"Port Elwin to rebuild its old stone pier\">";
    String body = "<article><h2>Port Elwin to rebuild its old stone pier</h2>" + ARTICLE_PARAGRAPHS;

    assertThat(HtmlArticleExtractor.extract(page(head, body), null).text())
        .doesNotContain("rebuild its old stone pier")
        .startsWith(P1);
  }

  @Test
  void dateStampLinesAreDroppedButDatedDataIsKept() {
    String body =
        "<article><p>Updated 5:27 am CST, Wednesday, November 20, 2019</p>"
            + ARTICLE_PARAGRAPHS
            + "<ul><li>Round 1: 10 March 2024, Port Elwin</li></ul>"
            + "<p>The ferry resumes on 1 May 2024 at 9:00.</p></article>";

    assertThat(HtmlArticleExtractor.extract(page("", body), null).text())
        .doesNotContain("Updated 5:27 am")
        .contains("Round 1: 10 March 2024, Port Elwin")
        .endsWith("The ferry resumes on 1 May 2024 at 9:00.");
  }

  @Test
  void malformedHtmlStillYieldsTheText() {
    String html =
        "<html><head><title>Pier</head><body><div><article><p>"
            + P1
            + "<p>"
            + P2
            + "</span></div></td><p>"
            + P3
            + "<b><i>"
            + P4
            + "</b></i><table><tr><td></article>";

    HtmlArticle a = HtmlArticleExtractor.extract(html, "not a url at all");

    assertThat(a.text()).contains(P1).contains(P2).contains(P3).contains(P4);
  }

  @Test
  void emptyOrNullInputGivesEmptyText() {
    for (String html : new String[] {null, "", "   \n ", "<html></html>", "<<<>>>", "\u0000"}) {
      HtmlArticle a = HtmlArticleExtractor.extract(html, "https://gazette.example/x");
      assertThat(a.text()).as("text of %s", html).isEmpty();
      assertThat(a.url()).isEqualTo("https://gazette.example/x");
      assertThat(a.publishedRaw()).isNull();
    }
  }

  @Test
  void pageWithoutArticleGivesEmptyText() {
    String html =
        page(
            "<title>Elwin Gazette</title>",
            """
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
            <div class="cookie-banner"><p>We use cookies. <a href="/ok">Accept</a></p></div>
            <ul class="latest">
              <li><a href="/a">Ferry timetable changes for the winter season</a></li>
              <li><a href="/b">Coastal road closed again after heavy rain</a></li>
            </ul>
            <footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
            """);

    assertThat(HtmlArticleExtractor.extract(html, null).text()).isEmpty();
  }

  @Test
  void jsonLdArticleBodyIsUsedWhenThePageRendersNoText() {
    String body = P1 + "\n\n" + P2;
    String head =
        jsonLd(
            "{\"@type\":\"NewsArticle\",\"headline\":\"Pier\",\"articleBody\":"
                + new ObjectMapper().valueToTree(body)
                + "}");
    String appShell = "<div id=\"app\"></div><noscript>Please enable JavaScript.</noscript>";

    assertThat(HtmlArticleExtractor.extract(page(head, appShell), null).text()).isEqualTo(body);
  }

  @Test
  void pagesTooLargeForReadabilityFallBackToTheLargestParagraphCluster() {
    String filler = "<div class=\"grid\">" + "<span></span>".repeat(40_000) + "</div>";
    String body =
        "<div class=\"teasers\"><p><a href=\"/a\">Ferry timetable changes</a></p></div>"
            + filler
            + "<div class=\"story\">"
            + ARTICLE_PARAGRAPHS
            + "</div>";

    assertThat(HtmlArticleExtractor.extract(page("", body), null).text())
        .isEqualTo(String.join("\n\n", P1, P2, P3, P4));
  }

  @Test
  void invalidJsonLdIsIgnored() {
    String head =
        jsonLd("{\"@type\": \"NewsArticle\", \"datePublished\": ")
            + jsonLd("[[[[[[[[[[")
            + "<meta property=\"og:site_name\" content=\"Elwin Gazette\">";

    HtmlArticle a = HtmlArticleExtractor.extract(page(head, ARTICLE_PARAGRAPHS), null);

    assertThat(a.siteName()).isEqualTo("Elwin Gazette");
    assertThat(a.publishedRaw()).isNull();
    assertThat(a.text()).startsWith(P1);
  }

  @Test
  void embeddedTweetsAreKeptAsQuotedContent() {
    String tweet = "The new pier design looks great, can not wait to walk on it again this summer.";
    String body =
        "<article><p>"
            + P1
            + "</p><div class=\"social-embed\"><blockquote class=\"twitter-tweet\"><p>"
            + tweet
            + "</p></blockquote></div><p>"
            + P2
            + "</p><p>"
            + P3
            + "</p></article>";

    assertThat(HtmlArticleExtractor.extract(page("", body), null).text()).contains(tweet);
  }

  @Test
  void hugeAndDeeplyNestedInputIsBoundedAndDoesNotThrow() {
    String deep = "<html><body>" + "<div>".repeat(20_000) + P1 + "</div>".repeat(20_000);
    String huge =
        "<html><body>"
            + ARTICLE_PARAGRAPHS
            + "<script>"
            + "var x = 1;\n".repeat(HtmlArticleExtractor.MAX_HTML_CHARS / 10)
            + "</script><p>Beyond the cap.</p></body></html>";

    assertThatCode(() -> HtmlArticleExtractor.extract(deep, null)).doesNotThrowAnyException();
    assertThat(huge.length()).isGreaterThan(HtmlArticleExtractor.MAX_HTML_CHARS);
    assertThat(HtmlArticleExtractor.extract(huge, null).text())
        .as("the page is cut at MAX_HTML_CHARS, not dropped")
        .isEqualTo(String.join("\n\n", P1, P2, P3, P4));
  }

  @Test
  void concurrentCallsGiveTheSameResults() throws Exception {
    String html =
        page(
            "<meta property=\"og:site_name\" content=\"Elwin Gazette\">",
            CHROME_AROUND_ARTICLE.formatted(ARTICLE_PARAGRAPHS));
    HtmlArticle expected = HtmlArticleExtractor.extract(html, "https://gazette.example/pier");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<HtmlArticle>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(
            pool.submit(() -> HtmlArticleExtractor.extract(html, "https://gazette.example/pier")));
      }
      for (Future<HtmlArticle> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void tokenF1CountsTokenMultisets() {
    assertThat(TokenF1.f1("", "")).isEqualTo(1.0);
    assertThat(TokenF1.f1(null, "a")).isEqualTo(0.0);
    assertThat(TokenF1.f1("The cat, the HAT!", "the cat the hat")).isEqualTo(1.0);
    // pred {a, a, b}, gold {a, b, c}: overlap 2, precision 2/3, recall 2/3.
    assertThat(TokenF1.f1("a a b", "a b c")).isCloseTo(2.0 / 3, Offset.offset(1e-9));
    assertThat(TokenF1.tokenCount("état-major 2024 ½ 東京")).isEqualTo(5);
  }

  /**
   * The real-page benchmark (scrapinghub's article-extraction-benchmark pages in the shared corpora
   * folder); skipped when that folder is absent.
   */
  @Test
  void meanTokenF1OnBenchmarkPagesIsAtLeast90Percent() throws IOException {
    Path repo = Path.of(System.getProperty("riposte.repo", "."));
    Path dir = repo.resolve("../shared/corpora/html-pages").normalize();
    Path truthFile = dir.resolve("ground-truth.json");
    Assumptions.assumeTrue(Files.isRegularFile(truthFile), "no benchmark pages at " + dir);

    JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
    double sum = 0;
    int pages = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Path file = dir.resolve(e.getKey() + ".html.gz");
      if (!Files.isRegularFile(file)) {
        continue;
      }
      String html;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
        html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      HtmlArticle a = HtmlArticleExtractor.extract(html, e.getValue().path("url").asText(null));
      sum += TokenF1.f1(a.text(), e.getValue().path("articleBody").asText(""));
      pages++;
    }

    assertThat(pages).as("benchmark pages read").isPositive();
    assertThat(sum / pages).as("mean token F1 over %d pages", pages).isGreaterThanOrEqualTo(0.90);
  }
}
